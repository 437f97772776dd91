//! The credit being filled in, and the parts of the line still to read.
//!
//! After the date and the brackets are read, a credit line is a list of
//! top-level parts ("Ada Brandt", "Tide Tables", "p. 4"). Each step takes
//! the parts it recognises (the speaker, titles, locators) and marks them
//! used; what is left is read in order at the end ([`Draft::take_other_parts`]).

use std::ops::Range;

use super::locators::is_note;
use super::names::is_role;
use super::parts::{clean, segments};
use super::works::quoted_titles;
use crate::{Credit, Field, Origin};

/// A credit line part-way through parsing.
pub(super) struct Draft {
    /// The original part of the line (before any "as quoted in" clause),
    /// its dates and publishing brackets blanked; every range below points
    /// into it.
    pub(super) head: String,
    /// Byte ranges of `head` that were in italics on the page: titles.
    pub(super) italics: Vec<Range<usize>>,
    /// Titles: the italics and the phrases in quotation marks, by start.
    pub(super) titles: Vec<Range<usize>>,
    /// The top-level parts of `head`, split at commas and semicolons.
    pub(super) segs: Vec<Range<usize>>,
    /// Which of `segs` a step has already taken.
    pub(super) used: Vec<bool>,
    /// Whether the line starts with whoever is credited (a theme page, a
    /// collection) rather than naming only the work (a person page).
    pub(super) speaker_first: bool,
    /// Where this line's fields come from (stated, or inherited from a
    /// heading).
    origin: Origin,
    /// The fields read so far.
    pub(super) credit: Credit,
}

impl Draft {
    /// A draft of `head`, with `credit` holding what was read before the
    /// line was split into parts (the date, a locator in brackets). The
    /// draft of `Ada Brandt, "Low Water", p. 4` has three parts and one
    /// title, "Low Water".
    pub(super) fn new(
        head: String,
        italics: Vec<Range<usize>>,
        speaker_first: bool,
        origin: Origin,
        credit: Credit,
    ) -> Draft {
        let mut titles: Vec<Range<usize>> = italics.iter().filter(|r| r.end <= head.len()).cloned().collect();
        titles.extend(quoted_titles(&head));
        titles.sort_by_key(|r| r.start);
        let segs = segments(&head, &italics);
        let used = vec![false; segs.len()];
        Draft { head, italics, titles, segs, used, speaker_first, origin, credit }
    }

    /// A field value, marked with where this line's fields come from.
    pub(super) fn field(&self, value: String) -> Field {
        Field { value, origin: self.origin }
    }

    /// Part `k`, cleaned as a field value.
    pub(super) fn seg_text(&self, k: usize) -> String {
        clean(&self.head[self.segs[k].clone()])
    }

    /// Reads the parts no earlier step took, in order. A role ("Director")
    /// is skipped, and after a one-word role the part it governs too
    /// ("President, Harbour Trust"); a locator takes the locator parts that
    /// follow it ("Book 1, sec. 55"); an editor's note is skipped; anything
    /// else may be the work or the outlet. In "Ada Brandt, Director of the
    /// Harbour Trust, Tide Tables, ch. 2, 3" the role is skipped, the work is
    /// "Tide Tables" and the locator "ch. 2, 3".
    pub(super) fn take_other_parts(&mut self) {
        let mut k = 0;
        let mut skip_next = false;
        while k < self.segs.len() {
            if self.used[k] {
                k += 1;
                continue;
            }
            let c = self.seg_text(k);
            self.used[k] = true;
            if skip_next {
                skip_next = false;
            } else if is_role(&c) {
                skip_next = c.split_whitespace().count() == 1;
            } else if self.opens_locator(k, &c) {
                k = self.take_locator_run(k, &c);
            } else if !is_note(&c) {
                k = self.take_work_or_outlet(k, c);
            }
            k += 1;
        }
    }
}

/// A draft of `head` as the steps after the brackets see it, for tests.
#[cfg(test)]
pub(super) fn draft(head: &str, italics: &[Range<usize>], speaker_first: bool) -> Draft {
    Draft::new(head.to_string(), italics.to_vec(), speaker_first, Origin::Stated, Credit::default())
}

/// A field's value, for tests.
#[cfg(test)]
pub(super) fn value(f: &Option<Field>) -> Option<&str> {
    f.as_ref().map(|x| x.value.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_knows_its_parts_and_titles() {
        let s = "Ada Brandt, \"Low Water\", Tide Tables, p. 4";
        let (quoted, italic) = (s.find("Low").unwrap(), s.find("Tide").unwrap());
        let title = italic..italic + 11;
        let d = draft(s, std::slice::from_ref(&title), true);
        let parts: Vec<String> = (0..d.segs.len()).map(|k| d.seg_text(k)).collect();
        assert_eq!(parts, ["Ada Brandt", "Low Water", "Tide Tables", "p. 4"]);
        assert_eq!(d.titles, [quoted..quoted + 9, italic..italic + 11]);
    }

    #[test]
    fn the_parts_left_are_read_in_order() {
        let mut d = draft("Ada Brandt, Director of the Harbour Trust, Tide Tables, ch. 2, 3", &[], true);
        d.used[0] = true;
        d.take_other_parts();
        assert_eq!(value(&d.credit.work), Some("Tide Tables"));
        assert_eq!(value(&d.credit.locator), Some("ch. 2, 3"));
        assert!(d.used.iter().all(|&u| u));
        // a one-word role governs the next part: it is neither work nor outlet
        let mut d = draft("President, Harbour Trust, Tide Tables", &[], false);
        d.take_other_parts();
        assert_eq!((value(&d.credit.work), value(&d.credit.outlet)), (Some("Tide Tables"), None));
        // an editor's note is no field
        let mut d = draft("Unsourced, Tide Tables", &[], false);
        d.take_other_parts();
        assert_eq!(value(&d.credit.work), Some("Tide Tables"));
    }
}
