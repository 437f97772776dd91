//! Early Modern English words and their present-day forms.
//!
//! Texts printed before about 1700 (the King James Bible, Shakespeare,
//! Milton, the Book of Common Prayer) and every later text that imitates
//! them use a second-person singular ("thou", "thee", "thy"), verb forms
//! of it and of the third person ("hath", "doth", "shalt", "saith") and
//! adverbs that present-day English has lost ("whither", "ere"). A sentence
//! encoder trained on present-day text reads these as rare words, so the
//! same sentence in old and new wording lands farther apart than its
//! meaning warrants. The paraphrase search hands the encoder the
//! present-day form of both texts; the text it reports is never changed.
//!
//! [`WORDS`] holds whole words whose old form has one present-day reading
//! wherever it stands ("thine" reads "your", though it is sometimes
//! "yours"); [`BESIDE_THOU`] holds those that are present-day words too
//! ("art", "wilt") and are read as old only beside "thou". The "-eth" and
//! "-est" endings are left to the rule that reads these lists; words with a
//! present-day sense of their own ("mine", "brake", "wherefore") are left
//! alone. The forms
//! follow Barber, *Early Modern English* (1997), chapters 5 and 7; the
//! selection is by hand.

/// Old word, present-day word; both lowercase. Read by the engine's
/// paraphrase search (`present_day`), on a word lowercased as it stands.
pub const WORDS: &[(&str, &str)] = &[
    // second person singular and the old plural "ye"
    ("thou", "you"),
    ("thee", "you"),
    ("thy", "your"),
    ("thine", "your"),
    ("thyself", "yourself"),
    // auxiliaries and their second and third person forms
    ("hath", "has"),
    ("hast", "have"),
    ("hadst", "had"),
    ("doth", "does"),
    ("dost", "do"),
    ("didst", "did"),
    ("shalt", "shall"),
    ("canst", "can"),
    ("couldest", "could"),
    ("wouldest", "would"),
    ("shouldest", "should"),
    ("mayest", "may"),
    ("mightest", "might"),
    ("wast", "were"),
    ("wert", "were"),
    ("saith", "says"),
    ("saidst", "said"),
    ("madest", "made"),
    // strong verbs' old past tenses, and "shew"
    ("spake", "spoke"),
    ("sware", "swore"),
    ("shew", "show"),
    ("shewed", "showed"),
    ("shewn", "shown"),
    ("sheweth", "shows"),
    ("shewest", "show"),
    // adverbs, conjunctions, pronouns
    ("unto", "to"),
    ("hither", "here"),
    ("thither", "there"),
    ("whither", "where"),
    ("ere", "before"),
    ("oft", "often"),
    ("betwixt", "between"),
    ("amongst", "among"),
    ("whilst", "while"),
    ("whoso", "whoever"),
    ("whosoever", "whoever"),
    ("whatsoever", "whatever"),
    ("naught", "nothing"),
    ("yea", "yes"),
    ("nay", "no"),
];

/// Old forms that are present-day words too, read as old only next to
/// "thou" ("thou art", "wilt thou"), and their present-day forms.
pub const BESIDE_THOU: &[(&str, &str)] = &[("art", "are"), ("wilt", "will")];

/// "ye", the old plural "you": read as "you" in lowercase, or capitalised
/// at a sentence's start; elsewhere "Ye" is a name ("Ye Olde", the surname).
pub const YE: (&str, &str) = ("ye", "you");

/// Words that end like a verb's old third person ("-eth") and are none:
/// nouns and the ordinals in "-tieth". The rule that turns "maketh" into
/// "makes" leaves them as they are. Names ("Seth", "Nazareth") need no
/// entry: the rule reads lowercase words only.
pub const NOT_ETH_VERBS: &[&str] = &[
    "teeth",
    "shibboleth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// Words after which a verb in "-est" standing before "thou" opens a
/// question or a clause ("Why knowest thou", "and seest thou"), so that
/// "-est" there is the old second person, not a superlative or a noun
/// ("the fairest thou", "the forest thou"). A verb after "thou" needs none:
/// "O thou fairest" is the one common superlative there, and "O" before
/// "thou" turns the rule off.
pub const CLAUSE_OPENERS: &[&str] = &[
    "and",
    "but",
    "or",
    "nor",
    "if",
    "then",
    "why",
    "what",
    "how",
    "where",
    "when",
    "whom",
    "who",
    "whither",
    "wherefore",
    "now",
    "yet",
    "so",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_lowercase_single_words_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (old, new) in WORDS {
            for w in [old, new] {
                assert!(w.chars().all(|c| c.is_ascii_lowercase()), "{w}");
            }
            assert_ne!(old, new);
            assert!(seen.insert(*old), "{old} twice");
        }
        assert!(NOT_ETH_VERBS.iter().all(|w| w.ends_with("eth")));
        for (old, new) in BESIDE_THOU.iter().chain([&YE]) {
            assert!(!WORDS.iter().any(|(o, _)| o == old), "{old} in WORDS too");
            assert!(old.chars().chain(new.chars()).all(|c| c.is_ascii_lowercase()));
        }
        assert!(CLAUSE_OPENERS.iter().all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
    }
}
