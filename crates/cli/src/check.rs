//! `verbatim check FILE...`: every quotation in a document, the speaker the
//! document gives it, and its verdict against the corpus.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;
use verbatim_engine::check::{page_quotes, prose_quotes, Checked, DocQuote};
use verbatim_engine::json::checked_json;
use verbatim_engine::Engine;
use verbatim_formats::Format;

use crate::{output, BadInput};

/// A document read for checking: the text every offset refers to, and its
/// quotations.
struct Doc {
    text: String,
    quotes: Vec<DocQuote>,
    /// "prose" (quoted spans found in running text) or "page" (a quote
    /// page's own entries).
    kind: &'static str,
}

fn read_doc(path: &Path, forced: Option<Format>) -> Result<Doc> {
    let bytes = std::fs::read(path).map_err(|e| BadInput(format!("{}: {e}", path.display())))?;
    let name = path.to_string_lossy().into_owned();
    let format = forced.unwrap_or_else(|| Format::detect(path, &bytes[..bytes.len().min(64 << 10)]));
    match format {
        Format::WikiquoteText | Format::Wikitext | Format::Fortune | Format::Json => {
            let (mut sources, _) = verbatim_formats::read_file(path, &name, format)?;
            let s =
                sources.next().transpose()?.ok_or_else(|| BadInput(format!("{}: nothing to check", path.display())))?;
            Ok(Doc { quotes: page_quotes(&s), text: s.text, kind: "page" })
        }
        Format::Dump | Format::JsonLines => Err(BadInput(format!(
            "{}: `check` reads one document; a {} holds many (ingest it instead)",
            path.display(),
            format.name()
        ))
        .into()),
        Format::Text => {
            let (s, invalid) = verbatim_formats::read_plain(&name, bytes, path)?;
            if let Some(at) = invalid {
                eprintln!(
                    "verbatim: warning: {}: not valid UTF-8 at byte {at}; read with replacement characters",
                    path.display()
                );
            }
            let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
            let text = if ext == "html" || ext == "htm" || verbatim_formats::looks_like_html(s.text.as_bytes()) {
                verbatim_formats::html_to_text(&s.text)
            } else {
                s.text
            };
            Ok(Doc { quotes: prose_quotes(&text), text, kind: "prose" })
        }
    }
}

pub fn run(
    dir: &Path,
    files: Vec<PathBuf>,
    json_out: bool,
    jsonl: bool,
    quotes_only: bool,
    format: Option<String>,
) -> Result<ExitCode> {
    if files.is_empty() {
        return Err(BadInput("nothing to check: give one or more documents".into()).into());
    }
    let forced = match &format {
        Some(f) => Some(
            Format::parse(f)
                .ok_or_else(|| BadInput(format!("--format {f:?}: unknown format (known: {})", Format::known())))?,
        ),
        None => None,
    };
    // every document is read before anything is looked up: a bad file is reported first
    let docs: Vec<(String, Doc)> =
        files.iter().map(|f| Ok((f.to_string_lossy().into_owned(), read_doc(f, forced)?))).collect::<Result<_>>()?;
    let engine = if quotes_only { None } else { Some(Engine::new(crate::open_existing(dir)?)) };
    let out = std::io::stdout();
    let mut out = out.lock();
    let mut flagged = 0;
    for (file, doc) in docs {
        let checked: Vec<Checked> = match &engine {
            Some(e) => e.check(&doc.text, doc.quotes)?,
            None => doc.quotes.into_iter().map(|quote| Checked { quote, answer: None, error: None }).collect(),
        };
        let n_flagged = checked.iter().filter(|c| c.flagged()).count();
        flagged += n_flagged;
        if jsonl {
            for v in checked_json(Some(&file), &doc.text, &checked) {
                writeln!(out, "{v}")?;
            }
        } else if json_out {
            let qs = checked_json(Some(&file), &doc.text, &checked);
            writeln!(out, "{}", json!({"file": file, "kind": doc.kind, "quotations": qs, "flagged": n_flagged}))?;
        } else {
            output::human_check(&mut out, &file, &doc.text, &checked)?;
        }
    }
    Ok(if flagged > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
