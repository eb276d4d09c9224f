//! [`Span`]: the text one source line gives a block, kept as a window on
//! the source text.
//!
//! The parser's spans all share one copy of the source text and hold only
//! offsets into it: a span is 40 bytes and costs no allocation, where three
//! `String`s a line (lead, text, trail) cost 72 bytes, up to three
//! allocations and a second copy of the text. See docs/performance.md.

use serde::de::Deserializer;
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// The text one source line contributes, and what was cut from it.
///
/// `lead() + text() + trail()` is the piece of the source line the span
/// stands for, as it was: the parser moves characters between the three
/// (indentation to the lead, an undone hyphen to the trail), never drops any.
///
/// ```
/// use reprint::model::Span;
/// let mut s = Span::from_parts(3, "\u{3000}\u{3000}", "第一段-", "\r");
/// s.keep(0..s.text().len() - 1);
/// assert_eq!((s.lead(), s.text(), s.trail()), ("\u{3000}\u{3000}", "第一段", "-\r"));
/// assert_eq!(s.raw(), "\u{3000}\u{3000}第一段-\r");
/// ```
#[derive(Clone, Default)]
pub struct Span {
    /// 1-based source line.
    pub line: u32,
    /// Whether a space goes between the previous span and this one when they
    /// are joined (Latin text); CJK text joins with none.
    pub space_before: bool,
    /// The text the span is a window on: the whole source for spans the
    /// parser made, the span's own piece for spans made with [`Span::from_parts`].
    source: Arc<str>,
    /// Where the lead starts, the text starts, the text ends and the trail ends.
    at: [u32; 4],
}

impl Span {
    /// A span of text with nothing cut from it.
    pub fn new(line: u32, text: &str) -> Span {
        Span::from_parts(line, "", text, "")
    }

    /// A span with what was cut before and after its text.
    pub fn from_parts(line: u32, lead: &str, text: &str, trail: &str) -> Span {
        let mut s = String::with_capacity(lead.len() + text.len() + trail.len());
        s.push_str(lead);
        s.push_str(text);
        s.push_str(trail);
        let at = [0, lead.len(), lead.len() + text.len(), s.len()].map(offset);
        Span {
            line,
            space_before: false,
            source: Arc::from(s),
            at,
        }
    }

    /// A window on a shared source text: `piece` is the span's piece of it,
    /// `text` the part of `piece` that is kept.
    ///
    /// Offsets past 4 GiB cannot be kept: the parser refuses such inputs.
    pub(crate) fn in_source(
        source: &Arc<str>,
        line: u32,
        piece: Range<usize>,
        text: Range<usize>,
    ) -> Span {
        Span {
            line,
            space_before: false,
            source: Arc::clone(source),
            at: [piece.start, text.start, text.end, piece.end].map(offset),
        }
    }

    /// The span with [`space_before`](Span::space_before) set to `yes`.
    pub fn with_space_before(mut self, yes: bool) -> Span {
        self.space_before = yes;
        self
    }

    /// The text kept.
    pub fn text(&self) -> &str {
        self.slice(1, 2)
    }

    /// Cut from the start of the line: indentation, markup (`## `), a list marker.
    pub fn lead(&self) -> &str {
        self.slice(0, 1)
    }

    /// Cut from the end of the line: trailing white space, `\r`, a hyphen undone.
    pub fn trail(&self) -> &str {
        self.slice(2, 3)
    }

    /// The span's piece of the source line, as it was: lead, text and trail.
    pub fn raw(&self) -> &str {
        self.slice(0, 3)
    }

    /// Keeps `range` (byte offsets in [`text`](Span::text)) of the text: what
    /// is before it goes to the end of the lead, what is after it to the
    /// start of the trail. Returns false, changing nothing, when the range
    /// is out of the text or does not fall on character boundaries.
    pub fn keep(&mut self, range: Range<usize>) -> bool {
        let text = self.text();
        if range.start > range.end
            || range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            return false;
        }
        let start = self.at[1] as usize;
        self.at[1] = offset(start + range.start);
        self.at[2] = offset(start + range.end);
        true
    }

    /// Splits the span in two at byte `at` of its text: the first keeps the
    /// lead and the text before `at`, the second the rest of the text and
    /// the trail. `None` when `at` is not a character boundary of the text.
    pub fn split_at(&self, at: usize) -> Option<(Span, Span)> {
        if !self.text().is_char_boundary(at) {
            return None;
        }
        let mid = offset(self.at[1] as usize + at);
        let first = Span {
            at: [self.at[0], self.at[1], mid, mid],
            ..self.clone()
        };
        let second = Span {
            at: [mid, mid, self.at[2], self.at[3]],
            space_before: false,
            ..self.clone()
        };
        Some((first, second))
    }

    fn slice(&self, from: usize, to: usize) -> &str {
        // Built from char boundaries and moved only to char boundaries (`keep`).
        self.source
            .get(self.at[from] as usize..self.at[to] as usize)
            .unwrap_or_default()
    }
}

/// An offset as a span keeps it: inputs are limited to 4 GiB, so this never saturates for text the parser accepted.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl PartialEq for Span {
    fn eq(&self, other: &Span) -> bool {
        self.line == other.line
            && self.space_before == other.space_before
            && self.lead() == other.lead()
            && self.text() == other.text()
            && self.trail() == other.trail()
    }
}

impl Eq for Span {}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Span");
        d.field("line", &self.line);
        if !self.lead().is_empty() {
            d.field("lead", &self.lead());
        }
        d.field("text", &self.text());
        if !self.trail().is_empty() {
            d.field("trail", &self.trail());
        }
        if self.space_before {
            d.field("space_before", &true);
        }
        d.finish()
    }
}

/// Serialised as plain fields, the same as a struct of `line`, `lead`,
/// `text`, `trail` and `space_before` with the empty ones left out.
impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let n = 2
            + usize::from(!self.lead().is_empty())
            + usize::from(!self.trail().is_empty())
            + usize::from(self.space_before);
        let mut st = serializer.serialize_struct("Span", n)?;
        st.serialize_field("line", &self.line)?;
        if !self.lead().is_empty() {
            st.serialize_field("lead", self.lead())?;
        }
        st.serialize_field("text", self.text())?;
        if !self.trail().is_empty() {
            st.serialize_field("trail", self.trail())?;
        }
        if self.space_before {
            st.serialize_field("space_before", &true)?;
        }
        st.end()
    }
}

#[derive(Deserialize)]
struct SpanFields {
    line: u32,
    #[serde(default)]
    lead: String,
    text: String,
    #[serde(default)]
    trail: String,
    #[serde(default)]
    space_before: bool,
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let f = SpanFields::deserialize(deserializer)?;
        let mut s = Span::from_parts(f.line, &f.lead, &f.text, &f.trail);
        s.space_before = f.space_before;
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_small() {
        assert_eq!(std::mem::size_of::<Span>(), 40);
        // A milestone is boxed, so an inline is no bigger than a span.
        assert_eq!(std::mem::size_of::<crate::model::Inline>(), 40);
    }

    #[test]
    fn keep_moves_text_to_lead_and_trail_and_refuses_bad_ranges() {
        let mut s = Span::from_parts(1, " ", "- 一二", "\r");
        assert!(s.keep(2..8));
        assert_eq!((s.lead(), s.text(), s.trail()), (" - ", "一二", "\r"));
        assert!(!s.keep(1..3), "not a char boundary");
        assert!(!s.keep(0..9), "past the end");
        assert_eq!(s.raw(), " - 一二\r");
    }

    #[test]
    fn split_at_shares_the_line_between_two_spans() {
        let s = Span::from_parts(4, "\u{3000}", "驶出。 □摄", "\r");
        let (a, b) = s.split_at("驶出。".len()).unwrap();
        assert_eq!((a.lead(), a.text(), a.trail()), ("\u{3000}", "驶出。", ""));
        assert_eq!((b.lead(), b.text(), b.trail()), ("", " □摄", "\r"));
        assert_eq!(a.raw().to_string() + b.raw(), s.raw());
        assert!(s.split_at(1).is_none());
    }

    #[test]
    fn serde_keeps_the_plain_field_form() {
        let mut s = Span::from_parts(7, "\u{3000}", "正文", "");
        s.space_before = true;
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"line":7,"lead":"　","text":"正文","space_before":true}"#
        );
        assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), s);
        assert_eq!(
            serde_json::from_str::<Span>(r#"{"line":2,"text":"x"}"#).unwrap(),
            Span::new(2, "x")
        );
    }
}
