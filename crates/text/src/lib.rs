//! Normalization that never loses the way back to the original text.
//!
//! Every word the engine compares is a [`Token`]: a normalized form (NFKC,
//! accents and case folded, apostrophes dropped) plus the byte range of its
//! surface in the original string. Matching happens on normalized forms;
//! reporting always happens on the original bytes, so a span shown to a user
//! is exactly what the source says.
//!
//! Quotation marks, dashes, punctuation, whitespace and hard line wraps are
//! not words: they separate words and are otherwise ignored. A word broken by
//! a hyphen at the end of a line ("inter-\nnational") is one token whose span
//! covers both halves.
//!
//! Queries are parsed by [`parse_query`]: elision marks ("...", "…",
//! "[...]", "[…]", ". . .", "....") split them into ordered fragments, and a
//! bracketed editorial insertion ("[the West]") becomes a wildcard gap.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

mod query;
mod surface;

pub use query::{is_editorial_note, parse_query, Editorial, EditorialKind, Gap, Query, QueryToken};
pub use surface::{same_surface, strip_outer_punctuation, surface_keys};

/// One word of a text: its normalized form and where it stands in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte of the word's surface in the original.
    pub start: usize,
    /// Byte offset one past the word's last byte (for a word joined across a
    /// hyphenated line break, the end of its second half).
    pub end: usize,
    /// The normalized form: NFKC compatibility forms, accents removed, case
    /// folded, in-word apostrophes dropped.
    pub norm: String,
}

impl Token {
    /// A 64-bit hash of the normalized form, used as the word's identity in
    /// alignment (see [`word_hash`]).
    pub fn hash(&self) -> u64 {
        word_hash(&self.norm)
    }
}

/// Characters that read as an apostrophe or a single quote mark.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' | '\u{2bc}' | '\u{2032}')
}

/// Characters that read as a quotation mark (single or double, any style).
pub fn is_quote_mark(c: char) -> bool {
    is_apostrophe(c)
        || matches!(
            c,
            '"' | '\u{201c}'
                | '\u{201d}'
                | '\u{201e}'
                | '\u{201f}'
                | '\u{ab}'
                | '\u{bb}'
                | '\u{201a}'
                | '\u{201b}'
                | '\u{2039}'
                | '\u{203a}'
                | '\u{300c}'
                | '\u{300d}'
        )
}

/// Characters that read as a dash or hyphen.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}')
}

/// Characters that make up words: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Splits `text` into word tokens with byte offsets into `text`.
///
/// Runs in one pass; ASCII words (the common case) are folded without
/// allocation beyond the token's own string.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    tokenize_into(text, &mut out);
    out
}

/// As [`tokenize`], appending to `out` (reuses its allocation).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    for_each_word(text, |start, end, norm| out.push(Token { start, end, norm: norm.to_owned() }));
}

/// Calls `f(start, end, norm)` for each word of `text`, as [`tokenize`]
/// finds them, without a `String` a word: the normalized form is lent from
/// one buffer. Indexing a large corpus makes one token a word of it, and an
/// allocation each was a noticeable share of ingest.
pub fn for_each_word(text: &str, mut f: impl FnMut(usize, usize, &str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut norm = String::new();
    while i < bytes.len() {
        let c = char_at(text, i);
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end;
        norm.clear();
        loop {
            // one run of word characters, with in-word apostrophes
            let run_start = i;
            while i < bytes.len() {
                let c = char_at(text, i);
                if is_word_char(c) {
                    i += c.len_utf8();
                } else if is_apostrophe(c) {
                    let after = i + c.len_utf8();
                    if after < bytes.len() && is_word_char(char_at(text, after)) {
                        i = after; // "don't": the apostrophe stays inside the word
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            push_norm(&text[run_start..i], &mut norm);
            end = i;
            // "inter-\nnational": a hyphen, a line break, then a lower-case letter
            match hyphen_break(text, i) {
                Some(next) => i = next,
                None => break,
            }
        }
        if !norm.is_empty() {
            f(start, end, &norm);
        }
    }
}

/// Splits the words that [`tokenize`] joined across a hyphenated line break
/// back into their halves where the other text writes them as two words:
/// "Charter-\nenshrined" is one word for a query that writes
/// "Charterenshrined" or, as "reinstat-\ning" would be, the whole word, but
/// two for a query that writes "Charter-enshrined". A line-break hyphen may
/// be a syllable break or a compound's own hyphen, and only the other text
/// can tell which. `pairs` holds the other text's adjacent words, as
/// `(first, second)` normalized forms. Offsets stay those of `text`.
pub fn split_broken_compounds(
    text: &str,
    tokens: &mut Vec<Token>,
    pairs: &std::collections::HashSet<(String, String)>,
) {
    if pairs.is_empty() {
        return;
    }
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for t in tokens.drain(..) {
        let surface = &text[t.start..t.end];
        let split = surface.char_indices().find_map(|(i, c)| {
            if !(c == '-' || c == '\u{ad}' || c == '\u{2010}') {
                return None;
            }
            let next = hyphen_break(text, t.start + i)?;
            let first = normalize_word(&text[t.start..t.start + i]);
            let second = normalize_word(&text[next..t.end]);
            pairs.contains(&(first.clone(), second.clone())).then_some((i, next, first, second))
        });
        match split {
            Some((i, next, first, second)) => {
                out.push(Token { start: t.start, end: t.start + i, norm: first });
                out.push(Token { start: next, end: t.end, norm: second });
            }
            None => out.push(t),
        }
    }
    *tokens = out;
}

/// Drops the words of an editor's notes in square brackets ("[sic]",
/// "[Applause]", see [`is_editorial_note`]) from a source's tokens: they are
/// no words of the text, so a quotation that leaves them out leaves out
/// nothing. Other brackets ("[the President]") keep their words.
pub fn drop_editorial_notes(text: &str, tokens: &mut Vec<Token>) {
    if !text.contains('[') {
        return;
    }
    let mut notes: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| from + i) {
        let Some(close) = text[open + 1..].find([']', '[', '\n']).map(|i| open + 1 + i) else { break };
        if text[close..].starts_with(']') && is_editorial_note(&text[open + 1..close]) {
            notes.push((open, close + 1));
        }
        from = close;
    }
    if !notes.is_empty() {
        tokens.retain(|t| !notes.iter().any(|&(a, b)| a <= t.start && t.end <= b));
    }
}

/// If a hyphen at `i` ends the line and the next line goes on with a
/// lower-case letter, returns where that letter starts.
fn hyphen_break(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let c = rest.chars().next()?;
    if !(c == '-' || c == '\u{ad}' || c == '\u{2010}') {
        return None;
    }
    let mut j = c.len_utf8();
    let mut saw_newline = false;
    for ch in rest[j..].chars() {
        match ch {
            '\n' => {
                if saw_newline {
                    return None; // a blank line: a paragraph break, not a wrap
                }
                saw_newline = true;
            }
            ' ' | '\t' | '\r' => {}
            _ => {
                if saw_newline && ch.is_lowercase() {
                    return Some(i + j);
                }
                return None;
            }
        }
        j += ch.len_utf8();
    }
    None
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    // `i` is always on a char boundary here.
    text[i..].chars().next().unwrap_or('\0')
}

/// Appends the normalized form of a run of word characters (and in-word
/// apostrophes) to `out`.
pub fn push_norm(surface: &str, out: &mut String) {
    if surface.is_ascii() {
        for b in surface.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
            }
        }
        return;
    }
    for c in surface.nfkd() {
        if is_combining_mark(c) || is_apostrophe(c) {
            continue;
        }
        if c == 'ß' {
            out.push_str("ss");
            continue;
        }
        for l in c.to_lowercase() {
            if l.is_alphanumeric() {
                out.push(l);
            }
        }
    }
}

/// The normalized form of a single word (or of any text: the words run together).
pub fn normalize_word(surface: &str) -> String {
    let mut s = String::new();
    push_norm(surface, &mut s);
    s
}

/// The normalized words of a text joined by single spaces: the comparison key
/// for names, titles and short strings.
pub fn normalize_words(text: &str) -> String {
    let toks = tokenize(text);
    let mut s = String::with_capacity(text.len());
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            s.push(' ');
        }
        s.push_str(&t.norm);
    }
    s
}

/// FNV-1a, 64 bits: stable across runs and platforms, fast on short words.
pub fn word_hash(norm: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in norm.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The bigram shingle term of two consecutive normalized words, as indexed.
pub fn shingle(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len() + 1);
    shingle_into(&mut s, a, b);
    s
}

/// [`shingle`], appended to `out`: ingest builds millions of them and
/// reuses one buffer.
pub fn shingle_into(out: &mut String, a: &str, b: &str) {
    out.push_str(a);
    out.push(' ');
    out.push_str(b);
}

/// Where each line of a text starts, to turn byte offsets into lines and
/// columns: built in one pass, each lookup a binary search, so that a
/// document with many quotations is not rescanned for each.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        LineIndex { starts: std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect() }
    }

    /// The 1-based line and column (in characters) of byte offset `at` of
    /// `text`, the text the index was built from. An offset inside a
    /// character counts from that character's start; one past the end, from
    /// the end.
    pub fn line_column(&self, text: &str, at: usize) -> (usize, usize) {
        let at = floor_boundary(text, at);
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        let start = self.starts[line - 1].min(at);
        (line, text[start..at].chars().count() + 1)
    }
}

/// The largest char boundary of `text` not above `i`.
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` not below `i`.
pub fn ceil_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn a_compound_broken_at_a_line_end_splits_where_the_other_text_has_two_words() {
        let text = "its Charter-\n   enshrined role and reinstat-\ning it";
        let mut toks = tokenize(text);
        assert_eq!(toks.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>()[1], "charterenshrined");
        let pairs = [("charter".to_string(), "enshrined".to_string())].into_iter().collect();
        split_broken_compounds(text, &mut toks, &pairs);
        let words: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(words, ["its", "charter", "enshrined", "role", "and", "reinstating", "it"]);
        assert_eq!(&text[toks[1].start..toks[1].end], "Charter");
        assert_eq!(&text[toks[2].start..toks[2].end], "enshrined");
    }

    #[test]
    fn an_editor_s_note_in_a_source_is_no_word() {
        let text = "there were [sic] three [the two] men [Applause.]";
        let mut toks = tokenize(text);
        drop_editorial_notes(text, &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(words, ["there", "were", "three", "the", "two", "men"]);
    }

    #[test]
    fn folds_case_quotes_and_accents() {
        assert_eq!(norms("NATO and the U.S.’s idiotic"), ["nato", "and", "the", "u", "s", "s", "idiotic"]);
        assert_eq!(norms("Russia's"), norms("Russia’s"));
        assert_eq!(norms("don't"), ["dont"]);
        assert_eq!(norms("ingénue Straße"), ["ingenue", "strasse"]);
        assert_eq!(norms("ﬁne"), ["fine"]);
    }

    #[test]
    fn quotes_and_dashes_are_not_words() {
        assert_eq!(norms("“a riddle” — ‘wrapped’ -- «in»"), ["a", "riddle", "wrapped", "in"]);
        assert_eq!(norms("students' books"), ["students", "books"]);
    }

    #[test]
    fn hyphenation_across_a_line_break_is_one_word() {
        let text = "the inter-\n   national order";
        let t = tokenize(text);
        assert_eq!(t[1].norm, "international");
        assert_eq!(&text[t[1].start..t[1].end], "inter-\n   national");
        // a capitalised continuation is a real compound, kept as two words
        assert_eq!(norms("Secretary-\nGeneral"), ["secretary", "general"]);
        assert_eq!(norms("well-known"), ["well", "known"]);
        // a blank line between is a paragraph break
        assert_eq!(norms("end-\n\nnext"), ["end", "next"]);
    }

    #[test]
    fn offsets_slice_the_original() {
        let text = "  Crème\r\nbrûlée,\tÉTÉ’s “x” ";
        for t in tokenize(text) {
            let surface = &text[t.start..t.end];
            assert_eq!(normalize_word(surface), t.norm);
        }
    }

    #[test]
    fn normalized_words_compare_names() {
        assert_eq!(normalize_words("Mr. Barack  OBAMA"), "mr barack obama");
    }
}
