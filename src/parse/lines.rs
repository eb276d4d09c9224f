//! The text cut into lines, each measured once for the later stages.

// The character classes live in `crate::chars`; the parser's stages ask
// them through here.
pub(crate) use crate::chars::{char_width, is_cjk, is_letter, is_space, is_white, is_wide};
use crate::model::Span;
use std::sync::Arc;

/// A source line and what the stages need to know of it. There is one for
/// every line of the input, blank or not: the lead and trail around the
/// text are kept as lengths, and what the stages ask of the lead (is it a
/// page break, an indent) as two flags, which makes the line 40 bytes
/// instead of 64; at 40, the line table of a 50 MB text stays under the
/// size above which the allocator maps fresh memory for every parse.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The text, without surrounding white space.
    pub text: &'a str,
    /// 1-based line number, as `sed -n` counts.
    pub n: u32,
    /// Width in ems: a full-width character counts 1, a half-width one 1/2.
    pub width: f32,
    /// Number of characters of `text`.
    pub chars: u32,
    /// Bytes of white space (form feeds, `\r`) before and after the text.
    lead: u32,
    trail: u32,
    /// Which of the characters of [`mark`] `text` holds, one bit each.
    pub marks: u8,
    /// Whether the lead holds a form feed: a new page starts here.
    page_break: bool,
    /// Whether the lead holds anything but form feeds: the text is indented.
    indented: bool,
}

/// Characters the cues look for in nearly every line, noted while the line
/// is measured so that no line is searched for them again.
pub mod mark {
    /// 。
    pub const FULL_STOP: u8 = 1;
    /// ！ or ？
    pub const EXCLAIM: u8 = 2;
    /// \[ or 【
    pub const BRACKET: u8 = 4;
    /// I (of ISSN)
    pub const I: u8 = 8;
    /// /
    pub const SLASH: u8 = 16;
    /// An ASCII digit.
    pub const DIGIT: u8 = 32;
    /// White space (`char::is_whitespace`).
    pub const WHITE: u8 = 64;
    /// A dot of a contents line's leader: . … · ．
    pub const DOT: u8 = 128;

    /// The mark of a character, 0 for most.
    pub fn of(c: char) -> u8 {
        match c {
            '。' => FULL_STOP,
            '！' | '？' => EXCLAIM,
            '[' | '【' => BRACKET,
            'I' => I,
            '/' => SLASH,
            '0'..='9' => DIGIT,
            '.' | '…' | '·' | '．' => DOT,
            c if super::is_white(c) => WHITE,
            _ => 0,
        }
    }
}

impl<'a> Line<'a> {
    /// Whether the line holds nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Whether the text is set in from the line's start (form feeds aside).
    pub fn indented(&self) -> bool {
        self.indented
    }

    /// How far the text is set in: the bytes of white space before it.
    pub fn lead(&self) -> u32 {
        self.lead
    }

    /// Whether a form feed on this line says a new page starts here.
    pub fn starts_page(&self) -> bool {
        self.page_break
    }

    /// The line as a model span (no space before it), a window on
    /// `source`: the text the line was cut from.
    pub fn span(&self, source: &Arc<str>) -> Span {
        let text = (self.text.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
        let (lead, trail) = (self.lead as usize, self.trail as usize);
        Span::in_source(
            source,
            self.n,
            text - lead..text + self.text.len() + trail,
            text..text + self.text.len(),
        )
    }
}

/// Splits `text` at `\n` only, as the layout format counts lines; a final
/// newline does not start another line.
pub fn split(text: &str) -> Vec<Line<'_>> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    // Sized by a count of the line ends first: growing the list by doubling
    // would copy it and, for a large text, hold two copies at once.
    let mut out =
        Vec::with_capacity(body.bytes().map(|b| (b == b'\n') as usize).sum::<usize>() + 1);
    out.extend(
        body.split('\n')
            .enumerate()
            .map(|(i, raw)| measure(i as u32 + 1, raw)),
    );
    out
}

fn measure(n: u32, raw: &str) -> Line<'_> {
    let start = raw.len() - raw.trim_start_matches(is_space).len();
    let rest = &raw[start..];
    let end = rest.trim_end_matches(is_space).len();
    let text = &rest[..end];
    // Counted in integers, the sum made a float once: the same value as
    // summing the halves and ones as floats while that sum is exact (below
    // 2^23 ems), which only a line of millions of characters passes.
    let (chars, wide, marks) = count(text);
    let halves = chars as u64 + wide as u64;
    let width = if halves < 1 << 24 {
        halves as f32 / 2.0
    } else {
        text.chars().map(char_width).fold(0.0, |w, c| w + c)
    };
    // Extraction writes the quarter-em gap print sets between Han and Latin
    // or digits as a space: counted as half an em it would make such lines
    // look fuller than the column.
    let width = if text.as_bytes().contains(&b' ') {
        width - 0.25 * quarter_gaps(text) as f32
    } else {
        width
    };
    let lead = &raw[..start];
    let (page_break, indented) = if lead.is_empty() {
        (false, false)
    } else {
        (lead.contains('\x0c'), lead.chars().any(|c| c != '\x0c'))
    };
    // A line longer than 4 GiB is in a text the parser refused.
    let (lead, trail) = (start as u32, (rest.len() - end) as u32);
    Line {
        text,
        n,
        width,
        chars,
        lead,
        trail,
        marks,
        page_break,
        indented,
    }
}

/// Spaces between a wide character and an ASCII letter or digit.
fn quarter_gaps(text: &str) -> u32 {
    let mut prev = ' ';
    let mut gaps = 0;
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        let next = it.peek().copied().unwrap_or(' ');
        if c == ' '
            && ((is_wide(prev) && next.is_ascii_alphanumeric())
                || (prev.is_ascii_alphanumeric() && is_wide(next)))
        {
            gaps += 1;
        }
        prev = c;
    }
    gaps
}

/// The characters of `text`, how many of them are wide, and their marks,
/// read from the bytes: ASCII is narrow and most characters that start with
/// a byte E4..=E9 (ideographs) are wide, without decoding either; others are
/// decoded.
fn count(text: &str) -> (u32, u32, u8) {
    let (mut chars, mut wide, mut marks) = (0u32, 0u32, 0u8);
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (len, w) = match b[i] {
            x @ 0x00..=0x7F => {
                marks |= mark::of(x as char);
                (1, false)
            }
            // U+4000..=U+4FFF but U+4DC0..=U+4DFF (E4 B7 ..), and U+5000..=U+9FFF
            0xE4 if b.get(i + 1) != Some(&0xB7) => (3, true),
            0xE5..=0xE9 => (3, true),
            _ => text[i..].chars().next().map_or((1, false), |c| {
                marks |= mark::of(c);
                (c.len_utf8(), is_wide(c))
            }),
        };
        chars += 1;
        wide += w as u32;
        i += len;
    }
    (chars, wide, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_is_what_std_says() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_white(c), c.is_whitespace(), "{c:?}");
        }
    }

    /// The lines of `text` as spans: lead, text and trail.
    fn spans(text: &str) -> Vec<Span> {
        let source: Arc<str> = Arc::from(text);
        split(&source).iter().map(|l| l.span(&source)).collect()
    }

    #[test]
    fn lines_are_counted_like_sed() {
        let ls = split("a\r\n\n\x0cb  \n");
        assert_eq!(ls.len(), 3);
        assert_eq!(
            (spans("a\r\n")[0].text(), spans("a\r\n")[0].trail()),
            ("a", "\r")
        );
        assert!(ls[1].is_blank());
        assert!(ls[2].starts_page() && ls[2].text == "b");
        assert_eq!(split("x").len(), 1);
        assert!(split("").is_empty());
    }

    #[test]
    fn full_width_space_and_em_space_indent_are_lead() {
        let text = "\u{3000}\u{3000}正文\n\u{2003}\u{2003}正文\t \n";
        let (ls, ss) = (split(text), spans(text));
        assert_eq!(ss[0].lead(), "\u{3000}\u{3000}");
        assert!(ls[0].indented() && !ls[0].starts_page());
        assert_eq!(ls[1].text, "正文");
        assert_eq!(ss[1].trail(), "\t ");
    }

    #[test]
    fn characters_are_counted_from_bytes_as_from_chars() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let t = format!("a{c}中");
            let marks = t.chars().fold(0, |m, c| m | mark::of(c));
            assert_eq!(
                count(&t),
                (
                    t.chars().count() as u32,
                    t.chars().filter(|&c| is_wide(c)).count() as u32,
                    marks
                ),
                "{c:?}"
            );
            // No character that the bytes read as an ideograph is marked.
            assert!(!('\u{4000}'..='\u{9FFF}').contains(&c) || mark::of(c) == 0);
        }
    }

    #[test]
    fn a_line_is_40_bytes() {
        assert_eq!(std::mem::size_of::<Line<'_>>(), 40);
    }

    #[test]
    fn the_space_between_han_and_digits_is_a_quarter_em() {
        let l = &split("共 2024 年")[0];
        assert_eq!(l.width, 4.5);
    }

    #[test]
    fn width_counts_full_width_as_one() {
        let l = &split("中文ab")[0];
        assert_eq!(l.width, 3.0);
        assert_eq!(l.chars, 4);
    }

    #[test]
    fn raw_is_lead_text_trail() {
        for s in spans(" \u{3000}题目 \r\n") {
            assert_eq!((s.raw(), s.text()), (" \u{3000}题目 \r", "题目"));
        }
        let ls = split("\x0c题目\n\x0c \u{3000}题目\n");
        assert!(ls[0].starts_page() && !ls[0].indented());
        assert!(ls[1].starts_page() && ls[1].indented());
    }
}
