//! Wikiquote pages rendered to text, like the seed page.
//!
//! ```text
//! Title line
//!
//! Lead quote ...                          a lead quote, credit on the next line
//! ~ "Author", Outlet
//! Lead quote ... ~ Author                 or at the end of its own line
//! Intro paragraph ...                     the page's own words: not a quotation
//!   • Quotation ...                       a bullet
//!     continuation line ...               (deeper indent, no bullet)
//!     • Author, Work (Year)               its credit sub-bullet
//! Heading - 24 February 2022              a section heading
//! (Full text)                             ... whose section is a primary source
//! ```
//!
//! Credits: a bullet's own sub-bullet (stated); a "(Full text)" heading's
//! speaker and date (inherited); and for a bullet with none, the credit of a
//! lead quote whose words it contains (inferred: the lead quote is an
//! excerpt of it). A bullet never takes a neighbour's credit.

use std::path::Path;

use verbatim_lexicon::names::HEADING_TITLES;

use crate::credit::{find_date, parse_credit};
use crate::{decode_text, Credit, Field, FormatError, Origin, Quotation, Source, SourceKind};

struct Line<'a> {
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    fn indent(&self) -> usize {
        self.text.len() - self.text.trim_start().len()
    }
    fn body(&self) -> &str {
        self.text.trim()
    }
    fn is_bullet(&self) -> bool {
        let b = self.body();
        b.starts_with('\u{2022}') || b.starts_with("* ")
    }
    fn blank(&self) -> bool {
        self.body().is_empty()
    }
    /// Byte range of the trimmed body, after a bullet mark if any.
    fn content(&self) -> (usize, usize) {
        let lead = self.indent();
        let mut s = self.start + lead;
        let body = self.body();
        let mut b = body;
        if let Some(r) = b.strip_prefix('\u{2022}').or_else(|| b.strip_prefix("* ")) {
            b = r.trim_start();
            s += body.len() - b.len();
        }
        (s, s + b.trim_end().len())
    }
}

/// A quotation being read, before credits are settled.
struct Item {
    start: usize,
    end: usize,
    credit: Credit,
    lead: bool,
    primary: bool,
}

/// Speaker and date of a "(Full text)" heading such as
/// "President Vladimir Putin's Speech on Ukraine ... - 24 February 2022".
fn heading_credit(h: &str) -> Credit {
    let mut c = Credit::default();
    if let Some((d, _)) = find_date(h) {
        c.date = Some(Field { value: d, origin: Origin::Inherited });
    }
    let name_part = h
        .split(['\'', '\u{2019}'])
        .next()
        .filter(|_| h.contains("'s ") || h.contains("\u{2019}s "))
        .or_else(|| h.split(" - ").next());
    if let Some(p) = name_part {
        let words: Vec<&str> = p.split_whitespace().filter(|w| !HEADING_TITLES.contains(w)).collect();
        if !words.is_empty() && words.len() <= 4 {
            c.speaker = Some(Field { value: words.join(" "), origin: Origin::Inherited });
        }
    }
    c.work = Some(Field { value: h.trim().to_string(), origin: Origin::Inherited });
    c
}

/// Reads a rendered Wikiquote page. `name` is the path as it will be reported.
pub fn read_wikiquote_text(name: &str, bytes: Vec<u8>, path: &Path) -> Result<Source, FormatError> {
    let decoded = decode_text(bytes);
    let text = decoded.text;
    let mut lines = Vec::new();
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        lines.push(Line { start: pos, text: l.trim_end_matches(['\n', '\r']) });
        pos += l.len();
    }
    let title = lines.iter().find(|l| !l.blank()).map(|l| l.body().to_string());
    if title.is_none() {
        return Err(FormatError::Invalid { path: path.to_path_buf(), msg: "empty page".into() });
    }
    let mut items: Vec<Item> = Vec::new();
    let mut section: Option<Credit> = None; // credit of a primary section
    let mut seen_title = false;
    let mut seen_bullet = false;
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.blank() {
            i += 1;
            continue;
        }
        if !seen_title {
            seen_title = true;
            i += 1;
            continue;
        }
        let body = l.body();
        if l.is_bullet() && l.indent() <= 2 {
            seen_bullet = true;
            let (s, mut e) = l.content();
            let mut credit = Credit::default();
            let base = l.indent();
            let mut j = i + 1;
            while j < lines.len() && !lines[j].blank() && lines[j].indent() > base {
                if lines[j].is_bullet() {
                    credit = parse_credit(lines[j].content_str(&text), Origin::Stated);
                } else if credit == Credit::default() {
                    e = lines[j].content().1;
                }
                j += 1;
            }
            let primary = section.is_some();
            if primary && credit.speaker.is_none() {
                credit = section.clone().unwrap_or_default();
            }
            items.push(Item { start: s, end: e, credit, lead: false, primary });
            i = j;
            continue;
        }
        if body == "(Full text)" || body.eq_ignore_ascii_case("(full text)") {
            // the heading is the last non-blank line before it
            if let Some(h) = lines[..i].iter().rev().find(|x| !x.blank()) {
                section = Some(heading_credit(h.body()));
            }
            i += 1;
            continue;
        }
        if body.starts_with('~') {
            // a credit line for the lead quote above
            if let Some(last) = items.last_mut() {
                if last.lead && last.credit.speaker.is_none() {
                    last.credit = parse_credit(body, Origin::Stated);
                }
            }
            i += 1;
            continue;
        }
        let next_is_credit = lines.get(i + 1).is_some_and(|n| n.body().starts_with('~'));
        // offsets are measured in the content (after any bullet mark), the
        // range `start..end` of the text that they are added to
        let (start, end) = l.content();
        let content = &text[start..end];
        if let Some(k) = content.rfind(" ~ ").filter(|_| !seen_bullet || section.is_none()) {
            items.push(Item {
                start,
                end: start + content[..k].trim_end().len(),
                credit: parse_credit(&content[k + 3..], Origin::Stated),
                lead: true,
                primary: false,
            });
        } else if next_is_credit && !seen_bullet {
            items.push(Item { start, end, credit: Credit::default(), lead: true, primary: false });
        } else if seen_bullet && lines.get(i + 1).is_none_or(|n| n.blank()) && body.len() < 200 {
            // a section heading: a new section starts, not primary unless "(Full text)" follows
            section = None;
        }
        i += 1;
    }
    infer_from_leads(&text, &mut items);
    let quotations = items
        .into_iter()
        .map(|it| Quotation {
            start: it.start,
            end: it.end,
            credit: it.credit,
            primary: it.primary,
            ..Quotation::default()
        })
        .collect();
    Ok(Source {
        title,
        outlet: Some("Wikiquote".into()),
        quotations,
        ..Source::new(name, SourceKind::Collection, "wikiquote-text", text)
    })
}

impl Line<'_> {
    fn content_str<'t>(&self, text: &'t str) -> &'t str {
        let (s, e) = self.content();
        &text[s..e]
    }
}

/// A bullet with no credit whose words contain a credited lead quote (every
/// fragment of it, in order) takes that credit, marked inferred.
fn infer_from_leads(text: &str, items: &mut [Item]) {
    let norms = |s: usize, e: usize| -> Vec<String> { words(&text[s..e]) };
    let leads: Vec<(Vec<Vec<String>>, Credit)> = items
        .iter()
        .filter(|it| it.lead && it.credit.speaker.is_some())
        .map(|it| (fragments(&text[it.start..it.end]), it.credit.clone()))
        .collect();
    for it in items.iter_mut().filter(|it| !it.lead && it.credit.speaker.is_none()) {
        let words = norms(it.start, it.end);
        for (frags, credit) in &leads {
            if contains_in_order(&words, frags) {
                let mark =
                    |f: &Option<Field>| f.as_ref().map(|x| Field { value: x.value.clone(), origin: Origin::Inferred });
                it.credit = Credit {
                    speaker: mark(&credit.speaker),
                    work: mark(&credit.work),
                    outlet: mark(&credit.outlet),
                    date: mark(&credit.date),
                    locator: None,
                };
                break;
            }
        }
    }
}

fn contains_in_order(words: &[String], frags: &[Vec<String>]) -> bool {
    let mut from = 0;
    let mut any = false;
    for f in frags.iter().filter(|f| f.len() >= 3) {
        match (from..words.len().saturating_sub(f.len() - 1)).find(|&k| words[k..k + f.len()] == f[..]) {
            Some(k) => {
                from = k + f.len();
                any = true;
            }
            None => return false,
        }
    }
    any
}

fn words(s: &str) -> Vec<String> {
    verbatim_text::tokenize(s).into_iter().map(|t| t.norm).collect()
}

fn fragments(s: &str) -> Vec<Vec<String>> {
    let q = verbatim_text::parse_query(s);
    q.fragments().into_iter().map(|r| q.tokens[r].iter().map(|t| t.token.norm.clone()).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Title\n\nLead words one two three four.\n~ \"Eve Ottenberg\", CounterPunch\nShort lead here... more lead words. ~ Vladimir Putin\n\nIntro paragraph.\n\n  • Jenkins words here.\n    • Simon Jenkins, A Book (2018)\n  • Before. Lead words one two three four. After.\n  • No credit at all.\n\nPresident Vladimir Putin's Speech - 24 February 2022\n\n\n(Full text)\n\n  • Speech words. Short lead here and then more lead words too.\n    Continued.\n";

    #[test]
    fn reads_the_structure() {
        let s = read_wikiquote_text("p.txt", PAGE.as_bytes().to_vec(), Path::new("p.txt")).unwrap();
        let q: Vec<(&str, Option<&str>, bool)> = s
            .quotations
            .iter()
            .map(|q| (&s.text[q.start..q.end], q.credit.speaker.as_ref().map(|f| f.value.as_str()), q.primary))
            .collect();
        assert_eq!(q[0], ("Lead words one two three four.", Some("Eve Ottenberg"), false));
        assert_eq!(q[1], ("Short lead here... more lead words.", Some("Vladimir Putin"), false));
        assert_eq!(q[2], ("Jenkins words here.", Some("Simon Jenkins"), false));
        assert_eq!(q[3].1, Some("Eve Ottenberg"), "inferred from the lead quote it contains");
        assert_eq!(s.quotations[3].credit.speaker.as_ref().unwrap().origin, Origin::Inferred);
        assert_eq!(q[4], ("No credit at all.", None, false));
        assert_eq!(q[5].1, Some("Vladimir Putin"));
        assert!(q[5].2, "a (Full text) section is primary");
        assert!(q[5].0.ends_with("Continued."));
        assert_eq!(s.quotations[5].credit.date.as_ref().unwrap().value, "2022-02-24");
    }
}
