#![no_main]
use libfuzzer_sys::fuzz_target;
mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = verbatim_formats::read_wikiquote_text("fuzz.txt", data.to_vec(), std::path::Path::new("fuzz.txt")) {
        check::source(&s);
    }
});
