//! `verbatim check FILE...`: every quotation in a document, the speaker the
//! document gives it, and its verdict against the corpus.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;
use verbatim_engine::check::{Checked, Document};
use verbatim_engine::json::checked_json;
use verbatim_engine::Engine;
use verbatim_formats::Format;

use crate::{output, BadInput};

/// Reads one file to check, warning when its bytes were not valid UTF-8.
fn read_doc(path: &Path, format: Option<&str>) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| BadInput(format!("{}: {e}", path.display())))?;
    let read = verbatim_formats::read_document(path, bytes, format)?;
    if let Some(at) = read.invalid_at {
        eprintln!(
            "verbatim: warning: {}: not valid UTF-8 at byte {at}; read with replacement characters",
            path.display()
        );
    }
    Ok(Document::new(read.source, read.page))
}

pub fn run(
    dir: &Path,
    files: Vec<PathBuf>,
    json_out: bool,
    jsonl: bool,
    // the engine's options, or `None` to list the quotations only
    opts: Option<verbatim_engine::Options>,
    format: Option<String>,
) -> Result<ExitCode> {
    if files.is_empty() {
        return Err(BadInput("nothing to check: give one or more documents".into()).into());
    }
    if let Some(f) = format.as_deref().filter(|f| verbatim_formats::document_format(f).is_none()) {
        return Err(BadInput(format!("--format {f:?}: unknown format (known: html, {})", Format::known())).into());
    }
    // every document is read before anything is looked up: a bad file is reported first
    let docs: Vec<(String, Document)> = files
        .iter()
        .map(|f| Ok((f.to_string_lossy().into_owned(), read_doc(f, format.as_deref())?)))
        .collect::<Result<_>>()?;
    let engine = match opts {
        Some(opts) => Some(Engine::with_options(crate::open_existing(dir)?, opts)),
        None => None,
    };
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
