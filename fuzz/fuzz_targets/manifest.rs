#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = verbatim_formats::parse_manifest(text, std::path::Path::new("fuzz.jsonl"));
    }
});
