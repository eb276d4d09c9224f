//! Writers: each reads the [`Document`](crate::Document) model only, never the source text.
//! Each output format is a cargo feature of the same name.

#[cfg(feature = "epub")]
pub mod epub;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "review")]
pub mod review;
#[cfg(feature = "tei")]
pub mod tei;
