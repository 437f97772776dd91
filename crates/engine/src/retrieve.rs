//! Retrieval: from a parsed quotation to the regions of sources worth
//! aligning, each aligned against the whole quotation.
//!
//! The index is searched with the word bigrams of each fragment between
//! elision marks (rare shingles score high under BM25). Neighbouring
//! passages of one source merge into a region, so that the fragments of an
//! elided quotation pull toward one place; regions far weaker than the best
//! are dropped, and each kept region is read with a margin and aligned.
//!
//! Architecture invariant: retrieval decides where to look, never what a
//! match means; every verdict is `judge`'s.

use std::collections::HashMap;

use verbatim_align::{align, Alignment, GapKind};
use verbatim_store::SourceRow;
use verbatim_text::{Gap, Query, Token};

use crate::{Engine, EngineError, MAX_ALIGN_BYTES};

/// Passages of one source closer than this many bytes, plus the
/// quotation's own length, merge into one region: an elided quotation's
/// fragments then pull toward one place, while two uses of the same words
/// far apart in a long document stay two regions.
const JOIN_GAP_BYTES: usize = 1500;

/// A region scoring under this share of the best is dropped: its words are
/// common ones the best region also has.
const MIN_REGION_SHARE: f32 = 0.2;

/// Quotations of at most this many words get `REGIONS_FOR_SHORT` times as
/// many regions: made of common words, their true place ranks lower, and
/// each region is cheap to align.
const SHORT_QUOTE_WORDS: usize = 12;
const REGIONS_FOR_SHORT: usize = 4;

/// Source read on each side of a region, in bytes, plus twice the
/// quotation's length, so that the alignment can place words the passages
/// did not hold.
const MARGIN_BYTES: usize = 400;

/// A region of a source aligned against the whole quotation.
pub(crate) struct Candidate {
    pub(crate) row: SourceRow,
    pub(crate) base: usize,
    pub(crate) text: String,
    pub(crate) tokens: Vec<Token>,
    pub(crate) al: Alignment,
}

impl Engine {
    /// Retrieves regions and aligns the quotation against each.
    pub(crate) fn candidates(&self, quote: &str, q: &Query) -> Result<Vec<Candidate>, EngineError> {
        let mut shingles = Vec::new();
        for f in q.fragments() {
            let toks = &q.tokens[f];
            for w in toks.windows(2) {
                shingles.push(verbatim_text::shingle(&w[0].token.norm, &w[1].token.norm));
            }
            // a hyphenated compound ("Charter-enshrined") may stand in a
            // source broken at a line end, where the index holds it as one
            // word: look it up joined too, with its neighbours
            for i in 0..toks.len().saturating_sub(1) {
                let between = &quote[toks[i].token.end..toks[i + 1].token.start];
                if !(between.chars().count() == 1 && between.chars().all(verbatim_text::is_dash)) {
                    continue;
                }
                let joined = format!("{}{}", toks[i].token.norm, toks[i + 1].token.norm);
                if let Some(p) = i.checked_sub(1) {
                    shingles.push(verbatim_text::shingle(&toks[p].token.norm, &joined));
                }
                if let Some(n) = toks.get(i + 2) {
                    shingles.push(verbatim_text::shingle(&joined, &n.token.norm));
                }
            }
        }
        if shingles.is_empty() {
            shingles.extend(q.tokens.iter().map(|t| t.token.norm.clone()));
        }
        let hits = self.corpus.search(&shingles, self.opts.passages)?;
        // merge neighbouring passages of a source into regions
        let mut by_source: HashMap<i64, Vec<(usize, usize, f32)>> = HashMap::new();
        for h in &hits {
            by_source.entry(h.source).or_default().push((h.start, h.end, h.score));
        }
        let query_bytes: usize = q.tokens.last().map(|t| t.token.end).unwrap_or(0);
        let join_gap = JOIN_GAP_BYTES + query_bytes;
        let mut regions: Vec<(i64, usize, usize, f32)> = Vec::new();
        for (src, mut ps) in by_source {
            ps.sort_by_key(|p| p.0);
            let mut cur = ps[0];
            for p in ps.into_iter().skip(1) {
                if p.0 <= cur.1 + join_gap {
                    cur.1 = cur.1.max(p.1);
                    cur.2 += p.2;
                } else {
                    regions.push((src, cur.0, cur.1, cur.2));
                    cur = p;
                }
            }
            regions.push((src, cur.0, cur.1, cur.2));
        }
        regions.sort_by(|a, b| b.3.partial_cmp(&a.3).unwrap_or(std::cmp::Ordering::Equal).then(a.0.cmp(&b.0)));
        // keep regions whose score is not negligible next to the best; short
        // quotations made of common words rank their true place lower, so
        // they get more regions (each is cheap to align)
        let top = regions.first().map(|r| r.3).unwrap_or(0.0);
        regions.retain(|r| r.3 >= top * MIN_REGION_SHARE);
        let budget =
            if q.tokens.len() <= SHORT_QUOTE_WORDS { self.opts.regions * REGIONS_FOR_SHORT } else { self.opts.regions };
        regions.truncate(budget);

        let m = q.tokens.len();
        let qids: Vec<u64> = q.tokens.iter().map(|t| t.token.hash()).collect();
        let gaps: Vec<GapKind> = q
            .tokens
            .iter()
            .map(|t| match t.gap_before {
                Gap::None => GapKind::Adjacent,
                Gap::Elision => GapKind::Elision,
                Gap::Wildcard => GapKind::Wildcard,
            })
            .collect();
        let margin = MARGIN_BYTES + query_bytes * 2;
        // the query's adjacent words, for compounds hyphenated at a line break
        let pairs: std::collections::HashSet<(String, String)> = q
            .tokens
            .windows(2)
            .filter(|w| w[1].gap_before == Gap::None)
            .map(|w| (w[0].token.norm.clone(), w[1].token.norm.clone()))
            .collect();
        let mut out = Vec::new();
        for (src, start, end, _) in regions {
            self.check_deadline()?;
            let Some(row) = self.corpus.source(src)? else { continue };
            let lo = start.saturating_sub(margin);
            let hi = end + margin;
            let Some((base, text)) = self.corpus.text_range(src, lo, hi)? else { continue };
            let mut tokens = verbatim_text::tokenize(&text);
            // one alignment holds a back pointer per (query word, source
            // word): a region too wide for the budget keeps the words
            // around its passages
            let cap = verbatim_align::max_source_words(m, MAX_ALIGN_BYTES);
            if tokens.len() > cap {
                let mid = ((start + end) / 2).saturating_sub(base);
                let c = tokens.partition_point(|t| t.start < mid);
                let a = c.saturating_sub(cap / 2).min(tokens.len() - cap);
                tokens.truncate(a + cap);
                tokens.drain(..a);
            }
            verbatim_text::drop_editorial_notes(&text, &mut tokens);
            verbatim_text::split_broken_compounds(&text, &mut tokens, &pairs);
            let sids: Vec<u64> = tokens.iter().map(|t| t.hash()).collect();
            let Some(al) = align(&qids, &gaps, &sids, &self.opts.costs) else { continue };
            out.push(Candidate { row, base, text, tokens, al });
        }
        Ok(out)
    }
}
