//! Quoted spans: quotation marks paired up, apostrophes left alone.
//!
//! Every style: “…” ‘…’ "…" '…' «…» „…“ ‚…‘, nested pairs (only the
//! outermost is reported), and the convention for quotations that run over
//! several paragraphs: each paragraph opens with a mark and only the last
//! one closes. An apostrophe (don't, the U.S.'s, students') is never a mark:
//! a single mark only opens where a word cannot continue, and only closes
//! where no letter follows.

use std::ops::Range;

/// One quoted span of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// The words inside the marks, trimmed of spaces.
    pub inner: Range<usize>,
    /// From the opening mark to just after the closing mark.
    pub outer: Range<usize>,
    /// Other paragraphs it runs over (the quotation goes on past a
    /// paragraph break with a new opening mark).
    pub paragraphs: usize,
    /// A block quotation (Markdown `>` lines), not marks.
    pub block: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// “ … ”
    Curly,
    /// " … "
    Straight,
    /// ‘ … ’ or ' … '
    Single,
    /// « … »
    Guillemet,
    /// „ … “ (German, Polish)
    Low,
}

struct Open {
    kind: Kind,
    at: usize,
    len: usize,
}

fn is_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Where a word cannot go on: an opening mark may stand here.
fn opens_here(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = prev.is_none_or(|p| {
        p.is_whitespace()
            || matches!(p, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':' | '\u{201c}' | '"' | '\u{ab}')
    });
    let after_ok = next.is_some_and(|n| !n.is_whitespace());
    before_ok && after_ok
}

/// A straight mark typed with a space on both sides after a colon or a
/// comma (`he said: " So many …`, a transcriber's habit): it opens, since
/// nothing is open for it to close.
fn opens_spaced(chars: &[(usize, char)], i: usize) -> bool {
    let before = chars[..i].iter().rev().find(|x| !x.1.is_whitespace()).map(|x| x.1);
    let spaced = i > 0 && chars[i - 1].1 == ' ' && chars.get(i + 1).is_some_and(|x| x.1 == ' ');
    let word_after = chars.get(i + 2).is_some_and(|x| x.1.is_alphabetic());
    spaced && word_after && matches!(before, Some(':' | ','))
}

/// Finds the quoted spans of `text`, in order, outermost only.
pub fn quoted_spans(text: &str) -> Vec<Quoted> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // the first opening mark of a quotation that runs over paragraphs
    let mut carried: Option<(Kind, usize, usize)> = None;
    let mut paragraphs = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = chars.get(i + 1).map(|x| x.1);
        // a paragraph break: a blank line
        if c == '\n' && matches!(next, Some('\n') | Some('\r')) {
            let mut j = i;
            while j < chars.len() && chars[j].1.is_whitespace() {
                j += 1;
            }
            let first = chars.get(j).map(|x| x.1);
            let bottom = stack.first().map(|o| (o.kind, o.at, o.len));
            stack.clear();
            carried = None;
            if let Some((kind, at, len)) = bottom {
                let reopens = match kind {
                    Kind::Curly => first == Some('\u{201c}'),
                    Kind::Straight => first == Some('"'),
                    Kind::Guillemet => first == Some('\u{ab}') || first == Some('\u{bb}'),
                    Kind::Low => first == Some('\u{201e}'),
                    Kind::Single => false,
                };
                if reopens {
                    // the quotation goes on: its new opening mark is not a new quotation
                    carried = Some((kind, at, len));
                    paragraphs += 1;
                    stack.push(Open { kind, at, len });
                    i = j + 1;
                    continue;
                }
            }
            paragraphs = 0;
            i = j;
            continue;
        }
        let close = |stack: &mut Vec<Open>,
                     k: usize,
                     out: &mut Vec<Quoted>,
                     end: usize,
                     carried: &mut Option<(Kind, usize, usize)>,
                     paragraphs: &mut usize| {
            let o = stack.remove(k);
            stack.truncate(k);
            if k == 0 {
                let (at, len) = match carried.take() {
                    Some((_, at, len)) => (at, len),
                    None => (o.at, o.len),
                };
                let inner = trim(text, at + len, pos);
                if inner.start < inner.end {
                    out.push(Quoted { inner, outer: at..end, paragraphs: *paragraphs, block: false });
                }
                *paragraphs = 0;
            }
        };
        let end = pos + c.len_utf8();
        let find = |stack: &Vec<Open>, kinds: &[Kind]| stack.iter().rposition(|o| kinds.contains(&o.kind));
        match c {
            '\u{201c}' => {
                // closes a „ (German style), otherwise opens
                if let Some(k) = find(&stack, &[Kind::Low])
                    .filter(|_| !opens_here(prev, next) || stack.last().is_some_and(|o| o.kind == Kind::Low))
                {
                    close(&mut stack, k, &mut out, end, &mut carried, &mut paragraphs);
                } else {
                    stack.push(Open { kind: Kind::Curly, at: pos, len: c.len_utf8() });
                }
            }
            '\u{201d}' => {
                if let Some(k) = find(&stack, &[Kind::Curly, Kind::Straight]) {
                    close(&mut stack, k, &mut out, end, &mut carried, &mut paragraphs);
                }
            }
            '\u{201e}' => stack.push(Open { kind: Kind::Low, at: pos, len: c.len_utf8() }),
            '\u{ab}' => stack.push(Open { kind: Kind::Guillemet, at: pos, len: c.len_utf8() }),
            '\u{bb}' => {
                if let Some(k) = find(&stack, &[Kind::Guillemet]) {
                    close(&mut stack, k, &mut out, end, &mut carried, &mut paragraphs);
                }
            }
            '"' => {
                let open_straight = find(&stack, &[Kind::Straight, Kind::Curly]);
                let closing_context = !is_letter(next) || prev.is_some_and(|p| !p.is_whitespace());
                match open_straight {
                    Some(k) if closing_context && !(opens_here(prev, next) && stack[k].kind == Kind::Curly) => {
                        close(&mut stack, k, &mut out, end, &mut carried, &mut paragraphs)
                    }
                    _ if opens_here(prev, next) || opens_spaced(&chars, i) => {
                        stack.push(Open { kind: Kind::Straight, at: pos, len: 1 })
                    }
                    _ => {}
                }
            }
            '\u{2018}' | '\u{201a}' if opens_here(prev, next) && !starts_elided_year(&chars, i) => {
                stack.push(Open { kind: Kind::Single, at: pos, len: c.len_utf8() });
            }
            '\u{2019}' | '\'' => {
                // between letters: an apostrophe (don't); after a word with no
                // letter after it: closes an open single quotation, if one is open
                let single_open = stack.last().is_some_and(|o| o.kind == Kind::Single);
                if single_open && !is_letter(next) && prev.is_some_and(|p| !p.is_whitespace()) {
                    let k = stack.len() - 1;
                    close(&mut stack, k, &mut out, end, &mut carried, &mut paragraphs);
                } else if c == '\''
                    && !stack.is_empty()
                    && opens_here(prev, next)
                    && is_letter(next)
                    && !starts_elided_year(&chars, i)
                {
                    // a straight single mark opens only inside another quotation
                    stack.push(Open { kind: Kind::Single, at: pos, len: 1 });
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.extend(block_quotes(text));
    out.sort_by_key(|q| q.outer.start);
    // a block quote's own marks are not separate quotations
    let mut kept: Vec<Quoted> = Vec::new();
    for q in out {
        if kept.last().is_some_and(|k| k.outer.end > q.outer.start) {
            continue;
        }
        kept.push(q);
    }
    kept
}

/// "‘90s": an apostrophe for a dropped century, not a mark.
fn starts_elided_year(chars: &[(usize, char)], i: usize) -> bool {
    let d = |k: usize| chars.get(i + k).is_some_and(|x| x.1.is_ascii_digit());
    d(1) && d(2) && !chars.get(i + 3).is_some_and(|x| x.1.is_ascii_digit())
}

/// `text[from..to]` without the spaces at either end.
fn trim(text: &str, from: usize, to: usize) -> Range<usize> {
    let s = &text[from..to];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim_end();
    from + lead..from + t.len()
}

/// Markdown block quotations: consecutive lines that begin with `>`.
fn block_quotes(text: &str) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut cur: Option<(usize, usize)> = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix('>') {
            let body_start = pos + (line.len() - t.len()) + 1 + (rest.len() - rest.trim_start().len());
            let body_end = pos + line.trim_end().len();
            cur = Some(match cur {
                Some((s, _)) => (s, body_end.max(body_start)),
                None => (body_start, body_end.max(body_start)),
            });
        } else if let Some((s, e)) = cur.take() {
            if s < e {
                out.push(Quoted { inner: s..e, outer: s..e, paragraphs: 0, block: true });
            }
        }
        pos += line.len();
    }
    if let Some((s, e)) = cur {
        if s < e {
            out.push(Quoted { inner: s..e, outer: s..e, paragraphs: 0, block: true });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_typed_with_spaces_after_a_colon_opens() {
        let t = "what President Wilson once said: \" So many people know things that are not so.\" That is why";
        let q = quoted_spans(t);
        assert_eq!(q.len(), 1);
        assert_eq!(&t[q[0].inner.clone()], "So many people know things that are not so.");
        // a lone mark between spaces elsewhere opens nothing
        assert!(quoted_spans("five \" six seven").is_empty());
    }

    fn inner(text: &str) -> Vec<&str> {
        quoted_spans(text).into_iter().map(|q| &text[q.inner]).collect()
    }

    #[test]
    fn every_style() {
        assert_eq!(inner("He said “hello there” and left."), vec!["hello there"]);
        assert_eq!(inner("He said \"hello there\" and left."), vec!["hello there"]);
        assert_eq!(inner("Er sagte „Guten Tag“ und ging."), vec!["Guten Tag"]);
        assert_eq!(inner("Il a dit « bonjour » puis est parti."), vec!["bonjour"]);
        assert_eq!(inner("She called it ‘a farce’ yesterday."), vec!["a farce"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            inner("I don’t know; the U.S.’s view and the students’ view, “yes it’s fine,” he said."),
            vec!["yes it’s fine,"]
        );
        assert_eq!(inner("In the ’90s, rock ’n’ roll. He said 'maybe' once."), Vec::<&str>::new());
        assert_eq!(inner("“He said ‘no’ twice,” she wrote."), vec!["He said ‘no’ twice,"]);
    }

    #[test]
    fn quotation_over_several_paragraphs() {
        let t = "He wrote: “First paragraph goes on.\n\n“Second paragraph ends here.”\n\nNot quoted.";
        let q = quoted_spans(t);
        assert_eq!(q.len(), 1);
        assert_eq!(&t[q[0].inner.clone()], "First paragraph goes on.\n\n“Second paragraph ends here.");
        assert_eq!(q[0].paragraphs, 1);
        // an unclosed mark does not swallow the next paragraph
        assert_eq!(inner("He said “never closed.\n\nNew paragraph “closed” here."), vec!["closed"]);
    }

    #[test]
    fn block_quotes() {
        let t = "Intro:\n\n> The first line\n> the second line.\n\nAfter.";
        assert_eq!(inner(t), vec!["The first line\n> the second line."]);
    }
}
