//! `verbatim serve`: the HTTP API, its OpenAPI document, and the web page,
//! from one binary.
//!
//! Every engine call runs on a blocking thread with an [`Engine`] taken from
//! a fixed pool; the pool's size bounds how many queries run at once, and a
//! request that waits or runs longer than the timeout gets a 503. Every
//! error is JSON (`{"error", "status"}`). Nothing a client sends names a
//! file: sources are addressed by id, and ingest (off unless the server was
//! started with a bearer token) takes documents in the request body.

pub use verbatim_engine::json;
mod openapi;
mod page;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::sync::Semaphore;
use utoipa::ToSchema;
use verbatim_engine::check::Document;
use verbatim_engine::{Engine, EngineError};
use verbatim_formats::{Format, ManifestEntry};
use verbatim_model::Source;
use verbatim_store::Corpus;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The corpus folder.
    pub dir: PathBuf,
    pub addr: SocketAddr,
    /// Enables `POST /v1/ingest` for clients that send it as a bearer token.
    pub token: Option<String>,
    /// Engines in the pool: queries that run at once.
    pub workers: usize,
    /// Longest a request may wait and run.
    pub timeout: Duration,
    /// Largest request body.
    pub max_body: usize,
    /// Longest quotation accepted by find and verify, in bytes.
    pub max_quote: usize,
    /// Most quotations `/v1/check` looks up in one document.
    pub max_check_quotes: usize,
    /// The engines' options (with the sentence encoder, when the build has
    /// paraphrase search and a model was found).
    pub engine: verbatim_engine::Options,
}

impl Config {
    pub fn new(dir: PathBuf, addr: SocketAddr) -> Config {
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 16);
        Config {
            dir,
            addr,
            token: None,
            workers,
            timeout: Duration::from_secs(10),
            max_body: 2 << 20,
            max_quote: 10_000,
            max_check_quotes: 500,
            engine: verbatim_engine::Options::default(),
        }
    }
}

/// An error as the API reports it.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into() }
    }
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(json!({"error": self.message, "status": self.status.as_u16()}))).into_response()
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> ApiError {
        match e {
            EngineError::EmptyQuery => ApiError::bad("the quotation has no words"),
            e @ EngineError::TooLong(_) => ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, e.to_string()),
            e @ EngineError::Deadline => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, format!("busy: {e}")),
            other => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

/// Engines ready for use, and how fresh their view of the index is.
struct Pool {
    engines: Mutex<Vec<(Engine, u64)>>,
    permits: Arc<Semaphore>,
}

/// What every handler shares.
pub struct App {
    cfg: Config,
    pool: Pool,
    /// Bumped by every ingest; an engine older than this refreshes its index.
    generation: AtomicU64,
    ingest: tokio::sync::Mutex<()>,
}

impl App {
    /// Opens the corpus once per worker.
    pub fn open(cfg: Config) -> anyhow::Result<Arc<App>> {
        if !cfg.dir.join("record.sqlite").is_file() {
            anyhow::bail!(
                "{}: no corpus here (run `verbatim --corpus {} ingest PATH...` first)",
                cfg.dir.display(),
                cfg.dir.display()
            );
        }
        let mut engines = Vec::with_capacity(cfg.workers);
        for _ in 0..cfg.workers {
            engines.push((Engine::with_options(Corpus::open(&cfg.dir)?, cfg.engine.clone()), 0));
        }
        let pool = Pool { engines: Mutex::new(engines), permits: Arc::new(Semaphore::new(cfg.workers)) };
        Ok(Arc::new(App { cfg, pool, generation: AtomicU64::new(0), ingest: tokio::sync::Mutex::new(()) }))
    }

    /// Runs `f` with an engine on a blocking thread, within the timeout.
    async fn with_engine<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Engine) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let busy = || {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("busy: no answer within {} s", self.cfg.timeout.as_secs()),
            )
        };
        let app = self.clone();
        // the engine stops at the same moment the client is told "busy"
        let deadline = std::time::Instant::now() + self.cfg.timeout;
        let work = async move {
            let permit = app
                .pool
                .permits
                .clone()
                .acquire_owned()
                .await
                .map_err(|_| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "shutting down"))?;
            let app2 = app.clone();
            let joined = tokio::task::spawn_blocking(move || {
                let _permit = permit;
                let (engine, seen) = app2
                    .pool
                    .engines
                    .lock()
                    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "engine pool poisoned"))?
                    .pop()
                    .ok_or_else(|| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "no engine free"))?;
                let now = app2.generation.load(Ordering::Acquire);
                if seen < now {
                    engine.refresh();
                }
                engine.set_deadline(Some(deadline));
                let out = f(&engine);
                engine.set_deadline(None);
                if let Ok(mut v) = app2.pool.engines.lock() {
                    v.push((engine, now));
                }
                out
            })
            .await;
            joined.map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("query failed: {e}")))?
        };
        tokio::time::timeout(self.cfg.timeout, work).await.map_err(|_| busy())?
    }
}

fn parse_body<T: serde::de::DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, ApiError> {
    let body = body.map_err(|r| ApiError::new(r.status(), format!("request body: {}", r.body_text())))?;
    serde_json::from_slice(&body).map_err(|e| ApiError::bad(format!("request body is not the expected JSON: {e}")))
}

/// A quotation to find.
#[derive(Debug, Deserialize, ToSchema)]
pub struct FindRequest {
    /// The quotation, as people pass it around ("..." and "[...]" mark cuts).
    pub quote: String,
    /// The person it is credited to, if any.
    pub speaker: Option<String>,
}

/// A quotation and the person it is credited to.
#[derive(Debug, Deserialize, ToSchema)]
pub struct VerifyRequest {
    pub quote: String,
    pub speaker: String,
}

/// A document to check.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CheckRequest {
    /// The document's text.
    pub text: String,
    /// `text` (also Markdown), `html`, or a quote-page format (`wikiquote-text`,
    /// `wikitext`, `fortune`, `json`). Default: found from the text.
    pub format: Option<String>,
}

/// Documents to add to the corpus.
#[derive(Debug, Deserialize, ToSchema)]
pub struct IngestRequest {
    pub documents: Vec<IngestDocument>,
}

/// One document to add: its text and what is known of it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct IngestDocument {
    /// The name it is stored under (a path-like label; never opened as a file).
    pub name: String,
    pub text: String,
    /// A reader: `text`, `wikiquote-text`, `wikitext`, `fortune`, `json`. Default: found from the name and text.
    pub format: Option<String>,
    pub title: Option<String>,
    pub speaker: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// `document` (the default) or `collection` (a quote list: its entries
    /// are others' words).
    pub kind: Option<String>,
}

/// A span of a source to show.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SourceParams {
    /// Start of the span to highlight (byte offset).
    pub start: Option<usize>,
    /// End of the span to highlight.
    pub end: Option<usize>,
    /// Bytes of context around the span (default 600); without a span the whole text is returned.
    pub context: Option<usize>,
}

fn check_quote(app: &App, quote: &str) -> Result<(), ApiError> {
    if quote.len() > app.cfg.max_quote {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the quotation is {} bytes; at most {} are accepted", quote.len(), app.cfg.max_quote),
        ));
    }
    if quote.trim().is_empty() {
        return Err(ApiError::bad("the quotation is empty"));
    }
    Ok(())
}

/// Where a quotation comes from.
#[utoipa::path(post, path = "/v1/find", request_body = FindRequest,
    responses((status = 200, description = "The answer: verdict, credit and matches, best first", body = openapi::AnswerDoc),
              (status = 400, description = "Bad request", body = openapi::ErrorDoc)))]
async fn find(State(app): State<Arc<App>>, body: Result<Bytes, BytesRejection>) -> Result<Response, ApiError> {
    let req: FindRequest = parse_body(body)?;
    check_quote(&app, &req.quote)?;
    let v = app
        .with_engine(move |e| {
            Ok(json::answer_json(None, &e.find(&req.quote, req.speaker.as_deref().filter(|s| !s.trim().is_empty()))?))
        })
        .await?;
    Ok(axum::Json(v).into_response())
}

/// Whether a quotation is the named person's, and how it differs from the source.
#[utoipa::path(post, path = "/v1/verify", request_body = VerifyRequest,
    responses((status = 200, description = "The answer, with the credit verdict", body = openapi::AnswerDoc),
              (status = 400, description = "Bad request", body = openapi::ErrorDoc)))]
async fn verify(State(app): State<Arc<App>>, body: Result<Bytes, BytesRejection>) -> Result<Response, ApiError> {
    let req: VerifyRequest = parse_body(body)?;
    check_quote(&app, &req.quote)?;
    if req.speaker.trim().is_empty() {
        return Err(ApiError::bad("verify needs a speaker"));
    }
    let v = app.with_engine(move |e| Ok(json::answer_json(None, &e.find(&req.quote, Some(&req.speaker))?))).await?;
    Ok(axum::Json(v).into_response())
}

/// Every quotation in a document, with its speaker and verdict.
#[utoipa::path(post, path = "/v1/check", request_body = CheckRequest,
    responses((status = 200, description = "The document's quotations", body = openapi::CheckDoc),
              (status = 400, description = "Bad request", body = openapi::ErrorDoc),
              (status = 413, description = "More quotations than one request may check", body = openapi::ErrorDoc)))]
async fn check(State(app): State<Arc<App>>, body: Result<Bytes, BytesRejection>) -> Result<Response, ApiError> {
    let req: CheckRequest = parse_body(body)?;
    let cap = app.cfg.max_check_quotes;
    let v = app
        .with_engine(move |e| {
            let read = verbatim_formats::read_document(
                std::path::Path::new("document"),
                req.text.into_bytes(),
                req.format.as_deref(),
            )
            .map_err(|e| ApiError::bad(e.to_string()))?;
            let doc = Document::new(read.source, read.page);
            if doc.quotes.len() > cap {
                return Err(ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!(
                        "the document holds {} quotations; at most {cap} are checked in one request",
                        doc.quotes.len()
                    ),
                ));
            }
            let (text, kind) = (doc.text, doc.kind);
            let checked = e.check(&text, doc.quotes)?;
            let flagged = checked.iter().filter(|c| c.flagged()).count();
            let qs = json::checked_json(None, &text, &checked);
            Ok(json!({"kind": kind, "text": text, "quotations": qs, "flagged": flagged}))
        })
        .await?;
    Ok(axum::Json(v).into_response())
}

/// Reads one document from memory with the reader for `format`.
fn read_source(name: &str, text: &str, format: Format) -> Result<Source, ApiError> {
    if matches!(format, Format::Dump | Format::JsonLines) {
        return Err(ApiError::bad(format!("{name}: send the pages of a {} one by one", format.name())));
    }
    let path = std::path::Path::new(name);
    verbatim_formats::read_bytes(name, text.as_bytes().to_vec(), path, format)
        .map(|r| r.0)
        .map_err(|e| ApiError::bad(e.to_string()))
}

/// A source's metadata and text, with a span to highlight.
#[utoipa::path(get, path = "/v1/sources/{id}", params(("id" = i64, Path, description = "Source id, as `source_id` in a match"), SourceParams),
    responses((status = 200, description = "The source", body = openapi::SourceDoc),
              (status = 404, description = "No such source", body = openapi::ErrorDoc)))]
async fn source(
    State(app): State<Arc<App>>,
    id: Result<UrlPath<i64>, PathRejection>,
    params: Result<Query<SourceParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let UrlPath(id) = id.map_err(|r| ApiError::bad(format!("source id: {}", r.body_text())))?;
    let Query(p) = params.map_err(|r| ApiError::bad(format!("query: {}", r.body_text())))?;
    let v = app
        .with_engine(move |e| {
            let c = e.corpus();
            let row = c.source(id).map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?.ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no source {id}")))?;
            let (offset, text, highlight) = match (p.start, p.end) {
                (Some(s), Some(en)) if s <= en && en <= row.bytes as usize => {
                    let ctx = p.context.unwrap_or(600).min(100_000);
                    let (base, t) = c
                        .text_range(id, s.saturating_sub(ctx), en.saturating_add(ctx))
                        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
                        .unwrap_or((0, String::new()));
                    (base, t, Some(json!({"start": s, "end": en})))
                }
                (None, None) => (0, c.text(id).map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?.unwrap_or_default(), None),
                _ => return Err(ApiError::bad(format!("give both start and end, with start <= end <= {}", row.bytes))),
            };
            let quotations: Vec<Value> = c
                .quotations(id)
                .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
                .into_iter()
                .filter(|q| q.end > offset && q.start < offset + text.len())
                .map(|q| json!({"start": q.start, "end": q.end, "speaker": q.credit.speaker.map(|f| f.value), "standing": q.standing.name()}))
                .collect();
            Ok(json!({
                "id": row.id, "path": row.path, "title": row.title, "kind": row.kind.name(), "speaker": row.speaker,
                "date": row.date, "outlet": row.outlet, "url": row.url, "format": row.format, "bytes": row.bytes,
                "offset": offset, "text": text, "highlight": highlight, "quotations": quotations,
            }))
        })
        .await?;
    Ok(axum::Json(v).into_response())
}

/// Counts and sizes of the corpus.
#[utoipa::path(get, path = "/v1/stats", responses((status = 200, description = "Counts and sizes", body = openapi::StatsDoc)))]
async fn stats(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    let v = app
        .with_engine(|e| {
            let s = e.corpus().stats().map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
            Ok(json!({"sources": s.sources, "quotations": s.quotations, "text_bytes": s.text_bytes, "passages": s.passages,
                      "record_bytes": s.record_bytes, "index_bytes": s.index_bytes}))
        })
        .await?;
    Ok(axum::Json(v).into_response())
}

/// Whether a presented token is the server's, in time that does not depend
/// on where the two differ or on their lengths (both are hashed, and
/// `blake3::Hash` compares in constant time), so that response times do
/// not give the token away byte by byte.
fn same_secret(given: &str, token: &str) -> bool {
    blake3::hash(given.as_bytes()) == blake3::hash(token.as_bytes())
}

/// Adds documents to the corpus (only when the server was started with a token).
#[utoipa::path(post, path = "/v1/ingest", request_body = IngestRequest, security(("bearer" = [])),
    responses((status = 200, description = "What was added", body = openapi::IngestDoc),
              (status = 401, description = "Missing or wrong token", body = openapi::ErrorDoc),
              (status = 404, description = "Ingest is off on this server", body = openapi::ErrorDoc)))]
async fn ingest(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let Some(token) = app.cfg.token.clone() else {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "ingest is off: start the server with --token to allow it"));
    };
    let given =
        headers.get(header::AUTHORIZATION).and_then(|h| h.to_str().ok()).and_then(|h| h.strip_prefix("Bearer "));
    if !given.is_some_and(|g| same_secret(g, &token)) {
        return Err(ApiError::new(StatusCode::UNAUTHORIZED, "a bearer token is needed to ingest"));
    }
    let req: IngestRequest = parse_body(body)?;
    // every document is read before anything is written
    let mut sources = Vec::with_capacity(req.documents.len());
    for (k, d) in req.documents.into_iter().enumerate() {
        if d.name.trim().is_empty() {
            return Err(ApiError::bad(format!("documents[{k}]: empty name")));
        }
        let format = match d.format.as_deref() {
            Some(f) => Format::parse(f).ok_or_else(|| {
                ApiError::bad(format!("documents[{k}]: format {f:?} is unknown (known: {})", Format::known()))
            })?,
            None => Format::detect(std::path::Path::new(&d.name), d.text.as_bytes()),
        };
        let mut s = read_source(&d.name, &d.text, format)
            .map_err(|e| ApiError::bad(format!("documents[{k}]: {}", e.message)))?;
        if let Some(date) = d.date.as_deref() {
            if !verbatim_formats::valid_date(date) {
                return Err(ApiError::bad(format!("documents[{k}]: date {date:?} is not YYYY, YYYY-MM or YYYY-MM-DD")));
            }
        }
        if let Some(kind) = d.kind.as_deref() {
            if !matches!(kind, "document" | "collection") {
                return Err(ApiError::bad(format!("documents[{k}]: kind {kind:?} is not document or collection")));
            }
        }
        let entry = ManifestEntry {
            path: d.name,
            title: d.title,
            speaker: d.speaker,
            date: d.date,
            outlet: d.outlet,
            url: d.url,
            format: d.format,
            kind: d.kind,
            ..ManifestEntry::default()
        };
        verbatim_ingest::apply_entry(&mut s, &entry);
        sources.push(s);
    }
    let _guard = app.ingest.lock().await;
    let dir = app.cfg.dir.clone();
    let added = tokio::task::spawn_blocking(move || verbatim_ingest::add_sources(&dir, sources))
        .await
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    app.generation.fetch_add(1, Ordering::AcqRel);
    let docs: Vec<Value> =
        added.iter().map(|(p, a)| json!({"name": p, "outcome": format!("{a:?}").to_lowercase()})).collect();
    Ok(axum::Json(json!({"documents": docs})).into_response())
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no such endpoint (see /openapi.json)")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed here (see /openapi.json)")
}

/// The whole service: API, OpenAPI document and page.
pub fn router(app: Arc<App>) -> Router {
    let max_body = app.cfg.max_body;
    Router::new()
        .route("/v1/find", post(find))
        .route("/v1/verify", post(verify))
        .route("/v1/check", post(check))
        .route("/v1/sources/{id}", get(source))
        .route("/v1/stats", get(stats))
        .route("/v1/ingest", post(ingest))
        .route("/openapi.json", get(openapi::document))
        .route("/api", get(page::api_page))
        .route("/", get(page::index))
        .route("/app.js", get(page::script))
        .route("/app.css", get(page::style))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(app)
}

/// Serves until Ctrl-C or SIGTERM. `ready` is told the bound address.
pub async fn serve(cfg: Config, ready: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(cfg.addr)
        .await
        .map_err(|e| anyhow::anyhow!("{}: cannot listen: {e}", cfg.addr))?;
    let addr = listener.local_addr()?;
    let app = App::open(cfg)?;
    ready(addr);
    axum::serve(listener, router(app)).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::same_secret;

    #[test]
    fn tokens_match_only_when_equal() {
        assert!(same_secret("s3cret", "s3cret"));
        assert!(!same_secret("s3cre", "s3cret"));
        assert!(!same_secret("s3cret ", "s3cret"));
        assert!(!same_secret("", "s3cret"));
        assert!(!same_secret("S3cret", "s3cret"));
    }
}
