//! XML text shared by every writer that emits markup (EPUB, HTML, TEI): one
//! definition of the characters XML 1.0 allows and one escape.

use std::borrow::Cow;

/// Whether XML 1.0 allows the character (production `Char`): form feeds and
/// NULs from PDF extraction, say, it does not.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text for element content and double-quoted attribute values.
/// `\r` becomes a character reference because a parser would otherwise read
/// it as `\n`. Characters XML forbids pass through: each caller decides
/// whether to drop them ([`clean`]) or to mark where they were (TEI).
#[cfg_attr(not(any(feature = "epub", feature = "html")), allow(dead_code))]
pub(crate) fn escape(s: &str) -> Cow<'_, str> {
    escape_with(s, true)
}

/// [`escape`] for element content only: quotes stay as they are, so text
/// reads as it was written.
#[cfg_attr(not(feature = "tei"), allow(dead_code))]
pub(crate) fn escape_text(s: &str) -> Cow<'_, str> {
    escape_with(s, false)
}

fn escape_with(s: &str, quotes: bool) -> Cow<'_, str> {
    if !(s.contains(['&', '<', '>', '\r']) || quotes && s.contains('"')) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quotes => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The string without the characters XML forbids.
#[cfg_attr(not(any(feature = "epub", feature = "html")), allow(dead_code))]
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped_and_forbidden_ones_kept_until_cleaned() {
        assert_eq!(escape("a<b&\"c>\r"), "a&lt;b&amp;&quot;c&gt;&#13;");
        assert!(matches!(escape("纯文本"), Cow::Borrowed(_)));
        assert_eq!(escape("x\u{c}y"), "x\u{c}y");
        assert_eq!(escape_text("\"a\" & <b>"), "\"a\" &amp; &lt;b&gt;");
        assert_eq!(clean("x\u{c}y\u{0}\u{FFFE}z"), "xyz");
    }
}
