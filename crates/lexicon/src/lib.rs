//! The words the readers know by name: every list of words of the language
//! and of record-keeping that a rule compares a word with, in one place.
//!
//! The rule: a word list lives here, never in the crate that reads it. The
//! reader keeps the rule (which word it looks at, in which case, whether a
//! capital changes its reading); this crate keeps the words. So a class of
//! words needed by two crates is one list, and two lists that look alike
//! stand side by side here, each saying how and why it differs from the
//! other.
//!
//! - [`names`]: what stands in and around people's names (titles, roles,
//!   particles, suffixes, abbreviations), days and months, and the words
//!   that show a capitalised phrase names no person;
//! - [`speech`]: verbs and nouns of saying and reporting, in their several
//!   uses;
//! - [`grammar`]: English's closed classes as the rules need them
//!   (auxiliaries, pronouns, clause words, numbers) and the words that limit
//!   a claim (negations, conditions, quantifiers, hedges);
//! - [`early_modern`]: Early Modern English words ("thou", "hath") and
//!   their present-day forms;
//! - [`records`]: the words of credit lines and citations (locators,
//!   outlets, editors' notes, titles of works, the clauses of a report).
//!
//! Each list says what it is for, which code reads it, the form its words
//! must have for that reader to ever match them, and where it comes from.
//! Most were written by hand, a word at a time, while a reader was tuned
//! on the corpora; those are no published list and none is complete. Lists
//! that follow a grammar's classes cite it. Each module's tests check the
//! form its readers rely on.
//!
//! Architecture invariant: depends on nothing; holds data, not rules.

pub mod early_modern;
pub mod grammar;
pub mod names;
pub mod records;
pub mod speech;

/// Checks of a list's form shared by the modules' tests.
#[cfg(test)]
mod form {
    /// No word twice: a duplicate is dead weight, or a sign that two
    /// lists were joined without looking.
    pub(crate) fn no_duplicates(name: &str, list: &[&str]) {
        let mut seen = std::collections::HashSet::new();
        for w in list {
            assert!(seen.insert(*w), "{name}: {w:?} twice");
        }
    }

    /// One lower-case word: no spaces, nothing a lowercasing reader would
    /// change, not empty.
    pub(crate) fn lower_words(name: &str, list: &[&str]) {
        no_duplicates(name, list);
        for w in list {
            assert!(!w.is_empty() && !w.contains(char::is_whitespace), "{name}: {w:?} is not one word");
            assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lower case");
        }
    }

    /// A word as the text crate normalizes it and the engine compares it:
    /// lower-case ASCII letters only (accents folded, apostrophes dropped).
    pub(crate) fn normalized_words(name: &str, list: &[&str]) {
        no_duplicates(name, list);
        for w in list {
            assert!(!w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()), "{name}: {w:?} is not normalized");
        }
    }

    /// A word as the limit rules read running text: lower case, letters and
    /// digits only (apostrophes dropped: "don't" is "dont").
    pub(crate) fn bare_words(name: &str, list: &[&str]) {
        lower_words(name, list);
        for w in list {
            assert!(w.chars().all(char::is_alphanumeric), "{name}: {w:?} holds more than letters");
        }
    }

    /// A phrase searched for in a lowercased line: lower case, not blank.
    pub(crate) fn lower_phrases(name: &str, list: &[&str]) {
        no_duplicates(name, list);
        for p in list {
            assert!(!p.trim().is_empty(), "{name}: {p:?} is blank");
            assert_eq!(*p, p.to_lowercase(), "{name}: {p:?} is not lower case");
        }
    }
}
