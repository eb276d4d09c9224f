//! Parse, then EPUB: a readable zip whose XML files are well-formed.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reprint_fuzz::run("write_epub", data));
