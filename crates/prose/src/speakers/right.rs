//! Cues after the quotation: "…,” he said." / "…,” said Mr. Trump, …" /
//! "…” — Commissioner Geoffrey Starks" / "…,” according to a spokesman."
//!
//! [`right_cue`] reads the words after the closing mark to the end of the
//! sentence: a dash or tilde credit, "according to", or the first verb of
//! saying whose subject reads, before or after it ([`right_cue_at`]).

use verbatim_lexicon::grammar::PRONOUNS;
use verbatim_lexicon::speech::{TELL, VERBS};

use super::lexicon::{is_clause_word, is_participle, is_verb, phrasal};
use super::subjects::{noun_phrase_after, subject_ok, trim_adverbs};
use super::tokens::{span, Tok};
use super::Attribution;

/// The speaker the words `r` after a quotation give it, if they give one.
pub(super) fn right_cue(r: &[Tok<'_>]) -> Option<Attribution> {
    // past the punctuation that follows the closing mark
    let i = r.iter().position(|t| !matches!(t.s, "," | ":" | ";" | ")" | "(")).unwrap_or(r.len());
    let t = r.get(i)?;
    if matches!(t.s, "\u{2014}" | "\u{2015}" | "\u{2013}" | "--" | "~" | "-") {
        return dash_credit(r, i);
    }
    if t.lower() == "according" && r.get(i + 1).is_some_and(|x| x.lower() == "to") {
        return according_to(r, i);
    }
    first_verb_with_a_subject(r, i)
}

/// "“…” — Captain Ana Ruiz, harbour master": a dash or a tilde after the
/// quotation credits the words that follow, up to eight of them, when the
/// first is capitalised. Anything else after a dash names no one.
fn dash_credit(r: &[Tok<'_>], i: usize) -> Option<Attribution> {
    let dash = &r[i];
    let np: Vec<Tok<'_>> =
        r[i + 1..].iter().take_while(|x| x.is_word() || x.is("(") || x.is(")")).take(8).cloned().collect();
    np.first().is_some_and(|x| x.is_cap()).then(|| (span(&np), dash.at..dash.end()))
}

/// "“…,” according to the harbour master.": the noun phrase after
/// "according to" (at `r[i]`).
fn according_to(r: &[Tok<'_>], i: usize) -> Option<Attribution> {
    let np = noun_phrase_after(&r[i + 2..])?;
    Some((np, r[i].at..r[i + 1].end()))
}

/// The first of the next few verbs of saying whose subject reads ("“…,”
/// and the ferries went on running, Lee said" passes "went on"): at most
/// three verbs are tried, within 24 tokens of the quotation or, further
/// on, an inversion that closes the sentence ([`far_inversion`]).
/// Participles are never right cues ("…,” adding that …" belongs to a cue
/// before).
fn first_verb_with_a_subject(r: &[Tok<'_>], i: usize) -> Option<Attribution> {
    let limit = (i + 24).min(r.len());
    (i..r.len())
        .filter(|&k| {
            (k < limit || far_inversion(r, k))
                && (is_verb(&r[k]) || noun_or_verb_as_verb(r, i, k) || phrasal(r, k))
                && !is_participle(&r[k])
        })
        .take(3)
        .find_map(|v| right_cue_at(r, i, v))
}

/// "“…,” read the sign.", "“…,” the letter reads.": a form that is as
/// often a noun is a verb here only where nothing else fits: first after
/// the quotation, closing a short clause (at most four words in, before a
/// full stop or a semicolon), or closing a noun phrase of a few words that
/// opens with a determiner ("“…,” a notice on the door reads.").
fn noun_or_verb_as_verb(r: &[Tok<'_>], i: usize, k: usize) -> bool {
    let t = &r[k];
    !t.is_cap()
        && VERBS.contains(&t.lower().as_str())
        && (k == i
            || (k <= i + 4 && r.get(k + 1).is_none_or(|n| matches!(n.s, "." | ";")))
            || (k <= i + 7
                && matches!(
                    r[i].lower().as_str(),
                    "a" | "an" | "the" | "this" | "that" | "his" | "her" | "their" | "its" | "one"
                )
                && !r[i..k].iter().any(|x| x.is(","))
                && r.get(k + 1).is_none_or(|n| matches!(n.s, "." | ";" | ","))))
}

/// "…, and the river kept rising, said Tom Lee, a boatman.": past the
/// first few words, only "said" after a comma and before a capitalised
/// word is a cue.
fn far_inversion(r: &[Tok<'_>], k: usize) -> bool {
    k > 0 && r[k - 1].is(",") && r[k].lower() == "said" && r.get(k + 1).is_some_and(|x| x.is_cap())
}

/// The speaker of a right cue whose verb is `r[v]`, the words before it
/// starting at `r[i]`. With a full stop, a semicolon or another quotation
/// between them there is none. An inverted verb takes the noun phrase
/// after it ([`said_then_subject`]); else the subject is before the verb:
/// the words right before it ([`subject_then_verb`]), then, where commas
/// stand between, the name after the last comma
/// ([`subject_after_the_last_comma`]); where none does and the words are
/// few (twelve tokens at most), a noun phrase before a prepositional phrase
/// ([`head_before_a_preposition`]) or the name that ends the words
/// ([`name_ending_the_words`]).
fn right_cue_at(r: &[Tok<'_>], i: usize, v: usize) -> Option<Attribution> {
    if r[i..v].iter().any(|x| matches!(x.s, "." | "!" | "?" | ";" | "\u{201c}" | "\"")) {
        return None;
    }
    if verb_first(r, i, v) {
        return said_then_subject(r, v);
    }
    let commas = r[i..v].iter().any(|x| x.is(","));
    if commas {
        subject_then_verb(r, i, v).or_else(|| subject_after_the_last_comma(r, i, v))
    } else if v <= i + 12 {
        subject_then_verb(r, i, v)
            .or_else(|| head_before_a_preposition(r, i, v))
            .or_else(|| name_ending_the_words(r, i, v))
    } else {
        None
    }
}

/// Whether the verb `r[v]` comes before its subject: first after the
/// quotation ("“…,” said the ferryman"), after "then", "later", "also",
/// "again" or "once" ("“…,” then said Lee"), or after a comma and before a
/// capital ("“…,” and the fares rose, said Ana Ruiz"). Not "told" ("…,
/// told the Herald" names who was told), nor when a name before the comma
/// is the subject ("“…,” Tom Lee, the owner, said Monday").
fn verb_first(r: &[Tok<'_>], i: usize, v: usize) -> bool {
    let named_first =
        r[i].is_cap() && r[i..v].iter().position(|x| x.is(",")).is_some_and(|c| c > 0 && subject_ok(&r[i..i + c]));
    let inverted = v > i
        && r[v - 1].is(",")
        && r.get(v + 1).is_some_and(|x| x.is_cap())
        && !TELL.contains(&r[v].lower().as_str())
        && !named_first;
    v == i || inverted || (v == i + 1 && matches!(r[i].lower().as_str(), "then" | "later" | "also" | "again" | "once"))
}

/// "“…,” said the ferryman, a man of few words.": the noun phrase after an
/// inverted verb is its subject; if none reads, there is no speaker.
fn said_then_subject(r: &[Tok<'_>], v: usize) -> Option<Attribution> {
    let np = noun_phrase_after(&r[v + 1..])?;
    Some((np, r[v].at..r[v].end()))
}

/// "“…,” she said", "“…,” the harbour master's deputy Tom Lee said", "“…,”
/// Lee, the owner, said": the words between the quotation and the verb, up
/// to a comma, past adverbs, when they read as a subject. "and" may join
/// two ("Ruiz and Lee wrote"), but neither open nor close it. A
/// lower-case phrase followed by a comma and a name is no subject: it is an
/// apposition to the quotation, the name the subject ("“…,” the worst
/// winter in years, Lee says").
fn subject_then_verb(r: &[Tok<'_>], i: usize, v: usize) -> Option<Attribution> {
    let subj = &r[i..v];
    let subj: Vec<Tok<'_>> = match subj.iter().position(|x| x.is(",")) {
        Some(c) if c > 0 => subj[..c].to_vec(),
        _ => subj.to_vec(),
    };
    let subj: Vec<Tok<'_>> = trim_adverbs(subj);
    let unjoined: Vec<Tok<'_>> = subj.iter().filter(|t| !t.is("and")).cloned().collect();
    let named_after_comma = r[i..v].iter().rposition(|x| x.is(",")).is_some_and(|c| {
        let after = &r[i + c + 1..v];
        !after.is_empty() && after.iter().all(|t| t.is_word() && t.is_cap()) && subject_ok(after)
    });
    let lowercase_led = subj.first().is_some_and(|t| !t.is_cap() && !PRONOUNS.contains(&t.lower().as_str()));
    let fits = subject_ok(&unjoined)
        && subj.first().is_some_and(|t| !t.is("and"))
        && subj.last().is_some_and(|t| !t.is("and"))
        && !(lowercase_led && named_after_comma);
    if !fits {
        return None;
    }
    let end = if phrasal(r, v) { r[v + 1].end() } else { r[v].end() };
    Some((span(&subj), r[v].at..end))
}

/// "“Fair winds” would be welcome, Mayor Ana Ruiz said": the
/// quotation inside a sentence, its subject after the last comma before
/// the verb. The subject opens with a capital or "he", "she", "they"; or
/// with "the", "a", "an" where the verb closes the sentence ("…, the
/// report says.").
fn subject_after_the_last_comma(r: &[Tok<'_>], i: usize, v: usize) -> Option<Attribution> {
    let c = r[i..v].iter().rposition(|x| x.is(","))?;
    let subj = trim_adverbs(r[i + c + 1..v].to_vec());
    let ends = r.get(v + 1).is_none_or(|n| matches!(n.s, "." | "!" | "?"));
    let led = |t: &Tok<'_>| {
        t.is_cap()
            || matches!(t.lower().as_str(), "he" | "she" | "they")
            || ends && matches!(t.lower().as_str(), "the" | "a" | "an")
    };
    (subj.first().is_some_and(led) && subject_ok(&subj)).then(|| (span(&subj), r[v].at..r[v].end()))
}

/// "“…,” a notice on the harbour wall states.": a noun phrase that opens
/// with a determiner, before its prepositional phrase ("in", "on", "at",
/// "from", "for", "with"), is the subject.
fn head_before_a_preposition(r: &[Tok<'_>], i: usize, v: usize) -> Option<Attribution> {
    let words = trim_adverbs(r[i..v].to_vec());
    let p = words.iter().position(|t| matches!(t.lower().as_str(), "in" | "on" | "at" | "from" | "for" | "with"))?;
    let head = &words[..p];
    let fits = p > 0 && matches!(head[0].lower().as_str(), "a" | "an" | "the" | "one" | "another") && subject_ok(head);
    fits.then(|| (span(head), r[v].at..r[v].end()))
}

/// "“…,” Fares for Riders director Ana Ruiz told": where the words before
/// the verb do not read as a subject as a whole, the run after their last
/// clause word, mark or verb ("Riders director Ana Ruiz") does, if it has
/// two capitalised words or more and ends with one.
fn name_ending_the_words(r: &[Tok<'_>], i: usize, v: usize) -> Option<Attribution> {
    let words = trim_adverbs(r[i..v].to_vec());
    let tail = words.iter().rposition(|t| !t.is_word() || is_clause_word(t) || is_verb(t)).map_or(0, |k| k + 1);
    let tail = &words[tail..];
    let fits = tail.len() >= 2
        && tail.last().is_some_and(|t| t.is_cap())
        && tail.iter().filter(|t| t.is_cap()).count() >= 2
        && subject_ok(tail);
    fits.then(|| (span(tail), r[v].at..r[v].end()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::tokens::tokens;

    /// The mention and the cue of a reading, as words of `s`.
    fn words(s: &str, a: Option<Attribution>) -> Option<(&str, &str)> {
        a.map(|(m, c)| (&s[m], &s[c]))
    }

    /// What `right_cue` reads in `s`, the words after a closing mark to the
    /// end of the sentence.
    fn right(s: &str) -> Option<(&str, &str)> {
        words(s, right_cue(&tokens(s, 0, s.len())))
    }

    /// The index of the first token `w` in `r`.
    fn at(r: &[Tok<'_>], w: &str) -> usize {
        r.iter().position(|t| t.is(w)).expect("the word")
    }

    #[test]
    fn a_dash_credits_the_capitalised_words_after_it() {
        let s = " — Captain Ana Ruiz, harbour master";
        assert_eq!(words(s, dash_credit(&tokens(s, 0, s.len()), 0)), Some(("Captain Ana Ruiz", "—")));
        assert_eq!(right(" ~ Tom Lee"), Some(("Tom Lee", "~")));
        // and nothing else after a dash
        assert_eq!(right(" — and then the tide turned, Lee said."), None);
    }

    #[test]
    fn according_to_names_who_follows() {
        let s = ", according to the harbour master.";
        assert_eq!(words(s, according_to(&tokens(s, 0, s.len()), 1)), Some(("the harbour master", "according to")));
        assert_eq!(right(s), Some(("the harbour master", "according to")));
    }

    #[test]
    fn the_first_verb_whose_subject_reads() {
        let s = ", and the ferries went on running all night, Lee said.";
        assert_eq!(words(s, first_verb_with_a_subject(&tokens(s, 0, s.len()), 1)), Some(("Lee", "said")));
        assert_eq!(right(s), Some(("Lee", "said")));
        // a participle is never a right cue
        assert_eq!(right(", adding that the fares would rise."), None);
    }

    #[test]
    fn a_noun_or_verb_form_is_a_verb_where_nothing_else_fits() {
        let s = ", the notice reads.";
        let r = tokens(s, 0, s.len());
        assert!(noun_or_verb_as_verb(&r, 1, at(&r, "reads")));
        assert_eq!(right(s), Some(("the notice", "reads")));
        assert_eq!(right(", read the sign on the gate."), Some(("the sign", "read")));
        // deep in a clause it is a noun
        let s = ", and the ferry company sent its new timetable and fares and reads to the council.";
        let r = tokens(s, 0, s.len());
        assert!(!noun_or_verb_as_verb(&r, 1, at(&r, "reads")));
    }

    #[test]
    fn said_far_from_the_quotation_when_it_closes_the_sentence() {
        let s = ", and the river kept rising over the old stone wall and into the narrow lanes behind the \
                 harbour where the small boats were tied up, said Tom Lee, a boatman.";
        let r = tokens(s, 0, s.len());
        let k = at(&r, "said");
        assert!(k > 25 && far_inversion(&r, k));
        assert_eq!(right(s), Some(("Tom Lee", "said")));
    }

    #[test]
    fn no_cue_across_a_full_stop_or_a_semicolon() {
        let s = ", the tide turned; Lee said.";
        let r = tokens(s, 0, s.len());
        assert_eq!(right_cue_at(&r, 1, at(&r, "said")), None);
        assert_eq!(right(s), None);
    }

    #[test]
    fn a_verb_before_its_subject() {
        let s = ", said the ferryman, a man of few words.";
        let r = tokens(s, 0, s.len());
        assert!(verb_first(&r, 1, 1));
        assert_eq!(words(s, said_then_subject(&r, 1)), Some(("the ferryman", "said")));
        assert_eq!(right(", then said Lee."), Some(("Lee", "said")));
        assert_eq!(right(", and the fares rose again, said Ana Ruiz."), Some(("Ana Ruiz", "said")));
        // a name before the comma is the subject, and what follows the verb a time
        let s = ", Tom Lee, the owner, said Monday.";
        let r = tokens(s, 0, s.len());
        assert!(!verb_first(&r, 1, at(&r, "said")));
        assert_eq!(right(s), Some(("Tom Lee", "said")));
    }

    #[test]
    fn the_subject_between_the_quotation_and_the_verb() {
        let s = ", she said.";
        let r = tokens(s, 0, s.len());
        assert_eq!(words(s, subject_then_verb(&r, 1, 2)), Some(("she", "said")));
        assert_eq!(right(", Ruiz and Lee wrote."), Some(("Ruiz and Lee", "wrote")));
        assert_eq!(
            right(", the ferry's new owner Dora Mbeki later said."),
            Some(("the ferry's new owner Dora Mbeki", "said"))
        );
        assert_eq!(right(", the ferryman shot back."), Some(("the ferryman", "shot back")));
        // an apposition to the quotation, then the subject
        let s = ", the worst winter in years, Lee says.";
        let r = tokens(s, 0, s.len());
        assert_eq!(subject_then_verb(&r, 1, at(&r, "says")), None);
        assert_eq!(right(s), Some(("Lee", "says")));
    }

    #[test]
    fn the_subject_after_the_last_comma() {
        let s = " would be welcome, Mayor Ana Ruiz said.";
        let r = tokens(s, 0, s.len());
        assert_eq!(words(s, subject_after_the_last_comma(&r, 0, at(&r, "said"))), Some(("Mayor Ana Ruiz", "said")));
        assert_eq!(right(s), Some(("Mayor Ana Ruiz", "said")));
        // a determiner leads it only where the verb ends the sentence
        assert_eq!(right(" cost too much, the report says."), Some(("the report", "says")));
        assert_eq!(right(" cost too much, the report says of the plan."), None);
    }

    #[test]
    fn a_noun_phrase_before_its_prepositional_phrase() {
        let s = ", a notice on the harbour wall states.";
        let r = tokens(s, 0, s.len());
        assert_eq!(words(s, head_before_a_preposition(&r, 1, at(&r, "states"))), Some(("a notice", "states")));
        assert_eq!(right(s), Some(("a notice", "states")));
    }

    #[test]
    fn the_name_that_ends_the_words_before_the_verb() {
        let s = ", Fares for Riders director Ana Ruiz told reporters.";
        let r = tokens(s, 0, s.len());
        let v = at(&r, "told");
        assert_eq!(subject_then_verb(&r, 1, v).or_else(|| head_before_a_preposition(&r, 1, v)), None);
        assert_eq!(words(s, name_ending_the_words(&r, 1, v)), Some(("Riders director Ana Ruiz", "told")));
        assert_eq!(right(s), Some(("Riders director Ana Ruiz", "told")));
    }
}
