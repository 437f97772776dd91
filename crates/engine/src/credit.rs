//! Whose words are these? Credit judged over every witness.
//!
//! The same words stand in several places: a speech, a later speech that
//! quotes it, a quote page, a collection that repeats a wrong credit. Each
//! place is a witness with a role:
//!
//! - **own**: the words stand in a primary source (a speech, a "(Full
//!   text)" section) outside any quotation marks: they are its speaker's own;
//! - **quoter**: the words stand inside a span the source reports as someone
//!   else's (quotation marks, a block quotation), and the source names that
//!   person ("as Lincoln said") or, unnamed, an earlier origin exists;
//! - **collection**: a quote page or collection entry credits someone;
//! - **debunk**: a source lists the words as wrongly credited to someone.
//!
//! The origin is the earliest witness whose words are its speaker's own, or
//! the person a quoting witness names (dated by that witness), whichever is
//! earlier; failing both, a collection's credit. Marks that name nobody
//! make the words another's only when an origin exists elsewhere; alone,
//! they are the source's own (dialogue, scare quotes). The claimed speaker
//! is then resolved among the people the corpus knows
//! ([`crate::names::People`]) and compared with the chain.

use verbatim_model::{Chain, Role, Standing, Witness};

use crate::names::{self, People, Resolved};
use crate::{CreditVerdict, Match, Verdict};

fn changed(m: &Match) -> usize {
    m.edits.iter().filter(|e| e.is_change()).count()
}

fn date_key(m: &Match) -> String {
    m.date.clone().unwrap_or_else(|| "9999".into())
}

/// Builds the chain over the matches (best first) and, for a claimed
/// speaker, the credit verdict and the other person it names.
pub fn judge(
    claimed: Option<&str>,
    matches: &[Match],
    people: Option<&People>,
) -> (Option<CreditVerdict>, Option<String>, Chain) {
    let mut chain = Chain::default();
    let Some(best) = matches.first() else {
        return (claimed.map(|_| CreditVerdict::Unknown), None, chain);
    };
    // witnesses of the same words: no more changed words than the best, give
    // or take a transcriber's slips (one word in ten)
    let words = best.text.split_whitespace().count();
    let limit = changed(best) + (words / 10).max(1);
    let ws: Vec<&Match> = matches.iter().filter(|m| changed(m) <= limit && m.verdict != Verdict::Paraphrase).collect();

    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Own,
        Named,
        Unnamed,
        Collection,
        Debunk,
    }
    let kind = |m: &Match| -> Kind {
        if m.standing == Standing::Misattributed {
            Kind::Debunk
        } else if let Some(n) = &m.nested {
            if n.inner.is_some() {
                Kind::Named
            } else {
                Kind::Unnamed
            }
        } else if m.primary {
            Kind::Own
        } else {
            Kind::Collection
        }
    };
    let kinds: Vec<Kind> = ws.iter().map(|m| kind(m)).collect();
    // a person as a text names them, in the record's spelling where it has one
    let canon = |n: &str| people.map_or_else(|| n.to_string(), |p| p.canonical(n));
    let own_speaker = |m: &Match| m.witness.clone().or_else(|| m.owner.clone());

    // the origin: the earliest own words or named person
    let pick = |unnamed_own: bool| -> Option<(usize, String, &'static str)> {
        let mut best: Option<(String, u8, usize, String, &'static str)> = None;
        for (i, m) in ws.iter().enumerate() {
            let (tier, who, how) = match kinds[i] {
                Kind::Own => (0, own_speaker(m), "own words"),
                Kind::Unnamed if unnamed_own => (0, own_speaker(m), "own words"),
                Kind::Named => (1, m.nested.as_ref().and_then(|n| n.inner.as_deref().map(canon)), "named by a quoter"),
                _ => continue,
            };
            let Some(who) = who else { continue };
            let key = (date_key(m), tier);
            if best.as_ref().is_none_or(|b| key < (b.0.clone(), b.1)) {
                best = Some((key.0, key.1, i, who, how));
            }
        }
        best.map(|(_, _, i, who, how)| (i, who, how))
    };
    let mut unnamed_own = false;
    let mut origin = pick(false);
    if origin.is_none() && kinds.contains(&Kind::Unnamed) {
        unnamed_own = true;
        origin = pick(true);
    }
    if origin.is_none() {
        origin = ws
            .iter()
            .enumerate()
            .filter(|(i, m)| kinds[*i] == Kind::Collection && m.owner.is_some())
            .min_by_key(|(i, m)| (date_key(m), *i))
            .map(|(i, m)| (i, m.owner.clone().unwrap_or_default(), "a collection's credit"));
    }
    if origin.is_none() {
        origin = ws
            .iter()
            .enumerate()
            .find(|(i, m)| kinds[*i] == Kind::Debunk && m.owner.is_some())
            .map(|(i, m)| (i, m.owner.clone().unwrap_or_default(), "a list of misattributions"));
    }
    chain.origin = origin.as_ref().map(|o| o.1.clone());
    chain.origin_from = origin.as_ref().map(|o| o.2);

    // the chain, in date order
    let mut order: Vec<usize> = (0..ws.len()).collect();
    order.sort_by_key(|&i| (date_key(ws[i]), i));
    for i in order {
        let m = ws[i];
        let role = match kinds[i] {
            _ if origin.as_ref().is_some_and(|o| o.0 == i && o.2 == "own words") => Role::Origin,
            Kind::Own => Role::Repeats,
            Kind::Unnamed if unnamed_own => Role::Repeats,
            Kind::Named | Kind::Unnamed => Role::Quoter,
            Kind::Collection => Role::Collection,
            Kind::Debunk => Role::Debunk,
        };
        let evidence = match kinds[i] {
            Kind::Named | Kind::Unnamed => m.nested.as_ref().and_then(|n| n.cue.clone()),
            Kind::Debunk => Some(format!(
                "listed as misattributed{}",
                m.not_by.as_ref().map(|n| format!(" to {n}")).unwrap_or_default()
            )),
            Kind::Collection => m.owner.as_ref().map(|o| {
                if m.owner_from == "witness" {
                    format!("credited through another witness: {o}")
                } else {
                    format!("credited: {o}")
                }
            }),
            Kind::Own => m.speaker.as_ref().map(|s| format!("the source's speaker: {s}")),
        };
        chain.witnesses.push(Witness {
            source_id: m.source_id,
            source: m.source.clone(),
            start: m.start,
            end: m.end,
            date: m.date.clone(),
            speaker: own_speaker(m),
            role,
            inner: m.nested.as_ref().and_then(|n| n.inner.as_deref().map(canon)),
            evidence,
        });
    }

    let Some(claimed) = claimed else { return (None, None, chain) };

    // who the claim names: the best-fitting people the corpus knows (or,
    // with no index of people, the name itself)
    let cands: Vec<String> = match people.map(|p| p.resolve(claimed)) {
        Some(Resolved::People(v)) => v,
        Some(Resolved::Stranger) => Vec::new(),
        None => vec![claimed.to_string()],
    };
    let fits = |p: &str| cands.iter().any(|k| names::same_known(k, p));
    // the witnesses decide between equally good candidates; two different
    // people among them make the claim ambiguous
    let mut in_chain: Vec<String> = Vec::new();
    for w in &chain.witnesses {
        for p in [&w.speaker, &w.inner].into_iter().flatten() {
            if fits(p) && !in_chain.iter().any(|q| names::same_known(q, p)) {
                in_chain.push(p.clone());
            }
        }
    }
    if let Some(o) = &chain.origin {
        if fits(o) && !in_chain.iter().any(|q| names::same_known(q, o)) {
            in_chain.push(o.clone());
        }
    }
    let full: Vec<&String> = in_chain.iter().filter(|p| names::parse(p).is_some_and(|n| !n.given.is_empty())).collect();
    let distinct = full.iter().enumerate().filter(|(i, p)| !full[..*i].iter().any(|q| names::same_known(q, p))).count();
    if distinct >= 2 {
        chain.ambiguous = full.iter().map(|s| s.to_string()).collect();
        return (Some(CreditVerdict::Unknown), None, chain);
    }
    let is_claimed = |p: &str| in_chain.iter().any(|q| names::same_known(q, p));
    let origin_name = chain.origin.clone();

    // a source listing the words as wrongly credited to the claimed person
    // outweighs collections that repeat the credit (not the person's own text)
    let own_origin = origin.as_ref().is_some_and(|o| o.2 == "own words" && !unnamed_own);
    if !(own_origin && origin_name.as_deref().is_some_and(is_claimed)) {
        if let Some(d) = ws.iter().find(|m| {
            m.standing == Standing::Misattributed
                && matches!(m.verdict, Verdict::Verbatim | Verdict::Normalized | Verdict::Elided)
                && m.not_by.as_deref().is_some_and(|nb| is_claimed(nb) || names::same_known(claimed, nb))
        }) {
            return (Some(CreditVerdict::Misattributed), d.owner.clone(), chain);
        }
    }
    if origin_name.as_deref().is_some_and(is_claimed) {
        return (Some(CreditVerdict::Attributed), None, chain);
    }
    // the text before a quotation names the claimed person, though no cue
    // the reader knows gave a speaker (and no own words say otherwise)
    if !own_origin {
        let framed = ws
            .iter()
            .any(|m| m.nested.as_ref().is_some_and(|n| n.inner.is_none() && names::named_in(claimed, &n.frame)));
        if framed {
            return (Some(CreditVerdict::Attributed), None, chain);
        }
    }
    // the claimed person gives the words, but quoting, or after the origin
    let quoting = chain
        .witnesses
        .iter()
        .any(|w| matches!(w.role, Role::Quoter | Role::Repeats) && w.speaker.as_deref().is_some_and(is_claimed));
    if quoting {
        let from = origin_name.or_else(|| chain.witnesses.iter().find_map(|w| w.inner.clone()));
        return (Some(CreditVerdict::QuotedBy), from, chain);
    }
    match origin_name {
        Some(o) => (Some(CreditVerdict::Misattributed), Some(o), chain),
        None => (Some(CreditVerdict::Unknown), None, chain),
    }
}

/// Credit through witnesses: when the best witness holds the words with no
/// credit (a collection entry, a bullet with none), another witness of the
/// same words that credits them lends its credit, marked as inferred and
/// naming where it came from. A witness that is itself uncredited never
/// lends anything, and neither does a neighbouring quotation.
pub(crate) fn infer_owner(matches: &mut [Match]) {
    let Some(best) = matches.first() else { return };
    if best.owner.is_some() || best.standing == Standing::Misattributed {
        return;
    }
    let lender = matches[1..].iter().find(|m| {
        m.owner.is_some()
            && m.owner_from != "witness"
            && m.standing == Standing::Sourced
            && m.verdict != Verdict::Altered
    });
    if let Some(l) = lender {
        let (owner, via) = (l.owner.clone(), format!("{} [{}..{}]", l.source, l.start, l.end));
        let best = &mut matches[0];
        best.owner = owner;
        best.owner_from = "witness";
        best.owner_via = Some(via);
    }
}
