//! `verbatim._verbatim`: the engine as a Python extension module.
//!
//! This layer converts types and nothing else. Every answer is built by the
//! same library calls the command line makes (`verbatim_ingest::ingest`,
//! `Engine::find`, `verbatim_engine::batch::find_many`, `Engine::check`) and
//! rendered by the same JSON form (`verbatim_engine::json`), turned into
//! Python dicts and lists; `verbatim/__init__.py` wraps them in typed
//! objects. The GIL is released while the engine works, so other Python
//! threads run meanwhile, and a batch runs on every core.
//!
//! Errors keep the command line's messages: the user's input at fault (a
//! missing file, a bad manifest line, a quotation with no words, a folder
//! with no corpus) is a `ValueError`; a corpus that cannot be read or
//! written is a `verbatim.CorpusError`.
#![cfg(feature = "python")]

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde_json::{json, Value};
use verbatim_engine::batch::{find_many, Query};
use verbatim_engine::{Engine, EngineError, Options};
use verbatim_formats::Format;
use verbatim_ingest::Request;

pyo3::create_exception!(
    verbatim,
    CorpusError,
    PyRuntimeError,
    "The corpus cannot be read or written (not the caller's input)."
);

/// A corpus folder, and the engine over it, opened on first use.
#[pyclass(module = "verbatim._verbatim", frozen)]
struct Corpus {
    dir: PathBuf,
    engine: Mutex<Option<Engine>>,
}

/// What went wrong, before it becomes a Python exception (which needs the
/// GIL, and the work runs without it).
enum Failure {
    Input(String),
    Corpus(String),
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        match f {
            Failure::Input(m) => PyValueError::new_err(m),
            Failure::Corpus(m) => CorpusError::new_err(m),
        }
    }
}

impl From<EngineError> for Failure {
    fn from(e: EngineError) -> Failure {
        match e {
            EngineError::EmptyQuery | EngineError::TooLong(_) => Failure::Input(e.to_string()),
            EngineError::Store(_) | EngineError::Deadline | EngineError::Encoder(_) => Failure::Corpus(e.to_string()),
        }
    }
}

impl Corpus {
    /// Runs `f` with the engine, opening it first. A folder with no corpus
    /// is the caller's mistake (a mistyped path), as on the command line.
    fn with_engine<T>(&self, f: impl FnOnce(&Engine) -> Result<T, Failure>) -> Result<T, Failure> {
        let mut guard = self.engine.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_none() {
            self.require_corpus()?;
            let corpus = verbatim_store::Corpus::open(&self.dir).map_err(|e| Failure::Corpus(e.to_string()))?;
            *guard = Some(Engine::new(corpus));
        }
        match guard.as_ref() {
            Some(engine) => f(engine),
            None => Err(Failure::Corpus("the engine could not be opened".into())),
        }
    }

    fn require_corpus(&self) -> Result<(), Failure> {
        if self.dir.join("record.sqlite").is_file() {
            return Ok(());
        }
        Err(Failure::Input(format!("{}: no corpus here (ingest files into it first)", self.dir.display())))
    }
}

#[pymethods]
impl Corpus {
    /// Opens the corpus in `path`, or the default folder (`$VERBATIM_CORPUS`,
    /// else the per-user data folder) when `path` is None. Nothing is read
    /// until the first call; a folder that holds no corpus yet is fine to
    /// ingest into.
    #[new]
    #[pyo3(signature = (path=None))]
    fn new(path: Option<PathBuf>) -> PyResult<Self> {
        let dir = match path {
            Some(p) => p,
            None => verbatim_store::default_dir()
                .ok_or_else(|| PyValueError::new_err("no per-user data folder on this system: give a path"))?,
        };
        Ok(Corpus { dir, engine: Mutex::new(None) })
    }

    /// The corpus folder.
    #[getter]
    fn path(&self) -> PathBuf {
        self.dir.clone()
    }

    fn __repr__(&self) -> String {
        format!("Corpus({:?})", self.dir.display().to_string())
    }

    /// Ingests files, folders and a manifest; returns what was done as a dict.
    #[pyo3(signature = (paths, manifest=None, format=None, commit_mb=256.0))]
    fn ingest(
        &self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        manifest: Option<PathBuf>,
        format: Option<String>,
        commit_mb: f64,
    ) -> PyResult<Py<PyAny>> {
        let format = match format {
            Some(f) => Some(Format::parse(&f).ok_or_else(|| {
                PyValueError::new_err(format!("format {f:?}: unknown format (known: {})", Format::known()))
            })?),
            None => None,
        };
        if commit_mb.is_nan() || commit_mb <= 0.0 {
            return Err(PyValueError::new_err(format!("commit_mb {commit_mb}: give a size above 0")));
        }
        let req = Request { paths, manifest, format, commit_bytes: (commit_mb * 1e6) as u64 };
        let result: Result<Value, Failure> = py.detach(|| {
            let mut warnings = Vec::new();
            let r = verbatim_ingest::ingest(&self.dir, &req, &mut |e| {
                if let verbatim_ingest::Event::Warning(w) = e {
                    warnings.push(w.to_string());
                }
            });
            // the engine sees what was committed, whatever happened after
            if let Some(engine) = self.engine.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
                engine.refresh();
            }
            match r {
                Ok(report) => Ok(report_json(&report, &warnings)),
                Err(e) => {
                    let msg = e.to_string();
                    Err(if e.is_input() { Failure::Input(msg) } else { Failure::Corpus(msg) })
                }
            }
        });
        to_py(py, &result?)
    }

    /// Finds where `quote` comes from; with `speaker`, whether the credit is
    /// right. The answer in the command line's JSON form, as a dict.
    #[pyo3(signature = (quote, speaker=None))]
    fn find(&self, py: Python<'_>, quote: String, speaker: Option<String>) -> PyResult<Py<PyAny>> {
        let v = py.detach(|| {
            self.with_engine(|e| Ok(verbatim_engine::json::answer_json(None, &e.find(&quote, speaker.as_deref())?)))
        })?;
        to_py(py, &v)
    }

    /// Answers many quotations on every core, in input order. Each answer is
    /// a dict in the JSON form plus `ms`; a quotation that cannot be looked
    /// up (no words, too long) gets `error` and `verdict: not_found`, as in
    /// `verbatim find --batch`.
    fn find_many(&self, py: Python<'_>, quotes: Vec<String>, speakers: Vec<Option<String>>) -> PyResult<Py<PyAny>> {
        if speakers.len() != quotes.len() && !speakers.is_empty() {
            return Err(PyValueError::new_err(format!("{} quotations but {} speakers", quotes.len(), speakers.len())));
        }
        let queries: Vec<Query> = quotes
            .into_iter()
            .enumerate()
            .map(|(k, quote)| Query { quote, speaker: speakers.get(k).cloned().flatten() })
            .collect();
        let answers: Result<Vec<Value>, Failure> = py.detach(|| {
            self.require_corpus()?;
            let timed = find_many(&self.dir, &queries, &Options::default()).map_err(Failure::from)?;
            Ok(timed
                .into_iter()
                .map(|t| {
                    let mut v = match t.answer {
                        Ok(a) => verbatim_engine::json::answer_json(None, &a),
                        Err(e) => json!({"verdict": "not_found", "error": e.to_string(), "matches": []}),
                    };
                    v["ms"] = json!((t.ms * 10.0).round() / 10.0);
                    v
                })
                .collect())
        });
        let list = PyList::empty(py);
        for v in answers? {
            list.append(to_py(py, &v)?)?;
        }
        Ok(list.into_any().unbind())
    }

    /// Every quotation in a document (plain text, Markdown, HTML, or a quote
    /// page in one of the readers' formats), the speaker the document gives
    /// it, and its answer against the corpus. Returns
    /// `{"kind", "text", "quotations", "flagged"}`.
    #[pyo3(signature = (text, format=None))]
    fn check(&self, py: Python<'_>, text: String, format: Option<String>) -> PyResult<Py<PyAny>> {
        let v = py.detach(|| {
            let read =
                verbatim_formats::read_document(std::path::Path::new("document"), text.into_bytes(), format.as_deref())
                    .map_err(|e| Failure::Input(e.to_string()))?;
            let doc = verbatim_engine::check::Document::new(read.source, read.page);
            self.with_engine(|e| {
                let checked = e.check(&doc.text, doc.quotes)?;
                let flagged = checked.iter().filter(|c| c.flagged()).count();
                let qs = verbatim_engine::json::checked_json(None, &doc.text, &checked);
                Ok(json!({"kind": doc.kind, "text": doc.text, "quotations": qs, "flagged": flagged}))
            })
        })?;
        to_py(py, &v)
    }

    /// Counts and sizes of the corpus, as `verbatim stats --json` gives them.
    fn stats(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let v = py.detach(|| {
            self.with_engine(|e| {
                let s = e.corpus().stats().map_err(|e| Failure::Corpus(e.to_string()))?;
                Ok(json!({"sources": s.sources, "quotations": s.quotations, "text_bytes": s.text_bytes,
                    "passages": s.passages, "record_bytes": s.record_bytes, "index_bytes": s.index_bytes}))
            })
        })?;
        to_py(py, &v)
    }
}

fn report_json(r: &verbatim_ingest::Report, warnings: &[String]) -> Value {
    json!({
        "files": r.files, "bytes": r.bytes, "text_bytes": r.text_bytes,
        "new": r.new, "replaced": r.replaced, "unchanged": r.unchanged,
        "quotations": r.quotations, "credited": r.credited, "with_speaker": r.with_speaker,
        "seconds": r.seconds, "warnings": warnings,
        "corpus": {"sources": r.corpus.sources, "quotations": r.corpus.quotations},
    })
}

/// A JSON value as the Python value `json.loads` would give.
fn to_py(py: Python<'_>, v: &Value) -> PyResult<Py<PyAny>> {
    Ok(match v {
        Value::Null => py.None(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any().unbind(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any().unbind(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any().unbind(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any().unbind(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for x in a {
                list.append(to_py(py, x)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(o) => {
            let dict = PyDict::new(py);
            for (k, x) in o {
                dict.set_item(k, to_py(py, x)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

#[pymodule]
fn _verbatim(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Corpus>()?;
    m.add("CorpusError", m.py().get_type::<CorpusError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
