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

/// One file to read, with what the manifest says of it.
struct Job {
    /// Where to read it.
    file: PathBuf,
    /// The path reported for it (as given on the command line or in the manifest).
    name: String,
    entry: Option<ManifestEntry>,
    size: u64,
    format: Format,
}

/// Ingests `paths` and the manifest's files, committing after about
/// `commit_bytes` of input (each commit is reported on stderr: everything
/// before it survives a crash).
pub fn run(dir: &Path, paths: Vec<PathBuf>, manifest: Option<PathBuf>, format: Option<String>, commit_bytes: u64) -> Result<ExitCode> {
    let batch_bytes = BATCH_BYTES.min(commit_bytes.max(1));
    let forced = match &format {
        Some(f) => Some(Format::parse(f).ok_or_else(|| BadInput(format!("--format {f:?}: unknown format (known: {})", Format::known())))?),
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
            jobs.push(Job { file: e.resolved.clone(), name: e.path.clone(), size: meta.len(), entry: Some(e), format: Format::Text });
        }
    }
    for p in &paths {
        collect(p, &mut jobs)?;
    }
    for j in &mut jobs {
        j.format = match forced.or_else(|| j.entry.as_ref().and_then(|e| e.format.as_deref()).and_then(Format::parse)) {
            Some(f) => f,
            None => Format::detect(&j.file, &head(&j.file)),
        };
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
    let mut tally = Tally::default();
    let mut since_commit = 0u64;
    let mut done_files = 0usize;
    let mut k = 0;
    let mut failure: Option<anyhow::Error> = None;
    while k < jobs.len() && failure.is_none() {
        if jobs[k].format.streams() {
            // a dump or a JSON Lines file: its sources come as a stream
            let j = &jobs[k];
            let (mut sources, warning) = match verbatim_formats::read_file(&j.file, &j.name, j.format) {
                Ok(x) => x,
                Err(e) => {
                    failure = Some(e.into());
                    break;
                }
            };
            if let Some(w) = warning {
                bar.suspend(|| eprintln!("verbatim: warning: {w}"));
            }
            let mut shown = 0u64;
            loop {
                let mut batch = Vec::new();
                for r in sources.next_batch(batch_bytes as usize) {
                    match r {
                        Ok(mut s) => {
                            apply_entry(&mut s, j);
                            batch.push(s);
                        }
                        Err(e) => failure = Some(e.into()),
                    }
                }
                if batch.is_empty() && failure.is_none() {
                    break;
                }
                let batch_bytes: u64 = batch.iter().map(|s| s.text.len() as u64).sum();
                tally.saw(&batch);
                tally.count(writer.add(batch)?);
                since_commit += batch_bytes;
                if since_commit >= commit_bytes {
                    writer.commit()?;
                    bar.suspend(|| eprintln!("verbatim: committed {} sources, {}/{} files ({} so far)", tally.sources(), done_files, jobs.len(), j.name));
                    since_commit = 0;
                }
                let now = sources.bytes_read().unwrap_or(shown).min(j.size);
                bar.inc(now.saturating_sub(shown));
                shown = now;
                if failure.is_some() {
                    break;
                }
            }
            bar.inc(j.size.saturating_sub(shown));
            done_files += 1;
            k += 1;
            continue;
        }
        let mut end = k;
        let mut bytes = 0;
        while end < jobs.len() && !jobs[end].format.streams() && (end == k || bytes + jobs[end].size <= batch_bytes) {
            bytes += jobs[end].size;
            end += 1;
        }
        let read: Vec<Result<Vec<Source>, FormatError>> = jobs[k..end].par_iter().map(read_job).collect();
        let mut sources = Vec::with_capacity(read.len());
        for r in read {
            match r {
                Ok(s) => sources.extend(s),
                Err(e) => {
                    failure = Some(e.into());
                    break;
                }
            }
        }
        tally.saw(&sources);
        tally.count(writer.add(sources)?);
        done_files += end - k;
        since_commit += bytes;
        bar.set_message(format!("{done_files}/{} files", jobs.len()));
        bar.inc(bytes);
        if since_commit >= commit_bytes {
            writer.commit()?;
            bar.suspend(|| eprintln!("verbatim: committed {} sources, {done_files}/{} files (through {})", tally.sources(), jobs.len(), jobs[end - 1].name));
            since_commit = 0;
        }
        k = end;
    }
    bar.finish_and_clear();
    let corpus = writer.finish()?;
    let secs = started.elapsed().as_secs_f64();
    let stats = corpus.stats()?;
    eprintln!(
        "verbatim: ingested {} sources from {done_files} files ({:.1} MB read, {:.1} MB of text) in {:.1} s, {:.1} MB/s: \
         {} new, {} replaced, {} unchanged; {} quotations read, {} credited ({} with a speaker); corpus {} sources, {} quotations",
        tally.new + tally.replaced + tally.unchanged,
        total as f64 / 1e6,
        tally.text_bytes as f64 / 1e6,
        secs,
        total as f64 / 1e6 / secs.max(1e-9),
        tally.new,
        tally.replaced,
        tally.unchanged,
        tally.quotations,
        tally.credited,
        tally.with_speaker,
        stats.sources,
        stats.quotations,
    );
    if let Some(e) = failure {
        return Err(e.context("stopped; everything read before this point is committed"));
    }
    Ok(ExitCode::SUCCESS)
}

/// What an ingest did, for its closing line.
#[derive(Default)]
struct Tally {
    new: usize,
    replaced: usize,
    unchanged: usize,
    quotations: usize,
    credited: usize,
    with_speaker: usize,
    text_bytes: u64,
}

impl Tally {
    fn sources(&self) -> usize {
        self.new + self.replaced + self.unchanged
    }

    fn saw(&mut self, sources: &[Source]) {
        for s in sources {
            self.text_bytes += s.text.len() as u64;
            self.quotations += s.quotations.len();
            self.credited += s.quotations.iter().filter(|q| q.credit != Default::default()).count();
            self.with_speaker += s.quotations.iter().filter(|q| q.credit.speaker.is_some()).count();
        }
    }

    fn count(&mut self, added: Vec<(String, Added)>) {
        for (_, outcome) in added {
            match outcome {
                Added::New => self.new += 1,
                Added::Replaced => self.replaced += 1,
                Added::Unchanged => self.unchanged += 1,
            }
        }
    }
}

/// The first bytes of a file, for format detection.
fn head(p: &Path) -> Vec<u8> {
    use std::io::Read;
    let mut buf = vec![0u8; 64 << 10];
    let n = std::fs::File::open(p).and_then(|mut f| f.read(&mut buf)).unwrap_or(0);
    buf.truncate(n);
    buf
}

fn collect(p: &Path, jobs: &mut Vec<Job>) -> Result<()> {
    let meta = std::fs::metadata(p).map_err(|e| BadInput(format!("{}: {e}", p.display())))?;
    if meta.is_file() {
        jobs.push(Job { file: p.to_path_buf(), name: p.to_string_lossy().into_owned(), entry: None, size: meta.len(), format: Format::Text });
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

fn read_job(j: &Job) -> Result<Vec<Source>, FormatError> {
    let (sources, warning) = verbatim_formats::read_file(&j.file, &j.name, j.format)?;
    if let Some(w) = warning {
        eprintln!("verbatim: warning: {w}");
    }
    let mut out = Vec::new();
    for s in sources {
        let mut s = s?;
        apply_entry(&mut s, j);
        out.push(s);
    }
    Ok(out)
}

/// What a manifest line says of a file overrides what the reader found.
fn apply_entry(source: &mut Source, j: &Job) {
    let Some(e) = &j.entry else { return };
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
