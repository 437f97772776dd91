//! HTML documents to plain text, for checking an article: tags go, block
//! elements become paragraph breaks, a `<blockquote>` becomes `> ` lines
//! (a block quotation, as in Markdown), `<script>` and `<style>` vanish,
//! character references are decoded. Offsets then refer to this text.

use crate::wikitext::markup::entity;

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "main",
    "aside",
    "nav",
    "title",
];

/// Whether bytes look like HTML rather than text.
pub fn looks_like_html(head: &[u8]) -> bool {
    let s = String::from_utf8_lossy(&head[..head.len().min(4096)]).to_ascii_lowercase();
    s.contains("<html")
        || s.contains("<!doctype html")
        || (s.contains("<p>") && s.contains("</p>"))
        || s.contains("<body")
}

/// Renders HTML as text.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut quote_depth = 0usize;
    let mut i = 0;
    let b = html.as_bytes();
    let mut at_line_start = true;
    let para = |out: &mut String, depth: usize| {
        while out.ends_with(' ') {
            out.pop();
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
        let _ = depth;
    };
    while i < b.len() {
        if b[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i + 4..].find("-->").map_or(b.len(), |k| i + 4 + k + 3);
                continue;
            }
            let Some(k) = html[i..].find('>') else {
                out.push('<');
                i += 1;
                continue;
            };
            let tag = &html[i + 1..i + k];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            i += k + 1;
            if !closing && (name == "script" || name == "style") {
                let end = format!("</{name}");
                i = find_ci(html, i, &end).map_or(b.len(), |e| html[e..].find('>').map_or(b.len(), |g| e + g + 1));
                continue;
            }
            if name == "blockquote" {
                quote_depth = if closing { quote_depth.saturating_sub(1) } else { quote_depth + 1 };
            }
            if BLOCKS.contains(&name.as_str()) {
                para(&mut out, quote_depth);
                at_line_start = true;
            }
            continue;
        }
        if at_line_start {
            if b[i].is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if quote_depth > 0 {
                out.push_str("> ");
            }
            at_line_start = false;
        }
        if b[i] == b'&' {
            if let Some((ch, len)) = entity(&html[i..]) {
                out.push_str(&ch);
                i += len;
                continue;
            }
        }
        let c = html[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            if !out.ends_with(' ') && !out.ends_with('\n') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        i += c.len_utf8();
    }
    out.trim().to_string() + "\n"
}

fn find_ci(s: &str, from: usize, pat: &str) -> Option<usize> {
    let hay = s.as_bytes();
    let p = pat.as_bytes();
    (from..hay.len().saturating_sub(p.len() - 1)).find(|&k| hay[k..k + p.len()].eq_ignore_ascii_case(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article() {
        let h = "<html><head><title>T</title><style>p{}</style></head><body><p>He said, &ldquo;We will&nbsp;win.&rdquo;</p>\n<blockquote><p>Four score and seven years ago</p></blockquote><script>x()</script><p>End &amp; done.</p></body></html>";
        let t = html_to_text(h);
        assert_eq!(
            t,
            "T\n\nHe said, \u{201c}We will\u{a0}win.\u{201d}\n\n> Four score and seven years ago\n\nEnd & done.\n"
        );
        assert!(looks_like_html(h.as_bytes()));
    }
}
