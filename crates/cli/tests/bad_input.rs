//! Bad input, each case with a test: what verbatim does with it, and that
//! nothing already ingested is lost. The table in docs/RELIABILITY.md lists
//! the same cases.

mod common;
use common::{demo, verbatim};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A corpus holding one real speech, and the count to keep.
fn corpus(dir: &Path) -> (PathBuf, String) {
    let c = dir.join("c");
    let speech = demo().join("speeches/inaugural/1961-Kennedy.txt");
    let out = verbatim(&c, &["ingest", speech.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    (c.clone(), String::from_utf8_lossy(&verbatim(&c, &["stats", "--json"]).stdout).into_owned())
}

fn kept(c: &Path, before: &str) {
    let now = String::from_utf8_lossy(&verbatim(c, &["stats", "--json"]).stdout).into_owned();
    let (a, b): (serde_json::Value, serde_json::Value) =
        (serde_json::from_str(before).unwrap(), serde_json::from_str(&now).unwrap());
    assert!(b["sources"].as_u64() >= a["sources"].as_u64(), "sources lost: {before} → {now}");
    let out = verbatim(c, &["find", "--json", "ask not what your country can do for you"]);
    assert!(out.status.success(), "the speech is no longer found: {}", stderr(&out));
}

fn bz2(data: &[u8]) -> Vec<u8> {
    let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn unusable_files_exit_2_naming_the_file_and_keep_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let (c, before) = corpus(dir.path());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("binary.txt", [&b"\x89PNG\r\n\x1a\n"[..], &[0u8; 64]].concat(), "binary file"),
        (
            "corrupt.xml.bz2",
            {
                let mut b = bz2(b"<mediawiki><page><title>T</title><ns>0</ns><revision><text>* words here</text></revision></page></mediawiki>");
                let n = b.len();
                for x in &mut b[n / 3..n / 2] {
                    *x ^= 0x5a;
                }
                b
            },
            "corrupt.xml.bz2",
        ),
        (
            "truncated.xml.bz2",
            {
                let b = bz2(&b"<mediawiki><page><title>T</title><ns>0</ns><revision><text>"
                    .iter()
                    .chain(b"x ".repeat(50_000).iter())
                    .chain(b"</text></revision></page></mediawiki>")
                    .copied()
                    .collect::<Vec<u8>>());
                b[..b.len() / 2].to_vec()
            },
            "truncated.xml.bz2",
        ),
        ("wrongtypes.json", b"[{\"text\": [\"a\"], \"author\": 1}]".to_vec(), "wrongtypes.json:1:"),
        ("notjson.jsonl", b"{\"quotation\": \"fine\"}\n{broken\n".to_vec(), "notjson.jsonl:2:"),
    ];
    for (name, bytes, needle) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let out = verbatim(&c, &["ingest", p.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{name}: {}", stderr(&out));
        kept(&c, &before);
    }
}

#[test]
fn a_decompression_bomb_stops_at_the_page_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (c, before) = corpus(dir.path());
    // 70 MB of one page's text, a few hundred bytes compressed
    let mut xml = b"<mediawiki><page><title>Bomb</title><ns>0</ns><revision><text>".to_vec();
    xml.extend(std::iter::repeat_n(b'a', 70 << 20));
    xml.extend_from_slice(b"</text></revision></page></mediawiki>");
    let p = dir.path().join("bomb.xml.bz2");
    std::fs::write(&p, bz2(&xml)).unwrap();
    let out = verbatim(&c, &["ingest", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("larger than 64 MB"), "{}", stderr(&out));
    kept(&c, &before);
}

#[test]
fn odd_but_usable_files_are_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (c, before) = corpus(dir.path());
    // invalid UTF-8: read lossily, the warning names file and byte offset
    let p = dir.path().join("latin1.txt");
    std::fs::write(&p, b"The caf\xe9 society of the day was not amused by the speech at all.").unwrap();
    let out = verbatim(&c, &["ingest", p.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("latin1.txt: not valid UTF-8 at byte 7"), "{}", stderr(&out));
    // UTF-16 with a byte order mark: converted
    let p = dir.path().join("utf16.txt");
    let mut b = vec![0xff, 0xfe];
    for u in "Sixteen bits a character, and still found by its words.".encode_utf16() {
        b.extend(u.to_le_bytes());
    }
    std::fs::write(&p, b).unwrap();
    assert!(verbatim(&c, &["ingest", p.to_str().unwrap()]).status.success());
    let out = verbatim(&c, &["find", "--json", "sixteen bits a character and still found by its words"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // an empty file: skipped with a warning
    let p = dir.path().join("empty.txt");
    std::fs::write(&p, b"").unwrap();
    let out = verbatim(&c, &["ingest", p.to_str().unwrap()]);
    assert!(out.status.success() && stderr(&out).contains("empty.txt: empty file, skipped"), "{}", stderr(&out));
    // deeply nested wikitext templates and links: read, bounded
    let p = dir.path().join("nested.wiki");
    let deep =
        format!("== Quotes ==\n* {}deep words inside{}\n** Someone\n", "{{a|[[b|".repeat(5000), "]]}}".repeat(5000));
    std::fs::write(&p, deep).unwrap();
    let out = verbatim(&c, &["ingest", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    kept(&c, &before);
}

#[test]
fn a_100_mb_single_line_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let (c, before) = corpus(dir.path());
    let p = dir.path().join("line.txt");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
    let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo"];
    let mut n = 0usize;
    let mut k = 0usize;
    while n < 100 << 20 {
        let w = words[(k * 7 + k / 11) % words.len()];
        f.write_all(w.as_bytes()).unwrap();
        f.write_all(b" ").unwrap();
        n += w.len() + 1;
        k += 1;
    }
    f.write_all(b"the last words of the very long line").unwrap();
    drop(f);
    let out = verbatim(&c, &["ingest", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = verbatim(&c, &["find", "--json", "the last words of the very long line"]);
    assert!(out.status.success(), "{}", stderr(&out));
    kept(&c, &before);
}

#[test]
fn bad_queries_exit_2_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (c, _) = corpus(dir.path());
    let long = "word ".repeat(200_000); // 1 MB
    for (q, needle) in [
        ("", "no words"),
        ("   ", "no words"),
        ("?!.,;:—", "no words"),
        ("... … [...] . . .", "no words"),
        ("\u{1}\u{2}\u{7f}", "no words"),
    ] {
        let out = verbatim(&c, &["find", q]);
        assert_eq!(out.status.code(), Some(2), "{q:.40}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{q:.40}: {}", stderr(&out));
    }
    // a 1 MB quotation (too long for a command line: through a batch)
    let p = dir.path().join("long.jsonl");
    std::fs::write(&p, serde_json::json!({"id": "long", "quote": long}).to_string() + "\n").unwrap();
    let out = verbatim(&c, &["find", "--jsonl", "--batch", p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["error"].as_str().is_some_and(|e| e.contains("at most 2000")), "{v}");
    // control characters among words are only separators
    let out = verbatim(&c, &["find", "--json", "ask not\u{7}what your\u{1b}country can do for you"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_10000_line_batch_reports_bad_lines_and_answers_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (c, _) = corpus(dir.path());
    let mut batch = String::new();
    for i in 0..10_000 {
        match i % 500 {
            7 => batch.push_str("{not json\n"),
            8 => batch.push_str("{\"id\": 1, \"quote\": 5}\n"),
            9 => batch.push_str(&format!("{{\"id\": {i}, \"quote\": \"...\"}}\n")),
            _ => batch.push_str(&format!(
                "{{\"id\": {i}, \"quote\": \"ask not what your country can do for you {}\"}}\n",
                i % 3
            )),
        }
    }
    let p = dir.path().join("batch.jsonl");
    std::fs::write(&p, batch).unwrap();
    let out = verbatim(&c, &["find", "--jsonl", "--batch", p.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 10_000, "one answer per line, in order");
    let errors = lines.iter().filter(|v| v.get("error").is_some()).count();
    assert_eq!(errors, 60, "20 unreadable lines, 20 with a wrong type, 20 with no words");
    let err = stderr(&out);
    assert!(
        err.contains("batch.jsonl:8: not JSON") && err.contains("batch.jsonl:9:") && err.contains("batch.jsonl:10:"),
        "{}",
        &err[..err.len().min(600)]
    );
    let found = lines.iter().filter(|v| v["verdict"] != "not_found" && v.get("error").is_none()).count();
    assert_eq!(found, 10_000 - 60);
}

/// A build without the `paraphrase` feature refuses `--model` (exit 2)
/// rather than ignore it, and says once on stderr that a quotation not
/// found was not looked for in other words.
#[cfg(not(feature = "paraphrase"))]
#[test]
fn model_without_the_paraphrase_feature_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (c, before) = corpus(dir.path());
    let out = verbatim(&c, &["--model", "/some/model", "find", "ask not what your country"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("built without paraphrase search"), "{}", stderr(&out));
    let out = verbatim(&c, &["find", "--json", "a sentence that no inaugural address holds anywhere at all"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("paraphrase search is off").count(), 1, "{err}");
    kept(&c, &before);
}
