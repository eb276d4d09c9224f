//! Page breaks: where a page begins and which page it is, as the parser
//! found the text prints its numbers (`Profile::page_numbers`) and
//! `write::pages` names the page that begins at each. A page number
//! printed at the foot of its page ends that page: its forme work comes
//! first and the break after it names the next page (`…<fw
//! type="pageNum">62</fw><pb n="63"/>`); a number printed at the head opens
//! its page (`<pb n="28"/><fw type="pageNum">28</fw>…`). Each break gets
//! `xml:id="page-28"` (`page-28-2` for a number printed again), and a
//! contents line whose page begins at a break points to it, so the
//! edition's contents can be followed.

use crate::Document;
use crate::model::{BlockKind, FurnitureKind, Inline};
use crate::write::pages::PageTurns;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

pub(super) struct Pages {
    /// The page each page number opens, as every writer names it.
    turns: PageTurns,
    /// Keys of every page a break opens.
    opened: HashSet<String>,
    /// How many breaks of each key were written so far.
    written: RefCell<HashMap<String, u32>>,
}

impl Pages {
    pub(super) fn new(doc: &Document) -> Self {
        let mut pages = Pages {
            turns: PageTurns::new(doc),
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
        self.turns.at_foot()
    }

    /// The page that begins at the page number `number` printed on `line`:
    /// the number itself where numbers head their pages; where they foot
    /// them, the next number, and none after the text's last line.
    pub(super) fn opens(&self, number: &str, line: u32) -> Option<String> {
        self.turns.opens(number, line)
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

pub(super) use crate::write::pages::all_blocks;

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
}
