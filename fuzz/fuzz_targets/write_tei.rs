//! Parse, then TEI: well-formed, with or without line breaks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reprint_fuzz::run("write_tei", data));
