//! Metadata as markup needs it: a language tag for `lang` and
//! `dc:language`, a W3C date for `dc:date` and `<time>`.

use crate::model::{Document, Inline};
pub(crate) use crate::write::reading::{is_w3c_date, w3c_date};

/// Well-formed enough for `dc:language` and `xml:lang`: `zh`, `zh-CN`, `zh-Hant-TW`, `en`.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The document's language for markup: the parser's decision
/// (`doc.meta.language`), or for a document whose language is no tag (one
/// built by hand, or given a bad one) the parser's detector run on its text.
pub(crate) fn detect_language(doc: &Document) -> String {
    if is_language_tag(&doc.meta.language) {
        return doc.meta.language.clone();
    }
    let text: String = doc
        .blocks()
        .flat_map(|b| b.content.iter())
        .filter_map(|i| match i {
            Inline::Span(s) => Some(s.text()),
            Inline::Milestone(_) => None,
        })
        .flat_map(str::chars)
        .take(200_000)
        .collect();
    crate::parse::detect_language(&text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert!(is_language_tag("zh-CN") && is_language_tag("zh-Hant-TW") && is_language_tag("en"));
        assert!(!is_language_tag("") && !is_language_tag("zh_CN") && !is_language_tag("中文"));
    }

    #[test]
    fn printed_dates() {
        assert_eq!(
            w3c_date("（2025 年 1 月 17 日）").as_deref(),
            Some("2025-01-17")
        );
        assert_eq!(
            w3c_date("二〇二五年一月八日").as_deref(),
            Some("2025-01-08")
        );
        assert_eq!(
            w3c_date("2024年十二月二十六日").as_deref(),
            Some("2024-12-26")
        );
        assert_eq!(w3c_date("3月6日"), None);
        assert_eq!(w3c_date("2025年13月"), None);
    }
}
