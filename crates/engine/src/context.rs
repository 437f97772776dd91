//! Out of context: when a quotation whose words are all in the source still
//! says what the source did not.
//!
//! A match's words can be exact and its meaning turned: cut just before
//! "unless …", started after "It is false that", an ellipsis over "not",
//! a "not" added or dropped, the words of someone the source was
//! rebutting. [`read`] looks at the source around and inside a match and
//! returns a [`Flag`] for each such change, carrying the source words that
//! justify it. The rules of language it applies live in
//! `verbatim_prose::limits`; this module only decides where to look: the
//! sentence the match starts and ends in, bounded by the recorded quotation
//! that holds it (a collection's entries are separate texts), and what each
//! elision and omission hides.
//!
//! Flags never change a verdict: the verdict says how the quotation's
//! words stand to the source's (a dropped "not" is still a `spliced`
//! quotation), the flags say what that does to the meaning.
//!
//! Leading and trailing elision marks are read here too: a quotation that
//! opens or closes with "..." announces that it starts or stops short, so
//! the source words it leaves out at that end (the rest of the sentence,
//! or the next sentence of the paragraph when the sentence is complete) are
//! an [`Omission`] like any other.

use std::ops::Range;

use verbatim_align::{GapKind, Step};
use verbatim_prose::limits::{self, Frame};
use verbatim_text::Query;

use crate::retrieve::Candidate;
use crate::{Flag, FlagKind, Omission};

/// What the source around and inside one match says of its meaning.
pub(crate) struct Read {
    pub flags: Vec<Flag>,
    /// Omissions at the quotation's ends (leading or trailing marks), in
    /// source order with the inner ones.
    pub edges: Vec<Omission>,
}

/// Reads the match of `c`'s alignment, spanning `s0..s1` of `c.text`
/// (local offsets), inside `bounds` (the recorded quotation holding it, or
/// the whole region), with its inner omissions.
pub(crate) fn read(q: &Query, c: &Candidate, s0: usize, s1: usize, bounds: Range<usize>, inner: &[Omission]) -> Read {
    let text = &c.text[bounds.clone()];
    let lo = bounds.start;
    let abs = |r: Range<usize>| (c.base + lo + r.start, c.base + lo + r.end);
    let flag = |kind: FlagKind, r: Range<usize>| {
        let (start, end) = abs(r.clone());
        Flag { kind, words: text[r].trim().to_string(), start, end }
    };
    let (a, b) = (s0 - lo, s1 - lo);
    let mut out = Read { flags: Vec::new(), edges: Vec::new() };

    // the cuts at either end
    if let Some(r) = limits::limit_after(text, b) {
        out.flags.push(flag(FlagKind::CutBeforeLimit, r));
    }
    // the document's own speaker or country, which speaks of itself in the
    // third person ("Togo firmly believes that", in Togo's speech)
    let own = own_names(c);
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    for (f, r) in limits::frame_before(text, a, &own) {
        let kind = match f {
            Frame::Limit => FlagKind::CutAfterLimit,
            Frame::Reported => FlagKind::ReportedSpeech,
        };
        out.flags.push(flag(kind, r));
    }
    // what leading and trailing marks leave out (unless the mark is the
    // source's own: a speech transcribed with "...." where the quotation
    // ends too)
    let before = text[..a].trim_end();
    let leading_own = before.ends_with("...") || before.ends_with('\u{2026}');
    let after = text[b..].trim_start();
    let trailing_own = after.starts_with("...") || after.starts_with('\u{2026}') || after.starts_with(". . .");
    if q.leading_elision && !leading_own {
        if let Some(r) = before_edge(text, a) {
            let (start, end) = abs(r.clone());
            out.edges.push(Omission { start, end, text: text[r].trim().to_string() });
        }
    }
    if q.trailing_elision && !trailing_own {
        if let Some(r) = after_edge(text, b) {
            let (start, end) = abs(r.clone());
            out.edges.push(Omission { start, end, text: text[r].trim().to_string() });
        }
    }
    // what inner marks hide
    for o in inner {
        let (x, y) = (o.start - c.base, o.end - c.base);
        if x < lo || y > bounds.end {
            continue;
        }
        if let Some(r) = limits::hidden_limit(text, x - lo..y - lo) {
            out.flags.push(flag(FlagKind::ElisionHidesLimit, r));
        }
    }
    // word by word: negations added, dropped or changed, and what unmarked
    // omissions hide
    let tok = &c.tokens;
    let steps = &c.al.steps;
    for (i, st) in steps.iter().enumerate() {
        match st {
            Step::Substitute { q: qi, s } => {
                let (qw, sw) = (&q.tokens[*qi].token.norm, &tok[*s].norm);
                if limits::is_negation(qw) != limits::is_negation(sw) {
                    let (x, y) = (tok[*s].start, tok[*s].end);
                    if x >= lo && y <= bounds.end {
                        out.flags.push(flag(FlagKind::NegationChanged, x - lo..y - lo));
                    }
                }
            }
            Step::Insert { q: qi } if limits::is_negation(&q.tokens[*qi].token.norm) => {
                // an added word has no source word: the flag holds the
                // source words on either side of where it was added
                let source_of = |x: &Step| match x {
                    Step::Match { s, .. } | Step::Substitute { s, .. } => Some(*s),
                    _ => None,
                };
                let prev = steps[..i].iter().rev().find_map(source_of);
                let next = steps[i + 1..].iter().find_map(source_of);
                let x = prev.or(next).map_or(s0, |s| tok[s].start);
                let y = next.or(prev).map_or(s1, |s| tok[s].end);
                if x >= lo && y <= bounds.end && x <= y {
                    out.flags.push(flag(FlagKind::NegationChanged, x - lo..y - lo));
                }
            }
            Step::Skip { s, gap: GapKind::Adjacent } if !s.is_empty() => {
                let (x, y) = (tok[s.start].start, tok[s.end - 1].end);
                if x < lo || y > bounds.end {
                    continue;
                }
                if let Some(n) = tok[s.clone()].iter().find(|t| limits::is_negation(&t.norm)) {
                    out.flags.push(flag(FlagKind::NegationChanged, n.start - lo..n.end - lo));
                } else if let Some(r) = limits::hidden_limit(text, x - lo..y - lo) {
                    out.flags.push(flag(FlagKind::ElisionHidesLimit, r));
                }
            }
            _ => {}
        }
    }
    out.flags.sort_by_key(|f| (f.kind, f.start));
    out.flags.dedup_by(|x, y| x.kind == y.kind && x.start == y.start);
    out
}

/// The words by which a document names its own side: its speaker's names
/// and, for a title like "Togo, UN General Debate, session 46", the part
/// before the first comma (lower case, as `frame_before` compares them).
fn own_names(c: &Candidate) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        for w in s.split(|ch: char| !ch.is_alphanumeric()).filter(|w| w.chars().count() >= 3) {
            let w = w.to_lowercase();
            // names, not the words around them ("The President", "Mr. Arce")
            let function =
                matches!(w.as_str(), "the" | "and" | "for" | "his" | "her" | "their" | "our" | "von" | "van" | "del");
            if w.chars().next().is_some_and(char::is_alphabetic) && !function && !out.contains(&w) {
                out.push(w);
            }
        }
    };
    if let Some(sp) = &c.row.speaker {
        add(sp);
    }
    if let Some((head, _)) = c.row.title.as_deref().and_then(|t| t.split_once(',')) {
        add(head);
    }
    out
}

/// What a leading mark leaves out before byte `a`: the start of its
/// sentence, or when the match starts a sentence, the sentence before it in
/// the same paragraph.
fn before_edge(text: &str, a: usize) -> Option<Range<usize>> {
    let s = limits::sentence_around(text, a);
    if text[s.start..a].chars().any(char::is_alphanumeric) {
        return Some(s.start..a);
    }
    let prev_end = text[..s.start].trim_end().len();
    if prev_end == 0 || text[prev_end..a].contains("\n\n") {
        return None;
    }
    let p = limits::sentence_around(text, prev_end.saturating_sub(1));
    text[p.start..prev_end].chars().any(char::is_alphanumeric).then_some(p.start..prev_end)
}

/// What a trailing mark leaves out after byte `b`: the rest of its
/// sentence, or when the match ends one, the next sentence in the same
/// paragraph.
fn after_edge(text: &str, b: usize) -> Option<Range<usize>> {
    let s = limits::sentence_around(text, b.saturating_sub(1));
    if s.end > b && text[b..s.end].chars().any(char::is_alphanumeric) {
        return Some(b..s.end);
    }
    let rest = &text[b.max(s.end)..];
    let skip = rest.len() - rest.trim_start().len();
    let next = b.max(s.end) + skip;
    if next >= text.len() || text[b..next].contains("\n\n") {
        return None;
    }
    let n = limits::sentence_around(text, next);
    text[next..n.end].chars().any(char::is_alphanumeric).then_some(next..n.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trailing_mark_leaves_out_the_rest_of_the_sentence_or_the_next() {
        let t = "We will fight on the beaches, unless it rains. We shall never surrender.\n\nNew paragraph.";
        let b = t.find("beaches").unwrap() + "beaches".len();
        assert_eq!(&t[after_edge(t, b).unwrap()], ", unless it rains.");
        let b = t.find("rains.").unwrap() + "rains.".len();
        assert_eq!(&t[after_edge(t, b).unwrap()], "We shall never surrender.");
        let b = t.find("surrender.").unwrap() + "surrender.".len();
        assert_eq!(after_edge(t, b), None, "the paragraph ends");
    }

    #[test]
    fn a_leading_mark_leaves_out_the_start_of_the_sentence_or_the_one_before() {
        let t = "First things. It is false that taxes fell.";
        let a = t.find("taxes").unwrap();
        assert_eq!(&t[before_edge(t, a).unwrap()], "It is false that ");
        let a = t.find("It is").unwrap();
        assert_eq!(&t[before_edge(t, a).unwrap()], "First things.");
        assert_eq!(before_edge(t, 0), None);
    }
}
