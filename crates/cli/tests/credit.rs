//! End-to-end: whose words are these, judged over every witness — on real
//! inaugural addresses (Polk, 1845, quoting Jefferson's first inaugural in
//! quotation marks) and on small documents that state each general case.

mod common;
use common::{demo, json, verbatim};
use std::path::Path;

fn ingest(dir: &Path, files: &[(&str, &str)], manifest: &str) {
    let src = dir.join("files");
    std::fs::create_dir_all(&src).unwrap();
    for (name, text) in files {
        std::fs::write(src.join(name), text).unwrap();
    }
    std::fs::write(src.join("manifest.jsonl"), manifest).unwrap();
    let out = verbatim(&dir.join("corpus"), &["ingest", "--manifest", src.join("manifest.jsonl").to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn credit(dir: &Path, quote: &str, who: &str) -> serde_json::Value {
    json(&verbatim(&dir.join("corpus"), &["find", "--json", "--speaker", who, quote]))
}

#[test]
fn a_later_president_quoting_an_earlier_one_on_the_real_addresses() {
    let dir = tempfile::tempdir().unwrap();
    let inaugural = demo().join("speeches/inaugural");
    let jefferson = std::fs::read_to_string(inaugural.join("1801-Jefferson.txt")).unwrap();
    let polk = std::fs::read_to_string(inaugural.join("1845-Polk.txt")).unwrap();
    ingest(
        dir.path(),
        &[("1801-Jefferson.txt", &jefferson), ("1845-Polk.txt", &polk)],
        concat!(
            "{\"path\": \"1801-Jefferson.txt\", \"speaker\": \"Thomas Jefferson\", \"date\": \"1801-03-04\"}\n",
            "{\"path\": \"1845-Polk.txt\", \"speaker\": \"James K. Polk\", \"date\": \"1845-03-04\"}\n",
        ),
    );
    let q = "preservation of the General Government in its whole constitutional vigor, as the sheet anchor of our peace at home and safety abroad";
    assert!(polk.contains("\"preservation of the General Government"), "Polk quotes it in marks");

    let v = credit(dir.path(), q, "James K. Polk");
    assert_eq!(v["credit"], "quoted_by", "{v}");
    assert_eq!(v["credit_to"], "Thomas Jefferson");
    let chain = &v["chain"];
    assert_eq!(chain["origin"], "Thomas Jefferson");
    let roles: Vec<&str> = chain["witnesses"].as_array().unwrap().iter().map(|w| w["role"].as_str().unwrap()).collect();
    assert_eq!(roles, ["origin", "quoter"], "{chain}");
    // the verdict and the first match are the origin's own words
    assert_eq!(v["matches"][0]["source"].as_str().unwrap().rsplit('/').next(), Some("1801-Jefferson.txt"));

    for (who, want) in [
        ("Thomas Jefferson", "attributed"),
        ("Thos. Jefferson", "attributed"),
        ("T. Jefferson", "attributed"),
        ("President Jefferson", "attributed"),
        ("Polk", "quoted_by"),
        ("Donald Trump", "misattributed"),
    ] {
        let v = credit(dir.path(), q, who);
        assert_eq!(v["credit"], want, "{who}: {v}");
    }
    assert_eq!(credit(dir.path(), q, "Donald Trump")["credit_to"], "Thomas Jefferson");
}

#[test]
fn witnesses_decide_the_origin_and_names_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    ingest(
        dir.path(),
        &[
            ("1825.txt", "Fellow citizens, the laws of the land must rest on the settled will of a free and patient people above all.\n"),
            ("1797.txt", "Fellow citizens, an honest government leans upon the virtue and the intelligence of a watchful people.\n"),
            ("1901.txt", "We mean to keep the great rivers and forests of the West for the children who will come after us.\n"),
            ("1936.txt", "My friends, Theodore Roosevelt said, \"We mean to keep the great rivers and forests of the West for the children who will come after us.\" He was right.\n"),
            ("1990.txt", "As Jefferson wrote, \"the tree of knowledge bears its sweetest fruit for the patient student of nature.\" And so we study.\n"),
            ("1994.txt", "We have waited long enough. As Franklin observed, an investment in knowledge always pays the best interest to a nation. So we build schools.\n"),
            ("2001.txt", "Here’s What I Know: “the rain will come when the rain will come, for every farmer in this valley.” So we wait.\n"),
        ],
        concat!(
            "{\"path\": \"1825.txt\", \"speaker\": \"John Quincy Adams\", \"date\": \"1825\"}\n",
            "{\"path\": \"1797.txt\", \"speaker\": \"John Adams\", \"date\": \"1797\"}\n",
            "{\"path\": \"1901.txt\", \"speaker\": \"Theodore Roosevelt\", \"date\": \"1901\"}\n",
            "{\"path\": \"1936.txt\", \"speaker\": \"Franklin D. Roosevelt\", \"date\": \"1936\"}\n",
            "{\"path\": \"1990.txt\", \"speaker\": \"George H. W. Bush\", \"date\": \"1990\"}\n",
            "{\"path\": \"1994.txt\", \"speaker\": \"Bill Clinton\", \"date\": \"1994\"}\n",
            "{\"path\": \"2001.txt\", \"speaker\": \"George W. Bush\", \"date\": \"2001\"}\n",
        ),
    );
    // two people stay two: the exact full name beats a compatible one
    let jqa = "the laws of the land must rest on the settled will of a free and patient people";
    assert_eq!(credit(dir.path(), jqa, "John Quincy Adams")["credit"], "attributed");
    assert_eq!(credit(dir.path(), jqa, "J. Q. Adams")["credit"], "attributed");
    let v = credit(dir.path(), jqa, "John Adams");
    assert_eq!(
        (v["credit"].as_str(), v["credit_to"].as_str()),
        (Some("misattributed"), Some("John Quincy Adams")),
        "{v}"
    );
    // George W. and George H. W. Bush
    let rain = "the rain will come when the rain will come, for every farmer";
    assert_eq!(credit(dir.path(), rain, "George W. Bush")["credit"], "attributed");
    assert_eq!(credit(dir.path(), rain, "George H. W. Bush")["credit"], "misattributed");

    // an earlier own text is the origin; a later one quoting it in marks is a quoter
    let rivers = "We mean to keep the great rivers and forests of the West for the children who will come after us.";
    assert_eq!(credit(dir.path(), rivers, "Teddy Roosevelt")["credit"], "attributed");
    let v = credit(dir.path(), rivers, "Franklin Roosevelt");
    assert_eq!((v["credit"].as_str(), v["credit_to"].as_str()), (Some("quoted_by"), Some("Theodore Roosevelt")), "{v}");
    let quoter = &v["chain"]["witnesses"][1];
    assert_eq!(
        (quoter["role"].as_str(), quoter["inner"].as_str(), quoter["evidence"].as_str()),
        (Some("quoter"), Some("Theodore Roosevelt"), Some("said")),
        "{v}"
    );
    // a surname alone that fits two people among the witnesses is ambiguous
    let v = credit(dir.path(), rivers, "Roosevelt");
    assert_eq!(v["credit"], "unknown", "{v}");
    assert_eq!(v["chain"]["ambiguous"].as_array().map(Vec::len), Some(2), "{v}");

    // a quoting witness that names the author makes the words theirs, though
    // the author's own text is not in the corpus
    let tree = "the tree of knowledge bears its sweetest fruit for the patient student of nature";
    let v = credit(dir.path(), tree, "Thomas Jefferson");
    assert_eq!(v["credit"], "attributed", "{v}");
    assert_eq!(v["chain"]["origin_from"], "named by a quoter");
    let v = credit(dir.path(), tree, "George H. W. Bush");
    assert_eq!((v["credit"].as_str(), v["credit_to"].as_str()), (Some("quoted_by"), Some("Jefferson")), "{v}");

    // reported speech without marks: "As Franklin observed, …" gives the
    // rest of the sentence as Franklin's words
    let interest = "an investment in knowledge always pays the best interest";
    assert_eq!(credit(dir.path(), interest, "Benjamin Franklin")["credit"], "attributed");
    let v = credit(dir.path(), interest, "Bill Clinton");
    assert_eq!((v["credit"].as_str(), v["credit_to"].as_str()), (Some("quoted_by"), Some("Franklin")), "{v}");

    // a sentence opener is never a person: the marks name nobody, and the
    // words stay their speaker's
    let v = credit(
        dir.path(),
        "the rain will come when the rain will come, for every farmer in this valley",
        "George W. Bush",
    );
    assert_eq!(v["credit"], "attributed", "{v}");
    assert!(v["chain"]["witnesses"][0]["inner"].is_null(), "{v}");
}
