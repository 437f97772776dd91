//! The work and the outlet: titles in italics or quotation marks, the
//! periodical or broadcaster that published them, and TV episodes.
//!
//! A title and an outlet look alike ("The Bard", "The Times"); an outlet is
//! told by its last word, its capitals or its brevity ([`outlet_like`]),
//! and a title by its marks or its place in the line.

use std::ops::Range;

use verbatim_lexicon::records::{CONCEPT_CUES, OUTLET_WORDS, SPOKEN_WORKS};

use super::dates::find_date;
use super::draft::Draft;
use super::locators::{is_locator, is_note, split_locator};
use super::names::looks_like_name;
use super::parts::{clean, find_word};

/// An acronym of two to eight capitals or digits ("BBC", "CACM", "NPR"),
/// but not a regnal number ("XVI").
fn is_acronym(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    if w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')) {
        return false; // a regnal number: Benedict XVI
    }
    (2..=8).contains(&w.len())
        && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && w.chars().any(|c| c.is_ascii_uppercase())
}

/// Whether a short name is a periodical or broadcaster rather than a title:
/// at most five words, the last a periodical's word ("Harbour Gazette");
/// or one word in camel case ("CounterPunch"); or acronyms only ("NPR",
/// "WKCR FM"); or two words at most, the last an acronym ("Radio WKCR").
pub(super) fn outlet_like(c: &str) -> bool {
    let words: Vec<&str> = c.split(|ch: char| ch.is_whitespace() || ch == '_').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let last = words[words.len() - 1].trim_end_matches(['.', ',']).to_ascii_lowercase();
    let camel = words.len() == 1 && {
        let w = words[0];
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !w.contains('-')
    };
    OUTLET_WORDS.contains(&last.as_str())
        || camel
        || words.iter().all(|w| is_acronym(w))
        || (words.len() <= 2 && is_acronym(words[words.len() - 1]))
}

/// Byte ranges of titles in quotation marks ("The Proud Poet").
pub(super) fn quoted_titles(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, ch) in s.char_indices() {
        match ch {
            '\u{201c}' => open = Some(i + ch.len_utf8()),
            '\u{201d}' => {
                if let Some(o) = open.take() {
                    out.push(o..i);
                }
            }
            '"' => match open.take() {
                Some(o) => out.push(o..i),
                None => open = Some(i + 1),
            },
            _ => {}
        }
    }
    out.retain(|r| !s[r.clone()].trim().is_empty());
    out
}

/// Whether a quoted phrase is a concept named in passing ("criticizing
/// Nietzsche's concept of "Will to Power"") rather than a title.
fn concept_before(before: &str) -> bool {
    let b = before.trim_end().trim_end_matches(['"', '\u{201c}']).trim_end().to_ascii_lowercase();
    CONCEPT_CUES.iter().any(|p| b.ends_with(p))
}

/// A TV episode credit, "Show - Episode": the show is the work and the
/// episode the locator ("Harbour Lights - The Long Night [2.04]").
/// `original` is the original part of the line with its dates blanked,
/// `written` the same part as written, which tells whether the episode had
/// a bracket or a date. The part before the dash must not look like a
/// person's name unless the episode is so marked, since "Ada Brandt - The
/// Flood" is more likely a speaker and a work; the episode must be short
/// and, unless it ends in an episode number, hold no ", ".
pub(super) fn episode(original: &str, written: &str) -> Option<(String, String)> {
    let k = original.find(" - ")?;
    // `original` reads a no-break space as two spaces, so the dash may be
    // followed by one in `written`: its words start at the next character
    let from = (k + 3..=written.len()).find(|&i| written.is_char_boundary(i))?;
    let raw_after = &written[from..];
    let after = clean(&original[k + 3..]);
    let marked = raw_after.contains(['(', '[']) || find_date(raw_after).is_some();
    let episode_number = after.ends_with(']');
    (!after.is_empty()
        && after.split_whitespace().count() <= 8
        && (!after.contains(", ") || episode_number)
        && (!looks_like_name(&original[..k]) || marked))
        .then(|| (clean(&original[..k]), after))
}

/// The title a part names past the words that introduce it: "in Tide
/// Tables" → "Tide Tables"; "column by Ada Brandt in Harbour Notes" →
/// "Harbour Notes".
fn named_part(c: String) -> String {
    let c = c.strip_prefix("in ").map(str::to_string).unwrap_or(c);
    // "by Jon Bentley in CACM": the outlet after the name
    match (find_word(&c, "by"), find_word(&c, "in")) {
        (Some(b), Some(i)) if b < i => c[i + 2..].trim().to_string(),
        _ => c,
    }
}

impl Draft {
    /// Reads the titles in italics or quotation marks, in order: the first
    /// is the work, or the outlet when it looks like one (and a work is
    /// known or the line names a speaker); in `Ada Brandt, "Low Water",
    /// Harbour Notes` the work is "Low Water". A quoted phrase that is a
    /// concept ("the notion of "slack water"") or the speaker's quoted name
    /// is skipped. Returns where the work ends when it was in quotation
    /// marks: an article, whose periodical may follow.
    pub(super) fn take_titles(&mut self) -> Option<usize> {
        let mut article_end: Option<usize> = None;
        for r in &self.titles {
            let w = clean(&self.head[r.clone()]);
            if w.is_empty() || concept_before(&self.head[..r.start]) {
                continue;
            }
            if self.used.first().copied().unwrap_or(false)
                && self.credit.speaker.as_ref().is_some_and(|sp| sp.value == w)
            {
                continue;
            }
            for (k, g) in self.segs.iter().enumerate() {
                if g.start <= r.start && r.end <= g.end + 1 {
                    self.used[k] = true;
                }
            }
            if outlet_like(&w) && self.credit.outlet.is_none() && (self.credit.work.is_some() || self.speaker_first) {
                self.credit.outlet = Some(self.field(w));
            } else if self.credit.work.is_none() {
                self.credit.work = Some(self.field(w));
                if !self.italics.contains(r) {
                    article_end = Some(r.end);
                }
            }
        }
        article_end
    }

    /// After an article in quotation marks, the next part is its
    /// periodical when it is short, capitalised and neither a locator nor
    /// a note: Ada Brandt, "Low Water", Harbour Notes.
    pub(super) fn take_periodical_after(&mut self, article_end: Option<usize>) {
        let Some(end) = article_end else { return };
        let Some(k) = self.segs.iter().position(|g| g.start >= end) else { return };
        let c = self.seg_text(k);
        let words = c.split_whitespace().count();
        if !self.used[k]
            && (1..=4).contains(&words)
            && c.starts_with(|ch: char| ch.is_uppercase())
            && !is_locator(&c)
            && !is_note(&c)
        {
            let outlet = self.field(c);
            self.credit.outlet.get_or_insert(outlet);
            self.used[k] = true;
        }
    }

    /// The work named with the speaker ("Ada Brandt in the Harbour
    /// Gazette"), once titles are read: an outlet when it looks like one,
    /// else the work if none was found.
    pub(super) fn take_work_named_with_speaker(&mut self, work: Option<String>) {
        let Some(w) = work else { return };
        let w = w.trim_start_matches("the ").to_string();
        if outlet_like(&w) {
            let outlet = self.field(w);
            self.credit.outlet.get_or_insert(outlet);
        } else if self.credit.work.is_none() && !w.is_empty() {
            self.credit.work = Some(self.field(w));
        }
    }

    /// Reads part `k` (cleaned: `c`) as the work or the outlet: a locator
    /// run into it is split off ("TIDENEWS Vol. 3 No. 7"), the words
    /// that introduce a title go ([`named_part`]), and a part that starts
    /// lowercase is skipped as a description unless it names a spoken or
    /// written occasion before any work is known ("letter to his brother").
    /// A title with a colon takes the parts after it until a locator: its
    /// subtitle may hold commas. Returns the last part taken.
    pub(super) fn take_work_or_outlet(&mut self, mut k: usize, c: String) -> usize {
        // an outlet and a locator in one segment: "DECWORLD Vol. 8 No. 5"
        let (c, inner_loc) = split_locator(&c);
        if let Some(l) = inner_loc {
            let locator = self.field(l);
            self.credit.locator.get_or_insert(locator);
        }
        let c = named_part(c);
        if c.chars().next().is_some_and(char::is_lowercase)
            && !(self.credit.work.is_none() && SPOKEN_WORKS.iter().any(|w| c.starts_with(w)))
        {
            return k;
        }
        if outlet_like(&c) {
            if self.credit.outlet.is_none() {
                self.credit.outlet = Some(self.field(c));
            }
        } else if self.credit.work.is_none() {
            // a subtitle after a colon may hold commas: join until a bracket or locator
            let mut w = c;
            while w.contains(':') && k + 1 < self.segs.len() && !self.used[k + 1] && !is_locator(&self.seg_text(k + 1))
            {
                k += 1;
                self.used[k] = true;
                w = format!("{w}, {}", self.seg_text(k));
            }
            self.credit.work = Some(self.field(w));
        }
        k
    }

    /// A long title that ends in a capitalised outlet word, with no outlet
    /// found, is a title and its outlet run together (the page lost the
    /// line between them): "Why the Harbour Lights Went Out One Night
    /// Gazette" → the work without "Gazette", and "Gazette" as the outlet.
    /// Titles of fewer than five words, and those ending "The Gazette",
    /// are left whole.
    pub(super) fn split_title_from_outlet(&mut self) {
        if self.credit.outlet.is_some() {
            return;
        }
        let Some(w) = self.credit.work.as_ref().map(|f| f.value.clone()) else { return };
        let words: Vec<&str> = w.split_whitespace().collect();
        if words.len() >= 5 {
            let last = words[words.len() - 1];
            let before = words[words.len() - 2];
            if OUTLET_WORDS.contains(&last.to_ascii_lowercase().as_str())
                && last.chars().next().is_some_and(char::is_uppercase)
                && before.chars().next().is_some_and(char::is_uppercase)
                && !matches!(before, "The" | "A" | "An")
            {
                self.credit.work = Some(self.field(words[..words.len() - 1].join(" ")));
                self.credit.outlet = Some(self.field(last.to_string()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::draft::{draft, value};
    use super::*;

    #[test]
    fn a_no_break_space_after_the_episode_dash_reads_as_a_space() {
        // the no-break space is two bytes, which the blanked copy of the
        // line reads as two spaces: no offset may fall inside it
        let read = |line: &str| {
            let c = crate::parse_credit(line, verbatim_model::Origin::Stated);
            (c.work.map(|f| f.value), c.locator.map(|f| f.value))
        };
        let plain = read("Tide Tables - Ebb [1.02]");
        assert_eq!(plain.0.as_deref(), Some("Tide Tables"));
        assert_eq!(read("Tide Tables -\u{a0}Ebb [1.02]"), plain);
        assert_eq!(read("Tide Tables -\u{a0}Ebb"), read("Tide Tables - Ebb"));
    }

    #[test]
    fn outlets_by_their_last_word_capitals_or_acronyms() {
        for o in ["Harbour Gazette", "HarbourWatch", "NPR", "WKCR FM", "Tidewater Quarterly"] {
            assert!(outlet_like(o), "{o}");
        }
        for o in ["Tide Tables", "Louis XIV", "A Long Account of the Harbour Under Ice in Winter"] {
            assert!(!outlet_like(o), "{o}");
        }
    }

    #[test]
    fn quoted_titles_but_not_concepts() {
        let s = "Ada Brandt, \u{201c}Low Water\u{201d} on the notion of \"slack tide\"";
        let t: Vec<&str> = quoted_titles(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(t, ["Low Water", "slack tide"]);
        assert!(concept_before("on the notion of \""));
        assert!(!concept_before("Ada Brandt, "));
    }

    #[test]
    fn an_episode_is_a_show_and_its_title() {
        let line = "Harbour Lights - The Long Night [2.04]";
        assert_eq!(episode(line, line), Some(("Harbour Lights".into(), "The Long Night [2.04]".into())));
        // a name before the dash is a speaker, unless the episode is marked
        let line = "Ada Brandt - The Flood";
        assert_eq!(episode(line, line), None);
        let (blanked, written) = ("Ada Brandt - The Flood (        )", "Ada Brandt - The Flood (May 1901)");
        assert_eq!(episode(blanked, written), Some(("Ada Brandt".into(), "The Flood".into())));
        let line = "Tide Tables - p. 4, p. 5";
        assert_eq!(episode(line, line), None);
    }

    #[test]
    fn the_first_title_is_the_work_and_an_outlet_title_the_outlet() {
        let s = "Ada Brandt, \"Low Water\", Harbour Notes";
        let mut d = draft(s, &[], true);
        d.used[0] = true;
        let end = d.take_titles();
        assert_eq!(value(&d.credit.work), Some("Low Water"));
        assert_eq!(end, s.find("\", H"));
        d.take_periodical_after(end);
        assert_eq!(value(&d.credit.outlet), Some("Harbour Notes"));
        // in italics: a work, and no article whose periodical follows
        let s = "Ada Brandt, Tide Tables, Harbour Notes";
        let t = s.find("Tide").unwrap();
        let title = t..t + 11;
        let mut d = draft(s, std::slice::from_ref(&title), true);
        assert_eq!(d.take_titles(), None);
        assert_eq!(value(&d.credit.work), Some("Tide Tables"));
        // an italic title that looks like an outlet is the outlet
        let s = "Ada Brandt, Harbour Gazette";
        let title = 12..s.len();
        let mut d = draft(s, std::slice::from_ref(&title), true);
        d.take_titles();
        assert_eq!((value(&d.credit.work), value(&d.credit.outlet)), (None, Some("Harbour Gazette")));
    }

    #[test]
    fn the_work_named_with_the_speaker_is_weighed_after_titles() {
        let mut d = draft("", &[], true);
        d.take_work_named_with_speaker(Some("the Harbour Gazette".into()));
        assert_eq!(value(&d.credit.outlet), Some("Harbour Gazette"));
        d.take_work_named_with_speaker(Some("Tide Tables".into()));
        assert_eq!(value(&d.credit.work), Some("Tide Tables"));
        d.take_work_named_with_speaker(Some("A History of Tides".into()));
        assert_eq!(value(&d.credit.work), Some("Tide Tables"));
    }

    #[test]
    fn a_part_is_the_work_or_the_outlet_past_its_introduction() {
        assert_eq!(named_part("in Tide Tables".into()), "Tide Tables");
        assert_eq!(named_part("column by Ada Brandt in Harbour Notes".into()), "Harbour Notes");
        let mut d = draft("Tide Tables: Ebb, Flow and Slack, p. 4", &[], false);
        assert_eq!(d.take_work_or_outlet(0, d.seg_text(0)), 1);
        assert_eq!(value(&d.credit.work), Some("Tide Tables: Ebb, Flow and Slack"));
        let mut d = draft("reprinted with changes, TIDENEWS Vol. 3 No. 7", &[], false);
        assert_eq!(d.take_work_or_outlet(0, d.seg_text(0)), 0);
        assert_eq!(d.credit.work, None);
        d.take_work_or_outlet(1, d.seg_text(1));
        assert_eq!((value(&d.credit.outlet), value(&d.credit.locator)), (Some("TIDENEWS"), Some("Vol. 3 No. 7")));
        let mut d = draft("letter to his brother", &[], false);
        d.take_work_or_outlet(0, d.seg_text(0));
        assert_eq!(value(&d.credit.work), Some("letter to his brother"));
    }

    #[test]
    fn a_long_title_ending_in_an_outlet_word_is_split() {
        let mut d = draft("", &[], false);
        d.credit.work = Some(d.field("Why the Harbour Lights Went Out One Night Gazette".into()));
        d.split_title_from_outlet();
        assert_eq!(value(&d.credit.work), Some("Why the Harbour Lights Went Out One Night"));
        assert_eq!(value(&d.credit.outlet), Some("Gazette"));
        let mut d = draft("", &[], false);
        d.credit.work = Some(d.field("Letters Read Aloud to The Gazette".into()));
        d.split_title_from_outlet();
        assert_eq!(d.credit.outlet, None);
    }
}
