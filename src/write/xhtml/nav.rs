//! The outline of a document as readers navigate it: what each article is
//! called, and headings nested by level.

use super::labels::Labels;
use crate::model::{Article, ArticleKind, BlockKind};
use crate::write::reading::{Flow, tidy};
use crate::write::sections::Sections;

/// An entry of the navigation document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NavPoint {
    pub href: String,
    pub label: String,
    pub children: Vec<NavPoint>,
}

/// What the navigation calls an article: its title, else its first heading,
/// else the start of its first text, else its number.
pub(crate) fn article_label(a: &Article, i: usize, labels: &Labels) -> String {
    if a.kind == ArticleKind::Front {
        let toc = a
            .blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::TocEntry { .. }));
        return (if toc { labels.source_toc } else { labels.front }).to_string();
    }
    if let Some(t) = a
        .title()
        .map(|t| tidy(&t, Flow::Display))
        .filter(|t| !t.is_empty())
    {
        return t;
    }
    let text = |k: fn(&BlockKind) -> bool| {
        a.blocks
            .iter()
            .filter(|b| k(&b.kind))
            .map(|b| tidy(&b.text(), Flow::Display))
            .find(|t| !t.is_empty())
    };
    if let Some(h) = text(|k| matches!(k, BlockKind::Heading { .. })) {
        return h;
    }
    if let Some(t) = text(|k| !matches!(k, BlockKind::Furniture { .. })) {
        let short: String = t.chars().take(16).collect();
        return if short.len() < t.len() {
            format!("{short}…")
        } else {
            short
        };
    }
    labels.article(i + 1)
}

/// Turns (level, href, label) in reading order into a tree: an entry holds
/// the entries after it with a deeper level, whatever levels are skipped.
pub(crate) fn nest(flat: Vec<(u8, String, String)>) -> Vec<NavPoint> {
    let mut adopt = |parent: &mut NavPoint, child| parent.children.push(child);
    let mut sections = Sections::new();
    for (level, href, label) in flat {
        let point = NavPoint {
            href,
            label,
            children: Vec::new(),
        };
        sections.open(level, point, &mut adopt);
    }
    sections.finish(&mut adopt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_follows_levels_and_tolerates_gaps() {
        let e = |l: u8, s: &str| (l, s.to_string(), s.to_string());
        let tree = nest(vec![
            e(1, "a"),
            e(2, "a1"),
            e(4, "a1x"),
            e(3, "a1y"),
            e(2, "a2"),
            e(1, "b"),
            e(3, "b1"),
        ]);
        let shape: Vec<(String, Vec<String>)> = tree
            .iter()
            .map(|p| {
                (
                    p.label.clone(),
                    p.children.iter().map(|c| c.label.clone()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                ("a".into(), vec!["a1".into(), "a2".into()]),
                ("b".into(), vec!["b1".into()])
            ]
        );
        assert_eq!(tree[0].children[0].children.len(), 2);
    }
}
