//! End-to-end: `verbatim check` on the seed page and on a short article
//! that quotes the seed's speech (one elision, one changed word, one
//! misattribution), run as a user runs it.

mod common;
use common::{json, seed, seed_corpus, shared, verbatim};

fn surname(name: &str) -> String {
    name.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// Every quotation of the seed page is listed with the credit the page
/// gives it, as `sets/seed` expects: the speaker of each attributed query
/// is the speaker of the page quotation that holds its words; a query the
/// set calls misattributed or unknown is not that quotation's speaker.
#[test]
#[ignore = "needs ../shared"]
fn check_lists_the_seed_pages_quotations_with_their_credits() {
    let dir = seed_corpus();
    let out = verbatim(dir.path(), &["check", "--json", seed().to_str().unwrap()]);
    assert!(out.status.code() == Some(0) || out.status.code() == Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    assert_eq!(v["kind"], "page");
    let qs = v["quotations"].as_array().unwrap();
    assert_eq!(qs.len(), 22, "every lead quote and bullet of the page");
    let queries = std::fs::read_to_string(shared().join("bench/sets/seed/queries.jsonl")).unwrap();
    let mut checked = 0;
    for line in queries.lines().filter(|l| !l.trim().is_empty()) {
        let q: serde_json::Value = serde_json::from_str(line).unwrap();
        let (Some(speaker), Some(start), Some(end)) =
            (q["speaker"].as_str(), q["expect"]["start"].as_u64(), q["expect"]["end"].as_u64())
        else {
            continue;
        };
        if q["kind"] == "nested" {
            continue; // the page credits the bullet, not the person quoted inside it
        }
        let holder = qs
            .iter()
            .filter(|x| x["start"].as_u64().unwrap() <= start && end <= x["end"].as_u64().unwrap() + 1)
            .min_by_key(|x| x["end"].as_u64().unwrap() - x["start"].as_u64().unwrap())
            .unwrap_or_else(|| panic!("{}: no quotation holds {start}..{end}", q["id"]));
        let given = holder["speaker"].as_str().map(surname);
        match q["expect"]["credit"].as_str() {
            Some("attributed") => assert_eq!(given.as_deref(), Some(surname(speaker).as_str()), "{}", q["id"]),
            Some("misattributed") | Some("unknown") => {
                assert_ne!(given.as_deref(), Some(surname(speaker).as_str()), "{}", q["id"])
            }
            _ => continue,
        }
        checked += 1;
    }
    assert!(checked >= 12, "{checked} queries checked");
}

const ARTICLE: &str = "# Putin's speech, quoted\n\n\
Vladimir Putin spoke on 24 February 2022. “Entreaties and requests do not help. ... Those who refuse to comply are subjected to strong-arm tactics,” Putin said.\n\n\
He also said, “Russia is not the only country that is concerned about this.”\n\n\
“Misjudging Moscow had long been the occupational disease of European diplomacy,” wrote Simon Jenkins.\n\n\
“Anything that does not suit the dominant state, the powers that be, is denounced as archaic, obsolete and useless,” said Anatol Lieven.\n\n\
Critics called it a “historic” moment.\n";

/// The article quotes the speech four times: an honest elision, a changed
/// word, a verbatim quotation of Jenkins, and Putin's words put in Lieven's
/// mouth. `check` flags exactly the changed word and the misattribution,
/// and exits 1.
#[test]
fn check_flags_exactly_the_altered_and_the_misattributed_quotations() {
    let dir = seed_corpus();
    let article = dir.path().join("article.md");
    std::fs::write(&article, ARTICLE).unwrap();
    let out = verbatim(dir.path(), &["check", "--json", article.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v = json(&out);
    let qs = v["quotations"].as_array().unwrap();
    type Row<'a> = (String, Option<&'a str>, Option<&'a str>, Option<&'a str>, bool);
    let summary: Vec<Row> = qs
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().chars().take(24).collect(),
                q["speaker"].as_str(),
                q["answer"]["verdict"].as_str(),
                q["answer"]["credit"].as_str(),
                q["flagged"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(qs.len(), 5, "{summary:#?}");
    assert_eq!(summary[0].1, Some("Putin"));
    assert_eq!((summary[0].2, summary[0].3, summary[0].4), (Some("elided"), Some("attributed"), false), "{summary:#?}");
    // "He also said": the pronoun is Putin
    assert_eq!(summary[1].1, Some("Putin"), "{summary:#?}");
    assert_eq!((summary[1].2, summary[1].4), (Some("altered"), true), "{summary:#?}");
    assert_eq!(
        (summary[2].1, summary[2].2, summary[2].3, summary[2].4),
        (Some("Simon Jenkins"), Some("verbatim"), Some("attributed"), false)
    );
    assert_eq!(
        (summary[3].1, summary[3].3, summary[3].4),
        (Some("Anatol Lieven"), Some("misattributed"), true),
        "{summary:#?}"
    );
    assert_eq!(qs[3]["answer"]["credit_to"], "Vladimir Putin");
    // a one-word scare quote is listed, not looked up, not flagged
    assert_eq!((summary[4].2, summary[4].4), (None, false));
    assert_eq!(v["flagged"], 2);
    // what the changed word was
    let edits = qs[1]["answer"]["matches"][0]["edits"].as_array().unwrap();
    assert!(edits.iter().any(|e| e["quote"] == "concerned" && e["source"] == "worried"), "{edits:?}");

    // the human report names the verdicts; --jsonl gives one line a quotation
    let out = verbatim(dir.path(), &["check", article.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("5 quotations, 2 flagged") && text.contains("misattributed (Vladimir Putin)"), "{text}");
    let out = verbatim(dir.path(), &["check", "--jsonl", article.to_str().unwrap()]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 5);
}

#[test]
fn check_bad_input_exits_2() {
    let dir = seed_corpus();
    let out = verbatim(dir.path(), &["check", dir.path().join("missing.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
    let html = dir.path().join("a.html");
    std::fs::write(
        &html,
        "<html><body><p>&ldquo;Entreaties and requests do not help,&rdquo; Putin said.</p></body></html>",
    )
    .unwrap();
    let out = verbatim(dir.path(), &["check", "--json", html.to_str().unwrap()]);
    let v = json(&out);
    assert_eq!(v["quotations"][0]["speaker"], "Putin");
    assert_eq!(v["quotations"][0]["answer"]["verdict"], "verbatim");
}
