//! Contents lines linked to the divisions they name: a line of the source's
//! table of contents that names an article (or a section) becomes
//! `<item><ref target="#article-5">…</ref></item>`, and that division gets
//! the `xml:id`. Lines are matched to titles by the writers' one contents
//! matcher ([`Contents`]), as the EPUB, HTML and PDF link theirs.

use super::divs::{Div, Node, Place, nest, place};
use crate::Document;
use crate::model::{Block, BlockKind};
use crate::write::contents::{Contents, names};
use std::collections::HashMap;

/// Where a block lives, to know it again while writing: its address in the
/// document, which the writer borrows unchanged.
fn key(b: &Block) -> usize {
    std::ptr::from_ref(b) as usize
}

pub(super) struct Links {
    /// The id of each linked article, by its index in the document.
    articles: HashMap<usize, String>,
    /// The id of each linked section, by its heading block.
    sections: HashMap<usize, String>,
    /// The division each contents line links to, by the line's block.
    lines: HashMap<usize, String>,
}

impl Links {
    pub(super) fn new(doc: &Document) -> Links {
        // The divisions a contents line may name, in the matcher's order:
        // the articles, then every section of every article.
        let mut titles: Vec<Vec<String>> = Vec::new();
        let mut targets: Vec<(Option<usize>, String)> = Vec::new();
        for (i, a) in doc.articles.iter().enumerate() {
            titles.push(names(a));
            targets.push((None, format!("article-{}", i + 1)));
        }
        for (i, a) in doc.articles.iter().enumerate() {
            let mut k = 0;
            sections(&nest(&a.blocks), &mut |d: &Div| {
                k += 1;
                let Some(Node::Block(first)) = d.nodes.first() else {
                    return;
                };
                titles.push(vec![head_text(d)]);
                targets.push((Some(key(first)), format!("article-{}-{k}", i + 1)));
            });
        }
        let contents = Contents::new(&titles);
        let mut links = Links {
            articles: HashMap::new(),
            sections: HashMap::new(),
            lines: HashMap::new(),
        };
        for (i, a) in doc.articles.iter().enumerate() {
            for b in toc_lines(&a.blocks) {
                let BlockKind::TocEntry { page } = &b.kind else {
                    continue;
                };
                let Some(t) = contents.find(&without_page(&b.text(), page.as_deref()), Some(i))
                else {
                    continue;
                };
                let (section, id) = &targets[t];
                match section {
                    Some(s) => links.sections.insert(*s, id.clone()),
                    None => links.articles.insert(t, id.clone()),
                };
                links.lines.insert(key(b), id.clone());
            }
        }
        links
    }

    /// The id of article `i`, when a contents line links to it.
    pub(super) fn article(&self, i: usize) -> Option<&str> {
        self.articles.get(&i).map(String::as_str)
    }

    /// The id of the section `d`, when a contents line links to it.
    pub(super) fn section(&self, d: &Div) -> Option<&str> {
        match d.nodes.first() {
            Some(Node::Block(b)) => self.sections.get(&key(b)).map(String::as_str),
            _ => None,
        }
    }

    /// The pointer a contents line links to (`#article-5`).
    pub(super) fn target(&self, line: &Block) -> Option<String> {
        self.lines.get(&key(line)).map(|id| format!("#{id}"))
    }
}

/// Every section of a division, outermost first, in order.
fn sections<'a>(d: &Div<'a>, f: &mut impl FnMut(&Div<'a>)) {
    for n in &d.nodes {
        if let Node::Div(sub) = n {
            f(sub);
            sections(sub, f);
        }
    }
}

/// A section's heading: its heads before anything else, joined (a
/// subtitle aside: a contents line names the title without it).
fn head_text(d: &Div) -> String {
    d.nodes
        .iter()
        .map_while(|n| match n {
            Node::Block(b) if place(b) == Place::Head => Some(*b),
            _ => None,
        })
        .filter(|b| b.kind != BlockKind::Subtitle)
        .map(Block::text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The contents lines among blocks, sidebars' items included.
fn toc_lines(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::new();
    for b in blocks {
        match &b.kind {
            BlockKind::TocEntry { .. } => out.push(b),
            BlockKind::Sidebar { items } => out.extend(toc_lines(items)),
            _ => {}
        }
    }
    out
}

/// A contents line's text without its printed page number, which is no
/// part of the title it names.
fn without_page(text: &str, page: Option<&str>) -> String {
    let t = text.trim();
    let Some(p) = page.map(str::trim).filter(|p| !p.is_empty()) else {
        return t.to_string();
    };
    t.strip_suffix(p)
        .or_else(|| t.strip_prefix(p))
        .unwrap_or(t)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_number_is_cut_from_either_end() {
        assert_eq!(without_page("22 丝路明珠", Some("22")), " 丝路明珠");
        assert_eq!(without_page("丝路明珠……47", Some("47")), "丝路明珠……");
        assert_eq!(without_page("丝路明珠", None), "丝路明珠");
    }
}
