//! Parsing a quotation as people pass it around: elision marks and
//! bracketed editorial insertions.

use crate::{tokenize, Token};

/// What stands in a query between one word and the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Nothing: the words should be adjacent in the source.
    None,
    /// An elision mark ("...", "…", "[...]", "[…]", ". . ."): the source may
    /// skip any number of words here, and saying so is honest.
    Elision,
    /// A bracketed editorial insertion ("[the West]"): it stands for some
    /// source words, which are not compared.
    Wildcard,
}

/// One word of a query, with the gap that comes before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryToken {
    pub token: Token,
    pub gap_before: Gap,
}

/// A parsed query: its words in order, each with the gap before it.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub tokens: Vec<QueryToken>,
    /// The query began with an elision mark ("...we saw").
    pub leading_elision: bool,
    /// The query ended with an elision mark.
    pub trailing_elision: bool,
}

impl Query {
    /// The word runs between elision marks (and wildcards), in order, as
    /// index ranges into `tokens`.
    pub fn fragments(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, t) in self.tokens.iter().enumerate() {
            if i > 0 && t.gap_before != Gap::None {
                out.push(start..i);
                start = i;
            }
        }
        if start < self.tokens.len() {
            out.push(start..self.tokens.len());
        }
        out
    }

    /// Number of elision marks between words.
    pub fn inner_elisions(&self) -> usize {
        self.tokens.iter().skip(1).filter(|t| t.gap_before == Gap::Elision).count()
    }
}

/// A mark found in the query text: its byte range and what it is.
#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    gap: Gap,
}

/// Finds elision marks and bracketed insertions in `text`.
fn find_marks(text: &str) -> Vec<Mark> {
    let b = text.as_bytes();
    let mut marks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'[' {
            if let Some(close) = text[i + 1..].find(']') {
                let inner = &text[i + 1..i + 1 + close];
                let end = i + close + 2;
                let inner_t = inner.trim();
                let gap = if inner_t.is_empty() || inner_t.chars().all(|ch| ch == '.' || ch == '\u{2026}' || ch == ' ')
                {
                    Gap::Elision
                } else {
                    Gap::Wildcard
                };
                marks.push(Mark { start: i, end, gap });
                i = end;
                continue;
            }
        }
        if text[i..].starts_with('\u{2026}') {
            let mut end = i + '\u{2026}'.len_utf8();
            // "…." or "… ." trailing period
            while end < b.len() && (b[end] == b'.' || text[end..].starts_with('\u{2026}')) {
                end += if b[end] == b'.' { 1 } else { '\u{2026}'.len_utf8() };
            }
            marks.push(Mark { start: i, end, gap: Gap::Elision });
            i = end;
            continue;
        }
        if c == b'.' {
            // count dots, allowing single spaces between them (". . .")
            let mut j = i;
            let mut dots = 0;
            let mut last_dot_end = i;
            while j < b.len() {
                if b[j] == b'.' {
                    dots += 1;
                    j += 1;
                    last_dot_end = j;
                } else if b[j] == b' ' && j + 1 < b.len() && b[j + 1] == b'.' {
                    j += 1;
                } else {
                    break;
                }
            }
            if dots >= 3 {
                marks.push(Mark { start: i, end: last_dot_end, gap: Gap::Elision });
                i = last_dot_end;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    marks
}

/// Parses a quotation into words with gaps (see the crate documentation).
///
/// Byte offsets in the result point into `text` itself.
pub fn parse_query(text: &str) -> Query {
    let marks = find_marks(text);
    let mut q = Query::default();
    let mut pending = Gap::None;
    let mut pos = 0;
    let mut seg_tokens = Vec::new();
    let mut emit = |seg: &str, base: usize, pending: &mut Gap, q: &mut Query| {
        seg_tokens.clear();
        seg_tokens.extend(tokenize(seg));
        for mut t in seg_tokens.drain(..) {
            t.start += base;
            t.end += base;
            let gap = if q.tokens.is_empty() { Gap::None } else { *pending };
            q.tokens.push(QueryToken { token: t, gap_before: gap });
            *pending = Gap::None;
        }
    };
    for m in &marks {
        emit(&text[pos..m.start], pos, &mut pending, &mut q);
        if q.tokens.is_empty() {
            if m.gap == Gap::Elision {
                q.leading_elision = true;
            }
        } else if m.gap == Gap::Elision || pending != Gap::Elision {
            // an elision next to a wildcard counts as an elision
            pending = m.gap;
        }
        pos = m.end;
    }
    emit(&text[pos..], pos, &mut pending, &mut q);
    if pending == Gap::Elision {
        q.trailing_elision = true;
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<(String, Gap)> {
        parse_query(text).tokens.into_iter().map(|t| (t.token.norm, t.gap_before)).collect()
    }

    #[test]
    fn every_elision_style_splits() {
        for mark in ["...", "…", "[...]", "[…]", ". . .", "....", " … ", "[ ... ]"] {
            let s = shape(&format!("one two{mark}three"));
            assert_eq!(s.len(), 3, "{mark}");
            assert_eq!(s[2].1, Gap::Elision, "{mark}");
            assert_eq!(s[1].1, Gap::None, "{mark}");
        }
    }

    #[test]
    fn abbreviations_are_not_elisions() {
        let s = shape("the U.S. and Mr. Smith");
        assert!(s.iter().all(|(_, g)| *g == Gap::None));
    }

    #[test]
    fn brackets_are_wildcards() {
        let s = shape("they [the West] lied");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1], ("lied".to_string(), Gap::Wildcard));
    }

    #[test]
    fn leading_and_trailing_marks() {
        let q = parse_query("...we saw a state of euphoria...");
        assert!(q.leading_elision && q.trailing_elision);
        assert_eq!(q.fragments().len(), 1);
        assert_eq!(q.tokens[0].gap_before, Gap::None);
    }

    #[test]
    fn offsets_point_into_the_query() {
        let text = "With NATO’s eastward expansion... We cannot";
        let q = parse_query(text);
        for t in &q.tokens {
            assert_eq!(crate::normalize_word(&text[t.token.start..t.token.end]), t.token.norm);
        }
        assert_eq!(q.fragments(), vec![0..4, 4..6]);
    }
}
