//! Dates in a credit: found in running text, read in the forms credit lines
//! write them ("(2018)", "January 25, 2022", "24 February 2022",
//! "2022-01-25", "March/April, 1997", "June '84", "6/21/85", "4/83"), and
//! given as `YYYY[-MM[-DD]]`.
//!
//! Two searches serve two needs: [`find_date`] prefers a date with a month
//! name anywhere over a bare number, which suits a heading or a collection's
//! date field; [`find_date_first`] takes the earliest date of either kind,
//! which suits a credit line, where the first date is the work's and later
//! ones belong to a reprint or a retrieval.

use std::ops::Range;

use verbatim_lexicon::names::MONTHS;

use super::parts::blank;

/// Finds a date in `s`: "(2018)", "January 25, 2022", "24 February 2022",
/// "2022-01-25", "March/April, 1997", "June '84", "6/21/85", "4/83" or a
/// bare year. Returns `YYYY[-MM[-DD]]` and the byte range it took: the
/// first date with a month name, else the last numeric one.
pub fn find_date(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    let words = date_words(s);
    (0..words.len())
        .find_map(|i| month_date(&words, i))
        .or_else(|| words.iter().rev().find_map(|&(p, w)| numeric_date(p, w)))
}

/// The earliest date in `s`, of either kind, in one pass over its words.
pub(super) fn find_date_first(s: &str) -> Option<(String, Range<usize>)> {
    let words = date_words(s);
    let mut best: Option<(String, Range<usize>)> = None;
    for i in 0..words.len() {
        // a date with a month name may start a word early ("24 February
        // 2022" found at "February"), so the earliest start wins
        for d in [month_date(&words, i), numeric_date(words[i].0, words[i].1)].into_iter().flatten() {
            if best.as_ref().is_none_or(|b| d.1.start < b.1.start) {
                best = Some(d);
            }
        }
        if best.as_ref().is_some_and(|b| b.1.start < words[i].0) {
            break;
        }
    }
    best
}

/// How many dates of the original part are blanked at most: enough for a
/// work's date, a letter's date and a reprint's; a line listing more is
/// not a credit worth the searches.
const MAX_BLANKED_DATES: usize = 4;

/// The credit's date, and the original part of the line (`text[..cut]`,
/// before any "as quoted in" clause) with its dates blanked.
///
/// The date is the earliest in the original part, else the earliest in the
/// whole line: "Speech at Dover, 4 May 1901, reprinted 1950" is dated
/// 1901-05-04. Every date in the original part is then replaced by spaces,
/// offsets kept, so that no later step takes "May 1901" for a title or a
/// locator.
pub(super) fn take_date(text: &str, cut: usize) -> (Option<String>, String) {
    let date = find_date_first(&text[..cut]).or_else(|| find_date_first(text)).map(|(d, _)| d);
    let mut original = text[..cut].to_string();
    for _ in 0..MAX_BLANKED_DATES {
        match find_date(&original) {
            Some((_, r)) => blank(&mut original, r),
            None => break,
        }
    }
    (date, original)
}

/// "January", "jan.", "Sept" → 1, 1, 9: a month's name or a prefix of it of
/// three letters or more, in any case. Called for every word of a credit,
/// so it compares in place rather than lowercasing a copy.
fn month_number(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').as_bytes();
    MONTHS
        .iter()
        .position(|m| {
            (w.len() == m.len() || (w.len() >= 3 && w.len() < m.len()))
                && m.as_bytes()[..w.len()].eq_ignore_ascii_case(w)
        })
        .map(|i| i as u32 + 1)
}

/// "84" or "'84" → 1984, "05" → 2005: a two-digit year, read as this
/// century up to 29 and the last one from 30.
fn two_digit_year(w: &str) -> Option<u32> {
    let w = w.trim_start_matches(['\'', '\u{2019}']);
    (w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse::<u32>().ok()).flatten().map(|y| {
        if y <= 29 {
            2000 + y
        } else {
            1900 + y
        }
    })
}

/// The words of `s` for date finding, each with its byte offset: split at
/// white space, commas, semicolons and parentheses.
fn date_words(s: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let sep = c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';');
        match (sep, start) {
            (true, Some(b)) => {
                words.push((b, &s[b..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(b) = start {
        words.push((b, &s[b..]));
    }
    words
}

/// A four-digit year from 1000 to 2100 ("1887", "1887.", "1887:"): wider
/// would take page numbers and counts for years.
fn year(w: &str) -> Option<u32> {
    let w = w.trim_end_matches(['.', ':']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1000..=2100).contains(y))
}

/// A day of the month, with or without an ordinal ending: "3", "3rd", "21st,".
fn day(w: &str) -> Option<u32> {
    let d = w.trim_end_matches(['.', ',']);
    let d =
        d.strip_suffix("st").or(d.strip_suffix("nd")).or(d.strip_suffix("rd")).or(d.strip_suffix("th")).unwrap_or(d);
    d.parse().ok().filter(|d| (1..=31).contains(d))
}

/// "March/April" is March.
fn month(w: &str) -> Option<u32> {
    if w.trim_end_matches('.').len() < 3 {
        return None;
    }
    month_number(w)
        .or_else(|| w.split_once('/').and_then(|(a, b)| month_number(a).filter(|_| month_number(b).is_some())))
}

/// A date whose month name is `words[i]`: month day, year | day month
/// year | month year.
fn month_date(words: &[(usize, &str)], i: usize) -> Option<(String, Range<usize>)> {
    let (p, w) = words[i];
    let m = month(w)?;
    if let (Some(d), Some(y)) = (words.get(i + 1).and_then(|x| day(x.1)), words.get(i + 2).and_then(|x| year(x.1))) {
        let end = words[i + 2].0 + words[i + 2].1.len();
        return Some((format!("{y:04}-{m:02}-{d:02}"), p..end));
    }
    let y = words
        .get(i + 1)
        .and_then(|x| year(x.1).or_else(|| two_digit_year(x.1).filter(|_| x.1.starts_with(['\'', '\u{2019}']))))?;
    let end = words[i + 1].0 + words[i + 1].1.len();
    if let Some(d) = i.checked_sub(1).and_then(|k| day(words[k].1)) {
        return Some((format!("{y:04}-{m:02}-{d:02}"), words[i - 1].0..end));
    }
    Some((format!("{y:04}-{m:02}"), p..end))
}

/// A date in one word at byte `p`: a year, "2022-01-25", "6/21/85", "4/83".
fn numeric_date(p: usize, w: &str) -> Option<(String, Range<usize>)> {
    let w = w.trim_end_matches(['.', ':']);
    if let Some(y) = year(w) {
        return Some((format!("{y:04}"), p..p + w.len()));
    }
    let parts: Vec<&str> = w.split('-').collect();
    if parts.len() == 3
        && year(parts[0]).is_some()
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts[1..].iter().all(|x| x.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some((w.to_string(), p..p + w.len()));
    }
    // US numeric dates: 6/21/85, 4/83
    let parts: Vec<&str> = w.split('/').collect();
    let num = |x: &str, max: u32| x.parse::<u32>().ok().filter(|v| (1..=max).contains(v));
    let digits = |x: &&str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if parts.len() == 3 && parts.iter().all(digits) {
        if let (Some(m), Some(d), Some(y)) =
            (num(parts[0], 12), num(parts[1], 31), two_digit_year(parts[2]).or_else(|| year(parts[2])))
        {
            return Some((format!("{y:04}-{m:02}-{d:02}"), p..p + w.len()));
        }
    }
    if parts.len() == 2 && parts.iter().all(digits) {
        if let (Some(m), Some(y)) = (num(parts[0], 12), two_digit_year(parts[1]).or_else(|| year(parts[1]))) {
            return Some((format!("{y:04}-{m:02}"), p..p + w.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The earliest date by the definition: the date `find_date` gives,
    /// then again in the text before it, until none is left.
    fn earliest_by_repeated_search(s: &str) -> Option<(String, Range<usize>)> {
        let mut best = find_date(s)?;
        while let Some(d) = find_date(&s[..best.1.start]) {
            best = d;
        }
        Some(best)
    }

    #[test]
    fn the_one_pass_earliest_date_agrees_with_repeated_search() {
        let pieces = [
            "1990",
            "5 March 2001",
            "June '84",
            "6/21/85",
            "Sept.",
            "said",
            "(2018)",
            "March 5, 1999",
            "4/83",
            "2022-01-25",
        ];
        let mut n = 0;
        for a in 0..pieces.len() {
            for b in 0..pieces.len() {
                for c in 0..pieces.len() {
                    for d in 0..pieces.len() {
                        let s = [pieces[a], pieces[b], pieces[c], pieces[d]].join(" ");
                        assert_eq!(find_date_first(&s), earliest_by_repeated_search(&s), "{s}");
                        n += 1;
                    }
                }
            }
        }
        assert_eq!(n, 10_000);
    }

    #[test]
    fn dates() {
        assert_eq!(find_date("24 February 2022").map(|d| d.0), Some("2022-02-24".into()));
        assert_eq!(find_date("(1882)").map(|d| d.0), Some("1882".into()));
        assert_eq!(find_date("no date here"), None);
        // The range is the date's place in the text, after repeated words too.
        let s = "May, may (Sept. 3, 1999; jan 2001)";
        let (d, r) = find_date(s).unwrap();
        assert_eq!((d.as_str(), &s[r]), ("1999-09-03", "Sept. 3, 1999"));
        assert_eq!(find_date_first("Ma 2001; Janu 1999").map(|d| d.0), Some("2001".into()));
        assert_eq!(month_number("SEPTEMBER."), Some(9));
        assert_eq!(month_number("septembers"), None);
        assert_eq!(month_number("ju"), None);
    }

    #[test]
    fn the_date_is_the_earliest_of_the_original_part_and_every_one_there_is_blanked() {
        let line = "Speech at Dover, 4 May 1901, reprinted 1950 as quoted in Harbour Notes, 1977";
        let cut = line.find("as quoted").unwrap();
        let (date, original) = take_date(line, cut);
        assert_eq!(date.as_deref(), Some("1901-05-04"));
        assert_eq!(original.len(), cut);
        assert_eq!(original.split_whitespace().collect::<Vec<_>>(), ["Speech", "at", "Dover,", ",", "reprinted"]);
        // no date before the clause: the one after it is still the credit's
        let line = "Ferry timetable, as quoted in Harbour Notes (1977)";
        let (date, original) = take_date(line, line.find("as quoted").unwrap());
        assert_eq!((date.as_deref(), original.as_str()), (Some("1977"), "Ferry timetable, "));
    }
}
