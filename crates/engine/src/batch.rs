//! Many quotations at once, on every core.
//!
//! An [`Engine`] holds one connection to the record, which is not shared
//! between threads; a batch therefore splits its queries into one run per
//! worker, each with its own engine over the same corpus folder. Answers come
//! back in input order, each with the time the engine spent on it. The
//! command line's `find --batch` and the Python package's `find_many` both
//! answer through here, so they agree answer for answer.

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use verbatim_store::Corpus;

use crate::{Answer, Engine, EngineError, Options};

/// One quotation of a batch, with the speaker it is credited to, if any.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub quote: String,
    pub speaker: Option<String>,
}

/// The answer to one query of a batch, or why it has none, and the
/// milliseconds the engine spent on it.
#[derive(Debug)]
pub struct Timed {
    pub answer: Result<Answer, EngineError>,
    pub ms: f64,
}

/// Answers every query against the corpus in `dir`, on all of rayon's
/// threads. A query's own error (no words, too long) is its answer; only a
/// corpus that cannot be opened fails the batch.
pub fn find_many(dir: &Path, queries: &[Query], opts: &Options) -> Result<Vec<Timed>, EngineError> {
    if queries.is_empty() {
        return Ok(Vec::new());
    }
    let threads = rayon::current_num_threads().max(1);
    let chunk = queries.len().div_ceil(threads).max(1);
    let runs: Vec<Vec<Timed>> = queries
        .par_chunks(chunk)
        .map(|qs| -> Result<Vec<Timed>, EngineError> {
            let engine = Engine::with_options(Corpus::open(dir)?, opts.clone());
            Ok(qs
                .iter()
                .map(|q| {
                    let t0 = Instant::now();
                    let answer = engine.find(&q.quote, q.speaker.as_deref());
                    Timed { answer, ms: t0.elapsed().as_secs_f64() * 1e3 }
                })
                .collect())
        })
        .collect::<Result<_, _>>()?;
    Ok(runs.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use verbatim_model::{Source, SourceKind};

    #[test]
    fn answers_come_back_in_input_order_with_their_own_errors() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Corpus::open(dir.path()).unwrap().into_writer(|| {}).unwrap();
        let texts = [
            ("a.txt", "The only thing we have to fear is fear itself, nameless and unreasoning."),
            ("b.txt", "Ask not what your country can do for you; ask what you can do for your country."),
        ];
        w.add(texts.iter().map(|(n, t)| Source::new(*n, SourceKind::Document, "text", t.to_string())).collect())
            .unwrap();
        w.finish().unwrap();
        let mut queries = Vec::new();
        for k in 0..40 {
            let quote = match k % 3 {
                0 => "the only thing we have to fear is fear itself",
                1 => "ask what you can do for your country",
                _ => "!!! ...",
            };
            queries.push(Query { quote: quote.into(), speaker: None });
        }
        let got = find_many(dir.path(), &queries, &Options::default()).unwrap();
        assert_eq!(got.len(), queries.len());
        for (k, t) in got.iter().enumerate() {
            match k % 3 {
                2 => assert!(matches!(t.answer, Err(EngineError::EmptyQuery)), "{k}: {:?}", t.answer),
                r => {
                    let a = t.answer.as_ref().unwrap();
                    assert_eq!(a.matches[0].source, if r == 0 { "a.txt" } else { "b.txt" }, "query {k}");
                }
            }
        }
        assert!(find_many(dir.path(), &[], &Options::default()).unwrap().is_empty());
    }
}
