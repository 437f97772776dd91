//! The corpus folder: the record and the index derived from it.
//!
//! ```text
//! DIR/record.sqlite   the record: every source's exact text, metadata,
//!                     content hash, quotations and reported spans (open it
//!                     with any SQLite tool)
//!                     and the reuse clusters (`verbatim-reuse`)
//! DIR/reuse/          reuse's work files, kept so that a stopped run
//!                     resumes (may be deleted)
//! DIR/index/          tantivy: one document per passage (a window of words),
//!                     its word-bigram shingles, source id and byte range
//! DIR/write.lock      held by the one writer
//! ```
//!
//! The record is the truth; the index can be deleted and is rebuilt from it.
//! Ingest commits in batches, always the record first: a source is written
//! with `indexed = 0`, then the index commits, then the source is marked
//! indexed. Whatever an interruption leaves (sources not yet indexed, index
//! entries of replaced sources) is repaired the next time a writer opens the
//! corpus, so the index never claims what the record does not hold.

mod index;
mod record;

pub use index::{PassageHit, PASSAGE_WORDS};
pub use record::{SourceRow, Stats};

use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use verbatim_model::{Quotation, ReuseCluster, Source};

/// A stretch of a source that the source gives as someone else's words: a
/// quotation in marks, a block quotation, or words reported without marks
/// after "As X said,", with the speaker the text names for it (who speaks
/// where). Found at ingest by the same reader of running
/// text that `check` uses ([`verbatim_prose::quotations`]), kept in the
/// record's `reported` table. Offsets are bytes of the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    /// The quoted words, without their marks.
    pub start: usize,
    pub end: usize,
    /// From the opening mark to the closing one.
    pub open: usize,
    pub close: usize,
    pub block: bool,
    /// The person the text names as the speaker (a pronoun resolved to the
    /// name before it), as the text spells it; `None` when no cue names one.
    pub speaker: Option<String>,
    /// Where the text names the speaker.
    pub mention: Option<Range<usize>>,
    /// The words that give the speaker ("said", "according to", a dash).
    pub cue: Option<Range<usize>>,
}

/// The reported spans of a text (see [`Reported`]): quotations in marks and
/// block quotations, and words reported without marks ("As Jefferson
/// wrote, …") where no marked span covers them; in order of `start`.
pub fn reported_spans(text: &str) -> Vec<Reported> {
    let mut out: Vec<Reported> = verbatim_prose::quotations(text)
        .into_iter()
        .map(|q| Reported {
            start: q.inner.start,
            end: q.inner.end,
            open: q.outer.start,
            close: q.outer.end,
            block: q.block,
            speaker: q.speaker.as_ref().and_then(|s| s.name.clone()),
            mention: q.speaker.as_ref().map(|s| s.mention.clone()),
            cue: q.speaker.map(|s| s.cue),
        })
        .collect();
    let marked = out.len();
    for u in verbatim_prose::unmarked(text) {
        if out[..marked].iter().any(|r| r.open < u.words.end && u.words.start < r.close) {
            continue;
        }
        out.push(Reported {
            start: u.words.start,
            end: u.words.end,
            open: u.words.start,
            close: u.words.end,
            block: false,
            speaker: Some(text[u.mention.clone()].to_string()),
            mention: Some(u.mention),
            cue: Some(u.cue),
        });
    }
    out.sort_by_key(|r| r.start);
    out
}

/// A failure of the corpus folder, with what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("corpus {dir}: {what}: {source}")]
    Sql { dir: PathBuf, what: &'static str, source: rusqlite::Error },
    #[error("corpus {dir}: index: {source}")]
    Index { dir: PathBuf, source: tantivy::TantivyError },
    #[error("corpus {dir}: {source}")]
    Io { dir: PathBuf, source: std::io::Error },
    #[error("corpus {dir}: {msg}")]
    Other { dir: PathBuf, msg: String },
    /// The index folder holds an index another version of verbatim wrote
    /// (another schema). It is derived from the record and rebuilt by the
    /// process that takes the write lock; this error means another process
    /// held it.
    #[error(
        "corpus {dir}: the index was written by another version of verbatim and is rebuilt from the record when \
         the corpus is opened with no writer at work; another process is writing to it now: try again when it ends"
    )]
    StaleIndex { dir: PathBuf },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The corpus folder used when none is given: `$VERBATIM_CORPUS`, else
/// `verbatim/corpus` in the per-user data folder
/// (`~/.local/share/verbatim/corpus` on Linux). `None` on a system with no
/// such folder. Every front end (the command line, the Python package)
/// resolves the default here, so that they find the same corpus.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("VERBATIM_CORPUS").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    Some(dirs::data_dir()?.join("verbatim").join("corpus"))
}

/// An open corpus, for reading. Any number may be open at once.
pub struct Corpus {
    dir: PathBuf,
    record: record::Record,
    index: index::PassageIndex,
}

/// What happened to one source offered to [`Writer::add`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// New in the corpus.
    New,
    /// The same path held other text: the old source was replaced.
    Replaced,
    /// The same path held the same text: only metadata, if any, was refreshed.
    Unchanged,
}

impl Corpus {
    /// Opens (creating if needed) the corpus in `dir`. When no writer holds
    /// the corpus, anything an interrupted ingest left unindexed is indexed now.
    pub fn open(dir: &Path) -> Result<Corpus> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Io { dir: dir.to_path_buf(), source: e })?;
        let record = record::Record::open(dir)?;
        // the index is derived from the record, so one another version
        // wrote is dropped and rebuilt; only under the write lock, so that
        // no writer of this version is at work in the folder meanwhile
        let mut lock = None;
        let index = match index::PassageIndex::open(dir) {
            Err(StoreError::StaleIndex { .. }) => {
                lock = try_lock(dir)?;
                if lock.is_none() {
                    return Err(StoreError::StaleIndex { dir: dir.to_path_buf() });
                }
                index::remove(dir)?;
                index::PassageIndex::open(dir)?
            }
            other => other?,
        };
        let mut corpus = Corpus { dir: dir.to_path_buf(), record, index };
        // an empty index over a record with sources (the index folder was
        // deleted, lost or stale): everything is indexed again, by the
        // holder of the write lock (a writer at work marks what it indexes)
        let empty = corpus.index.num_docs() == 0 && corpus.record.stats()?.sources > 0;
        if empty || corpus.record.needs_repair()? {
            if lock.is_none() {
                lock = try_lock(dir)?;
            }
            if let Some(lock) = lock {
                if empty {
                    corpus.record.mark_all_unindexed()?;
                }
                let mut w = Writer::with_lock(corpus, lock)?;
                w.repair()?;
                return w.finish();
            }
        }
        Ok(corpus)
    }

    /// Sees what other processes (or a writer in this one) committed since
    /// this corpus was opened. The record always reads the latest; the
    /// index reader moves only when asked.
    pub fn refresh(&self) {
        self.index.reload();
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Takes the write lock and returns a writer. Waits while another writer
    /// holds it, calling `waiting` once first.
    pub fn into_writer(self, waiting: impl FnOnce()) -> Result<Writer> {
        let lock = match try_lock(&self.dir)? {
            Some(l) => l,
            None => {
                waiting();
                let f = lock_file(&self.dir)?;
                f.lock().map_err(|e| StoreError::Io { dir: self.dir.clone(), source: e })?;
                f
            }
        };
        let mut w = Writer::with_lock(self, lock)?;
        w.repair()?;
        Ok(w)
    }

    /// Passages sharing the most (and rarest) shingles with `shingles`.
    pub fn search(&self, shingles: &[String], limit: usize) -> Result<Vec<PassageHit>> {
        self.index.search(shingles, limit).map_err(|e| StoreError::Index { dir: self.dir.clone(), source: e })
    }

    pub fn source(&self, id: i64) -> Result<Option<SourceRow>> {
        self.record.source(id)
    }

    /// Bytes `start..end` of a source's text, widened or narrowed to char
    /// boundaries: returns the text and the offset it actually starts at.
    pub fn text_range(&self, id: i64, start: usize, end: usize) -> Result<Option<(usize, String)>> {
        self.record.text_range(id, start, end)
    }

    pub fn text(&self, id: i64) -> Result<Option<String>> {
        self.record.text(id)
    }

    /// Quotations recorded inside a source, in order of `start`.
    pub fn quotations(&self, id: i64) -> Result<Vec<Quotation>> {
        self.record.quotations(id)
    }

    /// The spans a source gives as someone's words, in order of `start`.
    pub fn reported(&self, id: i64) -> Result<Vec<Reported>> {
        self.record.reported(id)
    }

    /// Every name the record holds for a person: `(name, true)` for source
    /// speakers, quotation credits and names of misattributions (the
    /// record's metadata), `(name, false)` for speakers of reported spans
    /// (as the texts spell them).
    pub fn people(&self) -> Result<Vec<(String, bool)>> {
        self.record.people()
    }

    pub fn sources(&self) -> Result<Vec<SourceRow>> {
        self.record.sources()
    }

    /// The reuse clusters (see `verbatim-reuse`) with a member overlapping
    /// bytes `start..end` of a source.
    pub fn reuse_at(&self, source_id: i64, start: usize, end: usize) -> Result<Vec<ReuseCluster>> {
        self.record.reuse_at(source_id, start, end)
    }

    /// How many reuse clusters the record holds.
    pub fn reuse_count(&self) -> Result<u64> {
        self.record.reuse_count()
    }

    /// The sources that hold exactly this text (a document being checked
    /// may itself be in the corpus).
    pub fn sources_with_text(&self, text: &str) -> Result<Vec<i64>> {
        self.record.with_hash(blake3::hash(text.as_bytes()).to_hex().as_ref())
    }

    pub fn stats(&self) -> Result<Stats> {
        let mut s = self.record.stats()?;
        s.passages = self.index.num_docs();
        s.index_bytes = dir_size(&self.dir.join("index"));
        s.record_bytes = std::fs::metadata(self.dir.join("record.sqlite")).map(|m| m.len()).unwrap_or(0);
        Ok(s)
    }
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| rd.filter_map(|e| e.ok()).filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum())
        .unwrap_or(0)
}

fn lock_file(dir: &Path) -> Result<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("write.lock"))
        .map_err(|e| StoreError::Io { dir: dir.to_path_buf(), source: e })
}

fn try_lock(dir: &Path) -> Result<Option<File>> {
    let f = lock_file(dir)?;
    // std's advisory file lock (flock on Unix, LockFileEx on Windows)
    match f.try_lock() {
        Ok(()) => Ok(Some(f)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(StoreError::Io { dir: dir.to_path_buf(), source: e }),
    }
}

/// The one writer of a corpus. Sources are added in batches; nothing is
/// visible to readers, or durable, before [`Writer::commit`].
pub struct Writer {
    corpus: Corpus,
    index_writer: index::PassageWriter,
    _lock: File,
    pending: usize,
}

impl Writer {
    fn with_lock(corpus: Corpus, lock: File) -> Result<Writer> {
        let index_writer =
            corpus.index.writer().map_err(|e| StoreError::Index { dir: corpus.dir.clone(), source: e })?;
        Ok(Writer { corpus, index_writer, _lock: lock, pending: 0 })
    }

    /// Indexes what the record holds but the index does not, and removes
    /// from the index what the record replaced.
    fn repair(&mut self) -> Result<()> {
        let dir = self.corpus.dir.clone();
        let deletes = self.corpus.record.pending_deletes()?;
        for id in &deletes {
            self.index_writer.delete_source(*id);
        }
        if self.corpus.record.reported_pending()? {
            // an older record: read every source for reported spans, in batches
            let ids = self.corpus.record.source_ids()?;
            for chunk in ids.chunks(256) {
                let mut texts = Vec::with_capacity(chunk.len());
                for id in chunk {
                    if let Some(t) = self.corpus.record.text(*id)? {
                        texts.push((*id, t));
                    }
                }
                let spans: Vec<(i64, Vec<Reported>)> =
                    texts.par_iter().map(|(id, t)| (*id, reported_spans(t))).collect();
                self.corpus.record.put_reported(&spans, false)?;
            }
            self.corpus.record.put_reported(&[], true)?;
        }
        let unindexed = self.corpus.record.unindexed()?;
        for id in &unindexed {
            // a half-indexed source may have passages in the index already
            self.index_writer.delete_source(*id);
            if let Some(text) = self.corpus.record.text(*id)? {
                self.index_writer
                    .add_source(*id, &text)
                    .map_err(|e| StoreError::Index { dir: dir.clone(), source: e })?;
            }
        }
        if !deletes.is_empty() || !unindexed.is_empty() {
            self.commit_index()?;
        }
        Ok(())
    }

    /// Adds a batch of sources to the record and the index (uncommitted).
    /// Tokenizing runs in parallel across the batch.
    pub fn add(&mut self, sources: Vec<Source>) -> Result<Vec<(String, Added)>> {
        let dir = self.corpus.dir.clone();
        // who speaks where is read with the hash, in parallel across the batch
        let hashed: Vec<(Source, String, Vec<Reported>)> = sources
            .into_par_iter()
            .map(|s| {
                let h = blake3::hash(s.text.as_bytes()).to_hex().to_string();
                let r = reported_spans(&s.text);
                (s, h, r)
            })
            .collect();
        let outcomes = self.corpus.record.put_batch(&hashed)?;
        // replaced sources leave the index with this commit
        if outcomes.iter().any(|(a, _)| *a == Added::Replaced) {
            for id in self.corpus.record.pending_deletes()? {
                self.index_writer.delete_source(id);
            }
        }
        let mut results = Vec::with_capacity(hashed.len());
        let mut to_index = Vec::new();
        for ((s, _, _), (outcome, id)) in hashed.into_iter().zip(outcomes) {
            if outcome != Added::Unchanged {
                to_index.push((id, s.text));
            }
            results.push((s.path, outcome));
        }
        let docs = index::PassageWriter::build_docs(&self.index_writer, &to_index);
        for d in docs {
            self.index_writer.add_doc(d).map_err(|e| StoreError::Index { dir: dir.clone(), source: e })?;
        }
        self.pending += to_index.len();
        Ok(results)
    }

    fn commit_index(&mut self) -> Result<()> {
        let dir = self.corpus.dir.clone();
        self.index_writer.commit().map_err(|e| StoreError::Index { dir, source: e })?;
        self.corpus.record.mark_indexed()?;
        self.corpus.index.reload();
        Ok(())
    }

    /// Makes everything added so far durable and visible, record first.
    pub fn commit(&mut self) -> Result<()> {
        self.commit_index()?;
        self.pending = 0;
        Ok(())
    }

    /// Replaces the record's reuse clusters with `clusters` (one
    /// transaction: a reader sees the old set or the new one).
    pub fn put_reuse(&mut self, clusters: &[ReuseCluster]) -> Result<()> {
        self.corpus.record.put_reuse(clusters)
    }

    /// Sources added since the last commit.
    pub fn pending(&self) -> usize {
        self.pending
    }

    /// Commits and returns the corpus for reading (the lock is released).
    pub fn finish(mut self) -> Result<Corpus> {
        self.commit()?;
        self.index_writer.wait()?;
        Ok(self.corpus)
    }
}

impl index::PassageWriter {
    fn wait(self) -> Result<()> {
        self.close();
        Ok(())
    }
}
