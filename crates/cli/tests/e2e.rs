//! End-to-end: the release contract, run as a user runs it, on real files
//! from the demo corpus in `demo/` (the seed page, the inaugural addresses, The Devil's
//! Dictionary).

mod common;
use common::{demo, json, seed, seed_corpus, verbatim};

#[test]
fn seed_elided_putin_lead_quote_resolves_to_the_speech() {
    let dir = seed_corpus();
    let q = "With NATO’s eastward expansion... We cannot stay idle and passively observe these developments. This would be an absolutely irresponsible thing to do for us.";
    let out = verbatim(dir.path(), &["find", "--json", "--speaker", "Vladimir Putin", q]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["verdict"], "elided");
    assert_eq!(v["credit"], "attributed");
    let m = &v["matches"][0];
    let text = std::fs::read_to_string(seed()).unwrap();
    let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
    // the offsets slice the file to the reported text, inside the speech section
    assert_eq!(&text[s..e], m["text"].as_str().unwrap());
    assert!(s > text.find("(Full text)").unwrap(), "the primary source, not the lead quote");
    let hidden = m["omitted"][0]["text"].as_str().unwrap();
    assert!(hidden.contains("the situation for Russia has been becoming worse"), "{hidden}");
}

#[test]
fn seed_credits_nested_and_inferred() {
    let dir = seed_corpus();
    let cases = [
        ("a riddle wrapped in a mystery inside an enigma", "Winston Churchill", "attributed"),
        ("a riddle wrapped in a mystery inside an enigma", "Simon Jenkins", "quoted_by"),
        (
            "Last spring the hoopla about Russia invading Ukraine died an ignominious death when nothing happened.",
            "Eve Ottenberg",
            "attributed",
        ),
        ("So Russia hesitates and the U.S. screams. What else is new?", "Anatol Lieven", "misattributed"),
        ("If Russia and NATO cooperate, who are they going to be against?", "Vladimir Putin", "unknown"),
        (
            "This array includes promises not to expand NATO eastwards even by an inch.",
            "Anatol Lieven",
            "misattributed",
        ),
    ];
    for (q, who, want) in cases {
        let v = json(&verbatim(dir.path(), &["verify", "--json", "--speaker", who, q]));
        assert_eq!(v["credit"], want, "{q} / {who}: {v}");
    }
}

#[test]
fn verdicts_on_real_speeches_with_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let inaugural = demo().join("speeches/inaugural");
    for f in ["1961-Kennedy.txt", "1933-Roosevelt.txt", "1861-Lincoln.txt"] {
        std::fs::copy(inaugural.join(f), files.join(f)).unwrap();
    }
    std::fs::copy(demo().join("books/devils-dictionary.txt"), files.join("bierce.txt")).unwrap();
    std::fs::write(
        files.join("manifest.jsonl"),
        concat!(
            "{\"path\": \"1961-Kennedy.txt\", \"speaker\": \"John F. Kennedy\", \"date\": \"1961\"}\n",
            "{\"path\": \"1933-Roosevelt.txt\", \"speaker\": \"Franklin D. Roosevelt\", \"date\": \"1933\"}\n",
            "{\"path\": \"1861-Lincoln.txt\", \"speaker\": \"Abraham Lincoln\", \"date\": \"1861\"}\n",
            "{\"path\": \"bierce.txt\", \"speaker\": \"Ambrose Bierce\", \"date\": \"1911\"}\n",
        ),
    )
    .unwrap();
    let corpus = dir.path().join("corpus");
    let manifest = files.join("manifest.jsonl");
    let out = verbatim(&corpus, &["ingest", "--manifest", manifest.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cases = [
        ("ask not what your country can do for you", None, "verbatim", None),
        ("ASK NOT WHAT YOUR COUNTRY CAN DO FOR YOU", Some("Kennedy"), "normalized", Some("attributed")),
        ("the only thing we have to fear is fear itself", Some("Abraham Lincoln"), "verbatim", Some("misattributed")),
        ("We are not enemies, but friends. We must not be enemies. Though passion may have strained it must not break our bonds of affection.", None, "verbatim", None),
        ("We are not enemies... We must not be enemies.", None, "elided", None),
        ("We are not enemies, but friends. Though passion may have strained", None, "spliced", None),
        ("We are not enemies, but good friends. We must not be enemies.", None, "altered", None),
        ("The quick brown fox jumps over the lazy dog near the riverbank today.", Some("Kennedy"), "not_found", Some("unknown")),
    ];
    for (q, who, verdict, credit) in cases {
        let mut args = vec!["find", "--json", q];
        if let Some(w) = who {
            args.extend(["--speaker", w]);
        }
        let out = verbatim(&corpus, &args);
        let v = json(&out);
        assert_eq!(v["verdict"], verdict, "{q}: {v}");
        assert_eq!(out.status.code(), Some(if verdict == "not_found" { 1 } else { 0 }));
        if let Some(c) = credit {
            assert_eq!(v["credit"], c, "{q}: {v}");
        }
    }
    // Devil's Dictionary: CRLF and hard wraps are whitespace
    let v = json(&verbatim(
        &corpus,
        &["find", "--json", "--speaker", "Ambrose Bierce", "A woman with a fine prospect of happiness behind her."],
    ));
    assert_eq!(v["verdict"], "verbatim");
    assert_eq!(v["credit"], "attributed");
    // ingesting again changes nothing
    let before = json(&verbatim(&corpus, &["stats", "--json"]));
    let out = verbatim(&corpus, &["ingest", "--manifest", manifest.to_str().unwrap()]);
    assert!(out.status.success());
    let after = json(&verbatim(&corpus, &["stats", "--json"]));
    assert_eq!(before["sources"], after["sources"]);
    assert_eq!(before["passages"], after["passages"]);
}

#[test]
fn batch_answers_every_line_and_reports_bad_ones() {
    let dir = seed_corpus();
    let batch = dir.path().join("q.jsonl");
    std::fs::write(
        &batch,
        "{\"id\": \"a\", \"quote\": \"Entreaties and requests do not help.\", \"speaker\": \"Putin\"}\nnot json\n{\"id\": 3, \"quote\": 5}\n{\"id\": \"b\", \"quote\": \"Nothing like this stands anywhere in the page at all, truly.\"}\n",
    )
    .unwrap();
    let out = verbatim(dir.path(), &["find", "--jsonl", "--batch", batch.to_str().unwrap()]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["verdict"], "verbatim");
    assert_eq!(lines[0]["credit"], "attributed");
    assert!(lines[1]["error"].as_str().unwrap().contains("line 2"));
    assert!(lines[2]["error"].as_str().unwrap().contains("not a string"));
    assert_eq!(lines[3]["verdict"], "not_found");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("q.jsonl:2:"), "{err}");
}

#[test]
fn bad_input_exits_2_and_keeps_the_corpus() {
    let dir = seed_corpus();
    let manifest = dir.path().join("m.jsonl");
    std::fs::write(&manifest, "{\"path\": \"missing.txt\"}\n").unwrap();
    let out = verbatim(dir.path(), &["ingest", "--manifest", manifest.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("m.jsonl:1") && err.contains("missing.txt"), "{err}");
    std::fs::write(&manifest, "{\"path\": \"x.txt\", \"date\": \"last year\"}\n").unwrap();
    let out = verbatim(dir.path(), &["ingest", "--manifest", manifest.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("m.jsonl:1"));
    let out = verbatim(dir.path(), &["find", "--json", "... ..."]);
    assert_eq!(out.status.code(), Some(2));
    // a folder with no corpus is an error, not an empty corpus
    let out = verbatim(&dir.path().join("nowhere"), &["find", "--json", "anything at all"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no corpus here"));
    assert!(!dir.path().join("nowhere").exists());
    // what was stored is still there
    let v = json(&verbatim(dir.path(), &["stats", "--json"]));
    assert_eq!(v["sources"], 1);
    let out = verbatim(dir.path(), &["find", "--json", "Entreaties and requests do not help."]);
    assert_eq!(json(&out)["verdict"], "verbatim");
}

#[test]
fn human_output_names_the_verdict_and_the_credit() {
    let dir = seed_corpus();
    let out = verbatim(
        dir.path(),
        &[
            "verify",
            "--speaker",
            "Anatol Lieven",
            "This array includes promises not to expand NATO eastwards even by an inch.",
        ],
    );
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.starts_with("verbatim"), "{s}");
    assert!(s.contains("misattributed: not Anatol Lieven's words but Vladimir Putin's"), "{s}");
}
