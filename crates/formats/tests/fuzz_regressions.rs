//! Inputs the fuzz targets once crashed on, each read again by the reader
//! its name starts with (`wikitext-...`, `dump-...`, `fortune-...`,
//! `json-...`, `wikiquote_text-...`). Every one must read without a panic,
//! and every quotation must lie inside its text on character boundaries.

use std::path::Path;
use std::sync::{atomic::AtomicU64, Arc};

use verbatim_model::Source;

fn check(s: &Source) {
    for q in &s.quotations {
        assert!(q.start <= q.end && q.end <= s.text.len());
        assert!(s.text.is_char_boundary(q.start) && s.text.is_char_boundary(q.end));
    }
}

#[test]
fn every_past_crash_reads_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let data = std::fs::read(&p).unwrap();
        let kind = name.split('-').next().unwrap_or("");
        match kind {
            "wikitext" => {
                if let Ok(s) = verbatim_formats::read_wikitext(&name, None, &String::from_utf8_lossy(&data)) {
                    check(&s);
                }
            }
            "wikiquote_text" => {
                if let Ok(s) = verbatim_formats::read_wikiquote_text(&name, data, &p) {
                    check(&s);
                }
            }
            "dump" => {
                let inner: Box<dyn std::io::BufRead + Send> = Box::new(std::io::Cursor::new(data));
                for s in
                    verbatim_formats::dump_pages(inner, &p, &name, Arc::new(AtomicU64::new(0))).take(1000).flatten()
                {
                    check(&s);
                }
            }
            "fortune" => {
                if let Ok(s) = verbatim_formats::read_fortunes(&name, data, &p) {
                    check(&s);
                }
            }
            "json" => {
                if let Ok(s) = verbatim_formats::read_json(&name, &data, &p) {
                    check(&s);
                }
                for s in verbatim_formats::JsonLines::new(&name, &p, &data[..]).take(100).flatten() {
                    check(&s);
                }
            }
            other => panic!("{name}: unknown reader {other:?}"),
        }
        n += 1;
    }
    assert!(n >= 1, "no regression inputs in {}", dir.display());
}
