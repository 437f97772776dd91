//! Inline wikitext to plain text: what a reader of the rendered page sees.
//!
//! Links keep their shown text, templates reduce to the few that carry words
//! (`{{w|X}}`, `{{ISBN|N}}`, `{{lang|xx|text}}`), bold and italics go but the
//! italic spans are remembered (a credit line's work is usually in italics),
//! `<ref>`s are taken out of the text and kept apart as locators.
//!
//! Everything here is linear in the input: bracket pairs are found in one
//! pass, closing tags are searched at most once each, and nesting deeper
//! than [`MAX_DEPTH`] is dropped, so hostile input cannot blow the stack or
//! run in quadratic time.

use std::ops::Range;

/// Deeper templates and links than this are dropped, not rendered.
pub(crate) const MAX_DEPTH: usize = 24;

/// A line of wikitext rendered.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Rendered {
    pub text: String,
    /// Byte ranges of `text` that were in italics.
    pub italics: Vec<Range<usize>>,
    /// The contents of `<ref>` tags, rendered.
    pub refs: Vec<String>,
    /// `[[Category:...]]` names met on the way.
    pub categories: Vec<String>,
}

/// Renders one logical line (or any fragment) of wikitext.
pub(crate) fn render(src: &str) -> Rendered {
    let mut out = Rendered::default();
    let mut st = State { italic_from: None, bold: false };
    render_into(src, 0, &mut out, &mut st);
    if let Some(from) = st.italic_from.take() {
        push_italic(&mut out, from);
    }
    out
}

struct State {
    italic_from: Option<usize>,
    bold: bool,
}

fn push_italic(out: &mut Rendered, from: usize) {
    let to = out.text.len();
    let s = &out.text[from..to];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if from + lead < to - trail {
        out.italics.push(from + lead..to - trail);
    }
}

/// For each `{{` and `[[` at byte i, the byte index just past its matching
/// close, found in one pass with a stack per bracket kind.
fn pairs(s: &[u8]) -> std::collections::HashMap<usize, usize> {
    let mut map = std::collections::HashMap::new();
    let mut curly: Vec<usize> = Vec::new();
    let mut square: Vec<usize> = Vec::new();
    let mut i = 0;
    while i + 1 < s.len() {
        match (s[i], s[i + 1]) {
            (b'{', b'{') => {
                curly.push(i);
                i += 2;
            }
            (b'}', b'}') => {
                if let Some(o) = curly.pop() {
                    map.insert(o, i + 2);
                }
                i += 2;
            }
            (b'[', b'[') => {
                square.push(i);
                i += 2;
            }
            (b']', b']') => {
                if let Some(o) = square.pop() {
                    map.insert(o, i + 2);
                }
                i += 2;
            }
            _ => i += 1,
        }
    }
    map
}

/// Splits a template or link body at its top-level `|`s.
fn split_pipes(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut from, mut i) = (0i32, 0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'{' | b'[' if i + 1 < b.len() && b[i + 1] == b[i] => {
                depth += 1;
                i += 2;
                continue;
            }
            b'}' | b']' if i + 1 < b.len() && b[i + 1] == b[i] => {
                depth = (depth - 1).max(0);
                i += 2;
                continue;
            }
            b'|' if depth == 0 => {
                parts.push(&s[from..i]);
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&s[from..]);
    parts
}

fn starts_with_ci(s: &str, i: usize, pat: &str) -> bool {
    s.as_bytes().get(i..i + pat.len()).is_some_and(|b| b.eq_ignore_ascii_case(pat.as_bytes()))
}

/// The first `byte` in `b[from..from + within]`, as an offset from `from`.
fn find_within(b: &[u8], from: usize, within: usize, byte: u8) -> Option<usize> {
    b.get(from..b.len().min(from + within))?.iter().position(|&x| x == byte)
}

fn find_ci(s: &str, from: usize, pat: &str) -> Option<usize> {
    let hay = s.as_bytes();
    let p = pat.as_bytes();
    if p.is_empty() || hay.len() < p.len() {
        return None;
    }
    (from..=hay.len() - p.len()).find(|&k| hay[k..k + p.len()].eq_ignore_ascii_case(p))
}

/// Interwiki prefixes shown as plain links ("w:", "wikt:").
const LINK_PREFIXES: &[&str] =
    &["w:", "wikt:", "s:", "wikipedia:", "wiktionary:", "wikisource:", "q:", "b:", "n:", "v:", ":"];

fn render_into(src: &str, depth: usize, out: &mut Rendered, st: &mut State) {
    if depth > MAX_DEPTH {
        return;
    }
    let b = src.as_bytes();
    let pairs = pairs(b);
    // the first index where a closing tag is known to be absent: searched once
    let mut no_ref_close = usize::MAX;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'<' {
            if src[i..].starts_with("<!--") {
                match src[i + 4..].find("-->") {
                    Some(k) => i = i + 4 + k + 3,
                    None => break, // an unclosed comment hides the rest
                }
                continue;
            }
            if starts_with_ci(src, i, "<ref") && b.get(i + 4).is_some_and(|&x| x == b'>' || x == b' ' || x == b'/') {
                let Some(gt) = find_within(b, i, 1000, b'>').map(|k| i + k) else {
                    i += 1;
                    continue;
                };
                if b[gt - 1] == b'/' {
                    i = gt + 1;
                    continue;
                }
                let close = if gt >= no_ref_close { None } else { find_ci(src, gt + 1, "</ref>") };
                match close {
                    Some(k) => {
                        let mut inner = Rendered::default();
                        let mut ist = State { italic_from: None, bold: false };
                        render_into(&src[gt + 1..k], depth + 1, &mut inner, &mut ist);
                        let t = inner.text.trim();
                        if !t.is_empty() {
                            out.refs.push(t.to_string());
                        }
                        i = k + 6;
                    }
                    None => {
                        no_ref_close = gt;
                        i = gt + 1;
                    }
                }
                continue;
            }
            if starts_with_ci(src, i, "<nowiki>") {
                let end = find_ci(src, i + 8, "</nowiki>");
                let stop = end.unwrap_or(b.len());
                out.text.push_str(&src[i + 8..stop]);
                i = end.map_or(b.len(), |k| k + 9);
                continue;
            }
            if starts_with_ci(src, i, "<br") {
                if let Some(k) = find_within(b, i, 16, b'>') {
                    out.text.push('\n');
                    i += k + 1;
                    continue;
                }
            }
            // any other tag: dropped, its contents kept
            let next = b.get(i + 1).copied().unwrap_or(b' ');
            if next.is_ascii_alphabetic() || next == b'/' {
                if let Some(k) = find_within(b, i, 200, b'>').filter(|&k| !src[i..i + k].contains('\n')) {
                    i += k + 1;
                    continue;
                }
            }
        }
        if c == b'{' && b.get(i + 1) == Some(&b'{') {
            if let Some(&end) = pairs.get(&i) {
                template(&src[i + 2..end - 2], depth, out, st);
                i = end;
                continue;
            }
        }
        if c == b'[' && b.get(i + 1) == Some(&b'[') {
            if let Some(&end) = pairs.get(&i) {
                link(&src[i + 2..end - 2], depth, out, st);
                i = end;
                continue;
            }
        }
        if c == b'[' {
            let rest = &src[i + 1..];
            if ["http://", "https://", "//", "ftp://", "mailto:"]
                .iter()
                .any(|p| rest.as_bytes().get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p.as_bytes())))
            {
                let rb = rest.as_bytes();
                let close = rb[..rb.len().min(2000)].iter().position(|&x| x == b']' || x == b'\n');
                if let Some(k) = close.filter(|&k| rb[k] == b']') {
                    let inner = &rest[..k];
                    if let Some(sp) = inner.find(' ') {
                        render_into(&inner[sp + 1..], depth + 1, out, st);
                    }
                    i += 1 + k + 1;
                    continue;
                }
            }
        }
        if c == b'\'' && b.get(i + 1) == Some(&b'\'') {
            let mut n = 0;
            while b.get(i + n) == Some(&b'\'') {
                n += 1;
            }
            // ''''' both, ''' bold, '' italic; a longer run keeps its extra apostrophes
            let (extra, ital, bold) = match n {
                2 => (0, true, false),
                3 => (0, false, true),
                4 => (1, false, true),
                _ => (n - 5, true, true),
            };
            for _ in 0..extra {
                out.text.push('\'');
            }
            if bold {
                st.bold = !st.bold;
            }
            if ital {
                match st.italic_from.take() {
                    Some(from) => push_italic(out, from),
                    None => st.italic_from = Some(out.text.len()),
                }
            }
            i += n;
            continue;
        }
        if c == b'&' {
            if let Some((ch, len)) = entity(&src[i..]) {
                out.text.push_str(&ch);
                i += len;
                continue;
            }
        }
        if c == b'_' && src[i..].starts_with("__") {
            let word = b[i + 2..].iter().take(20).take_while(|x| x.is_ascii_uppercase()).count();
            if word > 0 && b[i + 2 + word..].starts_with(b"__") {
                let k = word;
                i += 2 + k + 2;
                continue;
            }
        }
        // copy one character
        let ch_len = src[i..].chars().next().map_or(1, char::len_utf8);
        out.text.push_str(&src[i..i + ch_len]);
        i += ch_len;
    }
}

fn template(body: &str, depth: usize, out: &mut Rendered, st: &mut State) {
    let parts = split_pipes(body);
    let name = parts[0].trim().to_ascii_lowercase().replace('_', " ");
    let positional: Vec<&str> =
        parts[1..].iter().copied().filter(|p| !p.contains('=') || p.trim_start().starts_with('=')).collect();
    let emit = |s: &str, out: &mut Rendered, st: &mut State| render_into(s.trim(), depth + 1, out, st);
    match name.as_str() {
        "w" | "wikipedia" | "wp" => {
            if let Some(p) = positional.get(1).or(positional.first()) {
                emit(p, out, st);
            }
        }
        "isbn" => {
            out.text.push_str("ISBN ");
            if let Some(p) = positional.first() {
                emit(p, out, st);
            }
        }
        "lang" => {
            if let Some(p) = positional.last() {
                emit(p, out, st);
            }
        }
        "nowrap" | "small" | "smaller" | "nobr" | "quote" | "cquote" | "quotation" | "poem quote" | "center"
        | "sic" => {
            if let Some(p) = positional.first() {
                emit(p, out, st);
            }
        }
        "'" => out.text.push('\''),
        "!" => out.text.push('|'),
        "=" => out.text.push('='),
        "--" | "mdash" => out.text.push('\u{2014}'),
        "ndash" => out.text.push('\u{2013}'),
        "c." | "circa" => {
            out.text.push_str("c. ");
            if let Some(p) = positional.first() {
                emit(p, out, st);
            }
        }
        n if n.starts_with("lang-") => {
            if let Some(p) = positional.last() {
                emit(p, out, st);
            }
        }
        _ => {}
    }
}

fn link(body: &str, depth: usize, out: &mut Rendered, st: &mut State) {
    let parts = split_pipes(body);
    let target = parts[0].trim();
    let lower = target.to_ascii_lowercase();
    for ns in ["category:", ":category:"] {
        if let Some(name) = lower.strip_prefix(ns) {
            out.categories.push(target[target.len() - name.len()..].trim().to_string());
            return;
        }
    }
    if ["file:", "image:", "media:"].iter().any(|p| lower.starts_with(p)) {
        return;
    }
    // an interlanguage link ("de:Friedrich Nietzsche") is not text
    if let Some((pre, _)) = lower.split_once(':') {
        if parts.len() == 1
            && (2..=3).contains(&pre.len())
            && pre.bytes().all(|c| c.is_ascii_lowercase())
            && !matches!(pre, "w" | "s" | "q" | "b" | "n" | "v")
        {
            return;
        }
    }
    if parts.len() > 1 {
        let shown = parts[1..].join("|");
        if !shown.trim().is_empty() {
            render_into(&shown, depth + 1, out, st);
            return;
        }
    }
    let mut shown = target;
    loop {
        let l = shown.to_ascii_lowercase();
        match LINK_PREFIXES.iter().find(|p| l.starts_with(*p)) {
            Some(p) => shown = &shown[p.len()..],
            None => break,
        }
    }
    let shown = shown.split('#').next().unwrap_or(shown);
    out.text.push_str(shown);
}

/// An HTML character reference at the start of `s`: its text and length.
pub(crate) fn entity(s: &str) -> Option<(String, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&x| x == b';')?;
    let name = &s[1..end];
    let ch = match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "hellip" => '\u{2026}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "laquo" => '\u{ab}',
        "raquo" => '\u{bb}',
        "thinsp" | "ensp" | "emsp" => ' ',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')?
        }
    };
    Some((ch.to_string(), end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_templates_and_emphasis() {
        let r =
            render("'''I am ''utterly'' amazed''' by [[Baruch Spinoza|Spinoza]] and [[Jesus]]{{fix cite<!-- x -->}}.");
        assert_eq!(r.text, "I am utterly amazed by Spinoza and Jesus.");
        assert_eq!(&r.text[r.italics[0].clone()], "utterly");
        let r = render("[[Thomas Gray]], ''[[w:The Bard (poem)|The Bard]]'' (1757), [[s:The Bard|I. 3. lines 39-40]].");
        assert_eq!(r.text, "Thomas Gray, The Bard (1757), I. 3. lines 39-40.");
        assert_eq!(&r.text[r.italics[0].clone()], "The Bard");
        let r = render("'''{{w|Cecilia Eusepi}}''' [https://x.org/a Angelus] {{ISBN|978-0}} [[w:Friedrich Nietzsche]] [[de:Nietzsche]]");
        assert_eq!(r.text, "Cecilia Eusepi Angelus ISBN 978-0 Friedrich Nietzsche ");
    }

    #[test]
    fn refs_comments_and_tags() {
        let r = render("Words<ref name=a>Letter, ''Book'' (1881), p. 3</ref> more<ref name=b/>.<!-- hidden --> a<br />b &amp; c&nbsp;d");
        assert_eq!(r.text, "Words more. a\nb & c\u{a0}d");
        assert_eq!(r.refs, vec!["Letter, Book (1881), p. 3".to_string()]);
        let r = render("[[Category:1910 births]][[File:x.jpg|thumb|A [[caption]]]]Text");
        assert_eq!(r.text, "Text");
        assert_eq!(r.categories, vec!["1910 births".to_string()]);
    }

    #[test]
    fn hostile_input_is_bounded() {
        let deep = "{{a|".repeat(10_000) + &"}}".repeat(10_000);
        let _ = render(&deep);
        let open = "{{[[<ref>".repeat(20_000);
        let r = render(&open);
        assert!(r.text.len() <= open.len());
        let r = render("'''''x''''' '''' ''");
        assert!(r.text.contains('x'));
    }
}
