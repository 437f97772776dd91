//! Stretches: the seeds two sources share, chained into the passages they
//! have in common.
//!
//! Seeds of one passage lie near one diagonal (position in one source minus
//! position in the other): consecutive, when the words are the same; a few
//! words apart where a word was changed (every shingle over the change is
//! lost); a word or two off the diagonal where words were added, dropped or
//! swapped. A chain takes the next seed when it starts at most
//! [`Params::gap`] words after the chain's last in the first source and
//! moves by about as much (within [`Params::drift`]) in the second. The
//! chain is then widened word by word at both ends, since a change within
//! [`Params::shingle`] words of an end leaves no shingle there.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::{Params, Result, ReuseError, Seed};

/// A passage two sources share: word ranges `a0..a1` of source `a` and
/// `b0..b1` of source `b` (indices into [`crate::words::Words::docs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Link {
    pub a: u32,
    pub a0: u32,
    pub a1: u32,
    pub b: u32,
    pub b0: u32,
    pub b1: u32,
}

#[derive(Debug, Clone)]
struct Chain {
    first_a: u32,
    last_a: u32,
    last_b: u32,
    min_b: u32,
    /// One past the last word its seeds cover, in each source.
    end_a: u32,
    end_b: u32,
}

/// The links between sources `a` and `b` from their seeds (sorted by
/// position in `a`, then in `b`); `wa` and `wb` are their word ids.
pub fn links(a: u32, b: u32, seeds: &[Seed], wa: &[u32], wb: &[u32], p: &Params) -> Vec<Link> {
    let n = p.shingle;
    let mut open: Vec<Chain> = Vec::new();
    let mut closed: Vec<Chain> = Vec::new();
    for s in seeds {
        let (pa, pb) = (s.pa, s.pb);
        let mut i = 0;
        while i < open.len() {
            if pa - open[i].last_a > p.gap as u32 {
                closed.push(open.swap_remove(i));
            } else {
                i += 1;
            }
        }
        let mut best: Option<(usize, u32)> = None;
        for (i, c) in open.iter().enumerate() {
            if pa <= c.last_a || pb <= c.last_b {
                continue;
            }
            let da = pa - c.last_a;
            let db = pb - c.last_b;
            let off = da.abs_diff(db);
            if off > p.drift as u32 || db > p.gap as u32 + p.drift as u32 {
                continue;
            }
            if best.is_none_or(|(_, o)| off < o) {
                best = Some((i, off));
            }
        }
        let width = seed_width(wa, wb, pa as usize, pb as usize, n) as u32;
        match best {
            Some((i, _)) => {
                let c = &mut open[i];
                c.last_a = pa;
                c.last_b = pb;
                c.min_b = c.min_b.min(pb);
                c.end_a = c.end_a.max(pa + width);
                c.end_b = c.end_b.max(pb + width);
            }
            None => open.push(Chain {
                first_a: pa,
                last_a: pa,
                last_b: pb,
                min_b: pb,
                end_a: pa + width,
                end_b: pb + width,
            }),
        }
    }
    closed.append(&mut open);
    let mut out: Vec<Link> = closed
        .into_iter()
        .filter_map(|c| {
            if c.end_a - c.first_a <= n as u32 {
                return None;
            }
            // the generous widening first; where the stretch it makes is
            // refused (it ran on into a tail that shares too few words), the
            // strict one, which stops where the tail begins
            [HIT, STRICT_HIT].into_iter().find_map(|hit| {
                let (mut a0, mut a1) = (c.first_a, c.end_a);
                let (mut b0, mut b1) = (c.min_b, c.end_b);
                widen(wa, wb, hit, &mut a0, &mut b0, &mut a1, &mut b1);
                let keep = holds_passage(
                    &wa[a0 as usize..a1 as usize],
                    &wb[b0 as usize..b1 as usize],
                    p.min_words,
                    (around(wa, a0, a1), around(wb, b0, b1)),
                );
                keep.then_some(Link { a, a0, a1, b, b0, b1 })
            })
        })
        .collect();
    out.sort_unstable();
    // two chains that grew into the same passage are one link
    out.dedup_by(|x, y| {
        x.a0 < y.a1 && y.a0 < x.a1 && x.b0 < y.b1 && y.b0 < x.b1 && {
            y.a0 = y.a0.min(x.a0);
            y.a1 = y.a1.max(x.a1);
            y.b0 = y.b0.min(x.b0);
            y.b1 = y.b1.max(x.b1);
            true
        }
    });
    out
}

const MAGIC: &[u8; 8] = b"VBLINKS1";

/// The file of bucket `k` of `buckets` in `dir`.
pub fn links_path(dir: &Path, k: u32, buckets: u32) -> PathBuf {
    dir.join(format!("links-{k:04}-of-{buckets:04}.bin"))
}

/// Writes a bucket's links whole or not at all (a temporary file, renamed).
pub fn write_links(path: &Path, links: &[Link]) -> Result<()> {
    let io = |e| ReuseError::Io { path: path.to_path_buf(), source: e };
    let tmp = crate::part_path(path);
    let mut out = BufWriter::with_capacity(1 << 20, File::create(&tmp).map_err(io)?);
    out.write_all(MAGIC).map_err(io)?;
    out.write_all(&(links.len() as u64).to_le_bytes()).map_err(io)?;
    for l in links {
        for x in [l.a, l.a0, l.a1, l.b, l.b0, l.b1] {
            out.write_all(&x.to_le_bytes()).map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    out.into_inner().map_err(|e| io(e.into_error()))?.sync_all().map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// Reads a bucket's links back.
pub fn read_links(path: &Path) -> Result<Vec<Link>> {
    let bytes = std::fs::read(path).map_err(|e| ReuseError::Io { path: path.to_path_buf(), source: e })?;
    let corrupt = || ReuseError::Corrupt(format!("{}: not a links file", path.display()));
    let (head, body) = bytes.split_at_checked(16).ok_or_else(corrupt)?;
    if &head[..8] != MAGIC {
        return Err(corrupt());
    }
    let n = u64::from_le_bytes(head[8..16].try_into().map_err(|_| corrupt())?);
    if body.len() as u64 != n * 24 {
        return Err(corrupt());
    }
    let x = |c: &[u8], i: usize| u32::from_le_bytes([c[i], c[i + 1], c[i + 2], c[i + 3]]);
    Ok(body
        .chunks_exact(24)
        .map(|c| Link { a: x(c, 0), a0: x(c, 4), a1: x(c, 8), b: x(c, 12), b0: x(c, 16), b1: x(c, 20) })
        .collect())
}

/// Whether stretches `x` and `y` (word ids) share a passage of at least
/// `min_words` words: enough words in order, most of what they share in
/// order, enough distinct words, and a few in a row (the rules below).
/// `around` is each stretch with the words on either side of it, read when
/// the stretch's order is too short to be sure of ([`SURE_RUN`]).
fn holds_passage(x: &[u32], y: &[u32], min_words: usize, around: (&[u32], &[u32])) -> bool {
    let span = x.len().min(y.len());
    let longer = x.len().max(y.len());
    if span < min_words {
        return false;
    }
    let once = Once::new(x, y);
    let matched = in_order(x, y, &once) as usize;
    if matched < min_words || matched * MATCHED_DEN < longer * MATCHED_NUM {
        return false;
    }
    let (bag, distinct) = shared(x, y);
    if matched * ORDERED_DEN < bag * ORDERED_NUM || distinct * DISTINCT_DEN < min_words * DISTINCT_NUM {
        return false;
    }
    longest_run(x, y, None) >= SURE_RUN
        || (longest_run(x, y, Some(&once)) >= MIN_RUN && in_order_around(x, y, around, matched, bag))
}

/// A stretch is kept when at least this share of its words (of the longer
/// side) are the other side's words in the same order: 0.6. Words shared
/// out of order do not count, so two texts that hold the same words
/// shuffled (which share shingles, a shingle being a set of words) make no
/// passage: the longest run of words two random orders of n words share is
/// about 2√n, under half of 10 words and falling.
const MATCHED_NUM: usize = 3;
const MATCHED_DEN: usize = 5;

/// Of the words two sides of a stretch share (counted as bags, order
/// aside), at least this share stand in the same order: 4/5. A copy whose
/// words were changed shares fewer words, but nearly all of them in order
/// (two neighbours swapped count as in order, see [`in_order`]); two texts
/// that hold the same words in another order share them all, and few of
/// them in order.
const ORDERED_NUM: usize = 4;
const ORDERED_DEN: usize = 5;

/// A stretch shares at least this share of `min_words` as distinct words:
/// 7/10. Words that repeat ("something ... something something") pair up
/// in order by chance between two shufflings of them, so a stretch made
/// of a few words said again and again is weak evidence of a passage.
const DISTINCT_NUM: usize = 7;
const DISTINCT_DEN: usize = 10;

/// The words `x` and `y` share: as bags (each word as often as it stands in
/// both) and as sets (each word once).
fn shared(x: &[u32], y: &[u32]) -> (usize, usize) {
    let (mut x, mut y) = (x.to_vec(), y.to_vec());
    x.sort_unstable();
    y.sort_unstable();
    let (mut i, mut j, mut bag, mut distinct) = (0, 0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                distinct += usize::from(bag == 0 || x[i] != x[i - 1]);
                bag += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (bag, distinct)
}

/// A stretch holds at least this many words in a row that stand in the same
/// order in both sources (neighbours swapped counting as in order): a
/// passage is words in order, and texts that share only words scattered in
/// another order share vocabulary, not a passage. Three, not four: a copy
/// with a fifth of its words changed and neighbours swapped often keeps no
/// four in a row; texts that merely share vocabulary are refused by the
/// in-order rules above.
const MIN_RUN: usize = 3;

/// A stretch with this many words in a row in the same order (no swaps
/// counted) is sure; a shorter run is also asked to keep its order among
/// the words around it ([`in_order_around`]). Two orderings of the same
/// words, each drawn at random, share a run of three in order about once in
/// ten pairs of fifteen-word texts, and a run of six practically never;
/// with swaps counted, a run of six came by chance on the planted control
/// ("learn who the anyone, hearts, people" against "learn the who anyone,
/// hearts, people").
const SURE_RUN: usize = 6;

/// Whether the words of `x` that `y` holds just outside its stretch (and
/// the other way round) leave most of the shared words in order: the
/// [`ORDERED_NUM`] rule again, with those words counted as shared. A copy
/// stands among words of its own, which share few words with the passage;
/// a chance ordering of a text's words inside a longer run of the same
/// words in another order (two texts holding one vocabulary shuffled) has
/// the rest of those words right beside it. `around` is each stretch with
/// half its length more on either side (at least [`AROUND_MIN`] words).
fn in_order_around(x: &[u32], y: &[u32], around: (&[u32], &[u32]), matched: usize, bag: usize) -> bool {
    let beside_y = shared(x, around.1).0.saturating_sub(bag);
    let beside_x = shared(around.0, y).0.saturating_sub(bag);
    matched * ORDERED_DEN >= (bag + beside_x.max(beside_y)) * ORDERED_NUM
}

/// The fewest words on either side of a stretch that [`in_order_around`]
/// reads.
const AROUND_MIN: u32 = 4;

/// `w[s..e]` with half its length more on either side, at least
/// [`AROUND_MIN`] words, within `w`.
fn around(w: &[u32], s: u32, e: u32) -> &[u32] {
    let k = ((e - s) / 2).max(AROUND_MIN) as usize;
    &w[(s as usize).saturating_sub(k)..(e as usize + k).min(w.len())]
}

/// Which words stand once in each of two stretches. Two neighbours swapped
/// count as in order only when one of them does: a swap of two words that
/// repeat ("to … is … to … is") is what chance makes of them.
struct Once {
    x: Vec<u32>,
    y: Vec<u32>,
}

impl Once {
    fn new(x: &[u32], y: &[u32]) -> Once {
        let (mut x, mut y) = (x.to_vec(), y.to_vec());
        x.sort_unstable();
        y.sort_unstable();
        Once { x, y }
    }

    fn holds(&self, w: u32) -> bool {
        let count = |v: &[u32]| v.partition_point(|&u| u <= w) - v.partition_point(|&u| u < w);
        count(&self.x) == 1 && count(&self.y) == 1
    }

    /// Whether `p` then `q` in one stretch, `q` then `p` in the other, are
    /// two neighbours swapped: different words, one of them standing once.
    fn swap(&self, p: u32, q: u32) -> bool {
        p != q && (self.holds(p) || self.holds(q))
    }
}

/// The longest run of words `x` and `y` share, in the same order and next
/// to each other in both, near their diagonal (within [`BAND`]); with
/// `swaps`, two neighbours swapped ([`Once::swap`]) stand in the run.
fn longest_run(x: &[u32], y: &[u32], swaps: Option<&Once>) -> usize {
    let mut best = 0;
    let shift = x.len() as isize - y.len() as isize;
    let at = |j: isize| usize::try_from(j).ok().and_then(|j| y.get(j).copied());
    for d in -(BAND as isize)..=(BAND as isize) {
        // y index = x index + offset, for offsets around 0 and the end-aligned shift
        for offset in [d, d - shift] {
            let mut run = 0;
            for (i, &w) in x.iter().enumerate() {
                let j = i as isize + offset;
                let swapped_on = |k: usize, dj: isize| {
                    swaps.is_some_and(|once| {
                        x.get(k).is_some_and(|&v| at(j + dj) == Some(w) && at(j) == Some(v) && once.swap(w, v))
                    })
                };
                let here = at(j) == Some(w) || swapped_on(i + 1, 1) || (i >= 1 && swapped_on(i - 1, -1));
                if here {
                    run += 1;
                    best = best.max(run);
                } else {
                    run = 0;
                }
            }
        }
    }
    best
}

/// The most words of `x` and `y` that can be paired in order (their longest
/// common subsequence), two neighbours swapped ([`Once::swap`]) counting as
/// two words in order, within a band around the diagonal wide enough for
/// their difference in length and [`BAND`] more. A copy with neighbours
/// swapped every few words (as hurried copying and OCR of columns make
/// them) keeps its order this way; two shufflings gain about one pair.
fn in_order(x: &[u32], y: &[u32], once: &Once) -> u32 {
    let band = x.len().abs_diff(y.len()) + BAND;
    // rows i - 2, i - 1 and i; a cell outside a row's band keeps an older
    // row's value, which is never more than its own (the count grows with
    // i), so the band can only undercount
    let mut rows = [vec![0u32; y.len() + 1], vec![0u32; y.len() + 1], vec![0u32; y.len() + 1]];
    for i in 1..=x.len() {
        let lo = i.saturating_sub(band).max(1);
        let hi = (i + band).min(y.len());
        let [older, prev, cur] = &mut rows;
        cur[lo - 1] = if lo >= 2 { prev[lo - 1] } else { 0 };
        for j in lo..=hi {
            let mut v = if x[i - 1] == y[j - 1] { prev[j - 1] + 1 } else { prev[j].max(cur[j - 1]) };
            if i >= 2 && j >= 2 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && once.swap(x[i - 1], x[i - 2]) {
                v = v.max(older[j - 2] + 2);
            }
            cur[j] = v;
        }
        if hi < y.len() {
            cur[hi + 1] = cur[hi];
        }
        rows.rotate_left(1);
    }
    rows[1][y.len()]
}

/// The words a seed at `pa`, `pb` covers: a shingle's when the two
/// windows hold one set of words, else a run's (see `seeds`), whose words
/// stand in the same order in both.
fn seed_width(wa: &[u32], wb: &[u32], pa: usize, pb: usize, n: usize) -> usize {
    // on the stack, as `shingle_hash` sorts them: this runs once a seed
    let window = |w: &[u32], p: usize| {
        let mut v = [0u32; 16];
        let k = n.min(16);
        let got = w.get(p..p + k)?;
        v[..k].copy_from_slice(got);
        v[..k].sort_unstable();
        Some(v)
    };
    match (window(wa, pa), window(wb, pb)) {
        (Some(x), Some(y)) if x == y => n,
        _ => crate::seeds::run_words(n),
    }
}

/// How far a widening may stray off its diagonal: words added or dropped
/// in a row.
const BAND: usize = 8;

/// A widening stops once its score has fallen this far below its best: a
/// few changed words in a row end a passage, one or two do not.
const X_DROP: i32 = 5;

/// A widening scores each shared word [`HIT`] and each changed, added or
/// dropped word -[`MISS`]: a stretch goes on while more than one word in
/// three is shared. With 1 and 1, a copy that alternates changed and
/// shared words near an end (a fifth of its words changed, neighbours
/// swapped) scored nothing for its last words and lost them.
const HIT: i32 = 2;
const MISS: i32 = 1;

/// The strict widening's score for a shared word, tried when the generous
/// one's stretch is refused: a stretch goes on only while more than half
/// its words are shared. An exact passage followed by a long tail that
/// shares two words in five is one the generous widening carries into the
/// tail (each such word scores +0.2 on average) until the whole is too
/// loose to keep; the strict one (−0.2 a word) stops at the passage's end.
const STRICT_HIT: i32 = 1;

/// Widens a stretch at both ends, word by word, for as long as it pays
/// (each shared word `hit`, each changed, added or dropped word
/// -[`MISS`]), and the widening keeps the best-scoring end (a gapped X-drop
/// extension, as BLAST extends its seeds, on words). A change within a
/// shingle of an end leaves no seed there; this finds the end beyond it.
fn widen(wa: &[u32], wb: &[u32], hit: i32, a0: &mut u32, b0: &mut u32, a1: &mut u32, b1: &mut u32) {
    let (a, b) = (*a0 as usize, *b0 as usize);
    let left = extend(a, b, hit, |k| wa[a - 1 - k], |l| wb[b - 1 - l]);
    let (e, f) = (*a1 as usize, *b1 as usize);
    let right = extend(wa.len() - e, wb.len() - f, hit, |k| wa[e + k], |l| wb[f + l]);
    *a0 -= left.0 as u32;
    *b0 -= left.1 as u32;
    *a1 += right.0 as u32;
    *b1 += right.1 as u32;
}

/// The best extension of two word sequences from their start, read through
/// `x(k)` (`k < xn`) and `y(l)` (`l < yn`): the words taken from each and how
/// many of them match.
fn extend(xn: usize, yn: usize, hit: i32, x: impl Fn(usize) -> u32, y: impl Fn(usize) -> u32) -> (usize, usize, u32) {
    const NONE: (i32, u32) = (i32::MIN / 2, 0);
    let width = 2 * BAND + 1;
    // row k holds cells l = k - BAND ..= k + BAND at index l + BAND - k
    let mut prev = vec![NONE; width];
    let mut cur = vec![NONE; width];
    let mut best = (0i32, 0usize, 0usize, 0u32);
    // row 0: words of y alone, each a gap
    for l in 0..=BAND.min(yn) {
        prev[l + BAND] = (-(l as i32) * MISS, 0);
    }
    for k in 1..=xn {
        let mut row_best = NONE.0;
        for idx in 0..width {
            let l = (k + idx) as isize - BAND as isize;
            cur[idx] = NONE;
            if l < 0 || l as usize > yn {
                continue;
            }
            let l = l as usize;
            let mut cell = NONE;
            // diagonal: from (k-1, l-1), index idx in the row above
            if l >= 1 && prev[idx].0 > NONE.0 {
                let same = x(k - 1) == y(l - 1);
                let (s, m) = prev[idx];
                cell = if same { (s + hit, m + 1) } else { (s - MISS, m) };
            }
            // a word of x alone: from (k-1, l), index idx + 1 above
            if idx + 1 < width && prev[idx + 1].0 > NONE.0 && prev[idx + 1].0 - MISS > cell.0 {
                cell = (prev[idx + 1].0 - MISS, prev[idx + 1].1);
            }
            // a word of y alone: from (k, l-1), index idx - 1 in this row
            if idx >= 1 && l >= 1 && cur[idx - 1].0 > NONE.0 && cur[idx - 1].0 - MISS > cell.0 {
                cell = (cur[idx - 1].0 - MISS, cur[idx - 1].1);
            }
            cur[idx] = cell;
            row_best = row_best.max(cell.0);
            if cell.0 > best.0 {
                best = (cell.0, k, l, cell.1);
            }
        }
        if row_best < best.0 - X_DROP {
            break;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (best.1, best.2, best.3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds_between(wa: &[u32], wb: &[u32], n: usize) -> Vec<Seed> {
        let mut out = Vec::new();
        for (pa, x) in wa.windows(n).enumerate() {
            for (pb, y) in wb.windows(n).enumerate() {
                if x == y {
                    out.push(Seed { a: 0, b: 1, pa: pa as u32, pb: pb as u32 });
                }
            }
        }
        out
    }

    /// Seeds as the shard pass makes them: windows of `n` words that hold
    /// the same set of words, in the order `links` takes them (by position
    /// in `wa`, then in `wb`).
    fn set_seeds_between(wa: &[u32], wb: &[u32], n: usize) -> Vec<Seed> {
        // the words as a multiset, as `shingle_hash` reads them
        let set = |w: &[u32]| {
            let mut v = w.to_vec();
            v.sort_unstable();
            v
        };
        let mut out = Vec::new();
        for (pa, x) in wa.windows(n).enumerate() {
            for (pb, y) in wb.windows(n).enumerate() {
                if set(x) == set(y) {
                    out.push(Seed { a: 0, b: 1, pa: pa as u32, pb: pb as u32 });
                }
            }
        }
        out
    }

    /// Seeds as the shard pass makes them for shingles of four: sets of four
    /// words, and runs of three in the same order.
    fn all_seeds_between(wa: &[u32], wb: &[u32]) -> Vec<Seed> {
        let mut out = set_seeds_between(wa, wb, 4);
        for (pa, x) in wa.windows(3).enumerate() {
            for (pb, y) in wb.windows(3).enumerate() {
                if x == y {
                    out.push(Seed { a: 0, b: 1, pa: pa as u32, pb: pb as u32 });
                }
            }
        }
        out.sort_unstable_by_key(|s| (s.pa, s.pb));
        out.dedup();
        out
    }

    /// Word ids for the words of `text`, the same word the same id.
    fn ids(text: &str, vocab: &mut Vec<String>) -> Vec<u32> {
        text.split_whitespace()
            .map(|w| match vocab.iter().position(|v| v == w) {
                Some(i) => 1000 + i as u32,
                None => {
                    vocab.push(w.to_string());
                    1000 + vocab.len() as u32 - 1
                }
            })
            .collect()
    }

    fn p() -> Params {
        Params::default()
    }

    #[test]
    fn a_links_file_reads_back_what_was_written_and_refuses_what_is_not_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = links_path(dir.path(), 2, 5);
        let links = vec![
            Link { a: 0, a0: 1, a1: 12, b: 3, b0: 0, b1: 11 },
            Link { a: 9, a0: 0, a1: u32::MAX, b: 10, b0: 7, b1: 8 },
        ];
        write_links(&path, &links).unwrap();
        assert_eq!(read_links(&path).unwrap(), links);
        assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("part")));
        std::fs::write(&path, b"VBLINKS1\x05\0\0\0\0\0\0\0short").unwrap();
        assert!(matches!(read_links(&path), Err(ReuseError::Corrupt(_))));
    }

    #[test]
    fn a_shared_passage_inside_other_words_is_one_link_with_exact_ends() {
        let shared: Vec<u32> = (100..130).collect();
        let wa: Vec<u32> = (1..20).chain(shared.iter().copied()).chain(40..60).collect();
        let wb: Vec<u32> = (200..205).chain(shared.iter().copied()).chain(300..330).collect();
        let l = links(0, 1, &seeds_between(&wa, &wb, 5), &wa, &wb, &p());
        assert_eq!(l, vec![Link { a: 0, a0: 19, a1: 49, b: 1, b0: 5, b1: 35 }]);
    }

    #[test]
    fn a_changed_word_near_an_end_does_not_cut_the_end_off() {
        let wa: Vec<u32> = (100..120).collect();
        let mut wb = wa.clone();
        wb[2] = 999; // within a shingle of the start
        wb[17] = 998; // and of the end
        let l = links(0, 1, &seeds_between(&wa, &wb, 5), &wa, &wb, &p());
        assert_eq!(l.len(), 1);
        assert_eq!((l[0].a0, l[0].a1), (0, 20));
    }

    #[test]
    fn an_end_where_changed_and_shared_words_alternate_is_kept() {
        let wa: Vec<u32> = (100..124).collect();
        let mut wb = wa.clone();
        for i in [16, 18, 20, 22] {
            wb[i] = 900 + i as u32;
        }
        let l = links(0, 1, &seeds_between(&wa, &wb, 4), &wa, &wb, &p());
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!((l[0].a0, l[0].a1), (0, 24), "the last shared word is the end");
    }

    #[test]
    fn an_exact_passage_followed_by_a_loose_tail_is_kept_without_the_tail() {
        // twelve words the same, then forty of which two in five are shared:
        // the generous widening runs through the tail (+1 every five words)
        // into a stretch too loose to keep; the strict one ends the passage
        let wa: Vec<u32> = (100..152).collect();
        let mut wb = wa.clone();
        for (i, w) in wb.iter_mut().enumerate().skip(12) {
            if !matches!((i - 12) % 5, 0 | 2) {
                *w += 1000;
            }
        }
        let l = links(0, 1, &seeds_between(&wa, &wb, 4), &wa, &wb, &p());
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!(l[0].a0, 0);
        assert!((12..=13).contains(&l[0].a1), "{l:?}");
    }

    #[test]
    fn a_copy_with_neighbours_swapped_every_five_words_is_one_link() {
        // no four words in a row survive unswapped; counting the swaps, the
        // run is whole
        let wa: Vec<u32> = (100..140).collect();
        let mut wb = wa.clone();
        for i in (0..40).step_by(5) {
            wb.swap(i, i + 1);
        }
        assert_eq!(longest_run(&wa, &wb, None), 3);
        assert_eq!(longest_run(&wa, &wb, Some(&Once::new(&wa, &wb))), 40);
        let seeds = set_seeds_between(&wa, &wb, 4);
        let l = links(0, 1, &seeds, &wa, &wb, &p());
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!((l[0].a0, l[0].a1, l[0].b0, l[0].b1), (0, 40, 0, 40));
    }

    #[test]
    fn a_copy_that_keeps_no_set_of_four_but_runs_of_three_is_one_link() {
        // every fourth word changed: no window of four survives, runs of
        // three do, and their seeds chain into the passage
        let wa: Vec<u32> = (100..118).collect();
        let mut wb = wa.clone();
        for i in [3, 7, 11, 15] {
            wb[i] = 900 + i as u32;
        }
        assert!(set_seeds_between(&wa, &wb, 4).is_empty());
        let l = links(0, 1, &all_seeds_between(&wa, &wb), &wa, &wb, &p());
        assert_eq!(l, vec![Link { a: 0, a0: 0, a1: 18, b: 1, b0: 0, b1: 18 }]);
    }

    #[test]
    fn one_run_of_four_words_is_no_link() {
        // a set of four and two runs of three, all inside four words: the
        // seeds cover one shingle, which a stock phrase also does
        let wa: Vec<u32> = (1..20).chain(100..104).chain(20..40).collect();
        let wb: Vec<u32> = (500..520).chain(100..104).chain(520..540).collect();
        let seeds = all_seeds_between(&wa, &wb);
        assert_eq!(seeds.len(), 2, "the set and the first run share a place: {seeds:?}");
        // with passages as short as four words allowed, so that only the
        // rule on what the seeds cover can refuse it
        let short = Params { min_words: 4, ..p() };
        assert!(links(0, 1, &seeds, &wa, &wb, &short).is_empty());
        // five words in a row are a link at that length
        let wa5: Vec<u32> = (1..20).chain(100..105).chain(20..40).collect();
        let wb5: Vec<u32> = (500..520).chain(100..105).chain(520..540).collect();
        assert_eq!(links(0, 1, &all_seeds_between(&wa5, &wb5), &wa5, &wb5, &short).len(), 1);
    }

    #[test]
    fn neighbours_swapped_every_three_words_stay_in_order() {
        // a swap every three words leaves a third of the words out of order
        // for a plain longest common subsequence; counted as swaps, none
        let wa: Vec<u32> = (100..130).collect();
        let mut wb = wa.clone();
        for i in (0..30).step_by(3) {
            wb.swap(i, i + 1);
        }
        let once = Once::new(&wa, &wb);
        assert_eq!(in_order(&wa, &wb, &once), 30);
        let l = links(0, 1, &all_seeds_between(&wa, &wb), &wa, &wb, &p());
        // the widening reads words one by one, so a swap at the very start
        // may leave one word out
        assert_eq!(l.len(), 1, "{l:?}");
        assert!(l[0].a0 <= 1 && l[0].b0 <= 1 && (l[0].a1, l[0].b1) == (30, 30), "{l:?}");
    }

    #[test]
    fn words_that_repeat_swapped_are_not_in_order() {
        let (x, y) = ([1, 2, 1, 2, 5], [2, 1, 2, 1, 5]);
        assert_eq!(in_order(&x, &y, &Once::new(&x, &y)), 4);
        let (x, y) = ([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]);
        assert_eq!(in_order(&x, &y, &Once::new(&x, &y)), 5);
        assert_eq!(longest_run(&x, &y, Some(&Once::new(&x, &y))), 5);
        // one of the two standing once is enough: "not by" against "by not"
        let (x, y) = ([7, 8, 9, 8], [7, 9, 8, 8]);
        assert_eq!(in_order(&x, &y, &Once::new(&x, &y)), 4);
    }

    #[test]
    fn a_short_order_with_the_rest_of_its_words_beside_it_is_refused() {
        // sixteen words, every fourth changed: twelve in order, runs of
        // three; kept alone, refused when the four words changed away stand
        // right beside the other side's stretch, as the rest of a shuffled
        // text's words do
        let x: Vec<u32> = (100..116).collect();
        let mut y = x.clone();
        for i in [3, 7, 11, 15] {
            y[i] = 900 + i as u32;
        }
        assert!(holds_passage(&x, &y, 10, (&x, &y)));
        let beside: Vec<u32> = [103, 107].into_iter().chain(y.iter().copied()).chain([111, 115]).collect();
        assert!(!holds_passage(&x, &y, 10, (&x, &beside)));
        // a run of six words is sure whatever stands beside it
        let mut y6 = x.clone();
        for i in [6, 13] {
            y6[i] = 900 + i as u32;
        }
        let beside: Vec<u32> = [106, 113].into_iter().chain(y6.iter().copied()).collect();
        assert!(holds_passage(&x, &y6, 10, (&x, &beside)));
    }

    #[test]
    fn a_run_that_needs_a_swap_is_not_sure() {
        // six words in a row only with neighbours 2 and 3 swapped, and every
        // third word changed after them: kept alone, refused when the words
        // changed away stand beside the other side
        let x: Vec<u32> = (100..120).collect();
        let mut y = x.clone();
        y.swap(2, 3);
        for i in [6, 9, 12, 15, 18] {
            y[i] = 900 + i as u32;
        }
        assert_eq!(longest_run(&x, &y, None), 2);
        assert_eq!(longest_run(&x, &y, Some(&Once::new(&x, &y))), 6);
        assert!(holds_passage(&x, &y, 10, (&x, &y)));
        let beside: Vec<u32> = [106, 109, 112].into_iter().chain(y.iter().copied()).chain([115, 118]).collect();
        assert!(!holds_passage(&x, &y, 10, (&x, &beside)));
    }

    #[test]
    fn a_few_words_said_again_and_again_are_no_passage() {
        // two shufflings of a quotation whose words repeat, a word or two
        // changed: the repeats pair up in order by chance, all of the words
        // shared stand in order, but six distinct words are not a passage
        let mut vocab = Vec::new();
        let wa = ids("not something you are give is you for and you something something peace away", &mut vocab);
        let wb = ids("not something you something make is it's you you something something peace away", &mut vocab);
        let seeds = set_seeds_between(&wa, &wb, 4);
        assert!(!seeds.is_empty());
        assert!(links(0, 1, &seeds, &wa, &wb, &p()).is_empty());
    }

    #[test]
    fn the_same_words_in_blocks_of_another_order_make_no_link() {
        // every word shared, two thirds of them in order, runs of four: the
        // words of a passage rearranged, not the passage
        let wa: Vec<u32> = (100..124).collect();
        let order = [0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 16, 17, 18, 19, 12, 13, 14, 15, 20, 21, 22, 23];
        let wb: Vec<u32> = order.iter().map(|&i| wa[i]).collect();
        let seeds = set_seeds_between(&wa, &wb, 4);
        assert!(!seeds.is_empty());
        assert!(links(0, 1, &seeds, &wa, &wb, &p()).is_empty());
    }

    #[test]
    fn shared_counts_bags_and_sets() {
        assert_eq!(shared(&[1, 2, 2, 3], &[2, 2, 2, 4, 1]), (3, 2));
        assert_eq!(shared(&[], &[1]), (0, 0));
    }

    #[test]
    fn an_added_word_keeps_one_link() {
        let wa: Vec<u32> = (100..140).collect();
        let mut wb = wa.clone();
        wb.insert(20, 7);
        let l = links(0, 1, &seeds_between(&wa, &wb, 5), &wa, &wb, &p());
        assert_eq!(l.len(), 1, "{l:?}");
        assert_eq!((l[0].a0, l[0].a1, l[0].b0, l[0].b1), (0, 40, 0, 41));
    }

    fn plain_in_order(x: &[u32], y: &[u32]) -> u32 {
        in_order(x, y, &Once::new(x, y))
    }

    /// `in_order` with no band, a whole table: the reference it must
    /// never exceed.
    fn unbanded_in_order(x: &[u32], y: &[u32]) -> usize {
        let once = Once::new(x, y);
        let mut t = vec![vec![0usize; y.len() + 1]; x.len() + 1];
        for i in 1..=x.len() {
            for j in 1..=y.len() {
                let mut v = t[i - 1][j].max(t[i][j - 1]);
                if x[i - 1] == y[j - 1] {
                    v = v.max(t[i - 1][j - 1] + 1);
                }
                if i >= 2 && j >= 2 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && once.swap(x[i - 1], x[i - 2]) {
                    v = v.max(t[i - 2][j - 2] + 2);
                }
                t[i][j] = v;
            }
        }
        t[x.len()][y.len()]
    }

    #[test]
    fn in_order_counts_the_words_shared_in_order() {
        assert_eq!(plain_in_order(&[1, 2, 3, 4], &[1, 2, 3, 4]), 4);
        assert_eq!(plain_in_order(&[1, 2, 3, 4], &[1, 9, 3, 4]), 3);
        assert_eq!(plain_in_order(&[1, 2, 3, 4], &[4, 3, 2, 1]), 2, "one swap in the middle");
        assert_eq!(plain_in_order(&[1, 2, 3, 4, 5], &[1, 3, 4, 5]), 4);
        assert_eq!(plain_in_order(&[], &[1]), 0);
    }

    #[test]
    fn the_same_words_shuffled_make_no_link() {
        let wa: Vec<u32> = (100..130).collect();
        let wb: Vec<u32> = (100..130).rev().collect();
        // shingles as sets of words: a window and its reverse are one set
        let mut seeds = Vec::new();
        for pa in 0..=wa.len() - 5 {
            let pb = wb.len() - 5 - pa;
            seeds.push(Seed { a: 0, b: 1, pa: pa as u32, pb: pb as u32 });
        }
        seeds.sort();
        assert!(links(0, 1, &seeds, &wa, &wb, &p()).is_empty());
    }

    #[test]
    fn fewer_shared_words_than_the_minimum_make_no_link() {
        let wa: Vec<u32> = (1..30).collect();
        let wb: Vec<u32> = (500..510).chain(10..17).chain(600..610).collect();
        assert!(links(0, 1, &seeds_between(&wa, &wb, 5), &wa, &wb, &p()).is_empty());
    }

    #[test]
    fn two_passages_far_apart_are_two_links() {
        let wa: Vec<u32> = (100..115).chain(1..60).chain(200..215).collect();
        let wb: Vec<u32> = (200..215).chain(700..800).chain(100..115).collect();
        let l = links(0, 1, &seeds_between(&wa, &wb, 5), &wa, &wb, &p());
        assert_eq!(l.len(), 2, "{l:?}");
    }

    proptest::proptest! {
        /// Whatever two word sequences share, a link lies inside both, spans
        /// the fewest words, and `in_order` never exceeds the shorter side.
        /// The second sequence holds a piece of the first, with some of its
        /// words changed, between words of its own, so that links are made.
        #[test]
        fn links_stay_inside_their_sources(
            wa in proptest::collection::vec(0u32..30, 0..80),
            own in proptest::collection::vec(0u32..30, 0..40),
            cut in (0usize..80, 0usize..80, 0usize..40),
            every in 3usize..12,
        ) {
            let p = p();
            let (lo, hi) = (cut.0.min(cut.1).min(wa.len()), cut.0.max(cut.1).min(wa.len()));
            let at = cut.2.min(own.len());
            let piece = wa[lo..hi].iter().enumerate().map(|(i, &w)| if i % every == every - 1 { 99 } else { w });
            let wb: Vec<u32> = own[..at].iter().copied().chain(piece).chain(own[at..].iter().copied()).collect();
            let seeds = all_seeds_between(&wa, &wb);
            for l in links(0, 1, &seeds, &wa, &wb, &p) {
                proptest::prop_assert!(l.a0 < l.a1 && l.a1 as usize <= wa.len());
                proptest::prop_assert!(l.b0 < l.b1 && l.b1 as usize <= wb.len());
                proptest::prop_assert!((l.a1 - l.a0) as usize >= p.min_words);
            }
            let m = plain_in_order(&wa, &wb) as usize;
            proptest::prop_assert!(m <= wa.len().min(wb.len()));
            proptest::prop_assert!(m <= unbanded_in_order(&wa, &wb), "the band only undercounts");
            proptest::prop_assert_eq!(plain_in_order(&wa, &wa) as usize, wa.len());
        }
    }
}
