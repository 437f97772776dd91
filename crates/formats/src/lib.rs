//! Readers: bytes in, values out.
//!
//! Every reader turns a file into [`Source`]s (documents kept byte-exact)
//! and the [`Quotation`]s they hold, each with its [`Credit`]. This crate
//! never touches the store; `store` and `cli` decide what to keep.
//!
//! Errors name the file, the line and the problem ([`FormatError`]).

mod collection;
mod credit;
#[cfg(test)]
mod credit_cases;
mod dump;
mod html;
mod manifest;
mod plain;
mod wikiquote_text;
mod wikitext;

pub use collection::{read_fortunes, read_json, JsonLines, ENTRIES_PER_SOURCE};
pub use credit::{find_date, parse_credit};
pub use dump::{dump_pages, open_dump, DumpPages, MAX_PAGE_BYTES};
pub use html::{html_to_text, looks_like_html};
pub use manifest::{parse_manifest, read_manifest, valid_date, ManifestEntry};
pub use plain::{decode_text, read_plain, Decoded};
pub use wikiquote_text::read_wikiquote_text;
pub use wikitext::read_wikitext;

use std::path::PathBuf;

// The values every reader produces; their home is `verbatim-model`.
use verbatim_model::{Credit, Field, Origin, Quotation, Source, SourceKind, Standing};

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
    /// Wikitext source of a page (`.wiki`, `.wikitext`, `.mediawiki`).
    Wikitext,
    /// A MediaWiki XML dump, plain or bz2-compressed.
    Dump,
    /// A fortune file: records between `%` lines.
    Fortune,
    /// A JSON array of quotations.
    Json,
    /// JSON Lines, one quotation per line (Quotebank).
    JsonLines,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Text,
        Format::WikiquoteText,
        Format::Wikitext,
        Format::Dump,
        Format::Fortune,
        Format::Json,
        Format::JsonLines,
    ];

    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" | "markdown" | "md" => Some(Format::Text),
            "wikiquote-text" | "wikiquote" => Some(Format::WikiquoteText),
            "wikitext" | "wiki" | "mediawiki" => Some(Format::Wikitext),
            "dump" | "xml" | "mediawiki-dump" => Some(Format::Dump),
            "fortune" | "fortunes" => Some(Format::Fortune),
            "json" => Some(Format::Json),
            "jsonl" | "json-lines" | "ndjson" | "quotebank" => Some(Format::JsonLines),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::WikiquoteText => "wikiquote-text",
            Format::Wikitext => "wikitext",
            Format::Dump => "dump",
            Format::Fortune => "fortune",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
        }
    }

    /// The names `parse` knows, for error messages.
    pub fn known() -> String {
        Format::ALL.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ")
    }

    /// Whether the format is read as a stream of many sources.
    pub fn streams(self) -> bool {
        matches!(self, Format::Dump | Format::JsonLines)
    }

    /// Guesses a file's format from its name, then from its first bytes.
    pub fn detect(path: &std::path::Path, head: &[u8]) -> Format {
        let name = path.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        let ext = name.rsplit('.').next().unwrap_or("");
        match ext {
            "xml" => return Format::Dump,
            "bz2" if head.starts_with(b"BZh") => return Format::Dump,
            "wiki" | "wikitext" | "mediawiki" => return Format::Wikitext,
            "json" => return Format::Json,
            "jsonl" | "ndjson" => return Format::JsonLines,
            "tfortunes" | "fortunes" | "fortune" => return Format::Fortune,
            _ => {}
        }
        let text = String::from_utf8_lossy(head);
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with("<mediawiki") || (t.starts_with("<?xml") && t.contains("<mediawiki")) {
            return Format::Dump;
        }
        let lines: Vec<&str> = text.lines().collect();
        let count = |f: &dyn Fn(&str) -> bool| lines.iter().filter(|l| f(l)).count();
        let credits = count(&|l| l.trim_start().starts_with("-- ") && l.starts_with([' ', '\t']));
        let seps = count(&|l| l.trim_end() == "%");
        if seps >= 2 || (seps >= 1 && credits >= 1) || count(&|l| l.starts_with("---- ")) >= 2 {
            return Format::Fortune;
        }
        if count(&|l| l.trim() == "(Full text)") > 0
            || (count(&|l| l.starts_with("  \u{2022} ")) >= 3 && count(&|l| l.starts_with("~ ")) >= 1)
        {
            return Format::WikiquoteText;
        }
        let headings = count(&|l| {
            let t = l.trim_end();
            t.starts_with("==") && t.ends_with("==") && t.len() > 4
        });
        if headings >= 2 && text.contains("[[") && count(&|l| l.starts_with('*')) >= 1 {
            return Format::Wikitext;
        }
        Format::Text
    }
}

/// What reading a file gives: its sources, as a stream for dumps and JSON
/// Lines, and a warning when the text had to be read lossily.
pub enum Sources {
    Read(std::vec::IntoIter<Source>),
    Dump(Box<DumpPages>),
    Lines(Box<collection::JsonLines<std::io::BufReader<std::fs::File>>>),
}

impl Sources {
    /// Bytes of the file consumed so far, for streams; `None` otherwise.
    pub fn bytes_read(&self) -> Option<u64> {
        match self {
            Sources::Dump(d) => Some(d.bytes_read()),
            _ => None,
        }
    }
}

impl Sources {
    /// The next sources, up to about `max_bytes` of input, read in parallel
    /// where the format allows (dump pages). Empty at the end. An error
    /// comes last, after the sources read before it.
    pub fn next_batch(&mut self, max_bytes: usize) -> Vec<Result<Source, FormatError>> {
        match self {
            Sources::Dump(d) => d.next_batch(max_bytes),
            _ => {
                let mut out = Vec::new();
                let mut bytes = 0;
                while bytes < max_bytes {
                    match self.next() {
                        Some(Ok(s)) => {
                            bytes += s.text.len();
                            out.push(Ok(s));
                        }
                        Some(Err(e)) => {
                            out.push(Err(e));
                            break;
                        }
                        None => break,
                    }
                }
                out
            }
        }
    }
}

impl Iterator for Sources {
    type Item = Result<Source, FormatError>;
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Sources::Read(v) => v.next().map(Ok),
            Sources::Dump(d) => d.next(),
            Sources::Lines(l) => l.next(),
        }
    }
}

/// Opens `path` as `format`. `name` is the path as it will be reported and
/// stored. Returns the sources and, when the text was not valid UTF-8, a
/// warning naming the byte offset where it went wrong.
pub fn read_file(path: &std::path::Path, name: &str, format: Format) -> Result<(Sources, Option<String>), FormatError> {
    let io = |e| FormatError::Io { path: path.to_path_buf(), source: e };
    // an empty file holds nothing to read: skipped, with a word
    if std::fs::metadata(path).map_err(io)?.len() == 0 {
        return Ok((Sources::Read(Vec::new().into_iter()), Some(format!("{}: empty file, skipped", path.display()))));
    }
    match format {
        Format::Dump => Ok((Sources::Dump(Box::new(open_dump(path, name)?)), None)),
        Format::JsonLines => {
            let f = std::fs::File::open(path).map_err(io)?;
            Ok((Sources::Lines(Box::new(collection::JsonLines::new(name, path, std::io::BufReader::new(f)))), None))
        }
        _ => {
            let (s, at) = read_bytes(name, std::fs::read(path).map_err(io)?, path, format)?;
            let warning = at.map(|at| {
                format!("{}: not valid UTF-8 at byte {at}; read with replacement characters", path.display())
            });
            Ok((Sources::Read(vec![s].into_iter()), warning))
        }
    }
}

/// Reads the bytes of one file that holds one source (`path` names it in
/// errors): every format but the dump and JSON Lines, which hold many.
/// Returns the source and, when the text was not valid UTF-8, the byte
/// offset where it went wrong. Shared by [`read_file`] and the HTTP API,
/// which receives documents rather than paths.
pub fn read_bytes(
    name: &str,
    bytes: Vec<u8>,
    path: &std::path::Path,
    format: Format,
) -> Result<(Source, Option<usize>), FormatError> {
    match format {
        Format::Text => read_plain(name, bytes, path),
        Format::WikiquoteText => Ok((read_wikiquote_text(name, bytes, path)?, None)),
        Format::Wikitext => {
            if bytes.iter().take(8192).any(|&b| b == 0) {
                return Err(FormatError::Invalid {
                    path: path.to_path_buf(),
                    msg: "binary file (NUL bytes), not wikitext".into(),
                });
            }
            let d = decode_text(bytes);
            Ok((read_wikitext(name, None, &d.text)?, d.invalid_at))
        }
        Format::Fortune => Ok((collection::read_fortunes(name, bytes, path)?, None)),
        Format::Json => Ok((collection::read_json(name, &bytes, path)?, None)),
        Format::Dump | Format::JsonLines => Err(FormatError::Invalid {
            path: path.to_path_buf(),
            msg: format!("a {} holds many sources: read it with read_file", format.name()),
        }),
    }
}

/// One document read to be checked (`verbatim check`, the HTTP API's and the
/// Python package's `check`): its text, which every offset refers to, and
/// whether it is a quote page, whose recorded quotations are what is checked,
/// or prose, whose quotations are found in its running text.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: Source,
    /// A quote page (Wikiquote text, wikitext, a fortune file, a JSON
    /// collection) rather than prose.
    pub page: bool,
    /// When the bytes were not valid UTF-8: where they went wrong.
    pub invalid_at: Option<usize>,
}

/// The format a document to check is forced to by name: a reader's name,
/// or `html` (plain text reduced to its words, the flag). `None` for a
/// name no reader knows.
pub fn document_format(name: &str) -> Option<(Format, bool)> {
    if name.eq_ignore_ascii_case("html") || name.eq_ignore_ascii_case("htm") {
        return Some((Format::Text, true));
    }
    Format::parse(name).map(|f| (f, false))
}

/// Reads one document to check. `path` names it in errors and, with the
/// first bytes, decides its format unless `format` forces one: a reader's
/// name, or `html`. HTML, named or detected, is reduced to its text, which
/// the offsets then refer to. A dump or JSON Lines file holds many documents
/// and is refused: those are ingested, not checked.
pub fn read_document(path: &std::path::Path, bytes: Vec<u8>, format: Option<&str>) -> Result<Document, FormatError> {
    let invalid = |msg: String| FormatError::Invalid { path: path.to_path_buf(), msg };
    let name = path.to_string_lossy();
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let (format, html) = match format.map(str::trim).filter(|f| !f.is_empty()) {
        Some(f) => document_format(f)
            .ok_or_else(|| invalid(format!("format {f:?} is unknown (known: html, {})", Format::known())))?,
        None => (Format::detect(path, &bytes[..bytes.len().min(64 << 10)]), ext == "html" || ext == "htm"),
    };
    match format {
        Format::Dump | Format::JsonLines => {
            Err(invalid(format!("`check` reads one document; a {} holds many (ingest it instead)", format.name())))
        }
        Format::Text => {
            let (mut source, invalid_at) = read_plain(&name, bytes, path)?;
            if html || looks_like_html(source.text.as_bytes()) {
                source.text = html_to_text(&source.text);
            }
            Ok(Document { source, page: false, invalid_at })
        }
        f => {
            let (source, invalid_at) = read_bytes(&name, bytes, path, f)?;
            Ok(Document { source, page: true, invalid_at })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn read(name: &str, text: &str, format: Option<&str>) -> Result<Document, FormatError> {
        read_document(Path::new(name), text.as_bytes().to_vec(), format)
    }

    #[test]
    fn html_is_read_as_its_text_whether_named_or_seen() {
        let page = "<html><body><p>He said, &ldquo;Go on.&rdquo;</p></body></html>";
        for (name, format) in [("a.html", None), ("document", None), ("document", Some("html"))] {
            let d = read(name, page, format).unwrap();
            assert!(!d.page && d.source.text.contains("He said, \u{201c}Go on.\u{201d}"), "{name} {format:?}");
        }
    }

    #[test]
    fn a_quote_page_is_a_page_and_prose_is_prose() {
        let fortunes = "Be brief.\n\t-- Someone\n%\nBe kind.\n\t-- Someone Else\n%\n";
        let d = read("q.fortunes", fortunes, None).unwrap();
        assert!(d.page && d.source.quotations.len() == 2);
        let d = read("note.txt", "Plain words, \"quoted\" once.", None).unwrap();
        assert!(!d.page && d.source.quotations.is_empty());
    }

    #[test]
    fn many_documents_or_an_unknown_format_are_refused_naming_the_file() {
        let e = read("pages.xml", "<mediawiki></mediawiki>", None).unwrap_err().to_string();
        assert!(e.starts_with("pages.xml: ") && e.contains("ingest it instead"), "{e}");
        let e = read("doc.txt", "words", Some("docx")).unwrap_err().to_string();
        assert!(e.starts_with("doc.txt: ") && e.contains("\"docx\" is unknown"), "{e}");
    }

    #[test]
    fn bytes_that_are_not_utf8_say_where() {
        let d = read_document(Path::new("a.txt"), b"ab\xffcd".to_vec(), None).unwrap();
        assert_eq!(d.invalid_at, Some(2));
    }
}
