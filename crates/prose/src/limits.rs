//! Words that limit what a sentence claims, and the rules that say when a
//! cut or an elision has taken such words away from a quotation.
//!
//! A quotation can be every word true and still say what its source did not:
//! cut just before "unless …", started after "It is false that", an
//! ellipsis over "not". These functions read the source around a quotation's
//! words and name the source words that limit them. They are rules of
//! English grammar, not of any one text:
//!
//! - an operator scopes over its own sentence, so only words inside the
//!   sentence of the quoted words count (a "not" two sentences away limits
//!   nothing);
//! - a clause that *follows* a claim limits it when it opens with a
//!   subordinator of condition, exception or concession, a contrasting "but",
//!   or a negation ([`limit_after`]);
//! - words *before* the quoted words limit them when their clause holds a
//!   negation, a word of falsity or a condition ([`frame_before`]), and give
//!   them to someone else when the clause reports another's words
//!   ("critics claim that", "the notion that");
//! - words *hidden* by an elision matter when they negate, condition, except
//!   or quantify ([`hidden_limit`]).
//!
//! The word lists, `verbatim_lexicon::grammar`'s and `speech`'s, follow the
//! classes of Quirk et al., *A Comprehensive Grammar of the English
//! Language* (1985): negative words (§10.54–10.64), conditional and
//! exceptive subordinators (§15.33–15.41), concessive and contrastive
//! conjunctions (§13.5, §15.42), quantifiers (§5.13–5.26), and hedges in the
//! sense of Lakoff, "Hedges" (1973). Reporting verbs and nouns are the
//! common ones of news and political prose.

use std::ops::Range;

use verbatim_lexicon::grammar::{
    APPROXIMATE_NEGATIVES, CANCELS, CATENATIVES, CONDITIONS, CONTRASTS, COORDINATORS, EXCEPTIONS, FALSITY, HEDGES,
    NEGATIONS, QUANTIFIERS,
};
use verbatim_lexicon::speech::{REPORTING_VERBS, REPORT_NOUNS, SELF_NOUNS};

/// What a limiting word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    /// not, never, no, n't …
    Negation,
    /// if, unless, provided …
    Condition,
    /// except, save, but for …
    Exception,
    /// but, although, yet …
    Contrast,
    /// only, some, few, most …
    Quantifier,
    /// perhaps, probably, sometimes …
    Hedge,
    /// until, till
    Until,
}

/// The class of a limiting word (lower case, apostrophes dropped).
pub fn limit_kind(w: &str) -> Option<LimitKind> {
    if NEGATIONS.contains(&w) {
        Some(LimitKind::Negation)
    } else if CONDITIONS.contains(&w) {
        Some(LimitKind::Condition)
    } else if EXCEPTIONS.contains(&w) {
        Some(LimitKind::Exception)
    } else if CONTRASTS.contains(&w) {
        Some(LimitKind::Contrast)
    } else if QUANTIFIERS.contains(&w) {
        Some(LimitKind::Quantifier)
    } else if HEDGES.contains(&w) {
        Some(LimitKind::Hedge)
    } else if w == "until" || w == "till" {
        Some(LimitKind::Until)
    } else {
        None
    }
}

/// Whether a word negates (lower case, apostrophes dropped).
pub fn is_negation(w: &str) -> bool {
    NEGATIONS.contains(&w)
}

/// A word of running text: lower case, apostrophes dropped, with its range.
#[derive(Debug, Clone)]
struct Word {
    w: String,
    at: Range<usize>,
}

fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    let mut last_end = 0;
    for (i, c) in s.char_indices() {
        let apostrophe = matches!(c, '\'' | '\u{2019}');
        let inner =
            apostrophe && cur.is_some() && s[i + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner {
            let e = cur.get_or_insert_with(|| (i, String::new()));
            if !apostrophe {
                e.1.extend(c.to_lowercase());
            }
            last_end = i + c.len_utf8();
        } else if let Some((a, w)) = cur.take() {
            out.push(Word { w, at: range.start + a..range.start + last_end });
        }
    }
    if let Some((a, w)) = cur {
        out.push(Word { w, at: range.start + a..range.start + last_end });
    }
    out
}

/// How far back or ahead a sentence is looked for: a sentence longer than
/// this is read in part.
const REACH: usize = 2000;

/// The byte range of the sentence that holds byte `at`.
pub fn sentence_around(text: &str, at: usize) -> Range<usize> {
    let at = crate::speakers::floor_char(text, at.min(text.len()));
    let floor = crate::speakers::floor_char(text, at.saturating_sub(REACH));
    let ceil = crate::speakers::floor_char(text, (at + REACH).min(text.len()));
    let start = crate::speakers::sentence_start(text, floor, at);
    // the boundary found is the space after the stop: the sentence starts
    // at its first character
    let start = (start + (text[start..at].len() - text[start..at].trim_start().len())).min(at);
    start..crate::speakers::sentence_end(text, at, ceil)
}

/// The words after byte `at` to the end of its sentence, when they open
/// with a clause that limits what comes before `at`: a condition ("unless
/// …", "only if …", "as long as …"), an exception ("except …"), a contrast
/// ("but …", "although …"), a time limit ("until …") or a negation
/// ("not …"). Returns the limiting words, at most a clause of twenty words.
///
/// A coordinated clause ("…, and never attempt …", "…, nor can …") adds a
/// claim and limits nothing, unless it is "and not" or "and only".
pub fn limit_after(text: &str, at: usize) -> Option<Range<usize>> {
    let at = crate::speakers::floor_char(text, at.min(text.len()));
    let end = sentence_around(text, at).end.max(at);
    let ws = words(text, at..end);
    let first = ws.first()?;
    // the clause must follow the cut directly: nothing but punctuation and
    // spaces between (a dash or a comma is fine)
    if text[at..first.at.start].chars().any(char::is_alphanumeric) {
        return None;
    }
    let k = opens_limit(&ws)?;
    let last = ws.get(k + 19).or(ws.last()).map_or(end, |w| w.at.end);
    Some(ws[k].at.start..last)
}

/// Where in `ws` a limiting clause opens, when it opens at the first word
/// (or at the second after "and"/"or").
fn opens_limit(ws: &[Word]) -> Option<usize> {
    let w = |i: usize| ws.get(i).map_or("", |x| x.w.as_str());
    let limiting = |i: usize| -> bool {
        match w(i) {
            "unless" | "except" | "excepting" | "barring" | "but" | "until" | "till" | "provided" | "providing"
            | "if" | "although" | "though" | "however" | "yet" | "whereas" | "only" | "not" | "never" => true,
            "save" => matches!(w(i + 1), "that" | "for" | "when" | "where"),
            "so" | "as" => (w(i + 1) == "long" || (w(i) == "as" && w(i + 1) == "far")) && w(i + 2) == "as",
            "insofar" => true,
            "in" => matches!((w(i + 1), w(i + 2)), ("so", "far") | ("case", _)),
            "at" => matches!(w(i + 1), "least" | "most"),
            "subject" => w(i + 1) == "to",
            "to" => w(i + 1) == "the" && w(i + 2) == "extent",
            "on" => w(i + 1) == "condition",
            "other" => w(i + 1) == "than",
            "apart" => w(i + 1) == "from",
            "even" => matches!(w(i + 1), "if" | "though" | "so" | "then"),
            _ => false,
        }
    };
    if limiting(0) {
        return Some(0);
    }
    if matches!(w(0), "and" | "or") && matches!(w(1), "not" | "only") {
        return Some(1);
    }
    None
}

/// What the words of a sentence before a quotation do to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// They negate, call false or set a condition on what follows ("It is
    /// false that", "No one should say", "If …,").
    Limit,
    /// They give what follows as someone else's words or view ("critics
    /// claim that", "the notion that", "we are told").
    Reported,
}

/// Reads the clause before byte `at` in its sentence (the words a
/// quotation starting at `at` leaves out) and says whether it limits the
/// quoted words, reports them as another's, or both ("There is no truth in
/// the claim that"), with the clause's range. Empty when it does neither.
///
/// Only the clause that holds `at` counts: a quotation that starts a new
/// clause after "; " or ", and" stands on its own. The rules:
///
/// - a negation, a word of falsity, a condition or an exception limits,
///   and so do the approximate negatives "few", "hardly", "scarcely",
///   "barely", "seldom", "rarely" (Quirk §10.61) and a conditional
///   inversion ("Should they strike, …", "Were it so, …") in a sentence
///   that is no question;
/// - two negatives cancel: "There is no doubt that", "No one can deny
///   that", "We cannot forget that" affirm what follows (a negation before
///   a verb or noun of doubt, denial or neglect);
/// - a reporting verb reports another's words unless its subject is the
///   speaker's side ("I", "we", "let me", "my delegation", "our
///   Government", or one of `own_names`: the words of the document's own
///   speaker or country, "Togo firmly believes" in Togo's speech), and a
///   passive ("we are told", "it has been said") always reports; a negative
///   subject ("No one can claim that") or a negated passive ("It cannot be
///   said that") limits instead;
/// - a report noun before "that" ("the claim that") and "according to"
///   report.
pub fn frame_before(text: &str, at: usize, own_names: &[&str]) -> Vec<(Frame, Range<usize>)> {
    let at = crate::speakers::floor_char(text, at.min(text.len()));
    let sentence = sentence_around(text, at);
    let start = sentence.start.min(at);
    let all = words(text, start..at);
    if all.is_empty() {
        return Vec::new();
    }
    // the clause that holds `at`: after the last semicolon, or after a
    // comma and a coordinator
    let mut from = 0;
    for (i, wd) in all.iter().enumerate() {
        let before = &text[all.get(i.wrapping_sub(1)).map_or(start, |p| p.at.end)..wd.at.start];
        if before.contains(';') || (before.contains(',') && COORDINATORS.contains(&wd.w.as_str())) {
            from = i + usize::from(COORDINATORS.contains(&wd.w.as_str()));
        }
    }
    let clause = &all[from..];
    let Some(last) = clause.last() else { return Vec::new() };
    // "…, and |quote": the quotation starts a clause of its own ("to do
    // so, |quote" does not: the word is followed by its comma)
    if COORDINATORS.contains(&last.w.as_str()) && !text[last.at.end..at].contains([',', ';', ':']) {
        return Vec::new();
    }
    let range = clause[0].at.start..last.at.end;
    let w = |i: usize| clause.get(i).map_or("", |x| x.w.as_str());
    let n = clause.len();
    let question = text[sentence.clone()].trim_end().ends_with('?');

    // what limits: negations (less those a word of doubt or denial
    // cancels), falsity, conditions, exceptions
    let negative =
        |i: usize| is_negation(w(i)) || (APPROXIMATE_NEGATIVES.contains(&w(i)) && w(i.wrapping_sub(1)) != "a");
    let first_neg = (0..n).find(|&i| negative(i));
    let negations = (0..n).filter(|&i| negative(i)).count();
    let cancelled = first_neg.map_or(0, |f| (f + 1..n).filter(|&i| CANCELS.contains(&w(i))).count());
    let falsity = (0..n)
        .filter(|&i| FALSITY.contains(&w(i)) && !(CANCELS.contains(&w(i)) && first_neg.is_some_and(|f| f < i)))
        .count();
    let condition = (0..n).any(|i| {
        matches!(limit_kind(w(i)), Some(LimitKind::Condition | LimitKind::Exception))
            || (w(i) == "only" && !is_time_or_number(w(i + 1)))
            || (matches!(w(i), "as" | "so") && w(i + 1) == "long" && w(i + 2) == "as")
            || (w(i) == "in" && matches!(w(i + 1), "case" | "event"))
            || (w(i) == "on" && w(i + 1) == "condition")
    }) || (matches!(w(0), "should" | "were" | "had") && n >= 3 && !question);
    let limits = negations > cancelled || falsity > 0 || condition;

    // what reports
    let mut reported = n >= 2 && w(n - 1) == "that" && REPORT_NOUNS.contains(&w(n - 2)) && !own_noun(clause, n - 2);
    reported |= (0..n.saturating_sub(1)).any(|i| w(i) == "according" && w(i + 1) == "to");
    let mut negative_subject = false;
    let tail = n.saturating_sub(5);
    // an infinitive after an adjective or a noun has no subject of its own:
    // "it would be naive to think that", "it is fair to say that"
    let infinitive = |v: usize| v >= 2 && w(v - 1) == "to" && !CATENATIVES.contains(&w(v - 2));
    // a verb of saying frames what follows when nothing but "that" (and
    // whom it is told to) stands between it and the quotation: "critics
    // claim that", "as critics say,", "they tell us that" ("insists upon
    // overturning", "a state of flux" frame nothing)
    // (a parenthesis between commas may stand between: "Some have said,
    // for instance, that")
    let frames_next = |v: usize| {
        let after = &text[clause[v].at.end..at];
        let bare = match after.trim_start().strip_prefix(',') {
            Some(rest) => rest.split_once(',').map_or(after, |(_, tail)| tail),
            None => after,
        };
        words(bare, 0..bare.len())
            .iter()
            .all(|x| matches!(x.w.as_str(), "that" | "us" | "me" | "you" | "him" | "her" | "them" | "so"))
    };
    // a capital inside the sentence names something ("the United States,")
    let lower = |i: usize| i == 0 || text[clause[i].at.start..].chars().next().is_some_and(char::is_lowercase);
    let verb = (tail..n).rev().find(|&i| REPORTING_VERBS.contains(&w(i)) && lower(i)).filter(|&v| frames_next(v));
    if let Some(v) = verb.filter(|&v| !reported && !infinitive(v)) {
        // a passive reports only as a frame: "it is said that", "we are
        // told that" ("as long as the peace is maintained," does not)
        let be = v >= 1 && matches!(w(v - 1), "is" | "are" | "was" | "were" | "been" | "be");
        if be && w(v + 1) != "that" {
            return frames_out(limits, reported, false, range);
        }
        // "it cannot be said that": a denial, nobody's report
        if be && (0..v).any(negative) {
            return frames_out(limits, false, true, range);
        }
        let passive = be
            || (v >= 2 && matches!(w(v - 1), "us" | "you") && w(v - 2) == "have")
            || matches!(w(v), "hear" | "heard");
        // the subject: the words before the verb after the clause's last
        // comma, less auxiliaries, adverbs and catenatives ("would like to")
        let comma =
            (0..v).rev().find(|&i| text[clause[i].at.end..clause[i + 1].at.start].contains(',')).map_or(0, |i| i + 1);
        let subject: Vec<&str> =
            (comma..v).map(w).filter(|s| !is_auxiliary(s) && !s.ends_with("ly") && !CATENATIVES.contains(s)).collect();
        let own = subject.iter().enumerate().any(|(k, s)| {
            matches!(*s, "i" | "we" | "me" | "us")
                || (matches!(*s, "my" | "our") && subject.get(k + 1).is_some_and(|x| SELF_NOUNS.contains(x)))
                || own_names.contains(s)
        });
        negative_subject = subject.iter().any(|s| matches!(*s, "no" | "nobody" | "none" | "few"));
        if !negative_subject && (passive || (!own && !subject.is_empty())) {
            reported = true;
        }
    }
    frames_out(limits, reported, negative_subject, range)
}

fn frames_out(limits: bool, reported: bool, negative_subject: bool, range: Range<usize>) -> Vec<(Frame, Range<usize>)> {
    let mut out = Vec::new();
    if limits {
        out.push((Frame::Limit, range.clone()));
    }
    if reported && !negative_subject {
        out.push((Frame::Reported, range));
    }
    out
}

/// "My view that", "our belief that": a report noun the speaker owns.
fn own_noun(clause: &[Word], k: usize) -> bool {
    k >= 1 && matches!(clause[k - 1].w.as_str(), "my" | "our")
}

/// Whether a word names a time or a number: "only" before it ("only days
/// before", "only two years ago") dates, it does not limit.
fn is_time_or_number(w: &str) -> bool {
    crate::speakers::is_number_word(w)
        || matches!(
            w,
            "days"
                | "weeks"
                | "months"
                | "years"
                | "hours"
                | "minutes"
                | "moments"
                | "decades"
                | "yesterday"
                | "today"
                | "recently"
                | "lately"
                | "now"
                | "then"
                | "once"
                | "twice"
                | "a"
                | "an"
                | "last"
                | "this"
        )
}

fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "do" | "does"
            | "did"
            | "have"
            | "has"
            | "had"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "may"
            | "might"
            | "can"
            | "could"
            | "must"
            | "also"
            | "still"
            | "often"
            | "always"
            | "now"
            | "once"
            | "even"
            | "long"
            | "so"
    )
}

/// The first word in `text[range]` (a stretch an elision or a cut hides)
/// that negates, sets a condition or an exception, or quantifies or hedges,
/// counting only the parts of the stretch inside the sentences on either
/// side of it: whole sentences hidden between them limit neither side.
/// Returns that word and the words after it to the end of its clause (at
/// most twelve words).
pub fn hidden_limit(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let (a, b) = (
        crate::speakers::floor_char(text, range.start.min(text.len())),
        crate::speakers::floor_char(text, range.end.min(text.len())),
    );
    if a >= b {
        return None;
    }
    // the sentence of the visible word before the stretch: found from its
    // last character, so that a stretch opening a new sentence has no head
    let last_seen = text[..a].trim_end().char_indices().next_back().map_or(a, |(i, _)| i);
    let head_end = sentence_around(text, last_seen).end.clamp(a, b);
    let tail_start = sentence_around(text, b).start.clamp(a, b);
    let parts: Vec<Range<usize>> =
        if tail_start <= head_end { std::iter::once(a..b).collect() } else { vec![a..head_end, tail_start..b] };
    for part in parts {
        let ws = words(text, part.clone());
        let hit = ws.iter().position(|x| {
            matches!(
                limit_kind(&x.w),
                Some(
                    LimitKind::Negation
                        | LimitKind::Condition
                        | LimitKind::Exception
                        | LimitKind::Quantifier
                        | LimitKind::Hedge
                        | LimitKind::Until
                )
            )
        });
        if let Some(k) = hit {
            let mut end = ws[k].at.end;
            for x in ws.iter().skip(k + 1).take(11) {
                if text[end..x.at.start].contains([',', ';', ':', '.', '!', '?']) {
                    break;
                }
                end = x.at.end;
            }
            return Some(ws[k].at.start..end);
        }
    }
    None
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_sentence_around_a_closing_mark_is_the_one_it_closes() {
        // a byte on the closing mark after a full stop: the boundary after
        // the mark lies past it, so the sentence is the one the mark ends
        for close in ["\"", "\u{201d}"] {
            let text = format!("It was late. He said \u{201c}we stay.{close} Then they left.");
            let at = text.find(close).unwrap_or(0);
            let r = sentence_around(&text, at);
            assert!(r.start <= at && at <= r.end, "{close}: {r:?} around {at}");
            assert!(text[r].starts_with("He said"), "{close}");
        }
    }

    use super::*;

    fn after(text: &str, cut: &str) -> Option<String> {
        let at = text.find(cut).unwrap() + cut.len();
        limit_after(text, at).map(|r| text[r].to_string())
    }

    fn before(text: &str, quote: &str) -> Option<(Frame, String)> {
        let at = text.find(quote).unwrap();
        frame_before(text, at, &[]).into_iter().next().map(|(f, r)| (f, text[r].to_string()))
    }

    fn frames(text: &str, quote: &str) -> Vec<Frame> {
        frame_before(text, text.find(quote).unwrap(), &[]).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn a_parenthesis_may_stand_between_the_verb_and_its_that() {
        assert_eq!(frames("Some have said, for instance, that this plan fails.", "this plan"), [Frame::Reported]);
    }

    #[test]
    fn a_negated_passive_is_a_denial_not_a_report() {
        assert_eq!(frames("It cannot be said that the struggle is ignored.", "the struggle"), [Frame::Limit]);
    }

    #[test]
    fn the_document_s_own_name_is_its_own_side() {
        let t = "Togo firmly believes it is high time for peace.";
        assert!(frame_before(t, t.find("it is").unwrap(), &["togo"]).is_empty());
        assert_eq!(frames(t, "it is"), [Frame::Reported]);
    }

    #[test]
    fn only_before_a_time_dates_and_does_not_limit() {
        assert!(frames("Only days before our actions, the minister had been murdered.", "the minister").is_empty());
        assert_eq!(frames("Only through dialogue, peace can come.", "peace"), [Frame::Limit]);
    }

    #[test]
    fn a_clause_of_condition_exception_or_contrast_after_the_cut_limits_it() {
        let t = "There shall be none unless it be forced upon the national authority. Next.";
        assert_eq!(after(t, "shall be none").as_deref(), Some("unless it be forced upon the national authority"));
        assert!(after("We will fight, but only if attacked.", "We will fight").is_some());
        assert!(after("Taxes will fall as long as growth holds.", "Taxes will fall").is_some());
        assert!(after("The plan works, except in winter.", "The plan works").is_some());
        assert!(after("We wait until they come.", "We wait").is_some());
        assert!(after("Trade is good, and not only for us.", "Trade is good").is_some());
    }

    #[test]
    fn a_clause_that_adds_a_claim_limits_nothing() {
        assert_eq!(after("We ought to cherish peace, and never attempt to interfere.", "cherish peace"), None);
        assert_eq!(after("We will fight in the hills and in the fields.", "in the hills"), None);
        assert_eq!(after("Poverty cannot be ended, nor can the gap be closed.", "cannot be ended"), None);
        assert_eq!(after("We will win. But it will be hard.", "We will win"), None, "the sentence ended");
        assert_eq!(after("We will win the war.", "We will win"), None);
    }

    #[test]
    fn a_negation_falsity_or_condition_before_the_quotation_limits_it() {
        let t = "It is false that the economy is failing.";
        assert_eq!(before(t, "the economy"), Some((Frame::Limit, "It is false that".into())));
        assert_eq!(before("No one should say the war is lost.", "the war").map(|f| f.0), Some(Frame::Limit));
        assert_eq!(before("If the banks fail, we must act.", "we must").map(|f| f.0), Some(Frame::Limit));
        assert_eq!(before("If we fail to do so, we will erode peace.", "we will").map(|f| f.0), Some(Frame::Limit));
        assert_eq!(before("I do not believe that peace is near.", "peace").map(|f| f.0), Some(Frame::Limit));
    }

    #[test]
    fn words_reported_as_another_s_are_reported() {
        for (t, q) in [
            ("Critics claim that the policy failed.", "the policy"),
            ("Some commenters argued that the treaty was dead.", "the treaty"),
            ("We are told that the deficit does not matter.", "the deficit"),
            ("According to the opposition, the vote was rigged.", "the vote"),
            ("Our opponents would have you believe that taxes are theft.", "taxes"),
        ] {
            assert_eq!(before(t, q).map(|f| f.0), Some(Frame::Reported), "{t}");
        }
    }

    #[test]
    fn approximate_negatives_inversions_and_multiword_conditions_limit() {
        assert_eq!(frames("Few would argue that the plan works.", "the plan"), [Frame::Limit]);
        assert_eq!(frames("It is hardly true that trade is free.", "trade"), [Frame::Limit]);
        assert_eq!(frames("Should enemies strike, we will answer.", "we will"), [Frame::Limit]);
        assert_eq!(frames("Were it so, we would know.", "we would"), [Frame::Limit]);
        assert_eq!(frames("As long as the war goes on, trade will suffer.", "trade"), [Frame::Limit]);
        assert_eq!(frames("As long as the status quo is maintained, trade will suffer.", "trade"), [Frame::Limit]);
        assert_eq!(frames("It would be naive to think that aid suffices.", "aid"), [Frame::Limit]);
        // a question is no condition; "a few" is no negative
        assert!(frames("Should we wait, as the others did?", "as the").is_empty());
        assert!(frames("A few years ago, the wall fell.", "the wall").is_empty());
    }

    #[test]
    fn two_negatives_affirm() {
        for (t, q) in [
            ("There is no doubt that the plan works.", "the plan"),
            ("No one can deny that the climate is changing.", "the climate"),
            ("We cannot forget that the war was long.", "the war"),
            ("We must not underestimate how hard it was.", "how hard"),
        ] {
            assert!(frames(t, q).is_empty(), "{t}");
        }
    }

    #[test]
    fn a_rebutted_report_is_both() {
        assert_eq!(
            frames("There is no truth in the claim that aid is wasted.", "aid"),
            [Frame::Limit, Frame::Reported]
        );
        assert_eq!(frames("We reject the notion that force decides.", "force"), [Frame::Limit, Frame::Reported]);
    }

    #[test]
    fn the_speaker_s_side_speaks_its_own_view() {
        for (t, q) in [
            ("My delegation believes that the Council must change.", "the Council"),
            ("Our Government has always maintained that peace is possible.", "peace"),
            ("Let me say that the family is proud.", "the family"),
            ("I would like to stress that time is short.", "time"),
            ("Allow me to recall that the Charter binds us.", "the Charter"),
        ] {
            assert!(frames(t, q).is_empty(), "{t}");
        }
        assert_eq!(frames("Our opponents claim that taxes are theft.", "taxes"), [Frame::Reported]);
        assert_eq!(frames("He stated that the dam had burst.", "the dam"), [Frame::Reported]);
        assert!(frames("Today the talks are in a state of flux, seemingly stale.", "seemingly").is_empty());
        assert!(frames("If you live outside the United States, check the law.", "check").len() == 1);
        assert_eq!(frames("If revolution insists upon overturning order, let others try.", "let"), [Frame::Limit]);
        assert_eq!(frames("It has been stated that the dam had burst.", "the dam"), [Frame::Reported]);
    }

    #[test]
    fn the_speaker_s_own_view_and_a_new_clause_are_no_frame() {
        assert_eq!(before("I believe that the union is perpetual.", "the union"), None);
        assert_eq!(before("We think the time has come.", "the time"), None);
        assert_eq!(before("In 1990, the wall came down.", "the wall"), None);
        assert_eq!(before("He did not come, and we waited.", "we waited"), None);
        assert_eq!(before("The war is over.", "The war"), None);
    }

    #[test]
    fn hidden_words_count_only_inside_the_sentences_at_the_edges() {
        let t = "We will act if they attack us first. Long sentence. We will win.";
        let a = t.find("if").unwrap();
        let r = hidden_limit(t, a - 1..a + 20).unwrap();
        assert!(t[r].starts_with("if they attack"));
        // a hidden whole sentence with a negation limits neither side
        let t = "We came. They did not. We won.";
        let a = t.find("They").unwrap();
        assert_eq!(hidden_limit(t, a..t.find("We won").unwrap()), None);
        // an adjective hides nothing material
        let t = "the great and noble nation";
        assert_eq!(hidden_limit(t, 4..20), None);
    }

    #[test]
    fn contractions_negate() {
        assert!(is_negation("dont") && is_negation("cannot") && is_negation("never"));
        assert!(!is_negation("do"));
        assert_eq!(words("we don\u{2019}t", 0.."we don\u{2019}t".len())[1].w, "dont");
    }
}
