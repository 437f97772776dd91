//! The pieces of a credit line every step works with: its top-level parts
//! (split at commas and semicolons), its bracket groups, whole words, and
//! the cleaning every field value gets before it is kept.
//!
//! Steps blank what they have read (replace it with spaces) instead of
//! cutting it out, so that every byte range found earlier still points at
//! the same text.

use std::ops::Range;

use verbatim_lexicon::names::KEPT_ABBREVIATIONS;

/// A part as a field value: trimmed of spaces and of the punctuation that
/// joined it to its neighbours, a final full stop dropped unless it ends an
/// abbreviation or an initial ("Jr.", "J."), quotation marks around the
/// whole removed, runs of spaces made one, and brackets a blanked date left
/// empty removed: ` "The Bard", ` → `The Bard`.
pub(super) fn clean(s: &str) -> String {
    let s = s.replace('\u{a0}', " ");
    let s = s.trim().trim_matches(|c: char| c == ',' || c == ';' || c == ':' || c.is_whitespace());
    // a final full stop goes, unless it ends an abbreviation or an initial
    let last = s.rsplit(' ').next().unwrap_or("");
    let keep_dot = KEPT_ABBREVIATIONS.contains(&last)
        || (last.len() == 2 && last.ends_with('.') && last.starts_with(|c: char| c.is_uppercase()));
    let s = if keep_dot { s } else { s.trim_end_matches('.').trim() };
    let s = strip_quotes(s);
    let s = s.trim_end_matches([',', ';']).trim();
    drop_empty_brackets(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// "Black Bush ( )" → "Black Bush": brackets a blanked date left empty.
fn drop_empty_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('(') {
        let after = &rest[k + 1..];
        let inner_len = after.find(')');
        match inner_len {
            Some(n) if after[..n].chars().all(|c| c.is_whitespace() || c == ',' || c == ';') => {
                out.push_str(rest[..k].trim_end());
                rest = &after[n + 1..];
            }
            _ => {
                out.push_str(&rest[..k + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.trim().to_string()
}

/// `"Richard III"` → `Richard III`: quotation marks around the whole text
/// (a comma or full stop inside the closing mark goes with them); a text
/// that only starts or ends with a mark is kept as it is.
fn strip_quotes(s: &str) -> &str {
    let q = |c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}');
    let t = s.trim();
    let inner = t.trim_start_matches(q).trim_end_matches([',', '.']).trim_end_matches(q);
    if t.len() - inner.len() >= 2 && t.starts_with(q) {
        inner.trim()
    } else {
        t
    }
}

/// Splits at top-level ", " and "; " (outside brackets, quotes and italics).
pub(super) fn segments(s: &str, italics: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut depth, mut from) = (0i32, 0usize);
    let mut in_quote = false;
    let b = s.as_bytes();
    for (i, ch) in s.char_indices() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            '\u{201c}' => in_quote = true,
            '\u{201d}' | '"' if in_quote => {
                in_quote = false;
                // "Title," Outlet: the comma inside the quotes ends the part
                if s[..i].ends_with(',') && depth == 0 {
                    out.push(from..i + ch.len_utf8());
                    from = i + ch.len_utf8();
                }
            }
            '"' => in_quote = true,
            ',' | ';'
                if depth == 0
                    && !in_quote
                    && !italics.iter().any(|r| r.contains(&i))
                    && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace() || *c == 0xc2) =>
            {
                out.push(from..i);
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(from..s.len());
    out.retain(|g| !clean(&s[g.clone()]).is_empty());
    out
}

/// Replaces `r` in `s` with spaces, keeping every other offset.
pub(super) fn blank(s: &mut String, r: Range<usize>) {
    let spaces = " ".repeat(r.len());
    s.replace_range(r, &spaces);
}

/// Top-level bracket groups "(...)" of `s`.
pub(super) fn paren_groups(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0;
    for (i, ch) in s.char_indices() {
        match ch {
            '(' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(o) = open.take() {
                        out.push(o..i + 1);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Where the phrase `w` starts in `s` as whole words.
pub(super) fn find_word(s: &str, w: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = s[from..].find(w).map(|k| k + from) {
        let before = s[..k].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = s[k + w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(k);
        }
        from = k + w.len();
    }
    None
}

/// The first word of a part, lowercased, past an opening bracket: what the
/// word lists are looked up by ("(Vol. 2" → "vol").
pub(super) fn first_word_lower(t: &str) -> String {
    t.trim_start_matches(['(', '['])
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '§')
        .collect::<String>()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_keeps_abbreviations_and_initials_and_drops_the_rest() {
        assert_eq!(clean(" \"The Lamp Keeper\", "), "The Lamp Keeper");
        assert_eq!(clean("Oskar Brandt Jr."), "Oskar Brandt Jr.");
        assert_eq!(clean("Notes by Ada B."), "Notes by Ada B.");
        assert_eq!(clean("Harbour Songs ( , )."), "Harbour Songs");
    }

    #[test]
    fn parts_split_at_top_level_commas_only() {
        let s = "Ada Brandt, Tides (Boston, 1901), \u{201c}Salt, Wind\u{201d}; p. 4";
        let parts: Vec<&str> = segments(s, &[]).into_iter().map(|r| &s[r]).collect();
        assert_eq!(parts, ["Ada Brandt", " Tides (Boston, 1901)", " \u{201c}Salt, Wind\u{201d}", " p. 4"]);
        assert_eq!(find_word("within in", "in"), Some(7));
        assert_eq!(first_word_lower("(Vol. 2"), "vol");
    }
}
