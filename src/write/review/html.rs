//! Escaping for a page that is both HTML and well-formed XML, so any XML
//! parser can check it, and that shows every character of the source.

/// `1 warning`, `6 warnings`.
pub(super) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Appends text content, escaped.
pub(super) fn text(out: &mut String, s: &str) {
    escape(out, s, false);
}

/// Appends an attribute value (for double quotes), escaped.
pub(super) fn attr(out: &mut String, s: &str) {
    escape(out, s, true);
}

fn escape(out: &mut String, s: &str, quotes: bool) {
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let rep: &str = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' if quotes => "&quot;",
            '\t' | '\n' => continue,
            // Control characters are shown as their Unicode pictures (a form
            // feed as ␌), so a reviewer sees them and the page stays legal XML 1.0.
            '\0'..='\u{1f}' => {
                out.push_str(&s[start..i]);
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
                start = i + c.len_utf8();
                continue;
            }
            '\u{7f}' => "\u{2421}",
            '\u{80}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => "\u{fffd}",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(rep);
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        let mut s = String::new();
        attr(&mut s, "<a href=\"x\">&\u{c}\r\u{7f}\u{85}\u{ffff}中</a>");
        assert_eq!(
            s,
            "&lt;a href=&quot;x&quot;&gt;&amp;\u{240c}\u{240d}\u{2421}\u{fffd}\u{fffd}中&lt;/a&gt;"
        );
        let mut t = String::new();
        text(&mut t, "\"tab\tok\"");
        assert_eq!(t, "\"tab\tok\"");
    }
}
