//! Readers: bytes in, values out.
//!
//! Every reader turns a file into [`Source`]s (documents kept byte-exact)
//! and the [`Quotation`]s they hold, each with its [`Credit`]. This crate
//! never touches the store; `store` and `cli` decide what to keep.
//!
//! Errors name the file, the line and the problem ([`FormatError`]).

mod credit;
mod manifest;
mod wikiquote_text;
mod plain;
mod model;

pub use manifest::{read_manifest, ManifestEntry};
pub use model::{Credit, Field, Origin, Quotation, Source, SourceKind};
pub use credit::{find_date, parse_credit};
pub use plain::{decode_text, read_plain, Decoded};
pub use wikiquote_text::read_wikiquote_text;

use std::path::PathBuf;

/// A problem with an input file, with where it is.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: {msg}")]
    Syntax { path: PathBuf, line: usize, msg: String },
    #[error("{path}: {msg}")]
    Invalid { path: PathBuf, msg: String },
}

/// The formats a file can be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (also Markdown): one document.
    Text,
    /// A Wikiquote page rendered to text, like the seed page.
    WikiquoteText,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" | "markdown" | "md" => Some(Format::Text),
            "wikiquote-text" | "wikiquote" => Some(Format::WikiquoteText),
            _ => None,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::WikiquoteText => "wikiquote-text",
        }
    }
}
