//! English's closed classes as the rules need them, and the words that
//! limit what a sentence claims.
//!
//! Two readers, each comparing in its own form. The speaker rules
//! (`verbatim_prose::speakers`) compare a token lowercased, apostrophes
//! kept ("didn't"); their lists were gathered by hand while the rules were
//! tuned on quotations in news prose (PolNeAR's train and dev articles,
//! political news of 2016; see docs/BENCHMARKS.md), a word at a time as a
//! cue was missed or misread, and none is complete. The limit rules
//! (`verbatim_prose::limits`) compare a word lowercased with its
//! apostrophes dropped ("dont"); their classes follow Quirk et al., *A
//! Comprehensive Grammar of the English Language* (1985), as each list
//! cites, and Lakoff, "Hedges" (1973); the words in each class are a
//! selection made by hand when the rules were written.

// The speaker rules' closed classes.

/// Words between a subject and its verb ("Sotomayor has said", "he later
/// told"): auxiliaries, their negations, and the adverbs of time and manner
/// met there.
///
/// Read by the speaker rules (subjects), on a lowercased token, curly and
/// straight apostrophes both listed.
pub const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "previously",
    "repeatedly",
    "once",
    "would",
    "will",
    "could",
    "may",
    "might",
    "reportedly",
    "publicly",
    "recently",
    "often",
    "already",
    "again",
    "further",
    "simply",
    "just",
    "even",
    "still",
    "never",
    "did",
    "does",
    "do",
    "didn't",
    "doesn't",
    "don't",
    "didn\u{2019}t",
    "doesn\u{2019}t",
    "don\u{2019}t",
    "not",
    "won't",
    "can't",
];

/// Pronouns that stand for a person named elsewhere: the personal pronouns
/// of English, subject and object forms ("i" in lower case, as compared).
///
/// Read by the speaker rules (subjects, cues, and resolution to the person
/// last named), on a lowercased token.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "him", "her", "them", "we", "i", "it"];

/// Words that end a subject going backwards, or start a clause: a working
/// selection of English's closed classes (conjunctions, relative pronouns,
/// auxiliaries, prepositions) and a few adverbs, as the subjects read
/// needed them.
///
/// Read by the speaker rules (`is_clause_word`, subjects, left cues), on a
/// lowercased token.
pub const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "or", "that", "because", "when", "while", "after", "before", "if", "though", "although", "where",
    "which", "who", "whom", "as", "so", "then", "also", "has", "have", "had", "is", "was", "were", "are", "will",
    "would", "could", "should", "may", "might", "to", "in", "on", "at", "for", "with", "by", "from", "during", "about",
    "of", "later", "again", "once", "not", "never",
];

/// Capitalised words that open a sentence without naming anyone ("Here is
/// what he wrote:", "That was when …"): demonstratives and the like.
///
/// Read by the speaker rules (a sentence's subject, the subject that opens
/// it), on a lowercased token with its "'s" stripped ("It's", "That's").
/// Unlike [`NOT_ONE_WORD_NAMES`], which keeps a determiner from being a
/// subject of one word, these keep a word from being a subject at all.
pub const NOT_SUBJECTS: &[&str] = &["here", "there", "this", "that", "these", "those", "it", "what", "which"];

/// Capitalised words that cannot be a one-word subject on their own
/// ("The", "His", "Thousands"): determiners, possessives and quantifiers.
///
/// Read by the speaker rules (subjects), on a lowercased token.
pub const NOT_ONE_WORD_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "these",
    "those",
    "such",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "hundreds",
    "thousands",
    "dozens",
    "millions",
];

/// Past forms that end in neither "-ed" nor "-s" ("A 2014 report found"):
/// common irregular verbs of English, for telling a verb after a subject.
///
/// Read by the speaker rules (`verb_like`), on a lowercased token.
pub const IRREGULAR_PAST: &[&str] = &[
    "found",
    "said",
    "told",
    "wrote",
    "gave",
    "took",
    "made",
    "got",
    "saw",
    "thought",
    "knew",
    "went",
    "came",
    "put",
    "began",
    "brought",
    "held",
    "kept",
    "left",
    "led",
    "meant",
    "met",
    "paid",
    "ran",
    "sent",
    "set",
    "spoke",
    "stood",
    "won",
    "felt",
    "heard",
    "became",
    "chose",
    "drew",
    "drove",
    "fell",
    "grew",
    "hit",
    "let",
    "lost",
    "rose",
    "sang",
    "shook",
    "sold",
    "spent",
    "struck",
    "swore",
    "taught",
    "threw",
    "understood",
    "wore",
];

/// Number words that may open a noun phrase ("two senators", "fifty
/// states"), besides numbers in digits.
///
/// Read by the speaker rules (`is_number_word`), which the limit rules
/// also ask whether "only" dates ("only two years ago"), on a lower-case
/// word.
pub const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
];

/// Words that open a sentence before its subject ("And then Trump went on
/// the attack", "Still, Clinton said"): conjunctions and sentence adverbs.
///
/// Read by the speaker rules (`is_leader`, subjects, quotations with no
/// cue), on a lowercased token. Unlike [`COORDINATORS`], all of which are
/// here too, these are skipped at a sentence's start to find its subject;
/// the coordinators are the few that, after a comma, open a clause of its
/// own.
pub const LEADERS: &[&str] = &[
    "and",
    "but",
    "so",
    "yet",
    "still",
    "then",
    "now",
    "also",
    "meanwhile",
    "instead",
    "however",
    "indeed",
    "again",
    "later",
    "earlier",
    "finally",
    "moreover",
    "thus",
    "today",
    "yesterday",
    "tonight",
    "separately",
    "similarly",
    "likewise",
    "first",
    "second",
    "third",
    "afterward",
    "afterwards",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "or",
    "rather",
];

/// First words of an opening phrase that a comma closes before the subject
/// ("In an interview,", "Hours later,", "Asked about the wall,"):
/// prepositions, subordinators, and the participles and time words news
/// prose opens with.
///
/// Read by the speaker rules (subjects, left cues), on a lowercased token.
pub const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "since",
    "amid",
    "despite",
    "following",
    "under",
    "with",
    "without",
    "for",
    "from",
    "as",
    "while",
    "when",
    "if",
    "although",
    "though",
    "because",
    "by",
    "unlike",
    "like",
    "until",
    "once",
    "last",
    "earlier",
    "later",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "moments",
    "asked",
    "pressed",
    "reached",
    "contacted",
    "questioned",
    "interviewed",
    "responding",
    "speaking",
    "writing",
    "appearing",
    "addressing",
    "according",
    "ever",
    "even",
    "long",
    "shortly",
    "soon",
    "just",
    "of",
    "alongside",
    "beyond",
    "besides",
    "among",
    "against",
    "toward",
    "towards",
    "per",
    "via",
    "across",
    "around",
    "near",
    "behind",
    "given",
    "thanks",
    "due",
    "instead",
    "based",
    "rather",
    "early",
    "late",
    "within",
    "throughout",
    "over",
    "into",
    "outside",
    "inside",
];

/// Words after which a form in "-s" is a noun, not a verb ("his notes",
/// "the claims", "of remarks"): possessives, articles, demonstratives and
/// the words that join noun phrases.
///
/// Read by the speaker rules' left cue, on a lowercased token.
pub const BEFORE_A_NOUN: &[&str] =
    &["his", "her", "their", "its", "our", "my", "your", "the", "a", "an", "these", "those", "of", "and", "with"];

// The limit rules' classes.

/// Negative words (Quirk §10.54ff), with the contracted forms as the
/// tokenizer spells them (apostrophes dropped: "don't" is "dont").
///
/// Read by the limit rules (`limit_kind`, `is_negation`), and through
/// `is_negation` by the engine's context flags.
pub const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "cannot", "dont", "doesnt",
    "didnt", "isnt", "arent", "wasnt", "werent", "wont", "cant", "couldnt", "wouldnt", "shouldnt", "hasnt", "havent",
    "hadnt", "mustnt", "neednt", "aint", "shant", "mightnt", "darent",
];

/// Words that are negative in effect though not in form (Quirk §10.61).
///
/// Read by the limit rules (`frame_before`). Each is also in
/// [`QUANTIFIERS`]: there they are limits that a cut or an elision may take
/// away; here, in the words before a quotation, they limit it as a negation
/// does ("Few would say that").
pub const APPROXIMATE_NEGATIVES: &[&str] = &["few", "hardly", "scarcely", "barely", "seldom", "rarely"];

/// Words of doubt, denial or neglect: after a negation they affirm ("no
/// doubt", "cannot deny", "must not forget").
///
/// Read by the limit rules (`frame_before`: two negatives cancel). Written
/// by hand with those rules. Unlike [`FALSITY`], with which it shares
/// "deny" and "doubt", it matters only after a negation.
pub const CANCELS: &[&str] = &[
    "doubt",
    "doubts",
    "doubted",
    "deny",
    "denies",
    "denied",
    "denying",
    "dispute",
    "disputed",
    "question",
    "questioned",
    "forget",
    "forgotten",
    "ignore",
    "ignored",
    "overlook",
    "overlooked",
    "underestimate",
    "overstate",
    "overemphasize",
    "overemphasise",
    "exaggerate",
    "undeniable",
];

/// Words that call what follows false: the speaker rebuts it ("It is false
/// that", "the myth that").
///
/// Read by the limit rules (`frame_before`). Written by hand with those
/// rules.
pub const FALSITY: &[&str] = &[
    "false",
    "falsely",
    "untrue",
    "wrong",
    "wrongly",
    "mistaken",
    "mistakenly",
    "myth",
    "myths",
    "lie",
    "lies",
    "fallacy",
    "falsehood",
    "misconception",
    "illusion",
    "nonsense",
    "absurd",
    "ridiculous",
    "deny",
    "denies",
    "denied",
    "reject",
    "rejects",
    "rejected",
    "doubt",
    "doubts",
    "doubtful",
    "pretend",
    "pretends",
    "pretended",
    "naive",
    "na\u{ef}ve",
    "mistake",
    "error",
    "erroneous",
    "foolish",
    "misleading",
    "unfounded",
    "baseless",
    "groundless",
    "dismiss",
    "dismisses",
    "dismissed",
];

/// Conditional subordinators (Quirk §15.33ff); multi-word ones ("as long
/// as", "provided that") start with one of these or are matched by the
/// limit rules themselves.
///
/// Read by the limit rules (`limit_kind`).
pub const CONDITIONS: &[&str] = &["if", "unless", "provided", "providing", "whether", "supposing", "assuming"];

/// Exceptive words (Quirk §15.41).
///
/// Read by the limit rules (`limit_kind`).
pub const EXCEPTIONS: &[&str] = &["except", "excepting", "barring", "saving"];

/// Concessive and contrastive conjunctions (Quirk §13.5, §15.42).
///
/// Read by the limit rules (`limit_kind`).
pub const CONTRASTS: &[&str] = &["but", "although", "though", "however", "yet", "whereas"];

/// Quantifiers that narrow a claim to part of its subject (Quirk §5.13ff).
///
/// Read by the limit rules (`limit_kind`).
pub const QUANTIFIERS: &[&str] = &[
    "only",
    "some",
    "few",
    "fewer",
    "several",
    "many",
    "most",
    "mostly",
    "partly",
    "partially",
    "almost",
    "nearly",
    "hardly",
    "barely",
    "scarcely",
    "rarely",
    "seldom",
    "less",
    "least",
    "largely",
    "mainly",
    "chiefly",
    "somewhat",
];

/// Hedges: adverbs of likelihood and frequency (Lakoff 1973).
///
/// Read by the limit rules (`limit_kind`).
pub const HEDGES: &[&str] =
    &["perhaps", "possibly", "probably", "maybe", "sometimes", "occasionally", "usually", "often", "generally"];

/// Words between a subject and its verb that are no subject: "would like to
/// say", "let me say", "wish to stress".
///
/// Read by the limit rules (`frame_before`). Written by hand with those
/// rules.
pub const CATENATIVES: &[&str] =
    &["to", "like", "wish", "want", "let", "allow", "permit", "again", "once", "here", "today", "going", "ought"];

/// Words after which a quotation starts a new clause of its own: what came
/// before is no frame of it.
///
/// Read by the limit rules (`frame_before`), after a comma. Written by
/// hand with those rules. Each is also in [`LEADERS`], the speaker rules'
/// wider list of words that open a sentence before its subject.
pub const COORDINATORS: &[&str] = &["and", "but", "or", "so", "yet", "then", "also"];

// The paraphrase search's closed classes.

/// English function words: articles, pronouns (Early Modern English's
/// "thou", "thee", "ye" among them), auxiliaries and modals with their old
/// forms ("hath", "doth", "shalt"), prepositions, conjunctions and the
/// commonest adverbs of degree and place. What two texts share of these
/// says nothing of whether they mean the same, so the paraphrase search
/// leaves them out when it weighs the words two passages share. The classes
/// follow Quirk et al. (1985), chapters 2 (closed-class items) and 6
/// (pronouns); the selection is by hand.
///
/// Read by the engine's paraphrase search, on a word in the tokenizer's
/// normalized form (lowercase, apostrophes dropped: "dont").
pub const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "no",
    "every",
    "each",
    "all",
    "both",
    "either",
    "neither",
    "such",
    "other",
    "another",
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "thou",
    "thee",
    "thy",
    "thine",
    "ye",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "whoever",
    "whatever",
    "be",
    "am",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "art",
    "wast",
    "have",
    "has",
    "had",
    "having",
    "hath",
    "hast",
    "hadst",
    "do",
    "does",
    "did",
    "doing",
    "done",
    "doth",
    "dost",
    "didst",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shalt",
    "wilt",
    "wouldst",
    "shouldst",
    "canst",
    "couldst",
    "mayest",
    "mightest",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "into",
    "onto",
    "upon",
    "unto",
    "out",
    "up",
    "down",
    "over",
    "under",
    "about",
    "above",
    "below",
    "between",
    "among",
    "through",
    "against",
    "before",
    "after",
    "until",
    "till",
    "within",
    "without",
    "toward",
    "towards",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "then",
    "than",
    "as",
    "because",
    "when",
    "where",
    "while",
    "whether",
    "though",
    "although",
    "not",
    "also",
    "very",
    "too",
    "there",
    "here",
    "thus",
    "now",
    "just",
    "only",
    "even",
    "again",
    "dont",
    "doesnt",
    "didnt",
    "isnt",
    "arent",
    "wasnt",
    "werent",
    "wont",
    "cant",
    "shouldnt",
    "wouldnt",
    "couldnt",
    "lest",
    "thereof",
    "therein",
    "wherefore",
    "o",
    "oh",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{bare_words, lower_words};

    #[test]
    fn the_speaker_rules_lists_are_lower_case_words() {
        for (name, list) in [
            ("AUXILIARIES", AUXILIARIES),
            ("PRONOUNS", PRONOUNS),
            ("CLAUSE_WORDS", CLAUSE_WORDS),
            ("NOT_SUBJECTS", NOT_SUBJECTS),
            ("NOT_ONE_WORD_NAMES", NOT_ONE_WORD_NAMES),
            ("IRREGULAR_PAST", IRREGULAR_PAST),
            ("NUMBER_WORDS", NUMBER_WORDS),
            ("LEADERS", LEADERS),
            ("OPENERS", OPENERS),
            ("BEFORE_A_NOUN", BEFORE_A_NOUN),
        ] {
            lower_words(name, list);
        }
    }

    #[test]
    fn the_limit_rules_lists_are_bare_words() {
        for (name, list) in [
            ("NEGATIONS", NEGATIONS),
            ("APPROXIMATE_NEGATIVES", APPROXIMATE_NEGATIVES),
            ("CANCELS", CANCELS),
            ("FALSITY", FALSITY),
            ("CONDITIONS", CONDITIONS),
            ("EXCEPTIONS", EXCEPTIONS),
            ("CONTRASTS", CONTRASTS),
            ("QUANTIFIERS", QUANTIFIERS),
            ("HEDGES", HEDGES),
            ("CATENATIVES", CATENATIVES),
            ("COORDINATORS", COORDINATORS),
        ] {
            bare_words(name, list);
        }
    }

    #[test]
    fn the_classes_of_a_limit_do_not_overlap() {
        // `limit_kind` takes the first class that holds a word: a word in
        // two would be read as the first only
        let classes = [NEGATIONS, CONDITIONS, EXCEPTIONS, CONTRASTS, QUANTIFIERS, HEDGES];
        for (i, a) in classes.iter().enumerate() {
            for b in &classes[i + 1..] {
                assert!(a.iter().all(|w| !b.contains(w)), "{a:?} and {b:?} share a word");
            }
        }
    }

    #[test]
    fn wider_lists_hold_their_narrower_neighbours() {
        assert!(APPROXIMATE_NEGATIVES.iter().all(|w| QUANTIFIERS.contains(w)));
        assert!(COORDINATORS.iter().all(|w| LEADERS.contains(w)));
    }
}
