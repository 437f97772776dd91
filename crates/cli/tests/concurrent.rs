//! Concurrent use: readers while an ingest runs see a consistent corpus (a
//! query never fails, and what it finds only grows), and a second writer
//! waits for the first with a clear message, then finishes; nothing is
//! corrupted.

mod common;
use common::shared;

use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_verbatim"))
}

#[test]
#[ignore = "needs ../shared"]
fn readers_and_a_second_writer_during_an_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    // a first source, so that readers have a corpus from the start
    let kennedy = shared().join("corpora/speeches/inaugural/1961-Kennedy.txt");
    assert!(bin().arg("--corpus").arg(&c).arg("ingest").arg(&kennedy).status().unwrap().success());
    // a long ingest with frequent commits (the Debian fortunes, read as they come)
    let fortunes = shared().join("corpora/quotes/fortunes-debian");
    let mut writer = bin()
        .arg("--corpus")
        .arg(&c)
        .args(["ingest", "--commit-mb", "0.2"])
        .arg(&fortunes)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // a second writer at the same time: it waits, says so, and then does its work
    let inaugural = shared().join("corpora/speeches/inaugural");
    let second = bin().arg("--corpus").arg(&c).args(["ingest"]).arg(&inaugural).stderr(Stdio::piped()).spawn().unwrap();
    // readers throughout
    let mut seen = 0u64;
    let mut queries = 0;
    loop {
        let out = bin()
            .arg("--corpus")
            .arg(&c)
            .args(["find", "--json", "ask not what your country can do for you"])
            .output()
            .unwrap();
        assert!(out.status.success(), "a reader failed during the ingest: {}", String::from_utf8_lossy(&out.stderr));
        let s = bin().arg("--corpus").arg(&c).args(["stats", "--json"]).output().unwrap();
        assert!(s.status.success(), "stats failed during the ingest: {}", String::from_utf8_lossy(&s.stderr));
        let v: serde_json::Value = serde_json::from_slice(&s.stdout).unwrap();
        let n = v["sources"].as_u64().unwrap();
        assert!(n >= seen, "the corpus shrank under a reader: {n} < {seen}");
        seen = n;
        queries += 1;
        if writer.try_wait().unwrap().is_some() {
            break;
        }
    }
    let out = writer.wait_with_output().unwrap();
    let err1 = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err1}");
    let out = second.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned() + &err1;
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("another process is writing") && err.contains("waiting"),
        "neither writer waited for the other:\n{err}"
    );
    assert!(queries >= 2, "the readers ran {queries} times");
    // everything of both writers is there, and findable
    let s = bin().arg("--corpus").arg(&c).args(["stats", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&s.stdout).unwrap();
    let files = std::fs::read_dir(&fortunes).unwrap().count() + std::fs::read_dir(&inaugural).unwrap().count();
    // Kennedy's address came first under the same path: the folder run leaves it unchanged
    assert_eq!(v["sources"].as_u64().unwrap() as usize, files, "{v}");
    let out = bin()
        .arg("--corpus")
        .arg(&c)
        .args(["find", "--json", "A black cat crossing your path signifies that the animal is going somewhere"])
        .output()
        .unwrap();
    assert!(out.status.success());
}
