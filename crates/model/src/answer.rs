//! What the engine answers: the verdicts, the match of a quotation against
//! a source span with its edits and omissions, the flags that say where the
//! cut changes the meaning, and the chain of witnesses behind a credit.
//!
//! Plain data: the engine fills it, the CLI, the server and the Python
//! package print it (`verbatim_engine::json` gives the JSON form).

use crate::{SourceKind, Standing};

/// How a quotation stands to its best source span (see DESIGN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Verbatim,
    Normalized,
    Elided,
    Spliced,
    Altered,
    Paraphrase,
    NotFound,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Verbatim => "verbatim",
            Verdict::Normalized => "normalized",
            Verdict::Elided => "elided",
            Verdict::Spliced => "spliced",
            Verdict::Altered => "altered",
            Verdict::Paraphrase => "paraphrase",
            Verdict::NotFound => "not_found",
        }
    }
}

/// Whether a claimed speaker is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditVerdict {
    Attributed,
    Misattributed,
    QuotedBy,
    Unknown,
}

impl CreditVerdict {
    pub fn name(self) -> &'static str {
        match self {
            CreditVerdict::Attributed => "attributed",
            CreditVerdict::Misattributed => "misattributed",
            CreditVerdict::QuotedBy => "quoted_by",
            CreditVerdict::Unknown => "unknown",
        }
    }
}

/// One difference between the quotation and its source span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A quotation word stands where the source has another.
    Changed { quote: String, source: String, start: usize, end: usize },
    /// A quotation word the source does not have here.
    Added { quote: String },
    /// Source words left out without an elision mark.
    Omitted { source: String, start: usize, end: usize },
    /// An editor's square brackets, which say that they change the text:
    /// letters in a word ("[t]he"), words standing for the source's ("[the
    /// President]" for "he"), or a note ("[sic]", "[emphasis added]").
    /// `source` holds the source words they stand for, when any.
    Editorial { quote: String, source: Option<String>, start: usize, end: usize },
}

impl Edit {
    /// Whether the edit changes the quotation's words against the source
    /// (a changed or added word); omissions and editorial brackets do not.
    pub fn is_change(&self) -> bool {
        matches!(self, Edit::Changed { .. } | Edit::Added { .. })
    }
}

/// The source text one elision mark hides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omission {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A place where the quotation's words stand.
#[derive(Debug, Clone)]
pub struct Match {
    pub source_id: i64,
    /// The source's path as ingested.
    pub source: String,
    pub title: Option<String>,
    /// The source document's speaker or author, as the record has it.
    pub speaker: Option<String>,
    pub date: Option<String>,
    pub kind: SourceKind,
    /// Byte range of the matched words in the source text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// 1 for an exact placement, lower the more it had to change.
    pub score: f32,
    pub verdict: Verdict,
    pub omitted: Vec<Omission>,
    pub edits: Vec<Edit>,
    /// Whose words these are according to this source: the credit of the
    /// quotation that holds them, the person the frame names when they stand
    /// inside quotation marks, else the document's speaker.
    pub owner: Option<String>,
    /// Where `owner` came from: "quotation", "inner", "document", or
    /// "witness" when it was inferred from another witness of the same words.
    pub owner_from: &'static str,
    /// For an owner inferred from another witness: that witness, as
    /// `source [start..end]`.
    pub owner_via: Option<String>,
    /// What the source says of the recorded quotation's credit (a
    /// Misattributed section, an entry removed as fake).
    pub standing: Standing,
    /// For a misattributed quotation: who the words are wrongly credited to.
    pub not_by: Option<String>,
    /// Who gives these words in this source: the credit of the recorded
    /// quotation holding them, else the document's speaker. For a nested
    /// quotation, the person who quoted it.
    pub witness: Option<String>,
    /// When the words stand inside quotation marks in the source.
    pub nested: Option<Nested>,
    /// Inside a primary passage (a speech, or a "(Full text)" section).
    pub primary: bool,
    /// Length in bytes of the recorded quotation holding the match, if any.
    pub container_len: Option<usize>,
    /// For a quotation spliced from separate places: the byte range of the
    /// quotation that this match places (one match per part, in order).
    pub part: Option<std::ops::Range<usize>>,
    /// A fragment between elision marks has fewer than half of its words
    /// here: the quotation may be spliced from another place.
    pub weak_fragment: bool,
    /// Where the quotation may say what the source does not: cuts before
    /// or after limiting words, elisions that hide them, negations added or
    /// dropped, words the source gives as another's (see [`Flag`]).
    pub context: Vec<Flag>,
    /// The reuse cluster holding the matched words, when `reuse` has been
    /// run over the corpus: its origin and the chain of witnesses to this
    /// source.
    pub reuse: Option<ReuseTrail>,
    /// For a paraphrase: the words of the source span whose stem the
    /// quotation has too (function words left out), each once, in order.
    pub shared: Vec<String>,
    /// For a paraphrase: how near it is to its source; its `score` is
    /// `order` less `others` (counted at 0.09 at least).
    pub similarity: Option<Similarity>,
}

/// How near a paraphrase is to its source, measured four ways: in order,
/// the word pieces of the two matched one to one without crossing by the
/// sentence encoder's token vectors (0 to 1); piece by piece, each word
/// piece of one matched to its nearest anywhere in the other (-1 to 1); in
/// meaning as a whole, by the cosine of the encoder's sentence vectors; and
/// in words, by the content words the two share weighed by their rarity.
/// And how near the quotation is, in order, to the other places it could
/// come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    pub order: f32,
    pub pieces: f32,
    pub meaning: f32,
    pub words: f32,
    /// The mean `order` of the nearest other places (up to four, a typical
    /// value standing in for each one missing): a quotation about as near
    /// to many places names none of them.
    pub others: f32,
}

/// Where a matched passage stands in the corpus's reuse (see
/// [`crate::ReuseCluster`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReuseTrail {
    pub cluster: u64,
    /// Sources holding the passage.
    pub size: usize,
    pub boilerplate: bool,
    /// From the cluster's origin to the witness holding the match, each
    /// taken from the one before it.
    pub chain: Vec<ReuseStep>,
}

/// One witness on a [`ReuseTrail`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReuseStep {
    pub source: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub speaker: Option<String>,
    pub start: usize,
    pub end: usize,
    pub verdict: crate::ReuseVerdict,
    pub quoted: bool,
}

/// The matched words stand inside a span the source gives as someone
/// else's words (quotation marks, a block quotation): see
/// `verbatim_store::Reported`.
#[derive(Debug, Clone)]
pub struct Nested {
    /// The person the source names as the author, when it names a person.
    pub inner: Option<String>,
    /// The text before the opening quotation mark, in the same paragraph
    /// (at most 300 bytes).
    pub frame: String,
    /// The words that name the speaker ("said", "according to", a dash).
    pub cue: Option<String>,
    /// Byte range of the reported span (its marks included) in the source.
    pub open: usize,
    pub close: usize,
    /// Byte range of `cue` in the source.
    pub cue_at: Option<(usize, usize)>,
}

/// The answer for one quotation.
#[derive(Debug, Clone)]
pub struct Answer {
    pub verdict: Verdict,
    /// Present when a speaker was claimed.
    pub credit: Option<CreditVerdict>,
    /// For `misattributed`: whose words they are; for `quoted_by`: whom the
    /// named speaker quoted.
    pub credit_to: Option<String>,
    /// Best first. Empty when not found.
    pub matches: Vec<Match>,
    /// Every witness of the words in date order, each with its role, and
    /// the origin (see [`Chain`]).
    pub chain: Chain,
}

/// What a flag says about a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlagKind {
    /// The quotation ends where the source's sentence goes on with a
    /// limiting clause ("unless …", "but only …"): it claims more than the
    /// source.
    CutBeforeLimit,
    /// It starts after words that reverse or limit it ("It is false that",
    /// "No one should say", "If …,").
    CutAfterLimit,
    /// An elision mark, or an unmarked omission, hides a negation, a
    /// condition, an exception or a quantifier.
    ElisionHidesLimit,
    /// The quotation adds or drops a negation against the source.
    NegationChanged,
    /// The source gives these words as someone else's ("critics claim
    /// that …", "the notion that …", or inside quotation marks credited to
    /// another person).
    ReportedSpeech,
}

impl FlagKind {
    pub fn name(self) -> &'static str {
        match self {
            FlagKind::CutBeforeLimit => "cut_before_limit",
            FlagKind::CutAfterLimit => "cut_after_limit",
            FlagKind::ElisionHidesLimit => "elision_hides_limit",
            FlagKind::NegationChanged => "negation_changed",
            FlagKind::ReportedSpeech => "reported_speech",
        }
    }

    /// Every kind, in the order they are reported.
    pub const ALL: [FlagKind; 5] = [
        FlagKind::CutBeforeLimit,
        FlagKind::CutAfterLimit,
        FlagKind::ElisionHidesLimit,
        FlagKind::NegationChanged,
        FlagKind::ReportedSpeech,
    ];
}

/// One reason to read a match with care: its kind and the source words
/// that justify it, as a byte range of the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub kind: FlagKind,
    pub words: String,
    pub start: usize,
    pub end: usize,
}

/// What a witness does with the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The earliest witness whose words are its speaker's own.
    Origin,
    /// The words as the speaker's own, but later than the origin: the same
    /// person again (a second copy of a speech) or another who repeats them.
    Repeats,
    /// The words inside a span the source gives as another's.
    Quoter,
    /// A quote collection or quote page crediting someone.
    Collection,
    /// A source that lists the words as wrongly credited to someone.
    Debunk,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Origin => "origin",
            Role::Repeats => "repeats",
            Role::Quoter => "quoter",
            Role::Collection => "collection",
            Role::Debunk => "debunk",
        }
    }
}

/// One witness of the words in the chain.
#[derive(Debug, Clone)]
pub struct Witness {
    pub source_id: i64,
    pub source: String,
    pub start: usize,
    pub end: usize,
    pub date: Option<String>,
    /// Who gives the words here: the document's speaker or the entry's credit.
    pub speaker: Option<String>,
    pub role: Role,
    /// For a quoter: the person the source says the words are from.
    pub inner: Option<String>,
    /// The words that say so: the cue ("said", "as … put it", a dash), a
    /// credit line, a "Misattributed" heading.
    pub evidence: Option<String>,
}

/// Every witness of the words in date order, and the origin.
#[derive(Debug, Clone, Default)]
pub struct Chain {
    /// The person the words come from, when a witness says.
    pub origin: Option<String>,
    /// How the origin is known: "own words", "named by a quoter", "a
    /// collection's credit", "a list of misattributions".
    pub origin_from: Option<&'static str>,
    pub witnesses: Vec<Witness>,
    /// When the claimed name fits two different people among the witnesses
    /// equally well: those people.
    pub ambiguous: Vec<String>,
}
