//! The book's content documents: one per article (long ones in parts), with
//! the navigation tree and the printed page list found on the way.

use super::blocks::Markup;
use super::labels::Labels;
use super::text::{Flow, tidy};
use crate::model::{Article, ArticleKind, BlockKind, Document};

/// A part past this many bytes of XHTML is closed at the next section heading.
const SOFT_LIMIT: usize = 48 * 1024;
/// A part past this many bytes is closed at the next block whatever it is,
/// so reading systems never load one huge file.
const HARD_LIMIT: usize = 160 * 1024;

/// One XHTML content document, before it is wrapped in `<html>`.
pub(super) struct Part {
    pub file: String,
    pub title: String,
    pub body: String,
    pub front: bool,
}

/// An entry of the navigation document.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct NavPoint {
    pub href: String,
    pub label: String,
    pub children: Vec<NavPoint>,
}

/// A printed page: where it starts in the book, and its number as printed.
pub(super) struct PageTarget {
    pub href: String,
    pub label: String,
}

/// The rendered body of the book.
pub(super) struct Body {
    pub parts: Vec<Part>,
    pub nav: Vec<NavPoint>,
    pub pages: Vec<PageTarget>,
}

/// Renders every article of the document.
pub(super) fn render(doc: &Document, labels: &'static Labels) -> Body {
    let names: Vec<String> = doc.articles.iter().enumerate().map(|(i, a)| article_label(a, i, labels)).collect();
    let links = doc
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ArticleKind::Article)
        .filter_map(|(i, a)| a.title().map(|t| (squash(&t), format!("{}.xhtml", base(i)))))
        .filter(|(k, _)| k.chars().count() >= 4)
        .collect();
    let mut m = Markup::new(labels, links);
    let mut parts = Vec::new();
    let mut flat: Vec<(u8, String, String)> = Vec::new();
    for (i, article) in doc.articles.iter().enumerate() {
        let front = article.kind == ArticleKind::Front;
        let mut file = format!("{}.xhtml", base(i));
        flat.push((1, file.clone(), names[i].clone()));
        m.start(&file, front);
        let mut n = 1;
        let mut at = 0;
        while at < article.blocks.len() {
            let b = &article.blocks[at];
            let heading = matches!(b.kind, BlockKind::Heading { level } if level <= 3);
            if (heading && m.len() > SOFT_LIMIT) || m.len() > HARD_LIMIT {
                parts.push(Part { file: file.clone(), title: names[i].clone(), body: m.finish(), front });
                n += 1;
                file = format!("{}-{n}.xhtml", base(i));
                m.start(&file, front);
            }
            at = m.blocks(&article.blocks, at, &mut flat);
        }
        parts.push(Part { file, title: names[i].clone(), body: m.finish(), front });
    }
    Body { parts, nav: nest(flat), pages: m.into_pages() }
}

fn base(i: usize) -> String {
    format!("a{:03}", i + 1)
}

/// Text without spaces and punctuation, to match table-of-contents lines with titles.
pub(super) fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What the navigation calls an article: its title, else its first heading,
/// else the start of its first text, else its number.
fn article_label(a: &Article, i: usize, labels: &Labels) -> String {
    if a.kind == ArticleKind::Front {
        let toc = a.blocks.iter().any(|b| matches!(b.kind, BlockKind::TocEntry { .. }));
        return (if toc { labels.source_toc } else { labels.front }).to_string();
    }
    if let Some(t) = a.title().map(|t| tidy(&t, Flow::Display)).filter(|t| !t.is_empty()) {
        return t;
    }
    let text = |k: fn(&BlockKind) -> bool| a.blocks.iter().filter(|b| k(&b.kind)).map(|b| tidy(&b.text(), Flow::Display)).find(|t| !t.is_empty());
    if let Some(h) = text(|k| matches!(k, BlockKind::Heading { .. })) {
        return h;
    }
    if let Some(t) = text(|k| !matches!(k, BlockKind::Furniture { .. })) {
        let short: String = t.chars().take(16).collect();
        return if short.len() < t.len() { format!("{short}…") } else { short };
    }
    labels.article(i + 1)
}

/// Turns (level, href, label) in reading order into a tree: an entry holds
/// the entries after it with a deeper level, whatever levels are skipped.
pub(super) fn nest(flat: Vec<(u8, String, String)>) -> Vec<NavPoint> {
    let mut roots: Vec<NavPoint> = Vec::new();
    let mut open: Vec<(u8, NavPoint)> = Vec::new();
    fn close(open: &mut Vec<(u8, NavPoint)>, roots: &mut Vec<NavPoint>) {
        if let Some((_, p)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.children.push(p),
                None => roots.push(p),
            }
        }
    }
    for (level, href, label) in flat {
        while open.last().is_some_and(|(l, _)| *l >= level) {
            close(&mut open, &mut roots);
        }
        open.push((level, NavPoint { href, label, children: Vec::new() }));
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_follows_levels_and_tolerates_gaps() {
        let e = |l: u8, s: &str| (l, s.to_string(), s.to_string());
        let tree = nest(vec![e(1, "a"), e(2, "a1"), e(4, "a1x"), e(3, "a1y"), e(2, "a2"), e(1, "b"), e(3, "b1")]);
        let shape: Vec<(String, Vec<String>)> = tree.iter().map(|p| (p.label.clone(), p.children.iter().map(|c| c.label.clone()).collect())).collect();
        assert_eq!(shape, vec![("a".into(), vec!["a1".into(), "a2".into()]), ("b".into(), vec!["b1".into()])]);
        assert_eq!(tree[0].children[0].children.len(), 2);
    }
}
