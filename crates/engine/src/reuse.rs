//! A match's place in the corpus's reuse: the cluster `verbatim reuse`
//! stored that holds the matched words, and the chain from its origin to
//! the matched source.

use std::collections::HashMap;

use verbatim_model::{Match, ReuseStep, ReuseTrail};
use verbatim_store::{Corpus, SourceRow, StoreError};

/// The trail of the cluster whose member overlaps the match most; `None`
/// when no stored cluster holds the matched words.
pub(crate) fn trail(corpus: &Corpus, m: &Match) -> Result<Option<ReuseTrail>, StoreError> {
    let clusters = corpus.reuse_at(m.source_id, m.start, m.end)?;
    let overlap = |s: usize, e: usize| e.min(m.end).saturating_sub(s.max(m.start));
    let best = clusters
        .iter()
        .flat_map(|c| {
            c.members
                .iter()
                .enumerate()
                .filter(|(_, x)| x.source_id == m.source_id)
                .map(move |(i, x)| (overlap(x.start, x.end), c, i))
        })
        .filter(|(o, _, _)| *o > 0)
        // the most overlap; on a tie, the lower cluster id (the earlier origin)
        .max_by(|x, y| x.0.cmp(&y.0).then(y.1.id.cmp(&x.1.id)));
    let Some((_, c, at)) = best else { return Ok(None) };
    // from the member back to the origin through `from`, at most once a member
    let mut path = vec![at];
    let mut i = at;
    while let Some(f) = c.members[i].from {
        if path.len() > c.members.len() || path.contains(&f) {
            break;
        }
        path.push(f);
        i = f;
    }
    path.reverse();
    let mut rows: HashMap<i64, Option<SourceRow>> = HashMap::new();
    let mut chain = Vec::with_capacity(path.len());
    for i in path {
        let x = &c.members[i];
        let row = match rows.entry(x.source_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(corpus.source(x.source_id)?),
        };
        let row = row.as_ref();
        chain.push(ReuseStep {
            source: row.map(|r| r.path.clone()).unwrap_or_default(),
            title: row.and_then(|r| r.title.clone()),
            date: row.and_then(|r| r.date.clone()),
            speaker: row.and_then(|r| r.speaker.clone()),
            start: x.start,
            end: x.end,
            verdict: x.verdict,
            quoted: x.quoted,
        });
    }
    Ok(Some(ReuseTrail { cluster: c.id, size: c.size, boilerplate: c.boilerplate, chain }))
}
