//! `verbatim reuse`: the reuse library (`verbatim_reuse`) with progress bars,
//! the clusters stored in the record, and written as JSON Lines (ours, or
//! passim's fields).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use verbatim_model::ReuseCluster;
use verbatim_reuse::{Event, Params, ReuseError, Run, Work};
use verbatim_store::{Corpus, SourceRow};

use crate::BadInput;

/// How the clusters are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One cluster a line, byte offsets.
    Jsonl,
    /// One passage a line with passim's field names and code-point offsets.
    Passim,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "jsonl" => Some(Format::Jsonl),
            "passim" => Some(Format::Passim),
            _ => None,
        }
    }
}

/// Which part of the work a run does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Everything still missing, then the clusters: stored and written.
    All,
    /// Read the words and say what a distributed run has to do.
    Plan,
    /// These shards' steps only.
    Shards(Numbers),
    /// These buckets' steps only.
    Buckets(Numbers),
}

/// The shards or buckets a step run takes: one, or each number on stdin
/// (how a distributed run's task pipes its share through the binary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Numbers {
    One(u32),
    Stdin,
}

impl Numbers {
    pub fn parse(s: &str, flag: &str) -> Result<Numbers> {
        if s == "-" {
            return Ok(Numbers::Stdin);
        }
        s.parse()
            .map(Numbers::One)
            .map_err(|_| BadInput(format!("{flag} {s}: give a number, or - to read them from stdin")).into())
    }
}

pub struct Request {
    pub params: Params,
    pub out: Option<PathBuf>,
    pub format: Format,
    pub step: Step,
}

pub fn run(dir: &Path, req: Request) -> Result<ExitCode> {
    if let Some(msg) = req.params.check() {
        return Err(BadInput(msg).into());
    }
    let corpus = crate::open_existing(dir)?;
    match &req.step {
        Step::All => {}
        Step::Plan => return plan(dir, &corpus, &req.params),
        Step::Shards(n) | Step::Buckets(n) => {
            return steps(dir, &corpus, &req.params, matches!(req.step, Step::Shards(_)), n)
        }
    }
    let work = Work::open(dir, &corpus, &req.params).map_err(input_or_not)?;
    let bar = ProgressBar::hidden();
    if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    }
    let style = ProgressStyle::with_template("{msg:>8} [{bar:30}] {pos}/{len} {per_sec} ETA {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    let started = std::time::Instant::now();
    let mut phases: Vec<(&'static str, std::time::Instant)> = Vec::new();
    let on = &mut |e: Event| match e {
        Event::Phase { name, total } => {
            phases.push((name, std::time::Instant::now()));
            bar.set_message(name);
            bar.set_length(total);
            bar.set_position(0);
        }
        Event::Advance(n) => bar.inc(n),
    };
    let found = verbatim_reuse::find(&corpus, &work, &req.params, on);
    bar.finish_and_clear();
    let clusters = found.map_err(input_or_not)?;
    let ends: Vec<std::time::Instant> =
        phases.iter().skip(1).map(|p| p.1).chain(std::iter::once(std::time::Instant::now())).collect();
    let took: Vec<String> =
        phases.iter().zip(ends).map(|((name, t0), t1)| format!("{name} {:.1} s", (t1 - *t0).as_secs_f64())).collect();
    drop(work);
    let mut writer = corpus.into_writer(|| eprintln!("verbatim: waiting for another writer of {}", dir.display()))?;
    writer.put_reuse(&clusters)?;
    let corpus = writer.finish()?;
    let boiler = clusters.iter().filter(|c| c.boilerplate).count();
    let linked: usize = clusters.iter().filter(|c| !c.boilerplate).map(|c| c.members.len()).sum();
    match &req.out {
        Some(path) => {
            let f = std::fs::File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
            let mut out = std::io::BufWriter::new(f);
            write_clusters(&mut out, &corpus, &clusters, req.format)?;
            out.flush()?;
        }
        None => {
            let out = std::io::stdout();
            let mut out = std::io::BufWriter::new(out.lock());
            write_clusters(&mut out, &corpus, &clusters, req.format)?;
            out.flush()?;
        }
    }
    eprintln!(
        "verbatim: {} clusters ({} passages) and {} boilerplate in {:.1} s ({}); stored in the record",
        clusters.len() - boiler,
        linked,
        boiler,
        started.elapsed().as_secs_f64(),
        took.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

/// `--plan`: reads the corpus's words (alone in the work folder, which it
/// prepares) and prints one JSON object: the corpus's size, the shards and
/// buckets, and those not done yet. Buckets are known once every shard is.
fn plan(dir: &Path, corpus: &Corpus, p: &Params) -> Result<ExitCode> {
    let work = Work::open(dir, corpus, p).map_err(input_or_not)?;
    let run = Run::open(corpus, &work, p, &mut |_| {}).map_err(input_or_not)?;
    let (sources, words) = run.size();
    let missing_shards = run.missing_shards();
    let buckets = if missing_shards.is_empty() { Some(run.buckets().map_err(input_or_not)?) } else { None };
    let missing_buckets = buckets.map(|b| run.missing_buckets(b));
    let line = serde_json::json!({
        "work": work.dir().display().to_string(),
        "sources": sources,
        "words": words,
        "shards": run.shards(),
        "missing_shards": missing_shards,
        "buckets": buckets,
        "missing_buckets": missing_buckets,
    });
    println!("{line}");
    Ok(ExitCode::SUCCESS)
}

/// `--shard` or `--bucket`: takes those steps beside any other run taking
/// steps in the same work folder, and prints a JSON line a step, with its
/// time and the process's peak memory so far (what a distributed run's
/// executor needs).
fn steps(dir: &Path, corpus: &Corpus, p: &Params, shards: bool, which: &Numbers) -> Result<ExitCode> {
    let work = Work::join(dir, corpus, p).map_err(input_or_not)?;
    let run = Run::open(corpus, &work, p, &mut |_| {}).map_err(input_or_not)?;
    let buckets = if shards { None } else { Some(run.buckets().map_err(input_or_not)?) };
    let out = std::io::stdout();
    let take = |n: u32| -> Result<()> {
        let t0 = std::time::Instant::now();
        let (kind, of, done) = match buckets {
            None => ("shard", run.shards(), run.shard(n)),
            Some(b) => ("bucket", b, run.bucket(n, b)),
        };
        let done = done.map_err(input_or_not)?;
        let line = serde_json::json!({
            kind: n,
            "of": of,
            (if shards { "seeds" } else { "links" }): done.items,
            "computed": done.computed,
            "seconds": (t0.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
            "peak_mb": peak_mb(),
            "mapped_mb": mapped_mb(),
            "pid": std::process::id(),
        });
        let mut out = out.lock();
        writeln!(out, "{line}")?;
        out.flush()?;
        Ok(())
    };
    match which {
        Numbers::One(n) => take(*n)?,
        Numbers::Stdin => {
            for (i, line) in std::io::stdin().lines().enumerate() {
                let line = line.context("stdin")?;
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                let n =
                    line.parse().map_err(|_| BadInput(format!("stdin, line {}: {line:?} is not a number", i + 1)))?;
                take(n)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The process's peak resident memory in MB, where the system says it
/// (Linux's /proc); `None` elsewhere.
fn peak_mb() -> Option<u64> {
    status_mb("VmHWM:")
}

/// The process's resident memory now that is mapped from files, in MB: the
/// corpus's word file, which the system may drop and read again as it needs
/// (part of the peak, but not memory the step holds).
fn mapped_mb() -> Option<u64> {
    status_mb("RssFile:")
}

fn status_mb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 =
        status.lines().find_map(|l| l.strip_prefix(field))?.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb.div_ceil(1024))
}

fn input_or_not(e: ReuseError) -> anyhow::Error {
    match e {
        ReuseError::Params(m) => BadInput(m).into(),
        e => e.into(),
    }
}

fn write_clusters(out: &mut dyn Write, corpus: &Corpus, clusters: &[ReuseCluster], format: Format) -> Result<()> {
    let rows: HashMap<i64, SourceRow> = corpus.sources()?.into_iter().map(|r| (r.id, r)).collect();
    let texts = member_texts(corpus, clusters)?;
    for c in clusters {
        match format {
            Format::Jsonl => {
                let mut members = Vec::with_capacity(c.members.len());
                for m in &c.members {
                    let row = rows.get(&m.source_id);
                    let text = texts.get(&(m.source_id, m.start, m.end)).map_or("", |t| t.0.as_str());
                    members.push(serde_json::json!({
                        "source": row.map(|r| r.path.as_str()),
                        "title": row.and_then(|r| r.title.as_deref()),
                        "speaker": row.and_then(|r| r.speaker.as_deref()),
                        "date": row.and_then(|r| r.date.as_deref()),
                        "start": m.start,
                        "end": m.end,
                        "text": text,
                        "from": m.from,
                        "verdict": m.verdict.name(),
                        "quoted": m.quoted,
                    }));
                }
                let line = serde_json::json!({
                    "cluster": c.id,
                    "size": c.size,
                    "origin": c.origin,
                    "boilerplate": c.boilerplate,
                    "members": members,
                });
                writeln!(out, "{line}")?;
            }
            Format::Passim => {
                for m in &c.members {
                    let row = rows.get(&m.source_id);
                    let (text, begin, end) =
                        texts.get(&(m.source_id, m.start, m.end)).map_or(("", 0, 0), |t| (t.0.as_str(), t.1, t.2));
                    let line = serde_json::json!({
                        "cluster": c.id,
                        "size": c.size,
                        "uid": m.source_id,
                        "id": row.map(|r| r.path.as_str()),
                        "src": row.map(|r| r.path.as_str()),
                        "series": row.and_then(|r| series(&r.path)),
                        "date": row.and_then(|r| r.date.as_deref()),
                        "begin": begin,
                        "end": end,
                        "text": text,
                    });
                    writeln!(out, "{line}")?;
                }
            }
        }
    }
    Ok(())
}

/// The folder a source's path names, passim's "series": the sources of one
/// publication are usually one folder.
fn series(path: &str) -> Option<&str> {
    path.rsplit_once('/').map(|(dir, _)| dir)
}

/// A member's text and code-point offsets, by (source, byte start, byte end).
type MemberTexts = HashMap<(i64, usize, usize), (String, usize, usize)>;

/// Every member's text and its code-point offsets (passim counts code
/// points), keyed by (source, start, end): each source's text read once,
/// not once a member.
fn member_texts(corpus: &Corpus, clusters: &[ReuseCluster]) -> Result<MemberTexts> {
    let mut by_source: HashMap<i64, Vec<(usize, usize)>> = HashMap::new();
    for m in clusters.iter().flat_map(|c| &c.members) {
        by_source.entry(m.source_id).or_default().push((m.start, m.end));
    }
    let mut out = HashMap::new();
    for (id, mut spans) in by_source {
        let text = corpus.text(id)?.unwrap_or_default();
        spans.sort_unstable();
        spans.dedup();
        // code points counted once along the text: spans are in order of start
        let (mut at, mut count) = (0usize, 0usize);
        for (s, e) in spans {
            let (Some(before), Some(inner)) = (text.get(at..s), text.get(s..e)) else { continue };
            count += before.chars().count();
            at = s;
            let len = inner.chars().count();
            out.insert((id, s, e), (inner.to_string(), count, count + len));
        }
    }
    Ok(out)
}
