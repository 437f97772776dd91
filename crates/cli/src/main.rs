//! `verbatim`: the command-line tool. Commands, progress bars and output
//! formats live here; everything else is in the library crates.

mod check;
mod ingest;
mod model;
mod output;
mod reuse;

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use verbatim_engine::{Engine, EngineError, Verdict};
use verbatim_store::Corpus;

/// Find where a quotation really comes from, and how it differs.
#[derive(Parser)]
#[command(name = "verbatim", version, about)]
struct Cli {
    /// The corpus folder. Default: $VERBATIM_CORPUS, else the per-user data
    /// folder (`~/.local/share/verbatim/corpus` on Linux).
    #[arg(long, global = true)]
    corpus: Option<PathBuf>,
    /// The sentence-encoder model folder for paraphrase search (a build with
    /// the `paraphrase` feature). Default: $VERBATIM_MODEL, else the per-user
    /// data folder's `verbatim/model` when it exists.
    #[arg(long, global = true)]
    model: Option<PathBuf>,
    /// The lowest score answered as a paraphrase: how far the word pieces of the quotation and a
    /// place match one to one in order (0 to 1), less how far they match the nearest other places
    /// (counted at 0.09 at least, so no score passes 0.91); -1 answers the nearest place of every
    /// quotation.
    /// The default was chosen on a development set: docs/PARAPHRASE.md.
    #[arg(long, global = true, allow_negative_numbers = true, default_value_t = verbatim_engine::paraphrase::THRESHOLD)]
    paraphrase_threshold: f32,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Add files or folders (recursively) to the corpus.
    Ingest {
        /// Files or folders to ingest.
        paths: Vec<PathBuf>,
        /// A JSONL manifest: one {"path", "title", "speaker", "date", "outlet", "url", "format"} a line.
        #[arg(long)]
        manifest: Option<PathBuf>,
        /// Read every file as this format (text, wikiquote-text, wikitext, dump, fortune, json,
        /// jsonl); by default each file's format is found from its name and first bytes.
        #[arg(long)]
        format: Option<String>,
        /// Commit (make durable and visible) after about this many MB of input.
        #[arg(long, default_value_t = 256.0)]
        commit_mb: f64,
    },
    /// Find where a quotation comes from.
    Find {
        /// The quotation (omit with --batch).
        quote: Option<String>,
        /// The person the quotation is credited to.
        #[arg(long)]
        speaker: Option<String>,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// Print one JSON object a line (with --batch).
        #[arg(long)]
        jsonl: bool,
        /// Answer every query of a JSONL file: {"id", "quote", "speaker"} a line.
        #[arg(long)]
        batch: Option<PathBuf>,
    },
    /// Check a quotation and its claimed speaker; prints a one-line verdict.
    Verify {
        quote: String,
        #[arg(long)]
        speaker: String,
        #[arg(long)]
        json: bool,
    },
    /// Every quotation in a document (plain text, Markdown, HTML, or a quote
    /// page), the speaker the document gives it, and its verdict. Exit 1 when
    /// any quotation is altered, spliced or misattributed.
    Check {
        /// The documents.
        files: Vec<PathBuf>,
        /// One JSON object per document.
        #[arg(long)]
        json: bool,
        /// One JSON object per quotation.
        #[arg(long)]
        jsonl: bool,
        /// Only list the quotations and their speakers; look nothing up.
        #[arg(long)]
        quotes_only: bool,
        /// Read the documents as this format (a quote page: wikiquote-text, wikitext, fortune, json).
        #[arg(long)]
        format: Option<String>,
    },
    /// Serve the HTTP API (`/v1/...`, `/openapi.json`) and the web page.
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Allow `POST /v1/ingest` for clients sending this bearer token
        /// (default: $VERBATIM_TOKEN; without one, ingest is off).
        #[arg(long)]
        token: Option<String>,
        /// Queries answered at once (default: the number of cores, 2 to 16).
        #[arg(long)]
        workers: Option<usize>,
        /// Seconds a request may wait and run before a 503.
        #[arg(long, default_value_t = 10)]
        timeout: u64,
    },
    /// Every passage of the corpus that stands in more than one source:
    /// clusters of witnesses, earliest first, the origin marked (stored in
    /// the record, so that `find` shows them). See docs/REUSE.md.
    Reuse {
        /// The fewest words a shared passage may have.
        #[arg(long, default_value_t = 10)]
        min_words: usize,
        /// Write the clusters here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// jsonl (one cluster a line, byte offsets) or passim (one passage a
        /// line, passim's fields, code-point offsets).
        #[arg(long, default_value = "jsonl")]
        format: String,
        /// A shingle or run in more sources than this is common: it links
        /// nothing, and runs of common shingles are reported as boilerplate.
        #[arg(long, default_value_t = 50)]
        max_docs: usize,
        /// Words in a shingle, the set of consecutive words two sources must
        /// share (or, from four up, one word fewer in the same order) before
        /// they are compared.
        #[arg(long, default_value_t = 4)]
        shingle: usize,
        /// The most words between two shared shingles or runs of one passage.
        #[arg(long, default_value_t = 15)]
        gap: usize,
        /// How far two shared shingles or runs of one passage may move against
        /// each other (words added, dropped or swapped between them).
        #[arg(long, default_value_t = 5)]
        drift: usize,
        /// Split the work into this many shards of the shingle hash space
        /// (default: as many as keep one pass within --memory-mb).
        #[arg(long)]
        shards: Option<u32>,
        /// Chain the seeds in this many buckets of sources (default: as
        /// many as keep one within --memory-mb).
        #[arg(long)]
        buckets: Option<u32>,
        /// The memory one shard pass or bucket may take, in MB.
        #[arg(long, default_value_t = 512)]
        memory_mb: u64,
        /// Prepare a distributed run: read the corpus's words, then print
        /// the shards and buckets, and which are done, as JSON.
        #[arg(long, conflicts_with_all = ["shard", "bucket"])]
        plan: bool,
        /// Take only this shard's step (a distributed run's task), or, with
        /// `-`, each shard number read from stdin; print a JSON line a shard.
        #[arg(long, value_name = "I|-", conflicts_with = "bucket")]
        shard: Option<String>,
        /// Take only this bucket's step, once every shard is done, or, with
        /// `-`, each bucket number read from stdin; print a JSON line a bucket.
        #[arg(long, value_name = "K|-")]
        bucket: Option<String>,
    },
    /// Counts and sizes of the corpus.
    Stats {
        #[arg(long)]
        json: bool,
    },
}

/// An error that is the user's input: exit code 2.
#[derive(Debug)]
pub struct BadInput(pub String);
impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for BadInput {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("verbatim: {e:#}");
            if e.downcast_ref::<BadInput>().is_some() || e.downcast_ref::<verbatim_formats::FormatError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(3)
            }
        }
    }
}

fn corpus_dir(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(d) = flag {
        return Ok(d);
    }
    verbatim_store::default_dir().context("no per-user data folder on this system: pass --corpus DIR")
}

/// Opens an existing corpus for reading; a folder with no corpus is the
/// user's mistake (a mistyped --corpus), not an empty corpus.
pub(crate) fn open_existing(dir: &std::path::Path) -> Result<Corpus> {
    if !dir.join("record.sqlite").is_file() {
        return Err(BadInput(format!(
            "{}: no corpus here (run `verbatim --corpus {} ingest PATH...` first)",
            dir.display(),
            dir.display()
        ))
        .into());
    }
    Ok(Corpus::open(dir)?)
}

fn run(cli: Cli) -> Result<ExitCode> {
    let dir = corpus_dir(cli.corpus)?;
    // the commands that look quotations up load the model only when run
    let engine_opts = || model::engine_options(cli.model.as_deref(), cli.paraphrase_threshold);
    match cli.command {
        Command::Ingest { paths, manifest, format, commit_mb } => {
            if commit_mb.is_nan() || commit_mb <= 0.0 {
                return Err(BadInput(format!("--commit-mb {commit_mb}: give a size above 0")).into());
            }
            ingest::run(&dir, paths, manifest, format, (commit_mb * 1e6) as u64)
        }
        Command::Find { quote, speaker, json, jsonl, batch } => {
            let corpus = open_existing(&dir)?;
            if let Some(batch) = batch {
                if quote.is_some() {
                    return Err(BadInput("give either a quotation or --batch FILE, not both".into()).into());
                }
                return run_batch(corpus, &dir, &batch, engine_opts()?);
            }
            let Some(quote) = quote else {
                return Err(BadInput("no quotation given (or use --batch FILE)".into()).into());
            };
            let engine = Engine::with_options(corpus, engine_opts()?);
            let answer = answer_one(&engine, &quote, speaker.as_deref())?;
            let out = std::io::stdout();
            let mut out = out.lock();
            if json || jsonl {
                writeln!(out, "{}", output::answer_json(None, &answer))?;
            } else {
                output::human(&mut out, &engine, speaker.as_deref(), &answer)?;
            }
            Ok(if answer.verdict == Verdict::NotFound { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Verify { quote, speaker, json } => {
            let engine = Engine::with_options(open_existing(&dir)?, engine_opts()?);
            let answer = answer_one(&engine, &quote, Some(&speaker))?;
            let out = std::io::stdout();
            let mut out = out.lock();
            if json {
                writeln!(out, "{}", output::answer_json(None, &answer))?;
            } else {
                output::human(&mut out, &engine, Some(&speaker), &answer)?;
            }
            Ok(if answer.verdict == Verdict::NotFound { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Check { files, json, jsonl, quotes_only, format } => {
            let opts = if quotes_only { None } else { Some(engine_opts()?) };
            check::run(&dir, files, json, jsonl, opts, format)
        }
        Command::Serve { addr, token, workers, timeout } => {
            if !dir.join("record.sqlite").is_file() {
                open_existing(&dir)?;
            }
            let mut cfg = verbatim_server::Config::new(dir.clone(), addr);
            cfg.token = token.or_else(|| std::env::var("VERBATIM_TOKEN").ok()).filter(|t| !t.is_empty());
            if let Some(w) = workers {
                cfg.workers = w.max(1);
            }
            cfg.timeout = std::time::Duration::from_secs(timeout.max(1));
            cfg.engine = engine_opts()?;
            let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
            let ingest = if cfg.token.is_some() { "on (bearer token)" } else { "off" };
            rt.block_on(verbatim_server::serve(cfg, |a| {
                eprintln!("verbatim: serving {} on http://{a} (ingest {ingest}); Ctrl-C stops", dir.display());
            }))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Reuse {
            min_words,
            out,
            format,
            max_docs,
            shingle,
            gap,
            drift,
            shards,
            buckets,
            memory_mb,
            plan,
            shard,
            bucket,
        } => {
            let format = reuse::Format::parse(&format)
                .ok_or_else(|| BadInput(format!("--format {format:?}: give jsonl or passim")))?;
            let params =
                verbatim_reuse::Params { min_words, shingle, max_docs, gap, drift, shards, buckets, memory_mb };
            let step = match (plan, shard, bucket) {
                (true, _, _) => reuse::Step::Plan,
                (_, Some(s), _) => reuse::Step::Shards(reuse::Numbers::parse(&s, "--shard")?),
                (_, _, Some(k)) => reuse::Step::Buckets(reuse::Numbers::parse(&k, "--bucket")?),
                _ => reuse::Step::All,
            };
            reuse::run(&dir, reuse::Request { params, out, format, step })
        }
        Command::Stats { json } => {
            let corpus = open_existing(&dir)?;
            let s = corpus.stats()?;
            if json {
                println!(
                    "{}",
                    serde_json::json!({"sources": s.sources, "quotations": s.quotations, "text_bytes": s.text_bytes,
                        "passages": s.passages, "record_bytes": s.record_bytes, "index_bytes": s.index_bytes})
                );
            } else {
                println!("corpus      {}", dir.display());
                println!("sources     {}", s.sources);
                println!("quotations  {}", s.quotations);
                println!("passages    {}", s.passages);
                println!("text        {:.1} MB", s.text_bytes as f64 / 1e6);
                println!("record      {:.1} MB", s.record_bytes as f64 / 1e6);
                println!(
                    "index       {:.1} MB ({:.2}× the text)",
                    s.index_bytes as f64 / 1e6,
                    s.index_bytes as f64 / s.text_bytes.max(1) as f64
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn answer_one(engine: &Engine, quote: &str, speaker: Option<&str>) -> Result<verbatim_engine::Answer> {
    match engine.find(quote, speaker) {
        Ok(a) => {
            if a.verdict == Verdict::NotFound {
                model::note_not_found();
            }
            Ok(a)
        }
        Err(EngineError::EmptyQuery) => Err(BadInput("the quotation has no words".into()).into()),
        Err(e @ EngineError::TooLong(_)) => Err(BadInput(e.to_string()).into()),
        Err(e) => Err(e.into()),
    }
}

/// One query of a batch file, or why its line could not be read.
struct BatchQuery {
    line: usize,
    id: serde_json::Value,
    quote: Result<(String, Option<String>), String>,
}

fn parse_batch_line(line_no: usize, line: &str) -> BatchQuery {
    let v: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return BatchQuery { line: line_no, id: serde_json::Value::Null, quote: Err(format!("not JSON: {e}")) }
        }
    };
    let id = v.get("id").cloned().unwrap_or(serde_json::Value::from(line_no));
    let quote = match v.get("quote") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return BatchQuery { line: line_no, id, quote: Err("\"quote\" is not a string".into()) },
        None => return BatchQuery { line: line_no, id, quote: Err("no \"quote\"".into()) },
    };
    let speaker = match v.get("speaker") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(_) => return BatchQuery { line: line_no, id, quote: Err("\"speaker\" is not a string".into()) },
    };
    BatchQuery { line: line_no, id, quote: Ok((quote, speaker)) }
}

/// Answers a batch file, one JSON object a line in input order, on all
/// cores (`verbatim_engine::batch`). A line that cannot be read is reported
/// on stderr and answered with its error; the rest are answered.
fn run_batch(
    corpus: Corpus,
    dir: &std::path::Path,
    batch: &std::path::Path,
    opts: verbatim_engine::Options,
) -> Result<ExitCode> {
    use verbatim_engine::batch::{find_many, Query};
    let f = std::fs::File::open(batch)
        .with_context(|| format!("{}: cannot open", batch.display()))
        .map_err(|e| BadInput(format!("{e:#}")))?;
    let mut lines = Vec::new();
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|e| BadInput(format!("{}:{}: {e}", batch.display(), n + 1)))?;
        if line.trim().is_empty() {
            continue;
        }
        lines.push(parse_batch_line(n + 1, &line));
    }
    drop(corpus);
    let queries: Vec<Query> = lines
        .iter()
        .filter_map(|q| q.quote.as_ref().ok())
        .map(|(quote, speaker)| Query { quote: quote.clone(), speaker: speaker.clone() })
        .collect();
    let mut answers = find_many(dir, &queries, &opts)?.into_iter();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for q in &lines {
        let v = match &q.quote {
            Err(msg) => {
                eprintln!("verbatim: {}:{}: {msg}", batch.display(), q.line);
                serde_json::json!({"id": q.id, "error": format!("line {}: {msg}", q.line)})
            }
            Ok(_) => match answers.next() {
                Some(t) => match t.answer {
                    Ok(a) => {
                        if a.verdict == Verdict::NotFound {
                            model::note_not_found();
                        }
                        let mut v = output::answer_json(Some(&q.id), &a);
                        // the engine's time for this query, for benchmarks
                        v["ms"] = serde_json::json!((t.ms * 10.0).round() / 10.0);
                        v
                    }
                    Err(e) => {
                        eprintln!("verbatim: {}:{}: {e}", batch.display(), q.line);
                        serde_json::json!({"id": q.id, "verdict": "not_found", "error": e.to_string(), "matches": []})
                    }
                },
                None => anyhow::bail!("the batch answered fewer queries than it was given"),
            },
        };
        writeln!(out, "{v}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
