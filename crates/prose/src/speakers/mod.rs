//! Who a document says is speaking: the subject of a verb of saying next
//! to the quotation, a dash or tilde credit, "according to", "as X put it",
//! "in the words of X"; a pronoun resolved to the nearest fitting person
//! named before it. A quotation with no such cue has no speaker: a name
//! merely nearby is never taken.
//!
//! [`speaker_of`] reads the quotation's sentence on both sides and keeps
//! the nearer cue; the parts live apart:
//!
//! - `tokens`: the words of the context, and sentence bounds;
//! - `lexicon`: membership tests over the word lists the rules know by
//!   name (the lists are `verbatim_lexicon`'s);
//! - `subjects`: noun phrases and the subjects of clauses;
//! - `left`: cues before the quotation ("He said: “…”");
//! - `right`: cues after it ("“…,” he said");
//! - `no_cue`: the sentence around or before a quotation with no cue;
//! - `resolve`: who a mention or a pronoun is.

mod left;
mod lexicon;
mod no_cue;
mod resolve;
mod right;
mod subjects;
mod tokens;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::marks::Quoted;

pub(crate) use self::lexicon::is_number_word;
pub use self::resolve::resolve;
pub(crate) use self::tokens::{closes_sentence, floor_char, sentence_end, sentence_start};

use self::left::left_cue;
use self::no_cue::{colon_intro, cue_sentence_before, embedded_in, EMBEDDED_MIN_WORDS};
use self::right::right_cue;
use self::tokens::{ceil_char, tokens, Tok};

/// What a rule finds: the words that name the speaker (the mention) and
/// the cue that gives them, as byte ranges of the text.
type Attribution = (Range<usize>, Range<usize>);

/// What the document says of one quotation's speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The words that name the speaker at the cue ("he", "Mr. Trump", "a
    /// campaign spokesman").
    pub mention: Range<usize>,
    /// The person: the name in the mention, or for a pronoun the person it
    /// stands for, when one is named before it.
    pub name: Option<String>,
    /// The cue: the verb of saying, the dash, "according to".
    pub cue: Range<usize>,
}

/// The speaker of `quotes[k]` as the text around it says, if it says.
pub fn speaker_of(text: &str, quotes: &[Quoted], k: usize) -> Option<(Range<usize>, Range<usize>)> {
    let q = &quotes[k];
    let next_q = quotes.get(k + 1).map_or(text.len(), |n| n.outer.start);
    let prev_q = if k > 0 { quotes[k - 1].outer.end } else { 0 };
    let inner = &text[q.inner.clone()];
    let ends_with_comma = inner.trim_end().ends_with(',') || inner.trim_end().ends_with('\u{2014}');
    // after the quotation, to the end of its sentence
    let r_end = sentence_end(text, q.outer.end, next_q.min(q.outer.end + 300).min(text.len()));
    let right = tokens(text, q.outer.end, floor_char(text, r_end));
    // before it, from the start of its sentence (or the quotation before)
    let mut l_start = sentence_start(text, prev_q.max(q.outer.start.saturating_sub(400)), q.outer.start);
    // "He said:" ending the paragraph before
    if text[l_start..q.outer.start].trim().is_empty() && text[..l_start].trim_end().ends_with(':') {
        let colon = text[..l_start].trim_end().len();
        l_start = sentence_start(text, prev_q.max(colon.saturating_sub(400)), colon);
    }
    let left = tokens(text, ceil_char(text, l_start), q.outer.start);
    // the whole sentence before the quotation, earlier quotations included:
    // where the cue is a participle or there is none, the subject is the
    // sentence's ("Kerpen needled the CNN “reporter,” saying, “…”")
    let whole_start = sentence_start(text, q.outer.start.saturating_sub(400), q.outer.start).min(l_start);
    let inside_earlier = |t: &Tok<'_>| quotes[..k].iter().any(|p| p.outer.start <= t.at && t.at < p.outer.end);
    let whole: Vec<Tok<'_>> =
        tokens(text, ceil_char(text, whole_start), q.outer.start).into_iter().filter(|t| !inside_earlier(t)).collect();
    // a quotation that ends with a full stop has ended its sentence: a verb
    // after it belongs to the next one ("Japan branded North Korea an “outlaw
    // nation.” Russia insisted ..."); a dash or tilde credit still reads
    let closed = closes_sentence(inner);
    // (but “…missing.” Trump said. is the quotation's own cue, a full stop
    // misplaced: a short subject and the verb, ending the sentence)
    let bare = |m: &Range<usize>, cue: &Range<usize>| {
        m.start >= q.outer.end
            && text[q.outer.end..m.start].trim().is_empty()
            && m.end - m.start < 40
            && text[cue.end..].trim_start().starts_with('.')
    };
    let from_right = right_cue(&right).filter(|(m, cue)| {
        !closed || !text[cue.clone()].chars().next().is_some_and(char::is_alphabetic) || bare(m, cue)
    });
    let from_left = left_cue(&left, &whole);
    match (from_right, from_left) {
        (Some(r), Some(l)) => {
            // the cue nearer the quotation wins; at equal distance "“...,” he
            // said" reads right and "He said: “...”" reads left
            let dr = right.iter().take_while(|t| t.at < r.1.start).filter(|t| t.is_word()).count();
            let dl = left.iter().filter(|t| t.at >= l.1.end && t.is_word()).count();
            if dr < dl || (dr == dl && (ends_with_comma || right.first().is_some_and(|t| t.is(",")))) {
                Some(r)
            } else {
                Some(l)
            }
        }
        (Some(r), None) => Some(r),
        (None, Some(l)) => Some(l),
        (None, None) => colon_intro(&left, &whole)
            .or_else(|| cue_sentence_before(text, l_start, prev_q, &left, &right))
            .or_else(|| {
                // a short phrase in marks is as often the writer's scare quote as
                // anyone's words: only a longer one goes to the sentence's subject
                (inner.split_whitespace().count() >= EMBEDDED_MIN_WORDS)
                    .then(|| embedded_in(&left))
                    .flatten()
                    .filter(|_| whole_start >= l_start)
            }),
    }
}
