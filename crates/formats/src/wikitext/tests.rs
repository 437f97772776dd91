use super::*;

fn quotes(s: &Source) -> Vec<(&str, Option<&str>, Option<&str>)> {
    s.quotations
        .iter()
        .map(|q| {
            (
                &s.text[q.start..q.end],
                q.credit.speaker.as_ref().map(|f| f.value.as_str()),
                q.credit.work.as_ref().map(|f| f.value.as_str()),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs ../shared"]
fn theme_page_speakers_come_from_credit_lines() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora/wikiquote/theme_Warmness.wiki");
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let s = read_wikitext("theme_Warmness.wiki", None, &src).unwrap();
    let q = quotes(&s);
    assert_eq!(q.len(), 6, "{q:#?}");
    assert_eq!(q[0].1, Some("Thomas Gray"));
    assert_eq!(q[0].2, Some("The Bard"));
    assert!(q[0].0.starts_with("Dear, as the light that visits these sad eyes;"));
    assert_eq!(q[2].1, Some("Joyce Kilmer"));
    assert_eq!(q[5].1, Some("Percy Bysshe Shelley"));
}

/// The Nietzsche page, section by section: how many quotations, how many
/// with a work, and who the Misattributed ones are given to.
#[test]
#[ignore = "needs ../shared"]
fn person_page_sections() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpora/wikiquote/Friedrich_Nietzsche.wikitext");
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let s = read_wikitext("Friedrich_Nietzsche.wikitext", Some("Friedrich Nietzsche"), &src).unwrap();
    // the heading above each quotation, read back from the rendered text
    let headings: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut pos = 0;
        let mut prev_blank = false;
        for l in s.text.split_inclusive('\n') {
            let t = l.trim();
            if !l.starts_with(' ') && !t.is_empty() && prev_blank && pos > 0 && l.len() < 120 {
                v.push((pos, t));
            }
            prev_blank = t.is_empty();
            pos += l.len();
        }
        v
    };
    let mut table: Vec<(String, usize, usize, usize)> = Vec::new();
    for q in &s.quotations {
        let h = headings.iter().rev().find(|(p, _)| *p <= q.start).map_or("(lead)", |h| h.1).to_string();
        if table.last().is_none_or(|r| r.0 != h) {
            table.push((h, 0, 0, 0));
        }
        let row = table.last_mut().unwrap();
        row.1 += 1;
        row.2 += q.credit.work.is_some() as usize;
        row.3 += q.credit.speaker.as_ref().is_some_and(|f| f.value.contains("Nietzsche")) as usize;
    }
    for r in &table {
        println!("{:<60} {:>4} quotations {:>4} with work {:>4} credited to Nietzsche", r.0, r.1, r.2, r.3);
    }
    let row = |name: &str| {
        table.iter().find(|r| r.0.starts_with(name)).unwrap_or_else(|| panic!("no section {name}: {table:?}"))
    };
    let mis = row("Misattributed");
    assert_eq!((mis.1, mis.3), (2, 0), "Misattributed quotations are not Nietzsche's");
    let mis: Vec<&Quotation> = s.quotations.iter().filter(|q| q.standing == Standing::Misattributed).collect();
    assert_eq!(mis[0].credit.speaker.as_ref().map(|f| f.value.as_str()), Some("Curtis Cate"));
    assert_eq!(mis[1].credit.speaker.as_ref().map(|f| f.value.as_str()), Some("B. R. Hergenhahn"));
    assert!(mis.iter().all(|q| q.not_by.as_deref() == Some("Friedrich Nietzsche")));
    let about = row("Quotes about Nietzsche");
    assert_eq!(about.3, 0, "quotes about Nietzsche are not his");
    let gay = row("The Gay Science");
    assert_eq!(gay.1, gay.2, "every quotation under a work heading has its work");
    assert_eq!(row("Disputed").1, 2);
}
