//! Noun phrases and the subjects of clauses: what both sides read once a
//! cue is found, to tell whether the words before or after it can be the
//! one who speaks.

use std::ops::Range;

use verbatim_lexicon::grammar::{
    AUXILIARIES, CLAUSE_WORDS, LEADERS, NOT_ONE_WORD_NAMES, NOT_SUBJECTS, OPENERS, PRONOUNS,
};

use super::lexicon::{is_calendar, is_clause_word, is_leader, is_number_word, is_verb, verb_like};
use super::tokens::{is_dash, span, strip_possessive, Tok};

/// A name, a title and a name, or a short noun phrase ("a campaign
/// spokesman", "the senator", "Clinton's spokesman Brian Fallon").
pub(super) fn subject_ok(ts: &[Tok<'_>]) -> bool {
    if ts.is_empty() || ts.len() > 9 {
        return false;
    }
    if ts.iter().any(|t| !t.is_word() && !t.is("(") && !t.is(")")) {
        return false;
    }
    if ts.iter().any(|t| is_verb(t) || is_clause_word(t)) {
        return false;
    }
    if ts.iter().all(|t| is_calendar(t) || !t.is_cap() && !PRONOUNS.contains(&t.lower().as_str()))
        && ts.iter().any(is_calendar)
    {
        return false;
    }
    let first = ts[0].lower();
    if ts.len() == 1 && is_leader(&ts[0]) {
        return false;
    }
    ts.len() == 1 && (ts[0].is_cap() || PRONOUNS.contains(&first.as_str()))
        || ts.iter().any(|t| t.is_cap())
        || matches!(first.as_str(), "a" | "an" | "the" | "one" | "his" | "her" | "their" | "its" | "another" | "some" | "many")
        // "21 percent said", "Six in 10 voters said"
        || ts.len() >= 2 && first.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A noun phrase at the start of `r`: up to a comma, a full stop, or a word
/// that starts a clause.
pub(super) fn noun_phrase_after(r: &[Tok<'_>]) -> Option<Range<usize>> {
    // a pronoun is a whole subject ("she didn't limit her attacks")
    if r.first().is_some_and(|t| PRONOUNS.contains(&t.lower().as_str())) {
        return Some(r[0].at..r[0].end());
    }
    let mut end = 0;
    for (k, t) in r.iter().enumerate() {
        if !t.is_word() && !t.is("(") && !t.is(")") {
            break;
        }
        let l = t.lower();
        // a lowercase word in -ed after the name is its verb ("Bradley defeated")
        let past = k > 0 && !t.is_cap() && l.ends_with("ed") && !l.contains('-');
        if k > 0 && (is_clause_word(t) || is_verb(t) || past) {
            break;
        }
        end = k + 1;
        if end >= 8 {
            break;
        }
    }
    let np = &r[..end];
    (!np.is_empty() && subject_ok(np)).then(|| span(np))
}

/// `s` without the adverbs and auxiliaries that end it, between a subject
/// and its verb ("he later said", "the mayor has always said").
pub(super) fn trim_adverbs(mut s: Vec<Tok<'_>>) -> Vec<Tok<'_>> {
    while s.last().is_some_and(|t| {
        t.s.ends_with("ly") && !t.is_cap()
            || !t.is_cap()
                && (AUXILIARIES.contains(&t.lower().as_str())
                    || matches!(
                        t.lower().as_str(),
                        "now" | "always" | "first" | "is" | "was" | "are" | "were" | "been" | "being"
                    ))
    }) {
        s.pop();
    }
    s
}

/// How many words at the end of `l` say when ("on Friday", "last week",
/// "at the time", "on Tuesday night"): none of them is a subject.
fn time_phrase(l: &[Tok<'_>]) -> usize {
    let w = |k: usize| l.len().checked_sub(k).and_then(|i| l.get(i)).map(Tok::lower).unwrap_or_default();
    let part = |x: &str| matches!(x, "morning" | "afternoon" | "evening" | "night");
    let unit = |x: &str| {
        matches!(x, "week" | "month" | "year" | "weekend" | "summer" | "fall" | "spring" | "winter" | "night")
    };
    if w(3) == "at" && w(2) == "the" && w(1) == "time"
        || w(3) == "in" && w(2) == "the" && w(1) == "past"
        || w(3) == "at" && w(2) == "one" && w(1) == "point"
    {
        return 3;
    }
    if matches!(w(2).as_str(), "last" | "this" | "earlier" | "later") && unit(&w(1)) {
        return 2;
    }
    let cal = |k: usize| l.len().checked_sub(k).and_then(|i| l.get(i)).is_some_and(is_calendar);
    if w(3) == "on" && cal(2) && part(&w(1)) {
        return 3;
    }
    if matches!(w(2).as_str(), "on" | "last" | "this") && cal(1) {
        return 2;
    }
    0
}

/// Where the subject of the sentence that `l` opens may start: past
/// "And then", and past an opening phrase up to its comma.
pub(super) fn subject_from(l: &[Tok<'_>]) -> usize {
    let mut k = 0;
    // a dateline: "WASHINGTON (AFP) –", "PORTLAND, Ore. —"
    if let Some(d) = l.iter().take(7).position(is_dash) {
        if d > 0 && l[..d].iter().all(|t| t.is_cap() || matches!(t.s, "(" | ")" | ",")) {
            k = d + 1;
        }
    }
    while k < l.len() && (LEADERS.contains(&l[k].lower().as_str()) || l[k].is(",")) && k < 4 {
        k += 1;
    }
    // ("Speaking at …," but not the names "King told", "Boreing said")
    let participle = |k: usize| {
        l[k].s.ends_with("ing")
            && l[k].is_cap()
            && l.get(k + 1).is_some_and(|n| {
                n.is_word() && !n.is_cap() && !is_verb(n) && !verb_like(n) && !AUXILIARIES.contains(&n.lower().as_str())
            })
    };
    let opener = l.get(k).is_some_and(|t| OPENERS.contains(&t.lower().as_str())) || k < l.len() && participle(k);
    if opener {
        // to the comma after which a subject starts ("In a wide-ranging,
        // in-prison interview with X, Lazar said")
        let subject_start = |j: usize| {
            l.get(j).is_some_and(|t| {
                t.is_cap()
                    || PRONOUNS.contains(&t.lower().as_str())
                    || matches!(
                        t.lower().as_str(),
                        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "some" | "many" | "even"
                    )
            })
        };
        let commas: Vec<usize> =
            l[k..].iter().take(30).enumerate().filter(|(_, t)| t.is(",")).map(|(c, _)| k + c).collect();
        if let Some(c) = commas.iter().find(|&&c| subject_start(c + 1)).or(commas.first()) {
            let mut from = c + 1;
            // "in Salem, New Hampshire, Trump went after Bush": a place
            // ends the opening phrase
            if let Some(np) = noun_phrase_after(&l[from..]) {
                let after = l.iter().position(|t| t.at >= np.end);
                if let Some(a) = after.filter(|&a| {
                    l[a].is(",") && l.get(a + 1).is_some_and(|t| t.is_cap() || PRONOUNS.contains(&t.lower().as_str()))
                }) {
                    if l[from..a].iter().all(|t| t.is_cap() && t.is_word()) && a - from <= 3 {
                        from = a + 1;
                    }
                }
            }
            return from;
        }
    }
    k
}

/// The subject of the last clause of `l` that has one: after ", and" or ",
/// but" ("the effort stalled, and he has battled with the union …, calling
/// the mayor “…”"), after "which" ("NAFTA, which Trump had called a
/// “disaster” and promised to “rip up”"); else the sentence's.
pub(super) fn clause_subject(l: &[Tok<'_>]) -> Option<Range<usize>> {
    let joins = |k: usize| {
        let w = l[k].lower();
        (k > 0 && l[k - 1].is(",") && matches!(w.as_str(), "and" | "but")) || matches!(w.as_str(), "which" | "whom")
    };
    if let Some(k) = (0..l.len()).rev().find(|&k| joins(k)) {
        if let Some(np) = opening_subject(&l[k + 1..]) {
            return Some(np);
        }
    }
    sentence_subject(l)
}

/// The subject of the sentence that `l` opens: its first noun phrase that
/// starts with a capital or a pronoun, after an opening "Speaking at a town
/// hall," or "In an interview,".
pub(super) fn sentence_subject(l: &[Tok<'_>]) -> Option<Range<usize>> {
    let from = subject_from(l);
    // "In December, the prince called for …": a noun phrase right there
    if l.get(from).is_some_and(|t| matches!(t.lower().as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its")) {
        if let Some(np) = noun_phrase_after(&l[from..]) {
            return Some(np);
        }
    }
    let start = (from..l.len()).find(|&k| {
        let w = l[k].lower();
        let base = strip_possessive(&w);
        // "It’s become such a presence that …", "Here is what …"
        let no_one =
            (base != w && NOT_SUBJECTS.contains(&base)) || matches!(w.as_str(), "here" | "there" | "what" | "which");
        l[k].is_word() && (l[k].is_cap() || PRONOUNS.contains(&w.as_str())) && !no_one
    })?;
    noun_phrase_after(&l[start..])
}

/// The subject that opens the sentence `l` (past "And", "In an interview,"),
/// a name or a pronoun or a noun phrase with a name in it, followed by its
/// verb: a lowercase word, past "has", "also", "later".
pub(super) fn opening_subject(l: &[Tok<'_>]) -> Option<Range<usize>> {
    let from = subject_from(l);
    let first = l.get(from)?;
    let lower = first.lower();
    let base = strip_possessive(&lower);
    let determiner = matches!(lower.as_str(), "the" | "a" | "an");
    if !(first.is_cap() || determiner || matches!(lower.as_str(), "he" | "she" | "they"))
        || NOT_SUBJECTS.contains(&base)
        || is_calendar(first)
    {
        return None;
    }
    subject_and_verb(l, from).map(|(np, _)| np)
}

/// The subject that starts at `l[from]` and the verb after it (past "has",
/// "also"): the whole noun phrase when a lowercase word follows it, else
/// its shortest start that a verb-like word follows ("The Rove ad hits
/// Clinton for …", "Politico reveals a few facts:").
pub(super) fn subject_and_verb(l: &[Tok<'_>], from: usize) -> Option<(Range<usize>, usize)> {
    let skip = |mut k: usize| {
        while k + 1 < l.len()
            && (AUXILIARIES.contains(&l[k].lower().as_str()) || l[k].s.ends_with("ly") && !l[k].is_cap())
        {
            k += 1;
        }
        k
    };
    let np = noun_phrase_after(&l[from..])?;
    let end = l.iter().position(|t| t.at >= np.end).unwrap_or(l.len());
    if end < l.len() {
        let k = skip(end);
        let verb = &l[k];
        if verb.is_word() && !verb.is_cap() && (!CLAUSE_WORDS.contains(&verb.lower().as_str()) || verb_like(verb)) {
            return Some((np, k));
        }
    }
    // (a one-word start is a name, not "The", "His", "Two", "Featuring")
    let one_word = |t: &Tok<'_>| {
        let w = t.lower();
        t.is_cap() && !w.ends_with("ing") && !NOT_ONE_WORD_NAMES.contains(&w.as_str()) && !is_number_word(&w)
    };
    (from + 1..end).find_map(|j| {
        let k = skip(j);
        let head = &l[from..j];
        let fits = if head.len() == 1 {
            one_word(&head[0])
        } else {
            head.iter().any(|t| t.is_cap() && !is_number_word(&t.lower()))
        };
        (fits && verb_like(&l[k]) && subject_ok(head)).then(|| (span(head), k))
    })
}

/// Where the verb group that ends with the verb `l[v]` starts: back past
/// auxiliaries and adverbs ("has also said") and phrases of time ("on
/// Friday declared", "who has in the past described"), none of which is
/// part of the subject.
pub(super) fn verb_group_start(l: &[Tok<'_>], v: usize) -> usize {
    let mut v0 = v;
    loop {
        let before = v0;
        while v0 > 0 && AUXILIARIES.contains(&l[v0 - 1].lower().as_str()) {
            v0 -= 1;
        }
        v0 -= time_phrase(&l[..v0]);
        if v0 == before {
            break;
        }
    }
    v0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::tokens::tokens;

    fn np(s: &str) -> Option<&str> {
        noun_phrase_after(&tokens(s, 0, s.len())).map(|r| &s[r])
    }

    fn ok(s: &str) -> bool {
        subject_ok(&tokens(s, 0, s.len()))
    }

    #[test]
    fn a_subject_is_a_name_a_pronoun_or_a_short_noun_phrase() {
        assert!(ok("Ana Ruiz") && ok("she") && ok("the ferry's owner") && ok("40 percent"));
        assert!(!ok("ferries") && !ok("on Friday") && !ok("Rather") && !ok("the tide said"));
    }

    #[test]
    fn a_noun_phrase_ends_at_a_comma_a_clause_word_or_a_verb() {
        assert_eq!(np("Ana Ruiz, a planner"), Some("Ana Ruiz"));
        assert_eq!(np("the mayor of Salem and the clerk"), Some("the mayor of Salem"));
        assert_eq!(np("Lee defeated the motion"), Some("Lee"));
        assert_eq!(np("she never"), Some("she"));
    }

    #[test]
    fn adverbs_and_times_are_no_part_of_a_subject() {
        let s = "The clerk has always";
        let trimmed = trim_adverbs(tokens(s, 0, s.len()));
        assert_eq!(trimmed.iter().map(|t| t.s).collect::<Vec<_>>(), ["The", "clerk"]);
        let s = "Okafor on Tuesday night also told";
        let l = tokens(s, 0, s.len());
        assert_eq!(verb_group_start(&l, l.len() - 1), 1);
    }

    #[test]
    fn the_subject_after_opening_words_and_phrases() {
        let s = "And then, in a long talk with the crew, Okafor said";
        let l = tokens(s, 0, s.len());
        assert_eq!(l[subject_from(&l)].s, "Okafor");
        let s = "SALEM (AP) — The ferry capsized";
        let l = tokens(s, 0, s.len());
        assert_eq!(sentence_subject(&l).map(|r| &s[r]), Some("The ferry"));
        // the last clause's subject
        let s = "The vote stalled, and the clerk wrote to the board, calling";
        let l = tokens(s, 0, s.len());
        assert_eq!(clause_subject(&l).map(|r| &s[r]), Some("the clerk"));
    }

    #[test]
    fn a_subject_that_a_verb_follows() {
        let s = "The Okafor ad hits Lee for";
        let l = tokens(s, 0, s.len());
        assert_eq!(subject_and_verb(&l, 0).map(|(r, k)| (&s[r], l[k].s)), Some(("The Okafor ad", "hits")));
        assert_eq!(opening_subject(&l).map(|r| &s[r]), Some("The Okafor ad"));
        let s = "Here is the ledger";
        assert_eq!(opening_subject(&tokens(s, 0, s.len())), None);
    }
}
