//! Metadata as markup needs it: a language tag for `lang` and
//! `dc:language`, a W3C date for `dc:date` and `<time>`.

use crate::model::{Document, Inline};
use crate::write::reading::is_han;
pub(crate) use crate::write::reading::{is_w3c_date, w3c_date};

/// Well-formed enough for `dc:language` and `xml:lang`: `zh`, `zh-CN`, `zh-Hant-TW`, `en`.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

const SIMPLIFIED: &str =
    "这国说时会为发经对个来们学与进过还动现实门问见长开关样书东车马鸟应该认识让议论员区务";
const TRADITIONAL: &str =
    "這國說時會為發經對個來們學與進過還動現實門問見長開關樣書東車馬鳥應該認識讓議論員區務";

/// Guesses the language from the characters of the text.
pub(crate) fn detect_language(doc: &Document) -> String {
    let (mut han, mut kana, mut hangul, mut latin, mut simp, mut trad) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let spans = doc
        .blocks()
        .flat_map(|b| b.content.iter())
        .filter_map(|i| match i {
            Inline::Span(s) => Some(s.text()),
            Inline::Milestone(_) => None,
        });
    for c in spans.flat_map(|t| t.chars()).take(200_000) {
        match c {
            '\u{3040}'..='\u{30FF}' => kana += 1,
            '\u{AC00}'..='\u{D7AF}' => hangul += 1,
            c if is_han(c) => {
                han += 1;
                simp += usize::from(SIMPLIFIED.contains(c));
                trad += usize::from(TRADITIONAL.contains(c));
            }
            c if c.is_alphabetic() => latin += 1,
            _ => {}
        }
    }
    if kana * 10 > han && kana > 0 {
        "ja".into()
    } else if hangul > han && hangul > latin {
        "ko".into()
    } else if han >= latin && han > 0 {
        if trad > simp {
            "zh-TW".into()
        } else {
            "zh-CN".into()
        }
    } else if latin > 0 {
        "en".into()
    } else {
        "und".into()
    }
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
