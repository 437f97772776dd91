//! What stands in and around people's names, and the words that show a
//! capitalised word names no person.
//!
//! Three readers compare with these lists, each in its own form: the
//! engine's name resolution (`verbatim_engine::names`) compares the words
//! of a name as the text crate normalizes them (lower case, accents folded,
//! apostrophes dropped); the credit parser (`verbatim_formats::credit`)
//! lowercases a credit line's words; the speaker rules
//! (`verbatim_prose::speakers`) lowercase a token, or compare it as written
//! where a list says so.

/// Titles, honorifics and offices that stand before a name, and the words
/// that join them ("Secretary of State", "His Excellency", "the late"):
/// English forms of address, the offices that speeches and quote pages put
/// before names with their usual written abbreviations ("gen", "sen",
/// "msgr"), and the words of offices of several words and of descriptions
/// ("foreign", "state", "of", "and", "former", "young").
///
/// Read by the engine's `names::parse` (dropped from the front of a name)
/// and `names::is_person` (a name of titles alone names a post), as
/// normalized words. Written by hand with the first engine, and extended
/// when name resolution was tuned on the claims of the credit benchmark set
/// and the speakers the corpora name (presidential speeches, the UN General
/// Debate's "H.E. Mr.").
///
/// Unlike [`ROLES`], which is the credit parser's and holds the jobs a
/// credit line adds *after* a name ("Director", "founder"), these are the
/// words that stand *before* one.
pub const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "dr",
    "doctor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "gen",
    "senator",
    "sen",
    "governor",
    "gov",
    "representative",
    "rep",
    "congressman",
    "congresswoman",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "sheik",
    "his",
    "her",
    "excellency",
    "majesty",
    "highness",
    "he",
    "the",
    "hon",
    "honourable",
    "honorable",
    "rev",
    "reverend",
    "father",
    "pope",
    "saint",
    "st",
    "prof",
    "professor",
    "mme",
    "mlle",
    "judge",
    "justice",
    "chief",
    "ambassador",
    "amb",
    "chancellor",
    "emperor",
    "empress",
    "chairman",
    "chairwoman",
    "comrade",
    "archbishop",
    "bishop",
    "cardinal",
    "monsignor",
    "msgr",
    "captain",
    "capt",
    "colonel",
    "col",
    "admiral",
    "adm",
    "lieutenant",
    "lt",
    "major",
    "maj",
    "sergeant",
    "sgt",
    "premier",
    "foreign",
    "state",
    "of",
    "and",
    "pres",
    "commander",
    "marshal",
    "field",
    "dean",
    "rabbi",
    "imam",
    "ayatollah",
    "brother",
    "sister",
    "mother",
    "former",
    "late",
    "young",
    "old",
];

/// Forms of address: with another word after them they make a name even
/// when every word is a title ("Dr. King"), where [`TITLES`] alone make a
/// post ("the President"). Each is also in [`TITLES`].
///
/// Read by the engine's `names::is_person`, as normalized words. The
/// common English forms of address, chosen by hand.
pub const FORMS_OF_ADDRESS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord"];

/// Words dropped from a page heading's name part to leave the speaker's
/// name ("President Vladimir Putin's Speech on Ukraine" → "Vladimir
/// Putin"), compared as written, capital and full stop included.
///
/// Read by the rendered Wikiquote page reader (`verbatim_formats`'s
/// `wikiquote_text`, the credit of a "(Full text)" heading), against each
/// word between spaces as written. Written by hand with that reader, whose
/// model was the seed page's headings. Unlike [`TITLES`], these are
/// matched as written, capital and full stop included, and are the few
/// titles such headings carry.
pub const HEADING_TITLES: &[&str] = &["President", "Prime", "Minister", "Mr.", "Mrs.", "Chancellor", "King", "Queen"];

/// Words of a job or office, which a credit adds after a name ("Ada
/// Brandt, Director, Harbour Trust"): the part they start is no work. The
/// offices met in the corpora's credit lines, mostly in business, science
/// and government.
///
/// Read by the credit parser (`is_role`), against a part's lowercased
/// first word. Written by hand while the parser was tuned on the credit
/// lines of the corpora. Unlike [`TITLES`] (before a name, for the
/// engine), these start a part of their own after the name, and they hold
/// jobs no one is addressed by ("director", "ceo", "editor"); the two share
/// ten words ("president", "minister", "governor", "former", …).
pub const ROLES: &[&str] = &[
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

/// Generational and academic suffixes after a name ("Jr.", "III",
/// "Ph.D."), dropped from its end.
///
/// Read by the engine's `names::parse`, as normalized words. The usual
/// English suffixes, chosen by hand.
pub const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "v", "esq", "phd", "md", "junior", "senior"];

/// Particles that belong to the surname that follows them ("Van Buren",
/// "de Gaulle", "bin Salman"): the particles of Dutch, German, French,
/// Italian, Spanish, Portuguese, Hebrew and Arabic names.
///
/// Read by the engine: `names::parse` joins them to the surname, and
/// `names::is_person` lets them stand lower case in a name; as normalized
/// words. Chosen by hand when name resolution was written.
///
/// Kept apart from [`NAME_PARTICLES`], the credit parser's list of the same
/// particles, because the two differ and each reader depends on its own:
/// here every word joins the surname after it, so that list's "and" and
/// "y", which join two names, would make "Strunk and White" one surname;
/// and this list's "den", "das", "do", "dos", "della" and "ben", which that
/// one lacks, would change the speakers of credit lines ("Mario Ferreira
/// dos Santos" where the parser now reads "Mario Ferreira").
pub const SURNAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "bin", "ibn",
    "al", "el", "ben", "ter", "ten",
];

/// Lowercase words a personal name may hold between capitalised ones in a
/// credit line ("Vincent van Gogh", "Ibn al Arabi", "Ortega y Gasset",
/// "Strunk and White"): the particles of Dutch, German, French, Italian,
/// Spanish and Arabic names, and "and" for a pair of authors.
///
/// Read by the credit parser (whether a part reads as a name), against a
/// lowercased word. Written by hand while the parser was tuned on the
/// credit lines of the corpora. Unlike [`SURNAME_PARTICLES`], the engine's,
/// it holds the joiners "and" and "y" and lacks "den", "das", "do", "dos",
/// "della" and "ben", so that a credit line "Mario Ferreira dos Santos"
/// gives the speaker "Mario Ferreira" (see there why the two stay apart).
pub const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "la", "le", "da", "di", "du", "and", "y", "bin", "ibn", "al", "el", "del", "ten", "ter",
];

/// Written abbreviations of English given names, as they stand in old
/// letters, registers and signatures ("Geo. Washington", "Thos.
/// Jefferson"), with the name each stands for: the usual list of
/// genealogical references (e.g. the FamilySearch Research Wiki's list of
/// given-name abbreviations).
///
/// Read by the engine's `names::parse`, which writes a given name out in
/// full; both sides normalized words. Unlike [`PROSE_ABBREVIATIONS`] and
/// [`KEPT_ABBREVIATIONS`], which say where a full stop belongs to its
/// word, these say what a word stands for.
pub const GIVEN_NAME_ABBREVIATIONS: &[(&str, &str)] = &[
    ("wm", "william"),
    ("thos", "thomas"),
    ("geo", "george"),
    ("jas", "james"),
    ("chas", "charles"),
    ("benj", "benjamin"),
    ("jno", "john"),
    ("saml", "samuel"),
    ("robt", "robert"),
    ("richd", "richard"),
    ("edw", "edward"),
    ("edwd", "edward"),
    ("danl", "daniel"),
    ("jos", "joseph"),
    ("alexr", "alexander"),
    ("fredk", "frederick"),
    ("nathl", "nathaniel"),
    ("hy", "henry"),
    ("andw", "andrew"),
    ("abm", "abraham"),
    ("eliz", "elizabeth"),
    ("margt", "margaret"),
    ("xtopher", "christopher"),
];

/// Titles and abbreviations whose full stop ends no sentence ("Sen.",
/// "Gov.", "Inc."), written as they are, case and all, without the stop:
/// the titles and company and address abbreviations of American news
/// prose.
///
/// Read by the speaker rules' tokens and sentence bounds
/// (`verbatim_prose::speakers`), against the word before a full stop as
/// written. Gathered by hand while those rules were tuned on news prose
/// (PolNeAR's articles).
///
/// Kept apart from [`KEPT_ABBREVIATIONS`], though both name the
/// abbreviations whose full stop belongs to the word: that one is compared
/// stop included at the end of a credit's field, this one without it, to
/// decide where a sentence ends; and they hold different words. Read in
/// place of that one, this list would keep the stops of credit fields that
/// now lose them ("Rand Corp.", "Mt."), and that list's "ed" and "al" would
/// join sentences here.
pub const PROSE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "St", "Jr", "Sr", "Prof", "Rev",
    "Hon", "Pres", "Sens", "Reps", "Mt", "Ft", "No", "Vol", "vs", "Inc", "Corp", "Co", "Ltd", "Dept", "Gov't", "Adm",
    "Cmdr", "Maj",
];

/// Abbreviations whose full stop stays at the end of a credit's field
/// ("Oskar Brandt Jr.", "Smith et al."), written as they appear, case and
/// stop included: the name suffixes, company forms and editorial
/// abbreviations that end credit lines in the corpora.
///
/// Read by the credit parser's field cleaning, against a field's last
/// word as written. Written by hand while the parser was tuned on the
/// credit lines of the corpora. Unlike [`PROSE_ABBREVIATIONS`] (news
/// prose's titles and company forms, compared without the stop), these
/// include the editorial "ed." and "al." and no title (see there why the
/// two stay apart).
pub const KEPT_ABBREVIATIONS: &[&str] = &["Jr.", "Sr.", "St.", "Co.", "Inc.", "Ltd.", "ed.", "al."];

/// Capitalised words that name no person when they open a name: the
/// closed-class words (determiners, pronouns, conjunctions, sentence
/// openers such as "Here's", written "heres"), words for God, "Congress",
/// and times ("today", "now").
///
/// Read by the engine's `names::is_person`, as normalized words, with
/// [`CALENDAR`]. Written by hand when name resolution was written, for the
/// names the corpora's texts give speakers.
pub const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "here",
    "heres",
    "there",
    "theres",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "who",
    "what",
    "which",
    "some",
    "one",
    "another",
    "many",
    "all",
    "each",
    "every",
    "our",
    "my",
    "his",
    "her",
    "their",
    "your",
    "god",
    "lord",
    "allah",
    "jesus",
    "christ",
    "congress",
    "today",
    "yesterday",
    "now",
    "then",
    "yet",
    "so",
    "and",
    "but",
    "or",
    "if",
    "when",
    "as",
    "let",
    "said",
    "says",
];

/// Head nouns of organisations, periodicals and documents: a capitalised
/// phrase that ends in one ("United Nations", "The New York Times", "the
/// Charter") names no person.
///
/// Read by the engine's `names::is_person`, against a name's last word,
/// normalized. The common English head nouns of institutions and
/// documents, chosen by hand when name resolution was written. Unlike
/// [`OUTLET_WORDS`](crate::records::OUTLET_WORDS), with which the credit
/// parser tells a periodical from a book, these make a name an institution
/// of any kind; the two share the words of newspaper names ("times",
/// "post", "news").
pub const INSTITUTIONS: &[&str] = &[
    "nations",
    "assembly",
    "states",
    "union",
    "council",
    "charter",
    "committee",
    "government",
    "court",
    "house",
    "party",
    "office",
    "department",
    "ministry",
    "organization",
    "organisation",
    "agency",
    "commission",
    "republic",
    "kingdom",
    "declaration",
    "resolution",
    "report",
    "times",
    "post",
    "news",
    "press",
    "journal",
    "magazine",
    "network",
    "university",
    "institute",
    "foundation",
    "campaign",
    "administration",
    "senate",
    "parliament",
    "congress",
    "bank",
    "fund",
    "conference",
    "treaty",
    "constitution",
    "bible",
    "church",
];

/// The English days and months: times, never speakers ("President Obama
/// on Friday declared"), never people's names. "may" is left out: it is
/// far more often the auxiliary, and it is a surname ("Theresa May").
///
/// Read by the speaker rules (`is_calendar`, on a lowercased token) and by
/// the engine's `names::is_person` (normalized words). The months are
/// [`MONTHS`] less "may", in the same order.
pub const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The English month names, in calendar order: a month's number is its
/// place plus one. Abbreviations ("Sept.", "jan") are prefixes of these of
/// three letters or more.
///
/// Read by the credit parser's dates (`month_number`), comparing a prefix
/// without regard to ASCII case. Unlike [`CALENDAR`], every month is here,
/// "may" included ("May 1945" is a date), in order, and no day.
pub const MONTHS: &[&str] = &[
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{lower_words, no_duplicates, normalized_words};

    #[test]
    fn the_engine_s_lists_are_normalized_words() {
        for (name, list) in [
            ("TITLES", TITLES),
            ("FORMS_OF_ADDRESS", FORMS_OF_ADDRESS),
            ("SUFFIXES", SUFFIXES),
            ("SURNAME_PARTICLES", SURNAME_PARTICLES),
            ("NOT_NAMES", NOT_NAMES),
            ("INSTITUTIONS", INSTITUTIONS),
            ("CALENDAR", CALENDAR),
        ] {
            normalized_words(name, list);
        }
        let short: Vec<&str> = GIVEN_NAME_ABBREVIATIONS.iter().map(|(a, _)| *a).collect();
        let full: Vec<&str> = GIVEN_NAME_ABBREVIATIONS.iter().map(|(_, f)| *f).collect();
        normalized_words("GIVEN_NAME_ABBREVIATIONS", &short);
        for f in full {
            normalized_words("GIVEN_NAME_ABBREVIATIONS", &[f]);
        }
    }

    #[test]
    fn a_form_of_address_is_a_title() {
        assert!(FORMS_OF_ADDRESS.iter().all(|w| TITLES.contains(w)));
    }

    #[test]
    fn the_credit_parser_s_lists_are_lower_case_words() {
        lower_words("ROLES", ROLES);
        lower_words("NAME_PARTICLES", NAME_PARTICLES);
        lower_words("MONTHS", MONTHS);
    }

    #[test]
    fn lists_compared_as_written_are_single_words() {
        for (name, list) in [
            ("HEADING_TITLES", HEADING_TITLES),
            ("PROSE_ABBREVIATIONS", PROSE_ABBREVIATIONS),
            ("KEPT_ABBREVIATIONS", KEPT_ABBREVIATIONS),
        ] {
            no_duplicates(name, list);
            assert!(list.iter().all(|w| !w.is_empty() && !w.contains(char::is_whitespace)), "{name}");
        }
        // the prose rules compare the word before the stop, the credit
        // parser the word with it
        assert!(PROSE_ABBREVIATIONS.iter().all(|w| !w.ends_with('.')));
        assert!(KEPT_ABBREVIATIONS.iter().all(|w| w.ends_with('.')));
    }

    #[test]
    fn months_in_order_and_told_apart_by_three_letters() {
        assert_eq!(MONTHS.len(), 12);
        assert_eq!((MONTHS[0], MONTHS[11]), ("january", "december"));
        let prefixes: Vec<&str> = MONTHS.iter().map(|m| &m[..3]).collect();
        no_duplicates("MONTHS (first three letters)", &prefixes);
    }

    #[test]
    fn the_calendar_s_months_are_the_months_but_may() {
        let months: Vec<&str> = CALENDAR.iter().copied().filter(|w| MONTHS.contains(w)).collect();
        let expected: Vec<&str> = MONTHS.iter().copied().filter(|m| *m != "may").collect();
        assert_eq!(months, expected);
        assert_eq!(CALENDAR.len(), 7 + 11);
    }
}
