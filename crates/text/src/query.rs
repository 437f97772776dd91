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
    /// The editor's brackets, in order: they are not the speaker's words and
    /// say so, so they never count as changes (see [`Editorial`]).
    pub editorial: Vec<Editorial>,
}

/// What an editor's square brackets do to a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorialKind {
    /// Letters changed inside a word ("[t]he", "it[s]"): the word is
    /// compared with the brackets taken away.
    Letters,
    /// Words standing for the source's ("[the President]" for "he"): a
    /// wildcard gap, compared with nothing.
    Insertion,
    /// A note that is no word of the text ("[sic]", "[emphasis added]"):
    /// dropped.
    Note,
}

/// One editorial bracket: its byte range in the query and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Editorial {
    pub start: usize,
    pub end: usize,
    pub kind: EditorialKind,
    /// The index of the first query word after it (`tokens.len()` when none).
    pub before: usize,
}

/// Whether the inside of a bracket is an editor's note rather than words of
/// the text. These are the notes of the common style guides (Chicago 13.59
/// and 13.60 on "sic" and "emphasis added", the Bluebook's "citation
/// omitted"), and the stage directions of transcripts.
pub fn is_editorial_note(inner: &str) -> bool {
    let t = inner.trim().trim_end_matches(['.', '!']).trim();
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(
        words.as_slice(),
        ["sic"]
            | ["emphasis" | "italics", "added" | "mine" | "supplied" | "ours"]
            | ["emphasis" | "italics", "in", "original" | "the", ..]
            | ["original", "emphasis" | "italics"]
            | ["citation" | "citations" | "footnote" | "footnotes", "omitted"]
            | ["internal", "quotation", "marks", "omitted"]
            | ["quotation", "marks", "omitted"]
            | ["applause" | "laughter" | "cheers" | "inaudible" | "crosstalk"]
    )
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
    kind: MarkKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkKind {
    /// Between words: an elision or a wildcard.
    Gap(Gap),
    /// Brackets inside a word ("[t]he"): only the two bracket bytes go.
    Letters,
    /// An editor's note: the whole bracket goes.
    Note,
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
                let word_before = text[..i].chars().next_back().is_some_and(crate::is_word_char);
                let word_after = text[end..].chars().next().is_some_and(crate::is_word_char);
                let kind = if inner_t.is_empty() || inner_t.chars().all(|ch| ch == '.' || ch == '\u{2026}' || ch == ' ')
                {
                    MarkKind::Gap(Gap::Elision)
                } else if is_editorial_note(inner) {
                    MarkKind::Note
                } else if (word_before || word_after) && inner.chars().all(crate::is_word_char) {
                    MarkKind::Letters
                } else {
                    MarkKind::Gap(Gap::Wildcard)
                };
                marks.push(Mark { start: i, end, kind });
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
            marks.push(Mark { start: i, end, kind: MarkKind::Gap(Gap::Elision) });
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
                marks.push(Mark { start: i, end: last_dot_end, kind: MarkKind::Gap(Gap::Elision) });
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
/// Byte offsets in the result point into `text` itself; a word with
/// bracketed letters ("[t]he") spans its brackets.
pub fn parse_query(text: &str) -> Query {
    let marks = find_marks(text);
    let letters: Vec<Mark> = marks.iter().copied().filter(|m| m.kind == MarkKind::Letters).collect();
    let mut q = Query::default();
    let mut pending = Gap::None;
    let mut pos = 0;
    for m in &marks {
        match m.kind {
            MarkKind::Letters => {
                q.editorial.push(Editorial { start: m.start, end: m.end, kind: EditorialKind::Letters, before: 0 });
                continue;
            }
            MarkKind::Note => {
                words_of(text, pos..m.start, &letters, &mut pending, &mut q);
                q.editorial.push(Editorial {
                    start: m.start,
                    end: m.end,
                    kind: EditorialKind::Note,
                    before: q.tokens.len(),
                });
            }
            MarkKind::Gap(gap) => {
                words_of(text, pos..m.start, &letters, &mut pending, &mut q);
                if gap == Gap::Wildcard {
                    q.editorial.push(Editorial {
                        start: m.start,
                        end: m.end,
                        kind: EditorialKind::Insertion,
                        before: q.tokens.len(),
                    });
                }
                if q.tokens.is_empty() {
                    if gap == Gap::Elision {
                        q.leading_elision = true;
                    }
                } else if gap == Gap::Elision || pending != Gap::Elision {
                    // an elision next to a wildcard counts as an elision
                    pending = gap;
                }
            }
        }
        pos = m.end;
    }
    words_of(text, pos..text.len(), &letters, &mut pending, &mut q);
    if pending == Gap::Elision {
        q.trailing_elision = true;
    }
    // a bracketed letter belongs to the word that holds it
    for e in q.editorial.iter_mut().filter(|e| e.kind == EditorialKind::Letters) {
        e.before = q.tokens.iter().position(|t| t.token.end > e.start).unwrap_or(q.tokens.len());
    }
    q
}

/// Appends the words of `text[range]` to the query, the first with the
/// pending gap. The brackets of in-word marks are taken out before
/// tokenizing (so "[t]he" is "the") and the offsets mapped back.
fn words_of(text: &str, range: std::ops::Range<usize>, letters: &[Mark], pending: &mut Gap, q: &mut Query) {
    let inside: Vec<&Mark> = letters.iter().filter(|m| m.start >= range.start && m.end <= range.end).collect();
    let (clean, map) = if inside.is_empty() {
        (std::borrow::Cow::Borrowed(&text[range.clone()]), None)
    } else {
        // map[k]: the byte of `text` that byte k of the clean string came from
        let mut clean = String::with_capacity(range.len());
        let mut map = Vec::with_capacity(range.len() + 1);
        for (i, ch) in text[range.clone()].char_indices() {
            let at = range.start + i;
            if (ch == '[' || ch == ']') && inside.iter().any(|m| at == m.start || at + 1 == m.end) {
                continue;
            }
            clean.push(ch);
            map.extend((0..ch.len_utf8()).map(|k| at + k));
        }
        map.push(range.end);
        (std::borrow::Cow::Owned(clean), Some(map))
    };
    for mut t in tokenize(&clean) {
        match &map {
            None => {
                t.start += range.start;
                t.end += range.start;
            }
            Some(map) => {
                t.start = map[t.start];
                t.end = map[t.end - 1] + 1;
                // the word's surface takes in brackets at its edges ("[t]he")
                for m in &inside {
                    if t.start == m.start + 1 {
                        t.start = m.start;
                    }
                    if t.end + 1 == m.end {
                        t.end = m.end;
                    }
                }
            }
        }
        let gap = if q.tokens.is_empty() { Gap::None } else { *pending };
        q.tokens.push(QueryToken { token: t, gap_before: gap });
        *pending = Gap::None;
    }
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
    fn letters_in_brackets_join_their_word() {
        let text = "[t]he law[s] of [W]ar";
        let q = parse_query(text);
        let words: Vec<&str> = q.tokens.iter().map(|t| t.token.norm.as_str()).collect();
        assert_eq!(words, ["the", "laws", "of", "war"]);
        assert!(q.tokens.iter().all(|t| t.gap_before == Gap::None));
        assert_eq!(&text[q.tokens[0].token.start..q.tokens[0].token.end], "[t]he");
        assert_eq!(&text[q.tokens[1].token.start..q.tokens[1].token.end], "law[s]");
        assert_eq!(q.editorial.len(), 3);
        assert!(q.editorial.iter().all(|e| e.kind == EditorialKind::Letters));
        assert_eq!(q.editorial.iter().map(|e| e.before).collect::<Vec<_>>(), [0, 1, 3]);
    }

    #[test]
    fn notes_are_no_words_and_no_gap() {
        for note in
            ["[sic]", "[sic!]", "[Emphasis added]", "[emphasis in original]", "[citation omitted]", "[Applause.]"]
        {
            let q = parse_query(&format!("there were {note} three"));
            let words: Vec<&str> = q.tokens.iter().map(|t| t.token.norm.as_str()).collect();
            assert_eq!(words, ["there", "were", "three"], "{note}");
            assert!(q.tokens.iter().all(|t| t.gap_before == Gap::None), "{note}");
            assert_eq!(q.editorial[0].kind, EditorialKind::Note, "{note}");
            assert_eq!(q.editorial[0].before, 2, "{note}");
        }
        assert!(!is_editorial_note("the President"));
        assert!(!is_editorial_note("sick"));
    }

    #[test]
    fn insertions_are_wildcards_and_listed() {
        let text = "[He] said [the President] would come";
        let q = parse_query(text);
        assert_eq!(q.tokens.len(), 3);
        assert_eq!(q.tokens[1].gap_before, Gap::Wildcard);
        let ins: Vec<&str> =
            q.editorial.iter().filter(|e| e.kind == EditorialKind::Insertion).map(|e| &text[e.start..e.end]).collect();
        assert_eq!(ins, ["[He]", "[the President]"]);
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
