//! Membership tests over the word lists the rules know by name: what a
//! token is (a verb of saying, a clause word, a day) given its case and
//! its neighbours. The lists themselves, with where they come from, are
//! `verbatim_lexicon`'s.

use verbatim_lexicon::grammar::{CLAUSE_WORDS, IRREGULAR_PAST, LEADERS, NUMBER_WORDS};
use verbatim_lexicon::names::CALENDAR;
use verbatim_lexicon::speech::{NOUNS_TOO, PHRASAL, VERBS};

use super::tokens::Tok;

/// A two-word cue at `r[k]` ("went on", "shot back"); a capitalised first
/// word is a name ("Went").
pub(super) fn phrasal(r: &[Tok<'_>], k: usize) -> bool {
    let Some(next) = r.get(k + 1) else { return false };
    let (a, b) = (r[k].lower(), next.lower());
    !r[k].is_cap() && PHRASAL.iter().any(|(h, p)| *h == a && *p == b)
}

/// A verb of saying: lowercase (a capitalised "States" or "Post" is a
/// name), and not a form that is as often a noun.
pub(super) fn is_verb(t: &Tok<'_>) -> bool {
    let l = t.lower();
    !t.is_cap() && VERBS.contains(&l.as_str()) && !NOUNS_TOO.contains(&l.as_str())
}

/// Participles: their subject is the subject of the sentence ("Trump
/// attacked Obama, calling him “...”").
pub(super) fn is_participle(t: &Tok<'_>) -> bool {
    t.s.ends_with("ing") && is_verb(t)
}

/// A word that ends a subject or starts a clause; a capitalised "Will" or
/// "May" inside a sentence is a name ("George Will wrote"), and "of" never
/// ends one ("the mayor of Springfield said").
pub(super) fn is_clause_word(t: &Tok<'_>) -> bool {
    let l = t.lower();
    CLAUSE_WORDS.contains(&l.as_str()) && l != "of" && !(t.is_cap() && matches!(l.as_str(), "will" | "may" | "from"))
}

/// Whether a word is one that opens sentences, not a name ("Rather",
/// "Meanwhile").
pub(super) fn is_leader(t: &Tok<'_>) -> bool {
    LEADERS.contains(&t.lower().as_str())
}

/// A day or a month.
pub(super) fn is_calendar(t: &Tok<'_>) -> bool {
    CALENDAR.contains(&t.lower().as_str())
}

/// A number in digits or a number word (lower case).
pub(crate) fn is_number_word(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&w)
}

/// A word that reads as a verb after a subject: a past or third-person
/// form, an auxiliary.
pub(super) fn verb_like(t: &Tok<'_>) -> bool {
    let w = t.lower();
    !t.is_cap()
        && t.is_word()
        && (w.ends_with("ed")
            || (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3)
            || IRREGULAR_PAST.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_digits_or_words() {
        assert!(is_number_word("1999") && is_number_word("forty"));
        assert!(!is_number_word("Forty") && !is_number_word("first"));
    }
}
