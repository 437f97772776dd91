//! When neither side of a quotation has a cue next to it: the sentence
//! around it or before it may still say whose words they are.

use verbatim_lexicon::grammar::{LEADERS, PRONOUNS};

use super::left::left_cue;
use super::subjects::{noun_phrase_after, opening_subject, sentence_subject, subject_and_verb};
use super::tokens::{before_byte, ceil_char, sentence_start, tokens, Tok};
use super::Attribution;

/// "Clinton has since apologized for what happened: “…”": a sentence that
/// ends with a colon before the quotation introduces its speaker's words.
pub(super) fn colon_intro(l: &[Tok<'_>], whole: &[Tok<'_>]) -> Option<Attribution> {
    let colon = l.last().filter(|t| t.is(":"))?;
    let head = before_byte(whole, colon.at);
    // "Reid said …, but he gave the Texan a compliment:": the last clause's
    let clause = (1..head.len())
        .rev()
        .find(|&k| head[k - 1].is(",") && matches!(head[k].lower().as_str(), "but" | "and" | "so"))
        .map_or(0, |k| k + 1);
    // "Here’s Clinton in December 1992: “…”"
    if head.len() >= 2 && matches!(head[0].lower().as_str(), "here's" | "here\u{2019}s") && head[1].is_cap() {
        return noun_phrase_after(&head[1..]).map(|np| (np, colon.at..colon.end()));
    }
    let np = opening_subject(&head[clause..]).or_else(|| opening_subject(head))?;
    Some((np, colon.at..colon.end()))
}

/// "Also, Trump isn't a conservative, he said. “He's a liberal!”": a
/// quotation that is a sentence of its own, after a sentence in the same
/// paragraph that reports someone's words ("X said", "X agreed", "X
/// tweeted a warning") and holds no quotation, is in that person's voice.
pub(super) fn cue_sentence_before(
    text: &str,
    l_start: usize,
    prev_q: usize,
    left: &[Tok<'_>],
    right: &[Tok<'_>],
) -> Option<Attribution> {
    if left.iter().any(|t| t.is_word() && !LEADERS.contains(&t.lower().as_str())) || right.iter().any(Tok::is_word) {
        return None;
    }
    let end = text[..l_start].trim_end().trim_end_matches(['.', '!', '?']).len();
    if end <= prev_q {
        return None;
    }
    let start = ceil_char(text, sentence_start(text, prev_q.max(end.saturating_sub(400)), end)).min(end);
    let sentence = &text[start..end];
    if sentence.contains('\n') || sentence.contains(['\u{201c}', '\u{201d}', '"']) || (start == prev_q && prev_q > 0) {
        return None;
    }
    let mut ts = tokens(text, start, end);
    while ts.last().is_some_and(|t| !t.is_word()) {
        ts.pop();
    }
    // "He didn't suggest retaliation." reports no words
    let (mention, cue) = left_cue(&ts, &ts)?;
    let negated = ts.iter().filter(|t| t.at < cue.start && t.at >= mention.end).any(|t| {
        let w = t.lower();
        w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n\u{2019}t")
    });
    (!negated).then_some((mention, cue))
}

/// The fewest words of a quotation inside a sentence with no verb of saying
/// for the sentence's subject to be taken as its speaker. On PolNeAR train,
/// such subjects were right for 71% of quotations of four words or more,
/// 58% of three-word ones and 47% of two-word ones: those, wrong more often
/// than right, get no speaker.
pub(super) const EMBEDDED_MIN_WORDS: usize = 3;

/// Quoted words inside a sentence that has no verb of saying ("Trump
/// openly admires Putin as a “strong leader”"): the sentence's subject, a
/// name or a pronoun followed by its verb, is whose words they are.
pub(super) fn embedded_in(l: &[Tok<'_>]) -> Option<Attribution> {
    let start = sentence_subject(l)?.start;
    let from = l.iter().position(|t| t.at == start)?;
    // "Kasich has also broadly called for", "He also seeks", "the FBI lists"
    let (np, k) = subject_and_verb(l, from)?;
    let first = &l[from];
    let in_np = |t: &&Tok<'_>| t.at >= np.start && t.end() <= np.end;
    let named =
        first.is_cap() || PRONOUNS.contains(&first.lower().as_str()) || l.iter().filter(in_np).any(|t| t.is_cap());
    named.then(|| (np, l[k].at..l[k].end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The speakers' mentions of the quotations of `t`.
    fn who(t: &str) -> Vec<Option<&str>> {
        crate::quotations(t).into_iter().map(|q| q.speaker.map(|s| &t[s.mention])).collect()
    }

    #[test]
    fn a_sentence_ending_in_a_colon_introduces_its_subjects_words() {
        let s = "The mayor has since apologised for the delay:";
        let l = tokens(s, 0, s.len());
        assert_eq!(colon_intro(&l, &l).map(|(m, c)| (&s[m], &s[c])), Some(("The mayor", ":")));
        let s = "Here's Okafor in 2009:";
        let l = tokens(s, 0, s.len());
        assert_eq!(colon_intro(&l, &l).map(|(m, _)| &s[m]), Some("Okafor"));
        assert_eq!(
            who("The mayor has since apologised for the delay: “The fault was mine alone.”"),
            vec![Some("The mayor")]
        );
    }

    #[test]
    fn a_quotation_alone_after_a_sentence_that_reports_words() {
        let t = "The fares will rise again, the clerk said. “The boats cannot run at a loss forever.”";
        assert_eq!(who(t), vec![Some("the clerk")]);
        // unless that sentence is negated
        let t = "The clerk did not say when. “The boats cannot run at a loss forever.”";
        assert_eq!(who(t), vec![None]);
    }

    #[test]
    fn a_longer_quotation_inside_a_sentence_is_its_subjects() {
        let s = "The mayor openly admires the ferry as";
        let l = tokens(s, 0, s.len());
        assert_eq!(embedded_in(&l).map(|(m, c)| (&s[m], &s[c])), Some(("The mayor", "admires")));
        assert_eq!(who("The mayor openly admires the ferry as “a marvel of the modern age.”"), vec![Some("The mayor")]);
        // a short one is as often a scare quote
        assert_eq!(who("The mayor admires the “new ferry” a lot."), vec![None]);
    }
}
