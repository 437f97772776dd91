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

    let mut open: Option<(usize, char)> = None;
    let mut straight = 0usize;
    let mut last_straight = 0usize;
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1).or_else(|| text[start..].chars().next());
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
    // the quotation must close after the span, within its paragraph
    let para_end = text[end..].find("\n\n").map(|p| end + p).unwrap_or(text.len());
    let after = &text[end..verbatim_text::floor_boundary(text, para_end.min(end + 2000))];
    let closes = after.chars().any(|c| match mark {
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

const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "wrote", "writes", "write", "put", "declared", "declares", "remarked", "observed",
    "noted", "asked", "told", "added", "proclaimed", "warned", "reminded", "insisted", "argued", "stated",
    "spoke", "cried", "answered", "replied", "believed", "called", "words", "according", "counseled",
    "counselled", "advised", "exclaimed", "urged", "explained", "quoted", "recalled", "taught", "preached",
];

/// The person the frame names as the author: the capitalized word run
/// nearest the end of the frame that stands within a few words of a verb of
/// saying or writing ("As Churchill had said", "young Anne wrote these
/// words:", "in the words of Martin Luther King"). No verb, no name: a
/// guess would be worse than nothing.
pub fn named_in_frame(frame: &str) -> Option<String> {
    // words with their byte ranges
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in frame.char_indices() {
        let w = is_word_char(c) || ((c == '.' || c == '-' || is_apostrophe(c)) && start.is_some());
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, frame.len()));
    }
    let text_of = |k: usize| frame[words[k].0..words[k].1].trim_end_matches(['.', '-']);
    let is_verb = |k: usize| SPEECH_VERBS.contains(&text_of(k).to_lowercase().as_str());
    let capital = |k: usize| {
        let w = text_of(k);
        w.chars().next().is_some_and(|c| c.is_uppercase()) && !NOT_NAMES.contains(&w)
    };
    let joins = |a: usize, b: usize| {
        let gap = frame[words[a].1..words[b].0].trim();
        gap.is_empty() || gap == ","
    };
    // runs of capitalized words (with particles inside), last first
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if !capital(k) {
            k += 1;
            continue;
        }
        let s = k;
        let mut e = k + 1;
        while e < words.len()
            && joins(e - 1, e)
            && (capital(e) || matches!(text_of(e), "de" | "van" | "von" | "da" | "del" | "al" | "bin" | "Jr" | "Sr"))
        {
            e += 1;
        }
        runs.push((s, e));
        k = e;
    }
    // the run nearest a verb of saying wins: a subject before its verb
    // ("Churchill had said") over a name after one ("the words of King")
    let mut best: Option<(usize, usize, usize)> = None;
    for &(s, e) in &runs {
        let after = (e..(e + 3).min(words.len())).position(is_verb);
        let before = (s.saturating_sub(3)..s).rev().position(is_verb);
        let d = match (after, before) {
            (Some(a), _) => a,
            (None, Some(b)) => 10 + b,
            _ => continue,
        };
        if best.is_none_or(|(bd, _, _)| d <= bd) {
            best = Some((d, s, e));
        }
    }
    if let Some((_, s, e)) = best {
        let name = frame[words[s].0..words[e - 1].1].trim_end_matches(['.', ',']);
        return Some(name.to_string());
    }
    None
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
        assert_eq!(inner.named.as_deref(), Some("Churchill"));
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
    fn a_name_needs_a_verb_of_saying() {
        assert_eq!(named_in_frame("Just 3 weeks before her capture, young Anne wrote these words: ").as_deref(), Some("Anne"));
        assert_eq!(named_in_frame("We went to Paris and saw "), None);
    }

    #[test]
    fn plain_text_is_not_nested() {
        let text = "We cannot stay idle and passively observe these developments. Russia's interests matter.";
        assert!(enclosing_quote(text, 0, 20).is_none());
    }
}

#[cfg(test)]
mod seed_tests {
    use super::*;

    #[test]
    fn churchill_on_the_seed_page() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seed/000_31f708e4eb431aab.txt");
        let Ok(text) = std::fs::read_to_string(path) else { return };
        let s = text.find("a riddle wrapped").unwrap();
        let e = text.find("inside an enigma").unwrap() + "inside an enigma".len();
        let inner = enclosing_quote(&text, s, e).expect("nested");
        assert_eq!(inner.named.as_deref(), Some("Churchill"));
    }
}
