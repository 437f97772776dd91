//! The words of a quotation's context and the bounds of its sentences.
//!
//! Every rule reads the text as a list of [`Tok`]s: words with their byte
//! offsets, and each punctuation mark on its own. A full stop stays on an
//! abbreviation or an initial ("Mr.", "U.S.", "J.") so that it ends no
//! sentence, and the sentence bounds here skip the same stops.

use std::ops::Range;

use verbatim_lexicon::names::PROSE_ABBREVIATIONS;

/// A word or punctuation mark of the context around a quotation.
#[derive(Debug, Clone)]
pub(super) struct Tok<'a> {
    pub(super) s: &'a str,
    pub(super) at: usize,
}

impl Tok<'_> {
    pub(super) fn end(&self) -> usize {
        self.at + self.s.len()
    }
    pub(super) fn lower(&self) -> String {
        self.s.to_lowercase()
    }
    pub(super) fn is_word(&self) -> bool {
        self.s.chars().next().is_some_and(|c| c.is_alphanumeric())
    }
    pub(super) fn is_cap(&self) -> bool {
        self.s.chars().next().is_some_and(char::is_uppercase)
    }
    pub(super) fn is(&self, p: &str) -> bool {
        self.s == p
    }
}

/// Words with their offsets; "." kept on abbreviations and initials
/// ("Mr.", "U.S.", "J."), apostrophes kept inside words.
pub(super) fn tokens(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let s = &text[from..to];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let after = s[j + d.len_utf8()..].chars().next();
                // "fivethirtyeight.com", "whitehouse.gov": a dot before two to
                // four lowercase letters that end the word
                let domain = d == '.' && {
                    let rest: String = s[j + 1..].chars().take_while(|c| c.is_alphanumeric()).collect();
                    (2..=4).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_lowercase())
                };
                let inner = domain
                    || (matches!(d, '\'' | '\u{2019}' | '-' | '&') && after.is_some_and(|a| a.is_alphanumeric()))
                    || (d == '.'
                        && after.is_some_and(|a| a.is_alphabetic())
                        && s[i..j].chars().all(|x| x.is_uppercase() || x == '.' || x == '-'));
                if d.is_alphanumeric() || inner {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // the full stop of an abbreviation or an initial belongs to it, and
            // so does one that a comma or a closing bracket follows: no sentence
            // ends there ("Sen. Claire McCaskill (D-Mo.) said", "R-Ky., said")
            if let Some(&(j, '.')) = it.peek() {
                let w = &s[i..end];
                let inside = matches!(s[j + 1..].chars().next(), Some(',' | ')'));
                if inside
                    || PROSE_ABBREVIATIONS.contains(&w)
                    || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                    || w.contains('.')
                {
                    end = j + 1;
                    it.next();
                }
            }
            out.push(Tok { s: &s[i..end], at: from + i });
        } else {
            // a run of dashes or dots is one token
            let mut end = i + c.len_utf8();
            if c == '-' || c == '.' {
                while let Some(&(j, d)) = it.peek() {
                    if d == c {
                        end = j + 1;
                        it.next();
                    } else {
                        break;
                    }
                }
            }
            out.push(Tok { s: &s[i..end], at: from + i });
        }
    }
    out
}

/// The nearest sentence boundary before `at`, looking back no further
/// than `floor`.
pub(crate) fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    while i > floor {
        i -= 1;
        match b[i] {
            b'\n' if i > 0 && b[i - 1] == b'\n' => return i + 1,
            b'.' | b'!' | b'?' => {
                // "Mr." and initials are not ends of sentences
                let w = word_before(text, i);
                let abbr = PROSE_ABBREVIATIONS.contains(&w) || w.chars().count() == 1 || w.contains('.');
                // a full stop inside closing marks ends it too ("… nation.” Russia")
                let closing = |j: usize| text.get(j..).is_some_and(|r| r.starts_with('\u{201d}') || r.starts_with('"'));
                let after =
                    if closing(i + 1) { i + 1 + text[i + 1..].chars().next().map_or(1, char::len_utf8) } else { i + 1 };
                // a boundary past `at` ends the sentence `at` is in (`at` is
                // on the closing mark): look further back
                if !abbr && after <= at && b.get(after).is_some_and(|c| c.is_ascii_whitespace()) {
                    return after;
                }
            }
            _ => {}
        }
    }
    // (a floor inside a character moves to its end)
    ceil_char(text, floor)
}

/// The word (letters, digits and inner full stops) that ends at byte `i`.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start =
        head.char_indices().rev().find(|(_, c)| !c.is_alphanumeric() && *c != '.').map_or(0, |(k, c)| k + c.len_utf8());
    &head[start..]
}

/// The first sentence end after `at` (or `ceil`).
pub(crate) fn sentence_end(text: &str, at: usize, ceil: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    while i < ceil {
        match b[i] {
            b'\n' if b.get(i + 1) == Some(&b'\n') => return i,
            b'.' | b'!' | b'?' => {
                let w = word_before(text, i);
                let abbr = PROSE_ABBREVIATIONS.contains(&w)
                    || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                    || w.contains('.');
                let followed_by_space =
                    b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'"' | 0xe2));
                if !abbr && followed_by_space {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    ceil
}

/// Whether quoted words end with the full stop of a sentence (not of
/// "U.S." or "Mr.", not an ellipsis).
pub(crate) fn closes_sentence(inner: &str) -> bool {
    let t = inner.trim_end();
    let Some(head) = t.strip_suffix('.') else { return false };
    if head.ends_with('.') {
        return false;
    }
    let w = word_before(t, head.len());
    !w.is_empty() && !PROSE_ABBREVIATIONS.contains(&w) && !w.contains('.') && w.chars().count() > 1
}

/// The nearest character boundary at or before byte `i`.
pub(crate) fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest character boundary at or after byte `i`, at most the end.
pub(super) fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// From the first of `ts` to the end of the last; `ts` is never empty.
pub(super) fn span(ts: &[Tok<'_>]) -> Range<usize> {
    ts[0].at..ts[ts.len() - 1].end()
}

/// A word without its possessive ending ("Trump's", "Trump’s" → "Trump").
pub(super) fn strip_possessive(w: &str) -> &str {
    w.trim_end_matches("'s").trim_end_matches("\u{2019}s")
}

/// The name the words spell, possessive endings dropped.
pub(super) fn joined_name<'a, 'b: 'a>(ts: impl IntoIterator<Item = &'a Tok<'b>>) -> String {
    ts.into_iter().map(|t| strip_possessive(t.s)).collect::<Vec<_>>().join(" ")
}

/// Where the run of capitalised words that ends at `end` starts, at most
/// five words back ("with Trump reportedly yelling", "Trump in his speech").
pub(super) fn cap_run_start(l: &[Tok<'_>], end: usize) -> usize {
    let mut a = end;
    while a > 0 && l[a - 1].is_word() && l[a - 1].is_cap() && end - a < 5 {
        a -= 1;
    }
    a
}

/// A dash that sets words apart inside a sentence (not a hyphen).
pub(super) fn is_dash(t: &Tok<'_>) -> bool {
    matches!(t.s, "--" | "\u{2014}" | "\u{2013}")
}

/// The tokens of `ts` that start before byte `at`.
pub(super) fn before_byte<'a, 't>(ts: &'a [Tok<'t>], at: usize) -> &'a [Tok<'t>] {
    &ts[..ts.iter().position(|t| t.at >= at).unwrap_or(ts.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokens(s, 0, s.len()).into_iter().map(|t| t.s).collect()
    }

    #[test]
    fn abbreviations_initials_and_domains_keep_their_stops() {
        assert_eq!(
            words("Mr. Lee of the U.S. Navy, J. Ruiz"),
            ["Mr.", "Lee", "of", "the", "U.S.", "Navy", ",", "J.", "Ruiz"]
        );
        assert_eq!(words("see salemferry.org for"), ["see", "salemferry.org", "for"]);
        // a stop before a comma or a bracket ends no sentence
        assert_eq!(words("Lee (D-Ore.) said"), ["Lee", "(", "D-Ore.", ")", "said"]);
        assert_eq!(words("don’t -- stop..."), ["don’t", "--", "stop", "..."]);
    }

    #[test]
    fn sentences_end_at_stops_that_no_abbreviation_holds() {
        let t = "Mr. Lee rowed. “It sank.” Then Ruiz spoke";
        let then = t.find("Then").unwrap();
        assert_eq!(t[sentence_start(t, 0, then)..].trim_start(), "Then Ruiz spoke");
        assert_eq!(sentence_start(t, 0, t.find("rowed").unwrap()), 0);
        assert_eq!(&t[..sentence_end(t, 0, t.len())], "Mr. Lee rowed.");
        assert_eq!(sentence_end(t, then, t.len()), t.len());
    }

    #[test]
    fn quoted_words_close_a_sentence_with_a_full_stop_of_their_own() {
        assert!(closes_sentence("The ferry sank. "));
        assert!(!closes_sentence("built in the U.S."));
        assert!(!closes_sentence("and then..."));
        assert!(!closes_sentence("said Mr."));
        assert!(!closes_sentence("The ferry sank,"));
    }

    #[test]
    fn bytes_move_to_character_boundaries() {
        let t = "a—b";
        assert_eq!((floor_char(t, 2), ceil_char(t, 2)), (1, 4));
        assert_eq!(floor_char(t, 99), t.len());
    }
}
