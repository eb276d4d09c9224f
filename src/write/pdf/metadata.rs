//! Document information: title, author, subject, language, producer and a
//! creation date that is the one asked for, `SOURCE_DATE_EPOCH`, or a fixed
//! date, so that a build can be reproduced byte for byte; the file identifier is a hash of the content
//! instead of printpdf's random one for the same reason.

use super::outline::text_string;
use crate::Document;
use lopdf::{Document as Lo, Object};
use printpdf::OffsetDateTime;

/// Fills printpdf's document info from the model.
pub(super) fn info(doc: &Document, pdf: &mut printpdf::PdfDocument, created: Option<i64>) {
    let info = &mut pdf.metadata.info;
    info.document_title = doc
        .meta
        .title
        .clone()
        .or_else(|| crate::write::reading::file_title(doc))
        .unwrap_or_default();
    info.author = doc.meta.authors.join("、");
    info.subject = [
        doc.meta.subtitle.clone(),
        doc.meta.publication.clone(),
        doc.meta.issue.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    info.producer = format!("reprint {} (printpdf)", env!("CARGO_PKG_VERSION"));
    info.creator = "reprint".into();
    info.keywords = doc.meta.sources.clone();
    info.identifier = doc.meta.issn.clone().unwrap_or_default();
    let date = creation_date(created);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
}

/// 2000-01-01T00:00:00Z, the EPUB writer's fixed date too.
const FIXED_DATE: i64 = 946_684_800;

/// The date asked for, else `SOURCE_DATE_EPOCH` when set, else a fixed
/// date: the same input gives the same bytes unless a date is asked for.
fn creation_date(created: Option<i64>) -> OffsetDateTime {
    let asked = created.or_else(|| {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
    });
    asked
        .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
        .or_else(|| OffsetDateTime::from_unix_timestamp(FIXED_DATE).ok())
        .unwrap_or_else(OffsetDateTime::now_utc)
}

/// Sets what printpdf does not: the catalog's `/Lang`, a `/Title` shown in
/// the viewer's window, and a file identifier derived from the content.
pub(super) fn finish(lo: &mut Lo, language: &str, seed: u64) {
    // printpdf writes 1.3; /Lang and /DisplayDocTitle are PDF 1.4.
    lo.version = "1.7".into();
    if let Ok(catalog) = lo.catalog_mut() {
        if !language.is_empty() {
            catalog.set("Lang", text_string(language));
        }
        let mut prefs = lopdf::Dictionary::new();
        prefs.set("DisplayDocTitle", Object::Boolean(true));
        catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    }
    let id = format!(
        "{seed:016x}{:016x}",
        seed.rotate_left(29) ^ 0x9E37_79B9_7F4A_7C15
    );
    let id = Object::String(id.into_bytes(), lopdf::StringFormat::Literal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    tidy_info(lo);
}

/// Leaves out of the document information what printpdf writes empty: an
/// empty `GTS_PDFXVersion` makes readers report the file as PDF/X, and an
/// empty author or keywords say nothing.
fn tidy_info(lo: &mut Lo) {
    let Ok(Object::Reference(at)) = lo.trailer.get(b"Info").cloned() else {
        return;
    };
    let Ok(Object::Dictionary(info)) = lo.get_object_mut(at) else {
        return;
    };
    let empty: Vec<Vec<u8>> = info
        .iter()
        .filter(|(k, v)| {
            k.as_slice() == b"GTS_PDFXVersion" || matches!(v, Object::String(s, _) if s.is_empty())
        })
        .map(|(k, _)| k.clone())
        .collect();
    for k in empty {
        info.remove(&k);
    }
}
