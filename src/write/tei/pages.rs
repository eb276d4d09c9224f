//! Page ids: each page break gets `xml:id="page-28"` (`page-28-2` for a
//! number printed again), and a contents line whose page is printed in the
//! text points to that break, so the edition's contents can be followed.

use crate::Document;
use crate::model::{Block, BlockKind, FurnitureKind, Inline};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

pub(super) struct Pages {
    /// Keys of every page number printed in the text.
    printed: HashSet<String>,
    /// How many breaks of each key were written so far.
    written: RefCell<HashMap<String, u32>>,
}

impl Pages {
    pub(super) fn new(doc: &Document) -> Self {
        let mut printed = HashSet::new();
        for b in all_blocks(doc) {
            let milestones = b.content.iter().filter_map(|i| {
                if let Inline::Milestone(m) = i {
                    Some(&m.kind)
                } else {
                    None
                }
            });
            let own = if let BlockKind::Furniture { kind } = &b.kind {
                Some(kind)
            } else {
                None
            };
            for kind in milestones.chain(own) {
                if let FurnitureKind::PageNumber { number } = kind {
                    printed.extend(key(number));
                }
            }
        }
        Pages {
            printed,
            written: RefCell::default(),
        }
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

    /// A pointer to the first break of the page a contents line names, when the text prints it.
    pub(super) fn target(&self, page: &str) -> Option<String> {
        key(page)
            .filter(|k| self.printed.contains(k))
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
}
