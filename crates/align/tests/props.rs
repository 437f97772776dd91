//! Property tests for the alignment: every query word is placed exactly
//! once, in order; source indices stay inside the source; an exact
//! substring aligns at cost zero.

use proptest::prelude::*;
use verbatim_align::{align, Costs, GapKind, Step};

fn words(max: usize) -> impl Strategy<Value = Vec<u64>> {
    proptest::collection::vec(0u64..12, 1..max)
}

proptest! {
    #[test]
    fn every_query_word_once_in_order(q in words(20), s in words(80), marks in proptest::collection::vec(0u8..3, 20)) {
        let gaps: Vec<GapKind> = (0..q.len()).map(|i| match marks[i % marks.len()] {
            0 => GapKind::Adjacent, 1 => GapKind::Elision, _ => GapKind::Wildcard }).collect();
        // None only when no query word touches the source at all (every word inserted)
        let Some(a) = align(&q, &gaps, &s, &Costs::default()) else {
            prop_assert!(q.iter().all(|w| !s.contains(w)));
            return Ok(());
        };
        let mut next_q = 0;
        let mut last_s: Option<usize> = None;
        for st in &a.steps {
            match st {
                Step::Match { q: qi, s: si } | Step::Substitute { q: qi, s: si } => {
                    prop_assert_eq!(*qi, next_q);
                    next_q += 1;
                    prop_assert!(*si < s.len());
                    prop_assert!(last_s.is_none_or(|l| *si > l));
                    last_s = Some(*si);
                    if matches!(st, Step::Match { .. }) { prop_assert_eq!(q[*qi], s[*si]); }
                }
                Step::Insert { q: qi } => { prop_assert_eq!(*qi, next_q); next_q += 1; }
                Step::Skip { s: r, .. } => prop_assert!(r.end <= s.len() && r.start < r.end),
            }
        }
        prop_assert_eq!(next_q, q.len());
        prop_assert!(a.cost >= 0.0);
    }

    #[test]
    fn a_substring_aligns_exactly(s in words(60), from in 0usize..60, len in 1usize..20) {
        let from = from % s.len();
        let to = (from + len).min(s.len());
        let q = s[from..to].to_vec();
        let gaps = vec![GapKind::Adjacent; q.len()];
        let a = align(&q, &gaps, &s, &Costs::default()).unwrap();
        prop_assert_eq!(a.cost, 0.0);
        prop_assert_eq!(a.matched(), q.len());
    }
}
