//! The record is the truth: an interrupted ingest and a deleted index are
//! both repaired when the corpus is next opened.

use verbatim_model::{Source, SourceKind};
use verbatim_store::{Added, Corpus};

fn source(path: &str, text: &str) -> Source {
    Source { speaker: Some("Someone".into()), ..Source::new(path, SourceKind::Document, "text", text.into()) }
}

fn shingles(s: &str) -> Vec<String> {
    let t = verbatim_text::tokenize(s);
    t.windows(2).map(|w| verbatim_text::shingle(&w[0].norm, &w[1].norm)).collect()
}

const A: &str = "The quality of mercy is not strained; it droppeth as the gentle rain from heaven.";
const B: &str = "Ask not what your country can do for you, ask what you can do for your country.";

#[test]
fn an_uncommitted_batch_is_indexed_on_reopen() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut w = Corpus::open(dir.path()).unwrap().into_writer(|| {}).unwrap();
        w.add(vec![source("a.txt", A)]).unwrap();
        w.commit().unwrap();
        w.add(vec![source("b.txt", B)]).unwrap();
        // dropped without commit (as by a crash): the record has b.txt,
        // the index does not
        drop(w);
    }
    let c = Corpus::open(dir.path()).unwrap();
    assert!(!c.search(&shingles(A), 5).unwrap().is_empty());
    let hits = c.search(&shingles(B), 5).unwrap();
    assert_eq!(hits.len(), 1, "the uncommitted source was indexed on reopen");
    assert_eq!(c.stats().unwrap().sources, 2);
}

#[test]
fn a_deleted_index_is_rebuilt_and_reingest_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let c = Corpus::open(dir.path()).unwrap();
    let mut w = c.into_writer(|| {}).unwrap();
    let r = w.add(vec![source("a.txt", A), source("b.txt", B)]).unwrap();
    assert!(r.iter().all(|(_, a)| *a == Added::New));
    let c = w.finish().unwrap();
    let before = c.stats().unwrap();
    drop(c);
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let c = Corpus::open(dir.path()).unwrap();
    let hits = c.search(&shingles(B), 5).unwrap();
    assert_eq!(hits.len(), 1);
    let row = c.source(hits[0].source).unwrap().unwrap();
    assert_eq!(row.path, "b.txt");
    assert_eq!(c.stats().unwrap().passages, before.passages);
    // the same files again: unchanged
    let mut w = c.into_writer(|| {}).unwrap();
    let r = w.add(vec![source("a.txt", A), source("b.txt", B)]).unwrap();
    assert!(r.iter().all(|(_, a)| *a == Added::Unchanged));
    // changed text under the same path replaces the old version
    let r = w.add(vec![source("a.txt", B)]).unwrap();
    assert_eq!(r[0].1, Added::Replaced);
    let c = w.finish().unwrap();
    assert_eq!(c.stats().unwrap().sources, 2);
    assert!(c.search(&shingles(A), 5).unwrap().is_empty(), "the replaced text is gone from the index");
}

#[test]
fn text_ranges_are_byte_exact() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Corpus::open(dir.path()).unwrap().into_writer(|| {}).unwrap();
    w.add(vec![source("u.txt", "\u{feff}Crème brûlée\r\nis sweet")]).unwrap();
    let c = w.finish().unwrap();
    let id = c.sources().unwrap()[0].id;
    let (base, t) = c.text_range(id, 3, 9).unwrap().unwrap();
    assert_eq!((base, t.as_str()), (3, "Crème"));
    // a range starting inside a character moves to the next boundary
    let (base, t) = c.text_range(id, 1, 6).unwrap().unwrap();
    assert_eq!((base, t.as_str()), (3, "Cr"));
}

/// Puts an index of another schema (one bigram a value, the `raw`
/// tokenizer), holding a document, in place of the one this version writes.
fn plant_stale_index(dir: &std::path::Path) {
    let path = dir.join("index");
    std::fs::remove_dir_all(&path).unwrap();
    std::fs::create_dir_all(&path).unwrap();
    let mut b = tantivy::schema::Schema::builder();
    let f = b.add_text_field("shingles", tantivy::schema::STRING);
    let old = tantivy::Index::create_in_dir(&path, b.build()).unwrap();
    let mut ow: tantivy::IndexWriter = old.writer(15_000_000).unwrap();
    ow.add_document(tantivy::doc!(f => "ask not")).unwrap();
    ow.commit().unwrap();
}

#[test]
fn an_index_an_earlier_version_wrote_is_rebuilt_from_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Corpus::open(dir.path()).unwrap().into_writer(|| {}).unwrap();
    w.add(vec![source("a.txt", A), source("b.txt", B)]).unwrap();
    drop(w.finish().unwrap());
    plant_stale_index(dir.path());
    let c = Corpus::open(dir.path()).unwrap();
    assert_eq!(c.search(&shingles(B), 5).unwrap().len(), 1);
    assert_eq!(c.search(&shingles(A), 5).unwrap().len(), 1);
}

#[test]
fn a_stale_index_is_left_alone_while_another_holds_the_write_lock() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Corpus::open(dir.path()).unwrap().into_writer(|| {}).unwrap();
    w.add(vec![source("a.txt", A)]).unwrap();
    drop(w.finish().unwrap());
    plant_stale_index(dir.path());
    // another process's writer: the same lock file, locked through another handle
    let lock = std::fs::OpenOptions::new().write(true).open(dir.path().join("write.lock")).unwrap();
    lock.lock().unwrap();
    let err = Corpus::open(dir.path()).err().expect("a stale index under another's lock is an error");
    assert!(err.to_string().contains("another version"), "{err}");
    assert!(dir.path().join("index").join("meta.json").is_file(), "the index was not touched");
    drop(lock);
    let c = Corpus::open(dir.path()).unwrap();
    assert_eq!(c.search(&shingles(A), 5).unwrap().len(), 1);
}

#[test]
fn equal_passages_are_ranked_by_source_whatever_the_segments() {
    // one text in eight sources, committed one at a time so that they
    // stand in several segments: a cut at three keeps the first three
    // sources, in order, as a single commit of all eight does
    let ranked = |batches: &[&[usize]]| {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Corpus::open(dir.path()).unwrap().into_writer(|| {}).unwrap();
        for batch in batches {
            w.add(batch.iter().map(|k| source(&format!("s{k}.txt"), A)).collect()).unwrap();
            w.commit().unwrap();
        }
        let c = w.finish().unwrap();
        let hits = c.search(&shingles(A), 3).unwrap();
        hits.iter().map(|h| c.source(h.source).unwrap().unwrap().path).collect::<Vec<_>>()
    };
    let one = ranked(&[&[1, 2, 3, 4, 5, 6, 7, 8]]);
    assert_eq!(one, ["s1.txt", "s2.txt", "s3.txt"]);
    assert_eq!(ranked(&[&[1], &[2], &[3, 4], &[5], &[6, 7], &[8]]), one);
}
