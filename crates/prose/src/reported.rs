//! Reported speech without quotation marks: "As Jefferson wrote, the tree
//! of liberty must be refreshed from time to time." The words after the
//! comma are given as the named person's, though no mark sets them apart.
//!
//! Only the one construction whose words English reports verbatim is read:
//! a sentence opening with "As" (or a clause with "in the words of"), a name, a verb that
//! introduces someone's words ([`SAYING`]) and a comma; the reported words run
//! to the end of the sentence. Indirect speech ("X said
//! that …") changes persons and tenses and is not verbatim, so it is left
//! alone, and so is a pronoun or "I": the span must name someone.

use std::ops::Range;

use verbatim_lexicon::speech::SAYING;

fn is_saying(w: &str) -> bool {
    SAYING.contains(&w)
}

/// A stretch of running text reported as a named person's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmarked {
    /// The reported words.
    pub words: Range<usize>,
    /// The name.
    pub mention: Range<usize>,
    /// "wrote", "put it", "in the words of".
    pub cue: Range<usize>,
}

/// Words of at least this many make a reported stretch.
const MIN_WORDS: usize = 4;

fn words(s: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric() || ((c == '.' || c == '\'' || c == '\u{2019}' || c == '-') && start.is_some());
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((base + a, base + i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((base + a, base + s.len()));
    }
    out
}

fn cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The end of the sentence that starts at `from`: a full stop, question or
/// exclamation mark before a space and a capital, a line break, or the end.
fn sentence_end(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'\n' => return i,
            b'!' | b'?' => return i + 1,
            b'.' => {
                // "Mr." and an initial do not end a sentence
                let word_start = text[..i]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !c.is_alphanumeric())
                    .map_or(0, |(p, c)| p + c.len_utf8());
                let word = &text[word_start..i];
                let abbrev = word.len() == 1 && word.chars().all(|c| c.is_uppercase())
                    || matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jr" | "Sr");
                let next = text[i + 1..].chars().next();
                if !abbrev && next.is_none_or(|c| c.is_whitespace()) {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Every stretch of `text` reported without marks as a named person's words.
pub fn unmarked(text: &str) -> Vec<Unmarked> {
    let mut out = Vec::new();
    let ws = words(text, 0);
    let w = |k: usize| &text[ws[k].0..ws[k].1];
    let mut k = 0;
    while k + 2 < ws.len() {
        // compared without lowercasing: this runs on every word of every
        // source at ingest, and a lowercased copy of each was an allocation
        let is_in = w(k).eq_ignore_ascii_case("in");
        // "As Jefferson wrote," / "as President Kennedy once put it,"
        // "As X said," opens its sentence: mid-sentence (", as I said, …")
        // the words that follow go on with the writer's own sentence
        let opens_sentence = || {
            text[..ws[k].0]
                .trim_end_matches([' ', '\t'])
                .chars()
                .last()
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '\n'))
        };
        let name_from = if w(k) == "As" && opens_sentence() {
            k + 1
        } else if is_in
            && k + 3 < ws.len()
            && w(k + 1).eq_ignore_ascii_case("the")
            && w(k + 2).eq_ignore_ascii_case("words")
            && w(k + 3) == "of"
        {
            k + 4
        } else {
            k += 1;
            continue;
        };
        let mut e = name_from;
        while e < ws.len()
            && e - name_from < 6
            && cap(w(e))
            && (e == name_from || text[ws[e - 1].1..ws[e].0].trim().is_empty())
        {
            e += 1;
        }
        // a pronoun names no one ("As I said,", "As we wrote,")
        let pronoun = e > name_from
            && matches!(
                w(name_from).to_lowercase().as_str(),
                "i" | "we" | "you" | "he" | "she" | "they" | "it" | "one" | "this" | "that" | "the"
            );
        if e == name_from || e >= ws.len() || pronoun {
            k += 1;
            continue;
        }
        let mention = ws[name_from].0..ws[e - 1].1;
        // the verb, after at most two adverbs or auxiliaries ("once", "has", "so rightly")
        let (cue, after) = if is_in {
            (ws[k].0..ws[k + 3].1, ws[e - 1].1)
        } else {
            let mut v = e;
            while v < ws.len() && v - e < 2 && !is_saying(&w(v).to_lowercase()) && !cap(w(v)) {
                v += 1;
            }
            if v >= ws.len() || !is_saying(&w(v).to_lowercase()) || !text[ws[e - 1].1..ws[e].0].trim().is_empty() {
                k += 1;
                continue;
            }
            // "put it"
            let last = if w(v) == "put" && v + 1 < ws.len() && w(v + 1) == "it" { v + 1 } else { v };
            (ws[v].0..ws[last].1, ws[last].1)
        };
        // then a comma, and the words to the end of the sentence, no marks
        let rest = &text[after..];
        let Some(stripped) = rest.strip_prefix(',') else {
            k += 1;
            continue;
        };
        let lead = stripped.len() - stripped.trim_start().len();
        let start = after + 1 + lead;
        if text[start..].starts_with(|c: char| "\"\u{201c}\u{2018}'\u{ab}".contains(c)) {
            k += 1;
            continue;
        }
        let end = sentence_end(text, start);
        let body = &text[start..end];
        if body.contains(['"', '\u{201c}', '\u{201d}']) || words(body, 0).len() < MIN_WORDS {
            k += 1;
            continue;
        }
        out.push(Unmarked { words: start..end, mention, cue });
        k = ws.iter().position(|x| x.0 >= end).unwrap_or(ws.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(t: &str) -> Vec<(String, String, String)> {
        unmarked(t)
            .into_iter()
            .map(|u| (t[u.words].to_string(), t[u.mention].to_string(), t[u.cue].to_string()))
            .collect()
    }

    #[test]
    fn as_a_named_person_said_and_the_rest_of_the_sentence() {
        let r = read("We must be patient. As Jefferson wrote, the tree of knowledge bears its sweetest fruit for the patient. And so we wait.");
        assert_eq!(
            r,
            vec![(
                "the tree of knowledge bears its sweetest fruit for the patient.".into(),
                "Jefferson".into(),
                "wrote".into()
            )]
        );
        let r = read("As President Kennedy once put it, we choose to go to the moon in this decade.");
        assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("President Kennedy", "put it"));
        let r = read("In the words of Martin Luther King, the arc of the moral universe is long.");
        assert_eq!(r[0].0, "the arc of the moral universe is long.");
    }

    #[test]
    fn no_name_no_verb_marks_or_few_words_no_report() {
        assert!(read("As he said, the tree of knowledge bears fruit.").is_empty());
        assert!(read("As I have said, the tree of knowledge bears its sweetest fruit.").is_empty());
        // mid-sentence, the words go on with the writer's own sentence
        assert!(read("We must prevent, as Russell said, open confrontation and the oppression of the weak.").is_empty());
        assert!(read("As Jefferson arrived, the tree of knowledge bore fruit.").is_empty());
        assert!(read("As Jefferson wrote, \u{201c}the tree of knowledge bears fruit.\u{201d}").is_empty());
        assert!(read("As Jefferson wrote, so be it.").is_empty());
        assert!(read("As Jefferson wrote in 1801 the letters were sent.").is_empty());
    }

    #[test]
    fn ranges_are_slices_of_the_text() {
        for t in [
            "As É wrote, ça va très bien ici maintenant.",
            "As Jefferson wrote, a.",
            "As Dr. Mr. X said, one two three four five",
            "as A said,",
        ] {
            for u in unmarked(t) {
                let _ = (&t[u.words], &t[u.mention], &t[u.cue]);
            }
        }
    }
}
