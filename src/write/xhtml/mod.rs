//! Markup shared by the EPUB and the HTML writers: the model's blocks as
//! XHTML (which is also well-formed HTML5), the outline, the few words a
//! book says itself, and metadata in the forms markup needs.

// With one of the two writers compiled, what only the other uses is unused.
#![cfg_attr(
    not(all(feature = "epub", feature = "html")),
    allow(dead_code, unused_imports)
)]

mod blocks;
mod labels;
mod meta;
mod nav;

pub(crate) use crate::write::contents::squash;
pub(crate) use blocks::{Markup, PageTarget};
pub(crate) use labels::{Labels, for_language};
pub(crate) use meta::{detect_language, is_language_tag, is_w3c_date, w3c_date};
pub(crate) use nav::{NavPoint, article_label, nest};

/// The kind of document the markup goes into. EPUB content documents carry
/// `epub:type` and one file per article; a standalone HTML page has neither
/// and links within itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// An XHTML content document of an EPUB.
    Epub,
    /// One self-contained HTML5 page.
    Html,
}

/// Escapes text for content and attributes, dropping what XML cannot carry.
pub(crate) fn escape(s: &str) -> String {
    super::xml::escape(&super::xml::clean(s)).into_owned()
}
