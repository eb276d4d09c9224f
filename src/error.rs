//! The one error type of the library.

use std::path::PathBuf;

/// Everything that can go wrong in reprint, with a message a user can act on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Output could not be written.
    #[error("cannot write {what}: {source}")]
    Write {
        /// What was being written (a path or a format).
        what: String,
        /// Why.
        source: std::io::Error,
    },
    /// The bytes are not text in any encoding reprint recognises.
    #[error("{what} does not look like text: {reason} (give the encoding explicitly if it is text)")]
    NotText {
        /// The input's name.
        what: String,
        /// What gave it away, e.g. "NUL bytes at offset 12".
        reason: String,
    },
    /// The input is larger than the parser takes (4 GiB of text).
    #[error("{what} is too large: {bytes} bytes of text, the limit is 4 GiB (split it into several files)")]
    TooLarge {
        /// The input's name.
        what: String,
        /// Its size as text, in bytes.
        bytes: u64,
    },
    /// An encoding name given by the user is unknown.
    #[error("unknown encoding {0:?}: use a WHATWG label such as utf-8, gb18030, gbk, big5, utf-16le")]
    UnknownEncoding(String),
    /// An option has a value that cannot be used.
    #[error("invalid option {name}: {reason}")]
    InvalidOption {
        /// The option.
        name: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A writer failed for a reason of its own (a font that cannot be loaded, say).
    #[error("{format} output failed: {reason}")]
    Output {
        /// epub, pdf, tei...
        format: &'static str,
        /// What went wrong.
        reason: String,
    },
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
