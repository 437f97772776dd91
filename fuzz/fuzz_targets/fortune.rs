#![no_main]
use libfuzzer_sys::fuzz_target;
mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = verbatim_formats::read_fortunes("fuzz", data.to_vec(), std::path::Path::new("fuzz")) {
        check::source(&s);
        // the text is kept whole, as decoded (a BOM selects UTF-16)
        assert_eq!(s.text, verbatim_formats::decode_text(data.to_vec()).text);
    }
});
