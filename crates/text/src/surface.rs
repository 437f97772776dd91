//! Comparing surfaces: is a quotation character-for-character the source?

use crate::{is_quote_mark, is_word_char};

/// Trims whitespace, quotation marks and punctuation from both ends: those
/// do not count when judging a quotation verbatim ("be." quoting "be:").
pub fn strip_outer_punctuation(s: &str) -> &str {
    s.trim_matches(|c: char| !is_word_char(c) || is_quote_mark(c))
}

/// Whether two strings are the same characters up to whitespace: runs of
/// whitespace (line breaks and indentation included) compare as one space,
/// and a hyphen that ends a line before a lower-case letter ("inter-\nnational")
/// compares as nothing.
pub fn same_surface(a: &str, b: &str) -> bool {
    let mut x = Canon::new(a);
    let mut y = Canon::new(b);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (p, q) if p == q => continue,
            _ => return false,
        }
    }
}

/// An iterator over a string's characters with whitespace runs collapsed to
/// one space and line-break hyphenation removed.
struct Canon<'a> {
    rest: &'a str,
}

impl<'a> Canon<'a> {
    fn new(s: &'a str) -> Self {
        Canon { rest: s.trim() }
    }
}

impl Iterator for Canon<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        let c = self.rest.chars().next()?;
        if c == '-' {
            let after = &self.rest[1..];
            let ws = after.len() - after.trim_start().len();
            let gap = &after[..ws];
            if gap.contains('\n') && after[ws..].chars().next().is_some_and(|n| n.is_lowercase()) {
                self.rest = &after[ws..];
                return self.next();
            }
        }
        if c.is_whitespace() {
            self.rest = self.rest.trim_start();
            return Some(' ');
        }
        self.rest = &self.rest[c.len_utf8()..];
        Some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_wraps_do_not_count() {
        assert!(same_surface("a riddle wrapped", "a  riddle\n    wrapped"));
        assert!(same_surface("international order", "inter-\nnational order"));
        assert!(!same_surface("Russia's", "Russia’s"));
        assert!(!same_surface("We cannot", "we cannot"));
    }

    #[test]
    fn outer_punctuation_is_trimmed() {
        assert_eq!(strip_outer_punctuation("“To be.” "), "To be");
        assert_eq!(strip_outer_punctuation("...we saw"), "we saw");
    }
}
