//! The words of credit lines and citations: where in a work a quotation
//! stands, which periodical printed it, what an editor notes about it, and
//! the clauses that hand it on to someone else.
//!
//! Every list is read by the credit parser (`verbatim_formats::credit`),
//! which lowercases a credit line's words (ASCII) before comparing, unless
//! a list says otherwise. Each was written by hand while the parser was
//! tuned on the credit lines of the corpora (Wikiquote pages, fortune
//! files, quotation collections; `credit_cases` keeps a sample of them with
//! the fields they hold), a word at a time as a line was misread. None is a
//! published list, and none is complete. Every list is English.

/// Words that start a locator, a place inside a work ("p. 12", "Act III",
/// "Aphorism 146", "ibid."): the divisions of books, plays, poems,
/// periodicals and broadcasts, and their usual abbreviations.
///
/// Read by the credit parser (`is_locator`), against a part's lowercased
/// first word.
pub const LOCATOR_WORDS: &[&str] = &[
    "p",
    "pp",
    "page",
    "pages",
    "sec",
    "section",
    "sect",
    "§",
    "ch",
    "chap",
    "chapter",
    "act",
    "scene",
    "stanza",
    "line",
    "lines",
    "vol",
    "volume",
    "book",
    "bk",
    "letter",
    "no",
    "number",
    "part",
    "canto",
    "verse",
    "aphorism",
    "aph",
    "episode",
    "season",
    "preface",
    "introduction",
    "prologue",
    "epilogue",
    "foreword",
    "afterword",
    "appendix",
    "note",
    "notes",
    "essay",
    "fragment",
    "paragraph",
    "para",
    "folio",
    "fol",
    "col",
    "column",
    "article",
    "art",
    "maxim",
    "sonnet",
    "ps",
    "ibid",
];

/// The [`LOCATOR_WORDS`] that also start titles: "Letter to Carl Fuchs" is
/// a work, "Letter no. 155" a locator. With one of these first, a part is a
/// locator only when a number, or nothing, follows.
///
/// Read by the credit parser (`is_locator`), after [`LOCATOR_WORDS`].
pub const TITLE_OR_LOCATOR_WORDS: &[&str] =
    &["letter", "book", "essay", "note", "notes", "part", "art", "article", "preface", "introduction"];

/// Clauses after which a credit line stops naming the original: someone
/// else's book or voice ("as quoted in", "translated by"), another wording
/// ("variant translation"), or when a web page was read ("retrieved",
/// "accessed"). What follows one of these gives at most an outlet or a
/// locator, never the speaker or the work.
///
/// Read by the credit parser (where the original credit ends, and the
/// clause that starts a reported tail), in a lowercased line, in this
/// order: the first phrase a tail starts with is the one taken, so a
/// phrase comes before any shorter one it starts with.
pub const REPORTED: &[&str] = &[
    "as reported in",
    "as quoted in",
    "quoted in",
    "reported in",
    "as cited in",
    "cited in",
    "as translated by",
    "translated by",
    "as quoted by",
    "quoted by",
    "reported by",
    "as reported by",
    "as told to",
    "in the translation of",
    "as translated in",
    "variant translation",
    "retrieved",
    "url accessed",
    "accessed",
];

/// The last word of a short name that makes it a periodical, broadcaster
/// or agency rather than a book: the generic words of newspaper and
/// magazine names ("times", "journal", "gazette") and the one-word names
/// of the periodicals the corpora cite ("Forbes", "Datamation", "Salon").
///
/// Read by the credit parser (`outlet_like`, and a work whose last words
/// name a periodical), against a lowercased word. Unlike
/// [`INSTITUTIONS`](crate::names::INSTITUTIONS), with which the engine
/// keeps the name of an organisation of any kind from passing for a
/// person's, these tell a periodical from a book.
pub const OUTLET_WORDS: &[&str] = &[
    "times",
    "post",
    "journal",
    "magazine",
    "monthly",
    "weekly",
    "daily",
    "news",
    "newsweek",
    "review",
    "inquirer",
    "republic",
    "today",
    "notices",
    "proceedings",
    "proc",
    "gazette",
    "tribune",
    "herald",
    "guardian",
    "telegraph",
    "chronicle",
    "observer",
    "economist",
    "atlantic",
    "yorker",
    "wired",
    "time",
    "harper's",
    "harpers",
    "bulletin",
    "quarterly",
    "digest",
    "newsletter",
    "smithsonian",
    "life",
    "fortune",
    "forbes",
    "byte",
    "datamation",
    "computerworld",
    "reuters",
    "variety",
    "playboy",
    "salon",
    "slate",
    "politico",
    "counterpunch",
    "independent",
    "mirror",
    "express",
    "sun",
    "star",
    "globe",
    "mail",
    "standard",
    "spectator",
    "statesman",
    "nation",
    "sentinel",
    "courier",
    "examiner",
    "register",
    "dispatch",
    "record",
    "press",
    "radio",
];

/// Words that make a capitalised phrase a title, not a person's name
/// ("The Devil's Dictionary", "Collected Poems"): the kinds of book and
/// show named in the corpora's credit lines.
///
/// Read by the credit parser (whether a part reads as a name), as a
/// lowercased word and as part of a lowercased title.
pub const TITLE_WORDS: &[&str] = &[
    "manual",
    "dictionary",
    "book",
    "history",
    "guide",
    "notebooks",
    "epigrams",
    "letters",
    "essays",
    "works",
    "poems",
    "show",
];

/// The occasions a lowercase part may name as the work ("letter to his
/// brother", "speech at the harbour", "remarks to the press"): any other
/// part that starts lowercase describes rather than names.
///
/// Read by the credit parser (a part taken as the work), as the start of a
/// part that is written in lower case.
pub const SPOKEN_WORKS: &[&str] =
    &["letter", "speech", "address", "interview", "lecture", "sermon", "diary", "conversation", "remarks to"];

/// Words just before a quoted phrase that make it a concept named in
/// passing ("the notion of \"slow light\""), not a title.
///
/// Read by the credit parser, as the end of the lowercased words before
/// the quoted phrase.
pub const CONCEPT_CUES: &[&str] = &["concept of", "idea of", "notion of", "term", "phrase", "called"];

/// First words of an editor's note in a credit line rather than a field
/// ("Found in ...", "Attributed ...", "Unsourced", "See also ...", "cf.",
/// "ed.", "trans."): Wikiquote's sourcing notes and the abbreviations of
/// editors and translators.
///
/// Read by the credit parser (`is_note`), against a part's lowercased
/// first word.
pub const NOTE_WORDS: &[&str] = &[
    "found",
    "attributed",
    "generally",
    "often",
    "unsourced",
    "see",
    "also",
    "possibly",
    "probably",
    "misattributed",
    "cf",
    "compare",
    "ed",
    "eds",
    "trans",
    "tr",
];

/// Words that, in a part of more than eight words, make it a sentence
/// about the quotation (a note) rather than a title: "The remark was
/// printed without his name".
///
/// Read by the credit parser (`is_note`), against each word of the part as
/// written: a capitalised "Was" opens a title, not a note.
pub const NOTE_SENTENCE_WORDS: &[&str] = &["was", "were", "without", "has", "had", "been"];

/// Phrases before the name of whoever truly wrote misattributed words
/// ("this is a quotation from Curtis Cate's ...", "was written by ...",
/// "originated with ..."), as Wikiquote's "Misattributed" notes word them;
/// the lowercased line is searched for each, spaces included: the spaces
/// are the word bounds (" by " is the word "by").
///
/// Read by the credit parser (`true_author`).
pub const TRUE_AUTHOR_CUES: &[&str] = &[
    "quotation from ",
    "quote from ",
    "originally from ",
    "is from ",
    "was written by ",
    "written by ",
    "actually by ",
    " by ",
    "actually ",
    "originated with ",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{lower_phrases, lower_words};

    #[test]
    fn words_compared_with_a_lowercased_word_are_lower_case_words() {
        for (name, list) in [
            ("LOCATOR_WORDS", LOCATOR_WORDS),
            ("TITLE_OR_LOCATOR_WORDS", TITLE_OR_LOCATOR_WORDS),
            ("OUTLET_WORDS", OUTLET_WORDS),
            ("TITLE_WORDS", TITLE_WORDS),
            ("NOTE_WORDS", NOTE_WORDS),
            ("NOTE_SENTENCE_WORDS", NOTE_SENTENCE_WORDS),
        ] {
            lower_words(name, list);
        }
    }

    #[test]
    fn phrases_searched_in_a_lowercased_line_are_lower_case() {
        for (name, list) in [
            ("REPORTED", REPORTED),
            ("SPOKEN_WORKS", SPOKEN_WORKS),
            ("CONCEPT_CUES", CONCEPT_CUES),
            ("TRUE_AUTHOR_CUES", TRUE_AUTHOR_CUES),
        ] {
            lower_phrases(name, list);
        }
        // the cues' spaces are word bounds; the other phrases are trimmed
        for list in [REPORTED, SPOKEN_WORKS, CONCEPT_CUES] {
            assert!(list.iter().all(|p| *p == p.trim()), "{list:?}");
        }
        assert!(TRUE_AUTHOR_CUES.iter().all(|p| p.ends_with(' ')));
    }

    #[test]
    fn a_title_or_locator_word_is_a_locator_word() {
        assert!(TITLE_OR_LOCATOR_WORDS.iter().all(|w| LOCATOR_WORDS.contains(w)));
    }

    #[test]
    fn a_reported_clause_comes_before_a_shorter_one_it_starts_with() {
        for (i, a) in REPORTED.iter().enumerate() {
            for b in &REPORTED[i + 1..] {
                assert!(!b.starts_with(a), "{b:?} must come before {a:?}");
            }
        }
    }
}
