//! Credit lines split into fields.
//!
//! `Simon Jenkins, A Short History of Europe: From Pericles to Putin (2018)`
//! → speaker, work, date. `"Eve Ottenberg", CounterPunch` → speaker, outlet.
//! `Anatol Lieven, Russia Has Been Warning ... Listened Time,  January 25, 2022`
//! → speaker, work (the title and outlet run together on the page), date.

use crate::{Credit, Field, Origin};

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];

fn month_number(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_lowercase();
    MONTHS.iter().position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w))).map(|i| i as u32 + 1)
}

/// Finds a date in `s`: "(2018)", "January 25, 2022", "24 February 2022",
/// "2022-01-25" or a bare year. Returns `YYYY[-MM[-DD]]` and the byte range it took.
pub fn find_date(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    let words: Vec<(usize, &str)> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .scan(0usize, |pos, w| {
            let start = s[*pos..].find(w).map(|i| *pos + i).unwrap_or(*pos);
            *pos = start + w.len();
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let year = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches('.');
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten().filter(|y| (1000..=2100).contains(y))
    };
    let day = |w: &str| -> Option<u32> { w.trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r']).parse().ok().filter(|d| (1..=31).contains(d)) };
    // month day, year  |  day month year  |  month year
    for i in 0..words.len() {
        let (p, w) = words[i];
        if let Some(m) = month_number(w) {
            if w.len() < 3 {
                continue;
            }
            if let (Some(d), Some(y)) = (words.get(i + 1).and_then(|x| day(x.1)), words.get(i + 2).and_then(|x| year(x.1))) {
                let end = words[i + 2].0 + words[i + 2].1.len();
                return Some((format!("{y:04}-{m:02}-{d:02}"), p..end));
            }
            if let Some(y) = words.get(i + 1).and_then(|x| year(x.1)) {
                let start = if i > 0 && day(words[i - 1].1).is_some() { words[i - 1].0 } else { p };
                let end = words[i + 1].0 + words[i + 1].1.len();
                if start < p {
                    let d = day(words[i - 1].1).unwrap_or(1);
                    return Some((format!("{y:04}-{m:02}-{d:02}"), start..end));
                }
                return Some((format!("{y:04}-{m:02}"), start..end));
            }
        }
    }
    for &(p, w) in words.iter().rev() {
        if let Some(y) = year(w) {
            return Some((format!("{y:04}"), p..p + w.len()));
        }
        // ISO dates
        let parts: Vec<&str> = w.split('-').collect();
        if parts.len() == 3 && year(parts[0]).is_some() && parts[1].len() == 2 && parts[2].len() == 2 {
            return Some((w.to_string(), p..p + w.len()));
        }
    }
    None
}

fn clean(s: &str) -> String {
    let s = s.replace('\u{a0}', " ");
    let s = s.trim().trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    let s = s.trim_matches(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\'' | '\u{2018}' | '\u{2019}'));
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a credit line ("~ Author, Outlet", a credit sub-bullet) into fields,
/// each marked with `origin`.
pub fn parse_credit(line: &str, origin: Origin) -> Credit {
    let line = line.trim().trim_start_matches(['~', '\u{2015}', '\u{2014}', '-', '\u{2022}', '*']).trim();
    let line = line.replace('\u{a0}', " ");
    let mut credit = Credit::default();
    if line.is_empty() {
        return credit;
    }
    let mut rest = line.clone();
    if let Some((d, r)) = find_date(&rest) {
        credit.date = Some(Field { value: d, origin });
        rest.replace_range(r, "");
        rest = rest.replace("()", "");
    }
    let mut parts = rest.splitn(2, ',');
    let speaker = clean(parts.next().unwrap_or(""));
    let more = clean(parts.next().unwrap_or(""));
    if !speaker.is_empty() {
        credit.speaker = Some(Field { value: speaker, origin });
    }
    if !more.is_empty() {
        // a quoted title is a work; one capitalised word alone is an outlet
        let is_outlet = !more.contains(' ') || more.split_whitespace().count() <= 2 && !more.contains(':');
        if is_outlet {
            credit.outlet = Some(Field { value: more, origin });
        } else {
            credit.work = Some(Field { value: more, origin });
        }
    }
    credit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(c: &Option<Field>) -> Option<&str> {
        c.as_ref().map(|x| x.value.as_str())
    }

    #[test]
    fn real_credit_lines() {
        let c = parse_credit("Simon Jenkins, A Short History of Europe: From Pericles to Putin (2018)", Origin::Stated);
        assert_eq!(f(&c.speaker), Some("Simon Jenkins"));
        assert_eq!(f(&c.work), Some("A Short History of Europe: From Pericles to Putin"));
        assert_eq!(f(&c.date), Some("2018"));
        let c = parse_credit("~ \"Eve Ottenberg\", CounterPunch", Origin::Stated);
        assert_eq!(f(&c.speaker), Some("Eve Ottenberg"));
        assert_eq!(f(&c.outlet), Some("CounterPunch"));
        let c = parse_credit(
            "Anatol Lieven, Russia Has Been Warning About Ukraine for Decades. The West Should Have Listened Time,\u{a0} January 25, 2022",
            Origin::Stated,
        );
        assert_eq!(f(&c.speaker), Some("Anatol Lieven"));
        assert_eq!(f(&c.date), Some("2022-01-25"));
        assert!(f(&c.work).is_some_and(|w| w.starts_with("Russia Has Been Warning")));
        let c = parse_credit("Wm. Shakespeare, \"Richard III\"", Origin::Stated);
        assert_eq!(f(&c.speaker), Some("Wm. Shakespeare"));
    }

    #[test]
    fn dates() {
        assert_eq!(find_date("24 February 2022").map(|d| d.0), Some("2022-02-24".into()));
        assert_eq!(find_date("(1882)").map(|d| d.0), Some("1882".into()));
        assert_eq!(find_date("no date here"), None);
    }
}
