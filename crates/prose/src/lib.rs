//! Quotations in running text, and who the text says speaks them.
//!
//! [`quotations`] pairs quotation marks of every style into spans
//! ([`marks`]), then reads the words around each span for a speaker
//! ([`speakers`]): a verb of saying and its subject on either side, a dash
//! or tilde credit, "according to", "as X put it". Pure functions over
//! `&str`; every range is a byte range of the text given.

pub mod limits;
pub mod marks;
pub mod reported;
pub mod speakers;

use std::ops::Range;

pub use marks::{quoted_spans, Quoted};
pub use reported::{unmarked, Unmarked};
pub use speakers::Speaker;

/// A quotation found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words, without their marks.
    pub inner: Range<usize>,
    /// From the opening mark to the closing one.
    pub outer: Range<usize>,
    /// A block quotation rather than words in marks.
    pub block: bool,
    /// The speaker the document gives, if it gives one.
    pub speaker: Option<Speaker>,
}

/// Every quotation of `text`, in order, with its speaker.
pub fn quotations(text: &str) -> Vec<Quotation> {
    let spans = quoted_spans(text);
    let mut out: Vec<Quotation> = Vec::with_capacity(spans.len());
    // speakers named so far, for pronouns
    let mut named: Vec<(usize, String)> = Vec::new();
    for k in 0..spans.len() {
        let q = &spans[k];
        let speaker = speakers::speaker_of(text, &spans, k).map(|(mention, cue)| {
            let name = speakers::resolve(text, &mention, mention.start.min(q.outer.start), &named);
            Speaker { mention, name, cue }
        });
        // "“A,” said Beck. “B.”": a quotation that follows another in the same
        // paragraph, with nothing but that one's cue sentence between them,
        // goes on in the same voice
        let speaker = speaker.or_else(|| {
            let prev = out.last()?;
            let sp = prev.speaker.clone()?;
            let gap = &text[prev.outer.end..q.outer.start];
            if gap.contains("\n\n") {
                return continues_paragraph(text, prev, q, &sp).then_some(sp);
            }
            // a quotation that ended its sentence with its cue before it
            // (“He said: “A.” The mayor declared …”) leaves no sentence to go on
            if speakers::closes_sentence(&text[prev.inner.clone()]) && sp.cue.start < prev.outer.start {
                return gap.trim().is_empty().then_some(sp);
            }
            let end = speakers::sentence_end(text, prev.outer.end, q.outer.start);
            text[end..q.outer.start].trim().is_empty().then_some(sp)
        });
        if let Some(Speaker { name: Some(n), mention, .. }) = &speaker {
            let m = text[mention.clone()].to_lowercase();
            if !["he", "she", "they", "him", "her", "them"].contains(&m.trim()) {
                named.push((mention.start, n.clone()));
            }
        }
        out.push(Quotation { inner: q.inner.clone(), outer: q.outer.clone(), block: q.block, speaker });
    }
    out
}

/// A paragraph that is nothing but a quotation, right after a paragraph
/// that ended with a quotation and its speaker, continues that speaker
/// (the way news stories run a speaker's words over several paragraphs).
fn continues_paragraph(text: &str, prev: &Quotation, q: &Quoted, sp: &Speaker) -> bool {
    let gap = &text[prev.outer.end..q.outer.start];
    // the previous paragraph ends with the previous quotation's cue sentence
    let Some(k) = gap.find("\n\n") else { return false };
    let tail = &gap[..k];
    // (or, with its cue before it, ends with the quotation: "Trump shot back,
    // saying he’s “made a lot of money.”")
    let cue_before = sp.cue.start < prev.outer.start
        && tail.trim_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c)).is_empty();
    if tail.len() > 120 || !gap[k..].trim().is_empty() || (sp.cue.start < prev.outer.start && !cue_before) {
        return false;
    }
    // this paragraph holds no cue of its own: it ends with the quotation
    let para_end = text[q.outer.end..].find("\n\n").map_or(text.len(), |e| q.outer.end + e);
    text[q.outer.end..para_end].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        quotations(text)
            .into_iter()
            .map(|q| {
                let mention = q.speaker.as_ref().map(|s| text[s.mention.clone()].to_string());
                let name = q.speaker.and_then(|s| s.name);
                (text[q.inner].to_string(), mention, name)
            })
            .collect()
    }

    #[test]
    fn cues_on_either_side() {
        let t = "“We will win,” Trump said. Clinton told reporters: “We are ready.” “It is over,” said Sen. Ted Cruz, the Texas Republican.";
        let w = who(t);
        assert_eq!(w[0].1.as_deref(), Some("Trump"));
        assert_eq!(w[1].1.as_deref(), Some("Clinton"));
        assert_eq!(w[2].1.as_deref(), Some("Sen. Ted Cruz"));
    }

    #[test]
    fn what_someone_said_names_them() {
        let t = "I am reminded sometimes of what President Wilson once said: \"So many people come to Washington.\" That is why";
        let w = who(t);
        assert_eq!(w[0].2.as_deref(), Some("President Wilson"));
    }

    #[test]
    fn pronouns_resolve_to_the_person_named_before() {
        let t = "Bernie Sanders spoke in Iowa. “The system is rigged,” Sanders said. “We need change,” he added.";
        let w = who(t);
        assert_eq!(w[1].1.as_deref(), Some("he"));
        assert_eq!(w[1].2.as_deref(), Some("Sanders"));
    }

    #[test]
    fn split_quotation_and_dash_credit() {
        let t =
            "“Judge,” Brafman said, “I have never seen this.”\n\n“Free speech matters.” — Commissioner Geoffrey Starks";
        let w = who(t);
        assert_eq!(w[0].1.as_deref(), Some("Brafman"));
        assert_eq!(w[1].1.as_deref(), Some("Brafman"));
        assert_eq!(w[2].1.as_deref(), Some("Commissioner Geoffrey Starks"));
    }

    #[test]
    fn no_cue_no_speaker() {
        let t = "Senator Smith was in town. The crowd chanted slogans. “Lock her up” appeared on signs.";
        assert_eq!(who(t)[0].1, None);
        let t = "In the words of Abraham Lincoln, “a house divided against itself cannot stand.” As Churchill put it, “never give in.”";
        let w = who(t);
        assert_eq!(w[0].1.as_deref(), Some("Abraham Lincoln"));
        assert_eq!(w[1].1.as_deref(), Some("Churchill"));
    }
}
