//! Judging: what one alignment says of the quotation against its source
//! span. The verdict, the edits and omissions, the owner of the words (the
//! recorded quotation's credit, the document's speaker, or the person a
//! frame names when the words stand inside quotation marks) and the context
//! flags.

use std::collections::HashMap;

use verbatim_align::{Alignment, GapKind, Step};
use verbatim_model::{Quotation, SourceKind, Standing};
use verbatim_store::{Reported, SourceRow};
use verbatim_text::{EditorialKind, Query};

use crate::retrieve::Candidate;
use crate::{context, names, Edit, Engine, EngineError, Match, Nested, Omission, Verdict};

/// Whether an alignment places the quotation at all: most of its words must
/// be there, with a run of consecutive ones.
pub(crate) fn found(al: &Alignment, m: usize) -> bool {
    let matched = al.matched();
    let run = al.longest_run();
    let run_ok = run >= m.min(4) || (run >= 3 && matched * 100 >= m * 85);
    matched * 10 >= m * 6 && run_ok && matched >= m.min(3)
}

/// Whether some fragment of the query between elision marks has fewer than
/// half of its words matched in the alignment.
fn weak_fragment(q: &Query, al: &Alignment) -> bool {
    let frags = q.fragments();
    if frags.len() < 2 {
        return false;
    }
    let mut hits = vec![0usize; frags.len()];
    for st in &al.steps {
        if let Step::Match { q: qi, .. } = st {
            if let Some(f) = frags.iter().position(|r| r.contains(qi)) {
                hits[f] += 1;
            }
        }
    }
    frags.iter().zip(&hits).any(|(r, &h)| h * 2 < r.len())
}

/// Turns an alignment into a [`Match`] with its verdict, edits, owner and
/// context flags.
pub(crate) fn judge(quote: &str, q: &Query, c: &Candidate, quotations: &[Quotation]) -> Match {
    let al = &c.al;
    let tok = &c.tokens;
    let s0 = tok[al.source.start].start;
    let s1 = tok[al.source.end - 1].end;
    let mut edits = Vec::new();
    let mut omitted = Vec::new();
    // the source words each wildcard stood for, by the query word after it
    let mut wildcards: HashMap<usize, std::ops::Range<usize>> = HashMap::new();
    let mut next_q = 0;
    for st in &al.steps {
        match st {
            Step::Match { q: qi, .. } => next_q = qi + 1,
            Step::Substitute { q: qi, s } => {
                next_q = qi + 1;
                edits.push(Edit::Changed {
                    quote: quote[q.tokens[*qi].token.start..q.tokens[*qi].token.end].to_string(),
                    source: c.text[tok[*s].start..tok[*s].end].to_string(),
                    start: c.base + tok[*s].start,
                    end: c.base + tok[*s].end,
                })
            }
            Step::Insert { q: qi } => {
                next_q = qi + 1;
                edits.push(Edit::Added { quote: quote[q.tokens[*qi].token.start..q.tokens[*qi].token.end].to_string() })
            }
            Step::Skip { s, gap } if !s.is_empty() => {
                // the hidden text runs from the end of the word before to the start of the word after
                let a = if s.start > 0 { tok[s.start - 1].end } else { tok[s.start].start };
                let b = if s.end < tok.len() { tok[s.end].start } else { tok[s.end - 1].end };
                let text = c.text[a..b].trim().to_string();
                let (a, b) = (c.base + a, c.base + b);
                match gap {
                    GapKind::Adjacent => edits.push(Edit::Omitted {
                        source: text,
                        start: tok[s.start].start + c.base,
                        end: tok[s.end - 1].end + c.base,
                    }),
                    GapKind::Elision => omitted.push(Omission { start: a, end: b, text }),
                    GapKind::Wildcard => {
                        wildcards.insert(next_q, tok[s.start].start..tok[s.end - 1].end);
                    }
                }
            }
            _ => {}
        }
    }
    edits.extend(editorial_edits(quote, q, c, &wildcards));
    let (abs0, abs1) = (c.base + s0, c.base + s1);
    // the recorded quotation holding the match, if any: the smallest that contains it
    let container =
        quotations.iter().filter(|qq| qq.start <= abs0 && abs1 <= qq.end).min_by_key(|qq| qq.end - qq.start);
    // context is read inside the recorded quotation: a collection's
    // entries are separate texts
    let bounds = match container {
        Some(qq) => {
            let lo = verbatim_text::floor_boundary(&c.text, qq.start.saturating_sub(c.base));
            let hi = verbatim_text::floor_boundary(&c.text, qq.end.saturating_sub(c.base).min(c.text.len()));
            lo.min(s0)..hi.max(s1)
        }
        None => 0..c.text.len(),
    };
    let read = context::read(q, c, s0, s1, bounds, &omitted);
    omitted.extend(read.edges);
    omitted.sort_by_key(|o| o.start);

    let m = q.tokens.len();
    let changed = al.substituted() + al.inserted();
    let (skipped, _) = al.unmarked_skips();
    let span = &c.text[s0..s1];
    let verdict = if changed > 0 {
        Verdict::Altered
    } else if skipped > 0 {
        Verdict::Spliced
    } else if !omitted.is_empty() {
        Verdict::Elided
    } else if verbatim_text::same_surface(
        verbatim_text::strip_outer_punctuation(quote),
        verbatim_text::strip_outer_punctuation(span),
    ) {
        Verdict::Verbatim
    } else {
        Verdict::Normalized
    };
    let score = (1.0 - al.cost / m as f32).clamp(0.0, 1.0);
    Match {
        omitted,
        edits,
        weak_fragment: weak_fragment(q, al),
        context: read.flags,
        ..match_at(&c.row, container, abs0..abs1, span.to_string(), score, verdict)
    }
}

/// A match of `text` at `span` of the source `row`, inside the recorded
/// quotation `container` if any: the source's fields, the owner, witness
/// and standing the container gives; no edits, omissions or flags yet.
pub(crate) fn match_at(
    row: &SourceRow,
    container: Option<&Quotation>,
    span: std::ops::Range<usize>,
    text: String,
    score: f32,
    verdict: Verdict,
) -> Match {
    let who = owner_of(row, container);
    Match {
        source_id: row.id,
        source: row.path.clone(),
        title: row.title.clone(),
        speaker: row.speaker.clone(),
        date: row.date.clone(),
        kind: row.kind,
        start: span.start,
        end: span.end,
        text,
        score,
        verdict,
        omitted: Vec::new(),
        edits: Vec::new(),
        owner: who.owner,
        owner_from: who.owner_from,
        owner_via: None,
        standing: container.map_or(Standing::Sourced, |qq| qq.standing),
        not_by: container.and_then(|qq| qq.not_by.clone()),
        witness: who.witness,
        nested: None,
        primary: who.primary,
        container_len: container.map(|qq| qq.end - qq.start),
        part: None,
        weak_fragment: false,
        context: Vec::new(),
        reuse: None,
        shared: Vec::new(),
        similarity: None,
    }
}

/// Whose words a span of a source holds, and who gives them there.
struct Owner {
    owner: Option<String>,
    owner_from: &'static str,
    witness: Option<String>,
    primary: bool,
}

/// The owner of a span of `row`, given the smallest recorded quotation
/// that holds it, if any: the quotation's credit; else, outside any
/// quotation or in a document, the document's speaker; a collection entry
/// without a credit has no owner.
fn owner_of(row: &SourceRow, container: Option<&Quotation>) -> Owner {
    let (owner, owner_from) = if let Some(sp) = container.and_then(|qq| qq.credit.speaker.as_ref()) {
        (Some(sp.value.clone()), "quotation")
    } else if container.is_none() || row.kind == SourceKind::Document {
        (row.speaker.clone(), "document")
    } else {
        (None, "quotation")
    };
    let witness =
        container.and_then(|qq| qq.credit.speaker.as_ref().map(|f| f.value.clone())).or_else(|| row.speaker.clone());
    let primary = match container {
        Some(qq) => qq.primary,
        None => row.kind == SourceKind::Document,
    };
    Owner { owner, owner_from, witness, primary }
}

/// The editorial brackets of the quotation as edits, each with the source
/// words it stands for: the word that holds bracketed letters, the words a
/// wildcard took the place of.
fn editorial_edits(
    quote: &str,
    q: &Query,
    c: &Candidate,
    wildcards: &HashMap<usize, std::ops::Range<usize>>,
) -> Vec<Edit> {
    let mut out = Vec::new();
    for e in &q.editorial {
        let source = match e.kind {
            EditorialKind::Letters => c.al.steps.iter().find_map(|st| match st {
                Step::Match { q: qi, s } | Step::Substitute { q: qi, s } if *qi == e.before => {
                    Some(c.tokens[*s].start..c.tokens[*s].end)
                }
                _ => None,
            }),
            EditorialKind::Insertion => wildcards.get(&e.before).cloned(),
            EditorialKind::Note => None,
        };
        let (start, end) = source.as_ref().map_or((0, 0), |r| (c.base + r.start, c.base + r.end));
        // bracketed letters are shown in their word ("[t]he")
        let (a, b) = match (e.kind, q.tokens.get(e.before)) {
            (EditorialKind::Letters, Some(t)) => (t.token.start.min(e.start), t.token.end.max(e.end)),
            _ => (e.start, e.end),
        };
        out.push(Edit::Editorial {
            quote: quote[a..b].to_string(),
            source: source.map(|r| c.text[r].to_string()),
            start,
            end,
        });
    }
    out
}

impl Engine {
    /// The reported span around a match, if the match lies inside one: the
    /// smallest that contains it, or one that holds most of its words (a
    /// quotation that adds a word or two before the opening mark).
    pub(crate) fn reported_around(
        &self,
        c: &Candidate,
        reported: &[Reported],
        s0: usize,
        s1: usize,
    ) -> Result<Option<Nested>, EngineError> {
        let contains = reported.iter().filter(|r| r.start <= s0 && s1 <= r.end).min_by_key(|r| r.end - r.start);
        let r = match contains {
            Some(r) => Some(r),
            None => {
                let words: Vec<usize> = c
                    .al
                    .steps
                    .iter()
                    .filter_map(
                        |st| if let Step::Match { s, .. } = st { Some(c.base + c.tokens[*s].start) } else { None },
                    )
                    .collect();
                reported
                    .iter()
                    .filter(|r| r.start < s1 && s0 < r.end && s1 <= r.close + 2)
                    .map(|r| (r, words.iter().filter(|&&w| w >= r.start && w < r.end).count()))
                    .filter(|(_, inside)| inside * 2 >= words.len() && *inside > 0)
                    .max_by_key(|(_, inside)| *inside)
                    .map(|(r, _)| r)
            }
        };
        let Some(r) = r else { return Ok(None) };
        // the frame: the paragraph before the opening mark, at most 300 bytes
        let lo = r.open.saturating_sub(300);
        let frame = if lo >= c.base && r.open <= c.base + c.text.len() {
            let a = verbatim_text::floor_boundary(&c.text, lo - c.base);
            c.text[a..verbatim_text::floor_boundary(&c.text, r.open - c.base)].to_string()
        } else {
            self.corpus.text_range(c.row.id, lo, r.open)?.map(|(_, t)| t).unwrap_or_default()
        };
        let frame = match frame.rfind("\n\n") {
            Some(p) => frame[p + 2..].to_string(),
            None => frame,
        };
        let cue = match &r.cue {
            Some(cue) if cue.start >= c.base && cue.end <= c.base + c.text.len() => {
                let (a, b) = (
                    verbatim_text::floor_boundary(&c.text, cue.start - c.base),
                    verbatim_text::floor_boundary(&c.text, cue.end - c.base),
                );
                Some(c.text[a..b].to_string())
            }
            Some(cue) => self.corpus.text_range(c.row.id, cue.start, cue.end)?.map(|(_, t)| t),
            None => None,
        };
        let inner = r.speaker.clone().filter(|s| names::is_person(s));
        let cue_at = r.cue.as_ref().map(|c| (c.start, c.end));
        Ok(Some(Nested { inner, frame, cue, open: r.open, close: r.close, cue_at }))
    }
}
