//! epub writer.

use crate::{Document, Error, Result};
use std::io::Write;

/// Options of the epub writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct EpubOptions {}

impl Document {
    /// Writes the document as epub.
    pub fn write_epub<W: Write>(&self, _out: W, _options: &EpubOptions) -> Result<()> {
        Err(Error::Output { format: "epub", reason: "not implemented yet".into() })
    }
}
