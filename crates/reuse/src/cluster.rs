//! Clusters: links joined into passages, passages into clusters, and runs of
//! common shingles reported as boilerplate.
//!
//! Each link has two ends, a word range in each of two sources. Two ends in
//! one source join when they overlap by at least half of the *longer*: they
//! are the same passage. An end lying inside a much longer one (a quotation
//! inside a speech that another file repeats whole) does not join it, so a
//! cluster's members share the passage, not merely a neighbour's words, and
//! one common phrase cannot chain unrelated passages together. The ends are
//! joined through their links (union-find); a cluster's members are its
//! ends, one per stretch of each source.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::seeds::shingle_hash;
use crate::stretch::Link;
use crate::words::Words;
use crate::Params;

/// A cluster before it is dated and placed in bytes: word ranges of sources
/// (indices into [`Words::docs`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    pub members: Vec<(u32, u32, u32)>,
    pub boilerplate: bool,
    /// Distinct sources holding the passage.
    pub size: usize,
}

impl Raw {
    /// A cluster of these ranges: sorted, overlapping ranges of one source
    /// made one, its sources counted.
    fn of(mut v: Vec<(u32, u32, u32)>, boilerplate: bool) -> Raw {
        v.sort_unstable();
        let members = merge_overlapping(&v);
        let size = count_sources(&members);
        Raw { members, boilerplate, size }
    }
}

struct Sets {
    parent: Vec<u32>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets { parent: (0..n as u32).collect() }
    }
    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }
    fn join(&mut self, x: u32, y: u32) {
        let (x, y) = (self.find(x), self.find(y));
        if x != y {
            let (lo, hi) = if x < y { (x, y) } else { (y, x) };
            self.parent[hi as usize] = lo;
        }
    }
}

/// Whether two word ranges of one source are one passage: they overlap by at
/// least half of the longer.
pub fn same_passage(x: (u32, u32), y: (u32, u32)) -> bool {
    let overlap = x.1.min(y.1).saturating_sub(x.0.max(y.0));
    overlap * 2 >= (x.1 - x.0).max(y.1 - y.0)
}

/// Joins links into clusters. Sources of more than `max_docs` members are
/// boilerplate.
pub fn from_links(links: &[Link], max_docs: usize) -> Vec<Raw> {
    // ends: (source, start, end), two a link: 2i and 2i + 1
    let ends: Vec<(u32, u32, u32)> = links.iter().flat_map(|l| [(l.a, l.a0, l.a1), (l.b, l.b0, l.b1)]).collect();
    let mut sets = Sets::new(ends.len());
    for i in 0..links.len() {
        sets.join(2 * i as u32, 2 * i as u32 + 1);
    }
    let mut order: Vec<u32> = (0..ends.len() as u32).collect();
    order.sort_unstable_by_key(|&e| ends[e as usize]);
    for (k, &e) in order.iter().enumerate() {
        let (d, s, t) = ends[e as usize];
        for &f in &order[k + 1..] {
            let (d2, s2, t2) = ends[f as usize];
            if d2 != d || s2 >= t {
                break;
            }
            if same_passage((s, t), (s2, t2)) {
                sets.join(e, f);
            }
        }
    }
    let mut groups: HashMap<u32, Vec<(u32, u32, u32)>> = HashMap::new();
    for (e, &end) in ends.iter().enumerate() {
        let root = sets.find(e as u32);
        groups.entry(root).or_default().push(end);
    }
    let mut out: Vec<Raw> = groups
        .into_values()
        .map(|v| {
            let mut r = Raw::of(v, false);
            r.boilerplate = r.size > max_docs;
            r
        })
        .collect();
    out.sort_unstable_by(|x, y| x.members.cmp(&y.members));
    out
}

/// Overlapping ranges of one source (sorted) made one.
fn merge_overlapping(v: &[(u32, u32, u32)]) -> Vec<(u32, u32, u32)> {
    let mut out: Vec<(u32, u32, u32)> = Vec::with_capacity(v.len());
    for &(d, s, t) in v {
        match out.last_mut() {
            Some(last) if last.0 == d && s < last.2 => last.2 = last.2.max(t),
            _ => out.push((d, s, t)),
        }
    }
    out
}

fn count_sources(members: &[(u32, u32, u32)]) -> usize {
    let mut n = 0;
    let mut last = None;
    for m in members {
        if last != Some(m.0) {
            n += 1;
            last = Some(m.0);
        }
    }
    n
}

/// Boilerplate: runs of common shingles (see `seeds`) covering at least
/// [`Params::min_words`] words. A run is known by the least hash among its
/// shingles, so the same formula in many sources is one cluster, and a
/// formula worded otherwise is another; runs are never chained through a
/// shingle they share.
pub fn boilerplate(words: &Words, common: &HashSet<u64>, p: &Params) -> Vec<Raw> {
    if common.is_empty() {
        return Vec::new();
    }
    let n = p.shingle;
    let runs: Vec<(u64, u32, u32, u32)> = (0..words.docs.len())
        .into_par_iter()
        .flat_map_iter(|d| {
            let ids = words.ids(d);
            let mut out = Vec::new();
            let mut run: Option<(usize, usize, u64)> = None;
            let close = |run: Option<(usize, usize, u64)>, out: &mut Vec<(u64, u32, u32, u32)>| {
                if let Some((s, last, key)) = run {
                    if last + n - s >= p.min_words {
                        out.push((key, d as u32, s as u32, (last + n) as u32));
                    }
                }
            };
            if ids.len() >= n {
                for (pos, w) in ids.windows(n).enumerate() {
                    let h = shingle_hash(w);
                    if common.contains(&h) {
                        run = Some(match run {
                            Some((s, _, key)) => (s, pos, key.min(h)),
                            None => (pos, pos, h),
                        });
                    } else {
                        close(run.take(), &mut out);
                    }
                }
            }
            close(run, &mut out);
            out
        })
        .collect();
    let mut by_key: HashMap<u64, Vec<(u32, u32, u32)>> = HashMap::new();
    for (key, d, s, t) in runs {
        by_key.entry(key).or_default().push((d, s, t));
    }
    let mut out: Vec<Raw> = by_key.into_values().map(|v| Raw::of(v, true)).filter(|r| r.size >= 2).collect();
    out.sort_unstable_by(|x, y| x.members.cmp(&y.members));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: u32, a0: u32, a1: u32, b: u32, b0: u32, b1: u32) -> Link {
        Link { a, a0, a1, b, b0, b1 }
    }

    #[test]
    fn a_quotation_repeated_by_two_later_sources_is_one_cluster() {
        let l = [link(0, 10, 30, 1, 100, 121), link(0, 11, 30, 2, 5, 24), link(1, 100, 121, 2, 5, 24)];
        let c = from_links(&l, 50);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].members, vec![(0, 10, 30), (1, 100, 121), (2, 5, 24)]);
        assert_eq!(c[0].size, 3);
    }

    #[test]
    fn a_passage_inside_a_whole_copy_does_not_join_the_copy() {
        // source 1 repeats source 0 whole; source 2 quotes 20 words of it
        let l = [link(0, 0, 1000, 1, 0, 1000), link(0, 400, 420, 2, 50, 70), link(1, 400, 420, 2, 50, 70)];
        let c = from_links(&l, 50);
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c.iter().any(|r| r.members == vec![(0, 0, 1000), (1, 0, 1000)]));
        assert!(c.iter().any(|r| r.members == vec![(0, 400, 420), (1, 400, 420), (2, 50, 70)]));
    }

    #[test]
    fn neighbouring_passages_sharing_a_few_words_stay_apart() {
        // source 0 words 100..150 are in source 1; words 140..200 in source 2
        let l = [link(0, 100, 150, 1, 0, 50), link(0, 140, 200, 2, 0, 60)];
        assert_eq!(from_links(&l, 50).len(), 2);
    }

    #[test]
    fn more_sources_than_the_limit_make_boilerplate() {
        let l: Vec<Link> = (1..5).map(|b| link(0, 0, 12, b, 3, 15)).collect();
        let c = from_links(&l, 3);
        assert_eq!(c.len(), 1);
        assert!(c[0].boilerplate);
        assert_eq!(c[0].size, 5);
    }

    #[test]
    fn same_passage_is_symmetric() {
        for (x, y) in [((0, 10), (5, 20)), ((0, 100), (10, 20)), ((3, 9), (3, 9))] {
            assert_eq!(same_passage(x, y), same_passage(y, x));
        }
        assert!(!same_passage((0, 100), (10, 20)));
        assert!(same_passage((0, 20), (5, 20)));
    }
}
