//! What the record keeps: sources, the quotations they hold, their credits.

/// Where a credit field's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Written next to the quotation (a credit line, a manifest field).
    Stated,
    /// Taken from a heading above the quotation.
    Inherited,
    /// Linked from another witness of the same words.
    Inferred,
}

impl Origin {
    pub fn name(self) -> &'static str {
        match self {
            Origin::Stated => "stated",
            Origin::Inherited => "inherited",
            Origin::Inferred => "inferred",
        }
    }
    pub fn parse(s: &str) -> Origin {
        match s {
            "inherited" => Origin::Inherited,
            "inferred" => Origin::Inferred,
            _ => Origin::Stated,
        }
    }
}

/// One credit field: its value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub value: String,
    pub origin: Origin,
}

impl Field {
    pub fn stated(value: impl Into<String>) -> Field {
        Field { value: value.into(), origin: Origin::Stated }
    }
    pub fn new(value: impl Into<String>, origin: Origin) -> Field {
        Field { value: value.into(), origin }
    }
}

/// Who said or wrote something, where and when; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credit {
    pub speaker: Option<Field>,
    pub work: Option<Field>,
    pub outlet: Option<Field>,
    pub date: Option<Field>,
    pub locator: Option<Field>,
}

/// What kind of document a source is; it decides which witness answers
/// when the same words stand in several places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A speech, book, article or other primary document.
    Document,
    /// A page or file that collects quotations of others (a Wikiquote page,
    /// a fortune file, a JSON collection).
    Collection,
}

impl SourceKind {
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Document => "document",
            SourceKind::Collection => "collection",
        }
    }
    pub fn parse(s: &str) -> SourceKind {
        if s == "collection" {
            SourceKind::Collection
        } else {
            SourceKind::Document
        }
    }
}

/// What the source says of a quotation's credit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Standing {
    /// Given as the credited person's words.
    #[default]
    Sourced,
    /// Listed as of doubtful origin (a Wikiquote "Disputed" section).
    Disputed,
    /// Listed as NOT the words of the person it is often credited to (a
    /// Wikiquote "Misattributed" section, a collection entry removed as
    /// fake). That person is [`Quotation::not_by`]; the true author, when the
    /// source names one, is the credit's speaker.
    Misattributed,
}

impl Standing {
    pub fn name(self) -> &'static str {
        match self {
            Standing::Sourced => "sourced",
            Standing::Disputed => "disputed",
            Standing::Misattributed => "misattributed",
        }
    }
    pub fn parse(s: &str) -> Standing {
        match s {
            "disputed" => Standing::Disputed,
            "misattributed" => Standing::Misattributed,
            _ => Standing::Sourced,
        }
    }
}

/// A claimed quotation inside a source: the byte range of its words in the
/// source text and the credit the source gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotation {
    pub start: usize,
    pub end: usize,
    pub credit: Credit,
    /// A primary passage (a speech section under a "(Full text)" heading)
    /// rather than an excerpt quoted by a collection.
    pub primary: bool,
    pub standing: Standing,
    /// For a misattributed quotation: who the words are wrongly credited to.
    pub not_by: Option<String>,
}

/// One document as read: its exact text and metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as given at ingest, plus `#` and a page title for files
    /// that hold several documents.
    pub path: String,
    pub title: Option<String>,
    pub kind: SourceKind,
    pub speaker: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// The reader that produced it (`text`, `wikiquote-text`, ...).
    pub format: String,
    /// The text exactly as stored and as every offset refers to it.
    pub text: String,
    pub quotations: Vec<Quotation>,
}

impl Source {
    /// A source with what every reader knows (where it came from, its kind,
    /// the reader, its text) and nothing else yet; readers fill in the rest
    /// with struct update syntax.
    pub fn new(path: impl Into<String>, kind: SourceKind, format: &str, text: String) -> Source {
        Source {
            path: path.into(),
            title: None,
            kind,
            speaker: None,
            date: None,
            outlet: None,
            url: None,
            format: format.into(),
            text,
            quotations: Vec::new(),
        }
    }
}
