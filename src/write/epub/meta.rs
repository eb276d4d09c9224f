//! The book's metadata: what the options say, else what the model found,
//! else what can be derived from the text itself.

use super::EpubOptions;
use crate::model::{BlockKind, Document, Inline};
use crate::write::reading::{Flow, tidy};
use crate::write::xhtml::{detect_language, escape, is_language_tag, is_w3c_date, w3c_date};
use crate::{Error, Result};

/// `dcterms:modified` when the caller does not ask for another: fixed, so
/// the same input gives the same bytes.
pub(super) const FIXED_MODIFIED: i64 = 946_684_800; // 2000-01-01T00:00:00Z

/// Metadata of the book, resolved.
pub(super) struct BookMeta {
    pub title: String,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    pub language: String,
    pub identifier: uuid::Uuid,
    pub modified: chrono::DateTime<chrono::Utc>,
    /// W3C date (`2025-01-17`, `2025-01`, `2025`).
    pub date: Option<String>,
    /// Publication and issue, as the title page shows them.
    pub publication: Option<String>,
    /// `dc:source` values.
    pub sources: Vec<String>,
}

impl BookMeta {
    pub fn resolve(doc: &Document, options: &EpubOptions) -> Result<BookMeta> {
        let language = match &options.language {
            Some(l) if is_language_tag(l) => l.clone(),
            Some(l) => {
                return Err(invalid(
                    "language",
                    format!("{l:?} is not a BCP 47 language tag"),
                ));
            }
            None if is_language_tag(&doc.meta.language) => doc.meta.language.clone(),
            None => detect_language(doc),
        };
        let labels = crate::write::xhtml::for_language(&language);
        // The model's title is the document's (a collection's is never one
        // article's); without one, the file's name.
        let title = first_text([options.title.as_deref(), doc.meta.title.as_deref()])
            .or_else(|| {
                crate::write::reading::file_title(doc)
                    .map(|t| tidy(&t, Flow::Display))
                    .filter(|s| !s.is_empty())
            })
            .unwrap_or_else(|| labels.untitled.to_string());
        let subtitle = first_text([options.subtitle.as_deref(), doc.meta.subtitle.as_deref()]);
        let authors = names(
            if options.authors.is_empty() {
                byline_authors(doc)
            } else {
                options.authors.clone()
            },
            Some(Flow::Display),
        );
        let date = match &options.date {
            Some(d) if is_w3c_date(d) => Some(d.clone()),
            Some(d) => {
                return Err(invalid(
                    "date",
                    format!("{d:?} is not a date like 2025-01-17, 2025-01 or 2025"),
                ));
            }
            None => doc.meta.date.as_deref().and_then(w3c_date),
        };
        let publication = {
            let parts: Vec<String> = [&doc.meta.publication, &doc.meta.issue]
                .into_iter()
                .flatten()
                .map(|s| tidy(s, Flow::Display))
                .filter(|s| !s.is_empty())
                .collect();
            if parts.is_empty() {
                None
            } else {
                Some(parts.join("\u{3000}"))
            }
        };
        let sources = if options.sources.is_empty() {
            let mut v: Vec<String> = publication.iter().cloned().collect();
            v.extend(
                doc.meta
                    .issn
                    .iter()
                    .map(|i| format!("urn:issn:{}", tidy(i, Flow::Display))),
            );
            v.extend(doc.meta.sources.iter().map(|s| tidy(s, Flow::Running)));
            names(v, None)
        } else {
            names(options.sources.clone(), Some(Flow::Running))
        };
        let identifier = match &options.identifier {
            Some(id) => uuid::Uuid::parse_str(id.trim_start_matches("urn:uuid:"))
                .map_err(|e| invalid("identifier", format!("{id:?} is not a UUID: {e}")))?,
            None => content_uuid(doc, &title, &authors, &language),
        };
        let secs = options.modified.unwrap_or(FIXED_MODIFIED);
        let modified = chrono::DateTime::from_timestamp(secs, 0)
            .ok_or_else(|| invalid("modified", format!("{secs} seconds is out of range")))?;
        Ok(BookMeta {
            title,
            subtitle,
            authors,
            language,
            identifier,
            modified,
            date,
            publication,
            sources,
        })
    }

    /// OPF metadata that epub-builder has no setter for, as raw XML.
    pub fn opf_extras(&self) -> Vec<String> {
        let mut v = Vec::new();
        if let Some(s) = &self.subtitle {
            v.push(format!(
                "<dc:title id=\"subtitle\">{}</dc:title>",
                escape(s)
            ));
            v.push("<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>".into());
        }
        if let Some(d) = &self.date {
            v.push(format!("<dc:date>{}</dc:date>", escape(d)));
        }
        for s in &self.sources {
            v.push(format!("<dc:source>{}</dc:source>", escape(s)));
        }
        v
    }
}

fn invalid(name: &str, reason: String) -> Error {
    Error::InvalidOption {
        name: format!("epub {name}"),
        reason,
    }
}

fn first_text<'a>(candidates: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    candidates
        .into_iter()
        .flatten()
        .map(|s| tidy(s, Flow::Display))
        .find(|s| !s.is_empty())
}

/// Non-empty, each once, in order; tidied as `flow` says unless already tidy.
fn names(v: Vec<String>, flow: Option<Flow>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Thousands of source notes make `out.contains` quadratic.
    let mut seen = std::collections::HashSet::new();
    for n in v {
        let n = match flow {
            Some(f) => tidy(&n, f),
            None => n,
        };
        if !n.is_empty() && seen.insert(n.clone()) {
            out.push(n);
        }
    }
    out
}

/// The document's authors as the model has them: a collection's articles'
/// bylines are their articles', not the book's creators.
fn byline_authors(doc: &Document) -> Vec<String> {
    doc.meta.authors.clone()
}

/// A stable identifier: the same text, title, authors and language give the same UUID.
fn content_uuid(doc: &Document, title: &str, authors: &[String], language: &str) -> uuid::Uuid {
    let mut name = Vec::with_capacity(doc.source.byte_len as usize + 256);
    for part in [title, &authors.join("\u{1}"), language] {
        name.extend_from_slice(part.as_bytes());
        name.push(0);
    }
    for b in doc.blocks() {
        for i in &b.content {
            let s = match i {
                Inline::Span(s) => s,
                Inline::Milestone(m) => &m.span,
            };
            name.extend_from_slice(s.raw().as_bytes());
            name.push(b'\n');
        }
        if let BlockKind::Caption { credit } = &b.kind {
            for i in credit {
                if let Inline::Span(s) = i {
                    name.extend_from_slice(s.raw().as_bytes());
                }
            }
        }
    }
    let ns = uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        b"https://crates.io/crates/reprint/epub",
    );
    uuid::Uuid::new_v5(&ns, &name)
}
