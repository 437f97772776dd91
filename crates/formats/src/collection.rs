//! Quote collections: fortune files, JSON arrays and JSON Lines.
//!
//! A fortune file is kept byte for byte (its text is the file): records are
//! separated by a line holding `%` (or, in the tagged variant, ended by a
//! `---- tags` line), and a record's credit is its last line when that
//! starts with `--`, `―` or `—`, or the tail of its last line after a wide
//! gap ("...nothing to say.      -- The Juice Media (2016)").
//!
//! JSON collections are rendered: each quotation on its own, its credit on
//! the next line after `~`, a blank line between entries. The shapes read
//! are those of quotable (`content`, `author`), dwyl (`text`, `author`) and
//! Quotebank's JSON Lines (`quotation`, `speaker`, `date`, `urls`); an entry
//! marked `"verdict": "removed_as_fake"` is a misattribution.

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use crate::credit::parse_credit;
use crate::{decode_text, Credit, Field, FormatError, Origin, Quotation, Source, SourceKind, Standing};

/// Reads a fortune file. `name` is the path as it will be reported.
pub fn read_fortunes(name: &str, bytes: Vec<u8>, path: &Path) -> Result<Source, FormatError> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(FormatError::Invalid {
            path: path.to_path_buf(),
            msg: "binary file (NUL bytes), not a fortune file".into(),
        });
    }
    let text = decode_text(bytes).text;
    let mut quotations = Vec::new();
    let mut rec_start = 0;
    let mut pos = 0;
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for l in text.split_inclusive('\n') {
        let body = l.trim_end_matches(['\n', '\r']);
        let sep = body == "%" || body == "%%" || body.starts_with("---- ") || body == "----";
        if sep {
            if let Some(q) = fortune_record(&text, &lines) {
                quotations.push(q);
            }
            lines.clear();
            rec_start = pos + l.len();
        } else {
            lines.push((pos, body));
        }
        pos += l.len();
    }
    let _ = rec_start;
    if let Some(q) = fortune_record(&text, &lines) {
        quotations.push(q);
    }
    let title = path.file_name().map(|f| f.to_string_lossy().into_owned());
    Ok(Source { title, quotations, ..Source::new(name, SourceKind::Collection, "fortune", text) })
}

fn is_credit_mark(s: &str) -> Option<&str> {
    let t = s.trim_start();
    for m in ["--", "\u{2015}", "\u{2014}", "~"] {
        if let Some(rest) = t.strip_prefix(m) {
            if !rest.starts_with('-')
                && rest.trim().chars().next().is_some_and(|c| !c.is_ascii_digit() || t.starts_with('\u{2015}'))
            {
                return Some(rest.trim());
            }
        }
    }
    None
}

/// One record's quotation: its words and the credit after them.
fn fortune_record(text: &str, lines: &[(usize, &str)]) -> Option<Quotation> {
    let nonblank: Vec<&(usize, &str)> = lines.iter().filter(|(_, l)| !l.trim().is_empty()).collect();
    let first = nonblank.first()?;
    let last = nonblank.last()?;
    let mut end_line = nonblank.len();
    let mut credit = Credit::default();
    let mut credit_text: Option<String> = None;
    // a credit on the last lines, possibly running over two: "-- Name,\n   Work"
    for k in (nonblank.len().saturating_sub(2)..nonblank.len()).rev() {
        let (_, l) = nonblank[k];
        let indented = l.starts_with([' ', '\t']);
        if let Some(c) = is_credit_mark(l).filter(|_| indented || k > 0) {
            let mut c = c.to_string();
            for (_, more) in &nonblank[k + 1..] {
                c.push(' ');
                c.push_str(more.trim());
            }
            credit_text = Some(c);
            end_line = k;
            break;
        }
    }
    let mut q_end = if end_line == 0 {
        return None;
    } else {
        let (p, l) = nonblank[end_line - 1];
        p + l.trim_end().len()
    };
    if credit_text.is_none() {
        // "... nothing to say.                            -- The Juice Media (2016)"
        let (p, l) = **last;
        if let Some(k) = l.find("  -- ").or_else(|| l.find("\t-- ")) {
            credit_text = Some(l[k..].trim().trim_start_matches("--").trim().to_string());
            q_end = p + l[..k].trim_end().len();
        }
    }
    let q_start = first.0 + (first.1.len() - first.1.trim_start().len());
    if q_end <= q_start {
        return None;
    }
    if let Some(c) = &credit_text {
        credit = parse_credit(c, Origin::Stated);
    }
    // one line of dialogue, "Walter: I am the one who knocks!": the character speaks
    let words = &text[q_start..q_end];
    let mut start = q_start;
    if credit.speaker.is_none() && !words.contains('\n') {
        if let Some(k) = words.find(": ").filter(|&k| k > 0 && k <= 40) {
            let who = &words[..k];
            if who.split_whitespace().count() <= 3
                && who.chars().next().is_some_and(char::is_uppercase)
                && !who.contains(['.', ',', '"'])
            {
                credit.speaker = Some(Field::new(who.trim(), Origin::Stated));
                start = q_start + k + 2;
            }
        }
    }
    Some(Quotation { start, end: q_end, credit, ..Quotation::default() })
}

/// One entry of a JSON collection, in any of the known shapes.
#[derive(Debug, Deserialize)]
struct Entry {
    #[serde(alias = "text", alias = "quotation", alias = "quote", alias = "body")]
    content: Option<String>,
    #[serde(alias = "speaker", alias = "by", alias = "name")]
    author: Option<String>,
    #[serde(alias = "work")]
    source: Option<String>,
    date: Option<String>,
    url: Option<String>,
    urls: Option<Vec<String>>,
    verdict: Option<String>,
}

/// Entries per source when a collection is split (JSON Lines files can
/// hold millions).
pub const ENTRIES_PER_SOURCE: usize = 5000;

/// Builds sources from entries, [`ENTRIES_PER_SOURCE`] at a time.
struct Builder {
    name: String,
    title: String,
    format: &'static str,
    text: String,
    quotations: Vec<Quotation>,
    entries: usize,
    part: usize,
    first_line: usize,
}

impl Builder {
    fn new(name: &str, path: &Path, format: &'static str) -> Builder {
        let title = path.file_name().map_or_else(|| name.to_string(), |f| f.to_string_lossy().into_owned());
        Builder {
            name: name.into(),
            title,
            format,
            text: String::new(),
            quotations: Vec::new(),
            entries: 0,
            part: 0,
            first_line: 1,
        }
    }

    fn add(&mut self, e: Entry) {
        let Some(content) = e.content.map(|c| c.trim().to_string()).filter(|c| !c.is_empty()) else { return };
        let speaker = e.author.map(|a| a.trim().to_string()).filter(|a| !a.is_empty() && a != "None" && a != "Unknown");
        let start = self.text.len();
        self.text.push_str(&content);
        let end = self.text.len();
        let mut credit = Credit::default();
        let fake = e.verdict.as_deref().is_some_and(|v| v.contains("fake") || v.contains("misattributed"));
        if let Some(sp) = &speaker {
            self.text.push_str("\n~ ");
            self.text.push_str(sp);
            if fake {
                self.text.push_str(" (misattributed)");
            } else {
                credit.speaker = Some(Field::stated(sp.clone()));
            }
        }
        if let Some(w) = e.source.filter(|w| !w.trim().is_empty()) {
            credit.work = Some(Field::stated(w.trim().to_string()));
        }
        if let Some(d) = e.date.as_deref().and_then(crate::find_date).map(|d| d.0) {
            credit.date = Some(Field::stated(d));
        }
        if let Some(u) = e.url.or_else(|| e.urls.and_then(|u| u.into_iter().next())) {
            credit.locator = Some(Field::stated(u));
        }
        self.text.push_str("\n\n");
        let q = Quotation {
            start,
            end,
            credit,
            standing: if fake { Standing::Misattributed } else { Standing::Sourced },
            not_by: if fake { speaker } else { None },
            ..Quotation::default()
        };
        self.quotations.push(q);
        self.entries += 1;
    }

    fn full(&self) -> bool {
        self.entries >= ENTRIES_PER_SOURCE
    }

    /// The source built so far; `next_line` is where the next one starts.
    fn take(&mut self, next_line: usize, whole: bool) -> Source {
        self.part += 1;
        let (path, title) = if whole {
            (self.name.clone(), self.title.clone())
        } else {
            (
                format!("{}#{}", self.name, self.part),
                format!("{} (lines {}\u{2013}{})", self.title, self.first_line, next_line - 1),
            )
        };
        self.first_line = next_line;
        self.entries = 0;
        let text = std::mem::take(&mut self.text);
        Source {
            title: Some(title),
            quotations: std::mem::take(&mut self.quotations),
            ..Source::new(path, SourceKind::Collection, self.format, text)
        }
    }
}

/// Reads a JSON array of quotations (quotable, dwyl) as one source.
pub fn read_json(name: &str, bytes: &[u8], path: &Path) -> Result<Source, FormatError> {
    let entries: Vec<Entry> = serde_json::from_slice(bytes).map_err(|e| FormatError::Syntax {
        path: path.to_path_buf(),
        line: e.line(),
        msg: format!("{e} (expected an array of objects with a text and an author)"),
    })?;
    let mut b = Builder::new(name, path, "json");
    for e in entries {
        b.add(e);
    }
    Ok(b.take(0, true))
}

/// JSON Lines (Quotebank): one entry per line, read as a stream; a source
/// per [`ENTRIES_PER_SOURCE`] entries, named `path#1`, `path#2`, ...
pub struct JsonLines<R> {
    reader: R,
    path: std::path::PathBuf,
    builder: Builder,
    line: usize,
    buf: String,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(name: &str, path: &Path, reader: R) -> JsonLines<R> {
        JsonLines {
            reader,
            path: path.to_path_buf(),
            builder: Builder::new(name, path, "jsonl"),
            line: 0,
            buf: String::new(),
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Source, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            self.buf.clear();
            let n = match self.reader.read_line(&mut self.buf) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    let msg = e.to_string();
                    return Some(Err(FormatError::Syntax { path: self.path.clone(), line: self.line + 1, msg }));
                }
            };
            if n == 0 {
                self.done = true;
                if self.builder.quotations.is_empty() {
                    return None;
                }
                let whole = self.builder.part == 0;
                return Some(Ok(self.builder.take(self.line + 1, whole)));
            }
            self.line += 1;
            let t = self.buf.trim();
            if t.is_empty() {
                continue;
            }
            match serde_json::from_str::<Entry>(t) {
                Ok(e) => self.builder.add(e),
                Err(e) => {
                    self.done = true;
                    return Some(Err(FormatError::Syntax {
                        path: self.path.clone(),
                        line: self.line,
                        msg: format!("{e}"),
                    }));
                }
            }
            if self.builder.full() {
                return Some(Ok(self.builder.take(self.line + 1, false)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &Source, i: usize) -> (&str, Option<&str>) {
        let q = &s.quotations[i];
        (&s.text[q.start..q.end], q.credit.speaker.as_ref().map(|f| f.value.as_str()))
    }

    #[test]
    fn fortunes_with_credits() {
        let f = "A black cat crossing your path signifies that the animal is going somewhere.\n\t\t-- Groucho Marx\n%\nNo credit here.\n%\nSaying you don't care about privacy\nis like saying.                            -- The Juice Media (2016)\n---- privacy,society\nWalter: I am the one who knocks!\n\n\t-- Breaking Bad - Cornered [4.06]\n%\n";
        let s = read_fortunes("f", f.as_bytes().to_vec(), Path::new("f")).unwrap();
        assert_eq!(s.quotations.len(), 4);
        assert_eq!(
            q(&s, 0),
            ("A black cat crossing your path signifies that the animal is going somewhere.", Some("Groucho Marx"))
        );
        assert_eq!(q(&s, 1), ("No credit here.", None));
        assert_eq!(q(&s, 2), ("Saying you don't care about privacy\nis like saying.", Some("The Juice Media")));
        assert_eq!(q(&s, 3), ("I am the one who knocks!", Some("Walter")));
        assert_eq!(s.quotations[3].credit.work.as_ref().unwrap().value, "Breaking Bad");
        assert_eq!(s.text, f, "a fortune file is kept byte for byte");
    }

    #[test]
    fn json_shapes_and_errors() {
        let j = br#"[{"_id": "a", "content": "In the depth of winter.", "author": "Albert Camus", "tags": ["x"]},
                     {"text": "A house divided.", "author": "Abraham Lincoln"},
                     {"content": "You cannot travel the path.", "author": "Buddha", "verdict": "removed_as_fake"}]"#;
        let s = read_json("q.json", j, Path::new("q.json")).unwrap();
        assert_eq!(q(&s, 0), ("In the depth of winter.", Some("Albert Camus")));
        assert_eq!(q(&s, 1), ("A house divided.", Some("Abraham Lincoln")));
        assert_eq!(q(&s, 2), ("You cannot travel the path.", None));
        assert_eq!(s.quotations[2].standing, Standing::Misattributed);
        assert_eq!(s.quotations[2].not_by.as_deref(), Some("Buddha"));
        let bad = b"[{\"content\": \"ok\"},\n {\"content\": 5}]";
        let e = read_json("b.json", bad, Path::new("b.json")).unwrap_err().to_string();
        assert!(e.starts_with("b.json:2:"), "{e}");
    }

    #[test]
    fn json_lines_stream_in_parts() {
        let mut data = String::new();
        for i in 0..(ENTRIES_PER_SOURCE + 10) {
            data.push_str(&format!(
                "{{\"quoteID\": \"q{i}\", \"quotation\": \"words number {i}\", \"speaker\": \"Someone {i}\", \"qids\": [], \"date\": \"2015-08-31 00:00:00\", \"numOccurrences\": 1, \"probas\": [[\"Someone\", \"0.9\"]], \"urls\": [\"http://x/{i}\"], \"phase\": \"E\"}}\n"
            ));
        }
        let parts: Vec<Source> =
            JsonLines::new("qb.jsonl", Path::new("qb.jsonl"), data.as_bytes()).collect::<Result<_, _>>().unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].quotations.len(), ENTRIES_PER_SOURCE);
        assert_eq!(parts[1].path, "qb.jsonl#2");
        assert_eq!(parts[1].quotations[0].credit.date.as_ref().unwrap().value, "2015-08-31");
        let bad = "{\"quotation\": \"a\"}\nnot json\n";
        let r: Vec<_> = JsonLines::new("b.jsonl", Path::new("b.jsonl"), bad.as_bytes()).collect();
        assert!(r.last().unwrap().as_ref().unwrap_err().to_string().starts_with("b.jsonl:2:"));
    }
}
