//! Is a matched span itself a quotation inside its source?
//!
//! "As Churchill had said in 1939, Russia might always be 'a riddle wrapped
//! in a mystery inside an enigma'": the words are Churchill's, the source
//! (Jenkins's book) is only the witness. We look for quotation marks around
//! the span within its paragraph, and for the name the frame gives.

use verbatim_text::{is_apostrophe, is_word_char};

/// A quotation inside a source, around a matched span.
#[derive(Debug, Clone)]
pub struct Inner {
    /// Byte offset of the opening quotation mark.
    pub open: usize,
    /// The text before the opening mark, in the same paragraph (bounded).
    pub frame: String,
    /// The person the frame names as the author, when one can be told.
    pub named: Option<String>,
}

const WINDOW: usize = 700;

fn is_open_double(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{ab}' | '\u{201e}')
}
fn is_close_double(c: char) -> bool {
    matches!(c, '\u{201d}' | '\u{bb}')
}

/// Looks for quotation marks enclosing `start..end` of `text` (a region of
/// the source; offsets relative to it).
pub fn enclosing_quote(text: &str, start: usize, end: usize) -> Option<Inner> {
    let lo = verbatim_text::floor_boundary(text, start.saturating_sub(WINDOW));
    let before = &text[lo..start];
    // stop at a paragraph break
    let para_start = before.rfind("\n\n").or_else(|| before.rfind("\r\n\r\n")).map(|p| lo + p + 2).unwrap_or(lo);
    let before = &text[para_start..start];
    let hi = verbatim_text::ceil_boundary(text, (end + 40).min(text.len()));
    let after = &text[end..hi];

    let mut open: Option<(usize, char)> = None;
    let mut straight = 0usize;
    let mut last_straight = 0usize;
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1);
        if is_open_double(c) {
            open = Some((i, c));
        } else if is_close_double(c) {
            open = None;
        } else if c == '"' {
            straight += 1;
            last_straight = i;
        } else if is_apostrophe(c) {
            let in_word = prev.is_some_and(is_word_char) && next.is_some_and(is_word_char);
            let opening = prev.is_none_or(|p| p.is_whitespace() || p == '(' || p == '\u{2014}')
                && next.is_some_and(|n| !n.is_whitespace());
            if opening && !in_word {
                open = Some((i, c));
            } else if !in_word && prev.is_some_and(|p| !p.is_whitespace()) {
                // a closing single quote (or a plural possessive: leave any open double)
                if let Some((_, oc)) = open {
                    if is_apostrophe(oc) {
                        open = None;
                    }
                }
            }
        }
    }
    if straight % 2 == 1 && open.is_none_or(|(i, _)| last_straight > i) {
        open = Some((last_straight, '"'));
    }
    let (open_at, mark) = open?;
    // the quotation must close after the span, before the next one opens
    let closes = after.chars().take(40).any(|c| match mark {
        '"' => c == '"',
        c0 if is_apostrophe(c0) => is_apostrophe(c),
        _ => is_close_double(c),
    });
    if !closes {
        return None;
    }
    let frame_start = verbatim_text::floor_boundary(before, open_at.saturating_sub(300));
    let frame = before[frame_start..open_at].to_string();
    let named = named_in_frame(&frame);
    Some(Inner { open: para_start + open_at, frame, named })
}

const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "As", "And", "But", "In", "On", "At", "Of", "For", "If", "It", "He", "She", "They", "We", "I",
    "You", "This", "That", "These", "Those", "When", "Then", "So", "Or", "To", "Our", "My", "His", "Her", "Their",
    "Its", "There", "Here", "What", "Who", "Now", "Today", "Yet", "Let", "May", "All", "One", "Mr", "Mrs", "Dr",
    "President", "Ladies", "Gentlemen", "God", "Americans", "American", "Congress", "Nation", "Federal",
    "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Chapter",
];

/// The capitalized word sequence nearest the end of the frame that reads as
/// a person's name, if any.
pub fn named_in_frame(frame: &str) -> Option<String> {
    let words: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in frame.char_indices() {
            let w = is_word_char(c) || c == '.' || c == '-' || (is_apostrophe(c) && start.is_some());
            match (w, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    v.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            v.push((s, frame.len()));
        }
        v
    };
    // runs of capitalized words, last run first
    let mut best: Option<String> = None;
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, best: &mut Option<String>| {
        while run.first().is_some_and(|w| NOT_NAMES.contains(&w.trim_end_matches('.'))) {
            run.remove(0);
        }
        while run.last().is_some_and(|w| NOT_NAMES.contains(&w.trim_end_matches('.'))) {
            run.pop();
        }
        if !run.is_empty() {
            *best = Some(run.join(" ").trim_end_matches(['.', ',']).to_string());
        }
        run.clear();
    };
    let mut prev_end = 0;
    for &(s, e) in &words {
        let w = &frame[s..e];
        let gap = &frame[prev_end..s];
        let capital = w.chars().next().is_some_and(|c| c.is_uppercase());
        let joins = gap.trim().is_empty() || gap.trim() == ",";
        if capital && (run.is_empty() || joins) {
            run.push(w);
        } else if capital {
            flush(&mut run, &mut best);
            run.push(w);
        } else if matches!(w, "de" | "van" | "von" | "da" | "del" | "al" | "bin") && !run.is_empty() {
            run.push(w);
        } else {
            flush(&mut run, &mut best);
        }
        prev_end = e;
    }
    flush(&mut run, &mut best);
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_quotes_in_a_book() {
        let text = "a nuclear arsenal. As Churchill had said in 1939, Russia might always be ‘a riddle wrapped in a mystery inside an enigma’, but on one matter";
        let s = text.find("a riddle").unwrap();
        let e = text.find("enigma").unwrap() + "enigma".len();
        let inner = enclosing_quote(text, s, e).expect("inside quotes");
        assert!(inner.frame.contains("Churchill"));
    }

    #[test]
    fn double_quotes_with_a_name() {
        let text = "As Edmund Burke said, \"The only thing necessary for the triumph of evil is for good men to do nothing.\" And so";
        let s = text.find("The only").unwrap();
        let e = text.find("nothing").unwrap() + 7;
        let inner = enclosing_quote(text, s, e).expect("inside quotes");
        assert_eq!(inner.named.as_deref(), Some("Edmund Burke"));
    }

    #[test]
    fn plain_text_is_not_nested() {
        let text = "We cannot stay idle and passively observe these developments. Russia's interests matter.";
        assert!(enclosing_quote(text, 0, 20).is_none());
    }
}
