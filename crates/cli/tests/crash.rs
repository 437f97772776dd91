//! Crash consistency: `verbatim ingest` killed with SIGKILL at random
//! moments, 20 times, on real files (the demo corpus: the inaugural
//! addresses, The Devil's Dictionary and the seed page). After each kill the corpus opens;
//! every file reported as committed is there and findable; running the same
//! ingest again completes the job, and the result is the same corpus, count
//! for count (sources, quotations, passages), as one uninterrupted ingest.

mod common;
use common::{demo, verbatim};

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn stats(corpus: &Path) -> serde_json::Value {
    let out = verbatim(corpus, &["stats", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The input folder: real files, in the order ingest reads them (sorted).
fn input(dir: &Path) -> Vec<PathBuf> {
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let mut n = 0;
    for e in std::fs::read_dir(demo().join("speeches/inaugural")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, inp.join(format!("a-{}", p.file_name().unwrap().to_string_lossy()))).unwrap();
        n += 1;
    }
    for f in ["books/devils-dictionary.txt", "wikiquote/russia-nato-relations.txt"] {
        let p = demo().join(f);
        std::fs::copy(&p, inp.join(format!("b-{}", p.file_name().unwrap().to_string_lossy()))).unwrap();
        n += 1;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&inp).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert_eq!(files.len(), n);
    files
}

/// A query per file: twelve words from the middle of it.
fn probes(files: &[PathBuf], dir: &Path) -> PathBuf {
    let path = dir.join("probes.jsonl");
    let mut lines = String::new();
    for (k, f) in files.iter().enumerate() {
        let text = String::from_utf8_lossy(&std::fs::read(f).unwrap()).into_owned();
        let words: Vec<&str> = text.split_whitespace().filter(|w| w.chars().all(|c| c.is_alphabetic())).collect();
        let mid = words.len() / 2;
        let quote = words[mid.saturating_sub(6)..(mid + 6).min(words.len())].join(" ");
        lines.push_str(&serde_json::json!({"id": k, "quote": quote}).to_string());
        lines.push('\n');
    }
    std::fs::write(&path, lines).unwrap();
    path
}

/// Which files the probes find, by index.
fn findable(corpus: &Path, files: &[PathBuf], probes: &Path) -> Vec<bool> {
    let out = verbatim(corpus, &["find", "--jsonl", "--batch", probes.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut found = vec![false; files.len()];
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let k = v["id"].as_u64().unwrap() as usize;
        let want = files[k].to_string_lossy();
        found[k] = v["matches"].as_array().unwrap().iter().any(|m| m["source"].as_str() == Some(&want));
    }
    found
}

/// A small deterministic generator for the kill times.
fn lcg(state: &mut u64) -> u64 {
    *state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    *state >> 33
}

#[test]
fn sigkill_at_random_moments_loses_nothing_committed() {
    let dir = tempfile::tempdir().unwrap();
    let files = input(dir.path());
    let probes = probes(&files, dir.path());
    let inp = dir.path().join("in");
    let ingest = |corpus: &Path| -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_verbatim"));
        c.arg("--corpus").arg(corpus).args(["ingest", "--commit-mb", "0.1"]).arg(&inp);
        c
    };
    // the reference: one uninterrupted ingest, and how long it takes
    let clean = dir.path().join("clean");
    let t0 = Instant::now();
    let out = ingest(&clean).output().unwrap();
    let full = t0.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let want = stats(&clean);
    assert!(findable(&clean, &files, &probes).iter().all(|&f| f), "every probe finds its file in a clean corpus");

    let mut seed = 0x5eed_u64;
    let mut killed_mid_way = 0;
    let (mut before_first, mut after_done) = (0, 0);
    for trial in 0..20 {
        let corpus = dir.path().join(format!("c{trial}"));
        let delay = Duration::from_micros(lcg(&mut seed) % (full.as_micros() as u64 + 1));
        let mut child = ingest(&corpus).stderr(Stdio::piped()).spawn().unwrap();
        let stderr = child.stderr.take().unwrap();
        let reader =
            std::thread::spawn(move || BufReader::new(stderr).lines().map_while(Result::ok).collect::<Vec<String>>());
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let lines = reader.join().unwrap();
        // files committed before the kill: "committed N sources, K/M files ..."
        let committed = lines
            .iter()
            .filter_map(|l| l.split(" files").next()?.rsplit(", ").next()?.split('/').next()?.parse::<usize>().ok())
            .max()
            .unwrap_or(0);
        let finished = status.success();
        if !finished && committed > 0 && committed < files.len() {
            killed_mid_way += 1;
        } else if finished {
            after_done += 1;
        } else if committed == 0 {
            before_first += 1;
        }
        if corpus.join("record.sqlite").exists() {
            // it opens, and everything reported as committed is there and findable
            let s = stats(&corpus);
            assert!(s["sources"].as_u64().unwrap() as usize >= committed, "trial {trial}: {s} < {committed} committed");
            let found = findable(&corpus, &files, &probes);
            for (k, f) in files.iter().enumerate().take(committed) {
                assert!(found[k], "trial {trial}: {} was committed but is not found", f.display());
            }
        } else {
            assert_eq!(committed, 0, "trial {trial}: commits reported but no record");
        }
        // the same ingest again completes the job: the same corpus as a clean run
        let out = ingest(&corpus).output().unwrap();
        assert!(out.status.success(), "trial {trial}: {}", String::from_utf8_lossy(&out.stderr));
        let got = stats(&corpus);
        for key in ["sources", "quotations", "passages", "text_bytes"] {
            assert_eq!(got[key], want[key], "trial {trial}: {key} differs after the crash and the rerun");
        }
        assert!(
            findable(&corpus, &files, &probes).iter().all(|&f| f),
            "trial {trial}: a file is not findable after the rerun"
        );
    }
    eprintln!(
        "20 kills: {killed_mid_way} between commits, {before_first} before the first commit, {after_done} after the ingest finished; \
         uninterrupted ingest {:.2} s",
        full.as_secs_f64()
    );
    assert!(killed_mid_way >= 5, "only {killed_mid_way} of 20 kills landed between commits");
}
