//! `verbatim ingest`: files and manifests into the corpus, with a progress bar.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use verbatim_formats::{read_manifest, Format, FormatError, ManifestEntry, Source};
use verbatim_store::{Added, Corpus};

use crate::BadInput;

/// Bytes read per batch handed to the writer.
const BATCH_BYTES: u64 = 8 << 20;
/// Bytes between commits.
const COMMIT_BYTES: u64 = 256 << 20;

/// One file to read, with what the manifest says of it.
struct Job {
    /// Where to read it.
    file: PathBuf,
    /// The path reported for it (as given on the command line or in the manifest).
    name: String,
    entry: Option<ManifestEntry>,
    size: u64,
}

pub fn run(dir: &Path, paths: Vec<PathBuf>, manifest: Option<PathBuf>, format: Option<String>) -> Result<ExitCode> {
    let forced = match &format {
        Some(f) => Some(Format::parse(f).ok_or_else(|| BadInput(format!("--format {f:?}: unknown format (known: text, wikiquote-text)")))?),
        None => None,
    };
    if paths.is_empty() && manifest.is_none() {
        return Err(BadInput("nothing to ingest: give files, folders or --manifest FILE".into()).into());
    }
    // gather every job first: a missing file is reported before anything is written
    let mut jobs = Vec::new();
    if let Some(m) = &manifest {
        for e in read_manifest(m)? {
            let meta = std::fs::metadata(&e.resolved).map_err(|err| {
                BadInput(format!("{}:{}: {}: {err}", m.display(), e.line, e.resolved.display()))
            })?;
            if !meta.is_file() {
                return Err(BadInput(format!("{}:{}: {} is not a file", m.display(), e.line, e.resolved.display())).into());
            }
            jobs.push(Job { file: e.resolved.clone(), name: e.path.clone(), size: meta.len(), entry: Some(e) });
        }
    }
    for p in &paths {
        collect(p, &mut jobs)?;
    }
    let total: u64 = jobs.iter().map(|j| j.size).sum();
    let started = Instant::now();
    let corpus = Corpus::open(dir)?;
    let mut writer = corpus.into_writer(|| eprintln!("verbatim: another process is writing to {}; waiting", dir.display()))?;

    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let (mut new, mut replaced, mut unchanged) = (0usize, 0usize, 0usize);
    let mut since_commit = 0u64;
    let mut done_files = 0usize;
    let mut k = 0;
    let mut failure: Option<anyhow::Error> = None;
    while k < jobs.len() {
        let mut end = k;
        let mut bytes = 0;
        while end < jobs.len() && (end == k || bytes + jobs[end].size <= BATCH_BYTES) {
            bytes += jobs[end].size;
            end += 1;
        }
        let read: Vec<Result<Source, FormatError>> = jobs[k..end].par_iter().map(|j| read_job(j, forced)).collect();
        let mut sources = Vec::with_capacity(read.len());
        for r in read {
            match r {
                Ok(s) => sources.push(s),
                Err(e) => {
                    failure = Some(e.into());
                    break;
                }
            }
        }
        for (_, outcome) in writer.add(sources)? {
            match outcome {
                Added::New => new += 1,
                Added::Replaced => replaced += 1,
                Added::Unchanged => unchanged += 1,
            }
        }
        done_files += end - k;
        since_commit += bytes;
        bar.set_message(format!("{done_files}/{} files", jobs.len()));
        bar.inc(bytes);
        if since_commit >= COMMIT_BYTES {
            writer.commit()?;
            since_commit = 0;
        }
        k = end;
        if failure.is_some() {
            break;
        }
    }
    bar.finish_and_clear();
    let corpus = writer.finish()?;
    let secs = started.elapsed().as_secs_f64();
    let stats = corpus.stats()?;
    eprintln!(
        "verbatim: ingested {} files ({:.1} MB) in {:.1} s, {:.1} MB/s: {new} new, {replaced} replaced, {unchanged} unchanged; corpus {} sources",
        new + replaced + unchanged,
        total as f64 / 1e6,
        secs,
        total as f64 / 1e6 / secs.max(1e-9),
        stats.sources
    );
    if let Some(e) = failure {
        return Err(e.context("stopped; everything before this file is committed"));
    }
    Ok(ExitCode::SUCCESS)
}

fn collect(p: &Path, jobs: &mut Vec<Job>) -> Result<()> {
    let meta = std::fs::metadata(p).map_err(|e| BadInput(format!("{}: {e}", p.display())))?;
    if meta.is_file() {
        jobs.push(Job { file: p.to_path_buf(), name: p.to_string_lossy().into_owned(), entry: None, size: meta.len() });
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(p)
        .map_err(|e| BadInput(format!("{}: {e}", p.display())))?
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    entries.sort();
    for e in entries {
        collect(&e, jobs)?;
    }
    Ok(())
}

fn read_job(j: &Job, forced: Option<Format>) -> Result<Source, FormatError> {
    let bytes = std::fs::read(&j.file).map_err(|e| FormatError::Io { path: j.file.clone(), source: e })?;
    let format = forced
        .or_else(|| j.entry.as_ref().and_then(|e| e.format.as_deref()).and_then(Format::parse))
        .unwrap_or(Format::Text);
    let mut source = match format {
        Format::Text => {
            let (s, invalid) = verbatim_formats::read_plain(&j.name, bytes, &j.file)?;
            if let Some(at) = invalid {
                eprintln!("verbatim: warning: {}: not valid UTF-8 at byte {at}; read with replacement characters", j.file.display());
            }
            s
        }
        Format::WikiquoteText => verbatim_formats::read_wikiquote_text(&j.name, bytes, &j.file)?,
    };
    if let Some(e) = &j.entry {
        if e.title.is_some() {
            source.title = e.title.clone();
        }
        if e.speaker.is_some() {
            source.speaker = e.speaker.clone();
        }
        if e.date.is_some() {
            source.date = e.date.clone();
        }
        if e.outlet.is_some() {
            source.outlet = e.outlet.clone();
        }
        if e.url.is_some() {
            source.url = e.url.clone();
        }
        if let Some(k) = &e.kind {
            source.kind = verbatim_formats::SourceKind::parse(k);
        }
    }
    Ok(source)
}
