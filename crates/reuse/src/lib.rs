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
//! seeds    per shard of the hash space: pairs of sources sharing a shingle
//!          or a run; shingles in too many sources are common (boilerplate)
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
    /// Measured on planted reuse (docs/REUSE.md). Beside each shingle, from
    /// four words up, the run of one word fewer in its order is a seed too
    /// (`seeds::run_words`).
    pub shingle: usize,
    /// A shingle or run held by more sources than this is common (a
    /// formula, a stock phrase) and links nothing; runs of common shingles
    /// are boilerplate, and a cluster of more sources than this is marked
    /// boilerplate.
    pub max_docs: usize,
    /// The most words between two seeds of one passage (in the first
    /// source): a changed word costs the shingles and runs over it, so
    /// this spans about two changes in a row.
    pub gap: usize,
    /// How far two consecutive seeds of one passage may move off their
    /// diagonal: words added, dropped or swapped between them.
    pub drift: usize,
    /// Shards of the shingle hash space, each one pass over the corpus;
    /// `None`: as many as keep one pass within [`Params::memory_mb`].
    pub shards: Option<u32>,
    /// Buckets of first sources the seeds are chained in, each one file;
    /// `None`: as many as keep one within [`Params::memory_mb`]. Like
    /// `shards`, a unit of work, not of meaning: the output is the same
    /// whatever their number.
    pub buckets: Option<u32>,
    /// The memory one shard pass or bucket may take, in MB, when `shards`
    /// or `buckets` is `None`.
    pub memory_mb: u64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_words: 10,
            shingle: 4,
            max_docs: 50,
            gap: 15,
            drift: 5,
            shards: None,
            buckets: None,
            memory_mb: 512,
        }
    }
}

/// The version of the work files' meaning (word ids, shingle hashes, shard
/// layout, and the rules that turn seeds into links): a run never reuses
/// files another version wrote. 2: the widening scores a shared word 2, and
/// a link may rest on three words in a row when its shared words stand in
/// order. 3: a stretch the generous widening makes too loose is widened
/// again strictly. 4: run seeds beside shingles, a chain kept when its
/// seeds cover more than one shingle, neighbours swapped counted in order,
/// and a short run's order read among the words around it. 5: a run is
/// sure at six words in a row without swaps. 6: a shingle's hash is even
/// and a run's odd, and common runs are not kept.
const WORK_VERSION: u32 = 6;

/// Bytes one word place takes in a shard pass: its two postings, a
/// shingle's and a run's (16 each), and the seeds they make (16 each, held
/// once). UNGDC made 1.8 seeds a shingle (58.5 million from 32.2 million
/// shingles) before run seeds, 48 bytes in all; the runs' postings and
/// seeds about double it, rounded up for corpora that repeat themselves
/// more.
const BYTES_PER_WORD: u64 = 112;

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
        if self.buckets == Some(0) {
            return Some("--buckets 0: give at least 1".into());
        }
        None
    }

    /// The number of shards for a corpus of `words` words.
    pub fn shards_for(&self, words: u64) -> u32 {
        self.shards.unwrap_or_else(|| {
            let budget = self.memory_mb.max(16) * 1_000_000;
            (words * BYTES_PER_WORD).div_ceil(budget).clamp(1, 4096) as u32
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
    /// Opened by [`Work::join`]: other runs may be taking steps beside it.
    shared: bool,
}

impl Work {
    /// Opens `corpus_dir/reuse` for a run that may change it, alone: keeps
    /// what an earlier run of the same corpus and parameters left there and
    /// clears the rest.
    pub fn open(corpus_dir: &Path, corpus: &Corpus, p: &Params) -> Result<Work> {
        let (dir, lock) = Self::lock(corpus_dir, false)?;
        let io = |e| ReuseError::Io { path: dir.clone(), source: e };
        let (corpus_key, had) = Self::state(&dir, corpus)?;
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
            std::fs::write(dir.join("state"), format!("{corpus_key}\n{}\n", p.fingerprint())).map_err(io)?;
        } else {
            // what a killed step left half written
            for e in std::fs::read_dir(&dir).map_err(io)?.flatten() {
                if e.file_name().to_string_lossy().contains(".part") {
                    std::fs::remove_file(e.path()).map_err(io)?;
                }
            }
        }
        Ok(Work { dir, _lock: lock, fresh_words: !same_corpus, shared: false })
    }

    /// Opens `corpus_dir/reuse` to take steps beside other runs (the tasks
    /// of a distributed run): it must have been prepared by [`Work::open`]
    /// for this corpus and these parameters, and is never cleared.
    pub fn join(corpus_dir: &Path, corpus: &Corpus, p: &Params) -> Result<Work> {
        let (dir, lock) = Self::lock(corpus_dir, true)?;
        let (corpus_key, had) = Self::state(&dir, corpus)?;
        if had != format!("{corpus_key}\n{}\n", p.fingerprint()) {
            return Err(ReuseError::Params(format!(
                "{}: prepared for another corpus or other parameters; run `verbatim reuse --plan` with these first",
                dir.display()
            )));
        }
        Ok(Work { dir, _lock: lock, fresh_words: false, shared: true })
    }

    /// The folder, created, and its lock taken: exclusive for a run that
    /// may clear or write the words, shared for steps.
    fn lock(corpus_dir: &Path, shared: bool) -> Result<(PathBuf, std::fs::File)> {
        let dir = corpus_dir.join("reuse");
        let io = |e| ReuseError::Io { path: dir.clone(), source: e };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let lock =
            std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(dir.join("lock")).map_err(io)?;
        let taken = if shared { lock.try_lock_shared() } else { lock.try_lock() };
        match taken {
            Ok(()) => Ok((dir, lock)),
            Err(std::fs::TryLockError::WouldBlock) => {
                Err(ReuseError::Params(format!("{}: another reuse run is working here", dir.display())))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
        }
    }

    /// The corpus's key (every source's id and hash) and the state file as
    /// an earlier run left it.
    fn state(dir: &Path, corpus: &Corpus) -> Result<(String, String)> {
        let mut h = blake3::Hasher::new();
        for r in corpus.sources()? {
            h.update(&r.id.to_le_bytes());
            h.update(r.hash.as_bytes());
        }
        let had = std::fs::read_to_string(dir.join("state")).unwrap_or_default();
        Ok((format!("corpus {}", h.finalize().to_hex()), had))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Finds every reused passage of the corpus: every shard and bucket that
/// an earlier or a distributed run has not left done, then the clusters.
pub fn find(corpus: &Corpus, work: &Work, p: &Params, on: &mut dyn FnMut(Event)) -> Result<Vec<ReuseCluster>> {
    Run::open(corpus, work, p, on)?.finish(on)
}

/// One run over a corpus's work folder: the word file open and the number
/// of shards fixed. Its steps can be taken one at a time, by separate
/// processes on separate machines sharing the folder (a distributed run,
/// see `spark/`): [`Run::shard`] for each shard, then [`Run::bucket`] for
/// each bucket, then [`Run::finish`], which takes any step still missing.
/// Every step writes one file, whole or not at all, so the steps may run
/// in any order, twice, or be interrupted; the output is the same.
pub struct Run<'a> {
    corpus: &'a Corpus,
    work: &'a Work,
    p: Params,
    rows: Vec<verbatim_store::SourceRow>,
    words: words::Words,
    shards: u32,
}

/// What one step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Seeds (a shard) or links (a bucket) in its file.
    pub items: u64,
    /// False when an earlier run had left the file.
    pub computed: bool,
}

impl<'a> Run<'a> {
    /// Opens the word file, tokenizing the corpus first unless a run of the
    /// same corpus left it (only a run holding the folder alone may; one
    /// that shares it needs the words ready).
    pub fn open(corpus: &'a Corpus, work: &'a Work, p: &Params, on: &mut dyn FnMut(Event)) -> Result<Run<'a>> {
        if let Some(msg) = p.check() {
            return Err(ReuseError::Params(msg));
        }
        let rows = corpus.sources()?;
        let words = if work.shared {
            words::Words::open_done(&work.dir, &rows)?.ok_or_else(|| {
                ReuseError::Params(format!(
                    "{}: the corpus's words are not ready; run `verbatim reuse --plan` first",
                    work.dir.display()
                ))
            })?
        } else {
            words::Words::build(corpus, &rows, &work.dir, !work.fresh_words, on)?
        };
        let shards = p.shards_for(words.total());
        Ok(Run { corpus, work, p: p.clone(), rows, words, shards })
    }

    /// The number of shards of the shingle hash space.
    pub fn shards(&self) -> u32 {
        self.shards
    }

    /// Sources and words of the corpus.
    pub fn size(&self) -> (usize, u64) {
        (self.words.docs.len(), self.words.total())
    }

    /// Computes shard `s`'s file, unless it is there.
    pub fn shard(&self, s: u32) -> Result<Step> {
        if s >= self.shards {
            return Err(ReuseError::Params(format!("shard {s}: this run has shards 0 to {}", self.shards - 1)));
        }
        let path = seeds::shard_path(&self.work.dir, s, self.shards);
        if path.is_file() {
            return Ok(Step { items: seeds::ShardReader::open(&path)?.remaining(), computed: false });
        }
        let shard = seeds::run_shard(&self.words, &self.p, s, self.shards);
        seeds::write_shard(&path, &shard)?;
        Ok(Step { items: shard.seeds.len() as u64, computed: true })
    }

    /// The shards not yet computed.
    pub fn missing_shards(&self) -> Vec<u32> {
        (0..self.shards).filter(|&s| !seeds::shard_path(&self.work.dir, s, self.shards).is_file()).collect()
    }

    fn shard_paths(&self) -> Result<Vec<PathBuf>> {
        let missing = self.missing_shards();
        if !missing.is_empty() {
            let list: Vec<String> = missing.iter().map(u32::to_string).collect();
            return Err(ReuseError::Params(format!(
                "{}: shards {} of {} are not computed yet",
                self.work.dir.display(),
                list.join(", "),
                self.shards
            )));
        }
        Ok((0..self.shards).map(|s| seeds::shard_path(&self.work.dir, s, self.shards)).collect())
    }

    /// The number of buckets of first sources the seeds are chained in:
    /// [`Params::buckets`], or as many as keep one within
    /// [`Params::memory_mb`]. Needs every shard.
    pub fn buckets(&self) -> Result<u32> {
        if let Some(b) = self.p.buckets {
            return Ok(b.min(self.words.docs.len().max(1) as u32));
        }
        let mut total = 0;
        for path in self.shard_paths()? {
            total += seeds::ShardReader::open(&path)?.remaining();
        }
        let budget = self.p.memory_mb.max(16) * 1_000_000;
        let docs = self.words.docs.len() as u64;
        Ok((total * BYTES_PER_SEED).div_ceil(budget).clamp(1, docs.max(1)) as u32)
    }

    /// The buckets not yet computed, of `buckets`.
    pub fn missing_buckets(&self, buckets: u32) -> Vec<u32> {
        (0..buckets).filter(|&k| !stretch::links_path(&self.work.dir, k, buckets).is_file()).collect()
    }

    /// Chains the seeds of bucket `k` of `buckets` (the pairs whose first
    /// source falls in the bucket's share of the sources) into links, and
    /// writes them to the bucket's file, unless it is there. Needs every
    /// shard.
    pub fn bucket(&self, k: u32, buckets: u32) -> Result<Step> {
        let (links, computed) = self.bucket_links(k, buckets)?;
        Ok(Step { items: links.len() as u64, computed })
    }

    /// Bucket `k`'s links: read from its file, or computed and written
    /// there (`true`).
    fn bucket_links(&self, k: u32, buckets: u32) -> Result<(Vec<stretch::Link>, bool)> {
        if k >= buckets {
            return Err(ReuseError::Params(format!("bucket {k}: this run has buckets 0 to {}", buckets - 1)));
        }
        let path = stretch::links_path(&self.work.dir, k, buckets);
        if path.is_file() {
            return Ok((stretch::read_links(&path)?, false));
        }
        let shards = self.shard_paths()?;
        let (lo, hi) = bucket_bounds(&shards[0], k, buckets, self.words.docs.len() as u32)?;
        // the bucket's seeds counted first, so that they are held once, in
        // a vector of exactly their size; one shard file open at a time
        let mut count = 0;
        for shard in &shards {
            count += seeds::ShardReader::open_range(shard, lo, hi)?.1;
        }
        let mut bucket: Vec<Seed> = Vec::with_capacity(count as usize);
        for shard in &shards {
            seeds::ShardReader::open_range(shard, lo, hi)?.0.read_below(hi, &mut bucket)?;
        }
        let links = chain(&self.words, &mut bucket, &self.p);
        drop(bucket);
        stretch::write_links(&path, &links)?;
        Ok((links, true))
    }

    /// Takes every step still missing, then joins the links into clusters,
    /// reports boilerplate and dates every cluster.
    pub fn finish(self, on: &mut dyn FnMut(Event)) -> Result<Vec<ReuseCluster>> {
        on(Event::Phase { name: "shards", total: self.shards as u64 });
        for s in 0..self.shards {
            self.shard(s)?;
            on(Event::Advance(1));
        }
        let buckets = self.buckets()?;
        on(Event::Phase { name: "links", total: buckets as u64 });
        let mut links = Vec::new();
        for k in 0..buckets {
            links.extend(self.bucket_links(k, buckets)?.0);
            on(Event::Advance(1));
        }
        let mut common = HashSet::new();
        for path in self.shard_paths()? {
            common.extend(seeds::ShardReader::open(&path)?.common()?);
        }
        on(Event::Phase { name: "clusters", total: 0 });
        let mut raws = cluster::from_links(&links, self.p.max_docs);
        drop(links);
        on(Event::Phase { name: "boilerplate", total: 0 });
        raws.extend(cluster::boilerplate(&self.words, &common, &self.p));
        order::date_clusters(raws, &self.words, &self.rows, self.corpus, on)
    }
}

/// Bytes a seed takes while its bucket is chained: itself (16, held once:
/// the bucket's vector is sized exactly, sorted in place) and room for the
/// links it makes and the buckets' unevenness.
const BYTES_PER_SEED: u64 = 24;

/// The first sources `lo..hi` of bucket `k` of `buckets`: cut where the
/// seeds are even, not the sources, since early sources are the first of
/// more pairs. Read from one shard's file (`first`): shards are random
/// shares of the hash space, so each holds seeds in about the same
/// proportions, and its seeds are sorted by first source, so the seed at
/// each k/buckets of the file names the cut. Any cut gives the same output.
fn bucket_bounds(first: &Path, k: u32, buckets: u32, docs: u32) -> Result<(u32, u32)> {
    let cut = |i: u32| -> Result<u32> {
        if i == 0 {
            return Ok(0);
        }
        if i >= buckets {
            return Ok(docs);
        }
        seeds::ShardReader::first_source_at(first, i as f64 / buckets as f64).map(|a| a.unwrap_or(docs).min(docs))
    };
    Ok((cut(k)?, cut(k + 1)?))
}

/// A file's temporary name while it is written: unique to the process, so
/// that two runs taking the same step at once (a retried or speculative
/// task) never write into one file; the last rename wins, and both wrote
/// the same.
fn part_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".part{}", std::process::id()));
    path.with_file_name(name)
}

/// Chains a bucket's seeds (any order; sorted and deduplicated here) into
/// links, one source pair at a time across the cores. Links come out in
/// order of source pair, so a bucket's file is the same however its seeds
/// arrived.
fn chain(words: &words::Words, bucket: &mut [Seed], p: &Params) -> Vec<stretch::Link> {
    bucket.par_sort_unstable();
    let n = dedup_sorted(bucket);
    let bucket = &bucket[..n];
    // one source pair a group
    let mut starts = vec![0];
    starts.extend((1..bucket.len()).filter(|&i| (bucket[i].a, bucket[i].b) != (bucket[i - 1].a, bucket[i - 1].b)));
    starts.push(bucket.len());
    starts.dedup();
    starts
        .par_windows(2)
        .with_min_len(256)
        .flat_map_iter(|w| {
            let s = &bucket[w[0]..w[1]];
            let (a, b) = (s[0].a, s[0].b);
            stretch::links(a, b, s, words.ids(a as usize), words.ids(b as usize), p)
        })
        .collect()
}

/// Moves the distinct values of a sorted slice to its front; returns how
/// many there are.
fn dedup_sorted<T: PartialEq + Copy>(v: &mut [T]) -> usize {
    let mut n = 0;
    for i in 0..v.len() {
        if n == 0 || v[i] != v[n - 1] {
            v[n] = v[i];
            n += 1;
        }
    }
    n
}
