//! Reuse across a whole corpus: every passage of at least
//! [`Params::min_words`] words that stands in more than one source, exactly
//! or with small changes, grouped into clusters, dated, the earliest own
//! witness marked as the origin and each later one linked to the witness it
//! most likely took the words from.
//!
//! The phases, each its own module:
//!
//! ```text
//! words    every source tokenized once into word ids (a memory-mapped file)
//! seeds    per shard of the shingle hash space: pairs of sources sharing a
//!          shingle; shingles in too many sources are common (boilerplate)
//! stretch  a pair's seeds chained along their diagonal into shared passages
//! cluster  passages joined into clusters; runs of common shingles reported
//!          once as boilerplate
//! order    members placed in bytes, dated, origin and `from` marked
//! ```
//!
//! Memory is bounded by the shard: a pass holds one shard's postings and
//! seeds (see [`Params::shards`]); the words are mapped, not read in. Work
//! lives in the corpus folder's `reuse/` folder, one file a finished phase
//! or shard, so an interrupted run restarts where it stopped; the files are
//! dropped when the corpus or the parameters change.
//!
//! Architecture invariant: this crate reads the corpus and writes only its
//! own work folder; the clusters it returns are stored by the caller
//! ([`verbatim_store::Writer::put_reuse`]). It does not know JSON.

mod cluster;
mod order;
mod seeds;
mod stretch;
mod words;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use verbatim_model::ReuseCluster;
use verbatim_store::Corpus;

use seeds::Seed;

/// What reuse looks for. Every number is a choice the output depends on,
/// so each is part of the work folder's fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    /// The fewest words a shared passage may have.
    pub min_words: usize,
    /// Words in a shingle, the unit two sources must share to be compared
    /// at all. A shingle is the *set* of its words, so words swapped inside
    /// it do not break it (order is checked when a stretch is kept, see
    /// `stretch`). Four: a passage with a fifth of its words changed and
    /// some swapped still shares a few (0.8⁴ of its shingles survive the
    /// changes alone, against 0.8⁵ for five), and chance shared sets of four
    /// words between unrelated texts rarely come two on one diagonal.
    /// Measured on planted reuse (docs/REUSE.md).
    pub shingle: usize,
    /// A shingle held by more sources than this is common (a formula, a
    /// stock phrase) and links nothing; runs of them are boilerplate, and a
    /// cluster of more sources than this is marked boilerplate.
    pub max_docs: usize,
    /// The most words between two seeds of one passage (in the first
    /// source): a changed word costs `shingle` seeds, so this spans about
    /// two changes in a row.
    pub gap: usize,
    /// How far two consecutive seeds of one passage may move off their
    /// diagonal: words added, dropped or swapped between them.
    pub drift: usize,
    /// Shards of the shingle hash space, each one pass over the corpus;
    /// `None`: as many as keep one pass within [`Params::memory_mb`].
    pub shards: Option<u32>,
    /// The memory one shard pass may take, in MB, when `shards` is `None`.
    pub memory_mb: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params { min_words: 10, shingle: 4, max_docs: 50, gap: 15, drift: 5, shards: None, memory_mb: 512 }
    }
}

/// The version of the work files' meaning (word ids, shingle hashes, shard
/// layout): a run never reuses files another version wrote.
const WORK_VERSION: u32 = 1;

/// Bytes one shingle takes in a shard pass: its posting (16) and room for
/// the sort and the seeds it may make.
const BYTES_PER_SHINGLE: u64 = 40;

impl Params {
    /// A clear complaint about a parameter that cannot work, or `None`.
    pub fn check(&self) -> Option<String> {
        if self.shingle < 2 {
            return Some(format!("shingle {}: give at least 2 words", self.shingle));
        }
        if self.min_words < self.shingle {
            return Some(format!("--min-words {}: give at least the shingle's {} words", self.min_words, self.shingle));
        }
        if self.max_docs < 2 {
            return Some(format!("max docs {}: a shingle must be allowed in 2 sources at least", self.max_docs));
        }
        if self.shards == Some(0) {
            return Some("--shards 0: give at least 1".into());
        }
        None
    }

    /// The number of shards for a corpus of `words` words.
    pub fn shards_for(&self, words: u64) -> u32 {
        self.shards.unwrap_or_else(|| {
            let budget = self.memory_mb.max(16) * 1_000_000;
            (words * BYTES_PER_SHINGLE).div_ceil(budget).clamp(1, 4096) as u32
        })
    }

    fn fingerprint(&self) -> String {
        format!(
            "v{WORK_VERSION} min_words={} shingle={} max_docs={} gap={} drift={}",
            self.min_words, self.shingle, self.max_docs, self.gap, self.drift
        )
    }
}

/// What the work is doing, for a progress bar.
#[derive(Debug, Clone)]
pub enum Event {
    /// A phase starts with this many steps.
    Phase { name: &'static str, total: u64 },
    /// Steps of the current phase done.
    Advance(u64),
}

#[derive(Debug, thiserror::Error)]
pub enum ReuseError {
    #[error(transparent)]
    Store(#[from] verbatim_store::StoreError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Corrupt(String),
    #[error("{0}: more than 4 billion words in one source")]
    TooLarge(String),
    #[error("{0}")]
    Params(String),
}

pub type Result<T> = std::result::Result<T, ReuseError>;

/// The work folder of a corpus, opened for one run: checked against the
/// corpus and parameters, cleared when they changed, and locked.
pub struct Work {
    dir: PathBuf,
    _lock: std::fs::File,
    fresh_words: bool,
}

impl Work {
    /// Opens `corpus_dir/reuse`, keeping what an earlier run of the same
    /// corpus and parameters left there.
    pub fn open(corpus_dir: &Path, corpus: &Corpus, p: &Params) -> Result<Work> {
        let dir = corpus_dir.join("reuse");
        let io = |e| ReuseError::Io { path: dir.clone(), source: e };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let lock =
            std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(dir.join("lock")).map_err(io)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(ReuseError::Params(format!("{}: another reuse run is working here", dir.display())))
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        let mut h = blake3::Hasher::new();
        for r in corpus.sources()? {
            h.update(&r.id.to_le_bytes());
            h.update(r.hash.as_bytes());
        }
        let corpus_key = format!("corpus {}", h.finalize().to_hex());
        let state = dir.join("state");
        let had = std::fs::read_to_string(&state).unwrap_or_default();
        let mut lines = had.lines();
        let same_corpus = lines.next() == Some(corpus_key.as_str());
        let same_params = lines.next() == Some(p.fingerprint().as_str());
        if !(same_corpus && same_params) {
            for e in std::fs::read_dir(&dir).map_err(io)?.flatten() {
                let name = e.file_name();
                if name != "lock" {
                    std::fs::remove_file(e.path()).map_err(io)?;
                }
            }
            std::fs::write(&state, format!("{corpus_key}\n{}\n", p.fingerprint())).map_err(io)?;
        }
        Ok(Work { dir, _lock: lock, fresh_words: !same_corpus })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Finds every reused passage of the corpus. With `only_shard`, computes
/// that one shard's file (for a distributed run) and returns no clusters.
pub fn find(
    corpus: &Corpus,
    work: &Work,
    p: &Params,
    only_shard: Option<u32>,
    on: &mut dyn FnMut(Event),
) -> Result<Vec<ReuseCluster>> {
    if let Some(msg) = p.check() {
        return Err(ReuseError::Params(msg));
    }
    let rows = corpus.sources()?;
    let words = words::Words::build(corpus, &rows, &work.dir, !work.fresh_words, on)?;
    let shards = p.shards_for(words.total());
    if let Some(s) = only_shard {
        if s >= shards {
            return Err(ReuseError::Params(format!("shard {s}: this run has shards 0 to {}", shards - 1)));
        }
        shard_file(&words, work, p, s, shards)?;
        return Ok(Vec::new());
    }
    on(Event::Phase { name: "shards", total: shards as u64 });
    let mut paths = Vec::with_capacity(shards as usize);
    for s in 0..shards {
        paths.push(shard_file(&words, work, p, s, shards)?);
        on(Event::Advance(1));
    }
    let (links, common) = merge(&words, &paths, p, on)?;
    on(Event::Phase { name: "clusters", total: 0 });
    let mut raws = cluster::from_links(&links, p.max_docs);
    drop(links);
    on(Event::Phase { name: "boilerplate", total: 0 });
    raws.extend(cluster::boilerplate(&words, &common, p));
    order::date_clusters(raws, &words, &rows, corpus, on)
}

fn shard_file(words: &words::Words, work: &Work, p: &Params, s: u32, shards: u32) -> Result<PathBuf> {
    let path = seeds::shard_path(&work.dir, s, shards);
    if !path.is_file() {
        let shard = seeds::run_shard(words, p, s, shards);
        seeds::write_shard(&path, &shard)?;
    }
    Ok(path)
}

/// Bytes a seed takes while its bucket is chained: itself (16) and the
/// sort's room.
const BYTES_PER_SEED: u64 = 40;

/// Reads the shards' seeds a bucket of first sources at a time (each shard
/// file is sorted by source pair, so each is read once, front to back),
/// sorts the bucket and chains each pair's seeds into links across the
/// cores. Buckets are as many as keep one within [`Params::memory_mb`].
/// Returns the links and the common hashes.
fn merge(
    words: &words::Words,
    paths: &[PathBuf],
    p: &Params,
    on: &mut dyn FnMut(Event),
) -> Result<(Vec<stretch::Link>, HashSet<u64>)> {
    let mut readers = paths.iter().map(|p| seeds::ShardReader::open(p)).collect::<Result<Vec<_>>>()?;
    let total: u64 = readers.iter().map(|r| r.remaining()).sum();
    let budget = p.memory_mb.max(16) * 1_000_000;
    let docs = words.docs.len() as u64;
    let buckets = (total * BYTES_PER_SEED).div_ceil(budget).clamp(1, docs.max(1));
    on(Event::Phase { name: "links", total: buckets });
    let mut links = Vec::new();
    let mut bucket: Vec<Seed> = Vec::new();
    for k in 1..=buckets {
        let hi = (k * docs / buckets) as u32;
        bucket.clear();
        for r in &mut readers {
            r.read_below(hi, &mut bucket)?;
        }
        bucket.par_sort_unstable();
        bucket.dedup();
        // one source pair a group
        let mut starts = vec![0];
        starts.extend((1..bucket.len()).filter(|&i| (bucket[i].a, bucket[i].b) != (bucket[i - 1].a, bucket[i - 1].b)));
        starts.push(bucket.len());
        let found: Vec<stretch::Link> = starts
            .par_windows(2)
            .with_min_len(256)
            .flat_map_iter(|w| {
                let s = &bucket[w[0]..w[1]];
                let (a, b) = (s[0].a, s[0].b);
                stretch::links(a, b, s, words.ids(a as usize), words.ids(b as usize), p)
            })
            .collect();
        links.extend(found);
        on(Event::Advance(1));
    }
    let mut common = HashSet::new();
    for r in readers {
        common.extend(r.common()?);
    }
    Ok((links, common))
}
