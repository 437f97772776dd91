#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = verbatim_formats::read_plain("fuzz.txt", data.to_vec(), std::path::Path::new("fuzz.txt"));
    let _ = verbatim_formats::Format::detect(std::path::Path::new("fuzz"), data);
});
