//! `verbatim reuse` end to end on the demo corpus (real inaugural addresses,
//! which quote one another): clusters, origin, chain, offsets, the record,
//! `find`, restarts, shards and passim's export.

mod common;
use common::{demo, json, verbatim};

use std::path::Path;

fn ingest_demo(c: &Path) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .current_dir(demo())
        .args(["--corpus", c.to_str().unwrap(), "ingest", "--manifest", "manifest.jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn reuse(c: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["reuse"];
    all.extend_from_slice(args);
    let out = verbatim(c, &all);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn holding<'a>(clusters: &'a [serde_json::Value], words: &str) -> &'a serde_json::Value {
    clusters
        .iter()
        .find(|c| c["members"].as_array().unwrap().iter().any(|m| m["text"].as_str().unwrap().contains(words)))
        .unwrap_or_else(|| panic!("no cluster holds {words:?}"))
}

#[test]
fn a_quotation_of_an_earlier_address_is_one_cluster_with_the_earlier_as_origin() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    ingest_demo(&c);
    let clusters = reuse(&c, &[]);
    // Cleveland, 1885, quotes Jefferson's first inaugural (1801) in marks,
    // with one word changed ("alliance" for "alliances")
    let cl = holding(&clusters, "entangling allianc");
    let members = cl["members"].as_array().unwrap();
    let origin = &members[cl["origin"].as_u64().unwrap() as usize];
    assert!(origin["source"].as_str().unwrap().ends_with("1801-Jefferson.txt"), "{cl}");
    assert_eq!(origin["verdict"], "origin");
    assert_eq!(origin["quoted"], false);
    let later = members.iter().find(|m| m["source"].as_str().unwrap().ends_with("1885-Cleveland.txt")).unwrap();
    assert_eq!(later["quoted"], true, "Cleveland gives the words in quotation marks");
    assert_eq!(later["verdict"], "altered");
    assert_eq!(later["from"], cl["origin"]);
    assert!(!cl["boilerplate"].as_bool().unwrap());
    // offsets are bytes of the source as ingested
    for m in members {
        let text = std::fs::read(demo().join(m["source"].as_str().unwrap())).unwrap();
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[s..e], m["text"].as_str().unwrap().as_bytes());
    }
    // members are in order of date
    let dates: Vec<&str> = members.iter().map(|m| m["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn find_shows_the_cluster_and_the_chain_from_its_origin() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    ingest_demo(&c);
    let before = json(&verbatim(&c, &["find", "--json", "entangling alliance with none"]));
    assert!(before["matches"][0]["reuse"].is_null(), "no clusters before reuse runs");
    reuse(&c, &["--out", dir.path().join("out.jsonl").to_str().unwrap()]);
    let a = json(&verbatim(
        &c,
        &["find", "--json", "Peace, commerce, and honest friendship with all nations; entangling alliance with none"],
    ));
    let m = &a["matches"][0];
    assert!(m["source"].as_str().unwrap().ends_with("1885-Cleveland.txt"), "{a}");
    let chain = m["reuse"]["chain"].as_array().unwrap();
    assert!(chain[0]["source"].as_str().unwrap().ends_with("1801-Jefferson.txt"), "{a}");
    assert_eq!(chain[0]["verdict"], "origin");
    assert_eq!(chain[0]["title"], "Inaugural address, 1801", "the chain names each work");
    assert!(chain.last().unwrap()["source"].as_str().unwrap().ends_with("1885-Cleveland.txt"));
    let human = verbatim(&c, &["find", "entangling alliance with none"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("reused: cluster"), "{text}");
}

#[test]
fn a_second_run_keeps_finished_work_and_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    ingest_demo(&c);
    let first = reuse(&c, &[]);
    let shard = std::fs::read_dir(c.join("reuse"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("shard-"))
        .unwrap()
        .path();
    let written = std::fs::metadata(&shard).unwrap().modified().unwrap();
    let second = reuse(&c, &[]);
    assert_eq!(first, second);
    assert_eq!(std::fs::metadata(&shard).unwrap().modified().unwrap(), written, "the shard was computed again");
    // other parameters: the old work is dropped, not mixed in
    let longer = reuse(&c, &["--min-words", "20"]);
    assert!(longer.len() < first.len());
    assert!(!shard.exists() || std::fs::metadata(&shard).unwrap().modified().unwrap() != written);
}

#[test]
fn steps_taken_one_by_one_give_what_one_pass_gives() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one");
    let steps = dir.path().join("steps");
    ingest_demo(&one);
    ingest_demo(&steps);
    let whole = reuse(&one, &[]);
    let plan = |c: &Path| json(&verbatim(c, &["reuse", "--shards", "3", "--buckets", "4", "--plan"]));
    // a step before the plan has no words to read
    let early = verbatim(&steps, &["reuse", "--shards", "3", "--shard", "0"]);
    assert_eq!(early.status.code(), Some(2), "{}", String::from_utf8_lossy(&early.stderr));
    let p = plan(&steps);
    assert_eq!(p["shards"], 3);
    assert_eq!(p["missing_shards"], serde_json::json!([0, 1, 2]));
    assert!(p["buckets"].is_null(), "buckets are known once the shards are: {p}");
    // one shard alone, then the others piped in as a distributed task does
    let out = verbatim(&steps, &["reuse", "--shards", "3", "--shard", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line = json(&out);
    assert_eq!((line["shard"].as_u64(), line["computed"].as_bool()), (Some(1), Some(true)), "{line}");
    // chaining needs every shard
    let early = verbatim(&steps, &["reuse", "--shards", "3", "--buckets", "4", "--bucket", "0"]);
    assert_eq!(early.status.code(), Some(2), "{}", String::from_utf8_lossy(&early.stderr));
    assert!(String::from_utf8_lossy(&early.stderr).contains("shards 0, 2 of 3 are not computed"));
    let lines = piped(&steps, &["reuse", "--shards", "3", "--shard", "-"], "0\n1\n2\n");
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["computed"], false, "a shard done is not done again");
    let p = plan(&steps);
    assert_eq!((p["buckets"].as_u64(), p["missing_shards"].as_array().map(Vec::len)), (Some(4), Some(0)), "{p}");
    let lines = piped(&steps, &["reuse", "--shards", "3", "--buckets", "4", "--bucket", "-"], "3\n0\n");
    assert!(lines.iter().all(|l| l["computed"] == true && l["peak_mb"].as_u64().is_some()), "{lines:?}");
    assert_eq!(plan(&steps)["missing_buckets"], serde_json::json!([1, 2]));
    // the rest done by the run that clusters: the one pass's output exactly
    assert_eq!(reuse(&steps, &["--shards", "3", "--buckets", "4"]), whole);
    let out = verbatim(&steps, &["reuse", "--shards", "3", "--shard", "3"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let out = piped_out(&steps, &["reuse", "--shards", "3", "--shard", "-"], "0\nseven\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("stdin, line 2"), "{}", String::from_utf8_lossy(&out.stderr));
}

fn piped_out(c: &Path, args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .arg("--corpus")
        .arg(c)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn piped(c: &Path, args: &[&str], input: &str) -> Vec<serde_json::Value> {
    let out = piped_out(c, args, input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn the_passim_export_counts_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let shared = "the quick brown fox jumps over the lazy dog beside the riverbank at dawn";
    std::fs::write(dir.path().join("a.txt"), format!("Éloïse écrivit: {shared}. Fin.")).unwrap();
    std::fs::write(dir.path().join("b.txt"), format!("Another page. {shared}!")).unwrap();
    let c = dir.path().join("c");
    let out = verbatim(
        &c,
        &["ingest", dir.path().join("a.txt").to_str().unwrap(), dir.path().join("b.txt").to_str().unwrap()],
    );
    assert!(out.status.success());
    let rows = reuse(&c, &["--format", "passim"]);
    assert_eq!(rows.len(), 2, "{rows:?}");
    let a = rows.iter().find(|r| r["id"].as_str().unwrap().ends_with("a.txt")).unwrap();
    assert_eq!(a["begin"], "Éloïse écrivit: ".chars().count());
    assert_eq!(a["end"].as_u64().unwrap() - a["begin"].as_u64().unwrap(), shared.chars().count() as u64);
    assert_eq!(a["cluster"], rows[1]["cluster"]);
    assert_eq!(a["size"], 2);
}

#[test]
fn bad_parameters_exit_2_and_say_which() {
    let dir = tempfile::tempdir().unwrap();
    let out = verbatim(&dir.path().join("none"), &["reuse"]);
    assert_eq!(out.status.code(), Some(2));
    let c = dir.path().join("c");
    ingest_demo(&c);
    for (args, says) in [
        (vec!["reuse", "--min-words", "2"], "--min-words 2"),
        (vec!["reuse", "--format", "csv"], "--format"),
        (vec!["reuse", "--shards", "0"], "--shards 0"),
    ] {
        let out = verbatim(&c, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(says),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_copy_with_every_fourth_word_changed_is_linked_to_its_original() {
    // no four words in a row survive, so no shingle is shared; the runs of
    // three words in order that do survive link the copy to the original
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let original = "the river keeps no record of the stones it carried down from the hills but the valley \
                    remembers every flood";
    let copy = "the river keeps a record of the pebbles it carried down toward the hills but some valley \
                remembers every spring";
    let docs = [
        ("a.txt", "1901-03-04", format!("Opening words of an address on farming. {original}. Closing words on grain.")),
        ("b.txt", "1950-06-01", format!("A speech on railways and ports begins here. {copy}. It ends with tariffs.")),
    ];
    let mut manifest = String::new();
    for (path, date, text) in &docs {
        std::fs::write(files.join(path), text).unwrap();
        manifest.push_str(&format!("{{\"path\": \"{path}\", \"date\": \"{date}\", \"title\": \"{path}\"}}\n"));
    }
    std::fs::write(files.join("manifest.jsonl"), manifest).unwrap();
    let c = dir.path().join("c");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .current_dir(&files)
        .args(["--corpus", c.to_str().unwrap(), "ingest", "--manifest", "manifest.jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let clusters = reuse(&c, &[]);
    assert_eq!(clusters.len(), 1, "{clusters:?}");
    let cl = &clusters[0];
    let members = cl["members"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    let origin = &members[cl["origin"].as_u64().unwrap() as usize];
    assert_eq!(origin["source"], "a.txt");
    assert!(origin["text"].as_str().unwrap().contains("remembers every"), "{cl}");
    assert_eq!(members[1]["verdict"], "altered");
}
