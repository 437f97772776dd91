//! Rendering answers: JSON for programs, highlighted text for people.

use std::io::{IsTerminal, Write};

use verbatim_engine::{Answer, Edit, Engine};

pub use verbatim_engine::json::answer_json;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// Human output: the verdict, the source passage with the matched words
/// highlighted, what differs, what each ellipsis hides, and the credit.
pub fn human(out: &mut impl Write, engine: &Engine, speaker: Option<&str>, a: &Answer) -> anyhow::Result<()> {
    let st = Style { on: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() };
    let Some(best) = a.matches.first() else {
        writeln!(out, "{}  no source in the corpus holds these words", st.paint("1;31", "not_found"))?;
        if let Some(c) = a.credit {
            writeln!(
                out,
                "credit: {} ({} — the corpus does not say whose words they are)",
                c.name(),
                speaker.unwrap_or("")
            )?;
        }
        return Ok(());
    };
    let title = best.title.clone().unwrap_or_else(|| best.source.clone());
    writeln!(
        out,
        "{}  {}{}{}  [{}..{}]  score {:.2}",
        st.paint("1;32", best.verdict.name()),
        title,
        best.speaker.as_ref().map(|s| format!(" — {s}")).unwrap_or_default(),
        best.date.as_ref().map(|d| format!(", {d}")).unwrap_or_default(),
        best.start,
        best.end,
        best.score
    )?;
    writeln!(out, "{}", st.paint("2", &best.source))?;
    // the passage with some context, matched words highlighted and hidden text grey
    let ctx = 160;
    let lo = best.start.saturating_sub(ctx);
    let hi = best.end + ctx;
    if let Ok(Some((base, text))) = engine.corpus().text_range(best.source_id, lo, hi) {
        let rel = |x: usize| x.saturating_sub(base).min(text.len());
        let (s, e) = (rel(best.start), rel(best.end));
        let s = verbatim_text::floor_boundary(&text, s);
        let e = verbatim_text::floor_boundary(&text, e);
        let mut body = String::new();
        body.push_str(&text[..s]);
        let mut cur = s;
        for o in &best.omitted {
            let (os, oe) =
                (verbatim_text::floor_boundary(&text, rel(o.start)), verbatim_text::floor_boundary(&text, rel(o.end)));
            if os < cur || oe > e {
                continue;
            }
            body.push_str(&st.paint("1;33", &text[cur..os]));
            body.push_str(&st.paint("2", &text[os..oe]));
            cur = oe;
        }
        body.push_str(&st.paint("1;33", &text[cur..e]));
        body.push_str(&text[e..]);
        let body: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "\n  …{body}…\n")?;
    }
    for o in &best.omitted {
        writeln!(out, "  [...] hides: {}", st.paint("2", &format!("\u{201c}{}\u{201d}", o.text)))?;
    }
    for e in &best.edits {
        writeln!(out, "  {}", edit_line(&st, e))?;
    }
    for f in &best.context {
        writeln!(out, "  {}", flag_line(&st, f))?;
    }
    if let Some(sim) = &best.similarity {
        // a paraphrase: what makes its score, and the words it keeps
        writeln!(
            out,
            "  said in other words, not quoted: word pieces match in order {:.2}, the nearest other places {:.2}; \
             meaning {:.2}",
            sim.order, sim.others, sim.meaning
        )?;
        if !best.shared.is_empty() {
            writeln!(out, "  words in common: {}", best.shared.join(", "))?;
        }
    }
    if let Some(t) = &best.reuse {
        writeln!(out, "{}", reuse_line(t))?;
    }
    if let Some(c) = a.credit {
        let claimed = speaker.unwrap_or("");
        let line = match c {
            verbatim_engine::CreditVerdict::Attributed => format!("attributed: the words are {claimed}'s"),
            verbatim_engine::CreditVerdict::Misattributed => match a.credit_to.as_deref() {
                Some(to) => format!("misattributed: not {claimed}'s words but {to}'s"),
                None => format!("misattributed: the source lists these words as wrongly credited to {claimed}"),
            },
            verbatim_engine::CreditVerdict::QuotedBy => format!(
                "quoted_by: {claimed} quoted these words from {}",
                a.credit_to.as_deref().unwrap_or("someone the source names")
            ),
            verbatim_engine::CreditVerdict::Unknown if !a.chain.ambiguous.is_empty() => {
                format!("unknown: \"{claimed}\" fits more than one person here: {}", a.chain.ambiguous.join(", "))
            }
            verbatim_engine::CreditVerdict::Unknown => {
                format!("unknown: the corpus does not say whether these are {claimed}'s words")
            }
        };
        writeln!(out, "credit: {line}")?;
    }
    if a.chain.witnesses.len() > 1 || a.chain.witnesses.iter().any(|w| w.role != verbatim_engine::Role::Origin) {
        let origin = a
            .chain
            .origin
            .as_deref()
            .map(|o| format!(" (origin: {o} — {})", a.chain.origin_from.unwrap_or("?")))
            .unwrap_or_default();
        writeln!(out, "witnesses, earliest first{origin}:")?;
        for w in &a.chain.witnesses {
            let who = w.speaker.as_deref().unwrap_or("no speaker");
            let inner = w.inner.as_deref().map(|i| format!(", quoting {i}")).unwrap_or_default();
            let ev = w.evidence.as_deref().map(|e| format!(" — {e}")).unwrap_or_default();
            writeln!(
                out,
                "  {:<10} {} {} [{}..{}] {who}{inner}{ev}",
                w.role.name(),
                w.date.as_deref().unwrap_or("undated"),
                w.source,
                w.start,
                w.end
            )?;
        }
    }
    if let (Some(owner), Some(via)) = (&best.owner, &best.owner_via) {
        writeln!(out, "  (credit to {owner} inferred from another witness: {via})")?;
    }
    if a.matches.len() > 1 {
        writeln!(out, "other witnesses:")?;
        for m in &a.matches[1..] {
            writeln!(
                out,
                "  {} {} [{}..{}]{}",
                m.verdict.name(),
                m.source,
                m.start,
                m.end,
                m.date.as_ref().map(|d| format!(" {d}")).unwrap_or_default()
            )?;
        }
    }
    Ok(())
}

/// The human report of `check`: each quotation with its place, the speaker
/// the document gives, and the verdict.
pub fn human_check(
    out: &mut impl Write,
    file: &str,
    text: &str,
    checked: &[verbatim_engine::Checked],
) -> anyhow::Result<()> {
    let st = Style { on: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() };
    let flagged = checked.iter().filter(|c| c.flagged()).count();
    writeln!(out, "{file}: {} quotations, {flagged} flagged", checked.len())?;
    let lines = verbatim_text::LineIndex::new(text);
    for c in checked {
        let q = &c.quote;
        let (line, col) = lines.line_column(text, q.start);
        let shown: String = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown = if shown.chars().count() > 90 {
            format!("{}…", shown.chars().take(89).collect::<String>())
        } else {
            shown
        };
        let who = q.speaker.as_deref().map(|s| format!(" — {s}")).unwrap_or_else(|| " — (no speaker given)".into());
        writeln!(out, "\n{line}:{col}  \u{201c}{shown}\u{201d}{who}")?;
        match &c.answer {
            None => writeln!(out, "    {}", st.paint("2", c.error.as_deref().unwrap_or("too short to check")))?,
            Some(a) => {
                let verdict = a.verdict.name();
                let paint = if c.flagged() {
                    "1;31"
                } else if a.matches.is_empty() {
                    "33"
                } else {
                    "32"
                };
                let mut line = st.paint(paint, verdict);
                if let Some(cr) = a.credit {
                    line.push_str(&format!(" · {}", cr.name()));
                    if let Some(to) = &a.credit_to {
                        line.push_str(&format!(" ({to})"));
                    }
                }
                if let Some(m) = a.matches.first() {
                    let title = m.title.clone().unwrap_or_else(|| m.source.clone());
                    line.push_str(&format!(
                        " · {title} [{}..{}]{}",
                        m.start,
                        m.end,
                        m.date.as_ref().map(|d| format!(" {d}")).unwrap_or_default()
                    ));
                }
                writeln!(out, "    {line}")?;
                if let Some(m) = a.matches.first() {
                    for e in &m.edits {
                        writeln!(out, "    {}", edit_line(&st, e))?;
                    }
                    for f in &m.context {
                        writeln!(out, "    {}", flag_line(&st, f))?;
                    }
                    for o in &m.omitted {
                        writeln!(out, "    [...] hides: {}", st.paint("2", &format!("\u{201c}{}\u{201d}", o.text)))?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// One edit as a line of text.
fn edit_line(st: &Style, e: &Edit) -> String {
    match e {
        Edit::Changed { quote, source, .. } => {
            format!("changed: {} → source has {}", st.paint("31", quote), st.paint("32", source))
        }
        Edit::Added { quote } => format!("added: {} (not in the source)", st.paint("31", quote)),
        Edit::Omitted { source, .. } => format!("left out without a mark: {}", st.paint("31", source)),
        Edit::Editorial { quote, source: Some(source), .. } => {
            format!("editorial: {} stands for {}", st.paint("36", quote), st.paint("32", source))
        }
        Edit::Editorial { quote, source: None, .. } => format!("editorial: {}", st.paint("36", quote)),
    }
}

/// One context flag as a line of text: what it means and the source words
/// that show it.
fn flag_line(st: &Style, f: &verbatim_engine::Flag) -> String {
    use verbatim_engine::FlagKind as K;
    let words = st.paint("1;35", &format!("\u{201c}{}\u{201d}", f.words));
    let what = match f.kind {
        K::CutBeforeLimit => format!("cut before a limit: the source goes on {words}"),
        K::CutAfterLimit => format!("cut after a limit: the source first says {words}"),
        K::ElisionHidesLimit => format!("the cut hides a limit: {words}"),
        K::NegationChanged => format!("negation changed, meaning reversed: the source has {words}"),
        K::ReportedSpeech => format!("reported speech: the source gives these words as another's: {words}"),
    };
    format!("{} {what} [{}..{}]", st.paint("1;31", "out of context:"), f.start, f.end)
}

/// The reuse trail of a match on one line: the cluster, then each witness
/// from the origin to this source.
fn reuse_line(t: &verbatim_engine::ReuseTrail) -> String {
    let steps: Vec<String> = t
        .chain
        .iter()
        .map(|s| {
            let who = s.speaker.as_deref().map(|w| format!("{w}, ")).unwrap_or_default();
            let when = s.date.as_deref().unwrap_or("undated");
            format!("{} ({who}{when}; {})", s.source, s.verdict.name())
        })
        .collect();
    let kind = if t.boilerplate { "boilerplate" } else { "reused" };
    format!("{kind}: cluster {} in {} sources; {}", t.cluster, t.size, steps.join(" -> "))
}
