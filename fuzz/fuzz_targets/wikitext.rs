#![no_main]
use libfuzzer_sys::fuzz_target;
mod check;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(s) = verbatim_formats::read_wikitext("fuzz.wiki", None, &text) {
        check::source(&s);
    }
});
