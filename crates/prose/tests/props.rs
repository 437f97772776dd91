//! Whatever the text, quotations, speakers and words reported without marks
//! are byte ranges of it, on character boundaries, in order, and nothing
//! panics.

use proptest::prelude::*;

fn text_strategy() -> impl Strategy<Value = String> {
    pieces(0..40)
}

/// Longer texts, past the 400-byte windows the speaker rules read, with
/// many-byte characters where a window may start.
fn long_text_strategy() -> impl Strategy<Value = String> {
    pieces(100..260)
}

fn pieces(count: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("“".to_string()),
            Just("”".to_string()),
            Just("‘".to_string()),
            Just("’".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("«".to_string()),
            Just("»".to_string()),
            Just("„".to_string()),
            Just("\n\n".to_string()),
            Just(" said ".to_string()),
            Just(", he said. ".to_string()),
            Just("Mr. Trump".to_string()),
            Just(" — ".to_string()),
            Just("> ".to_string()),
            Just(" who ".to_string()),
            Just(" went on to say: ".to_string()),
            Just("Here’s ".to_string()),
            Just(", adding, ".to_string()),
            Just(" according to ".to_string()),
            Just("As Jefferson wrote, ".to_string()),
            Just(" in the words of ".to_string()),
            Just(" put it, ".to_string()),
            Just(" unless ".to_string()),
            Just(" not ".to_string()),
            Just("It is false that ".to_string()),
            Just("Critics claim that ".to_string()),
            Just(", but only if ".to_string()),
            Just("ééé€€".to_string()),
            "[a-zA-Zé’ .,:]{0,12}",
            any::<char>().prop_map(|c| c.to_string()),
        ],
        count,
    );
    pieces.prop_map(|v| v.concat())
}

fn check(t: &str) -> Result<(), TestCaseError> {
    let qs = verbatim_prose::quotations(t);
    let mut last = 0;
    for q in &qs {
        prop_assert!(q.inner.start <= q.inner.end && q.inner.end <= t.len());
        prop_assert!(t.is_char_boundary(q.inner.start) && t.is_char_boundary(q.inner.end));
        prop_assert!(q.outer.start <= q.inner.start && q.inner.end <= q.outer.end);
        prop_assert!(q.outer.start >= last, "quotations overlap or go backwards");
        last = q.outer.end;
        if let Some(s) = &q.speaker {
            prop_assert!(
                s.mention.end <= t.len() && t.is_char_boundary(s.mention.start) && t.is_char_boundary(s.mention.end)
            );
            prop_assert!(t.is_char_boundary(s.cue.start) && t.is_char_boundary(s.cue.end));
        }
    }
    let mut last = 0;
    for u in verbatim_prose::unmarked(t) {
        for r in [&u.words, &u.mention, &u.cue] {
            prop_assert!(
                r.start <= r.end && r.end <= t.len() && t.is_char_boundary(r.start) && t.is_char_boundary(r.end)
            );
        }
        prop_assert!(
            u.mention.end <= u.words.start && u.words.start >= last,
            "reported words follow their name, in order"
        );
        last = u.words.end;
    }
    Ok(())
}

proptest! {
    #[test]
    fn ranges_are_slices_of_the_text(t in text_strategy()) {
        check(&t)?;
    }

    /// The limits read around any byte of any text are slices of it, on
    /// character boundaries, on the side of the byte they read.
    #[test]
    fn limits_are_slices_on_their_side(t in text_strategy(), a in 0.0f64..=1.0, b in 0.0f64..=1.0) {
        let (x, y) = ((t.len() as f64 * a.min(b)) as usize, (t.len() as f64 * a.max(b)) as usize);
        let ok = |r: &std::ops::Range<usize>| r.start <= r.end && r.end <= t.len() && t.is_char_boundary(r.start) && t.is_char_boundary(r.end);
        if let Some(r) = verbatim_prose::limits::limit_after(&t, y) {
            prop_assert!(ok(&r) && r.start >= verbatim_prose::limits::sentence_around(&t, y).start);
        }
        for (_, r) in verbatim_prose::limits::frame_before(&t, x, &[]) {
            prop_assert!(ok(&r) && r.end <= x.max(r.start));
        }
        if let Some(r) = verbatim_prose::limits::hidden_limit(&t, x..y) {
            prop_assert!(ok(&r));
        }
        let s = verbatim_prose::limits::sentence_around(&t, x);
        prop_assert!(ok(&s));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn ranges_are_slices_of_long_texts(t in long_text_strategy()) {
        check(&t)?;
    }
}
