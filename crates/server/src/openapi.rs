//! The OpenAPI document, generated from the handlers and these schemas.
//! The response schemas describe the JSON the handlers build (see
//! [`crate::json`]); they exist for the document only.

use axum::response::IntoResponse;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(title = "verbatim", description = "Find where a quotation really comes from, how it differs from the source, and whether its credit is right."),
    paths(crate::find, crate::verify, crate::check, crate::source, crate::stats, crate::ingest),
    components(schemas(crate::FindRequest, crate::VerifyRequest, crate::CheckRequest, crate::IngestRequest, crate::IngestDocument,
        AnswerDoc, MatchDoc, SimilarityDoc, ChainDoc, WitnessDoc, NestedDoc, ReuseDoc, ReuseStepDoc, EditDoc, OmissionDoc, CheckDoc, CheckedDoc, SourceDoc, StatsDoc, IngestDoc, ErrorDoc)),
    modifiers(&Bearer)
)]
struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        if let Some(c) = api.components.as_mut() {
            c.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
        }
    }
}

/// The OpenAPI document as JSON.
pub fn json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub async fn document() -> impl IntoResponse {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], json())
}

/// The answer for one quotation.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct AnswerDoc {
    /// verbatim, normalized, elided, spliced, altered or not_found.
    verdict: String,
    /// attributed, misattributed, quoted_by or unknown; present when a speaker was claimed.
    credit: Option<String>,
    /// For misattributed: whose words they are; for quoted_by: whom the speaker quoted.
    credit_to: Option<String>,
    /// Best first.
    matches: Vec<MatchDoc>,
    /// Every witness of the words in date order, and the origin; absent when not found.
    chain: Option<ChainDoc>,
}

/// Who said it first, and who took it from whom.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ChainDoc {
    /// The person the words come from, when a witness says.
    origin: Option<String>,
    /// own words, named by a quoter, a collection's credit, or a list of misattributions.
    origin_from: Option<String>,
    witnesses: Vec<WitnessDoc>,
    /// When the claimed name fits two different people among the witnesses: those people.
    ambiguous: Option<Vec<String>>,
}

/// One witness of the words.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct WitnessDoc {
    source_id: i64,
    source: String,
    /// Byte offsets into the source text.
    start: usize,
    end: usize,
    date: Option<String>,
    /// Who gives the words here: the document's speaker or the entry's credit.
    speaker: Option<String>,
    /// origin, repeats, quoter, collection or debunk.
    role: String,
    /// For a quoter: the person the source says the words are from.
    inner: Option<String>,
    /// The words that say so: a cue ("said"), a credit line.
    evidence: Option<String>,
}

/// A reported span around the matched words.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct NestedDoc {
    /// The person the source names as the author, when it names a person.
    inner: Option<String>,
    /// The words that name the speaker ("said", "according to", a dash).
    cue: Option<String>,
    /// Byte range of the span, its marks included.
    open: usize,
    close: usize,
}

/// A place where the words stand.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct MatchDoc {
    source_id: i64,
    /// The ingested path (plus `#` and a page title for files holding several documents).
    source: String,
    title: Option<String>,
    speaker: Option<String>,
    date: Option<String>,
    /// document or collection.
    kind: String,
    /// Byte offsets into the source text.
    start: usize,
    end: usize,
    text: String,
    /// 1 for an exact placement, lower the more it changed; for a paraphrase, the similarity's
    /// `order` less its `others`, the others counted at 0.09 at least (so at most 0.91).
    score: f32,
    verdict: String,
    /// For a paraphrase only: the span's content words that the quotation has too.
    shared: Option<Vec<String>>,
    /// For a paraphrase only: how near it is to its source; `order` and `others` make its score.
    similarity: Option<SimilarityDoc>,
    omitted: Vec<OmissionDoc>,
    edits: Vec<EditDoc>,
    /// Whose words these are according to this source.
    owner: Option<String>,
    /// quotation, inner, document or witness.
    owner_from: String,
    /// For an owner inferred from another witness: that witness.
    owner_via: Option<String>,
    /// sourced, disputed or misattributed.
    standing: String,
    not_by: Option<String>,
    /// When the words stand inside a span the source gives as someone else's.
    nested: Option<NestedDoc>,
    primary: bool,
    /// The reuse cluster holding these words, once `verbatim reuse` has run.
    reuse: Option<ReuseDoc>,
}

/// How near a paraphrase is to its source.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct SimilarityDoc {
    /// How far the word pieces of the quotation and the span match one to one in the same
    /// order, by the sentence encoder's token vectors (0 to 1; 1 for a text and itself).
    order: f32,
    /// How well the word pieces of the quotation and the span match, each to its nearest on the
    /// other side by the sentence encoder's token vectors, in any order (BERTScore F1, -1 to 1).
    pieces: f32,
    /// The sentence encoder's cosine of the quotation and the span (-1 to 1).
    meaning: f32,
    /// The cosine of their content words, each weighed by its rarity.
    words: f32,
    /// The mean `order` of the nearest other places (up to four).
    others: f32,
}

/// Where a matched passage stands in the corpus's reuse.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ReuseDoc {
    cluster: u64,
    /// Sources holding the passage.
    size: usize,
    boilerplate: bool,
    /// From the cluster's origin to the matched source, each taken from the one before.
    chain: Vec<ReuseStepDoc>,
}

/// One witness on a reuse chain.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ReuseStepDoc {
    source: String,
    title: Option<String>,
    date: Option<String>,
    speaker: Option<String>,
    start: usize,
    end: usize,
    /// origin, verbatim, normalized or altered (against the step before).
    verdict: String,
    /// The source gives these words as someone else's.
    quoted: bool,
}

/// What an elision mark hides.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct OmissionDoc {
    start: usize,
    end: usize,
    text: String,
}

/// One difference: changed (quote vs source), added, or omitted without a mark.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct EditDoc {
    op: String,
    quote: Option<String>,
    source: Option<String>,
    start: Option<usize>,
    end: Option<usize>,
}

/// A checked document.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct CheckDoc {
    /// prose (quoted spans in running text) or page (a quote page's entries).
    kind: String,
    /// The text every offset refers to (HTML is rendered to text first).
    text: String,
    quotations: Vec<CheckedDoc>,
    /// Quotations altered, spliced or misattributed.
    flagged: usize,
}

/// One quotation of a checked document.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct CheckedDoc {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: String,
    /// The speaker the document gives (a pronoun resolved), if any.
    speaker: Option<String>,
    flagged: bool,
    /// Absent for quotations too short to look up, or that could not be.
    answer: Option<AnswerDoc>,
    /// Why this quotation was not looked up (longer than 2,000 words).
    error: Option<String>,
}

/// A source and an optional highlighted span.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct SourceDoc {
    id: i64,
    path: String,
    title: Option<String>,
    kind: String,
    speaker: Option<String>,
    date: Option<String>,
    bytes: u64,
    /// Byte offset of `text` in the source.
    offset: usize,
    text: String,
}

/// Counts and sizes.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct StatsDoc {
    sources: u64,
    quotations: u64,
    text_bytes: u64,
    passages: u64,
    record_bytes: u64,
    index_bytes: u64,
}

/// What an ingest did, document by document (new, replaced, unchanged).
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct IngestDoc {
    documents: Vec<String>,
}

/// Every error.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ErrorDoc {
    error: String,
    status: u16,
}
