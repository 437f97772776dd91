//! Where in a work: locators ("p. 12", "ch. 3", "Act III, sc. 2", "Aphorism
//! 146", "I.71") and the publishing notes around them that are no field
//! (ISBNs, editions, translators, "Retrieved ...").
//!
//! A locator is kept as written; only its place in the line tells it from
//! a title, so the tests here are about the first word and about numbers.

use std::ops::Range;

use verbatim_lexicon::records::{LOCATOR_WORDS, NOTE_SENTENCE_WORDS, NOTE_WORDS, TITLE_OR_LOCATOR_WORDS};

use super::draft::Draft;
use super::parts::{blank, clean, first_word_lower, paren_groups};

/// A number in roman or arabic figures, perhaps dotted or a range: "283",
/// "I.71", "39-40", "Ⅲ". Trailing punctuation is ignored.
pub(super) fn is_roman_or_number(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',', ':']);
    !w.is_empty()
        && w.chars().all(|c| {
            matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | '.' | '-' | '\u{2013}')
                || c.is_ascii_digit()
                || ('\u{2160}'..='\u{2188}').contains(&c)
        })
}

/// Whether a part is a locator: it starts with "§" or a locator word
/// ("p. 12", "Sonnet 18"; for a word that also starts titles, only when a
/// number follows), or is a short run of numbers that is not a year
/// ("I. 3. lines 39-40").
pub(super) fn is_locator(seg: &str) -> bool {
    let t = seg.trim().trim_start_matches(['(', '[']);
    if t.starts_with('§') {
        return true;
    }
    let first = first_word_lower(t);
    if LOCATOR_WORDS.contains(&first.as_str()) {
        // "Letter to Carl Fuchs" is a work; "Letter no. 155" a locator
        if TITLE_OR_LOCATOR_WORDS.contains(&first.as_str()) {
            let rest = t[first.len()..].trim_start().trim_start_matches('.').trim_start();
            return rest.is_empty()
                || rest.starts_with(|c: char| c.is_ascii_digit())
                || is_roman_or_number(rest.split(' ').next().unwrap_or(""))
                || rest.to_ascii_lowercase().starts_with("no") && rest.len() < 12;
        }
        return true;
    }
    // roman or arabic numbers with dots: "I. 3. lines 39-40", "I.71", "Ⅲ"; not a year
    let first = t.split_whitespace().next().unwrap_or("");
    let year = first.trim_end_matches(['.', ',']).len() == 4
        && first.trim_end_matches(['.', ',']).bytes().all(|b| b.is_ascii_digit());
    !year && is_roman_or_number(first) && t.split_whitespace().count() <= 6
}

/// "DECWORLD Vol. 8 No. 5" → ("DECWORLD", Some("Vol. 8 No. 5")).
pub(super) fn split_locator(c: &str) -> (String, Option<String>) {
    let mut pos = 0;
    for w in c.split(' ') {
        if pos > 0 && is_locator(w) && !is_roman_or_number(w) {
            let rest = c[pos..].trim();
            if rest.split_whitespace().nth(1).is_some_and(|x| x.chars().next().is_some_and(|ch| ch.is_ascii_digit())) {
                return (c[..pos].trim().to_string(), Some(rest.to_string()));
            }
        }
        pos += w.len() + 1;
    }
    (c.to_string(), None)
}

/// Notes that are neither work nor outlet: retrieval dates, ISBNs,
/// editions, translations, an editor's remark ("Unsourced", "See also",
/// "cf."), or a long sentence about the quotation.
pub(super) fn is_note(c: &str) -> bool {
    let l = c.to_ascii_lowercase();
    let first = first_word_lower(c);
    l.starts_with("retrieved")
        || l.starts_with("accessed")
        || l.starts_with("isbn")
        || l.contains("edition")
        || l.ends_with("translation")
        || l.ends_with("trans.")
        || l.ends_with("trans")
        || l.contains(" translation ")
        || NOTE_WORDS.contains(&first.as_str())
        || (c.split_whitespace().count() > 8 && c.split_whitespace().any(|w| NOTE_SENTENCE_WORDS.contains(&w)))
}

/// Reads the bracket groups of the original part: the first locator inside
/// one is the credit's, and every group that is not a title in italics is
/// then blanked, being publishing detail (place, publisher, translator,
/// edition) that would otherwise pass for a title. "Tide Tables (Harbour
/// Press, ch. 4), Ada Brandt" keeps "ch. 4" and reads on as "Tide Tables
/// , Ada Brandt" with the brackets blanked.
pub(super) fn strip_brackets(mut original: String, italics: &[Range<usize>]) -> (String, Option<String>) {
    let mut locator = None;
    for g in paren_groups(&original) {
        let inner = &original[g.start + 1..g.end - 1];
        if locator.is_none() {
            locator = inner.split(", ").map(clean).find(|p| is_locator(p) && !p.is_empty());
        }
        let keep_title = italics.iter().any(|r| r.start < g.end && r.end > g.start);
        if !keep_title {
            blank(&mut original, g);
        }
    }
    (original, locator)
}

impl Draft {
    /// Whether part `k` (cleaned: `c`) starts a locator: it is one, or, on
    /// a line that names no speaker, a number follows it ("Maxims and
    /// Arrows, 8": a chapter and its section).
    pub(super) fn opens_locator(&self, k: usize, c: &str) -> bool {
        is_locator(c)
            || (k + 1 < self.segs.len()
                && !self.used[k + 1]
                && is_roman_or_number(&self.seg_text(k + 1))
                && !self.speaker_first)
    }

    /// Takes the locator that part `k` (cleaned: `c`) starts, with the
    /// locator parts that follow it ("Book 1, sec. 55", "Ⅲ, 2"), as the
    /// credit's locator unless it has one. Returns the last part taken.
    pub(super) fn take_locator_run(&mut self, mut k: usize, c: &str) -> usize {
        let mut loc = c.trim_start_matches("ibid.").trim().to_string();
        while k + 1 < self.segs.len()
            && !self.used[k + 1]
            && (is_locator(&self.seg_text(k + 1)) || is_roman_or_number(&self.seg_text(k + 1)))
        {
            k += 1;
            self.used[k] = true;
            loc = format!("{loc}, {}", self.seg_text(k));
        }
        if self.credit.locator.is_none() {
            self.credit.locator = Some(self.field(loc));
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use super::super::draft::{draft, value};
    use super::*;

    #[test]
    fn locators_are_known_by_their_first_word_or_their_numbers() {
        for l in ["p. 12", "Sonnet 18", "§ 4", "Letter no. 9", "XIV. 2", "Act II, sc. 3", "ibid."] {
            assert!(is_locator(l), "{l}");
        }
        for l in ["Letter to a Harbour Master", "1901", "Tide Tables", "Book of Tides"] {
            assert!(!is_locator(l), "{l}");
        }
        assert!(is_roman_or_number("XII.4") && !is_roman_or_number("XII.4a"));
    }

    #[test]
    fn a_locator_run_together_with_a_name_is_split_off() {
        assert_eq!(split_locator("TIDENEWS Vol. 3 No. 7"), ("TIDENEWS".into(), Some("Vol. 3 No. 7".into())));
        assert_eq!(split_locator("Tide Tables"), ("Tide Tables".into(), None));
    }

    #[test]
    fn notes_are_no_field() {
        for n in ["ISBN 0-00-000000-0", "Second edition", "Retrieved 3 March", "cf. Tide Tables", "Oskar Lind trans."] {
            assert!(is_note(n), "{n}");
        }
        assert!(!is_note("Tide Tables"));
    }

    #[test]
    fn brackets_give_their_locator_and_are_blanked_unless_in_italics() {
        let s = "Tide Tables (Harbour Press, ch. 4), Ada Brandt".to_string();
        let (rest, locator) = strip_brackets(s.clone(), &[]);
        assert_eq!(locator.as_deref(), Some("ch. 4"));
        assert_eq!(rest.len(), s.len());
        assert_eq!(rest.split_whitespace().collect::<Vec<_>>(), ["Tide", "Tables", ",", "Ada", "Brandt"]);
        // a bracket inside an italic title is part of the title
        let s = "Tide Tables (Revised)".to_string();
        let title = 0..s.len();
        assert_eq!(strip_brackets(s.clone(), std::slice::from_ref(&title)), (s, None));
    }

    #[test]
    fn a_locator_takes_the_locator_parts_after_it() {
        let mut d = draft("Tide Tables, Book 2, sec. 5, 7, Harbour Press", &[], false);
        assert!(d.opens_locator(1, "Book 2"));
        assert_eq!(d.take_locator_run(1, "Book 2"), 3);
        assert_eq!(value(&d.credit.locator), Some("Book 2, sec. 5, 7"));
        // on a person page a part followed by a number opens a locator
        let d = draft("Tide Tables, Ebb and Flow, 8", &[], false);
        assert!(d.opens_locator(1, "Ebb and Flow"));
        let d = draft("Tide Tables, Ebb and Flow, 8", &[], true);
        assert!(!d.opens_locator(1, "Ebb and Flow"));
    }
}
