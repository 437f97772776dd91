//! The passage index (tantivy), derived from the record.
//!
//! One tantivy document per passage: a window of [`PASSAGE_WORDS`] words of
//! a source. Its `shingles` field holds the word bigrams of the window (the
//! bigram that crosses into the next window included, so no phrase falls
//! between two passages); `source`, `start` and `end` locate it. The text
//! itself is not stored here: the record has it.
//!
//! Bigrams rather than single words: a bigram's document frequency is a far
//! sharper rarity signal, and BM25 over rare bigrams ranks the passage that
//! holds a quotation first even when common words dominate it.
//!
//! A passage's `shingles` value is its words, normalized, each ended by a
//! NUL; the field's tokenizer ([`BigramTokenizer`]) makes the bigrams. One
//! value a passage, not one a bigram: tantivy groups and tokenizes a
//! document's values one by one, and a hundred values a passage cost about
//! a twelfth of ingest (measured on UNGDC, docs/BENCHMARKS.md).

use std::cmp::Reverse;
use std::path::Path;

use rayon::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use crate::{Result, StoreError};

/// Words per passage.
pub const PASSAGE_WORDS: usize = 100;

/// At most this many of a query's shingles are searched: the rarest.
const MAX_QUERY_TERMS: usize = 48;

/// A bigram in more than one passage in `COMMON_DIVISOR` (and in more than
/// `COMMON_FLOOR` passages) is common: "of the" adds cost and no signal, so
/// it is left out of a query that has two rarer ones.
const COMMON_DIVISOR: u64 = 20;
const COMMON_FLOOR: u64 = 50;

/// A passage found by [`crate::Corpus::search`].
#[derive(Debug, Clone, Copy)]
pub struct PassageHit {
    pub source: i64,
    /// Byte range of the passage in the source text.
    pub start: usize,
    pub end: usize,
    pub score: f32,
}

#[derive(Clone, Copy)]
struct Fields {
    source: Field,
    start: Field,
    end: Field,
    shingles: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let source = b.add_u64_field("source", NumericOptions::default().set_indexed().set_fast());
    let start = b.add_u64_field("start", NumericOptions::default().set_fast());
    let end = b.add_u64_field("end", NumericOptions::default().set_fast());
    let shingles = b.add_text_field(
        "shingles",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_tokenizer(BIGRAMS).set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    (b.build(), Fields { source, start, end, shingles })
}

pub(crate) struct PassageIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl PassageIndex {
    pub fn open(dir: &Path) -> Result<PassageIndex> {
        let path = dir.join("index");
        let e = |source| StoreError::Index { dir: dir.to_path_buf(), source };
        std::fs::create_dir_all(&path).map_err(|source| StoreError::Io { dir: dir.to_path_buf(), source })?;
        let (schema, fields) = schema();
        let index = open_index(dir, &path, &schema)?;
        index.tokenizers().register(BIGRAMS, TextAnalyzer::from(BigramTokenizer::default()));
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(e)?;
        Ok(PassageIndex { index, reader, fields })
    }

    pub fn reload(&self) {
        let _ = self.reader.reload();
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn writer(&self) -> tantivy::Result<PassageWriter> {
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(1, 4);
        let writer: IndexWriter = self.index.writer_with_num_threads(threads, 96_000_000 * threads)?;
        Ok(PassageWriter { writer, fields: self.fields })
    }

    pub fn search(&self, shingles: &[String], limit: usize) -> tantivy::Result<Vec<PassageHit>> {
        let searcher = self.reader.searcher();
        let n = searcher.num_docs().max(1);
        let mut terms: Vec<(u64, Term)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for s in shingles {
            if !seen.insert(s.as_str()) {
                continue;
            }
            let t = Term::from_field_text(self.fields.shingles, s);
            let df = searcher.doc_freq(&t)?;
            if df > 0 {
                terms.push((df, t));
            }
        }
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        terms.sort_by_key(|(df, _)| *df);
        // very common bigrams ("of the") add cost and no signal, unless they
        // are all the query has
        let common = (n / COMMON_DIVISOR).max(COMMON_FLOOR);
        let rare = terms.iter().filter(|(df, _)| *df <= common).count();
        if rare >= 2 {
            terms.truncate(rare);
        }
        terms.truncate(MAX_QUERY_TERMS);
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .into_iter()
            .map(|(_, t)| (Occur::Should, Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)) as Box<dyn Query>))
            .collect();
        let query = BooleanQuery::new(clauses);
        // Equal scores are ordered by source and start, so that the same
        // corpus answers the same however ingest's threads cut its segments:
        // by score alone, ties fall in segment order, and which of several
        // equal passages makes the cut at `limit` changed from one ingest
        // of a corpus to the next.
        let collector = TopDocs::with_limit(limit).tweak_score(|seg: &tantivy::SegmentReader| {
            let ff = seg.fast_fields();
            let col = |name: &str| ff.u64(name).ok().map(|c| c.first_or_default_col(u64::MAX));
            let (source, start) = (col("source"), col("start"));
            move |doc: tantivy::DocId, score: tantivy::Score| {
                let key = |c: &Option<std::sync::Arc<dyn tantivy::columnar::ColumnValues<u64>>>| {
                    Reverse(c.as_ref().map_or(u64::MAX, |c| c.get_val(doc)))
                };
                (score, key(&source), key(&start))
            }
        });
        let top = searcher.search(&query, &collector)?;
        let mut out = Vec::with_capacity(top.len());
        // the sort key already holds the source and start (`u64::MAX` where
        // a passage lacked one); only the end is read again
        for ((score, Reverse(src), Reverse(start)), addr) in top {
            if src == u64::MAX || start == u64::MAX {
                continue;
            }
            let end = searcher.segment_reader(addr.segment_ord).fast_fields().u64("end")?.first(addr.doc_id);
            if let Some(end) = end {
                out.push(PassageHit { source: src as i64, start: start as usize, end: end as usize, score });
            }
        }
        Ok(out)
    }
}

fn open_index(dir: &Path, path: &Path, schema: &Schema) -> Result<Index> {
    let mmap = tantivy::directory::MmapDirectory::open(path)
        .map_err(|err| StoreError::Other { dir: dir.to_path_buf(), msg: format!("index folder: {err}") })?;
    match Index::open_or_create(mmap, schema.clone()) {
        // in tantivy 0.27 `open_or_create` gives this error for one reason
        // only: the folder holds an index of another schema
        Err(TantivyError::SchemaError(_)) => Err(StoreError::StaleIndex { dir: dir.to_path_buf() }),
        r => r.map_err(|source| StoreError::Index { dir: dir.to_path_buf(), source }),
    }
}

/// Removes the index folder of `dir` and everything in it. Only for the
/// holder of the write lock, who rebuilds it from the record.
pub(crate) fn remove(dir: &Path) -> Result<()> {
    std::fs::remove_dir_all(dir.join("index")).map_err(|source| StoreError::Io { dir: dir.to_path_buf(), source })
}

/// The name the `shingles` field's tokenizer is registered under.
const BIGRAMS: &str = "verbatim_bigrams";

/// Ends each word of a `shingles` value: no normalized word holds a NUL.
const WORD_END: char = '\0';

/// The `shingles` field's tokenizer: a value is words, each ended by
/// [`WORD_END`]; its tokens are each pair of neighbours, joined as
/// [`verbatim_text::shingle_into`] joins a query's, or the word itself when
/// the value holds one word.
#[derive(Clone, Default)]
struct BigramTokenizer {
    token: Token,
}

struct BigramStream<'a> {
    words: std::str::SplitTerminator<'a, char>,
    prev: Option<&'a str>,
    made: bool,
    token: &'a mut Token,
}

impl Tokenizer for BigramTokenizer {
    type TokenStream<'a> = BigramStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> BigramStream<'a> {
        self.token.reset();
        let mut words = text.split_terminator(WORD_END);
        let prev = words.next();
        BigramStream { words, prev, made: false, token: &mut self.token }
    }
}

impl TokenStream for BigramStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(prev) = self.prev else { return false };
        let t = &mut *self.token;
        t.text.clear();
        match self.words.next() {
            Some(next) => {
                verbatim_text::shingle_into(&mut t.text, prev, next);
                self.prev = Some(next);
            }
            None if !self.made => {
                t.text.push_str(prev);
                self.prev = None;
            }
            None => return false,
        }
        self.made = true;
        t.position = t.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

pub(crate) struct PassageWriter {
    writer: IndexWriter,
    fields: Fields,
}

impl PassageWriter {
    pub fn delete_source(&mut self, id: i64) {
        self.writer.delete_term(Term::from_field_u64(self.fields.source, id as u64));
    }

    pub fn add_source(&mut self, id: i64, text: &str) -> tantivy::Result<()> {
        for d in passages(self.fields, id, text) {
            self.writer.add_document(d)?;
        }
        Ok(())
    }

    /// Builds the passage documents of several sources, in parallel.
    pub fn build_docs(w: &PassageWriter, sources: &[(i64, String)]) -> Vec<TantivyDocument> {
        let fields = w.fields;
        sources.par_iter().flat_map_iter(|(id, text)| passages(fields, *id, text)).collect()
    }

    pub fn add_doc(&mut self, d: TantivyDocument) -> tantivy::Result<()> {
        self.writer.add_document(d).map(|_| ())
    }

    pub fn commit(&mut self) -> tantivy::Result<()> {
        self.writer.commit().map(|_| ())
    }

    pub fn close(self) {
        let _ = self.writer.wait_merging_threads();
    }
}

/// Splits a source into passage documents: each holds its words and the
/// next passage's first (the bigram across the border is the earlier
/// passage's), for [`BigramTokenizer`] to pair.
fn passages(f: Fields, id: i64, text: &str) -> Vec<TantivyDocument> {
    // every word's normalized form, each ended by WORD_END, in one buffer;
    // `at[i]` is where word i starts in it, so a passage's value is a slice
    let mut words = String::with_capacity(text.len() + text.len() / 4);
    let mut at: Vec<usize> = Vec::with_capacity(text.len() / 5);
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(text.len() / 5);
    verbatim_text::for_each_word(text, |start, end, norm| {
        at.push(words.len());
        spans.push((start, end));
        words.push_str(norm);
        words.push(WORD_END);
    });
    at.push(words.len());
    let n = spans.len();
    let mut out = Vec::with_capacity(n / PASSAGE_WORDS + 1);
    let mut p = 0;
    while p < n {
        let q = (p + PASSAGE_WORDS).min(n);
        let mut d = TantivyDocument::new();
        d.add_u64(f.source, id as u64);
        d.add_u64(f.start, spans[p].0 as u64);
        d.add_u64(f.end, spans[q - 1].1 as u64);
        d.add_text(f.shingles, &words[at[p]..at[(q + 1).min(n)]]);
        out.push(d);
        p = q;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(value: &str) -> Vec<String> {
        let mut t = BigramTokenizer::default();
        let mut s = t.token_stream(value);
        let mut out = Vec::new();
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    #[test]
    fn a_value_of_words_gives_the_bigrams_a_query_asks_for() {
        let toks = verbatim_text::tokenize("Ask not what your country can do for you");
        let value: String = toks.iter().map(|t| format!("{}{WORD_END}", t.norm)).collect();
        let query: Vec<String> = toks.windows(2).map(|w| verbatim_text::shingle(&w[0].norm, &w[1].norm)).collect();
        assert_eq!(tokens(&value), query);
    }

    #[test]
    fn one_word_is_its_own_term_and_no_words_make_none() {
        assert_eq!(tokens("mercy\0"), ["mercy"]);
        assert!(tokens("").is_empty());
    }
}
