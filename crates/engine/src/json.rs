//! The JSON shapes of answers: one form for the command line, the HTTP API
//! and the Python package (the contract DESIGN.md gives and the benchmark
//! scripts read). It lives beside the types it renders so that every front
//! end prints the same thing.

use crate::{Answer, Chain, Checked, Edit, Match};
use serde_json::{json, Value};

pub fn edit_json(e: &Edit) -> Value {
    match e {
        Edit::Changed { quote, source, start, end } => {
            json!({"op": "changed", "quote": quote, "source": source, "start": start, "end": end})
        }
        Edit::Added { quote } => json!({"op": "added", "quote": quote}),
        Edit::Omitted { source, start, end } => json!({"op": "omitted", "source": source, "start": start, "end": end}),
        Edit::Editorial { quote, source, start, end } => match source {
            Some(source) => json!({"op": "editorial", "quote": quote, "source": source, "start": start, "end": end}),
            None => json!({"op": "editorial", "quote": quote}),
        },
    }
}

pub fn match_json(m: &Match) -> Value {
    let mut v = json!({
        "source_id": m.source_id,
        "source": m.source,
        "title": m.title,
        "speaker": m.speaker,
        "date": m.date,
        "kind": m.kind.name(),
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "score": (m.score * 1000.0).round() / 1000.0,
        "verdict": m.verdict.name(),
        "omitted": m.omitted.iter().map(|o| json!({"start": o.start, "end": o.end, "text": o.text})).collect::<Vec<_>>(),
        "edits": m.edits.iter().map(edit_json).collect::<Vec<_>>(),
        "owner": m.owner,
        "owner_from": m.owner_from,
        "owner_via": m.owner_via,
        "standing": m.standing.name(),
        "not_by": m.not_by,
        "nested": m.nested.as_ref().map(|n| json!({"inner": n.inner, "cue": n.cue, "open": n.open, "close": n.close})),
        "primary": m.primary,
        "context": m.context.iter().map(flag_json).collect::<Vec<_>>(),
    });
    if m.verdict == crate::Verdict::Paraphrase {
        v["shared"] = json!(m.shared);
        if let Some(s) = m.similarity {
            let r = |x: f32| (x * 1000.0).round() / 1000.0;
            v["similarity"] = json!({
                "order": r(s.order),
                "pieces": r(s.pieces),
                "meaning": r(s.meaning),
                "words": r(s.words),
                "others": r(s.others),
            });
        }
    }
    if let Some(p) = &m.part {
        v["part"] = json!({"start": p.start, "end": p.end});
    }
    v["reuse"] = match &m.reuse {
        None => Value::Null,
        Some(t) => json!({
            "cluster": t.cluster,
            "size": t.size,
            "boilerplate": t.boilerplate,
            "chain": t.chain.iter().map(|s| json!({
                "source": s.source, "title": s.title, "date": s.date, "speaker": s.speaker, "start": s.start, "end": s.end,
                "verdict": s.verdict.name(), "quoted": s.quoted,
            })).collect::<Vec<_>>(),
        }),
    };
    v
}

/// One context flag: its kind and the source words that justify it.
pub fn flag_json(f: &crate::Flag) -> Value {
    json!({"kind": f.kind.name(), "words": f.words, "start": f.start, "end": f.end})
}

/// Every witness of the words in date order, with its role and evidence.
pub fn chain_json(c: &Chain) -> Value {
    let mut v = json!({
        "origin": c.origin,
        "origin_from": c.origin_from,
        "witnesses": c.witnesses.iter().map(|w| json!({
            "source_id": w.source_id,
            "source": w.source,
            "start": w.start,
            "end": w.end,
            "date": w.date,
            "speaker": w.speaker,
            "role": w.role.name(),
            "inner": w.inner,
            "evidence": w.evidence,
        })).collect::<Vec<_>>(),
    });
    if !c.ambiguous.is_empty() {
        v["ambiguous"] = json!(c.ambiguous);
    }
    v
}

/// The JSON object of one answer, as the command-line contract gives it.
pub fn answer_json(id: Option<&Value>, a: &Answer) -> Value {
    let mut v = json!({
        "verdict": a.verdict.name(),
        "matches": a.matches.iter().map(match_json).collect::<Vec<_>>(),
    });
    if let Some(id) = id {
        v["id"] = id.clone();
    }
    if !a.chain.witnesses.is_empty() {
        v["chain"] = chain_json(&a.chain);
    }
    if let Some(c) = a.credit {
        v["credit"] = json!(c.name());
        if let Some(to) = &a.credit_to {
            v["credit_to"] = json!(to);
        }
    }
    v
}

/// The quotations of a checked document, in order: each one's place (byte
/// range, line, column), the speaker the document gives, and its answer
/// (absent when too short to look up). Lines come from one index of the
/// text's line starts, so a document costs one pass however many
/// quotations it holds.
pub fn checked_json(file: Option<&str>, text: &str, checked: &[Checked]) -> Vec<Value> {
    let lines = verbatim_text::LineIndex::new(text);
    checked.iter().map(|c| one_checked(file, text, &lines, c)).collect()
}

fn one_checked(file: Option<&str>, text: &str, lines: &verbatim_text::LineIndex, c: &Checked) -> Value {
    let q = &c.quote;
    let (line, column) = lines.line_column(text, q.start);
    let mut v = json!({
        "start": q.start,
        "end": q.end,
        "line": line,
        "column": column,
        "text": q.text,
        "speaker": q.speaker,
        "mention": q.mention.as_ref().map(|m| json!({"start": m.start, "end": m.end, "text": &text[m.clone()]})),
        "cue": q.cue.as_ref().map(|m| json!({"start": m.start, "end": m.end, "text": &text[m.clone()]})),
        "flagged": c.flagged(),
    });
    if let Some(f) = file {
        v["file"] = json!(f);
    }
    if let Some(a) = &c.answer {
        v["answer"] = answer_json(None, a);
    }
    if let Some(e) = &c.error {
        v["error"] = json!(e);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Similarity, Verdict};
    use verbatim_model::SourceKind;
    use verbatim_store::SourceRow;

    fn row() -> SourceRow {
        SourceRow {
            id: 1,
            path: "kjv/01_Genesis.txt".into(),
            title: None,
            kind: SourceKind::Document,
            speaker: None,
            date: None,
            outlet: None,
            url: None,
            format: "text".into(),
            hash: String::new(),
            bytes: 100,
        }
    }

    #[test]
    fn a_paraphrase_carries_its_similarity_and_shared_words() {
        let text = "Make thee an ark of gopher wood".to_string();
        let mut m = crate::judge::match_at(&row(), None, 10..41, text, 0.3416, Verdict::Paraphrase);
        m.shared = vec!["ark".into(), "gopher".into()];
        m.similarity =
            Some(Similarity { order: 0.4852, pieces: 0.7914, meaning: 0.8191, words: 0.6309, others: 0.1436 });
        let v = match_json(&m);
        assert_eq!(v["verdict"], "paraphrase");
        assert_eq!(v["shared"], json!(["ark", "gopher"]));
        // each to three places
        for (k, want) in [("order", 0.485), ("pieces", 0.791), ("meaning", 0.819), ("words", 0.631), ("others", 0.144)]
        {
            let got = v["similarity"][k].as_f64().unwrap_or(f64::NAN);
            assert!((got - want).abs() < 1e-6, "{k}: {got}");
        }
        // a quotation has neither
        let q = crate::judge::match_at(&row(), None, 10..41, "x".into(), 1.0, Verdict::Verbatim);
        let v = match_json(&q);
        assert!(v.get("similarity").is_none() && v.get("shared").is_none(), "{v}");
    }
}
