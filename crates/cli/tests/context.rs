//! Out of context, and quotations as editors write them: the binary on the
//! inaugural addresses of the demo corpus. Each test states the general
//! case in its name and checks it on a real passage.

mod common;

use std::path::Path;
use std::sync::OnceLock;

use common::{demo, json, verbatim};
use serde_json::Value;

/// One corpus of the demo's speeches and book, plus a hard-wrapped page
/// with words hyphenated at line ends, shared by the tests of this file.
fn corpus() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = verbatim(dir.path(), &["ingest", "--manifest", demo().join("manifest.jsonl").to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // a page as OCR and hard-wrapped books give it: a syllable break and
        // a compound's own hyphen, both at line ends
        let page = dir.path().join("wrapped.txt");
        std::fs::write(
            &page,
            "The Assembly resolved to diminish and to reorient its Charter-\n   enshrined role, and to\nreinstat-\ning the \
             committee that the war had dissolved.\n\nThe delegates was [sic] unanimous that the committee should \
             report within the year.\n",
        )
        .unwrap();
        let out = verbatim(dir.path(), &["ingest", page.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        dir
    })
    .path()
}

fn find(quote: &str) -> Value {
    let out = verbatim(corpus(), &["find", "--json", quote]);
    json(&out)
}

fn kinds(m: &Value) -> Vec<&str> {
    m["context"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect()
}

fn flag<'a>(m: &'a Value, kind: &str) -> &'a Value {
    m["context"].as_array().unwrap().iter().find(|f| f["kind"] == kind).unwrap_or_else(|| panic!("no {kind} in {m}"))
}

/// The flag's offsets slice the source file to its words.
fn slices_source(m: &Value, f: &Value) {
    let path = Path::new(m["source"].as_str().unwrap());
    let text = std::fs::read(if path.is_relative() { demo().join(path) } else { path.to_path_buf() }).unwrap();
    let (a, b) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
    assert_eq!(String::from_utf8_lossy(&text[a..b]).trim(), f["words"].as_str().unwrap());
}

#[test]
fn a_quotation_cut_before_unless_claims_more_than_its_source() {
    let a = find("In doing this there needs to be no bloodshed or violence, and there shall be none");
    let m = &a["matches"][0];
    assert_eq!(a["verdict"], "verbatim");
    let f = flag(m, "cut_before_limit");
    assert_eq!(f["words"], "unless it be forced upon the national authority");
    slices_source(m, f);
}

#[test]
fn a_trailing_mark_is_an_elision_of_the_rest_of_the_sentence() {
    let a = find("In doing this there needs to be no bloodshed or violence, and there shall be none...");
    let m = &a["matches"][0];
    assert_eq!(a["verdict"], "elided");
    assert_eq!(m["omitted"][0]["text"], "unless it be forced upon the national authority.");
    assert_eq!(kinds(m), ["cut_before_limit"]);
}

#[test]
fn a_leading_mark_is_an_elision_of_the_start_and_a_new_clause_is_no_frame() {
    let a = find("...there shall be none unless it be forced upon the national authority");
    let m = &a["matches"][0];
    assert_eq!(a["verdict"], "elided");
    assert_eq!(m["omitted"][0]["text"], "In doing this there needs to be no bloodshed or violence, and");
    assert!(kinds(m).is_empty(), "{m}");
}

#[test]
fn words_after_a_negation_and_before_unless_are_cut_on_both_sides() {
    // Hoover, 1929: "We can not hope to succeed in directing this increasingly
    // complex civilization unless we can draw all the talent of leadership …"
    let a = find("hope to succeed in directing this increasingly complex civilization");
    let m = &a["matches"][0];
    assert_eq!(kinds(m), ["cut_before_limit", "cut_after_limit"]);
    assert_eq!(flag(m, "cut_after_limit")["words"], "We can not");
    slices_source(m, flag(m, "cut_after_limit"));
}

#[test]
fn an_ellipsis_over_never_hides_a_limit_and_one_over_nothing_material_does_not() {
    let a =
        find("We ought to cherish a sacred regard for the independence of all nations, and ... attempt to interfere");
    let m = &a["matches"][0];
    assert_eq!(a["verdict"], "elided");
    assert_eq!(flag(m, "elision_hides_limit")["words"], "never");
    let a = find("We ought to cherish a sacred regard for the ... of all nations");
    assert_eq!(a["verdict"], "elided");
    assert!(kinds(&a["matches"][0]).is_empty());
}

#[test]
fn a_negation_dropped_or_added_is_flagged_and_the_verdict_keeps_its_form() {
    // Hoover: "Our objective is not simply to overcome illiteracy."
    let a = find("Our objective is simply to overcome illiteracy");
    let m = &a["matches"][0];
    assert_eq!(a["verdict"], "spliced");
    assert_eq!(flag(m, "negation_changed")["words"], "not");
    let a = find("ask not what your country can not do for you");
    assert_eq!(a["verdict"], "altered");
    assert_eq!(kinds(&a["matches"][0]), ["negation_changed"]);
}

#[test]
fn words_the_source_reports_as_others_are_reported_speech() {
    // Jefferson, 1801: "Sometimes it is said that man can not be trusted …"
    let a = find("man can not be trusted with the government of himself");
    let m = &a["matches"][0];
    assert_eq!(kinds(m), ["reported_speech"]);
    assert_eq!(flag(m, "reported_speech")["words"], "Sometimes it is said that");
    // the speaker's own words, whole, carry no flag
    let a = find("Self-government can succeed only through an instructed electorate");
    assert!(kinds(&a["matches"][0]).is_empty());
}

#[test]
fn editorial_brackets_and_notes_are_normalized_and_listed() {
    let a = find("[t]here needs to be no bloodshed or violence");
    assert_eq!(a["verdict"], "normalized");
    let e = &a["matches"][0]["edits"][0];
    assert_eq!(
        (e["op"].as_str(), e["quote"].as_str(), e["source"].as_str()),
        (Some("editorial"), Some("[t]here"), Some("there"))
    );
    let a = find("The power confided to [the President] will be used to hold, occupy, and possess the property");
    assert_eq!(a["verdict"], "normalized");
    let e = &a["matches"][0]["edits"][0];
    assert_eq!((e["quote"].as_str(), e["source"].as_str()), (Some("[the President]"), Some("me")));
    for q in [
        "there needs to be no bloodshed [sic] or violence",
        "there shall be none unless it be forced upon the national authority [emphasis added]",
    ] {
        let a = find(q);
        assert_eq!(a["verdict"], "normalized", "{q}");
        assert_eq!(a["matches"][0]["edits"][0]["op"], "editorial", "{q}");
    }
}

#[test]
fn a_sic_in_the_source_is_no_word_a_quotation_leaves_out() {
    let a = find("The delegates was unanimous that the committee should report within the year");
    assert_eq!(a["verdict"], "normalized", "{a}");
    assert!(a["matches"][0]["edits"].as_array().unwrap().is_empty(), "{a}");
}

#[test]
fn pasted_markup_and_quotation_marks_do_not_count() {
    for q in [
        "> **there needs to be no bloodshed** or violence",
        "» there needs to be no bloodshed or violence «",
        "“there needs to be no ‘bloodshed’ or violence”",
    ] {
        let a = find(q);
        assert_eq!(a["verdict"], "verbatim", "{q}");
    }
}

#[test]
fn a_word_hyphenated_at_a_line_end_matches_whole_or_hyphenated() {
    for (q, word) in [
        ("its Charter-enshrined role", "Charter-\n   enshrined"),
        ("and to reinstating the committee", "reinstat-\ning"),
    ] {
        let a = find(q);
        let m = &a["matches"][0];
        assert_eq!(a["verdict"], "verbatim", "{q}: {a}");
        assert!(m["text"].as_str().unwrap().contains(word), "{q}: offsets into the original: {m}");
    }
}

#[test]
fn a_quotation_assembled_from_two_documents_is_spliced_part_by_part() {
    for q in [
        "In doing this there needs to be no bloodshed or violence. Self-government can succeed only through an instructed electorate.",
        "In doing this there needs to be no bloodshed or violence ... we must draw constantly from the general mass",
    ] {
        let a = find(q);
        assert_eq!(a["verdict"], "spliced", "{q}");
        let ms = a["matches"].as_array().unwrap();
        assert!(ms[0]["source"].as_str().unwrap().ends_with("1861-Lincoln.txt"), "{q}");
        assert!(ms[1]["source"].as_str().unwrap().ends_with("1929-Hoover.txt"), "{q}");
        assert_eq!(ms[0]["part"]["start"], 0);
        assert!(ms[0]["part"]["end"].as_u64() < ms[1]["part"]["start"].as_u64());
    }
}

#[test]
fn verify_prints_the_flag_in_words() {
    let out = verbatim(corpus(), &["find", "there shall be none"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "out of context: cut before a limit: the source goes on “unless it be forced upon the national authority”"
        ),
        "{text}"
    );
}
