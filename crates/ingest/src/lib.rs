//! Ingest: files, folders and a manifest into a corpus.
//!
//! Every front end ingests through [`ingest`]: the command line draws a
//! progress bar from its [`Event`]s, the HTTP API and the Python package
//! take the [`Report`]. The order of work is what makes ingest safe to stop:
//!
//! 1. every job is gathered first ([`plan`]), so that a missing file or a
//!    bad manifest line is reported before anything is written;
//! 2. files are read in parallel, a batch of about 8 MB at a time, and
//!    handed to the corpus's single writer in path order; dumps and JSON
//!    Lines stream, a batch at a time;
//! 3. the writer commits after about `commit_bytes` of input. A file that
//!    cannot be read stops the ingest there: what came before is committed
//!    and kept ([`IngestError::Stopped`] carries the report of it).

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use verbatim_formats::{read_manifest, Format, FormatError, ManifestEntry};
use verbatim_model::Source;
use verbatim_store::{Added, Corpus, Stats, StoreError, Writer};

/// Bytes read per batch handed to the writer.
const BATCH_BYTES: u64 = 8 << 20;

/// The default commit interval, in bytes of input.
pub const COMMIT_BYTES: u64 = 256_000_000;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The user's input is wrong: a path that does not exist, nothing to
    /// ingest, an unknown format. Nothing was written.
    #[error("{0}")]
    Input(String),
    /// A file or the manifest cannot be read as its format.
    #[error(transparent)]
    Format(#[from] FormatError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file failed part way: everything read before it is committed.
    #[error("{cause}; stopped: everything read before this point is committed")]
    Stopped { report: Box<Report>, cause: Box<IngestError> },
}

impl IngestError {
    /// Whether the input is at fault (a bad file, path or manifest line)
    /// rather than the corpus or the machine.
    pub fn is_input(&self) -> bool {
        match self {
            IngestError::Input(_) | IngestError::Format(_) => true,
            IngestError::Store(_) => false,
            IngestError::Stopped { cause, .. } => cause.is_input(),
        }
    }
}

/// What an ingest is asked to do.
#[derive(Debug, Clone)]
pub struct Request {
    /// Files and folders (read recursively, hidden entries skipped, in
    /// sorted order).
    pub paths: Vec<PathBuf>,
    /// A JSON Lines manifest: a file per line with its speaker, date, title,
    /// format; paths relative to the manifest.
    pub manifest: Option<PathBuf>,
    /// Read every file as this format instead of detecting it.
    pub format: Option<Format>,
    /// Commit after about this many bytes of input.
    pub commit_bytes: u64,
}

impl Request {
    pub fn new(paths: Vec<PathBuf>) -> Request {
        Request { paths, manifest: None, format: None, commit_bytes: COMMIT_BYTES }
    }
}

/// What happens during an ingest, in order, for a progress display.
#[derive(Debug)]
pub enum Event<'a> {
    /// Every job is known: how many files and bytes.
    Planned { files: usize, bytes: u64 },
    /// Another process holds the corpus's writer; this one waits for it.
    Waiting,
    /// A file is odd but usable (not UTF-8, say).
    Warning(&'a str),
    /// Bytes of input done, and files done of all.
    Progress { bytes: u64, files_done: usize, files: usize },
    /// A commit: everything through the file named survives a crash.
    Committed { sources: usize, files_done: usize, files: usize, through: &'a str },
}

/// What an ingest did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub files: usize,
    /// Bytes of input read.
    pub bytes: u64,
    /// Bytes of text the readers made of them.
    pub text_bytes: u64,
    pub new: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Quotations the readers found, with a credit, with a speaker.
    pub quotations: usize,
    pub credited: usize,
    pub with_speaker: usize,
    pub seconds: f64,
    /// The corpus after the ingest.
    pub corpus: Stats,
}

impl Report {
    pub fn sources(&self) -> usize {
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

/// One file to read, with what the manifest says of it.
#[derive(Debug)]
pub struct Job {
    /// Where to read it.
    pub file: PathBuf,
    /// The path reported for it (as given, or as the manifest names it).
    pub name: String,
    pub entry: Option<ManifestEntry>,
    pub size: u64,
    pub format: Format,
}

/// Gathers every job of a request, checking that each file is there, and
/// settles each file's format (forced, the manifest's, or detected).
pub fn plan(req: &Request) -> Result<Vec<Job>, IngestError> {
    if req.paths.is_empty() && req.manifest.is_none() {
        return Err(IngestError::Input("nothing to ingest: give files, folders or a manifest".into()));
    }
    let mut jobs = Vec::new();
    if let Some(m) = &req.manifest {
        for e in read_manifest(m)? {
            let meta = std::fs::metadata(&e.resolved).map_err(|err| {
                IngestError::Input(format!("{}:{}: {}: {err}", m.display(), e.line, e.resolved.display()))
            })?;
            if !meta.is_file() {
                return Err(IngestError::Input(format!(
                    "{}:{}: {} is not a file",
                    m.display(),
                    e.line,
                    e.resolved.display()
                )));
            }
            jobs.push(Job {
                file: e.resolved.clone(),
                name: e.path.clone(),
                size: meta.len(),
                entry: Some(e),
                format: Format::Text,
            });
        }
    }
    for p in &req.paths {
        collect(p, &mut jobs)?;
    }
    for j in &mut jobs {
        j.format =
            match req.format.or_else(|| j.entry.as_ref().and_then(|e| e.format.as_deref()).and_then(Format::parse)) {
                Some(f) => f,
                None => Format::detect(&j.file, &head(&j.file)),
            };
    }
    Ok(jobs)
}

/// Ingests a request into the corpus in `dir` (made when missing),
/// telling `on` what happens.
pub fn ingest(dir: &Path, req: &Request, on: &mut dyn FnMut(Event)) -> Result<Report, IngestError> {
    let jobs = plan(req)?;
    let commit_bytes = req.commit_bytes.max(1);
    let batch_bytes = BATCH_BYTES.min(commit_bytes);
    let total: u64 = jobs.iter().map(|j| j.size).sum();
    on(Event::Planned { files: jobs.len(), bytes: total });
    let started = Instant::now();
    let corpus = Corpus::open(dir)?;
    let mut writer = corpus.into_writer(|| on(Event::Waiting))?;
    let mut report = Report { bytes: total, ..Report::default() };
    let mut since_commit = 0u64;
    let mut done = 0u64;
    let mut k = 0;
    let mut failure: Option<IngestError> = None;
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
                on(Event::Warning(&w));
            }
            let mut shown = 0u64;
            loop {
                let mut batch = Vec::new();
                for r in sources.next_batch(batch_bytes as usize) {
                    match r {
                        Ok(mut s) => {
                            apply_job_entry(&mut s, j);
                            batch.push(s);
                        }
                        Err(e) => failure = Some(e.into()),
                    }
                }
                if batch.is_empty() && failure.is_none() {
                    break;
                }
                let text: u64 = batch.iter().map(|s| s.text.len() as u64).sum();
                report.saw(&batch);
                report.count(writer.add(batch)?);
                since_commit += text;
                commit_if_due(&mut writer, &mut since_commit, commit_bytes, &report, jobs.len(), &j.name, on)?;
                let now = sources.bytes_read().unwrap_or(shown).min(j.size);
                done += now.saturating_sub(shown);
                shown = now;
                on(Event::Progress { bytes: done, files_done: report.files, files: jobs.len() });
                if failure.is_some() {
                    break;
                }
            }
            done += j.size.saturating_sub(shown);
            report.files += 1;
            k += 1;
            continue;
        }
        let mut end = k;
        let mut bytes = 0;
        while end < jobs.len() && !jobs[end].format.streams() && (end == k || bytes + jobs[end].size <= batch_bytes) {
            bytes += jobs[end].size;
            end += 1;
        }
        let read: Vec<Read> = jobs[k..end].par_iter().map(read_job).collect();
        let mut sources = Vec::with_capacity(read.len());
        for r in read {
            match r {
                Ok((s, warning)) => {
                    if let Some(w) = warning {
                        on(Event::Warning(&w));
                    }
                    sources.extend(s);
                }
                Err(e) => {
                    failure = Some(e.into());
                    break;
                }
            }
        }
        report.saw(&sources);
        report.count(writer.add(sources)?);
        report.files += end - k;
        since_commit += bytes;
        done += bytes;
        on(Event::Progress { bytes: done, files_done: report.files, files: jobs.len() });
        commit_if_due(&mut writer, &mut since_commit, commit_bytes, &report, jobs.len(), &jobs[end - 1].name, on)?;
        k = end;
    }
    let corpus = writer.finish()?;
    report.seconds = started.elapsed().as_secs_f64();
    report.corpus = corpus.stats()?;
    match failure {
        Some(cause) => Err(IngestError::Stopped { report: Box::new(report), cause: Box::new(cause) }),
        None => Ok(report),
    }
}

/// Commits once about `commit_bytes` of input came in since the last
/// commit, and says so: everything through `through` then survives a crash.
fn commit_if_due(
    writer: &mut Writer,
    since: &mut u64,
    commit_bytes: u64,
    report: &Report,
    files: usize,
    through: &str,
    on: &mut dyn FnMut(Event),
) -> Result<(), IngestError> {
    if *since < commit_bytes {
        return Ok(());
    }
    writer.commit()?;
    on(Event::Committed { sources: report.sources(), files_done: report.files, files, through });
    *since = 0;
    Ok(())
}

/// Adds sources already read (the documents of an HTTP request) in one
/// commit, after any other writer, and says what happened to each.
pub fn add_sources(dir: &Path, sources: Vec<Source>) -> Result<Vec<(String, Added)>, IngestError> {
    let mut w = Corpus::open(dir)?.into_writer(|| {})?;
    let out = w.add(sources)?;
    w.finish()?;
    Ok(out)
}

/// The first bytes of a file, for format detection.
fn head(p: &Path) -> Vec<u8> {
    use std::io::Read;
    let mut buf = vec![0u8; 64 << 10];
    let n = std::fs::File::open(p).and_then(|mut f| f.read(&mut buf)).unwrap_or(0);
    buf.truncate(n);
    buf
}

fn collect(p: &Path, jobs: &mut Vec<Job>) -> Result<(), IngestError> {
    let meta = std::fs::metadata(p).map_err(|e| IngestError::Input(format!("{}: {e}", p.display())))?;
    if meta.is_file() {
        jobs.push(Job {
            file: p.to_path_buf(),
            name: p.to_string_lossy().into_owned(),
            entry: None,
            size: meta.len(),
            format: Format::Text,
        });
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(p)
        .map_err(|e| IngestError::Input(format!("{}: {e}", p.display())))?
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

/// One file read: its sources and the reader's warning, if it has one.
type Read = Result<(Vec<Source>, Option<String>), FormatError>;

/// Reads one file's sources, with the reader's warning if it has one.
fn read_job(j: &Job) -> Read {
    let (sources, warning) = verbatim_formats::read_file(&j.file, &j.name, j.format)?;
    let mut out = Vec::new();
    for s in sources {
        let mut s = s?;
        apply_job_entry(&mut s, j);
        out.push(s);
    }
    Ok((out, warning))
}

/// What a manifest line says of a file overrides what the reader found.
fn apply_job_entry(source: &mut Source, j: &Job) {
    if let Some(e) = &j.entry {
        apply_entry(source, e);
    }
}

/// What a manifest line (or a document's fields sent to the HTTP API) says
/// of a source overrides what the reader found: title, speaker, date,
/// outlet, url and kind.
pub fn apply_entry(source: &mut Source, e: &ManifestEntry) {
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
        source.kind = verbatim_model::SourceKind::parse(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_file_stops_after_what_came_before_is_committed() {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("in");
        std::fs::create_dir_all(&files).unwrap();
        std::fs::write(files.join("a.txt"), "Words of the first file, read and kept.").unwrap();
        std::fs::write(files.join("b.json"), "[{\"text\": ").unwrap();
        let corpus = dir.path().join("c");
        let mut events = Vec::new();
        let err = ingest(
            &corpus,
            &Request { commit_bytes: 1, ..Request::new(vec![files.join("a.txt"), files.join("b.json")]) },
            &mut |e| events.push(format!("{e:?}")),
        )
        .unwrap_err();
        assert!(err.is_input(), "{err}");
        let IngestError::Stopped { report, .. } = &err else { panic!("{err:?}") };
        assert_eq!((report.new, report.corpus.sources), (1, 1));
        assert!(err.to_string().contains("b.json"), "{err}");
        assert!(events[0].starts_with("Planned { files: 2"), "{events:?}");
        assert!(events.iter().any(|e| e.starts_with("Committed")), "{events:?}");
    }

    #[test]
    fn nothing_is_written_when_a_path_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("c");
        let err = ingest(&corpus, &Request::new(vec![dir.path().join("nope.txt")]), &mut |_| {}).unwrap_err();
        assert!(matches!(err, IngestError::Input(ref m) if m.contains("nope.txt")), "{err}");
        assert!(!corpus.exists());
        let err = ingest(&corpus, &Request::new(vec![]), &mut |_| {}).unwrap_err();
        assert!(err.is_input());
    }

    #[test]
    fn a_manifest_names_speakers_and_a_second_run_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("s.txt"), "Ask not what your country can do for you.").unwrap();
        std::fs::write(
            dir.path().join("m.jsonl"),
            "{\"path\": \"s.txt\", \"speaker\": \"John F. Kennedy\", \"date\": \"1961-01-20\"}\n",
        )
        .unwrap();
        let corpus = dir.path().join("c");
        let req = Request { manifest: Some(dir.path().join("m.jsonl")), ..Request::new(vec![]) };
        let r = ingest(&corpus, &req, &mut |_| {}).unwrap();
        assert_eq!((r.files, r.new, r.corpus.sources), (1, 1, 1));
        let c = Corpus::open(&corpus).unwrap();
        let row = &c.sources().unwrap()[0];
        assert_eq!(row.speaker.as_deref(), Some("John F. Kennedy"));
        let r = ingest(&corpus, &req, &mut |_| {}).unwrap();
        assert_eq!((r.new, r.unchanged), (0, 1));
    }
}
