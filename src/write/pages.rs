//! Which page begins at a page break, one rule for every writer. The parser
//! records where the text prints its page numbers
//! ([`Profile::page_numbers`](crate::model::Profile::page_numbers)): a
//! number printed at the head of its page opens that page, so the page that
//! begins there is the number itself; a number printed at the foot ends its
//! page, so the page that begins after it is the next number (`62` → `63`,
//! `iv` → `v`), and after the text's last line none begins.
#![cfg_attr(
    not(any(
        feature = "epub",
        feature = "html",
        feature = "markdown",
        feature = "tei"
    )),
    allow(dead_code)
)]

use crate::Document;
use crate::model::{Block, BlockKind, Inline, PageNumberPlace};

/// The pages that begin at a document's page numbers.
pub(crate) struct PageTurns {
    /// Whether the text prints its page numbers at the foot of its pages.
    at_foot: bool,
    /// The last source line the text uses: a foot number there ends the
    /// last page and opens none.
    last_line: u32,
}

impl PageTurns {
    pub(crate) fn new(doc: &Document) -> Self {
        let mut last_line = 0;
        for b in all_blocks(doc) {
            for i in &b.content {
                let line = match i {
                    Inline::Span(s) => s.line,
                    Inline::Milestone(m) => m.span.line,
                };
                last_line = last_line.max(line);
            }
        }
        PageTurns {
            at_foot: doc.profile.page_numbers == PageNumberPlace::Foot,
            last_line,
        }
    }

    /// Whether the page numbers are printed at the foot of their pages, so
    /// that the page break comes after each.
    #[cfg_attr(not(feature = "tei"), allow(dead_code))]
    pub(crate) fn at_foot(&self) -> bool {
        self.at_foot
    }

    /// The page that begins at the page number `number` printed on `line`:
    /// the number itself where numbers head their pages; where they foot
    /// them, the next number, and none after the text's last line or for a
    /// label that is no numeral.
    pub(crate) fn opens(&self, number: &str, line: u32) -> Option<String> {
        if !self.at_foot {
            return Some(number.to_string());
        }
        if line >= self.last_line {
            return None;
        }
        next_number(number)
    }
}

/// Every block of the document, sidebars' items included, in order.
pub(crate) fn all_blocks(doc: &Document) -> Vec<&Block> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
        for b in blocks {
            out.push(b);
            if let BlockKind::Sidebar { items } = &b.kind {
                walk(items, out);
            }
        }
    }
    let mut out = Vec::new();
    for a in &doc.articles {
        walk(&a.blocks, &mut out);
    }
    out
}

/// The number of the page after page `number`: the next arabic or roman
/// numeral (`62` → `63`, `iv` → `v`), none for any other label.
fn next_number(number: &str) -> Option<String> {
    let n = number.trim();
    if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
        let width = n.len();
        let next = n.parse::<u64>().ok()?.checked_add(1)?;
        // 09 → 10, 03 → 04: as many digits as printed.
        return Some(format!("{next:0width$}"));
    }
    let value = from_roman(&n.to_ascii_lowercase())?;
    let next = to_roman(value + 1)?;
    Some(if n.bytes().all(|b| b.is_ascii_uppercase()) {
        next.to_ascii_uppercase()
    } else {
        next
    })
}

const ROMAN: [(u32, &str); 13] = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
];

fn to_roman(mut n: u32) -> Option<String> {
    if n == 0 || n >= 4000 {
        return None;
    }
    let mut out = String::new();
    for (v, s) in ROMAN {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    Some(out)
}

/// A lower-case roman numeral's value, if it is one written the usual way.
fn from_roman(s: &str) -> Option<u32> {
    let mut rest = s;
    let mut n = 0;
    for (v, r) in ROMAN {
        while let Some(t) = rest.strip_prefix(r) {
            n += v;
            rest = t;
        }
    }
    (rest.is_empty() && n > 0 && to_roman(n).as_deref() == Some(s)).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_page_is_the_next_numeral() {
        assert_eq!(next_number("62").as_deref(), Some("63"));
        assert_eq!(next_number("09").as_deref(), Some("10"));
        assert_eq!(next_number("iv").as_deref(), Some("v"));
        assert_eq!(next_number("XIX").as_deref(), Some("XX"));
        assert_eq!(next_number("A3"), None);
        assert_eq!(next_number("iiii"), None);
    }

    #[test]
    fn a_foot_number_opens_the_next_page_and_a_head_number_its_own() {
        let mut doc = Document::default();
        let mut turns = PageTurns::new(&doc);
        turns.last_line = 100;
        assert_eq!(turns.opens("62", 50).as_deref(), Some("63"));
        assert_eq!(turns.opens("62", 100), None);
        assert_eq!(turns.opens("A3", 50), None);
        doc.profile.page_numbers = PageNumberPlace::Head;
        let turns = PageTurns::new(&doc);
        assert_eq!(turns.opens("28", 0).as_deref(), Some("28"));
        assert_eq!(turns.opens("A3", 0).as_deref(), Some("A3"));
    }
}
