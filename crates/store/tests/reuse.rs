//! The record's reuse clusters: stored whole, found by any member's bytes,
//! and dropped when a member's source is replaced (a cluster that lost a
//! witness is no longer what reuse found).

use verbatim_model::{ReuseCluster, ReuseMember, ReuseVerdict, Source, SourceKind};
use verbatim_store::Corpus;

fn source(path: &str, text: &str) -> Source {
    Source::new(path, SourceKind::Document, "text", text.into())
}

fn member(source_id: i64, start: usize, end: usize, from: Option<usize>) -> ReuseMember {
    let verdict = if from.is_none() { ReuseVerdict::Origin } else { ReuseVerdict::Verbatim };
    ReuseMember { source_id, start, end, from, verdict, quoted: from.is_some() }
}

#[test]
fn clusters_are_found_by_bytes_and_dropped_with_a_replaced_member() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Corpus::open(dir.path()).unwrap().into_writer(|| {}).unwrap();
    w.add(vec![source("a.txt", "one two three"), source("b.txt", "four five six"), source("c.txt", "seven")]).unwrap();
    let corpus = w.finish().unwrap();
    let ids: Vec<i64> = corpus.sources().unwrap().iter().map(|r| r.id).collect();
    let clusters = vec![
        ReuseCluster {
            id: 1,
            size: 2,
            boilerplate: false,
            origin: 0,
            members: vec![member(ids[0], 0, 7, None), member(ids[1], 5, 13, Some(0))],
        },
        ReuseCluster {
            id: 2,
            size: 2,
            boilerplate: true,
            origin: 0,
            members: vec![member(ids[2], 0, 5, None), member(ids[1], 0, 4, Some(0))],
        },
    ];
    let mut w = corpus.into_writer(|| {}).unwrap();
    w.put_reuse(&clusters).unwrap();
    let corpus = w.finish().unwrap();
    assert_eq!(corpus.reuse_count().unwrap(), 2);
    assert_eq!(corpus.reuse_at(ids[1], 6, 7).unwrap(), vec![clusters[0].clone()]);
    assert_eq!(corpus.reuse_at(ids[1], 0, 13).unwrap(), clusters);
    assert!(corpus.reuse_at(ids[0], 7, 13).unwrap().is_empty(), "ranges are half-open");
    // storing again replaces, never adds
    let mut w = corpus.into_writer(|| {}).unwrap();
    w.put_reuse(&clusters[..1]).unwrap();
    // a new text for a.txt: the cluster it was in goes, the other stays
    w.add(vec![source("a.txt", "another text entirely")]).unwrap();
    let corpus = w.finish().unwrap();
    assert_eq!(corpus.reuse_count().unwrap(), 0);
    let mut w = corpus.into_writer(|| {}).unwrap();
    w.put_reuse(&clusters[1..]).unwrap();
    w.add(vec![source("a.txt", "yet another text")]).unwrap();
    let corpus = w.finish().unwrap();
    assert_eq!(corpus.reuse_count().unwrap(), 1);
}
