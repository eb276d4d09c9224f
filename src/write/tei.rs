//! tei writer.

use crate::{Document, Error, Result};
use std::io::Write;

/// Options of the tei writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct TeiOptions {}

impl Document {
    /// Writes the document as tei.
    pub fn write_tei<W: Write>(&self, _out: W, _options: &TeiOptions) -> Result<()> {
        Err(Error::Output { format: "tei", reason: "not implemented yet".into() })
    }
}
