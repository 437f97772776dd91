//! Wikiquote's "Misattributed" notes, which are sentences rather than
//! credit lines: "Generally attributed to Nietzsche, this is a quotation
//! from Curtis Cate's Friedrich Nietzsche: A Biography (2003) ...". What
//! they give is who truly wrote the words, in which work, and who they are
//! wrongly credited to.

use verbatim_lexicon::records::TRUE_AUTHOR_CUES;

use super::dates::find_date_first;
use super::locators::is_locator;
use super::names::name_at;
use super::parts::{clean, paren_groups};
use crate::{Credit, Field, Origin};

/// Whether a credit line is a misattribution note that names the true
/// source: it says "attributed to" and where the words are from ("...
/// attributed to Ada Brandt, but is from Oskar Lind's Tide Tables").
pub(super) fn is_misattribution_note(body: &str) -> bool {
    let low = body.to_ascii_lowercase();
    low.contains("attributed to")
        && ["quotation from", "quote from", "is from", "original"].iter().any(|p| low.contains(p))
}

/// A "Misattributed" line: "Generally attributed to Nietzsche, this is a
/// quotation from Curtis Cate's Friedrich Nietzsche: A Biography (2003) ...".
pub(super) fn parse_misattribution(body: &str, origin: Origin) -> Credit {
    let field = |v: String| Field { value: v, origin };
    let mut c = Credit { speaker: true_author(body, None).map(field), ..Credit::default() };
    let low = body.to_ascii_lowercase();
    let from =
        ["quotation from ", "quote from ", "is from "].iter().filter_map(|p| low.find(p).map(|k| k + p.len())).min();
    if let Some(f) = from {
        let mut rest = &body[f..];
        // skip "Curtis Cate's"
        if let Some(k) = rest.find("'s ").or_else(|| rest.find("\u{2019}s ")).filter(|&k| k < 40) {
            rest = &rest[k + rest[k..].find(' ').unwrap_or(0) + 1..];
        }
        let end =
            [rest.find(" ("), rest.find(" by "), rest.find(" and ")].into_iter().flatten().min().unwrap_or(rest.len());
        let w = clean(&rest[..end]);
        if !w.is_empty() {
            c.work = Some(field(w));
        }
        let after = &rest[end..];
        if let Some((d, _)) = find_date_first(after) {
            c.date = Some(field(d));
        }
        if let Some(g) = paren_groups(after).first() {
            let inner = &after[g.start + 1..g.end - 1];
            if let Some(l) = inner.split(", ").map(clean).find(|p| is_locator(p)) {
                c.locator = Some(field(l));
            }
        }
    }
    c
}

/// On a "Misattributed" line: the true author, when the line names one
/// ("this is a quotation from Curtis Cate's ...", "... by B. R. Hergenhahn"),
/// never `not_by` (the person the words are wrongly credited to).
pub(crate) fn true_author(line: &str, not_by: Option<&str>) -> Option<String> {
    let low = line.to_ascii_lowercase();
    let mut candidates = Vec::new();
    for pat in TRUE_AUTHOR_CUES {
        let mut from = 0;
        while let Some(k) = low[from..].find(pat).map(|k| k + from) {
            from = k + pat.len();
            if low[..k].ends_with("attributed") || low[..k].trim_end().ends_with("translated") {
                continue;
            }
            if let Some(n) = name_at(&line[k + pat.len()..]) {
                candidates.push((k, n));
            }
        }
    }
    candidates.sort_by_key(|c| c.0);
    candidates.into_iter().map(|c| c.1).find(|n| {
        let words = n.split_whitespace().count();
        let article = matches!(n.split_whitespace().next(), Some("A" | "An" | "The"));
        words >= 2
            && !article
            && not_by.is_none_or(|nb| {
                !nb.to_ascii_lowercase().contains(&n.to_ascii_lowercase())
                    && !n.to_ascii_lowercase().contains(&nb.to_ascii_lowercase())
            })
    })
}

/// On a "Misattributed" line of a theme page: who the words are wrongly
/// credited to ("Often attributed to Mark Twain, ...").
pub(crate) fn attributed_to(line: &str) -> Option<String> {
    let low = line.to_ascii_lowercase();
    let k = low.find("attributed to ")?;
    name_at(&line[k + "attributed to ".len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTE: &str = "Often attributed to Ada Brandt, this is a quotation from Oskar Lind's Tide Tables \
                        (Harbour Press, 1901, ch. 4) and was never hers.";

    #[test]
    fn a_note_that_names_the_true_source_is_read_as_one() {
        assert!(is_misattribution_note(NOTE));
        assert!(!is_misattribution_note("Attributed to Ada Brandt in Harbour Notes"));
        let c = parse_misattribution(NOTE, Origin::Stated);
        let f = |x: &Option<Field>| x.as_ref().map(|x| x.value.clone());
        assert_eq!(f(&c.speaker).as_deref(), Some("Oskar Lind"));
        assert_eq!(f(&c.work).as_deref(), Some("Tide Tables"));
        assert_eq!(f(&c.date).as_deref(), Some("1901"));
        assert_eq!(f(&c.locator).as_deref(), Some("ch. 4"));
    }

    #[test]
    fn the_true_author_is_never_the_one_wrongly_credited() {
        assert_eq!(true_author(NOTE, Some("Ada Brandt")).as_deref(), Some("Oskar Lind"));
        assert_eq!(true_author("Wrongly credited; written by Ada Brandt", Some("Brandt")), None);
        assert_eq!(attributed_to(NOTE).as_deref(), Some("Ada Brandt"));
    }
}
