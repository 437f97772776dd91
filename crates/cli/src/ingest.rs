//! `verbatim ingest`: the ingest library (`verbatim_ingest`) with a progress
//! bar and a closing line on stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use verbatim_formats::Format;
use verbatim_ingest::{Event, IngestError, Report, Request};

use crate::BadInput;

/// Ingests `paths` and the manifest's files, committing after about
/// `commit_bytes` of input (each commit is reported on stderr: everything
/// before it survives a crash).
pub fn run(
    dir: &Path,
    paths: Vec<PathBuf>,
    manifest: Option<PathBuf>,
    format: Option<String>,
    commit_bytes: u64,
) -> Result<ExitCode> {
    let format = match &format {
        Some(f) => Some(
            Format::parse(f)
                .ok_or_else(|| BadInput(format!("--format {f:?}: unknown format (known: {})", Format::known())))?,
        ),
        None => None,
    };
    let req = Request { paths, manifest, format, commit_bytes };
    let bar = ProgressBar::hidden();
    let on = &mut |e: Event| match e {
        Event::Planned { bytes, .. } => {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_length(bytes);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {msg} [{bar:30}] {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
        }
        Event::Waiting => {
            bar.suspend(|| eprintln!("verbatim: another process is writing to {}; waiting", dir.display()))
        }
        Event::Warning(w) => bar.suspend(|| eprintln!("verbatim: warning: {w}")),
        Event::Progress { bytes, files_done, files } => {
            bar.set_message(format!("{files_done}/{files} files"));
            bar.set_position(bytes);
        }
        Event::Committed { sources, files_done, files, through } => bar.suspend(|| {
            eprintln!("verbatim: committed {sources} sources, {files_done}/{files} files (through {through})")
        }),
    };
    let result = verbatim_ingest::ingest(dir, &req, on);
    bar.finish_and_clear();
    match result {
        Ok(report) => {
            closing_line(&report);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            // a file that stopped the ingest: what came before is committed, and said so
            if let IngestError::Stopped { report, .. } = &e {
                closing_line(report);
            }
            // the user's input (exit 2) or the corpus's (exit 3)
            if e.is_input() {
                Err(BadInput(e.to_string()).into())
            } else {
                Err(e.into())
            }
        }
    }
}

fn closing_line(r: &Report) {
    eprintln!(
        "verbatim: ingested {} sources from {} files ({:.1} MB read, {:.1} MB of text) in {:.1} s, {:.1} MB/s: \
         {} new, {} replaced, {} unchanged; {} quotations read, {} credited ({} with a speaker); corpus {} sources, {} quotations",
        r.sources(),
        r.files,
        r.bytes as f64 / 1e6,
        r.text_bytes as f64 / 1e6,
        r.seconds,
        r.bytes as f64 / 1e6 / r.seconds.max(1e-9),
        r.new,
        r.replaced,
        r.unchanged,
        r.quotations,
        r.credited,
        r.with_speaker,
        r.corpus.sources,
        r.corpus.quotations,
    );
}
