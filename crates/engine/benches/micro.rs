//! Micro-benchmarks of the three inner loops: normalization, retrieval and
//! alignment, on real text (the inaugural addresses in the demo corpus).
//!
//!     cargo bench -p verbatim-engine
//!
//! divan prints the median and spread of each; compare figures only within
//! one run on one machine.

use std::path::PathBuf;
use std::sync::OnceLock;

use verbatim_align::{align, Costs, GapKind};
use verbatim_engine::Engine;
use verbatim_model::{Source, SourceKind};
use verbatim_store::Corpus;

fn main() {
    divan::main();
}

fn inaugural_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../demo/speeches/inaugural")
}

/// All 59 inaugural addresses, concatenated (about 900 kB).
fn text() -> &'static str {
    static T: OnceLock<String> = OnceLock::new();
    T.get_or_init(|| {
        let mut files: Vec<_> =
            std::fs::read_dir(inaugural_dir()).expect("demo/speeches/inaugural").map(|e| e.unwrap().path()).collect();
        files.sort();
        files
            .iter()
            .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

const QUOTE: &str =
    "And so, my fellow Americans: ask not what your country can do for you... ask what you can do for your country.";

#[divan::bench]
fn normalize_900kb(b: divan::Bencher) {
    let t = text();
    b.counter(divan::counter::BytesCount::new(t.len())).bench(|| verbatim_text::tokenize(divan::black_box(t)).len());
}

#[divan::bench]
fn parse_query(b: divan::Bencher) {
    b.bench(|| verbatim_text::parse_query(divan::black_box(QUOTE)).tokens.len());
}

/// A 20-word quotation with one elision against a 600-word window.
#[divan::bench]
fn align_20_words_in_600(b: divan::Bencher) {
    let t = text();
    let toks = verbatim_text::tokenize(t);
    let at = t.find("ask not what your country").unwrap();
    let i = toks.iter().position(|x| x.start >= at).unwrap();
    let window: Vec<u64> = toks[i.saturating_sub(300)..(i + 300).min(toks.len())].iter().map(|t| t.hash()).collect();
    let q = verbatim_text::parse_query(QUOTE);
    let ids: Vec<u64> = q.tokens.iter().map(|t| t.token.hash()).collect();
    let gaps: Vec<GapKind> = q
        .tokens
        .iter()
        .map(|t| match t.gap_before {
            verbatim_text::Gap::None => GapKind::Adjacent,
            verbatim_text::Gap::Elision => GapKind::Elision,
            verbatim_text::Gap::Wildcard => GapKind::Wildcard,
        })
        .collect();
    let costs = Costs::default();
    b.bench(|| align(divan::black_box(&ids), &gaps, divan::black_box(&window), &costs).map(|a| a.cost));
}

fn corpus() -> &'static (tempfile::TempDir, PathBuf) {
    static C: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    C.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c");
        let mut w = Corpus::open(&path).unwrap().into_writer(|| {}).unwrap();
        let mut files: Vec<_> = std::fs::read_dir(inaugural_dir()).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        let sources: Vec<Source> = files
            .iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).unwrap();
                Source::new(p.to_string_lossy().into_owned(), SourceKind::Document, "text", text)
            })
            .collect();
        w.add(sources).unwrap();
        w.finish().unwrap();
        (dir, path)
    })
}

/// Index retrieval alone: the passages for a quotation's rarest bigrams.
#[divan::bench]
fn retrieve_passages(b: divan::Bencher) {
    let c = Corpus::open(&corpus().1).unwrap();
    let q = verbatim_text::parse_query(QUOTE);
    let words: Vec<String> = q.tokens.iter().map(|t| t.token.norm.clone()).collect();
    let shingles: Vec<String> = words.windows(2).map(|w| verbatim_text::shingle(&w[0], &w[1])).collect();
    b.bench_local(|| c.search(divan::black_box(&shingles), 60).unwrap().len());
}

/// The whole find: retrieval, alignment of the regions, judging.
#[divan::bench]
fn find_elided_quote(b: divan::Bencher) {
    let e = Engine::new(Corpus::open(&corpus().1).unwrap());
    b.bench_local(|| e.find(divan::black_box(QUOTE), Some("John F. Kennedy")).unwrap().matches.len());
}
