//! The words credit parsing knows by name.
//!
//! Unless a list says otherwise, it was written by hand while the parser
//! was tuned on the credit lines of the corpora (Wikiquote pages, fortune
//! files, quotation collections; `credit_cases` keeps a sample of them with
//! the fields they hold), a word at a time as a line was misread. None is a
//! published list, and none is complete. Every list is English and, unless
//! it says otherwise, lowercase, compared with a lowercased word.

/// The English month names, in calendar order: a month's number is its
/// place plus one. Abbreviations ("Sept.", "jan") are prefixes of these.
pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that start a locator, a place inside a work ("p. 12", "Act III",
/// "Aphorism 146", "ibid."): the divisions of books, plays, poems,
/// periodicals and broadcasts, and their usual abbreviations.
pub(super) const LOCATOR_WORDS: &[&str] = &[
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
pub(super) const TITLE_OR_LOCATOR_WORDS: &[&str] =
    &["letter", "book", "essay", "note", "notes", "part", "art", "article", "preface", "introduction"];

/// Clauses after which a credit line stops naming the original: someone
/// else's book or voice ("as quoted in", "translated by"), another wording
/// ("variant translation"), or when a web page was read ("retrieved",
/// "accessed"). What follows one of these gives at most an outlet or a
/// locator, never the speaker or the work.
pub(super) const REPORTED: &[&str] = &[
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
pub(super) const OUTLET_WORDS: &[&str] = &[
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

/// Words of a job or office, which a credit adds after a name ("Ada
/// Brandt, Director, Harbour Trust"): the part they start is no work. The
/// offices met in the corpora's credit lines, mostly in business, science
/// and government.
pub(super) const ROLES: &[&str] = &[
    "president",
    "director",
    "chairman",
    "ceo",
    "founder",
    "professor",
    "head",
    "member",
    "secretary",
    "minister",
    "editor",
    "author",
    "inventor",
    "co-founder",
    "commissioner",
    "governor",
    "senator",
    "manager",
    "chief",
    "vice",
    "former",
    "leader",
];

/// Words that make a capitalised phrase a title, not a person's name
/// ("The Devil's Dictionary", "Collected Poems"): the kinds of book and
/// show named in the corpora's credit lines.
pub(super) const TITLE_WORDS: &[&str] = &[
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

/// Lowercase words a personal name may hold between capitalised ones
/// ("Vincent van Gogh", "Ibn al Arabi"): the particles of Dutch, German,
/// French, Italian, Spanish and Arabic names, and "and" for a pair of
/// authors.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "la", "le", "da", "di", "du", "and", "y", "bin", "ibn", "al", "el", "del", "ten", "ter",
];

/// First words of an editor's note in a credit line rather than a field
/// ("Found in ...", "Attributed ...", "Unsourced", "See also ...", "cf.",
/// "ed.", "trans."): Wikiquote's sourcing notes and the abbreviations of
/// editors and translators.
pub(super) const NOTE_WORDS: &[&str] = &[
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
pub(super) const NOTE_SENTENCE_WORDS: &[&str] = &["was", "were", "without", "has", "had", "been"];

/// The occasions a lowercase part may name as the work ("letter to his
/// brother", "speech at the harbour", "remarks to the press"): any other
/// part that starts lowercase describes rather than names.
pub(super) const SPOKEN_WORKS: &[&str] =
    &["letter", "speech", "address", "interview", "lecture", "sermon", "diary", "conversation", "remarks to"];

/// Words just before a quoted phrase that make it a concept named in
/// passing ("the notion of \"slow light\""), not a title.
pub(super) const CONCEPT_CUES: &[&str] = &["concept of", "idea of", "notion of", "term", "phrase", "called"];

/// Abbreviations whose full stop stays at the end of a field ("Oskar
/// Brandt Jr.", "Smith et al."), written as they appear, case and all: the
/// name suffixes, company forms and editorial abbreviations that end
/// credit lines in the corpora.
pub(super) const KEPT_ABBREVIATIONS: &[&str] = &["Jr.", "Sr.", "St.", "Co.", "Inc.", "Ltd.", "ed.", "al."];

/// Phrases before the name of whoever truly wrote misattributed words
/// ("this is a quotation from Curtis Cate's ...", "was written by ...",
/// "originated with ..."), as Wikiquote's "Misattributed" notes word them;
/// the lowercased line is searched for each, spaces included.
pub(super) const TRUE_AUTHOR_CUES: &[&str] = &[
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
