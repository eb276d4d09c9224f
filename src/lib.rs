//! reprint turns the raw text of printed documents (OCR or PDF extraction of
//! Chinese newspapers, magazines, reports and speeches) into a structured
//! document, and writes it as EPUB 3, PDF and TEI P5.
//!
//! ```
//! let text = "标题\n\n第一段的第一行，\n第二行。\n";
//! let doc = reprint::parse(text, &reprint::Options::default()).unwrap();
//! assert_eq!(doc.articles.len(), 1);
//! ```
#![deny(missing_docs)]

mod chars;
mod error;
#[cfg(feature = "eval")]
pub mod layout;
pub mod model;
mod options;
mod parse;
#[cfg(feature = "eval")]
pub mod score;
pub mod write;

pub use error::{Error, Result};
pub use model::Document;
pub use options::Options;
#[cfg(feature = "eval")]
pub use parse::debug_lines;
pub use parse::{Decoded, decode, parse, parse_bytes, parse_file};

/// The README's Rust examples, run as doctests.
#[cfg(all(doctest, feature = "tei"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
