//! Reuse across a corpus: passages that stand in more than one source,
//! grouped into clusters with the earliest own witness marked as the origin.
//! Found by `verbatim-reuse`, kept in the record, shown by `find`.

/// How a witness's words compare with the witness it most likely took
/// them from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReuseVerdict {
    /// The earliest witness whose words are its speaker's own.
    Origin,
    /// The same characters (up to whitespace and quotation marks).
    Verbatim,
    /// The same words, differing in case, accents or punctuation.
    Normalized,
    /// Words changed, added or left out.
    Altered,
}

impl ReuseVerdict {
    pub fn name(self) -> &'static str {
        match self {
            ReuseVerdict::Origin => "origin",
            ReuseVerdict::Verbatim => "verbatim",
            ReuseVerdict::Normalized => "normalized",
            ReuseVerdict::Altered => "altered",
        }
    }
    pub fn parse(s: &str) -> ReuseVerdict {
        match s {
            "origin" => ReuseVerdict::Origin,
            "verbatim" => ReuseVerdict::Verbatim,
            "normalized" => ReuseVerdict::Normalized,
            _ => ReuseVerdict::Altered,
        }
    }
}

/// One witness of a reused passage: a byte range of one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReuseMember {
    pub source_id: i64,
    /// Byte range of the passage in the source text.
    pub start: usize,
    pub end: usize,
    /// The member (index into the cluster's members) this one most likely
    /// took the words from; `None` for the origin.
    pub from: Option<usize>,
    pub verdict: ReuseVerdict,
    /// The source gives these words as someone else's (inside quotation
    /// marks, or reported after "as X said"), so they are not its own.
    pub quoted: bool,
}

/// A passage and every witness of it, earliest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReuseCluster {
    /// Numbered from 1 in the order clusters are reported.
    pub id: u64,
    /// How many sources hold the passage (for boilerplate, more than the
    /// members listed).
    pub size: usize,
    /// The passage stands in so many sources that it is formula (a
    /// salutation, an oath, a closing), reported once and not linked.
    pub boilerplate: bool,
    /// Index of the origin in `members`.
    pub origin: usize,
    /// In order of date, undated last.
    pub members: Vec<ReuseMember>,
}
