//! Writers: each reads the [`Document`](crate::Document) model only, never the source text.
//! Each output format is a cargo feature of the same name.

#[cfg(feature = "epub")]
pub mod epub;
#[cfg(feature = "html")]
pub mod html;
#[cfg(feature = "markdown")]
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "review")]
pub mod review;
#[cfg(feature = "tei")]
pub mod tei;

#[cfg(any(feature = "epub", feature = "html", feature = "pdf", feature = "tei"))]
mod contents;
#[cfg(any(
    feature = "epub",
    feature = "html",
    feature = "markdown",
    feature = "pdf",
    feature = "tei"
))]
mod pages;
#[cfg(any(
    feature = "epub",
    feature = "html",
    feature = "markdown",
    feature = "pdf",
    feature = "tei"
))]
mod reading;
#[cfg(any(feature = "epub", feature = "html", feature = "tei"))]
mod sections;
#[cfg(any(feature = "epub", feature = "html"))]
mod xhtml;
#[cfg(any(
    feature = "epub",
    feature = "tei",
    feature = "html",
    feature = "markdown",
    feature = "pdf"
))]
mod xml;
