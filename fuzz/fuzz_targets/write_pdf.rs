//! Parse, then PDF with the bundled fonts: a file lopdf can load.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reprint_fuzz::run("write_pdf", data));
