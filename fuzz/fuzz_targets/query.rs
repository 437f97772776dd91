#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for t in verbatim_text::tokenize(&text) {
        assert!(t.start <= t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
    }
    let q = verbatim_text::parse_query(&text);
    for r in q.fragments() {
        assert!(r.end <= q.tokens.len());
    }
    let _ = verbatim_formats::parse_credit(&text, verbatim_model::Origin::Stated);
    let _ = verbatim_formats::find_date(&text);
});
