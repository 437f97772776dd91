#![no_main]
use libfuzzer_sys::fuzz_target;
mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = verbatim_formats::read_fortunes("fuzz", data.to_vec(), std::path::Path::new("fuzz")) {
        check::source(&s);
        assert_eq!(s.text.len(), String::from_utf8_lossy(data).len());
    }
});
