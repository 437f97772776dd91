//! Wikitext pages (`.wiki`, `.wikitext`, `.mediawiki`, and every page of a
//! dump): quotations and their credits read from the page's structure.
//!
//! ```text
//! '''Subject''' (1844 – 1900) was ...      the lead: names a person page's subject
//! == Quotes ==
//! === ''The Gay Science'' (1882) ===       a heading that names a work (inherited)
//! * Quotation ...                         a quotation
//! ** Sec. 125.                            its credit or source line
//! ** Variant translation: ...             a variant, itself a quotation
//! *** As translated by ...                ... with its own source line
//! == Disputed ==                          standing: disputed
//! == Misattributed ==                     the words are NOT the subject's
//! == Quotes about Nietzsche ==            speakers from each credit line
//! == See also == / == External links ==   not quotations
//! ```
//!
//! A person page (its categories hold "births" or "deaths", or it has a
//! "Quotes about" section, or its lead gives life dates) credits its quotes
//! to its subject; any other page (a theme page) takes each speaker from the
//! credit line. Markup is rendered to plain text ([`markup`]); the source's
//! text is the rendered page, laid out like a rendered Wikiquote page, and
//! every offset refers to it.

pub(crate) mod markup;

use std::ops::Range;

use crate::credit::{find_date, parse_credit_in, true_author};
use crate::{Credit, Field, FormatError, Origin, Quotation, Source, SourceKind, Standing};
use markup::{render, Rendered};

/// What a section's quotations are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// The lead, before any heading.
    Lead,
    /// Quotations of the page's speaker(s).
    Quotes,
    Disputed,
    Misattributed,
    /// "Quotes about X": the speaker is whoever the credit line names.
    About,
    /// See also, external links, references: no quotations.
    Skip,
}

fn classify(heading: &str) -> Option<Section> {
    let h = heading.trim().to_lowercase();
    let h = h.trim_end_matches(':');
    if h.starts_with("disputed") || h == "unsourced" || h.starts_with("unverified") {
        return Some(Section::Disputed);
    }
    if h.starts_with("misattributed") || h.starts_with("falsely attributed") || h.starts_with("wrongly attributed") {
        return Some(Section::Misattributed);
    }
    if h.starts_with("quotes about")
        || h.starts_with("quotations about")
        || h.starts_with("about ")
        || h.starts_with("sayings about")
    {
        return Some(Section::About);
    }
    const SKIP: &[&str] = &[
        "see also",
        "external links",
        "references",
        "notes",
        "sources",
        "further reading",
        "bibliography",
        "links",
        "gallery",
        "cast",
        "external link",
        "footnotes",
        "works",
        "related",
    ];
    if SKIP.contains(&h) {
        return Some(Section::Skip);
    }
    None
}

/// One logical line: physical lines joined while a template, comment or
/// `<ref>` is open.
fn logical_lines(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut curly = 0usize;
    while i < b.len() {
        match b[i] {
            b'{' if b.get(i + 1) == Some(&b'{') => {
                curly += 1;
                i += 2;
                continue;
            }
            b'}' if b.get(i + 1) == Some(&b'}') && curly > 0 => {
                curly -= 1;
                i += 2;
                continue;
            }
            b'<' if text[i..].starts_with("<!--") => {
                if let Some(k) = text[i + 4..].find("-->") {
                    i += 4 + k + 3;
                    continue;
                }
            }
            b'\n' => {
                // an unclosed template may not swallow the page: a blank line or
                // a new list item or heading ends it
                let next = b.get(i + 1).copied();
                if curly == 0 || matches!(next, Some(b'\n') | Some(b'*') | Some(b'=') | None) {
                    lines.push(start..i);
                    start = i + 1;
                    curly = 0;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if start < b.len() {
        lines.push(start..b.len());
    }
    lines
}

/// The page being laid out as text.
struct Page {
    text: String,
    quotations: Vec<Quotation>,
}

impl Page {
    /// Appends a rendered line at `indent` (two spaces per level), with a
    /// bullet when `bullet`; returns the byte range of its words.
    fn push(&mut self, r: &str, indent: usize, bullet: bool) -> Range<usize> {
        let pad = " ".repeat(indent * 2);
        self.text.push_str(&pad);
        if bullet {
            self.text.push_str("\u{2022} ");
        }
        let start = self.text.len();
        let cont = format!("\n{pad}{}", if bullet { "  " } else { "" });
        let body = r.trim();
        let mut first = true;
        for l in body.split('\n') {
            if !first {
                self.text.push_str(&cont);
            }
            first = false;
            self.text.push_str(l.trim());
        }
        let end = self.text.len();
        self.text.push('\n');
        start..end
    }
}

/// A quotation whose source line may still come.
struct Open {
    index: usize,
    has_credit: bool,
    /// Index of a variant under it, waiting for its own source line.
    variant: Option<usize>,
    /// A "Variant translations:" line came: the next line is a variant.
    expect_variant: bool,
    /// The quotation is all in italics: an original whose English follows.
    original_in_italics: bool,
}

/// The list depth of the next non-blank line after `li`, if it is a list item.
fn next_item_depth(wikitext: &str, lines: &[Range<usize>], li: usize) -> Option<usize> {
    let next = lines[li + 1..].iter().map(|r| wikitext[r.clone()].trim()).find(|t| !t.is_empty())?;
    let marks = next.chars().take_while(|c| matches!(c, '*' | '#' | ':')).count();
    (marks > 0 && next.starts_with(['*', '#'])).then_some(marks)
}

/// Whether a line reads as words (a translation) rather than a source line.
fn looks_like_words(r: &Rendered) -> bool {
    let t = r.text.trim();
    // the italics are offsets into the untrimmed text
    let c = parse_credit_in(&r.text, &r.italics, false, Origin::Stated);
    t.split_whitespace().count() >= 5 && c.locator.is_none() && c.date.is_none()
}

/// Reads a wikitext page. `title` is the page title when known (a dump
/// gives it); otherwise it comes from the lead's bold name or the file name.
pub fn read_wikitext(name: &str, title: Option<&str>, wikitext: &str) -> Result<Source, FormatError> {
    let lines = logical_lines(wikitext);
    // categories and the lead's bold name decide the kind of page
    let mut categories = Vec::new();
    let mut subject: Option<String> = None;
    let mut life_dates = false;
    let mut has_about = false;
    let mut theme_template = false;
    for r in &lines {
        let raw = &wikitext[r.clone()];
        if raw.contains("[[") && raw.to_ascii_lowercase().contains("category:") {
            categories.extend(render(raw).categories);
        }
        let t = raw.trim();
        if t.starts_with('=') && classify(t.trim_matches('=')) == Some(Section::About) {
            has_about = true;
        }
        let low = t.to_ascii_lowercase();
        if low.contains("{{theme") || low.contains("{{ theme") {
            theme_template = true;
        }
    }
    for r in &lines {
        let raw = wikitext[r.clone()].trim();
        if raw.starts_with('=') {
            break;
        }
        if let Some(k) = raw.find("'''") {
            if let Some(e) = raw[k + 3..].find("'''") {
                let bold = &raw[k + 3..k + 3 + e];
                let name = bold_name(bold);
                if !name.is_empty() {
                    subject = Some(name);
                    let after = render(&raw[k + 3 + e + 3..]).text;
                    let head: String = after.chars().take(80).collect();
                    life_dates = head.trim_start().starts_with('(')
                        && (head.contains('\u{2013}') || head.contains(" - ") || head.contains("born"));
                }
                break;
            }
        }
    }
    let cats_low: Vec<String> = categories.iter().map(|c| c.to_lowercase()).collect();
    let theme = theme_template || cats_low.iter().any(|c| c == "themes" || c.ends_with(" themes"));
    let person = !theme
        && (cats_low.iter().any(|c| c.ends_with(" births") || c.ends_with(" deaths") || c.starts_with("people "))
            || has_about
            || life_dates);
    // a person page's subject: the page title when known, else the lead's bold name
    let title = title.map(str::to_string).or_else(|| subject.clone()).unwrap_or_else(|| file_title(name));
    let subject = person.then(|| title.clone());

    let mut page = Page { text: String::new(), quotations: Vec::new() };
    page.push(&title, 0, false);
    page.text.push('\n');
    let mut section = Section::Lead;
    // credit inherited from headings, by level
    let mut inherited: Vec<(usize, Credit)> = Vec::new();
    let mut open: Option<Open> = None;
    let mut in_table = false;
    for (li, r) in lines.iter().enumerate() {
        let raw = &wikitext[r.clone()];
        let t = raw.trim();
        if in_table {
            if t.starts_with("|}") {
                in_table = false;
            }
            continue;
        }
        if t.starts_with("{|") {
            in_table = true;
            continue;
        }
        if t.is_empty() || t.starts_with("----") {
            continue;
        }
        if let Some(h) = heading(t) {
            open = None;
            let level = h.0;
            let rendered = render(h.1);
            let htext = rendered.text.trim().to_string();
            if htext.is_empty() {
                continue;
            }
            page.text.push('\n');
            page.push(&htext, 0, false);
            page.text.push('\n');
            if level <= 2 {
                section = classify(&htext).unwrap_or(Section::Quotes);
                inherited.clear();
            } else if let Some(s) = classify(&htext) {
                // a sub-heading may still open a special section
                if matches!(s, Section::Skip | Section::Misattributed | Section::Disputed | Section::About) {
                    section = s;
                }
            }
            inherited.retain(|(l, _)| *l < level);
            if let Some(c) = heading_credit(&rendered, section, person) {
                inherited.push((level, c));
            }
            continue;
        }
        let marks: String = t.chars().take_while(|c| matches!(c, '*' | '#' | ':' | ';')).collect();
        let body = &t[marks.len()..];
        let rendered = render(body);
        if rendered.text.trim().is_empty() {
            continue;
        }
        if section == Section::Skip {
            continue;
        }
        let depth = marks.len();
        let is_item = marks.starts_with(['*', '#']);
        if section == Section::Lead || !is_item && depth == 0 {
            // the page's own words: the lead, intro paragraphs
            open = None;
            page.push(&rendered.text, 0, false);
            page.text.push('\n');
            continue;
        }
        let continuation = depth >= 2 && marks[1..].chars().all(|c| c == ':');
        if depth == 1 && is_item {
            let range = page.push(&rendered.text, 1, true);
            let q = Quotation {
                start: range.start,
                end: range.end,
                credit: base_credit(section, subject.as_deref(), &inherited),
                standing: standing(section),
                not_by: if section == Section::Misattributed { subject.clone() } else { None },
                ..Quotation::default()
            };
            page.quotations.push(q);
            let index = page.quotations.len() - 1;
            apply_refs(&mut page.quotations[index], &rendered, section, person);
            // a <ref> gives a source, but a "**" line after it is still read as the credit
            let has_credit = false;
            let italic: usize = rendered.italics.iter().map(|r| r.len()).sum();
            let original_in_italics = italic * 10 >= rendered.text.trim().len() * 9;
            open = Some(Open { index, has_credit, variant: None, expect_variant: false, original_in_italics });
            continue;
        }
        if continuation {
            if let Some(o) = &open {
                let range = page.push(&rendered.text, 2, false);
                page.quotations[o.index].end = range.end;
                continue;
            }
        }
        let range = page.push(&rendered.text, depth.max(1), true);
        let Some(o) = open.as_mut() else { continue };
        let line = rendered.text.trim();
        let low = line.to_lowercase();
        let next_depth = next_item_depth(wikitext, &lines, li);
        if depth == 2 {
            let variant_mark = low.starts_with("variant")
                || low.starts_with("alternative translation")
                || low.starts_with("alternate translation");
            // a translation or variant: "** Variant: words", a line under a
            // "** Variant translations:" mark, a "**" line with its own
            // "***" source, or the English under an original in italics
            let (qstart, is_quote) = if variant_mark {
                let pushed = &page.text[range.clone()];
                match pushed.find(':').map(|c| pushed[c + 1..].trim_start()) {
                    Some(rest) if rest.split_whitespace().count() >= 3 => (range.end - rest.len(), true),
                    _ => {
                        o.expect_variant = true;
                        continue;
                    }
                }
            } else {
                let translation = o.expect_variant
                    || next_depth == Some(3)
                    || (o.original_in_italics && !o.has_credit && looks_like_words(&rendered));
                (range.start, translation)
            };
            if is_quote {
                o.expect_variant = false;
                let mut q = page.quotations[o.index].clone();
                q.start = qstart;
                q.end = range.end;
                page.quotations.push(q);
                o.variant = Some(page.quotations.len() - 1);
                continue;
            }
        }
        if depth >= 3 {
            if let Some(v) = o.variant {
                let c = line_credit(&rendered, section, person);
                if !o.has_credit {
                    // the original shares its translation's source
                    merge_credit(&mut page.quotations[o.index].credit, c.clone(), section, person);
                    o.has_credit = true;
                }
                merge_credit(&mut page.quotations[v].credit, c, section, person);
                o.variant = None;
            }
            continue;
        }
        if depth == 2 && !o.has_credit {
            o.has_credit = true;
            let c = line_credit(&rendered, section, person);
            // every translation read so far shares the source
            let first_variant = o.index + 1;
            for k in std::iter::once(o.index).chain(first_variant..page.quotations.len()) {
                let q = &mut page.quotations[k];
                if section == Section::Misattributed {
                    // the line tells who really wrote it, if anyone
                    q.credit.speaker = true_author(line, q.not_by.as_deref()).map(|n| Field::new(n, Origin::Stated));
                    q.credit.work = c.work.clone();
                    q.credit.date = c.date.clone();
                    if q.not_by.is_none() {
                        q.not_by = crate::credit::attributed_to(line);
                    }
                } else {
                    merge_credit(&mut q.credit, c.clone(), section, person);
                }
            }
        }
    }
    Ok(Source {
        title: Some(title),
        outlet: Some("Wikiquote".into()),
        quotations: page.quotations,
        ..Source::new(name, SourceKind::Collection, "wikitext", page.text)
    })
}

fn standing(section: Section) -> Standing {
    match section {
        Section::Disputed => Standing::Disputed,
        Section::Misattributed => Standing::Misattributed,
        _ => Standing::Sourced,
    }
}

/// `== Heading ==` → (level, inner text).
fn heading(t: &str) -> Option<(usize, &str)> {
    if !t.starts_with('=') {
        return None;
    }
    let open = t.bytes().take_while(|&c| c == b'=').count();
    let t2 = t.trim_end();
    let close = t2.bytes().rev().take_while(|&c| c == b'=').count();
    if open + close >= t2.len() || close == 0 {
        return None;
    }
    let level = open.min(close);
    Some((level, &t2[open..t2.len() - close]))
}

/// The name in the lead's bold text: a link's target (the name as the
/// encyclopedia spells it) or the text itself.
fn bold_name(bold: &str) -> String {
    render(bold).text.trim().to_string()
}

fn file_title(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.split('.').next().unwrap_or(base);
    stem.replace('_', " ")
}

/// The credit a heading passes to the quotations under it: on a person
/// page, a work (the italic title) and its year; elsewhere, a full credit
/// line ("Alexander Star, "The Overman" (2012)").
fn heading_credit(r: &Rendered, section: Section, person: bool) -> Option<Credit> {
    let text = r.text.trim();
    if classify(text).is_some() || text.eq_ignore_ascii_case("quotes") || text.eq_ignore_ascii_case("sourced") {
        return None;
    }
    let speaker_first = !person || section == Section::About;
    if speaker_first {
        if section != Section::About {
            return None;
        }
        let c = parse_credit_in(&r.text, &r.italics, true, Origin::Inherited);
        return c.speaker.is_some().then_some(c);
    }
    // a person page: only a heading with a title in italics or a year names a work
    let has_year = find_date(text).is_some();
    if r.italics.is_empty() && !has_year {
        return None;
    }
    let mut c = Credit::default();
    if let Some(it) = r.italics.first() {
        c.work = Some(Field::new(r.text[it.clone()].trim().to_string(), Origin::Inherited));
    } else {
        let t = text.split('(').next().unwrap_or(text).trim();
        c.work = Some(Field::new(t.to_string(), Origin::Inherited));
    }
    if let Some((d, _)) = find_date(text) {
        c.date = Some(Field::new(d, Origin::Inherited));
    }
    Some(c)
}

/// The credit a quotation starts with before its own line is read.
fn base_credit(section: Section, subject: Option<&str>, inherited: &[(usize, Credit)]) -> Credit {
    let mut c = Credit::default();
    for (_, h) in inherited {
        for (dst, src) in
            [(&mut c.speaker, &h.speaker), (&mut c.work, &h.work), (&mut c.date, &h.date), (&mut c.outlet, &h.outlet)]
        {
            if src.is_some() {
                *dst = src.clone();
            }
        }
    }
    if matches!(section, Section::Quotes | Section::Disputed) {
        if let Some(s) = subject {
            c.speaker = Some(Field::new(s, Origin::Inherited));
        }
    }
    c
}

/// Reads a quotation's source line. On a person page (outside "Quotes
/// about") the line names no speaker: the subject is.
fn line_credit(r: &Rendered, section: Section, person: bool) -> Credit {
    let speaker_first = !person || section == Section::About;
    let mut c = parse_credit_in(&r.text, &r.italics, speaker_first, Origin::Stated);
    if c.locator.is_none() {
        if let Some(first) = r.refs.first() {
            c.locator = Some(Field::new(first.clone(), Origin::Stated));
        }
    }
    c
}

/// A quotation's `<ref>` is its source when no line follows.
fn apply_refs(q: &mut Quotation, r: &Rendered, section: Section, person: bool) {
    let Some(first) = r.refs.first() else { return };
    let rr = render(first);
    let c = line_credit(&rr, section, person);
    merge_credit(&mut q.credit, c, section, person);
    if q.credit.locator.is_none() {
        q.credit.locator = Some(Field::new(first.clone(), Origin::Stated));
    }
}

/// The line's fields win over inherited ones; a person page keeps its
/// subject as the speaker.
fn merge_credit(dst: &mut Credit, src: Credit, section: Section, person: bool) {
    let keep_speaker = person && matches!(section, Section::Quotes | Section::Disputed) && dst.speaker.is_some();
    if !keep_speaker && src.speaker.is_some() {
        dst.speaker = src.speaker;
    }
    for (d, s) in [
        (&mut dst.work, src.work),
        (&mut dst.outlet, src.outlet),
        (&mut dst.date, src.date),
        (&mut dst.locator, src.locator),
    ] {
        if s.is_some() {
            *d = s;
        }
    }
}

#[cfg(test)]
mod tests;
