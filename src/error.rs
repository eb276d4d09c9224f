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
    #[error(
        "{what} does not look like text: {reason} (give the encoding explicitly if it is text)"
    )]
    NotText {
        /// The input's name.
        what: String,
        /// What gave it away, e.g. "NUL bytes at offset 12".
        reason: String,
    },
    /// The bytes are binary data (an executable, an image, an archive), not
    /// text in any encoding: they hold control characters text never has.
    #[error("{what} is not text: binary data at byte {at}")]
    Binary {
        /// The input's name.
        what: String,
        /// The offset of the first byte no text has (a NUL, a C0 control).
        at: u64,
    },
    /// The input holds nothing but white space.
    #[error("no text in {what}")]
    NoText {
        /// The input's name.
        what: String,
    },
    /// A directory given as input holds no file to convert.
    #[error(
        "{what} holds no .txt files (a directory is read for its .txt files, and those of its subdirectories)"
    )]
    NoInputFiles {
        /// The directory.
        what: String,
    },
    /// The input is larger than the parser takes (4 GiB of text).
    #[error(
        "{what} is too large: {bytes} bytes of text, the limit is 4 GiB (split it into several files)"
    )]
    TooLarge {
        /// The input's name.
        what: String,
        /// Its size as text, in bytes.
        bytes: u64,
    },
    /// An encoding name given by the user is unknown.
    #[error(
        "unknown encoding {0:?}: use a WHATWG label such as utf-8, gb18030, gbk, big5, utf-16le"
    )]
    UnknownEncoding(String),
    /// An option has a value that cannot be used.
    #[error("invalid option {name}: {reason}")]
    InvalidOption {
        /// The option.
        name: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A library a writer uses failed (the zip archive, epub-builder,
    /// serde_json...); its error is the [`source`](std::error::Error::source).
    #[error("{format} output failed: {source}")]
    Library {
        /// epub, json...
        format: &'static str,
        /// The library's error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
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

impl Error {
    /// An [`Error::Library`] of the writer of `format`.
    pub fn library(
        format: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Error {
        Error::Library {
            format,
            source: source.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Error;
    use std::error::Error as _;

    #[test]
    fn a_library_error_keeps_its_source() {
        let io = std::io::Error::other("disk full");
        let e = Error::library("epub", io);
        assert_eq!(e.to_string(), "epub output failed: disk full");
        assert_eq!(
            e.source().map(|s| s.to_string()).as_deref(),
            Some("disk full")
        );
    }
}
