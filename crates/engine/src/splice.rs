//! Splices: a quotation assembled from separate places (two documents, or
//! two places of one too far apart to align as one).

use verbatim_text::{Gap, Query};

use crate::{Answer, CreditVerdict, Engine, EngineError, Match, Verdict};

/// The fewest words a part of a quotation spliced from separate places
/// may have: shorter runs of words recur by chance across a corpus.
pub(crate) const MIN_PART_WORDS: usize = 5;

/// How many ways of splitting a quotation into parts are tried.
const MAX_SPLICE_TRIES: usize = 4;

impl Engine {
    /// A quotation assembled from separate places (two documents, or two
    /// places of one too far apart to align as one): split where a mark or
    /// a stop joins its parts, each part found on its own with its words
    /// unchanged. The answer is `spliced` with one match per part, in the
    /// quotation's order; the credit holds only if it holds for every part.
    pub(crate) fn spliced(
        &self,
        quote: &str,
        q: &Query,
        speaker: Option<&str>,
        skip: &dyn Fn(&Match) -> bool,
    ) -> Result<Option<Answer>, EngineError> {
        let m = q.tokens.len();
        let mut points: Vec<(u8, usize, usize)> = Vec::new();
        for k in MIN_PART_WORDS..=m.saturating_sub(MIN_PART_WORDS) {
            let between = &quote[q.tokens[k - 1].token.end..q.tokens[k].token.start];
            let class = if q.tokens[k].gap_before == Gap::Elision {
                0
            } else if between.contains(['.', ';', ':', '!', '?', '\u{2014}', '\u{2013}']) || between.contains("--") {
                1
            } else if between.contains(',') {
                2
            } else {
                continue;
            };
            points.push((class, k.abs_diff(m / 2), k));
        }
        points.sort();
        // the parts are looked up whole, never split again
        self.splicing.set(true);
        let found = self.split_at(quote, q, speaker, skip, &points);
        self.splicing.set(false);
        found
    }

    fn split_at(
        &self,
        quote: &str,
        q: &Query,
        speaker: Option<&str>,
        skip: &dyn Fn(&Match) -> bool,
        points: &[(u8, usize, usize)],
    ) -> Result<Option<Answer>, EngineError> {
        for &(_, _, k) in points.iter().take(MAX_SPLICE_TRIES) {
            self.check_deadline()?;
            let (a_end, b_start) = (q.tokens[k - 1].token.end, q.tokens[k].token.start);
            let part = |text: &str, range: std::ops::Range<usize>| -> Result<Option<Answer>, EngineError> {
                let a = self.find_except(text, speaker, skip)?;
                let ok = matches!(a.verdict, Verdict::Verbatim | Verdict::Normalized | Verdict::Elided);
                Ok(ok.then(|| {
                    let mut a = a;
                    if let Some(best) = a.matches.first_mut() {
                        best.part = Some(range);
                    }
                    a
                }))
            };
            let Some(first) = part(&quote[..a_end], 0..a_end)? else { continue };
            let Some(second) = part(&quote[b_start..], b_start..quote.len())? else { continue };
            let credit = match (first.credit, second.credit) {
                (None, _) | (_, None) => None,
                (Some(a), Some(b)) if a == b => Some(a),
                (Some(CreditVerdict::Misattributed), _) | (_, Some(CreditVerdict::Misattributed)) => {
                    Some(CreditVerdict::Misattributed)
                }
                (Some(CreditVerdict::QuotedBy), _) | (_, Some(CreditVerdict::QuotedBy)) => {
                    Some(CreditVerdict::QuotedBy)
                }
                _ => Some(CreditVerdict::Unknown),
            };
            let credit_to = match credit {
                Some(c) if first.credit == Some(c) => first.credit_to.clone(),
                Some(c) if second.credit == Some(c) => second.credit_to.clone(),
                _ => None,
            };
            let chain = first.chain.clone();
            let matches: Vec<Match> =
                first.matches.into_iter().take(1).chain(second.matches.into_iter().take(1)).collect();
            return Ok(Some(Answer { verdict: Verdict::Spliced, credit, credit_to, matches, chain }));
        }
        Ok(None)
    }
}
