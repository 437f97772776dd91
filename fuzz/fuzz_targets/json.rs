#![no_main]
use libfuzzer_sys::fuzz_target;
mod check;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.json");
    if let Ok(s) = verbatim_formats::read_json("fuzz.json", data, path) {
        check::source(&s);
    }
    for s in verbatim_formats::JsonLines::new("fuzz.jsonl", path, data).take(100).flatten() {
        check::source(&s);
    }
});
