//! Comparing surfaces: is a quotation character-for-character the source?

use crate::{is_quote_mark, is_word_char};

/// Trims whitespace, quotation marks and punctuation from both ends: those
/// do not count when judging a quotation verbatim ("be." quoting "be:").
pub fn strip_outer_punctuation(s: &str) -> &str {
    s.trim_matches(|c: char| !is_word_char(c) || is_quote_mark(c))
}

/// Whether two strings are the same characters up to whitespace: runs of
/// whitespace (line breaks and indentation included) compare as one space,
/// a hyphen that ends a line before a lower-case letter ("inter-\nnational")
/// compares as nothing, and so does what is no character of the text but
/// of its carrier: quotation marks that do not stand inside a word (in-word
/// apostrophes count), Markdown emphasis (`*`, `_`) and the `>` or `#` that
/// open a pasted line.
pub fn same_surface(a: &str, b: &str) -> bool {
    // a hyphen at a line break is a syllable break ("inter-\nnational") or a
    // compound's own ("Charter-\nenshrined"): either reading will do
    same_with(a, b, false) || same_with(a, b, true)
}

fn same_with(a: &str, b: &str, keep_hyphens: bool) -> bool {
    let mut x = Canon::new(a, keep_hyphens);
    let mut y = Canon::new(b, keep_hyphens);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (p, q) if p == q => continue,
            _ => return false,
        }
    }
}

/// Keys of a string's two canonical surfaces, one for each reading of a
/// hyphen at a line break: two strings are [`same_surface`] exactly when
/// either pair of keys is equal (up to 64-bit hash collisions). For
/// comparing many passages pairwise without holding their text.
pub fn surface_keys(s: &str) -> [u64; 2] {
    let key = |keep_hyphens| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for c in Canon::new(s, keep_hyphens) {
            h ^= c as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    };
    [key(false), key(true)]
}

/// An iterator over a string's characters with whitespace runs collapsed to
/// one space, line-break hyphenation removed and carrier marks skipped.
struct Canon<'a> {
    whole: &'a str,
    rest: &'a str,
    /// Whitespace was seen since the last character given out.
    space: bool,
    /// A character was given out (so a space before the next one counts).
    started: bool,
    /// A line is starting, so a quoting `>` or heading `#` is skipped.
    line_start: bool,
    /// A character held back while the space before it is given out.
    held: Option<char>,
    /// A hyphen that ends a line before a lower-case letter is kept (and
    /// the line break dropped) rather than dropped with the break.
    keep_hyphens: bool,
}

impl<'a> Canon<'a> {
    fn new(s: &'a str, keep_hyphens: bool) -> Self {
        Canon { whole: s, rest: s, space: false, started: false, line_start: true, held: None, keep_hyphens }
    }

    /// The next character of the text that counts, whitespace included.
    fn raw(&mut self) -> Option<char> {
        loop {
            let c = self.rest.chars().next()?;
            let at = self.whole.len() - self.rest.len();
            if c == '-' {
                let after = &self.rest[1..];
                let ws = after.len() - after.trim_start().len();
                if after[..ws].contains('\n') && after[ws..].chars().next().is_some_and(|n| n.is_lowercase()) {
                    self.rest = &after[ws..];
                    if self.keep_hyphens {
                        self.line_start = false;
                        return Some('-');
                    }
                    continue;
                }
            }
            self.rest = &self.rest[c.len_utf8()..];
            if c.is_whitespace() {
                if c == '\n' {
                    self.line_start = true;
                }
                return Some(' ');
            }
            if self.line_start && (c == '>' || c == '#') {
                continue;
            }
            self.line_start = false;
            if c == '*' || c == '_' {
                continue;
            }
            if is_quote_mark(c) {
                let before = self.whole[..at].chars().next_back().is_some_and(is_word_char);
                let after = self.rest.chars().next().is_some_and(is_word_char);
                if !(before && after) {
                    continue;
                }
            }
            return Some(c);
        }
    }
}

impl Iterator for Canon<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.held.take() {
            return Some(c);
        }
        loop {
            let c = self.raw()?;
            if c == ' ' {
                self.space = true;
                continue;
            }
            if self.space && self.started {
                self.space = false;
                self.held = Some(c);
                return Some(' ');
            }
            self.space = false;
            self.started = true;
            return Some(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_wraps_do_not_count() {
        assert!(same_surface("a riddle wrapped", "a  riddle\n    wrapped"));
        assert!(same_surface("international order", "inter-\nnational order"));
        assert!(same_surface("Charter-enshrined role", "Charter-\n  enshrined role"));
        assert!(!same_surface("Russia's", "Russia’s"));
        assert!(!same_surface("We cannot", "we cannot"));
    }

    #[test]
    fn surface_keys_agree_with_same_surface() {
        let texts = [
            "a riddle wrapped",
            "a  riddle\n    wrapped",
            "international order",
            "inter-\nnational order",
            "Charter-enshrined role",
            "Charter-\n  enshrined role",
            "Russia's",
            "Russia’s",
            "We cannot",
            "we cannot",
            "“We cannot”",
        ];
        for a in texts {
            for b in texts {
                let (x, y) = (surface_keys(a), surface_keys(b));
                assert_eq!(same_surface(a, b), x[0] == y[0] || x[1] == y[1], "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn carrier_marks_do_not_count() {
        // pasted Markdown: a quoting `>`, bold, a heading
        assert!(same_surface(
            "> **there needs to be no bloodshed** or\n> violence",
            "there needs to be no bloodshed or violence"
        ));
        assert!(same_surface("# a riddle", "a riddle"));
        // quotation marks of any style around or inside, but not in a word
        assert!(same_surface("« a ‘riddle’ wrapped »", "a \"riddle\" wrapped"));
        assert!(!same_surface("Russia's", "Russia’s"));
        // a `>` or `#` inside a line is a character of the text
        assert!(!same_surface("a > b", "a b"));
    }

    #[test]
    fn outer_punctuation_is_trimmed() {
        assert_eq!(strip_outer_punctuation("“To be.” "), "To be");
        assert_eq!(strip_outer_punctuation("...we saw"), "we saw");
    }
}
