//! Seeds: places where two sources share a shingle (the set of
//! [`Params::shingle`] consecutive words) or a run (one word fewer, in
//! their order, see [`run_words`]), found one shard of the hash space at a
//! time.
//!
//! A shard pass hashes every shingle and run of the corpus, keeps those
//! whose hash falls in the shard, sorts them, and for each hash held by
//! between two and [`Params::max_docs`] sources emits a seed for every pair
//! of those sources. A hash in more sources than that is *common*: formula
//! or stock phrase, which would make pairs by the thousand and link nothing
//! worth linking; a common shingle's hash is kept so that runs of common
//! shingles can be reported as boilerplate (see `cluster`). Shards are independent: each
//! writes one file, sorted by source pair, and a finished file is not
//! computed again after an interruption. They are also the unit a
//! distributed run hands to its workers.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::words::Words;
use crate::{Params, Result, ReuseError};

/// A source may hold the same shingle several times (a refrain, a table);
/// past this many places in one source its repeats make no new seeds.
const REPEATS_PER_SOURCE: usize = 4;

/// One place two sources share a shingle or a run: source indices `a < b`
/// (into [`Words::docs`]) and its first word in each. Which of the two it
/// is, `stretch` reads off the words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seed {
    pub a: u32,
    pub b: u32,
    pub pa: u32,
    pub pb: u32,
}

impl Seed {
    fn key(self) -> u128 {
        (self.a as u128) << 96 | (self.b as u128) << 64 | (self.pa as u128) << 32 | self.pb as u128
    }
    fn from_key(k: u128) -> Seed {
        Seed { a: (k >> 96) as u32, b: (k >> 64) as u32, pa: (k >> 32) as u32, pb: k as u32 }
    }
}

/// The hash of `n` consecutive word ids. Stable across runs and machines:
/// shard files and a distributed run's partitions depend on it.
pub fn shingle_hash(ids: &[u32]) -> u64 {
    let mut h: u64 = 0x243f_6a88_85a3_08d3;
    let mut sorted = [0u32; 16];
    let k = ids.len().min(16);
    sorted[..k].copy_from_slice(&ids[..k]);
    sorted[..k].sort_unstable();
    for &w in &sorted[..k] {
        h = (h ^ w as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
    finish(h) & !1
}

/// splitmix64's finalizer: every input bit reaches the high bits that
/// choose the shard.
fn finish(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Words in a run seed for shingles of `n` words: one fewer, in order.
/// A copy with a fifth of its words changed and neighbours swapped often
/// keeps no set of `n` words on its diagonal, but two runs of `n - 1` words
/// in the same order. Shingles of fewer than four words make no runs.
pub fn run_words(n: usize) -> usize {
    n - 1
}

/// Whether shingles of `n` words come with run seeds (see [`run_words`]).
fn has_runs(n: usize) -> bool {
    n >= 4
}

/// The hash of a run: `ids` in their order. Odd, where a shingle's hash is
/// even ([`is_run`]), so that the two never share a hash and a common run
/// is not kept with the common shingles that boilerplate is read from.
pub fn run_hash(ids: &[u32]) -> u64 {
    let mut h: u64 = 0x1319_8a2e_0370_7344;
    for &w in ids {
        h = (h ^ w as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f).rotate_left(31);
    }
    finish(h) | 1
}

/// Whether a hash is a run's ([`run_hash`]), not a shingle's.
pub fn is_run(h: u64) -> bool {
    h & 1 == 1
}

/// The shard a shingle hash belongs to, of `shards`: its top bits scaled,
/// so shards are even in size whatever their number.
pub fn shard_of(h: u64, shards: u32) -> u32 {
    (((h >> 32) * shards as u64) >> 32) as u32
}

/// What one shard pass found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Shard {
    /// Sorted by source pair, then position.
    pub seeds: Vec<Seed>,
    /// Hashes of this shard held by more than `max_docs` sources, sorted.
    pub common: Vec<u64>,
}

/// Runs shard `shard` of `shards` over the whole corpus.
pub fn run_shard(words: &Words, p: &Params, shard: u32, shards: u32) -> Shard {
    let n = p.shingle;
    // (hash, source, position), packed so that one sort orders all three
    let mut postings: Vec<u128> = (0..words.docs.len())
        .into_par_iter()
        .fold(Vec::new, |mut out, d| {
            let ids = words.ids(d);
            if ids.len() >= n {
                for (pos, w) in ids.windows(n).enumerate() {
                    let h = shingle_hash(w);
                    if shard_of(h, shards) == shard {
                        out.push((h as u128) << 64 | (d as u128) << 32 | pos as u128);
                    }
                }
            }
            if has_runs(n) {
                for (pos, w) in ids.windows(run_words(n)).enumerate() {
                    let h = run_hash(w);
                    if shard_of(h, shards) == shard {
                        out.push((h as u128) << 64 | (d as u128) << 32 | pos as u128);
                    }
                }
            }
            out
        })
        .reduce(Vec::new, |mut a, mut b| {
            a.append(&mut b);
            a
        });
    postings.par_sort_unstable();
    // groups of one hash, cut into pieces that end on a group's end; each
    // piece's seeds counted first, then written into its own slice of one
    // vector, so that the seeds are held once (collecting pieces and joining
    // them would hold them twice at the peak)
    let bounds = group_bounds(&postings, 1 << 16);
    let counted: Vec<(usize, Vec<u64>)> = bounds
        .par_windows(2)
        .map(|w| {
            let mut n = 0;
            let common = seeds_of(&postings[w[0]..w[1]], p.max_docs, |_| n += 1);
            (n, common)
        })
        .collect();
    let mut seeds = vec![Seed::default(); counted.iter().map(|c| c.0).sum()];
    let mut slices = Vec::with_capacity(counted.len());
    let mut rest = &mut seeds[..];
    for (n, _) in &counted {
        let (head, tail) = rest.split_at_mut(*n);
        slices.push(head);
        rest = tail;
    }
    bounds.par_windows(2).zip(slices).for_each(|(w, out)| {
        let mut i = 0;
        seeds_of(&postings[w[0]..w[1]], p.max_docs, |s| {
            out[i] = s;
            i += 1;
        });
    });
    drop(postings);
    let mut common: Vec<u64> = counted.into_iter().flat_map(|c| c.1).collect();
    seeds.par_sort_unstable();
    seeds.dedup();
    common.sort_unstable();
    Shard { seeds, common }
}

/// Offsets that cut `postings` into pieces of about `size`, never inside
/// a run of one hash.
fn group_bounds(postings: &[u128], size: usize) -> Vec<usize> {
    let mut out = vec![0];
    let mut at = size;
    while at < postings.len() {
        let h = postings[at] >> 64;
        while at < postings.len() && postings[at] >> 64 == h {
            at += 1;
        }
        if at < postings.len() {
            out.push(at);
        }
        at += size;
    }
    out.push(postings.len());
    out.dedup();
    out
}

/// Calls `emit` with every seed of a run of postings (whole groups of one
/// hash, sorted) and returns the common hashes among them.
fn seeds_of(postings: &[u128], max_docs: usize, mut emit: impl FnMut(Seed)) -> Vec<u64> {
    let mut common = Vec::new();
    let mut i = 0;
    // (source, position) of the group, at most REPEATS_PER_SOURCE a source
    let mut group: Vec<(u32, u32)> = Vec::new();
    while i < postings.len() {
        let h = (postings[i] >> 64) as u64;
        group.clear();
        let mut docs = 0;
        let mut last = u32::MAX;
        let mut same = 0;
        while i < postings.len() && (postings[i] >> 64) as u64 == h {
            let d = (postings[i] >> 32) as u32;
            let pos = postings[i] as u32;
            if d != last {
                docs += 1;
                last = d;
                same = 0;
            }
            same += 1;
            if same <= REPEATS_PER_SOURCE {
                group.push((d, pos));
            }
            i += 1;
        }
        if docs > max_docs {
            if !is_run(h) {
                common.push(h);
            }
            continue;
        }
        if docs < 2 {
            continue;
        }
        for (x, &(a, pa)) in group.iter().enumerate() {
            for &(b, pb) in &group[x + 1..] {
                if a != b {
                    emit(Seed { a, b, pa, pb });
                }
            }
        }
    }
    common
}

const MAGIC: &[u8; 8] = b"VBREUSE1";
/// The magic and the seed count, before the seeds.
const HEADER: u64 = 16;

/// The file of shard `shard` of `shards` in `dir`.
pub fn shard_path(dir: &Path, shard: u32, shards: u32) -> PathBuf {
    dir.join(format!("shard-{shard:04}-of-{shards:04}.bin"))
}

/// Writes a shard's file whole or not at all (a temporary file, renamed).
pub fn write_shard(path: &Path, s: &Shard) -> Result<()> {
    let io = |e| ReuseError::Io { path: path.to_path_buf(), source: e };
    let tmp = crate::part_path(path);
    let mut out = BufWriter::with_capacity(1 << 20, File::create(&tmp).map_err(io)?);
    out.write_all(MAGIC).map_err(io)?;
    out.write_all(&(s.seeds.len() as u64).to_le_bytes()).map_err(io)?;
    for seed in &s.seeds {
        out.write_all(&seed.key().to_le_bytes()).map_err(io)?;
    }
    out.write_all(&(s.common.len() as u64).to_le_bytes()).map_err(io)?;
    for h in &s.common {
        out.write_all(&h.to_le_bytes()).map_err(io)?;
    }
    out.flush().map_err(io)?;
    out.into_inner().map_err(|e| io(e.into_error()))?.sync_all().map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// Seeds decoded from a shard file at a time (1 MB of file).
const READ_SEEDS: usize = 1 << 16;

/// A shard file, read as a stream of seeds (sorted) and then its common
/// hashes, so that merging many shards holds one buffer of each.
pub struct ShardReader {
    path: PathBuf,
    input: BufReader<File>,
    /// Seeds in the file not yet decoded.
    left: u64,
    buf: Vec<Seed>,
    at: usize,
    bytes: Vec<u8>,
}

impl ShardReader {
    pub fn open(path: &Path) -> Result<ShardReader> {
        let io = |e| ReuseError::Io { path: path.to_path_buf(), source: e };
        let mut input = BufReader::with_capacity(1 << 16, File::open(path).map_err(io)?);
        let mut magic = [0u8; 8];
        input.read_exact(&mut magic).map_err(io)?;
        if &magic != MAGIC {
            return Err(ReuseError::Corrupt(format!("{}: not a shard file", path.display())));
        }
        let mut n = [0u8; 8];
        input.read_exact(&mut n).map_err(io)?;
        Ok(ShardReader {
            path: path.to_path_buf(),
            input,
            left: u64::from_le_bytes(n),
            buf: Vec::new(),
            at: 0,
            bytes: Vec::new(),
        })
    }

    /// Opens a shard file at its first seed whose first source is `lo` or
    /// more, and counts the seeds from there whose first source is below
    /// `hi`: seeds are fixed-size records sorted by source pair, so this is
    /// two binary searches over the file, not a read of what comes before.
    pub fn open_range(path: &Path, lo: u32, hi: u32) -> Result<(ShardReader, u64)> {
        let mut r = Self::open(path)?;
        let io = |e| ReuseError::Io { path: path.to_path_buf(), source: e };
        let n = r.left;
        let first_at = |a: u32, r: &mut ShardReader| -> Result<u64> {
            let (mut lo, mut hi) = (0u64, n);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if r.first_source_of(mid)? < a {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            Ok(lo)
        };
        let start = first_at(lo, &mut r)?;
        let end = first_at(hi.max(lo), &mut r)?;
        r.input.seek(SeekFrom::Start(HEADER + start * 16)).map_err(io)?;
        r.left = n - start;
        Ok((r, end - start))
    }

    /// The first source of the seed at `share` (0 to 1) of the file, or
    /// `None` when it holds no seed.
    pub fn first_source_at(path: &Path, share: f64) -> Result<Option<u32>> {
        let mut r = Self::open(path)?;
        if r.left == 0 {
            return Ok(None);
        }
        let i = ((r.left as f64 * share) as u64).min(r.left - 1);
        r.first_source_of(i).map(Some)
    }

    /// The first source of seed `i` of the file, read where it stands (the
    /// seeds are fixed-size records); leaves the reader's place to be set.
    fn first_source_of(&mut self, i: u64) -> Result<u32> {
        let io = |e| ReuseError::Io { path: self.path.clone(), source: e };
        let file = self.input.get_mut();
        let mut record = [0u8; 16];
        file.seek(SeekFrom::Start(HEADER + i * 16)).map_err(io)?;
        file.read_exact(&mut record).map_err(io)?;
        Ok(Seed::from_key(u128::from_le_bytes(record)).a)
    }

    /// How many seeds the file holds that have not been read.
    pub fn remaining(&self) -> u64 {
        self.left + (self.buf.len() - self.at) as u64
    }

    fn refill(&mut self) -> Result<bool> {
        if self.at < self.buf.len() {
            return Ok(true);
        }
        if self.left == 0 {
            return Ok(false);
        }
        let n = (self.left as usize).min(READ_SEEDS);
        self.bytes.resize(n * 16, 0);
        self.input.read_exact(&mut self.bytes).map_err(|e| ReuseError::Io { path: self.path.clone(), source: e })?;
        self.buf.clear();
        self.buf.extend(
            self.bytes.chunks_exact(16).map(|c| Seed::from_key(u128::from_le_bytes(c.try_into().unwrap_or_default()))),
        );
        self.at = 0;
        self.left -= n as u64;
        Ok(true)
    }

    /// The next seed, or `None` after the last.
    #[cfg(test)]
    pub fn next_seed(&mut self) -> Result<Option<Seed>> {
        if !self.refill()? {
            return Ok(None);
        }
        self.at += 1;
        Ok(Some(self.buf[self.at - 1]))
    }

    /// Appends to `out` every next seed whose first source is below `a`.
    pub fn read_below(&mut self, a: u32, out: &mut Vec<Seed>) -> Result<()> {
        while self.refill()? {
            let rest = &self.buf[self.at..];
            let take = rest.partition_point(|s| s.a < a);
            out.extend_from_slice(&rest[..take]);
            self.at += take;
            if take < rest.len() {
                break;
            }
        }
        Ok(())
    }

    /// The common hashes, after every seed has been read.
    pub fn common(mut self) -> Result<Vec<u64>> {
        let io = |e| ReuseError::Io { path: self.path.clone(), source: e };
        // skip what was not read
        let skip = self.left * 16;
        std::io::copy(&mut (&mut self.input).take(skip), &mut std::io::sink()).map_err(io)?;
        let mut n = [0u8; 8];
        self.input.read_exact(&mut n).map_err(io)?;
        let n = u64::from_le_bytes(n);
        let mut out = Vec::with_capacity(n.min(1 << 24) as usize);
        let mut b = [0u8; 8];
        for _ in 0..n {
            self.input.read_exact(&mut b).map_err(io)?;
            out.push(u64::from_le_bytes(b));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(postings: &[u128], max_docs: usize) -> (Vec<Seed>, Vec<u64>) {
        let mut seeds = Vec::new();
        let common = seeds_of(postings, max_docs, |s| seeds.push(s));
        (seeds, common)
    }

    #[test]
    fn shards_cover_every_hash_once() {
        for h in [0u64, 1, u64::MAX, 0x8000_0000_0000_0000, shingle_hash(&[1, 2, 3])] {
            for shards in [1u32, 2, 3, 7, 64] {
                assert!(shard_of(h, shards) < shards);
            }
        }
    }

    #[test]
    fn a_run_hash_keeps_order_and_is_not_a_set_hash() {
        assert_ne!(run_hash(&[1, 2, 3]), run_hash(&[2, 1, 3]));
        assert_eq!(shingle_hash(&[1, 2, 3]), shingle_hash(&[2, 1, 3]));
        assert!(is_run(run_hash(&[1, 2, 3])) && !is_run(shingle_hash(&[1, 2, 3])));
        assert_eq!(run_words(4), 3);
        assert!(!has_runs(3));
    }

    #[test]
    fn a_hash_in_too_many_sources_is_common_and_makes_no_seeds() {
        let post = |h: u64, d: u32, p: u32| (h as u128) << 64 | (d as u128) << 32 | p as u128;
        // 8 a shingle's hash (even), 7 a run's: both common, only the
        // shingle's kept for boilerplate
        let mut v: Vec<u128> = (0..5).map(|d| post(8, d, d * 10)).collect();
        v.extend((0..5).map(|d| post(7, d, d * 10 + 1)));
        v.extend((0..2).map(|d| post(10, d, 3)));
        v.sort_unstable();
        let (seeds, common) = collect(&v, 4);
        assert_eq!(common, vec![8]);
        assert_eq!(seeds, vec![Seed { a: 0, b: 1, pa: 3, pb: 3 }]);
    }

    #[test]
    fn repeats_within_one_source_make_no_seed_with_itself() {
        let post = |d: u32, p: u32| (5u128) << 64 | (d as u128) << 32 | p as u128;
        let v = vec![post(0, 1), post(0, 50), post(1, 8)];
        let (seeds, _) = collect(&v, 10);
        assert_eq!(seeds, vec![Seed { a: 0, b: 1, pa: 1, pb: 8 }, Seed { a: 0, b: 1, pa: 50, pb: 8 }]);
    }

    #[test]
    fn a_shard_file_reads_back_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = shard_path(dir.path(), 1, 3);
        let s = Shard {
            seeds: vec![Seed { a: 0, b: 2, pa: 5, pb: 9 }, Seed { a: 1, b: 2, pa: 0, pb: u32::MAX }],
            common: vec![3, u64::MAX],
        };
        write_shard(&path, &s).unwrap();
        let mut r = ShardReader::open(&path).unwrap();
        let mut seeds = Vec::new();
        while let Some(x) = r.next_seed().unwrap() {
            seeds.push(x);
        }
        assert_eq!(seeds, s.seeds);
        let r = ShardReader::open(&path).unwrap();
        assert_eq!(r.common().unwrap(), s.common);
    }

    #[test]
    fn a_shard_file_opened_from_a_source_skips_the_pairs_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = shard_path(dir.path(), 0, 1);
        let seeds: Vec<Seed> = [(0, 1), (0, 3), (2, 3), (2, 5), (2, 5), (4, 5)]
            .iter()
            .map(|&(a, b)| Seed { a, b, pa: a, pb: b })
            .collect();
        write_shard(&path, &Shard { seeds: seeds.clone(), common: vec![11] }).unwrap();
        for (from, below, want) in [(0, 1, 0..2), (1, 3, 2..5), (2, 3, 2..5), (3, 9, 5..6), (5, 9, 6..6), (0, 9, 0..6)]
        {
            let (mut r, count) = ShardReader::open_range(&path, from, below).unwrap();
            let mut got = Vec::new();
            r.read_below(below, &mut got).unwrap();
            assert_eq!(got, seeds[want.clone()], "from {from} below {below}");
            assert_eq!(count as usize, want.len());
        }
        // the common hashes are still found after a partial read
        let (mut r, _) = ShardReader::open_range(&path, 2, 3).unwrap();
        r.read_below(3, &mut Vec::new()).unwrap();
        assert_eq!(r.common().unwrap(), vec![11]);
    }
}
