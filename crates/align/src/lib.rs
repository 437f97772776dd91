//! Word-level semi-global alignment of a quotation against a source region.
//!
//! The whole quotation must be placed; the source may begin and end anywhere
//! (semi-global). Words are compared by identity (a hash of their normalized
//! form, computed by the caller). Between two quotation words the gap kind
//! says what the quotation claims stands there:
//!
//! - [`GapKind::Adjacent`]: nothing. Source words skipped here are an
//!   *unmarked* omission and cost `skip_open + skip_extend * len`.
//! - [`GapKind::Elision`]: an elision mark. Any number of source words may be
//!   skipped for free.
//! - [`GapKind::Wildcard`]: a bracketed insertion standing for up to
//!   `wildcard_max` source words, free.
//!
//! Changed words cost `substitute`; quotation words with no counterpart cost
//! `insert`. The result is a list of [`Step`]s in source word indices; the
//! caller maps them to byte offsets through its tokens.
//!
//! This is Gotoh's affine-gap dynamic programme with three states per cell
//! (aligned, inserted, skipping) and a running prefix minimum per row for the
//! free gaps, so the cost stays O(query words × source words).

use std::ops::Range;

/// What a quotation claims stands between two of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapKind {
    Adjacent,
    Elision,
    Wildcard,
}

/// The price of each kind of difference.
#[derive(Debug, Clone, Copy)]
pub struct Costs {
    pub substitute: f32,
    pub insert: f32,
    pub skip_open: f32,
    pub skip_extend: f32,
    /// How many source words a bracketed insertion may stand for.
    pub wildcard_max: usize,
}

impl Default for Costs {
    fn default() -> Self {
        Costs { substitute: 1.0, insert: 1.0, skip_open: 0.6, skip_extend: 0.15, wildcard_max: 12 }
    }
}

/// One step of an alignment, in query and source word indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Query word `q` is source word `s`.
    Match { q: usize, s: usize },
    /// Query word `q` stands where source word `s` is, but differs.
    Substitute { q: usize, s: usize },
    /// Query word `q` has no counterpart in the source (added).
    Insert { q: usize },
    /// Source words skipped between two query words.
    Skip { s: Range<usize>, gap: GapKind },
}

/// The best placement of a quotation in a source region.
#[derive(Debug, Clone)]
pub struct Alignment {
    pub steps: Vec<Step>,
    pub cost: f32,
    /// Source word range from the first to the last source word the
    /// quotation touches (matched or substituted).
    pub source: Range<usize>,
}

impl Alignment {
    pub fn matched(&self) -> usize {
        self.steps.iter().filter(|s| matches!(s, Step::Match { .. })).count()
    }
    pub fn substituted(&self) -> usize {
        self.steps.iter().filter(|s| matches!(s, Step::Substitute { .. })).count()
    }
    pub fn inserted(&self) -> usize {
        self.steps.iter().filter(|s| matches!(s, Step::Insert { .. })).count()
    }
    /// Source words skipped without a mark, and in how many places.
    pub fn unmarked_skips(&self) -> (usize, usize) {
        let mut words = 0;
        let mut places = 0;
        for s in &self.steps {
            if let Step::Skip { s, gap: GapKind::Adjacent } = s {
                words += s.len();
                places += 1;
            }
        }
        (words, places)
    }
    /// Source words skipped at elision marks.
    pub fn elided_words(&self) -> usize {
        self.steps
            .iter()
            .map(|s| match s {
                Step::Skip { s, gap: GapKind::Elision } => s.len(),
                _ => 0,
            })
            .sum()
    }
    /// The longest run of consecutive matched words (adjacent in both).
    pub fn longest_run(&self) -> usize {
        let mut best = 0;
        let mut run = 0;
        let mut last: Option<(usize, usize)> = None;
        for st in &self.steps {
            match st {
                Step::Match { q, s } => {
                    run = match last {
                        Some((lq, ls)) if lq + 1 == *q && ls + 1 == *s => run + 1,
                        _ => 1,
                    };
                    last = Some((*q, *s));
                    best = best.max(run);
                }
                _ => {
                    run = 0;
                    last = None;
                }
            }
        }
        best
    }
}

const M: u8 = 0;
const X: u8 = 1;
const D: u8 = 2;
const START: u8 = 3;

/// A back pointer's column and state in one word: the state in the top two
/// bits, so a source region may hold up to 2^30 words.
const PACK_STATE: u32 = 1 << 30;

fn pack(col: u32, state: u8) -> u32 {
    col | (state as u32) << 30
}

fn unpack(p: u32) -> (u32, u8) {
    (p & (PACK_STATE - 1), (p >> 30) as u8)
}

/// Bytes an alignment of `query_words` against `source_words` holds at its
/// peak: the back pointers of every cell (9 bytes) and a few rows. Callers
/// that bound memory (the engine caps a region so that one alignment stays
/// under a budget) size their inputs with it.
pub fn alignment_bytes(query_words: usize, source_words: usize) -> usize {
    (source_words + 1) * per_column(query_words)
}

/// The most source words an alignment of `query_words` may take within
/// `budget` bytes (see [`alignment_bytes`]).
pub fn max_source_words(query_words: usize, budget: usize) -> usize {
    (budget / per_column(query_words)).saturating_sub(1)
}

fn per_column(query_words: usize) -> usize {
    (query_words + 1) * 9 + 6 * 4 + 12
}

/// Aligns `query` (word ids; `gaps[i]` is the gap before word `i`, ignored
/// for `i == 0`) against `source`. Returns `None` for an empty query or
/// source, and when the best placement touches no source word at all.
pub fn align(query: &[u64], gaps: &[GapKind], source: &[u64], costs: &Costs) -> Option<Alignment> {
    let m = query.len();
    let n = source.len();
    if m == 0 || n == 0 || gaps.len() != m {
        return None;
    }
    if n >= PACK_STATE as usize {
        return None;
    }
    let w = n + 1;
    let inf = f32::INFINITY;
    // Costs are read only from the row above and from the left, so two rows
    // of each state are kept. Back pointers are kept for every cell, packed:
    // for M and X the column of row i-1 entered from and its state in one
    // u32; for D the state at column j-1 in a byte. 9 bytes a cell in all
    // (29 when costs were kept whole and pointers were (u32, u8) pairs).
    let (mut pm, mut px, mut pd) = (vec![inf; w], vec![inf; w], vec![inf; w]);
    let (mut cm, mut cx, mut cd) = (vec![inf; w], vec![inf; w], vec![inf; w]);
    let mut bm = vec![pack(0, START); (m + 1) * w];
    let mut bx = vec![pack(0, START); (m + 1) * w];
    let mut bd = vec![D; (m + 1) * w];

    // best of the row above at column j, with its state (row 0: the start)
    let best_at = |pm: &[f32], px: &[f32], pd: &[f32], i: usize, j: usize| -> (f32, u8) {
        if i == 0 {
            return (0.0, START);
        }
        let mut b = (pm[j], M);
        if px[j] < b.0 {
            b = (px[j], X);
        }
        if pd[j] < b.0 {
            b = (pd[j], D);
        }
        b
    };

    let mut entry: Vec<(f32, u32, u8)> = vec![(inf, 0, START); w];
    for i in 1..=m {
        // entry[j]: best way to stand after query word i-1 with the source at j
        let gap = if i == 1 { GapKind::Adjacent } else { gaps[i - 1] };
        match gap {
            GapKind::Adjacent => {
                for (j, e) in entry.iter_mut().enumerate() {
                    let (c, st) = best_at(&pm, &px, &pd, i - 1, j);
                    *e = (c, j as u32, st);
                }
            }
            GapKind::Elision => {
                let mut run = (inf, 0u32, START);
                for (j, e) in entry.iter_mut().enumerate() {
                    let (c, st) = best_at(&pm, &px, &pd, i - 1, j);
                    if c < run.0 {
                        run = (c, j as u32, st);
                    }
                    *e = run;
                }
            }
            GapKind::Wildcard => {
                for (j, e) in entry.iter_mut().enumerate() {
                    let lo = j.saturating_sub(costs.wildcard_max);
                    let mut b = (inf, 0u32, START);
                    for jj in lo..=j {
                        let (c, st) = best_at(&pm, &px, &pd, i - 1, jj);
                        if c < b.0 {
                            b = (c, jj as u32, st);
                        }
                    }
                    *e = b;
                }
            }
        }
        let qi = query[i - 1];
        let row = i * w;
        for j in 0..w {
            let k = row + j;
            // X: query word i-1 inserted, source stays at j
            let e = entry[j];
            cx[j] = e.0 + costs.insert;
            bx[k] = pack(e.1, e.2);
            if j > 0 {
                let e = entry[j - 1];
                let c = if source[j - 1] == qi { 0.0 } else { costs.substitute };
                cm[j] = e.0 + c;
                bm[k] = pack(e.1, e.2);
                // D: skip source word j-1 after query word i-1 (unmarked)
                let p = j - 1;
                let open = cm[p].min(cx[p]) + costs.skip_open + costs.skip_extend;
                let ext = cd[p] + costs.skip_extend;
                if ext <= open {
                    cd[j] = ext;
                    bd[k] = D;
                } else {
                    cd[j] = open;
                    bd[k] = if cm[p] <= cx[p] { M } else { X };
                }
            } else {
                cm[0] = inf;
                cd[0] = inf;
            }
        }
        std::mem::swap(&mut pm, &mut cm);
        std::mem::swap(&mut px, &mut cx);
        std::mem::swap(&mut pd, &mut cd);
    }
    // best end: last row (now in the "above" buffers), in M or X (trailing
    // source is free)
    let mut end = (inf, 0usize, M);
    for j in 0..w {
        if pm[j] < end.0 {
            end = (pm[j], j, M);
        }
        if px[j] < end.0 {
            end = (px[j], j, X);
        }
    }
    if !end.0.is_finite() {
        return None;
    }
    // trace back
    let mut steps = Vec::with_capacity(m + 4);
    let (mut i, mut j, mut st) = (m, end.1, end.2);
    while i > 0 {
        let k = i * w + j;
        match st {
            M => {
                let q = i - 1;
                let s = j - 1;
                steps.push(if source[s] == query[q] { Step::Match { q, s } } else { Step::Substitute { q, s } });
                let (pj, pst) = unpack(bm[k]);
                let gap = if i == 1 { GapKind::Adjacent } else { gaps[i - 1] };
                if (pj as usize) < s && i > 1 {
                    steps.push(Step::Skip { s: pj as usize..s, gap });
                }
                i -= 1;
                j = pj as usize;
                st = pst;
            }
            X => {
                steps.push(Step::Insert { q: i - 1 });
                let (pj, pst) = unpack(bx[k]);
                let gap = if i == 1 { GapKind::Adjacent } else { gaps[i - 1] };
                if (pj as usize) < j && i > 1 {
                    steps.push(Step::Skip { s: pj as usize..j, gap });
                }
                i -= 1;
                j = pj as usize;
                st = pst;
            }
            D => {
                // walk back over the whole skipped run
                let mut jj = j;
                let mut cur = D;
                while cur == D {
                    cur = bd[i * w + jj];
                    jj -= 1;
                }
                steps.push(Step::Skip { s: jj..j, gap: GapKind::Adjacent });
                j = jj;
                st = cur;
            }
            _ => break,
        }
    }
    steps.reverse();
    let mut first = None;
    let mut last = 0;
    for s in &steps {
        if let Step::Match { s, .. } | Step::Substitute { s, .. } = s {
            first.get_or_insert(*s);
            last = *s + 1;
        }
    }
    let first = first?;
    Some(Alignment { steps, cost: end.0, source: first..last })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(s: &str) -> Vec<u64> {
        s.split_whitespace().map(|w| w.bytes().fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64))).collect()
    }

    fn run(q: &str, gaps_at: &[(usize, GapKind)], s: &str) -> Alignment {
        let qi = ids(q);
        let mut gaps = vec![GapKind::Adjacent; qi.len()];
        for &(i, g) in gaps_at {
            gaps[i] = g;
        }
        align(&qi, &gaps, &ids(s), &Costs::default()).expect("alignment")
    }

    #[test]
    fn exact_inside_longer_source() {
        let a = run("c d e", &[], "a b c d e f");
        assert_eq!(a.cost, 0.0);
        assert_eq!(a.source, 2..5);
        assert_eq!(a.matched(), 3);
    }

    #[test]
    fn marked_elision_is_free() {
        let a = run("a b f g", &[(2, GapKind::Elision)], "x a b c d e f g y");
        assert_eq!(a.cost, 0.0);
        assert_eq!(a.elided_words(), 3);
        assert_eq!(a.unmarked_skips(), (0, 0));
    }

    #[test]
    fn unmarked_skip_costs_and_is_reported() {
        let a = run("a b f g", &[], "x a b c d e f g y");
        assert!(a.cost > 0.0);
        assert_eq!(a.unmarked_skips(), (3, 1));
        assert_eq!(a.matched(), 4);
    }

    #[test]
    fn substitution_and_insertion() {
        let a = run("a b z d", &[], "a b c d");
        assert_eq!(a.substituted(), 1);
        let a = run("a b very c d", &[], "a b c d");
        assert_eq!(a.inserted(), 1);
        assert_eq!(a.matched(), 4);
    }

    #[test]
    fn wildcard_stands_for_a_few_words() {
        let a = run("a d", &[(1, GapKind::Wildcard)], "a b c d");
        assert_eq!(a.cost, 0.0);
    }

    #[test]
    fn longest_run_counts_adjacent_matches() {
        let a = run("a b c x e f", &[], "a b c d e f");
        assert_eq!(a.longest_run(), 3);
    }
}
