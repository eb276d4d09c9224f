//! pdf writer.

use crate::{Document, Error, Result};
use std::io::Write;

/// Options of the pdf writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PdfOptions {}

impl Document {
    /// Writes the document as pdf.
    pub fn write_pdf<W: Write>(&self, _out: W, _options: &PdfOptions) -> Result<()> {
        Err(Error::Output { format: "pdf", reason: "not implemented yet".into() })
    }
}
