//! The person part of a credit: who is credited, the roles a credit adds
//! after a name ("Director of ..."), and the clauses that hand the words on
//! to someone else's book or voice ("as quoted in", "translated by").
//!
//! A name is told from a title by its shape alone: capitalised words and
//! name particles, no digits or marks, no word of a title, and not the
//! name of an outlet. "Tide Tables" has the shape of a name; only its
//! place in the line (or its italics) can tell otherwise.

use verbatim_lexicon::names::{NAME_PARTICLES, ROLES};
use verbatim_lexicon::records::{REPORTED, TITLE_WORDS};

use super::draft::Draft;
use super::locators::is_locator;
use super::parts::{clean, find_word, first_word_lower, segments};
use super::works::outlet_like;

/// Whether `s` (cleaned) has the shape of a personal name: at most six
/// words, each capitalised or a name particle, no digits, quotation marks,
/// colons, brackets or commas, and neither an outlet nor a title.
pub(super) fn looks_like_name(s: &str) -> bool {
    let t = clean(s);
    if t.is_empty()
        || t.len() > 60
        || t.chars().any(|c| c.is_ascii_digit())
        || t.contains(['\'', '\u{2019}', ':', '"', '(', ')', ','])
    {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() > 6 || outlet_like(&t) {
        return false;
    }
    let caps = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let fine = words.iter().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase()) || NAME_PARTICLES.contains(&w.to_ascii_lowercase().as_str())
    });
    let titled = words.iter().any(|w| TITLE_WORDS.contains(&w.to_ascii_lowercase().as_str()));
    caps >= 1 && fine && !titled
}

/// Whether a part starts with a job or office ("Director of the Harbour
/// Trust"), which a credit adds after a name.
pub(super) fn is_role(c: &str) -> bool {
    let first = first_word_lower(c);
    ROLES.contains(&first.as_str())
}

/// Name-like words at the start of `s`: capitalised words, initials and
/// particles, up to the first other word, a possessive or a comma, and at
/// most five; `None` unless one word is longer than an initial.
pub(super) fn name_at(s: &str) -> Option<String> {
    let mut words = Vec::new();
    for w in s.split_whitespace() {
        let core = w.trim_end_matches([',', ';', ':', ')']).trim_end_matches("'s").trim_end_matches("\u{2019}s");
        let is_initial = core.len() <= 2
            && core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().nth(1).is_none_or(|c| c == '.');
        let core = if is_initial { core } else { core.trim_end_matches('.') };
        let cap = core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().skip(1).all(|c| c.is_alphabetic() || c == '-' || c == '.');
        if (cap || is_initial) && !core.is_empty() {
            words.push(core.to_string());
            if w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with(',') || (w.ends_with('.') && !is_initial) {
                break;
            }
        } else {
            break;
        }
        if words.len() >= 5 {
            break;
        }
    }
    let full: Vec<&String> = words.iter().filter(|w| w.len() > 2 && !w.ends_with('.')).collect();
    (!full.is_empty()).then(|| words.join(" "))
}

/// Where the original credit ends: the start of the first clause that
/// hands the words on to someone else ("as quoted in", "translated by",
/// "retrieved"), or the end of `body`. In "Ada Brandt, Tide Tables, as
/// quoted in Harbour Notes" the original credit is "Ada Brandt, Tide
/// Tables, ".
pub(super) fn reported_at(body: &str) -> usize {
    let low = body.to_ascii_lowercase();
    REPORTED.iter().filter_map(|r| find_word(&low, r)).min().unwrap_or(body.len())
}

/// The name a part starts with, and the work it names after "in" when it
/// has one: "Ada Brandt" → the name; "Ada Brandt in Tide Tables" → the
/// name and "Tide Tables"; "Ada Brandt recalls the flood" → the
/// capitalised words before the first lowercase one.
fn leading_name(t: &str) -> Option<(String, Option<String>)> {
    if looks_like_name(t) {
        return Some((t.to_string(), None));
    }
    if let Some(k) = find_word(t, "in").filter(|&k| k > 0) {
        let name = t[..k].trim();
        if name.split_whitespace().count() >= 2 && looks_like_name(name) {
            return Some((name.to_string(), Some(t[k + 2..].trim().to_string())));
        }
    }
    name_before_lowercase(t).map(|n| (n, None))
}

/// A headline-like part that starts with a name: two to four capitalised
/// words, then a lowercase word that is not "of" or "in" ("Ada Brandt
/// recalls the flood" → "Ada Brandt"; "Keeper of the Light" is no name).
fn name_before_lowercase(t: &str) -> Option<String> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let caps = words.iter().take_while(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    ((2..=4).contains(&caps)
        && caps < words.len()
        && words[caps].chars().all(|c| c.is_lowercase())
        && looks_like_name(&words[..caps].join(" "))
        && !TITLE_WORDS.iter().any(|tw| t.to_ascii_lowercase().contains(tw))
        && words[caps] != "of"
        && words[caps] != "in")
        .then(|| words[..caps].join(" "))
}

/// The author after "by" anywhere in the line, when it is at least two
/// name-like words: "Tide column, by Ada Brandt in Harbour Notes" → "Ada
/// Brandt".
fn name_after_by(head: &str) -> Option<String> {
    let k = find_word(&head.to_ascii_lowercase(), "by")?;
    name_at(&head[k + 2..]).filter(|n| n.split_whitespace().count() >= 2)
}

impl Draft {
    /// Finds the speaker on a line that starts with whoever is credited:
    /// the first part when it opens with a name ([`leading_name`]; a name
    /// in quotation marks counts), else the last part when it is a name of
    /// two words or more ("A History of Tides, Ada Brandt"), else a name after
    /// "by". Returns the work named after the speaker's "in" ("Ada Brandt
    /// in Tide Tables"), which is weighed once titles are known.
    pub(super) fn take_speaker(&mut self) -> Option<String> {
        if !self.speaker_first || self.segs.is_empty() {
            return None;
        }
        let first = self.seg_text(0);
        if !self.title_first() || self.quoted_name(&first) {
            if let Some((name, work)) = leading_name(&first) {
                self.credit.speaker = Some(self.field(name));
                self.used[0] = true;
                return work;
            }
        }
        if self.segs.len() >= 2 {
            // "Alice's Adventures in Wonderland, Lewis Carroll": the name comes last
            let last = self.segs.len() - 1;
            let t = self.seg_text(last);
            if t.split_whitespace().count() >= 2 && looks_like_name(&t) {
                self.credit.speaker = Some(self.field(t));
                self.used[last] = true;
                return None;
            }
        }
        if let Some(n) = name_after_by(&self.head) {
            self.credit.speaker = Some(self.field(n));
        }
        None
    }

    /// Whether the first part opens with a title (in italics or quotation
    /// marks), which would make it the work rather than the speaker.
    fn title_first(&self) -> bool {
        let first = &self.head[self.segs[0].clone()];
        let indent = first.len() - first.trim_start().len();
        self.titles.first().is_some_and(|r| r.start <= self.segs[0].start + 1 + indent)
    }

    /// Whether a first part in quotation marks is still a name: a short
    /// name-like phrase on a line without italics (~ "Ada Brandt", Harbour
    /// Notes), unless a comma inside the marks closes it as a title
    /// ("Low Water," Harbour Notes).
    fn quoted_name(&self, t: &str) -> bool {
        let comma_inside = self.titles.first().is_some_and(|r| self.head[r.clone()].trim_end().ends_with(','));
        self.italics.is_empty() && !comma_inside && looks_like_name(t) && t.split_whitespace().count() <= 3
    }

    /// Reads the reported part of the line (`tail`, from "as quoted in"
    /// on): the outlet a clause names, when it looks like one ("as quoted
    /// in the Harbour Gazette"), and a locator ("p. 9"), each only when the
    /// credit has none yet. The book or voice it names is never the work or
    /// the speaker.
    pub(super) fn take_reported_tail(&mut self, tail: &str) {
        for g in segments(tail, &[]) {
            let c = clean(&tail[g]);
            for pre in REPORTED {
                if c.to_ascii_lowercase().starts_with(pre) {
                    let rest = c[pre.len()..].trim();
                    if outlet_like(rest) && self.credit.outlet.is_none() {
                        self.credit.outlet = Some(self.field(rest.to_string()));
                    }
                }
            }
            if is_locator(&c) && self.credit.locator.is_none() {
                self.credit.locator = Some(self.field(c));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::draft::{draft, value};
    use super::*;

    #[test]
    fn names_have_the_shape_of_names() {
        for n in ["Ada Brandt", "Oskar van der Lind", "A. B. Brandt", "Ada Brandt Jr."] {
            assert!(looks_like_name(n), "{n}");
        }
        for n in ["Tide Tables 1901", "The Harbour Gazette", "Collected Poems", "Ada Brandt's Notes", "the flood"] {
            assert!(!looks_like_name(n), "{n}");
        }
        assert!(is_role("Director of the Harbour Trust") && !is_role("Ada Brandt"));
        assert_eq!(name_at("Ada B. Brandt's log of the flood").as_deref(), Some("Ada B. Brandt"));
        assert_eq!(name_at("A. B. wrote"), None);
    }

    #[test]
    fn the_original_credit_ends_where_the_words_are_handed_on() {
        let line = "Ada Brandt, Tide Tables, as quoted in Harbour Notes";
        assert_eq!(&line[..reported_at(line)], "Ada Brandt, Tide Tables, ");
        assert_eq!(reported_at("Ada Brandt, Tide Tables"), 23);
        // whole words only: "unquoted in" hands nothing on
        assert_eq!(reported_at("Tide Tables, unquoted in full"), 29);
    }

    #[test]
    fn a_leading_name_alone_with_its_work_or_before_a_verb() {
        assert_eq!(leading_name("Ada Brandt"), Some(("Ada Brandt".into(), None)));
        assert_eq!(leading_name("Ada Brandt in Tide Tables"), Some(("Ada Brandt".into(), Some("Tide Tables".into()))));
        assert_eq!(name_before_lowercase("Ada Brandt recalls the flood").as_deref(), Some("Ada Brandt"));
        assert_eq!(name_before_lowercase("Keeper of the Light"), None);
        assert_eq!(leading_name("tide tables"), None);
        assert_eq!(name_after_by("Tide column, by Ada Brandt in Harbour Notes").as_deref(), Some("Ada Brandt"));
        assert_eq!(name_after_by("written by Ada"), None);
    }

    #[test]
    fn the_speaker_is_the_first_part_else_the_last_else_after_by() {
        let speaker = |line: &str| {
            let mut d = draft(line, &[], true);
            let work = d.take_speaker();
            (value(&d.credit.speaker).map(str::to_string), work)
        };
        assert_eq!(speaker("Ada Brandt, Tide Tables"), (Some("Ada Brandt".into()), None));
        assert_eq!(speaker("Ada Brandt in Tide Tables, p. 4"), (Some("Ada Brandt".into()), Some("Tide Tables".into())));
        assert_eq!(speaker("\"Ada Brandt\", Harbour Notes"), (Some("Ada Brandt".into()), None));
        assert_eq!(speaker("\"A History of Tides\", Ada Brandt"), (Some("Ada Brandt".into()), None));
        assert_eq!(speaker("Tide column, by Ada Brandt"), (Some("Ada Brandt".into()), None));
        assert_eq!(speaker("A History of Tides, p. 4"), (None, None));
        // a person page's line names no speaker
        let mut d = draft("Ada Brandt, Tide Tables", &[], false);
        assert_eq!((d.take_speaker(), d.credit.speaker), (None, None));
    }

    #[test]
    fn the_reported_part_gives_only_an_outlet_or_a_locator() {
        let mut d = draft("", &[], true);
        d.take_reported_tail("as quoted in Harbour Gazette, p. 9");
        assert_eq!(value(&d.credit.outlet), Some("Harbour Gazette"));
        assert_eq!(value(&d.credit.locator), Some("p. 9"));
        let mut d = draft("", &[], true);
        d.take_reported_tail("as quoted in Ada Brandt, Tide Tables");
        assert_eq!((d.credit.outlet, d.credit.work, d.credit.speaker), (None, None, None));
    }
}
