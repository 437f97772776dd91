//! What the end-to-end tests share: where the demo corpus and ../shared are,
//! and running the binary. Each test file uses the part it needs.
//!
//! Tests that read `../shared` (the large corpora and the bench sets) are
//! marked `#[ignore = "needs ../shared"]`: `cargo test` passes from a clone
//! alone, and `cargo test -- --include-ignored` (what CI runs) runs them too.
//! Such a test fails, never skips, when `../shared` is missing.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `../shared` beside the repository (the seed page, corpora, bench sets).
pub fn shared() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        p.join("seed").is_dir() && p.join("corpora").is_dir(),
        "these tests read ../shared beside the repository: {} is missing",
        p.display()
    );
    p
}

/// The demo corpus that ships in the repository (`demo/`).
pub fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo")
}

/// The seed page (a Wikiquote page), as the demo corpus ships it.
pub fn seed() -> PathBuf {
    demo().join("wikiquote/russia-nato-relations.txt")
}

/// Runs `verbatim --corpus CORPUS ARGS...` without colour.
pub fn verbatim(corpus: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .arg("--corpus")
        .arg(corpus)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run verbatim")
}

/// stdout as one JSON value.
pub fn json(out: &Output) -> serde_json::Value {
    let s = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(s.trim())
        .unwrap_or_else(|e| panic!("not JSON ({e}): {s}\nstderr: {}", String::from_utf8_lossy(&out.stderr)))
}

/// A fresh corpus holding the seed page.
pub fn seed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = verbatim(dir.path(), &["ingest", "--format", "wikiquote-text", seed().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir
}
