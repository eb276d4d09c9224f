//! Parse, then layout JSON: it reads back as the same layout.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reprint_fuzz::run("layout_json", data));
