//! The sentence encoder of the paraphrase search: where the model is, and
//! the engine options that carry it. A build without the `paraphrase`
//! feature has no encoder; both builds say once, on stderr, when a
//! quotation came back not found while the search was off.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use verbatim_engine::Options;

/// Why paraphrase search is off, when it is; said once per process.
static OFF_BECAUSE: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
static SAID: AtomicBool = AtomicBool::new(false);

/// The engine options for the commands that look quotations up, with the
/// model of `given` (`--model`), `$VERBATIM_MODEL` or the per-user default.
/// A model that is named but cannot be loaded is an error (exit 2); no model
/// at all turns paraphrase search off.
#[cfg(feature = "paraphrase")]
pub(crate) fn engine_options(given: Option<&Path>, threshold: f32) -> Result<Options> {
    use verbatim_semantic::{locate, Encoder, Located};
    let located = locate(given);
    let mut opts = Options { paraphrase_threshold: check_threshold(threshold)?, ..Options::default() };
    match located.dir() {
        Some(dir) => {
            let enc = Encoder::load(dir).map_err(|e| {
                let how = match located {
                    Located::Given(_) => "--model",
                    Located::Env(_) => "$VERBATIM_MODEL",
                    _ => "the default model folder",
                };
                crate::BadInput(format!("{e} (named by {how})"))
            })?;
            opts.encoder = Some(std::sync::Arc::new(enc));
        }
        None => {
            let at = match &located {
                Located::Absent(Some(d)) => format!(" at {}", d.display()),
                _ => String::new(),
            };
            set_off(format!("no model{at}, and neither --model nor $VERBATIM_MODEL names one; see the README"));
        }
    }
    Ok(opts)
}

/// The engine options: this build has no paraphrase search.
#[cfg(not(feature = "paraphrase"))]
pub(crate) fn engine_options(given: Option<&Path>, threshold: f32) -> Result<Options> {
    check_threshold(threshold)?;
    if given.is_some() {
        return Err(crate::BadInput(
            "--model: this verbatim was built without paraphrase search (build it with --features paraphrase)".into(),
        )
        .into());
    }
    set_off("this verbatim was built without the paraphrase feature".into());
    Ok(Options::default())
}

fn check_threshold(t: f32) -> Result<f32> {
    if !(-1.0..=1.0).contains(&t) {
        return Err(crate::BadInput(format!("--paraphrase-threshold {t}: give a score from -1 to 1")).into());
    }
    Ok(t)
}

fn set_off(why: String) {
    if let Ok(mut g) = OFF_BECAUSE.lock() {
        *g = Some(why);
    }
}

/// Says on stderr, once, that a quotation found nowhere may still be a
/// paraphrase that the search, being off, did not look for.
pub(crate) fn note_not_found() {
    let why = OFF_BECAUSE.lock().ok().and_then(|g| g.clone());
    if let Some(why) = why {
        if !SAID.swap(true, Ordering::Relaxed) {
            eprintln!("verbatim: paraphrase search is off ({why}): a quotation in other words is reported not_found");
        }
    }
}
