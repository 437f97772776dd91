#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = verbatim_formats::read_plain("fuzz.txt", data.to_vec(), std::path::Path::new("fuzz.txt"));
    let _ = verbatim_formats::Format::detect(std::path::Path::new("fuzz"), data);
    // a document sent to `check`: whatever format it is taken for, the
    // page's quotations must lie inside its text
    if let Ok(d) = verbatim_formats::read_document(std::path::Path::new("document"), data.to_vec(), None) {
        for q in &d.source.quotations {
            assert!(q.start <= q.end && q.end <= d.source.text.len());
        }
    }
});
