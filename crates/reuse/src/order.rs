//! Dating a cluster: its members placed in bytes, ordered by date, the
//! origin marked, and for each later witness the earlier one it most likely
//! took the words from.
//!
//! The origin is the earliest member whose words are its source's own: a
//! document (not a collection of others' quotations) that does not give the
//! words as someone else's. Who speaks where is the record's `reported`
//! table, read at ingest: a member lying mostly inside a quotation, or
//! inside words reported after "as X said", is quoted, not said. When no
//! member is its speaker's own, the earliest is the origin.

use std::cmp::Ordering;

use rayon::prelude::*;
use verbatim_model::{ReuseCluster, ReuseMember, ReuseVerdict, SourceKind};
use verbatim_store::{Corpus, SourceRow};

use crate::cluster::Raw;
use crate::words::Words;
use crate::{Event, Result, ReuseError};

/// A boilerplate cluster lists this many of its earliest members; its size
/// says how many sources hold it.
pub const BOILERPLATE_SHOWN: usize = 20;

/// A large cluster compares a member with the origin and this many members
/// just before it when looking for the one it was taken from, so that the
/// work stays linear in the cluster's size.
const FROM_CANDIDATES: usize = 32;

/// A date as it sorts: `(0, year, month, day)`, a month or day of 0 for one
/// not given (so a bare year sorts before its days); `(1, 0, 0, 0)` for no
/// date, after every date. Reads `YYYY`, `YYYY-MM` and `YYYY-MM-DD`, and
/// otherwise the first four-digit year in the string.
pub fn date_key(date: Option<&str>) -> (u8, i32, u8, u8) {
    let Some(s) = date.map(str::trim) else { return (1, 0, 0, 0) };
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |v, d| v * 10 + (d - b'0') as u32))
    };
    let boundary = |at: usize| b.get(at).is_none_or(|c| !c.is_ascii_digit());
    if let (Some(y), true) = (digits(0, 4), boundary(4)) {
        let m = if b.get(4) == Some(&b'-') { digits(5, 2).filter(|m| (1..=12).contains(m)) } else { None };
        let d =
            if m.is_some() && b.get(7) == Some(&b'-') { digits(8, 2).filter(|d| (1..=31).contains(d)) } else { None };
        return (0, y as i32, m.unwrap_or(0) as u8, d.unwrap_or(0) as u8);
    }
    for i in 0..b.len() {
        if (i == 0 || !b[i - 1].is_ascii_digit()) && boundary(i + 4) {
            if let Some(y) = digits(i, 4) {
                return (0, y as i32, 0, 0);
            }
        }
    }
    (1, 0, 0, 0)
}

/// What placing a member in its source's bytes tells.
#[derive(Debug, Clone, Default)]
struct Placed {
    start: usize,
    end: usize,
    keys: [u64; 2],
    quoted: bool,
}

/// Places every cluster's members in bytes, orders them and marks origin,
/// `from` and verdict. Reads each source's text once, in id order.
pub fn date_clusters(
    mut raws: Vec<Raw>,
    words: &Words,
    rows: &[SourceRow],
    corpus: &Corpus,
    on: &mut dyn FnMut(Event),
) -> Result<Vec<ReuseCluster>> {
    let date_of = |d: u32| date_key(rows[d as usize].date.as_deref());
    // a boilerplate cluster keeps its earliest members only
    for r in raws.iter_mut().filter(|r| r.boilerplate && r.members.len() > BOILERPLATE_SHOWN) {
        r.members.sort_by_key(|m| (date_of(m.0), m.0, m.1));
        r.members.truncate(BOILERPLATE_SHOWN);
        r.members.sort_unstable();
    }
    // what each source must place: (cluster, member, words)
    let mut need: Vec<Vec<(usize, usize, u32, u32)>> = vec![Vec::new(); words.docs.len()];
    for (c, r) in raws.iter().enumerate() {
        for (m, &(d, w0, w1)) in r.members.iter().enumerate() {
            need[d as usize].push((c, m, w0, w1));
        }
    }
    let mut placed: Vec<Vec<Placed>> = raws.iter().map(|r| vec![Placed::default(); r.members.len()]).collect();
    let docs: Vec<usize> = (0..need.len()).filter(|&d| !need[d].is_empty()).collect();
    on(Event::Phase { name: "dating", total: docs.len() as u64 });
    for chunk in docs.chunks(256) {
        let mut texts = Vec::with_capacity(chunk.len());
        for &d in chunk {
            let id = rows[d].id;
            let text = corpus.text(id)?.unwrap_or_default();
            let reported: Vec<(usize, usize)> = corpus.reported(id)?.iter().map(|r| (r.start, r.end)).collect();
            texts.push((d, text, reported));
        }
        let done: Vec<Result<Vec<(usize, usize, Placed)>>> = texts
            .par_iter()
            .map(|(d, text, reported)| {
                let tokens = verbatim_text::tokenize(text);
                if tokens.len() != words.docs[*d].len as usize {
                    return Err(ReuseError::Corrupt(format!(
                        "{}: the text changed since its words were read; run reuse again",
                        rows[*d].path
                    )));
                }
                Ok(need[*d]
                    .iter()
                    .map(|&(c, m, w0, w1)| {
                        let start = tokens[w0 as usize].start;
                        let end = tokens[w1 as usize - 1].end;
                        let inside: usize =
                            reported.iter().map(|&(s, e)| e.min(end).saturating_sub(s.max(start))).sum();
                        let keys = verbatim_text::surface_keys(&text[start..end]);
                        (c, m, Placed { start, end, keys, quoted: inside * 2 > end - start })
                    })
                    .collect())
            })
            .collect();
        for part in done {
            for (c, m, p) in part? {
                placed[c][m] = p;
            }
        }
        on(Event::Advance(chunk.len() as u64));
    }
    let mut out: Vec<ReuseCluster> =
        raws.into_par_iter().zip(placed).map(|(r, p)| date_one(r, p, words, rows)).collect();
    out.sort_by(|x, y| {
        let (ox, oy) = (&x.members[x.origin], &y.members[y.origin]);
        let kx = (date_of_id(rows, ox.source_id), ox.source_id, ox.start);
        let ky = (date_of_id(rows, oy.source_id), oy.source_id, oy.start);
        kx.cmp(&ky).then_with(|| x.members.len().cmp(&y.members.len()))
    });
    for (i, c) in out.iter_mut().enumerate() {
        c.id = i as u64 + 1;
    }
    Ok(out)
}

fn date_of_id(rows: &[SourceRow], id: i64) -> (u8, i32, u8, u8) {
    let i = rows.partition_point(|r| r.id < id);
    date_key(rows.get(i).filter(|r| r.id == id).and_then(|r| r.date.as_deref()))
}

fn date_one(r: Raw, placed: Vec<Placed>, words: &Words, rows: &[SourceRow]) -> ReuseCluster {
    let n = r.members.len();
    let own = |i: usize| rows[r.members[i].0 as usize].kind == SourceKind::Document && !placed[i].quoted;
    // earliest first; on one date, a source's own words before a quotation
    // of them, then by source and place
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| {
        let (di, dj) = (r.members[i], r.members[j]);
        date_key(rows[di.0 as usize].date.as_deref())
            .cmp(&date_key(rows[dj.0 as usize].date.as_deref()))
            .then_with(|| own(j).cmp(&own(i)))
            .then_with(|| rows[di.0 as usize].id.cmp(&rows[dj.0 as usize].id))
            .then_with(|| di.1.cmp(&dj.1))
    });
    let origin_at = order.iter().position(|&i| own(i)).unwrap_or(0);
    let ids: Vec<&[u32]> = order
        .iter()
        .map(|&i| {
            let (d, w0, w1) = r.members[i];
            &words.ids(d as usize)[w0 as usize..w1 as usize]
        })
        .collect();
    let grams: Vec<Vec<u64>> = ids.iter().map(|w| bigrams(w)).collect();
    let mut members: Vec<ReuseMember> = order
        .iter()
        .map(|&i| {
            let p = &placed[i];
            ReuseMember {
                source_id: rows[r.members[i].0 as usize].id,
                start: p.start,
                end: p.end,
                from: None,
                verdict: ReuseVerdict::Origin,
                quoted: p.quoted,
            }
        })
        .collect();
    for k in 0..n {
        if k == origin_at {
            continue;
        }
        // members before the origin in time (undated ones excepted) took
        // nothing from a later one: they are compared with the origin only
        let from = if k < origin_at {
            origin_at
        } else {
            let lo = k.saturating_sub(FROM_CANDIDATES).max(origin_at);
            let mut best = (origin_at, similarity(&grams[k], &grams[origin_at]));
            for j in lo..k {
                let s = similarity(&grams[k], &grams[j]);
                if s.total_cmp(&best.1) == Ordering::Greater {
                    best = (j, s);
                }
            }
            best.0
        };
        let (pk, pf) = (&placed[order[k]], &placed[order[from]]);
        members[k].from = Some(from);
        members[k].verdict = if ids[k] != ids[from] {
            ReuseVerdict::Altered
        } else if pk.keys[0] == pf.keys[0] || pk.keys[1] == pf.keys[1] {
            ReuseVerdict::Verbatim
        } else {
            ReuseVerdict::Normalized
        };
    }
    ReuseCluster { id: 0, size: r.size, boilerplate: r.boilerplate, origin: origin_at, members }
}

/// A passage's word pairs, sorted, for [`similarity`].
fn bigrams(w: &[u32]) -> Vec<u64> {
    let mut v: Vec<u64> = w.windows(2).map(|p| (p[0] as u64) << 32 | p[1] as u64).collect();
    if w.len() == 1 {
        v.push(w[0] as u64);
    }
    v.sort_unstable();
    v
}

/// Shared word pairs over the larger passage's count: 1 for the same words
/// in the same order, lower for every change.
fn similarity(x: &[u64], y: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / x.len().max(y.len()).max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_sort_by_year_then_month_then_day_and_undated_last() {
        let mut v = ["1982-01-26", "1789", "1789-04-30", "", "April 30, 1789", "1789-04"];
        v.sort_by_key(|d| date_key(if d.is_empty() { None } else { Some(d) }));
        assert_eq!(v[0..3], ["1789", "April 30, 1789", "1789-04"]);
        assert_eq!(v[3..], ["1789-04-30", "1982-01-26", ""]);
        assert_eq!(date_key(None), (1, 0, 0, 0));
        assert_eq!(date_key(Some("no year")), (1, 0, 0, 0));
        assert_eq!(date_key(Some("12345")), (1, 0, 0, 0));
        assert_eq!(date_key(Some("1999-13-40")), (0, 1999, 0, 0));
    }

    #[test]
    fn similarity_is_one_for_the_same_words_and_falls_with_changes() {
        let a = bigrams(&[1, 2, 3, 4, 5]);
        let b = bigrams(&[1, 2, 9, 4, 5]);
        assert_eq!(similarity(&a, &a), 1.0);
        assert!(similarity(&a, &b) < 1.0);
        assert!(similarity(&a, &b) > 0.0);
        assert_eq!(similarity(&a, &bigrams(&[7, 8])), 0.0);
    }
}
