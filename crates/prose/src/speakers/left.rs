//! Cues before the quotation: "He said: “…”", "Trump told reporters, “…”",
//! "As Lincoln put it, “…”", "In the words of X, “…”", "According to X,
//! “…”".
//!
//! [`left_cue`] tries a few fixed phrases that name the speaker outright,
//! then reads the last verb of saying before the quotation and looks for
//! its subject, one construction at a time, in the order the rules are
//! listed: the first that reads wins.

use std::ops::{ControlFlow, Range};

use verbatim_lexicon::grammar::{BEFORE_A_NOUN, CLAUSE_WORDS, OPENERS};
use verbatim_lexicon::speech::{GOVERNS_TO_SAY, TELL, TO_SAY_IDIOMS, VERBS};

use super::lexicon::{is_clause_word, is_participle, is_verb, phrasal};
use super::subjects::{
    clause_subject, noun_phrase_after, sentence_subject, subject_from, subject_ok, trim_adverbs, verb_group_start,
};
use super::tokens::{before_byte, cap_run_start, is_dash, span, strip_possessive, Tok};
use super::Attribution;

/// The speaker the words `l` before a quotation give it, if they give one.
/// `whole` is the quotation's whole sentence before it, earlier quotations
/// left out, for rules that need the sentence's subject.
pub(super) fn left_cue(l: &[Tok<'_>], whole: &[Tok<'_>]) -> Option<Attribution> {
    if l.is_empty() {
        return None;
    }
    said_then_name(l)
        .or_else(|| naming_phrase(l))
        .or_else(|| name_and_colon(l))
        .or_else(|| as_x_put_it(l))
        .or_else(|| verb_of_saying(l, whole))
}

/// "Said the ferryman, who had seen it all, “…”": a sentence that opens
/// with "Said" names its speaker right after it, the inversion of "the
/// ferryman said". Only a capital "Said" counts: a lower-case "said" there
/// is some other clause's verb.
fn said_then_name(l: &[Tok<'_>]) -> Option<Attribution> {
    let said = l.first().filter(|t| t.is("Said"))?;
    let np = noun_phrase_after(&l[1..])?;
    Some((np, said.at..said.end()))
}

/// The first phrase, from the sentence's start, that names the speaker
/// outright: "in X's words" ([`in_someones_words`]), "in the words of X"
/// ([`in_the_words_of`]), "according to X" ([`according_to`]).
fn naming_phrase(l: &[Tok<'_>]) -> Option<Attribution> {
    (0..l.len()).find_map(|k| in_someones_words(l, k).or_else(|| in_the_words_of(l, k)).or_else(|| according_to(l, k)))
}

/// "The harbour, in Captain Lee's words, “…”": "in X's words" (or "in
/// Moses' words") credits the words to the possessor. `l[k]` is "words";
/// the possessor starts with a capital and "in" stands at most four words
/// before.
fn in_someones_words(l: &[Tok<'_>], k: usize) -> Option<Attribution> {
    if k < 2 || l[k].lower() != "words" {
        return None;
    }
    let i = l[..k - 1].iter().rposition(|t| t.lower() == "in").filter(|&i| k - i <= 5)?;
    let owner = &l[i + 1..k];
    let last = owner[owner.len() - 1].s;
    let possessive = strip_possessive(last) != last || last.ends_with(['\'', '\u{2019}']);
    if !possessive || !owner[0].is_cap() {
        return None;
    }
    let owner: Vec<Tok<'_>> = owner.iter().filter(|t| t.is_word()).cloned().collect();
    (!owner.is_empty()).then(|| (span(&owner), l[k].at..l[k].end()))
}

/// "In the words of an old sailor, “…”": "words of X" names X, with the
/// cue "words of". `l[k]` is "words".
fn in_the_words_of(l: &[Tok<'_>], k: usize) -> Option<Attribution> {
    if k < 1 || l[k].lower() != "words" || l.get(k + 1).is_none_or(|t| t.lower() != "of") {
        return None;
    }
    let np = noun_phrase_after(&l[k + 2..])?;
    Some((np, l[k].at..l[k + 1].end()))
}

/// "According to the harbour master, “…”": the noun phrase after
/// "according to" is the speaker. `l[k]` is "according".
fn according_to(l: &[Tok<'_>], k: usize) -> Option<Attribution> {
    if l[k].lower() != "according" || l.get(k + 1).is_none_or(|t| t.lower() != "to") {
        return None;
    }
    let np = noun_phrase_after(&l[k + 2..])?;
    Some((np, l[k].at..l[k + 1].end()))
}

/// "Ferryman: “…”": a name and a colon, alone before the quotation, as in
/// an interview's transcript; or after a dash, as a headline's credit
/// ("RIVER RISING - Ana Ruiz and Tom Lee: “…”"). The name is capitalised
/// words, "and" allowed between them, six tokens at most.
fn name_and_colon(l: &[Tok<'_>]) -> Option<Attribution> {
    let colon = l.last().filter(|t| t.is(":") && l.len() >= 2)?;
    let from = l.iter().rposition(|t| matches!(t.s, "-" | "--" | "\u{2013}" | "\u{2014}")).map_or(0, |d| d + 1);
    let name = &l[from..l.len() - 1];
    let fits = !name.is_empty()
        && name.len() <= 6
        && name.iter().all(|t| t.is_word() && (t.is_cap() || t.is("and")))
        && name[0].is_cap()
        && name[name.len() - 1].is_cap();
    fits.then(|| (span(name), colon.at..colon.end()))
}

/// "As the old ferryman put it, “…”": the subject between "as" and the
/// last "put it" / "puts it" is the speaker.
fn as_x_put_it(l: &[Tok<'_>]) -> Option<Attribution> {
    let k = (0..l.len().saturating_sub(2))
        .rev()
        .find(|&k| matches!(l[k].lower().as_str(), "put" | "puts") && l[k + 1].lower() == "it")?;
    if k < 2 {
        return None;
    }
    let a = l[..k].iter().rposition(|t| t.lower() == "as")?;
    let subj = &l[a + 1..k];
    subject_ok(subj).then(|| (span(subj), l[k].at..l[k + 1].end()))
}

/// "The ferryman told the crowd: “…”", "Ruiz, a planner, said “…”": the
/// last verb of saying before the quotation, no more than 25 tokens back,
/// and its subject. A participle ("…, adding, “…”") takes the subject of
/// its clause; any other verb, the words before it, read by the rules of
/// [`subject_of_verb`]; where none reads, an earlier verb of the sentence
/// is tried ("The inspector said the pipes that had burst suggested
/// “…”").
fn verb_of_saying(l: &[Tok<'_>], whole: &[Tok<'_>]) -> Option<Attribution> {
    let v = last_verb_of_saying(l)?;
    let cue = if phrasal_cue(l, v) { l[v].at..l[v + 1].end() } else { l[v].at..l[v].end() };
    if is_participle(&l[v]) {
        return participle_subject(l, whole, v, cue);
    }
    match subject_of_verb(l, whole, v, &cue) {
        ControlFlow::Break(found) => found,
        ControlFlow::Continue(v) => left_cue(&l[..v], whole),
    }
}

/// The last verb of saying among the last 25 tokens of `l`: a verb of
/// [`VERBS`], a form that is as often a noun where only a verb fits, or a
/// two-word cue.
fn last_verb_of_saying(l: &[Tok<'_>]) -> Option<usize> {
    (0..l.len()).rev().take(25).find(|&k| is_verb(&l[k]) || noun_or_verb_as_verb(l, k) || phrasal_cue(l, k))
}

/// "The ad claims “…”", "Ruiz notes that …": a form in "-s" that is as
/// often a noun ("claims", "notes") is a verb between a subject and "that",
/// a colon, a comma or the quotation; not after a determiner or a
/// possessive ("his notes that …", "her opening remarks that").
fn noun_or_verb_as_verb(l: &[Tok<'_>], k: usize) -> bool {
    let t = &l[k];
    let w = t.lower();
    let before = k.checked_sub(1).map(|b| &l[b]);
    !t.is_cap()
        && w.ends_with('s')
        && VERBS.contains(&w.as_str())
        && l.get(k + 1).is_none_or(|n| matches!(n.s, "that" | ":" | ","))
        && before.is_some_and(|b| {
            let bl = b.lower();
            b.is_word() && strip_possessive(&bl) == bl && !BEFORE_A_NOUN.contains(&bl.as_str())
        })
        && {
            let mut a = k;
            while a > 0 && l[a - 1].is_word() && !is_clause_word(&l[a - 1]) && k - a < 6 {
                a -= 1;
            }
            a < k && !matches!(l[a].lower().as_str(), "his" | "her" | "their" | "its" | "our" | "my" | "your")
        }
}

/// "The ferryman went on, “…”", "she chimed in: “…”": a two-word cue
/// counts on the left only right before a comma, a colon, "that", "about"
/// or the quotation (else "went on" is the motion of "went on the attack").
fn phrasal_cue(l: &[Tok<'_>], k: usize) -> bool {
    phrasal(l, k) && l.get(k + 2).is_none_or(|n| matches!(n.s, "," | ":" | "that" | "about"))
}

/// "The mayor attacked the plan, calling it “…”": a participle's subject is
/// not next to it. It is, in order, the subject of a verb of saying just
/// before it ([`adding_after_a_cue`]), its own subject
/// ([`participles_own_subject`]), else the subject of its clause, from the
/// last ", and" or "which" back to the quotation before, or else from the
/// sentence's start ("Kerr mocked the “experts,” saying, “…”").
fn participle_subject(l: &[Tok<'_>], whole: &[Tok<'_>], v: usize, cue: Range<usize>) -> Option<Attribution> {
    let np = adding_after_a_cue(l, whole, v)
        .or_else(|| participles_own_subject(l, v))
        .or_else(|| clause_subject(&l[..v]).or_else(|| clause_subject(before_byte(whole, l[v].at))))?;
    Some((np, cue))
}

/// "…, the ferryman said, adding, “…”": a participle right after "X said,"
/// goes on in X's voice; X is whoever the cue before it names.
fn adding_after_a_cue(l: &[Tok<'_>], whole: &[Tok<'_>], v: usize) -> Option<Range<usize>> {
    if v >= 2 && l[v - 1].is(",") && is_verb(&l[v - 2]) && !is_participle(&l[v - 2]) {
        return left_cue(&l[..v - 1], whole).map(|(np, _)| np);
    }
    None
}

/// "…, with Ruiz loudly insisting: “…”", "– Lee saying …, and Ruiz
/// calling it “…”": the capitalised name right before a participle (past
/// adverbs in "-ly") is its own subject, where "with", "and", a comma or a
/// dash opens that small clause, or nothing comes before it.
fn participles_own_subject(l: &[Tok<'_>], v: usize) -> Option<Range<usize>> {
    let mut k = v;
    while k > 0 && l[k - 1].s.ends_with("ly") && !l[k - 1].is_cap() {
        k -= 1;
    }
    let a = cap_run_start(l, k);
    let opens = a == 0 || matches!(l[a - 1].lower().as_str(), "with" | "and" | "," | "\u{2013}" | "\u{2014}" | "--");
    (a < k && opens && subject_ok(&l[a..k])).then(|| span(&l[a..k]))
}

/// The subject of the verb of saying `l[v]`, read back from the verb by
/// each rule in turn (`Break` with the first that reads). `Continue(v)`
/// when none reads, so that a verb before `l[v]` is tried; `Break(None)`
/// where the words give no speaker at all.
fn subject_of_verb(
    l: &[Tok<'_>],
    whole: &[Tok<'_>],
    v: usize,
    cue: &Range<usize>,
) -> ControlFlow<Option<Attribution>, usize> {
    let v = governing_verb_of_to_say(l, whole, v, cue)?;
    // between the verb and the quotation only its objects and a colon, a
    // comma or "that": a sentence or a quotation there is another's
    if l[v + 1..].iter().any(|t| matches!(t.s, "." | "!" | "?" | "\u{201d}" | "\"")) {
        return ControlFlow::Break(None);
    }
    found(says_x_comma(l, v, cue))?;
    let v0 = verb_group_start(l, v);
    found(comma_who(l, v0, cue))?;
    let s = subject_start(l, whole, v, v0)?;
    found(name_before_its_phrase(l, s, v0, cue))?;
    found(words_before_the_verb(l, s, v0, cue))?;
    found(before_a_relative_clause(l, v0, cue))?;
    found(past_words_between_dashes(l, s, v0, cue))?;
    found(a_second_verb(l, s, v0, v))?;
    appositive(l, s, v0, cue)?;
    ControlFlow::Continue(v)
}

/// A rule's answer, where it has one, ends the search.
fn found(a: Option<Attribution>) -> ControlFlow<Option<Attribution>> {
    match a {
        Some(a) => ControlFlow::Break(Some(a)),
        None => ControlFlow::Continue(()),
    }
}

/// "The memo goes on to say: “…”", "the mayor refused to say whether
/// …": the subject of "to say" is the governing verb's, so the subject is
/// read before that verb (`Continue` with its index). In an idiom ("it is
/// safe to say", "needless to say", "as if to say") no one speaks
/// (`Break(None)`); after any other word, the sentence's subject does.
fn governing_verb_of_to_say(
    l: &[Tok<'_>],
    whole: &[Tok<'_>],
    v: usize,
    cue: &Range<usize>,
) -> ControlFlow<Option<Attribution>, usize> {
    if v <= 1 || l[v - 1].lower() != "to" {
        return ControlFlow::Continue(v);
    }
    let g = if l[v - 2].lower() == "on" && v > 2 { v - 3 } else { v - 2 };
    let gov = &l[g];
    let gl = gov.lower();
    let governs = gl.ends_with("ed") || GOVERNS_TO_SAY.contains(&gl.as_str());
    if gov.is_word() && !gov.is_cap() && governs {
        ControlFlow::Continue(g)
    } else if TO_SAY_IDIOMS.contains(&gl.as_str()) {
        ControlFlow::Break(None)
    } else {
        ControlFlow::Break(sentence_subject(before_byte(whole, l[v - 1].at)).map(|np| (np, cue.clone())))
    }
}

/// "The trouble with the ferry, says Tom Lee, a boatman, is that it “…”":
/// the verb before its subject, between commas, inside someone else's
/// sentence. Not "told": "…, told Ana Ruiz" names who was told.
fn says_x_comma(l: &[Tok<'_>], v: usize, cue: &Range<usize>) -> Option<Attribution> {
    let inverted =
        v > 0 && l[v - 1].is(",") && l.get(v + 1).is_some_and(|t| t.is_cap()) && !TELL.contains(&l[v].lower().as_str());
    if !inverted {
        return None;
    }
    let np = noun_phrase_after(&l[v + 1..])?;
    l.iter().find(|t| t.at >= np.end).is_some_and(|t| t.is(",")).then(|| (np, cue.clone()))
}

/// "Tom Lee, the ferry's owner, who added that the fares were “…”": after a
/// comma, "who" is the verb's subject. The mention is "who" itself; its
/// person is the name before it (see `resolve`).
fn comma_who(l: &[Tok<'_>], v0: usize, cue: &Range<usize>) -> Option<Attribution> {
    (v0 >= 2 && l[v0 - 1].lower() == "who" && l[v0 - 2].is(",")).then(|| (l[v0 - 1].at..l[v0 - 1].end(), cue.clone()))
}

/// Where the subject that ends before `l[v0]` starts: back over at most
/// eight words, to a clause word ("and", "that", "in") or a mark.
/// "what" opens the clause whose subject speaks ("of what the ferryman
/// once said:"), except before "call" ("what it calls “…”" names a
/// thing, and the words are the outer subject's).
///
/// A verb of saying among the three words before the verb group is a
/// reported thought ("Ruiz, a planner, said she thinks “…”"): the words
/// are the outer speaker's, and the outer cue is read instead (`Break`).
fn subject_start(l: &[Tok<'_>], whole: &[Tok<'_>], v: usize, v0: usize) -> ControlFlow<Option<Attribution>, usize> {
    let mut s = v0;
    while s > 0 {
        let t = &l[s - 1];
        if !t.is_word() && !t.is("(") && !t.is(")") {
            break;
        }
        if is_verb(t) && !is_participle(t) && v0 - s <= 2 {
            return ControlFlow::Break(left_cue(&l[..s], whole));
        }
        if is_clause_word(t) || (t.lower() == "what" && !matches!(l[v].lower().as_str(), "call" | "calls" | "called")) {
            break;
        }
        s -= 1;
        if v0 - s >= 8 {
            break;
        }
    }
    ControlFlow::Continue(s)
}

/// "Mayor Okafor in her budget speech called the plan “…”": the words back
/// from the verb stop at "in" and give "her budget speech"; the name
/// before the phrase ("in", "at", "during", "on") is the subject; not a
/// word that opens a sentence ("Later at the hearing the clerk said").
fn name_before_its_phrase(l: &[Tok<'_>], s: usize, v0: usize, cue: &Range<usize>) -> Option<Attribution> {
    let subj = trim_adverbs(l[s..v0].to_vec());
    let fits = s >= 2
        && subj.first().is_some_and(|t| !t.is_cap())
        && matches!(l[s - 1].lower().as_str(), "in" | "at" | "during" | "on")
        && l[s - 2].is_cap()
        && !OPENERS.contains(&l[s - 2].lower().as_str());
    if !fits {
        return None;
    }
    let a = cap_run_start(l, s - 1);
    subject_ok(&l[a..s - 1]).then(|| (span(&l[a..s - 1]), cue.clone()))
}

/// "The ferryman said", "a county spokeswoman has said", "Lee on Monday
/// told": the words right before the verb group, past adverbs, when they
/// read as a subject (a name, a pronoun, a short noun phrase).
fn words_before_the_verb(l: &[Tok<'_>], s: usize, v0: usize, cue: &Range<usize>) -> Option<Attribution> {
    let subj = trim_adverbs(l[s..v0].to_vec());
    subject_ok(&subj).then(|| (span(&subj), cue.clone()))
}

/// "A county clerk who works nights said": the noun phrase before a
/// relative clause, when the clause (at most 14 tokens back) holds no verb
/// of saying of its own.
fn before_a_relative_clause(l: &[Tok<'_>], v0: usize, cue: &Range<usize>) -> Option<Attribution> {
    let w = (v0.saturating_sub(14)..v0).rev().find(|&k| l[k].lower() == "who" && k > 0 && l[k - 1].is_word())?;
    let mut a = w;
    while a > 0 && l[a - 1].is_word() && !is_clause_word(&l[a - 1]) && w - a < 8 {
        a -= 1;
    }
    let fits = a < w && subject_ok(&l[a..w]) && !l[w + 1..v0].iter().any(|t| is_verb(t) && !is_participle(t));
    fits.then(|| (span(&l[a..w]), cue.clone()))
}

/// "A former harbour master -- Tom Lee, who retired in 2001 -- said": the
/// subject before an aside set off by dashes.
fn past_words_between_dashes(l: &[Tok<'_>], s: usize, v0: usize, cue: &Range<usize>) -> Option<Attribution> {
    if s != v0 || s <= 1 || !is_dash(&l[s - 1]) {
        return None;
    }
    let d = (0..s - 1).rev().find(|&k| is_dash(&l[k]))?;
    let mut a = d;
    while a > 0 && l[a - 1].is_word() && !CLAUSE_WORDS.contains(&l[a - 1].lower().as_str()) && d - a < 8 {
        a -= 1;
    }
    let subj = &l[a..d];
    subject_ok(subj).then(|| (span(subj), cue.clone()))
}

/// "The clerk said on Monday that the count was over but said “…”", "Lee
/// paused and added, “…”": a second verb joined by "and" or "but" shares
/// the clause's subject. The cue is the verb `l[v]` itself.
fn a_second_verb(l: &[Tok<'_>], s: usize, v0: usize, v: usize) -> Option<Attribution> {
    if s != v0 || s == 0 || !matches!(l[s - 1].lower().as_str(), "and" | "but") {
        return None;
    }
    let np = clause_subject(&l[..s - 1])?;
    Some((np, l[v].at..l[v].end()))
}

/// "Tom Lee, 54, a boatman, said:", "the union's lawyer, Ana Ruiz, said":
/// a comma right before the verb closes an appositive, and the subject is
/// before it. With no earlier comma there is no appositive and the words
/// name no one (`Break(None)`). Else, in order: the name that opens the
/// sentence, a comma after it and only appositives up to the verb
/// ([`name_then_appositives`]); a name between the two commas
/// ([`name_between_commas`]); the capitalised words before the first
/// comma ([`words_before_the_comma`]); the noun phrase that opens the
/// sentence, when no verb of saying stands before this one
/// ([`opening_name`]).
fn appositive(l: &[Tok<'_>], s: usize, v0: usize, cue: &Range<usize>) -> ControlFlow<Option<Attribution>> {
    if s != v0 || s == 0 || !l[s - 1].is(",") {
        return ControlFlow::Continue(());
    }
    let Some(comma) = (0..s - 1).rev().find(|&k| l[k].is(",")) else {
        return ControlFlow::Break(None);
    };
    let np = name_then_appositives(l, v0)
        .or_else(|| name_between_commas(l, comma, s))
        .or_else(|| words_before_the_comma(l, comma))
        .or_else(|| opening_name(l, v0));
    found(np.map(|np| (np, cue.clone())))
}

/// "Dora Mbeki, 41, of Salem, Ore., said": the capitalised noun phrase
/// that opens the sentence (past opening words and phrases), a comma right
/// after it, and no other finite verb of saying before the verb.
fn name_then_appositives(l: &[Tok<'_>], v0: usize) -> Option<Range<usize>> {
    let from = subject_from(l);
    if !l.get(from).is_some_and(|t| t.is_cap()) || l[..v0].iter().any(|t| is_verb(t) && !is_participle(t)) {
        return None;
    }
    let np = noun_phrase_after(&l[from..])?;
    l.iter().find(|t| t.at >= np.end).is_some_and(|t| t.is(",")).then_some(np)
}

/// "the union's lawyer, Ana Ruiz, said": up to five capitalised words
/// between the last two commas before the verb; not a party and a state
/// ("R-Ky.") nor an abbreviated state ("Ill.").
fn name_between_commas(l: &[Tok<'_>], comma: usize, s: usize) -> Option<Range<usize>> {
    let between = &l[comma + 1..s - 1];
    let named = between.iter().all(|t| t.is_word() && t.is_cap())
        && !between.iter().any(|t| t.s.contains('-') || t.s.ends_with('.'));
    (!between.is_empty() && between.len() <= 5 && named).then(|| span(between))
}

/// "… and Tom Lee, the ferry's owner, said": up to six words before the
/// first of the two commas, back to a clause word, starting with a
/// capital.
fn words_before_the_comma(l: &[Tok<'_>], comma: usize) -> Option<Range<usize>> {
    let mut a = comma;
    while a > 0 && l[a - 1].is_word() && !CLAUSE_WORDS.contains(&l[a - 1].lower().as_str()) && comma - a < 6 {
        a -= 1;
    }
    let subj = &l[a..comma];
    (subj.first().is_some_and(|t| t.is_cap()) && subject_ok(subj)).then(|| span(subj))
}

/// "The ferry company of Salem and its owners, in their filing, said": the
/// noun phrase that opens the sentence, when no verb of saying at all
/// stands before the verb.
fn opening_name(l: &[Tok<'_>], v0: usize) -> Option<Range<usize>> {
    let from = subject_from(l);
    if !l.get(from).is_some_and(|t| t.is_cap()) || l[..v0].iter().any(is_verb) {
        return None;
    }
    noun_phrase_after(&l[from..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speakers::tokens::tokens;

    /// The mention and the cue of a reading, as words of `s`.
    fn words(s: &str, a: Option<Attribution>) -> Option<(&str, &str)> {
        a.map(|(m, c)| (&s[m], &s[c]))
    }

    /// What `left_cue` reads in `s`, the words of a sentence before its
    /// quotation.
    fn left(s: &str) -> Option<(&str, &str)> {
        let l = tokens(s, 0, s.len());
        words(s, left_cue(&l, &l))
    }

    /// The verb `verb_of_saying` turns on, where its verb group starts and
    /// where the words before it that may be its subject start.
    fn at_verb(l: &[Tok<'_>]) -> (usize, usize, usize) {
        let v = last_verb_of_saying(l).expect("a verb of saying");
        let v0 = verb_group_start(l, v);
        let ControlFlow::Continue(s) = subject_start(l, l, v, v0) else { panic!("a reported thought") };
        (v, v0, s)
    }

    #[test]
    fn said_then_name_reads_an_inverted_opening() {
        let s = "Said the night porter, who had kept the keys for years, ";
        let l = tokens(s, 0, s.len());
        assert_eq!(words(s, said_then_name(&l)), Some(("the night porter", "Said")));
        assert_eq!(left(s), Some(("the night porter", "Said")));
        // a lower-case "said" is some other clause's verb
        let s = "The porter said ";
        assert_eq!(words(s, said_then_name(&tokens(s, 0, s.len()))), None);
    }

    #[test]
    fn in_someones_words_credits_the_possessor() {
        let s = "The old bridge, in Captain Lee's words, ";
        let l = tokens(s, 0, s.len());
        let k = l.iter().position(|t| t.is("words")).unwrap();
        assert_eq!(words(s, in_someones_words(&l, k)), Some(("Captain Lee's", "words")));
        let s = "The law, in Moses' words, ";
        assert_eq!(left(s), Some(("Moses", "words")));
        // a possessor in lower case is no one named
        assert_eq!(left("The bridge, in the town's words, "), None);
    }

    #[test]
    fn in_the_words_of_names_who_follows() {
        let s = "In the words of an old sailor, ";
        let l = tokens(s, 0, s.len());
        assert_eq!(words(s, in_the_words_of(&l, 2)), Some(("an old sailor", "words of")));
        assert_eq!(left(s), Some(("an old sailor", "words of")));
    }

    #[test]
    fn according_to_names_who_follows() {
        let s = "According to the harbour master, ";
        let l = tokens(s, 0, s.len());
        assert_eq!(words(s, according_to(&l, 0)), Some(("the harbour master", "According to")));
        // the first such phrase in the sentence wins
        let s = "According to the clerk, the bridge, in Mayor Okafor's words, ";
        assert_eq!(left(s), Some(("the clerk", "According to")));
        let s = "The bridge, in Mayor Okafor's words, according to the clerk, ";
        assert_eq!(left(s), Some(("Mayor Okafor's", "words")));
    }

    #[test]
    fn name_and_colon_is_a_transcripts_credit() {
        let s = "Ferryman Tom Lee: ";
        let l = tokens(s, 0, s.len());
        assert_eq!(words(s, name_and_colon(&l)), Some(("Ferryman Tom Lee", ":")));
        // after a dash, a headline's credit
        let s = "RIVER RISING FAST - Ana Ruiz and Tom Lee: ";
        assert_eq!(left(s), Some(("Ana Ruiz and Tom Lee", ":")));
        // a sentence is no name
        let s = "The tide was high that night: ";
        assert_eq!(words(s, name_and_colon(&tokens(s, 0, s.len()))), None);
    }

    #[test]
    fn as_x_put_it_names_x() {
        let s = "As the old ferryman put it, ";
        let l = tokens(s, 0, s.len());
        assert_eq!(words(s, as_x_put_it(&l)), Some(("the old ferryman", "put it")));
        assert_eq!(left("The tide, as Ruiz puts it, "), Some(("Ruiz", "puts it")));
    }

    #[test]
    fn verb_of_saying_reads_the_last_verb_and_its_subject() {
        let s = "The ferryman told the crowd: ";
        let l = tokens(s, 0, s.len());
        assert_eq!(words(s, verb_of_saying(&l, &l)), Some(("The ferryman", "told")));
        // the last verb: "wrote", not "said"
        assert_eq!(left("The clerk said that the mayor wrote: "), Some(("the mayor", "wrote")));
    }

    #[test]
    fn verb_of_saying_tries_an_earlier_verb_when_no_subject_reads() {
        let s = "The inspector said the pipes that had burst suggested ";
        assert_eq!(left(s), Some(("The inspector", "said")));
    }

    #[test]
    fn a_noun_or_verb_form_is_a_verb_after_a_subject() {
        let s = "The new timetable claims ";
        let l = tokens(s, 0, s.len());
        assert!(noun_or_verb_as_verb(&l, 3));
        assert_eq!(left(s), Some(("The new timetable", "claims")));
        // after a possessive it is a noun
        let s = "Her opening remarks that ";
        let l = tokens(s, 0, s.len());
        assert!(!noun_or_verb_as_verb(&l, 2));
        assert_eq!(left(s), None);
    }

    #[test]
    fn a_two_word_cue_counts_before_a_comma_or_a_colon() {
        let s = "The ferryman went on, ";
        let l = tokens(s, 0, s.len());
        assert!(phrasal_cue(&l, 2));
        assert_eq!(left(s), Some(("The ferryman", "went on")));
        let s = "The ferryman went on the attack and ";
        assert!(!phrasal_cue(&tokens(s, 0, s.len()), 2));
    }

    #[test]
    fn a_participle_after_a_cue_goes_on_in_its_voice() {
        let s = "The river rose, the ferryman said, adding, ";
        let l = tokens(s, 0, s.len());
        let v = l.iter().position(|t| t.is("adding")).unwrap();
        assert_eq!(adding_after_a_cue(&l, &l, v).map(|m| &s[m]), Some("the ferryman"));
        assert_eq!(left(s), Some(("the ferryman", "adding")));
    }

    #[test]
    fn a_participle_may_have_its_own_subject() {
        let s = "The crowd grew restless, with Ruiz loudly insisting: ";
        let l = tokens(s, 0, s.len());
        let v = l.iter().position(|t| t.is("insisting")).unwrap();
        assert_eq!(participles_own_subject(&l, v).map(|m| &s[m]), Some("Ruiz"));
        assert_eq!(left(s), Some(("Ruiz", "insisting")));
    }

    #[test]
    fn a_participle_takes_the_subject_of_its_clause() {
        let s = "The mayor attacked the plan, calling it ";
        let l = tokens(s, 0, s.len());
        let v = l.iter().position(|t| t.is("calling")).unwrap();
        assert_eq!(words(s, participle_subject(&l, &l, v, l[v].at..l[v].end())), Some(("The mayor", "calling")));
    }

    #[test]
    fn to_say_takes_the_governing_verbs_subject_but_not_in_an_idiom() {
        let s = "The memo goes on to say: ";
        let l = tokens(s, 0, s.len());
        let v = l.iter().position(|t| t.is("say")).unwrap();
        let cue = l[v].at..l[v].end();
        assert_eq!(governing_verb_of_to_say(&l, &l, v, &cue), ControlFlow::Continue(2));
        assert_eq!(left(s), Some(("The memo", "say")));
        // an idiom: no one speaks
        let s = "It is safe to say that ";
        let l = tokens(s, 0, s.len());
        let cue = l[4].at..l[4].end();
        assert_eq!(governing_verb_of_to_say(&l, &l, 4, &cue), ControlFlow::Break(None));
        assert_eq!(left(s), None);
        // after any other word, the sentence's subject
        assert_eq!(left("The clerk had little to say: "), Some(("The clerk", "say")));
    }

    #[test]
    fn says_x_comma_inside_another_sentence() {
        let s = "The trouble with the ferry, says Tom Lee, a boatman, is that it ";
        let l = tokens(s, 0, s.len());
        let v = l.iter().position(|t| t.is("says")).unwrap();
        let cue = l[v].at..l[v].end();
        assert_eq!(words(s, says_x_comma(&l, v, &cue)), Some(("Tom Lee", "says")));
        assert_eq!(left(s), Some(("Tom Lee", "says")));
    }

    #[test]
    fn who_after_a_comma_is_the_subject() {
        let s = "Tom Lee, the ferry's owner, who added that the fares were ";
        let l = tokens(s, 0, s.len());
        let v = l.iter().position(|t| t.is("added")).unwrap();
        let cue = l[v].at..l[v].end();
        assert_eq!(words(s, comma_who(&l, v, &cue)), Some(("who", "added")));
        assert_eq!(left(s), Some(("who", "added")));
    }

    #[test]
    fn a_reported_thought_is_the_outer_speakers() {
        let s = "Dora Mbeki, a planner, said she thinks ";
        let l = tokens(s, 0, s.len());
        let v = last_verb_of_saying(&l).unwrap();
        assert!(l[v].is("thinks"));
        let outer = subject_start(&l, &l, v, v).break_value().flatten();
        assert_eq!(words(s, outer), Some(("Dora Mbeki", "said")));
        assert_eq!(left(s), Some(("Dora Mbeki", "said")));
    }

    #[test]
    fn the_subject_starts_after_what() {
        let s = "We all recall what the old ferryman once said: ";
        let l = tokens(s, 0, s.len());
        let (_, v0, start) = at_verb(&l);
        assert_eq!(&s[l[start].at..l[v0 - 1].end()], "the old ferryman");
        assert_eq!(left(s), Some(("the old ferryman", "said")));
    }

    #[test]
    fn a_name_before_its_phrase_is_the_subject() {
        let s = "Mayor Okafor in her budget speech called the plan ";
        let l = tokens(s, 0, s.len());
        let (v, v0, start) = at_verb(&l);
        let cue = l[v].at..l[v].end();
        assert_eq!(words(s, name_before_its_phrase(&l, start, v0, &cue)), Some(("Mayor Okafor", "called")));
        assert_eq!(left(s), Some(("Mayor Okafor", "called")));
    }

    #[test]
    fn the_words_before_the_verb_group_are_its_subject() {
        let s = "A county spokeswoman has also said ";
        let l = tokens(s, 0, s.len());
        let (v, v0, start) = at_verb(&l);
        let cue = l[v].at..l[v].end();
        assert_eq!(words(s, words_before_the_verb(&l, start, v0, &cue)), Some(("A county spokeswoman", "said")));
        assert_eq!(left("Okafor on Tuesday night told the council "), Some(("Okafor", "told")));
    }

    #[test]
    fn the_noun_phrase_before_a_relative_clause() {
        let s = "A county clerk who works nights said ";
        let l = tokens(s, 0, s.len());
        let (v, v0, _) = at_verb(&l);
        let cue = l[v].at..l[v].end();
        assert_eq!(words(s, before_a_relative_clause(&l, v0, &cue)), Some(("A county clerk", "said")));
        assert_eq!(left(s), Some(("A county clerk", "said")));
    }

    #[test]
    fn the_subject_before_an_aside_in_dashes() {
        let s = "A former harbour master -- Tom Lee, who retired in 2001 -- said ";
        let l = tokens(s, 0, s.len());
        let (v, v0, start) = at_verb(&l);
        let cue = l[v].at..l[v].end();
        assert_eq!(words(s, past_words_between_dashes(&l, start, v0, &cue)), Some(("A former harbour master", "said")));
        assert_eq!(left(s), Some(("A former harbour master", "said")));
    }

    #[test]
    fn a_second_verb_shares_the_subject() {
        let s = "The clerk said on Monday that the count was over but said ";
        let l = tokens(s, 0, s.len());
        let (v, v0, start) = at_verb(&l);
        let (m, cue) = a_second_verb(&l, start, v0, v).unwrap();
        assert_eq!((&s[m], cue.start), ("The clerk", l[v].at));
        assert_eq!(left("Lee paused and added, "), Some(("Lee", "added")));
    }

    #[test]
    fn an_appositive_before_the_verb() {
        // each reading, and that none before it reads: the text, the first
        // comma of the two, the verb group's start
        fn at(s: &str) -> (Vec<Tok<'_>>, usize, usize) {
            let l = tokens(s, 0, s.len());
            let (_, v0, _) = at_verb(&l);
            let comma = (0..v0 - 1).rev().find(|&k| l[k].is(",")).unwrap();
            (l, comma, v0)
        }
        // a name opens the sentence, only appositives follow it
        let s = "Dora Mbeki, 41, of Salem, Ore., said ";
        let (l, _, v0) = at(s);
        assert_eq!(name_then_appositives(&l, v0).map(|m| &s[m]), Some("Dora Mbeki"));
        assert_eq!(left(s), Some(("Dora Mbeki", "said")));
        // a name between the commas
        let s = "At the hearing, the union's lawyer, Ana Ruiz, said ";
        let (l, comma, v0) = at(s);
        assert_eq!(name_then_appositives(&l, v0), None);
        assert_eq!(name_between_commas(&l, comma, v0).map(|m| &s[m]), Some("Ana Ruiz"));
        assert_eq!(left(s), Some(("Ana Ruiz", "said")));
        // the name before the first comma
        let s = "The mayor said nothing, and Tom Lee, the ferry's owner, said ";
        let (l, comma, v0) = at(s);
        assert_eq!(name_then_appositives(&l, v0).or_else(|| name_between_commas(&l, comma, v0)), None);
        assert_eq!(words_before_the_comma(&l, comma).map(|m| &s[m]), Some("Tom Lee"));
        assert_eq!(left(s), Some(("Tom Lee", "said")));
        // the noun phrase that opens the sentence
        let s = "The ferry company of Salem and its owners, in their filing, said ";
        let (l, comma, v0) = at(s);
        let before = name_then_appositives(&l, v0)
            .or_else(|| name_between_commas(&l, comma, v0))
            .or_else(|| words_before_the_comma(&l, comma));
        assert_eq!(before, None);
        assert_eq!(opening_name(&l, v0).map(|m| &s[m]), Some("The ferry company of Salem"));
        assert_eq!(left(s), Some(("The ferry company of Salem", "said")));
    }

    #[test]
    fn a_comma_before_the_verb_with_none_before_it_names_no_one() {
        let s = "The ferry, said ";
        let l = tokens(s, 0, s.len());
        let (v, v0, start) = at_verb(&l);
        let cue = l[v].at..l[v].end();
        assert_eq!(appositive(&l, start, v0, &cue), ControlFlow::Break(None));
        assert_eq!(left(s), None);
    }
}
