//! Ranking: which witness answers, when several hold the words.

use crate::{Edit, Match, Verdict};

/// The order of witnesses, most telling first. The fields compare in the
/// order they are declared, so the order is the policy:
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Rank {
    /// fewest changed or added words;
    changed: usize,
    /// then no source words left out without a mark;
    omitted: usize,
    /// then a primary source (a speech, a "(Full text)" section) whose words
    /// are its own over a collection or a span that quotes another;
    secondary: bool,
    /// then the witness where the quotation's elision marks really hide
    /// words (the fuller passage over an excerpt that has the same cuts);
    excerpt: bool,
    /// then the longer recorded quotation holding the words;
    fuller: std::cmp::Reverse<usize>,
    /// then an exact copy over a normalized one (two copies of one speech);
    inexact: bool,
    /// then the earliest date (a bare year sorts before its dates);
    date: String,
    /// then the cheaper alignment.
    cost: u32,
}

impl Rank {
    /// Where `m` stands in the order.
    pub(crate) fn of(m: &Match) -> Rank {
        Rank {
            changed: m.edits.iter().filter(|e| e.is_change()).count(),
            omitted: m.edits.iter().filter(|e| matches!(e, Edit::Omitted { .. })).count(),
            secondary: !m.primary || m.nested.is_some(),
            excerpt: m.verdict != Verdict::Elided,
            fuller: std::cmp::Reverse(m.container_len.unwrap_or(usize::MAX / 2)),
            inexact: m.verdict != Verdict::Verbatim,
            date: m.date.clone().unwrap_or_else(|| "9999".into()),
            cost: ((1.0 - m.score) * 1000.0) as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use verbatim_model::{Nested, SourceKind, Standing};

    /// A witness found verbatim in a primary source, undated.
    fn witness(source: &str) -> Match {
        Match {
            source_id: 1,
            source: source.into(),
            title: None,
            speaker: None,
            date: None,
            kind: SourceKind::Document,
            start: 0,
            end: 10,
            text: "some words".into(),
            score: 1.0,
            verdict: Verdict::Verbatim,
            omitted: Vec::new(),
            edits: Vec::new(),
            owner: None,
            owner_from: "document",
            owner_via: None,
            standing: Standing::Sourced,
            not_by: None,
            witness: None,
            nested: None,
            primary: true,
            container_len: None,
            part: None,
            weak_fragment: false,
            context: Vec::new(),
            reuse: None,
            shared: Vec::new(),
            similarity: None,
        }
    }

    fn first<'a>(a: &'a Match, b: &'a Match) -> &'a str {
        if Rank::of(a) <= Rank::of(b) {
            &a.source
        } else {
            &b.source
        }
    }

    #[test]
    fn the_words_as_given_outrank_the_kind_of_source() {
        // a speech that has one word otherwise loses to a collection that
        // has them all
        let mut speech = witness("speech");
        speech.edits.push(Edit::Changed { quote: "great".into(), source: "good".into(), start: 0, end: 4 });
        let mut collection = witness("collection");
        collection.primary = false;
        assert_eq!(first(&speech, &collection), "collection");
    }

    #[test]
    fn a_primary_source_outranks_a_collection_and_a_quoter() {
        let speech = witness("speech");
        let mut collection = witness("collection");
        collection.primary = false;
        assert_eq!(first(&collection, &speech), "speech");
        let mut quoted = witness("quoted");
        quoted.nested = Some(Nested {
            inner: Some("Someone".into()),
            frame: "as Someone said, ".into(),
            cue: Some("said".into()),
            open: 0,
            close: 12,
            cue_at: None,
        });
        assert_eq!(first(&quoted, &speech), "speech");
    }

    #[test]
    fn the_passage_whose_marks_hide_words_outranks_an_excerpt_with_the_same_cuts() {
        let mut full = witness("full");
        full.verdict = Verdict::Elided;
        let excerpt = witness("excerpt");
        assert_eq!(first(&excerpt, &full), "full");
    }

    #[test]
    fn among_equal_copies_the_fuller_quotation_then_the_exact_then_the_earliest() {
        let (mut long, mut short) = (witness("long"), witness("short"));
        long.container_len = Some(400);
        short.container_len = Some(40);
        assert_eq!(first(&short, &long), "long");
        let mut normalized = witness("normalized");
        normalized.verdict = Verdict::Normalized;
        assert_eq!(first(&normalized, &witness("exact")), "exact");
        let (mut early, mut late, mut year) = (witness("early"), witness("late"), witness("year"));
        early.date = Some("1863-11-19".into());
        late.date = Some("1865-03-04".into());
        assert_eq!(first(&late, &early), "early");
        // a bare year sorts before the days of that year, and an undated
        // witness comes last
        year.date = Some("1863".into());
        assert_eq!(first(&early, &year), "year");
        assert_eq!(first(&witness("undated"), &late), "late");
    }
}
