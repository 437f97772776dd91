//! Retrieve, align, judge: where does a quotation come from, and how does it
//! differ from its source?
//!
//! [`Engine::find`] runs the whole path for one quotation:
//!
//! 1. parse the quotation into words and gaps (`verbatim_text::parse_query`);
//! 2. retrieve candidate passages by the fragments' word bigrams (the
//!    index's BM25 over rare shingles), and merge neighbouring passages of a
//!    source into regions, so that an elided quotation's fragments pull
//!    toward one place;
//! 3. align the whole quotation against each region (`verbatim_align`);
//! 4. judge: the verdict of each alignment, the witness that answers (fewest
//!    changed words, then the primary source over a collection, the fuller
//!    witness over an excerpt, the earliest date), and the credit check.
//!
//! The API is plain data: [`Answer`], [`Match`], [`Edit`].

pub mod batch;
pub mod check;
pub mod context;
pub mod credit;
pub mod json;
pub use check::{Checked, DocQuote};
pub mod names;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use verbatim_align::{align, Alignment, Costs, GapKind, Step};
// The answer's types are the model's; the engine's API hands them out.
pub use verbatim_model::{
    Answer, Chain, CreditVerdict, Edit, Flag, FlagKind, Match, Nested, Omission, Role, Verdict, Witness,
};
use verbatim_model::{Quotation, SourceKind, Standing};
use verbatim_store::{Corpus, Reported, SourceRow, StoreError};
use verbatim_text::{parse_query, EditorialKind, Gap, Query, Token};

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the quotation has no words")]
    EmptyQuery,
    #[error("the quotation has {0} words; at most {MAX_QUERY_WORDS} are looked up")]
    TooLong(usize),
    /// The deadline set with [`Engine::set_deadline`] passed.
    #[error("stopped at the deadline before an answer was found")]
    Deadline,
}

/// The longest quotation looked up, in words. Alignment costs grow with
/// the quotation times the region, so a whole document pasted as a
/// "quotation" is refused rather than left to run; `check` is for documents.
pub const MAX_QUERY_WORDS: usize = 2000;

/// The fewest words a part of a quotation spliced from separate places
/// may have: shorter runs of words recur by chance across a corpus.
const MIN_PART_WORDS: usize = 5;

/// How many ways of splitting a quotation into parts are tried.
const MAX_SPLICE_TRIES: usize = 4;

/// The most memory one alignment may hold (see
/// `verbatim_align::alignment_bytes`). A region wider than this allows for
/// the quotation is narrowed around its passages: a 2,000-word quotation
/// keeps about 7,400 source words, a 100-word one about 142,000, more than
/// any region holds. A server runs one alignment per worker at a time, so
/// its peak is bounded by workers × this.
pub const MAX_ALIGN_BYTES: usize = 128 << 20;

/// Knobs of the search, with the defaults the benchmarks were measured at.
#[derive(Debug, Clone)]
pub struct Options {
    pub costs: Costs,
    /// Passages fetched from the index per query.
    pub passages: usize,
    /// Regions aligned per query.
    pub regions: usize,
    /// At most this many matches are reported.
    pub max_matches: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { costs: Costs::default(), passages: 60, regions: 6, max_matches: 5 }
    }
}

/// The engine over one open corpus.
pub struct Engine {
    corpus: Corpus,
    opts: Options,
    /// The people the corpus knows, read on the first claimed speaker and
    /// dropped on [`Engine::refresh`].
    people: Mutex<Option<Arc<names::People>>>,
    /// When work must stop (see [`Engine::set_deadline`]).
    deadline: std::cell::Cell<Option<std::time::Instant>>,
    /// Set while the parts of a spliced quotation are looked up.
    splicing: std::cell::Cell<bool>,
}

struct Candidate {
    row: SourceRow,
    base: usize,
    text: String,
    tokens: Vec<Token>,
    al: Alignment,
}

impl Engine {
    pub fn new(corpus: Corpus) -> Engine {
        Engine::with_options(corpus, Options::default())
    }

    pub fn with_options(corpus: Corpus, opts: Options) -> Engine {
        Engine {
            corpus,
            opts,
            people: Mutex::new(None),
            deadline: std::cell::Cell::new(None),
            splicing: std::cell::Cell::new(false),
        }
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// Sees what was committed since the corpus was opened (the index
    /// reader moves; the people the corpus knows are read again).
    pub fn refresh(&self) {
        self.corpus.refresh();
        if let Ok(mut p) = self.people.lock() {
            *p = None;
        }
    }

    /// Makes work on this engine stop with [`EngineError::Deadline`] once
    /// `deadline` has passed; `None` lifts it. The engine looks at the clock
    /// before aligning each region and before each quotation of a checked
    /// document, so a server that has answered "busy" gets its worker
    /// back soon after, instead of when the work would have finished.
    pub fn set_deadline(&self, deadline: Option<std::time::Instant>) {
        self.deadline.set(deadline);
    }

    pub(crate) fn check_deadline(&self) -> Result<(), EngineError> {
        match self.deadline.get() {
            Some(d) if std::time::Instant::now() >= d => Err(EngineError::Deadline),
            _ => Ok(()),
        }
    }

    /// The people the corpus knows, indexed once.
    fn people(&self) -> Result<Arc<names::People>, EngineError> {
        let mut guard = self.people.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = guard.as_ref() {
            return Ok(p.clone());
        }
        let p = Arc::new(names::People::new(self.corpus.people()?));
        *guard = Some(p.clone());
        Ok(p)
    }

    /// Finds where `quote` comes from and, when `speaker` is given, whether
    /// the credit is right.
    pub fn find(&self, quote: &str, speaker: Option<&str>) -> Result<Answer, EngineError> {
        self.find_except(quote, speaker, &|_| false)
    }

    /// [`Engine::find`], setting aside the matches `skip` says to (a
    /// quotation being checked is not its own witness).
    pub fn find_except(
        &self,
        quote: &str,
        speaker: Option<&str>,
        skip: &dyn Fn(&Match) -> bool,
    ) -> Result<Answer, EngineError> {
        let q = parse_query(quote);
        if q.tokens.is_empty() {
            return Err(EngineError::EmptyQuery);
        }
        if q.tokens.len() > MAX_QUERY_WORDS {
            return Err(EngineError::TooLong(q.tokens.len()));
        }
        let cands = self.candidates(quote, &q)?;
        let m = q.tokens.len();
        // a run of words found somewhere: if the whole is found nowhere, it
        // may be spliced from separate places
        let partial = cands.iter().any(|c| c.al.longest_run() >= MIN_PART_WORDS);
        let mut matches: Vec<Match> = Vec::new();
        let mut cache: HashMap<i64, (Vec<Quotation>, Vec<Reported>)> = HashMap::new();
        for c in cands {
            if !found(&c.al, m) {
                continue;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = cache.entry(c.row.id) {
                e.insert((self.corpus.quotations(c.row.id)?, self.corpus.reported(c.row.id)?));
            }
            let (quotations, reported) = &cache[&c.row.id];
            let mut mm = judge(quote, &q, &c, quotations);
            mm.nested = self.reported_around(&c, reported, mm.start, mm.end)?;
            if let Some(n) = mm.nested.as_ref().and_then(|n| n.inner.clone()) {
                mm.owner = Some(n);
                mm.owner_from = "inner";
            }
            if skip(&mm) {
                continue;
            }
            // the same span found twice (overlapping regions): keep one
            if matches.iter().any(|x| x.source_id == mm.source_id && x.start < mm.end && mm.start < x.end) {
                continue;
            }
            matches.push(mm);
        }
        matches.sort_by_key(rank_key);
        // found nowhere whole, or only with a fragment that is mostly not
        // there or a quarter of the words changed: perhaps spliced from
        // separate places (the parts must then be found unchanged)
        let weak = matches.first().is_some_and(|b| {
            let changed = b.edits.iter().filter(|e| e.is_change()).count();
            b.verdict == Verdict::Altered && (b.weak_fragment || changed * 4 >= m)
        });
        if (matches.is_empty() && partial || weak) && !self.splicing.get() {
            if let Some(a) = self.spliced(quote, &q, speaker, skip)? {
                return Ok(a);
            }
        }
        infer_owner(&mut matches);
        let verdict = matches.first().map(|m| m.verdict).unwrap_or(Verdict::NotFound);
        // credit is judged over every witness found, before the list is cut
        let claimed = speaker.map(str::trim).filter(|s| !s.is_empty());
        let people = match claimed {
            Some(_) if !matches.is_empty() => Some(self.people()?),
            _ => None,
        };
        let (credit, credit_to, chain) = credit::judge(claimed, &matches, people.as_deref());
        matches.truncate(self.opts.max_matches);
        Ok(Answer { verdict, credit, credit_to, matches, chain })
    }

    /// A quotation assembled from separate places (two documents, or two
    /// places of one too far apart to align as one): split where a mark or
    /// a stop joins its parts, each part found on its own with its words
    /// unchanged. The answer is `spliced` with one match per part, in the
    /// quotation's order; the credit holds only if it holds for every part.
    fn spliced(
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

    /// The reported span around a match, if the match lies inside one: the
    /// smallest that contains it, or one that holds most of its words (a
    /// quotation that adds a word or two before the opening mark).
    fn reported_around(
        &self,
        c: &Candidate,
        reported: &[Reported],
        s0: usize,
        s1: usize,
    ) -> Result<Option<Nested>, EngineError> {
        let contains = reported.iter().filter(|r| r.start <= s0 && s1 <= r.end).min_by_key(|r| r.end - r.start);
        let r = match contains {
            Some(r) => Some(r),
            None => {
                let words: Vec<usize> = c
                    .al
                    .steps
                    .iter()
                    .filter_map(
                        |st| if let Step::Match { s, .. } = st { Some(c.base + c.tokens[*s].start) } else { None },
                    )
                    .collect();
                reported
                    .iter()
                    .filter(|r| r.start < s1 && s0 < r.end && s1 <= r.close + 2)
                    .map(|r| (r, words.iter().filter(|&&w| w >= r.start && w < r.end).count()))
                    .filter(|(_, inside)| inside * 2 >= words.len() && *inside > 0)
                    .max_by_key(|(_, inside)| *inside)
                    .map(|(r, _)| r)
            }
        };
        let Some(r) = r else { return Ok(None) };
        // the frame: the paragraph before the opening mark, at most 300 bytes
        let lo = r.open.saturating_sub(300);
        let frame = if lo >= c.base && r.open <= c.base + c.text.len() {
            let a = verbatim_text::floor_boundary(&c.text, lo - c.base);
            c.text[a..verbatim_text::floor_boundary(&c.text, r.open - c.base)].to_string()
        } else {
            self.corpus.text_range(c.row.id, lo, r.open)?.map(|(_, t)| t).unwrap_or_default()
        };
        let frame = match frame.rfind("\n\n") {
            Some(p) => frame[p + 2..].to_string(),
            None => frame,
        };
        let cue = match &r.cue {
            Some(cue) if cue.start >= c.base && cue.end <= c.base + c.text.len() => {
                let (a, b) = (
                    verbatim_text::floor_boundary(&c.text, cue.start - c.base),
                    verbatim_text::floor_boundary(&c.text, cue.end - c.base),
                );
                Some(c.text[a..b].to_string())
            }
            Some(cue) => self.corpus.text_range(c.row.id, cue.start, cue.end)?.map(|(_, t)| t),
            None => None,
        };
        let inner = r.speaker.clone().filter(|s| names::is_person(s));
        let cue_at = r.cue.as_ref().map(|c| (c.start, c.end));
        Ok(Some(Nested { inner, frame, cue, open: r.open, close: r.close, cue_at }))
    }

    /// Retrieves regions and aligns the quotation against each.
    fn candidates(&self, quote: &str, q: &Query) -> Result<Vec<Candidate>, EngineError> {
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
        let join_gap = 1500 + query_bytes;
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
        regions.retain(|r| r.3 >= top * 0.2);
        let budget = if q.tokens.len() <= 12 { self.opts.regions * 4 } else { self.opts.regions };
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
        let margin = 400 + query_bytes * 2;
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

/// Whether an alignment places the quotation at all: most of its words must
/// be there, with a run of consecutive ones.
fn found(al: &Alignment, m: usize) -> bool {
    let matched = al.matched();
    let run = al.longest_run();
    let run_ok = run >= m.min(4) || (run >= 3 && matched * 100 >= m * 85);
    matched * 10 >= m * 6 && run_ok && matched >= m.min(3)
}

/// Whether some fragment of the query between elision marks has fewer than
/// half of its words matched in the alignment.
fn weak_fragment(q: &Query, al: &Alignment) -> bool {
    let frags = q.fragments();
    if frags.len() < 2 {
        return false;
    }
    let mut hits = vec![0usize; frags.len()];
    for st in &al.steps {
        if let Step::Match { q: qi, .. } = st {
            if let Some(f) = frags.iter().position(|r| r.contains(qi)) {
                hits[f] += 1;
            }
        }
    }
    frags.iter().zip(&hits).any(|(r, &h)| h * 2 < r.len())
}

/// Turns an alignment into a [`Match`] with its verdict, edits, owner and
/// context flags.
fn judge(quote: &str, q: &Query, c: &Candidate, quotations: &[Quotation]) -> Match {
    let al = &c.al;
    let tok = &c.tokens;
    let s0 = tok[al.source.start].start;
    let s1 = tok[al.source.end - 1].end;
    let mut edits = Vec::new();
    let mut omitted = Vec::new();
    // the source words each wildcard stood for, by the query word after it
    let mut wildcards: HashMap<usize, std::ops::Range<usize>> = HashMap::new();
    let mut next_q = 0;
    for st in &al.steps {
        match st {
            Step::Match { q: qi, .. } => next_q = qi + 1,
            Step::Substitute { q: qi, s } => {
                next_q = qi + 1;
                edits.push(Edit::Changed {
                    quote: quote[q.tokens[*qi].token.start..q.tokens[*qi].token.end].to_string(),
                    source: c.text[tok[*s].start..tok[*s].end].to_string(),
                    start: c.base + tok[*s].start,
                    end: c.base + tok[*s].end,
                })
            }
            Step::Insert { q: qi } => {
                next_q = qi + 1;
                edits.push(Edit::Added { quote: quote[q.tokens[*qi].token.start..q.tokens[*qi].token.end].to_string() })
            }
            Step::Skip { s, gap } if !s.is_empty() => {
                // the hidden text runs from the end of the word before to the start of the word after
                let a = if s.start > 0 { tok[s.start - 1].end } else { tok[s.start].start };
                let b = if s.end < tok.len() { tok[s.end].start } else { tok[s.end - 1].end };
                let text = c.text[a..b].trim().to_string();
                let (a, b) = (c.base + a, c.base + b);
                match gap {
                    GapKind::Adjacent => edits.push(Edit::Omitted {
                        source: text,
                        start: tok[s.start].start + c.base,
                        end: tok[s.end - 1].end + c.base,
                    }),
                    GapKind::Elision => omitted.push(Omission { start: a, end: b, text }),
                    GapKind::Wildcard => {
                        wildcards.insert(next_q, tok[s.start].start..tok[s.end - 1].end);
                    }
                }
            }
            _ => {}
        }
    }
    edits.extend(editorial_edits(quote, q, c, &wildcards));
    let (abs0, abs1) = (c.base + s0, c.base + s1);
    // the recorded quotation holding the match, if any: the smallest that contains it
    let container =
        quotations.iter().filter(|qq| qq.start <= abs0 && abs1 <= qq.end).min_by_key(|qq| qq.end - qq.start);
    // context is read inside the recorded quotation: a collection's
    // entries are separate texts
    let bounds = match container {
        Some(qq) => {
            let lo = verbatim_text::floor_boundary(&c.text, qq.start.saturating_sub(c.base));
            let hi = verbatim_text::floor_boundary(&c.text, qq.end.saturating_sub(c.base).min(c.text.len()));
            lo.min(s0)..hi.max(s1)
        }
        None => 0..c.text.len(),
    };
    let read = context::read(q, c, s0, s1, bounds, &omitted);
    omitted.extend(read.edges);
    omitted.sort_by_key(|o| o.start);

    let m = q.tokens.len();
    let changed = al.substituted() + al.inserted();
    let (skipped, _) = al.unmarked_skips();
    let span = &c.text[s0..s1];
    let verdict = if changed > 0 {
        Verdict::Altered
    } else if skipped > 0 {
        Verdict::Spliced
    } else if !omitted.is_empty() {
        Verdict::Elided
    } else if verbatim_text::same_surface(
        verbatim_text::strip_outer_punctuation(quote),
        verbatim_text::strip_outer_punctuation(span),
    ) {
        Verdict::Verbatim
    } else {
        Verdict::Normalized
    };
    let score = (1.0 - al.cost / m as f32).clamp(0.0, 1.0);
    let (owner, owner_from) = if let Some(sp) = container.and_then(|qq| qq.credit.speaker.as_ref()) {
        (Some(sp.value.clone()), "quotation")
    } else if container.is_none() || c.row.kind == SourceKind::Document {
        (c.row.speaker.clone(), "document")
    } else {
        (None, "quotation")
    };
    let witness =
        container.and_then(|qq| qq.credit.speaker.as_ref().map(|f| f.value.clone())).or_else(|| c.row.speaker.clone());
    let primary = match container {
        Some(qq) => qq.primary,
        None => c.row.kind == SourceKind::Document,
    };
    Match {
        source_id: c.row.id,
        source: c.row.path.clone(),
        title: c.row.title.clone(),
        speaker: c.row.speaker.clone(),
        date: c.row.date.clone(),
        kind: c.row.kind,
        start: abs0,
        end: abs1,
        text: span.to_string(),
        score,
        verdict,
        omitted,
        edits,
        owner,
        owner_from,
        owner_via: None,
        standing: container.map_or(Standing::Sourced, |qq| qq.standing),
        not_by: container.and_then(|qq| qq.not_by.clone()),
        witness,
        nested: None,
        primary,
        container_len: container.map(|qq| qq.end - qq.start),
        part: None,
        weak_fragment: weak_fragment(q, al),
        context: read.flags,
    }
}

/// The editorial brackets of the quotation as edits, each with the source
/// words it stands for: the word that holds bracketed letters, the words a
/// wildcard took the place of.
fn editorial_edits(
    quote: &str,
    q: &Query,
    c: &Candidate,
    wildcards: &HashMap<usize, std::ops::Range<usize>>,
) -> Vec<Edit> {
    let mut out = Vec::new();
    for e in &q.editorial {
        let source = match e.kind {
            EditorialKind::Letters => c.al.steps.iter().find_map(|st| match st {
                Step::Match { q: qi, s } | Step::Substitute { q: qi, s } if *qi == e.before => {
                    Some(c.tokens[*s].start..c.tokens[*s].end)
                }
                _ => None,
            }),
            EditorialKind::Insertion => wildcards.get(&e.before).cloned(),
            EditorialKind::Note => None,
        };
        let (start, end) = source.as_ref().map_or((0, 0), |r| (c.base + r.start, c.base + r.end));
        // bracketed letters are shown in their word ("[t]he")
        let (a, b) = match (e.kind, q.tokens.get(e.before)) {
            (EditorialKind::Letters, Some(t)) => (t.token.start.min(e.start), t.token.end.max(e.end)),
            _ => (e.start, e.end),
        };
        out.push(Edit::Editorial {
            quote: quote[a..b].to_string(),
            source: source.map(|r| c.text[r].to_string()),
            start,
            end,
        });
    }
    out
}

/// The order of witnesses, most telling first. The fields compare in the
/// order they are declared, so the order is the policy:
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// fewest changed or added words;
    changed: usize,
    /// then no source words left out without a mark;
    omitted: usize,
    /// then a primary source (a speech, a "(Full text)" section) whose words
    /// are its own over a collection or a span that quotes another;
    secondary: bool,
    /// then the witness where the quotation's elision marks really hide
    /// words (the fuller passage over an excerpt that has the same cuts);
    excerpt: bool,
    /// then the longer recorded quotation holding the words;
    fuller: std::cmp::Reverse<usize>,
    /// then an exact copy over a normalized one (two copies of one speech);
    inexact: bool,
    /// then the earliest date (a bare year sorts before its dates);
    date: String,
    /// then the cheaper alignment.
    cost: u32,
}

fn rank_key(m: &Match) -> Rank {
    Rank {
        changed: m.edits.iter().filter(|e| e.is_change()).count(),
        omitted: m.edits.iter().filter(|e| matches!(e, Edit::Omitted { .. })).count(),
        secondary: !m.primary || m.nested.is_some(),
        excerpt: m.verdict != Verdict::Elided,
        fuller: std::cmp::Reverse(m.container_len.unwrap_or(usize::MAX / 2)),
        inexact: m.verdict != Verdict::Verbatim,
        date: m.date.clone().unwrap_or_else(|| "9999".into()),
        cost: ((1.0 - m.score) * 1000.0) as u32,
    }
}

/// Credit through witnesses: when the best witness holds the words with no
/// credit (a collection entry, a bullet with none), another witness of the
/// same words that credits them lends its credit, marked as inferred and
/// naming where it came from. A witness that is itself uncredited never
/// lends anything, and neither does a neighbouring quotation.
fn infer_owner(matches: &mut [Match]) {
    let Some(best) = matches.first() else { return };
    if best.owner.is_some() || best.standing == Standing::Misattributed {
        return;
    }
    let lender = matches[1..].iter().find(|m| {
        m.owner.is_some()
            && m.owner_from != "witness"
            && m.standing == Standing::Sourced
            && m.verdict != Verdict::Altered
    });
    if let Some(l) = lender {
        let (owner, via) = (l.owner.clone(), format!("{} [{}..{}]", l.source, l.start, l.end));
        let best = &mut matches[0];
        best.owner = owner;
        best.owner_from = "witness";
        best.owner_via = Some(via);
    }
}
