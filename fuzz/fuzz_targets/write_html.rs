//! Parse, then HTML: a well-formed XHTML5 page, whatever the options.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| reprint_fuzz::run("write_html", data));
