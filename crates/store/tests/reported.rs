//! Who speaks where is part of the record: written with each source, kept
//! consistent when a source is replaced, and read for an older record that
//! predates the table.

use verbatim_model::{Source, SourceKind};
use verbatim_store::Corpus;

fn source(path: &str, text: &str) -> Source {
    Source { speaker: Some("Ronald Reagan".into()), ..Source::new(path, SourceKind::Document, "text", text.into()) }
}

const QUOTING: &str =
    "As Churchill said, \u{201c}the destiny of man is not measured by material computations.\u{201d} We agree.";
const PLAIN: &str = "The destiny of a nation is measured by what it builds and keeps.";

#[test]
fn spans_are_written_with_the_source_and_replaced_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Corpus::open(dir.path()).unwrap().into_writer(|| {}).unwrap();
    w.add(vec![source("a.txt", QUOTING)]).unwrap();
    let c = w.finish().unwrap();
    let id = c.sources().unwrap()[0].id;
    let r = c.reported(id).unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(&QUOTING[r[0].start..r[0].end], "the destiny of man is not measured by material computations.");
    assert_eq!(r[0].speaker.as_deref(), Some("Churchill"));
    assert_eq!(&QUOTING[r[0].cue.clone().unwrap()], "said");
    assert!(c.people().unwrap().contains(&("Churchill".to_string(), false)));
    assert!(c.people().unwrap().contains(&("Ronald Reagan".to_string(), true)));
    // the same path with other text: the old spans go with the old source
    let mut w = c.into_writer(|| {}).unwrap();
    w.add(vec![source("a.txt", PLAIN)]).unwrap();
    let c = w.finish().unwrap();
    let id = c.sources().unwrap()[0].id;
    assert!(c.reported(id).unwrap().is_empty());
    assert!(!c.people().unwrap().iter().any(|(n, _)| n == "Churchill"));
}

#[test]
fn words_reported_without_marks_are_spans_too() {
    let text = "As Jefferson wrote, the tree of knowledge bears its sweetest fruit for the patient. We agree.";
    let r = verbatim_store::reported_spans(text);
    assert_eq!(r.len(), 1);
    assert_eq!(&text[r[0].start..r[0].end], "the tree of knowledge bears its sweetest fruit for the patient.");
    assert_eq!((r[0].speaker.as_deref(), r[0].open, r[0].close), (Some("Jefferson"), r[0].start, r[0].end));
    // a marked quotation is read once, by the marks
    assert_eq!(verbatim_store::reported_spans(QUOTING).len(), 1);
}

#[test]
fn an_older_record_is_read_for_spans_by_the_next_writer() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Corpus::open(dir.path()).unwrap().into_writer(|| {}).unwrap();
    w.add(vec![source("a.txt", QUOTING)]).unwrap();
    drop(w.finish().unwrap());
    // a record written before the table existed
    let conn = rusqlite::Connection::open(dir.path().join("record.sqlite")).unwrap();
    conn.execute_batch("DROP TABLE reported;").unwrap();
    drop(conn);
    let c = Corpus::open(dir.path()).unwrap();
    let id = c.sources().unwrap()[0].id;
    let r = c.reported(id).unwrap();
    assert_eq!(r.len(), 1, "the spans were read again on open");
    assert_eq!(r[0].speaker.as_deref(), Some("Churchill"));
}
