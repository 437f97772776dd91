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
//! alone. Besides the grammar, [`WORDS`] holds the old words of the King
//! James Bible's vocabulary that present-day English has lost, each with
//! the reading present-day translations give it ("begat": "became the
//! father of" in the NRSV and NASB; "howbeit": "however"; "raiment":
//! "clothing"); a word still in present-day use with a sense of its own
//! ("slew", "behold", "bare") is not among them. The forms follow Barber,
//! *Early Modern English* (1997), chapters 5 and 7; the selection is by
//! hand.

/// Old word, present-day reading; both lowercase. The reading is a phrase
/// where present-day English says in several words what the old one said in
/// one ("begat" → "became the father of", "thereof" → "of it"); the
/// paraphrase search reads the old word as the phrase (`present_day`), and
/// asks for the old word where a quotation has the phrase (`search_pairs`).
/// Read on a word lowercased as it stands.
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
    ("begat", "became the father of"),
    ("begot", "became the father of"),
    ("smote", "struck"),
    ("smitten", "struck"),
    ("holpen", "helped"),
    ("digged", "dug"),
    ("clave", "clung"),
    ("gat", "got"),
    ("durst", "dared"),
    ("wist", "knew"),
    ("wot", "know"),
    ("hearken", "listen"),
    ("hearkened", "listened"),
    // nouns and an adjective present-day English has lost
    ("raiment", "clothing"),
    ("kine", "cows"),
    ("brethren", "brothers"),
    ("wroth", "angry"),
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
    ("howbeit", "however"),
    ("verily", "truly"),
    ("peradventure", "perhaps"),
    ("afore", "before"),
    ("nigh", "near"),
    ("twain", "two"),
    ("aught", "anything"),
    ("lo", "look"),
    ("whence", "from where"),
    ("thence", "from there"),
    ("wherein", "in which"),
    ("whereby", "by which"),
    ("thereof", "of it"),
    ("therein", "in it"),
];

/// Old forms that are present-day words too, read as old only next to
/// "thou" ("thou art", "wilt thou"), and their present-day forms.
pub const BESIDE_THOU: &[(&str, &str)] = &[("art", "are"), ("wilt", "will")];

/// "ye", the old plural "you": read as "you" in lowercase, or capitalised
/// at a sentence's start; elsewhere "Ye" is a name ("Ye Olde", the surname).
pub const YE: (&str, &str) = ("ye", "you");

/// The name of God that the King James Bible, like English Bibles from
/// Tyndale (1530) to the present-day NIV, ESV and NRSV, prints "the LORD",
/// and that some translations print as a name: "Jehovah" (Young 1862, Darby
/// 1890, the American Standard Version 1901), "Yahweh" (the Jerusalem Bible
/// 1966, the World English Bible, the Lexham English Bible), "YHWH" in
/// scholarly text. Lowercase; read as [`DIVINE_NAME_READ`]: "Yahweh's word
/// came to me" and "the word of the LORD came unto me" say one thing, and
/// an encoder that has seen "the Lord" far more often than the name reads
/// them so only when told.
pub const DIVINE_NAME: &[&str] = &["yahweh", "jehovah", "yhwh"];

/// How [`DIVINE_NAME`] reads in present-day English.
pub const DIVINE_NAME_READ: &str = "the Lord";

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
    fn entries_are_lowercase_words_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (old, new) in WORDS {
            assert!(old.chars().all(|c| c.is_ascii_lowercase()), "{old}");
            // a reading of several words: single spaces, none at the ends
            assert!(new.split(' ').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())), "{new}");
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
