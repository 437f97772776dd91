#![no_main]
use std::sync::{atomic::AtomicU64, Arc};
use libfuzzer_sys::fuzz_target;
mod check;

fuzz_target!(|data: &[u8]| {
    let inner: Box<dyn std::io::BufRead + Send> = Box::new(std::io::Cursor::new(data.to_vec()));
    let pages = verbatim_formats::dump_pages(inner, std::path::Path::new("fuzz.xml"), "fuzz.xml", Arc::new(AtomicU64::new(0)));
    for p in pages.take(1000) {
        if let Ok(s) = p {
            check::source(&s);
        }
    }
});
