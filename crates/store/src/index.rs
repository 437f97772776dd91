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

use std::path::Path;

use rayon::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

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
            TextFieldIndexing::default().set_tokenizer("raw").set_index_option(IndexRecordOption::WithFreqs),
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
        let mmap = tantivy::directory::MmapDirectory::open(&path)
            .map_err(|err| StoreError::Other { dir: dir.to_path_buf(), msg: format!("index folder: {err}") })?;
        let index = Index::open_or_create(mmap, schema).map_err(e)?;
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
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let seg = searcher.segment_reader(addr.segment_ord);
            let ff = seg.fast_fields();
            let src = ff.u64("source")?.first(addr.doc_id);
            let start = ff.u64("start")?.first(addr.doc_id);
            let end = ff.u64("end")?.first(addr.doc_id);
            if let (Some(src), Some(start), Some(end)) = (src, start, end) {
                out.push(PassageHit { source: src as i64, start: start as usize, end: end as usize, score });
            }
        }
        Ok(out)
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

/// Splits a source into passage documents.
///
/// Each word bigram of a passage is added as its own value of the
/// `shingles` field, which the `raw` tokenizer takes whole: the index holds
/// the same terms, frequencies and field lengths as one pre-tokenized value
/// would give (tantivy sums a field's tokens over its values), but a
/// pre-tokenized value is serialized to JSON inside the document and parsed
/// back by the indexer, which cost about a sixth of ingest.
fn passages(f: Fields, id: i64, text: &str) -> Vec<TantivyDocument> {
    let toks = verbatim_text::tokenize(text);
    let mut out = Vec::with_capacity(toks.len() / PASSAGE_WORDS + 1);
    let mut shingle = String::new();
    let mut p = 0;
    while p < toks.len() {
        let q = (p + PASSAGE_WORDS).min(toks.len());
        let mut d = TantivyDocument::new();
        d.add_u64(f.source, id as u64);
        d.add_u64(f.start, toks[p].start as u64);
        d.add_u64(f.end, toks[q - 1].end as u64);
        let mut any = false;
        for i in p..q {
            if let Some(next) = toks.get(i + 1) {
                // the document copies the words: one buffer serves them all
                shingle.clear();
                verbatim_text::shingle_into(&mut shingle, &toks[i].norm, &next.norm);
                d.add_text(f.shingles, &shingle);
                any = true;
            }
        }
        if !any {
            // a one-word source: index the word itself
            d.add_text(f.shingles, &toks[p].norm);
        }
        out.push(d);
        p = q;
    }
    out
}
