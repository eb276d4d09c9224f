//! Divisions and blocks as TEI elements, each where the TEI content model allows it.

use super::divs::{Div, Node, Place, nest, place};
use super::inline::{Mode, Names, content, furniture};
use super::xml::Xml;
use crate::model::{Block, BlockKind, Inline, NoteKind};
use std::io::{self, Write};

/// Writes an article's blocks as a `div` (or, for a sidebar, a `body`).
pub(super) fn division<W: Write>(
    x: &mut Xml<W>,
    blocks: &[Block],
    attrs: &[(&str, &str)],
    mode: &Mode,
) -> io::Result<()> {
    div(x, &nest(blocks), "div", attrs, mode)
}

fn div<W: Write>(
    x: &mut Xml<W>,
    d: &Div,
    name: &str,
    attrs: &[(&str, &str)],
    mode: &Mode,
) -> io::Result<()> {
    x.open(name, attrs)?;
    nodes(x, d, mode)?;
    x.close(name)
}

fn nodes<W: Write>(x: &mut Xml<W>, d: &Div, mode: &Mode) -> io::Result<()> {
    let mut common_seen = false;
    let mut titled = false;
    let mut i = 0;
    while i < d.nodes.len() {
        let b = match &d.nodes[i] {
            Node::Div(sub) => {
                let level = format!("level{}", sub.level);
                let mut attrs = vec![("type", "section"), ("subtype", level.as_str())];
                if let Some(id) = mode.links.section(sub) {
                    attrs.push(("xml:id", id));
                }
                div(x, sub, "div", &attrs, mode)?;
                i += 1;
                continue;
            }
            Node::Block(b) => *b,
        };
        // A division has one main title: a second title line is its subtitle.
        if b.kind == BlockKind::Title {
            if titled {
                let cert = cert(b.confidence);
                let mut attrs = vec![("type", "sub")];
                attrs.extend(cert.as_deref().map(|c| ("cert", c)));
                mixed(x, "head", &attrs, &b.content, mode, Names::NONE)?;
                i += 1;
                continue;
            }
            titled = true;
        }
        match (&b.kind, place(b)) {
            (BlockKind::ListItem { .. } | BlockKind::TocEntry { .. }, _) => {
                i = list(x, d, i, mode)?;
                common_seen = true;
                continue;
            }
            // TEI has no place for a byline or dateline between paragraphs:
            // there it becomes an anonymous block of that type.
            (_, Place::Wrapper) if common_seen && !d.bottom_from(i) => block_as(x, b, "ab", mode)?,
            (_, Place::Common) => {
                block(x, b, mode)?;
                common_seen = true;
            }
            _ => block(x, b, mode)?,
        }
        i += 1;
    }
    Ok(())
}

/// A run of list items (or of contents lines) from node `i`, with the
/// furniture and notes that interrupt it; returns the node after the run.
fn list<W: Write>(x: &mut Xml<W>, d: &Div, i: usize, mode: &Mode) -> io::Result<usize> {
    let toc = |n: &Node| {
        matches!(
            n,
            Node::Block(Block {
                kind: BlockKind::TocEntry { .. },
                ..
            })
        )
    };
    let is_toc = toc(&d.nodes[i]);
    let member = |n: &Node| {
        if is_toc {
            toc(n)
        } else {
            matches!(
                n,
                Node::Block(Block {
                    kind: BlockKind::ListItem { .. },
                    ..
                })
            )
        }
    };
    let mut end = i + 1;
    let mut j = i + 1;
    while let Some(Node::Block(b)) = d.nodes.get(j) {
        if member(&d.nodes[j]) {
            end = j + 1;
        } else if place(b) != Place::Global {
            break;
        }
        j += 1;
    }
    x.open("list", if is_toc { &[("type", "toc")] } else { &[] })?;
    for n in &d.nodes[i..end] {
        if let Node::Block(b) = n {
            block(x, b, mode)?;
        }
    }
    x.close("list")?;
    Ok(end)
}

fn block<W: Write>(x: &mut Xml<W>, b: &Block, mode: &Mode) -> io::Result<()> {
    let cert = cert(b.confidence);
    let cert: &[(&str, &str)] = match &cert {
        Some(c) => &[("cert", c.as_str())],
        None => &[],
    };
    let with = |a: &[(&'static str, &'static str)]| -> Vec<(&str, &str)> {
        a.iter().copied().chain(cert.iter().copied()).collect()
    };
    match &b.kind {
        BlockKind::Title => mixed(
            x,
            "head",
            &with(&[("type", "main")]),
            &b.content,
            mode,
            Names::NONE,
        ),
        BlockKind::Subtitle => mixed(
            x,
            "head",
            &with(&[("type", "sub")]),
            &b.content,
            mode,
            Names::NONE,
        ),
        BlockKind::Heading { .. } => mixed(x, "head", cert, &b.content, mode, Names::NONE),
        BlockKind::Paragraph | BlockKind::FrontMatter => {
            mixed(x, "p", cert, &b.content, mode, Names::NONE)
        }
        BlockKind::ListItem { marker } => {
            let mut a = with(&[]);
            if !marker.is_empty() {
                a.push(("n", marker));
            }
            mixed(x, "item", &a, &b.content, mode, Names::NONE)
        }
        BlockKind::TocEntry { page } => {
            let mut a = with(&[]);
            let target = page.as_deref().and_then(|p| mode.pages.target(p));
            if let Some(p) = page {
                a.push(("n", p));
            }
            if let Some(t) = &target {
                a.push(("corresp", t));
            }
            // A line that names a division links to it.
            match mode.links.target(b) {
                Some(t) => {
                    x.line()?;
                    x.start("item", &a)?;
                    x.start("ref", &[("target", &t)])?;
                    content(x, &b.content, mode, Names::NONE)?;
                    x.end("ref")?;
                    x.end("item")
                }
                None => mixed(x, "item", &a, &b.content, mode, Names::NONE),
            }
        }
        BlockKind::Byline { authors } => mixed(
            x,
            "byline",
            cert,
            &b.content,
            mode,
            Names {
                tag: "docAuthor",
                list: authors,
            },
        ),
        BlockKind::Note {
            kind: NoteKind::Date,
        } => mixed(x, "dateline", cert, &b.content, mode, Names::NONE),
        BlockKind::Note { kind } => mixed(
            x,
            "note",
            &with(&[("type", kind.name()), ("place", "inline")]),
            &b.content,
            mode,
            Names::NONE,
        ),
        BlockKind::Caption { credit } => {
            x.open("figure", cert)?;
            if !b.content.is_empty() {
                mixed(x, "head", &[], &b.content, mode, Names::NONE)?;
            }
            if !credit.is_empty() {
                // A photo credit is the figure's statement of responsibility.
                mixed(x, "byline", &[], credit, mode, Names::NONE)?;
            }
            x.close("figure")
        }
        BlockKind::Sidebar { items } => sidebar(x, b, items, &with(&[("type", "sidebar")]), mode),
        BlockKind::Furniture { kind } => {
            x.line()?;
            furniture(x, kind, &b.content, mode)
        }
    }
}

/// A byline or dateline where TEI allows neither: `<ab type="byline">`.
fn block_as<W: Write>(x: &mut Xml<W>, b: &Block, name: &str, mode: &Mode) -> io::Result<()> {
    let (kind, names) = match &b.kind {
        BlockKind::Byline { authors } => (
            "byline",
            Names {
                tag: "name",
                list: authors,
            },
        ),
        _ => ("dateline", Names::NONE),
    };
    let cert = cert(b.confidence);
    let mut a = vec![("type", kind)];
    if let Some(c) = &cert {
        a.push(("cert", c));
    }
    mixed(x, name, &a, &b.content, mode, names)
}

/// A sidebar as a text floating in the article: its lead-in is the head of
/// its body, its items the body's content.
fn sidebar<W: Write>(
    x: &mut Xml<W>,
    b: &Block,
    items: &[Block],
    attrs: &[(&str, &str)],
    mode: &Mode,
) -> io::Result<()> {
    let inner = nest(items);
    x.open("floatingText", attrs)?;
    x.open("body", &[])?;
    if !b.content.is_empty() {
        mixed(x, "head", &[], &b.content, mode, Names::NONE)?;
    }
    nodes(x, &inner, mode)?;
    if !inner.has_common() {
        // A body must have running text; an empty paragraph says there was none.
        x.line()?;
        x.empty("p", &[])?;
    }
    x.close("body")?;
    x.close("floatingText")
}

fn mixed<W: Write>(
    x: &mut Xml<W>,
    name: &str,
    attrs: &[(&str, &str)],
    inlines: &[Inline],
    mode: &Mode,
    names: Names,
) -> io::Result<()> {
    x.line()?;
    x.start(name, attrs)?;
    content(x, inlines, mode, names)?;
    x.end(name)
}

/// The parser's confidence as TEI's `@cert` (a probability), when it is unsure.
fn cert(confidence: f32) -> Option<String> {
    (confidence.is_finite() && confidence < 1.0).then(|| format!("{:.2}", confidence.max(0.0)))
}
