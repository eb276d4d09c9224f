//! The two CJK faces bundled with reprint's PDF writer, as OpenType (CFF)
//! bytes: subsets of Noto Serif CJK SC Regular and Noto Sans CJK SC Bold
//! that keep every character GBK encodes, Latin-1 and punctuation. Made by
//! `fonts/make_fonts.py`; licensed under the SIL Open Font License 1.1.
//!
//! ```
//! assert!(reprint_fonts::SERIF.starts_with(b"OTTO"));
//! assert!(reprint_fonts::SANS_BOLD.starts_with(b"OTTO"));
//! ```
#![no_std]
#![deny(missing_docs)]

/// Reprint Serif SC Regular, for running text (about 6.9 MB).
pub static SERIF: &[u8] = include_bytes!("../fonts/ReprintSerifSC-Regular.otf");

/// Reprint Sans SC Bold, for titles and headings (about 5.0 MB).
pub static SANS_BOLD: &[u8] = include_bytes!("../fonts/ReprintSansSC-Bold.otf");
