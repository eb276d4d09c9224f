//! The book's content documents: one per article (long ones in parts), with
//! the navigation tree and the printed page list found on the way.

use crate::model::{ArticleKind, BlockKind, Document};
use crate::write::xhtml::{Labels, Markup, NavPoint, PageTarget, Target, article_label, nest};

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

/// The rendered body of the book.
pub(super) struct Body {
    pub parts: Vec<Part>,
    pub nav: Vec<NavPoint>,
    pub pages: Vec<PageTarget>,
}

/// Renders every article of the document.
pub(super) fn render(
    doc: &Document,
    labels: &'static Labels,
    split_level: Option<u8>,
    toc_depth: Option<u8>,
) -> Body {
    let names: Vec<String> = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| article_label(a, i, labels))
        .collect();
    let links = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let title = (a.kind == ArticleKind::Article)
                .then(|| a.title())
                .flatten();
            (title, format!("{}.xhtml", base(i)))
        })
        .collect();
    let mut m = Markup::new(Target::Epub, labels, links);
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
            // The markup sets a heading of level 1 as a section of level 2, like the nav.
            let split_here = at > 0
                && split_level.is_some_and(
                    |l| matches!(b.kind, BlockKind::Heading { level } if level.max(2) <= l),
                );
            if split_here || (heading && m.len() > SOFT_LIMIT) || m.len() > HARD_LIMIT {
                parts.push(Part {
                    file: file.clone(),
                    title: names[i].clone(),
                    body: m.finish(),
                    front,
                });
                n += 1;
                file = format!("{}-{n}.xhtml", base(i));
                m.start(&file, front);
            }
            at = m.blocks(&article.blocks, at, &mut flat);
        }
        parts.push(Part {
            file,
            title: names[i].clone(),
            body: m.finish(),
            front,
        });
    }
    if let Some(depth) = toc_depth {
        flat.retain(|(level, _, _)| *level <= depth.max(1));
    }
    Body {
        parts,
        nav: nest(flat),
        pages: m.into_pages(),
    }
}

fn base(i: usize) -> String {
    format!("a{:03}", i + 1)
}
