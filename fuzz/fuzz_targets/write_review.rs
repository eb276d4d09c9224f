//! Parse, then the review page, compared with the parse's own layout or not.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reprint_fuzz::run("write_review", data));
