//! Loose comparison of people's names.
//!
//! "Putin", "Vladimir Putin" and "President Putin" are one person; so are
//! "Mr. Barack Obama" and "Barack Obama", and "Martin Luther King, Jr." and
//! "Martin Luther King". "George W. Bush" and "George H. W. Bush" are not.

/// Words that are titles, honorifics or suffixes rather than names.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mister", "dr", "sir", "dame", "lord", "lady", "president", "vice", "prime", "minister",
    "secretary", "general", "senator", "governor", "king", "queen", "prince", "princess", "sheikh", "his", "her",
    "excellency", "majesty", "highness", "the", "hon", "honourable", "honorable", "rev", "reverend",
    "father", "pope", "saint", "st", "prof", "professor", "jr", "sr", "ii", "iii", "iv", "esq", "mme", "judge",
    "justice", "ambassador", "chancellor", "emperor", "chairman", "comrade", "archbishop", "bishop", "cardinal",
    "monsignor", "captain", "colonel", "admiral", "lieutenant", "major", "sergeant", "premier", "foreign", "state",
    "of", "and",
];

/// The name words of a name: normalized, titles and suffixes removed.
pub fn name_words(name: &str) -> Vec<String> {
    let words: Vec<String> = verbatim_text::tokenize(name).into_iter().map(|t| t.norm).collect();
    let kept: Vec<String> = words.iter().filter(|w| !TITLES.contains(&w.as_str())).cloned().collect();
    if kept.is_empty() {
        words
    } else {
        kept
    }
}

fn compatible(a: &str, b: &str) -> bool {
    a == b || (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b))
}

/// Whether two names can be the same person. A field holding several people
/// ("Mr. NEHRU; Mr. Krishna MENON") matches when any of them does.
pub fn same_person(a: &str, b: &str) -> bool {
    let split = |s: &str| s.split(';').map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect::<Vec<_>>();
    let (aa, bb) = (split(a), split(b));
    aa.iter().any(|x| bb.iter().any(|y| same_one(x, y)))
}

fn same_one(a: &str, b: &str) -> bool {
    let x = name_words(a);
    let y = name_words(b);
    if x.is_empty() || y.is_empty() {
        return false;
    }
    if x == y {
        return true;
    }
    // a transliteration one letter apart, all else equal ("Lao Tsu" / "Lao-tzu")
    if x.len() == y.len() && x.len() >= 2 && x.iter().zip(&y).all(|(p, q)| near(p, q)) && x[0] == y[0] {
        return true;
    }
    let (short, long) = if x.len() <= y.len() { (&x, &y) } else { (&y, &x) };
    if short.len() == 1 {
        // a surname alone ("Putin", "ABDULLAH") names anyone whose last name it is
        // (or, for one-word names on either side, the same word)
        return long.last().is_some_and(|l| l == &short[0]) || (long.len() == 1 && long[0] == short[0]);
    }
    // first and last names must agree
    if short.last() != long.last() || !compatible(&short[0], &long[0]) {
        return false;
    }
    // middle names: when both give some, they must agree one for one
    let sm = &short[1..short.len() - 1];
    let lm = &long[1..long.len() - 1];
    if sm.is_empty() || lm.is_empty() {
        return true;
    }
    sm.len() == lm.len() && sm.iter().zip(lm).all(|(p, q)| compatible(p, q))
}

/// Whether `text` names the person: one of the name's words (three letters
/// or more, titles aside) stands in it as a capitalized word. Used on the
/// frame of a nested quotation ("young Anne wrote these words:").
pub fn named_in(name: &str, text: &str) -> bool {
    let words = name_words(name);
    verbatim_text::tokenize(text).iter().any(|t| {
        let capital = text[t.start..t.end].chars().next().is_some_and(|c| c.is_uppercase());
        capital && t.norm.chars().count() >= 3 && words.contains(&t.norm)
    })
}

/// Two spellings of one name word: equal, or (for words of three letters or
/// more and the same length) one letter apart ("Tsu" / "Tzu").
fn near(a: &str, b: &str) -> bool {
    a == b || (a.len() == b.len() && a.len() >= 3 && a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_matches() {
        assert!(same_person("Putin", "Vladimir Putin"));
        assert!(same_person("President Putin", "Vladimir Putin"));
        assert!(same_person("Mr. Barack Obama", "Barack Obama"));
        assert!(same_person("Martin Luther King, Jr.", "Martin Luther King Jr."));
        assert!(same_person("Franklin D. Roosevelt", "Franklin Delano Roosevelt"));
        assert!(same_person("ABDULLAH", "Mr. Abdullah ABDULLAH"));
        assert!(same_person("Mr. NEHRU; Mr. Krishna MENON", "Krishna Menon"));
        assert!(same_person("Emerson", "Ralph Waldo Emerson"));
        assert!(same_person("Lao Tsu", "Lao-tzu"));
    }

    #[test]
    fn different_people() {
        assert!(!same_person("George W. Bush", "George H. W. Bush"));
        assert!(!same_person("Anatol Lieven", "Vladimir Putin"));
        assert!(!same_person("Theodore Roosevelt", "Franklin D. Roosevelt"));
        assert!(!same_person("", "Putin"));
    }
}
