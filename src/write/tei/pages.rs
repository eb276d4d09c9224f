//! Page breaks: where a page begins and which page it is. A page number
//! printed at the foot of its page ends that page: its forme work comes
//! first and the break after it names the next page (`…<fw
//! type="pageNum">62</fw><pb n="63"/>`); a number printed at the head opens
//! its page (`<pb n="28"/><fw type="pageNum">28</fw>…`). Each break gets
//! `xml:id="page-28"` (`page-28-2` for a number printed again), and a
//! contents line whose page begins at a break points to it, so the
//! edition's contents can be followed.

use crate::Document;
use crate::model::{Block, BlockKind, FurnitureKind, Inline, Span};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

pub(super) struct Pages {
    /// Whether the text prints its page numbers at the foot of its pages.
    at_foot: bool,
    /// The last source line the text uses: a foot number there ends the
    /// last page and opens none.
    last_line: u32,
    /// Keys of every page a break opens.
    opened: HashSet<String>,
    /// How many breaks of each key were written so far.
    written: RefCell<HashMap<String, u32>>,
}

/// What a source line holds, for telling a page's head from its foot.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Piece {
    Number,
    Head,
    Text,
}

/// Each piece of print furniture and each line of text, with its source
/// line and whether the line opens a page (a form feed before it), in
/// source order.
fn pieces(doc: &Document) -> Vec<(u32, Piece, bool)> {
    let mut out = Vec::new();
    let piece = |kind: &FurnitureKind| match kind {
        FurnitureKind::PageNumber { .. } => Piece::Number,
        FurnitureKind::RunningHead => Piece::Head,
        _ => Piece::Text,
    };
    let feed = |s: &Span| s.lead().contains('\u{c}');
    for b in all_blocks(doc) {
        let own = match &b.kind {
            BlockKind::Furniture { kind } => Some(piece(kind)),
            _ => None,
        };
        for i in &b.content {
            match i {
                Inline::Span(s) => out.push((s.line, own.unwrap_or(Piece::Text), feed(s))),
                Inline::Milestone(m) => out.push((m.span.line, piece(&m.kind), feed(&m.span))),
            }
        }
    }
    out.sort_by_key(|p| p.0);
    out.dedup_by_key(|p| p.0);
    out
}

/// Whether the text prints its page numbers at the foot of its pages, as
/// its lines show: a number that ends the text, or that comes just before a
/// form feed or a running head (the next page's), stands at a foot; one
/// that opens the text or a page, or comes just after a running head,
/// stands at a head. Without a sign either way, at the foot, where books
/// and magazines print them and where text extraction puts a page's last
/// lines.
fn numbers_at_foot(pieces: &[(u32, Piece, bool)]) -> bool {
    let (mut foot, mut head) = (0, 0);
    for (k, &(_, p, feed)) in pieces.iter().enumerate() {
        if p != Piece::Number {
            continue;
        }
        let before = k.checked_sub(1).map(|j| pieces[j]);
        let after = pieces.get(k + 1);
        match after {
            None => foot += 1,
            Some(&(_, Piece::Head, _)) => foot += 1,
            Some(&(_, _, true)) => foot += 1,
            _ => {}
        }
        match before {
            None => head += 1,
            _ if feed => head += 1,
            Some((_, Piece::Head, _)) => head += 1,
            _ => {}
        }
    }
    foot >= head
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

impl Pages {
    pub(super) fn new(doc: &Document) -> Self {
        let pieces = pieces(doc);
        let at_foot = numbers_at_foot(&pieces);
        let last_line = pieces.last().map_or(0, |p| p.0);
        let mut pages = Pages {
            at_foot,
            last_line,
            opened: HashSet::new(),
            written: RefCell::default(),
        };
        for b in all_blocks(doc) {
            let own = match &b.kind {
                BlockKind::Furniture { kind } => b.content.iter().find_map(|i| match i {
                    Inline::Span(s) => Some((kind, s.line)),
                    Inline::Milestone(_) => None,
                }),
                _ => None,
            };
            let milestones = b.content.iter().filter_map(|i| match i {
                Inline::Milestone(m) => Some((&m.kind, m.span.line)),
                Inline::Span(_) => None,
            });
            for (kind, line) in milestones.chain(own) {
                if let FurnitureKind::PageNumber { number } = kind {
                    let page = pages.opens(number, line);
                    pages.opened.extend(page.as_deref().and_then(key));
                }
            }
        }
        pages
    }

    /// Whether the page number is printed at the foot of its page, so that
    /// the page break comes after it.
    pub(super) fn at_foot(&self) -> bool {
        self.at_foot
    }

    /// The page that begins at the page number `number` printed on `line`:
    /// the number itself where numbers head their pages; where they foot
    /// them, the next number, and none after the text's last line.
    pub(super) fn opens(&self, number: &str, line: u32) -> Option<String> {
        if !self.at_foot {
            return Some(number.to_string());
        }
        if line >= self.last_line {
            return None;
        }
        next_number(number)
    }

    /// The id of the next page break with this number.
    pub(super) fn next_id(&self, number: &str) -> Option<String> {
        let k = key(number)?;
        let mut written = self.written.borrow_mut();
        let n = written.entry(k.clone()).or_insert(0);
        *n += 1;
        Some(if *n == 1 {
            format!("page-{k}")
        } else {
            format!("page-{k}-{n}")
        })
    }

    /// A pointer to the first break of the page a contents line names, when
    /// a break opens it.
    pub(super) fn target(&self, page: &str) -> Option<String> {
        key(page)
            .filter(|k| self.opened.contains(k))
            .map(|k| format!("#page-{k}"))
    }
}

/// A page number as a name part: its ASCII letters and digits, lower case,
/// without leading zeros, so the contents' `03` finds the page's `3`.
fn key(number: &str) -> Option<String> {
    let k: String = number
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let k = k.trim_start_matches('0');
    (!k.is_empty()).then(|| k.to_string())
}

/// Every block of the document, sidebars' items included, in order.
pub(super) fn all_blocks(doc: &Document) -> Vec<&Block> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_names_and_match_across_zeros() {
        assert_eq!(key("03").as_deref(), Some("3"));
        assert_eq!(key("iv").as_deref(), Some("iv"));
        assert_eq!(key("0"), None);
        assert_eq!(key("第 12 页").as_deref(), Some("12"));
    }

    #[test]
    fn a_page_opened_twice_gets_a_second_id() {
        let pages = Pages::new(&Document::default());
        assert_eq!(pages.next_id("28").as_deref(), Some("page-28"));
        assert_eq!(pages.next_id("028").as_deref(), Some("page-28-2"));
        assert_eq!(pages.next_id("x").as_deref(), Some("page-x"));
    }

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
    fn a_number_before_the_next_pages_head_or_at_the_end_is_a_foot() {
        use Piece::*;
        let at = |p: &[(Piece, bool)]| {
            let v: Vec<(u32, Piece, bool)> = (1..).zip(p).map(|(l, &(p, f))| (l, p, f)).collect();
            numbers_at_foot(&v)
        };
        assert!(at(&[
            (Text, false),
            (Number, false),
            (Head, false),
            (Text, false)
        ]));
        assert!(at(&[(Text, false), (Number, false)]));
        assert!(at(&[(Text, false), (Number, false), (Text, true)]));
        assert!(!at(&[
            (Number, false),
            (Text, false),
            (Head, false),
            (Number, false),
            (Text, false)
        ]));
        assert!(!at(&[(Text, false), (Number, true), (Text, false)]));
        // No sign either way: at the foot.
        assert!(at(&[(Text, false), (Number, false), (Text, false)]));
    }
}
