//! Metadata as markup needs it: a language tag for `lang` and
//! `dc:language`, a W3C date for `dc:date` and `<time>`.

use crate::model::{Document, Inline};

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

pub(crate) fn is_w3c_date(d: &str) -> bool {
    let p: Vec<&str> = d.split('-').collect();
    let num = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match p.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u8>().unwrap_or(0))
        }
        _ => false,
    }
}

/// A printed date (`2025 年 1 月 17 日`, `二〇二五年一月八日`, `2025.1.17`)
/// as a W3C date, when it has a year.
pub(crate) fn w3c_date(printed: &str) -> Option<String> {
    let digits: String = printed
        .chars()
        .map(
            |c| match "〇一二三四五六七八九".chars().position(|d| d == c) {
                Some(n) => char::from(b'0' + n as u8),
                None if c == '零' => '0',
                None => c,
            },
        )
        .collect();
    // Compiled once per process, not once per book: a compile costs more than writing a small book's metadata.
    static TENS: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    static DATE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let tens = TENS
        .get_or_init(|| regex::Regex::new(r"(\d)?十(\d)?").ok())
        .as_ref()?;
    let digits = tens.replace_all(&digits, |c: &regex::Captures| {
        format!(
            "{}{}",
            c.get(1).map_or("1", |m| m.as_str()),
            c.get(2).map_or("0", |m| m.as_str())
        )
    });
    let re = DATE
        .get_or_init(|| {
            regex::Regex::new(
                r"(\d{4})\s*[年./-]\s*(?:(\d{1,2})\s*[月./-]?\s*(?:(\d{1,2})\s*日?)?)?",
            )
            .ok()
        })
        .as_ref()?;
    let c = re.captures(&digits)?;
    let mut out = c[1].to_string();
    if let Some(m) = c.get(2) {
        out.push_str(&format!("-{:02}", m.as_str().parse::<u8>().ok()?));
        if let Some(d) = c.get(3) {
            out.push_str(&format!("-{:02}", d.as_str().parse::<u8>().ok()?));
        }
    }
    is_w3c_date(&out).then_some(out)
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
