//! Property tests: offsets always map back to the original text.

use proptest::prelude::*;
use verbatim_text::{normalize_word, parse_query, same_surface, tokenize, LineIndex};

fn texty() -> impl Strategy<Value = String> {
    // arbitrary Unicode, plus a bias toward the characters the normalizer treats specially
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                Just("word".to_string()),
                Just("Ünïcödé".to_string()),
                Just("-\n".to_string()),
                Just("’".to_string()),
                Just("...".to_string()),
                Just("[…]".to_string()),
                Just(". . .".to_string()),
                Just("[the West]".to_string()),
                Just(" ".to_string()),
                Just("\r\n   ".to_string()),
                Just("ﬁ".to_string()),
                Just("“".to_string()),
                any::<char>().prop_map(|c| c.to_string()),
            ],
            0..40
        )
        .prop_map(|v| v.concat()),
    ]
}

proptest! {
    #[test]
    fn token_offsets_slice_the_original(text in texty()) {
        let toks = tokenize(&text);
        let mut last_end = 0;
        for t in &toks {
            prop_assert!(t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert!(t.start >= last_end, "tokens are ordered and disjoint");
            prop_assert_eq!(normalize_word(&text[t.start..t.end]), t.norm.clone());
            prop_assert!(!t.norm.is_empty());
            last_end = t.end;
        }
    }

    #[test]
    fn normalizing_is_idempotent(text in texty()) {
        for t in tokenize(&text) {
            prop_assert_eq!(normalize_word(&t.norm), t.norm.clone());
        }
    }

    #[test]
    fn query_offsets_slice_the_query(text in texty()) {
        let q = parse_query(&text);
        for t in &q.tokens {
            prop_assert!(text.is_char_boundary(t.token.start) && text.is_char_boundary(t.token.end));
            prop_assert_eq!(normalize_word(&text[t.token.start..t.token.end]), t.token.norm.clone());
        }
        // fragments tile the words in order
        let total: usize = q.fragments().iter().map(|r| r.len()).sum();
        prop_assert_eq!(total, q.tokens.len());
    }

    #[test]
    fn surface_is_reflexive_and_ignores_whitespace(text in texty()) {
        prop_assert!(same_surface(&text, &text));
        let spaced = text.replace(' ', "  \n ");
        prop_assert_eq!(same_surface(&text, &spaced), same_surface(&spaced, &text));
    }

    /// Lines and columns from the index agree with counting from the start,
    /// at every offset, inside characters too.
    #[test]
    fn line_index_agrees_with_counting(text in texty(), frac in 0.0f64..=1.0) {
        let lines = LineIndex::new(&text);
        let at = ((text.len() as f64) * frac) as usize;
        let b = verbatim_text::floor_boundary(&text, at);
        let before = &text[..b];
        let want = (before.matches('\n').count() + 1, before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1);
        prop_assert_eq!(lines.line_column(&text, at), want);
    }
}
