//! Who a mention is: the name in it, or for a pronoun the person it stands
//! for, named earlier in the text.

use std::ops::Range;

use verbatim_lexicon::grammar::PRONOUNS;

use super::tokens::{ceil_char, joined_name, tokens, Tok};

/// The person a mention names: its name words ("Clinton's spokesman Brian
/// Fallon" → "Brian Fallon"), or for a pronoun the person last named before
/// `before` as a speaker or, failing that, the last full name before it.
pub fn resolve(text: &str, mention: &Range<usize>, before: usize, earlier: &[(usize, String)]) -> Option<String> {
    let m = &text[mention.clone()];
    let lower = m.trim().to_lowercase();
    // "Scott Reed, the group's strategist, who": the person before
    if lower == "who" {
        let head = text[..mention.start].trim_end().trim_end_matches(',');
        let from = ceil_char(text, head.len().saturating_sub(300));
        let ts = tokens(text, from, head.len());
        let first =
            ts.iter().rposition(|t| !t.is_word() && !t.is(",") && !t.is("(") && !t.is(")")).map_or(0, |k| k + 1);
        let np: Vec<&Tok<'_>> = ts[first..]
            .iter()
            .skip_while(|t| !(t.is_cap() && t.is_word()))
            .take_while(|t| t.is_cap() && t.is_word())
            .collect();
        return (!np.is_empty()).then(|| joined_name(np));
    }
    if PRONOUNS.contains(&lower.as_str()) {
        if matches!(lower.as_str(), "i" | "we" | "it") {
            return None;
        }
        if let Some((_, n)) = earlier.iter().rev().find(|(at, _)| *at < before) {
            return Some(n.clone());
        }
        return last_full_name(&text[ceil_char(text, before.saturating_sub(1500))..before]);
    }
    let ts = tokens(text, mention.start, mention.end);
    // the last run of capitalised words (with a title before it)
    let mut best: Option<Range<usize>> = None;
    let mut k = 0;
    while k < ts.len() {
        if ts[k].is_cap() {
            let s = k;
            while k < ts.len() && (ts[k].is_cap() || ts[k].lower() == "de" || ts[k].lower() == "van") {
                k += 1;
            }
            best = Some(s..k);
        } else {
            k += 1;
        }
    }
    match best {
        Some(r)
            if !(r.len() == 1
                && matches!(
                    ts[r.start].s,
                    "The" | "A" | "An" | "One" | "Another" | "Some" | "His" | "Her" | "Their" | "Its"
                )) =>
        {
            Some(joined_name(&ts[r]))
        }
        _ => Some(m.trim().to_string()),
    }
}

/// The last name of two or more capitalised words in `s` (not at a sentence start alone).
fn last_full_name(s: &str) -> Option<String> {
    let ts = tokens(s, 0, s.len());
    let mut best = None;
    let mut k = 0;
    while k < ts.len() {
        if ts[k].is_cap() && ts[k].is_word() {
            let st = k;
            while k < ts.len() && ts[k].is_cap() && ts[k].is_word() {
                k += 1;
            }
            if k - st >= 2 {
                best = Some(joined_name(&ts[st..k]));
            }
        } else {
            k += 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `resolve` for the first `mention` in `text`, with people named
    /// earlier as `earlier`.
    fn who(text: &str, mention: &str, earlier: &[(usize, String)]) -> Option<String> {
        let at = text.find(mention).expect("the mention");
        resolve(text, &(at..at + mention.len()), at, earlier)
    }

    #[test]
    fn a_mention_names_its_last_run_of_capitalised_words() {
        let t = "Ferry union spokeswoman Ana Ruiz said";
        assert_eq!(who(t, "Ferry union spokeswoman Ana Ruiz", &[]).as_deref(), Some("Ana Ruiz"));
        assert_eq!(who("Captain Lee's crew said", "Captain Lee's", &[]).as_deref(), Some("Captain Lee"));
        // a description with no name is itself
        assert_eq!(who("The ferryman said", "The ferryman", &[]).as_deref(), Some("The ferryman"));
    }

    #[test]
    fn a_pronoun_is_the_speaker_named_before_it_or_the_last_full_name() {
        let t = "Tom Lee spoke first. Then he said";
        assert_eq!(who(t, "he", &[(0, "Lee".to_string())]).as_deref(), Some("Lee"));
        assert_eq!(who(t, "he", &[]).as_deref(), Some("Tom Lee"));
        assert_eq!(last_full_name("Tom Lee met Ana Ruiz. Then").as_deref(), Some("Ana Ruiz"));
        // the speaker's own "I" and "we" stand for no one named
        assert_eq!(who("Tom Lee said we", "we", &[(0, "Tom Lee".to_string())]), None);
    }

    #[test]
    fn who_is_the_name_before_it() {
        let t = "Tom Lee, the ferry's owner, who added";
        assert_eq!(who(t, "who", &[]).as_deref(), Some("Tom Lee"));
    }
}
