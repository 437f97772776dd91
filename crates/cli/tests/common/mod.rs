//! What the end-to-end tests share: where the demo corpus and ../shared are,
//! running the binary, and a server on loopback with the page driven in
//! headless Chromium. Each test file uses the part it needs.
//!
//! Tests that read `../shared` (the large corpora and the bench sets) are
//! marked `#[ignore = "needs ../shared"]`: `cargo test` passes from a clone
//! alone, and `cargo test -- --include-ignored` (what CI runs) runs them too.
//! Such a test fails, never skips, when `../shared` is missing.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

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

/// A `verbatim serve` on a free port of 127.0.0.1, killed when dropped.
pub struct Server {
    child: Child,
    pub addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server on the corpus in `dir`, as it stands.
pub fn serve(dir: tempfile::TempDir, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .arg("--corpus")
        .arg(dir.path())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(extra)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr, _dir: dir }
}

/// Runs `tests/browser/e2e.mjs` against the server with `env`, saving the
/// screenshot to `target/browser/NAME`; returns what the script printed.
pub fn browse(srv: &Server, name: &str, env: &[(&str, &str)]) -> String {
    let browser = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists() && browser.join("node_modules/playwright-core").is_dir(),
        "the browser test needs Debian's chromium and playwright-core: `apt-get install chromium` and `npm ci --prefix {}` (.ci/run does both)",
        browser.display()
    );
    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser").join(name);
    std::fs::create_dir_all(shot.parent().unwrap()).unwrap();
    let out = Command::new("node")
        .arg(browser.join("e2e.mjs"))
        .env("URL", format!("http://{}/", srv.addr))
        .env("CHROMIUM", &chromium)
        .env("SHOT", &shot)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false), "no screenshot at {}", shot.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}
