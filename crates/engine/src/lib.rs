//! Retrieve, align, judge: where does a quotation come from, and how does it
//! differ from its source?
//!
//! [`Engine::find`] runs the whole path for one quotation:
//!
//! 1. parse the quotation into words and gaps (`verbatim_text::parse_query`);
//! 2. `retrieve`: candidate passages by the fragments' word bigrams (the
//!    index's BM25 over rare shingles), merged into regions of a source so
//!    that an elided quotation's fragments pull toward one place, each
//!    aligned against the whole quotation (`verbatim_align`);
//! 3. `judge`: the verdict, edits, omissions and owner of each alignment,
//!    and what the source around it says of its meaning (`context`);
//! 4. `rank`: the witness that answers (fewest changed words, then the
//!    primary source over a collection, the fuller witness over an excerpt,
//!    the earliest date); a quotation found nowhere whole is tried as a
//!    splice of separate places (`splice`);
//! 5. `credit`: the chain of witnesses and whether the claimed speaker is
//!    right, with `names` to tell one person's names from another's.
//!
//! `check` runs the same path over every quotation of a document, `batch`
//! over many quotations on all cores, and `json` gives the answer's JSON
//! form, shared by the CLI, the server and the Python package.
//!
//! The API is plain data: [`Answer`], [`Match`], [`Edit`], whose types live
//! in `verbatim-model`.
//!
//! Architecture invariant: the engine only reads the corpus. It never
//! writes the record or the index, so any number of engines may share one
//! corpus with a writer.

pub mod batch;
pub mod check;
mod context;
pub mod credit;
pub mod json;
mod judge;
pub mod names;
pub mod paraphrase;
mod rank;
mod retrieve;
mod reuse;
mod splice;

pub use check::{Checked, DocQuote};

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use verbatim_align::Costs;
// The answer's types are the model's; the engine's API hands them out.
use verbatim_model::Quotation;
pub use verbatim_model::{
    Answer, Chain, CreditVerdict, Edit, Flag, FlagKind, Match, Nested, Omission, ReuseStep, ReuseTrail, ReuseVerdict,
    Role, Similarity, Verdict, Witness,
};
use verbatim_store::{Corpus, Reported, StoreError};
use verbatim_text::parse_query;

use crate::judge::{found, judge};
use crate::rank::Rank;
use crate::splice::MIN_PART_WORDS;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the quotation has no words")]
    EmptyQuery,
    #[error("the quotation has {0} words; at most {MAX_QUERY_WORDS} are looked up")]
    TooLong(usize),
    /// The sentence encoder failed on a quotation.
    #[error("{0}")]
    Encoder(String),
    /// The deadline set with [`Engine::set_deadline`] passed.
    #[error("stopped at the deadline before an answer was found")]
    Deadline,
}

/// The longest quotation looked up, in words. Alignment costs grow with
/// the quotation times the region, so a whole document pasted as a
/// "quotation" is refused rather than left to run; `check` is for documents.
pub const MAX_QUERY_WORDS: usize = 2000;

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
    /// The sentence encoder of the paraphrase search: with one, a
    /// quotation found nowhere in its own words is looked for as a
    /// paraphrase. Shared by every engine made with these options.
    #[cfg(feature = "paraphrase")]
    pub encoder: Option<Arc<verbatim_semantic::Encoder>>,
    /// The lowest score answered as a paraphrase (see `paraphrase::THRESHOLD`).
    pub paraphrase_threshold: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            costs: Costs::default(),
            passages: 60,
            regions: 6,
            max_matches: 5,
            #[cfg(feature = "paraphrase")]
            encoder: None,
            paraphrase_threshold: paraphrase::THRESHOLD,
        }
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
        matches.sort_by_key(Rank::of);
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
        // found nowhere in its own words: perhaps in other words
        #[cfg(feature = "paraphrase")]
        if matches.is_empty() && !self.splicing.get() {
            matches.extend(self.paraphrase(quote, &q)?.into_iter().filter(|m| !skip(m)));
        }
        credit::infer_owner(&mut matches);
        let verdict = matches.first().map(|m| m.verdict).unwrap_or(Verdict::NotFound);
        // credit is judged over every witness found, before the list is cut
        let claimed = speaker.map(str::trim).filter(|s| !s.is_empty());
        let people = match claimed {
            Some(_) if !matches.is_empty() => Some(self.people()?),
            _ => None,
        };
        let (credit, credit_to, chain) = credit::judge(claimed, &matches, people.as_deref());
        matches.truncate(self.opts.max_matches);
        for m in &mut matches {
            m.reuse = reuse::trail(&self.corpus, m)?;
        }
        Ok(Answer { verdict, credit, credit_to, matches, chain })
    }
}
