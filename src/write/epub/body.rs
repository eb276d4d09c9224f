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
    let mut names: Vec<String> = Vec::with_capacity(doc.articles.len());
    for (i, a) in doc.articles.iter().enumerate() {
        let mut name = undecorate(&article_label(a, i, labels));
        // A second run of front matter (卷首 again, after the contents) is
        // named by what it says, as an untitled article would be.
        if a.kind == ArticleKind::Front && names.contains(&name) {
            let as_text = crate::model::Article {
                kind: ArticleKind::Article,
                blocks: a.blocks.clone(),
            };
            name = undecorate(&article_label(&as_text, i, labels));
        }
        names.push(name);
    }
    let links = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            (
                crate::write::contents::names(a),
                format!("{}.xhtml", base(i)),
            )
        })
        .collect();
    let mut m = Markup::new(
        Target::Epub,
        labels,
        links,
        crate::write::pages::PageTurns::new(doc),
    );
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
    for entry in &mut flat {
        entry.2 = undecorate(&entry.2);
    }
    // An untitled article is named after its first heading: that heading is
    // not listed again as its own first child.
    let mut k = 1;
    while k < flat.len() {
        let (prev, this) = (&flat[k - 1], &flat[k]);
        if prev.0 == 1 && this.0 > 1 && this.2 == prev.2 && this.1.starts_with(prev.1.as_str()) {
            flat.remove(k);
        } else {
            k += 1;
        }
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

/// A navigation label without the bullets print sets before titles
/// (`◆新疆…`, `■ 要闻`): ornaments, not words.
fn undecorate(label: &str) -> String {
    const ORNAMENTS: &[char] = &[
        '◆', '◇', '■', '□', '●', '○', '★', '☆', '▲', '△', '▶', '►', '▷', '◀', '◁', '▪', '▫', '•',
        '◎', '※', '❖',
    ];
    let trimmed = label.trim_matches(|c: char| ORNAMENTS.contains(&c) || c.is_whitespace());
    if trimmed.is_empty() {
        label.to_string()
    } else {
        trimmed.to_string()
    }
}

fn base(i: usize) -> String {
    format!("a{:03}", i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ornaments_are_no_part_of_a_label() {
        assert_eq!(undecorate("◆新疆阿克苏地区"), "新疆阿克苏地区");
        assert_eq!(undecorate("■ 要闻 ■"), "要闻");
        assert_eq!(undecorate("◆"), "◆");
        assert_eq!(undecorate("“棋眼”"), "“棋眼”");
    }
}
