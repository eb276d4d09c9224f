//! Any bytes: the parser converts them or refuses them with a message, and
//! what it converts keeps every line in exactly one block.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reprint_fuzz::run("parse_bytes", data));
