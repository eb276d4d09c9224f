//! Nesting an article's flat block list into TEI divisions: a heading opens
//! a `div` that runs to the next heading of its level or above.

use crate::model::{Block, BlockKind, NoteKind};
use crate::write::sections::Sections;

/// Where TEI lets a block stand inside a `div`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// `head`: only before any running text of its division.
    Head,
    /// `byline`, `dateline`: at the top or the bottom of a division.
    Wrapper,
    /// `note`, `figure`, `pb`, `fw`: anywhere.
    Global,
    /// `p`, `list`, `floatingText`: the division's running content.
    Common,
}

pub(super) fn place(b: &Block) -> Place {
    match &b.kind {
        BlockKind::Title | BlockKind::Subtitle | BlockKind::Heading { .. } => Place::Head,
        BlockKind::Byline { .. }
        | BlockKind::Note {
            kind: NoteKind::Date,
        } => Place::Wrapper,
        BlockKind::Note { .. } | BlockKind::Caption { .. } | BlockKind::Furniture { .. } => {
            Place::Global
        }
        BlockKind::Paragraph
        | BlockKind::ListItem { .. }
        | BlockKind::Sidebar { .. }
        | BlockKind::TocEntry { .. }
        | BlockKind::FrontMatter => Place::Common,
    }
}

/// A division: its level (1 for an article, the heading level for a section)
/// and its blocks and subdivisions in order.
#[derive(Debug, Default)]
pub(super) struct Div<'a> {
    pub(super) level: u8,
    pub(super) nodes: Vec<Node<'a>>,
}

#[derive(Debug)]
pub(super) enum Node<'a> {
    Block(&'a Block),
    Div(Div<'a>),
}

impl<'a> Div<'a> {
    /// Whether nothing but heads, wrappers and furniture came yet, so a head may still follow.
    fn at_top(&self) -> bool {
        self.nodes
            .iter()
            .all(|n| matches!(n, Node::Block(b) if place(b) != Place::Common))
    }

    /// Whether the division has running text or subdivisions (a TEI `body` needs one).
    pub(super) fn has_common(&self) -> bool {
        self.nodes.iter().any(|n| {
            matches!(n, Node::Div(_)) || matches!(n, Node::Block(b) if place(b) == Place::Common)
        })
    }

    /// Whether only wrappers and furniture follow node `i`, so a wrapper there
    /// is at the bottom of its division.
    pub(super) fn bottom_from(&self, i: usize) -> bool {
        self.nodes[i + 1..].iter().all(
            |n| matches!(n, Node::Block(b) if matches!(place(b), Place::Wrapper | Place::Global)),
        )
    }
}

/// Nests blocks under their headings. Titles and subtitles stay heads of the
/// division they open; one that comes after running text opens a section,
/// as TEI allows no `head` there.
pub(super) fn nest<'a>(blocks: &'a [Block]) -> Div<'a> {
    let mut root = Div {
        level: 1,
        nodes: Vec::new(),
    };
    let mut adopt = |parent: &mut Div<'a>, child| parent.nodes.push(Node::Div(child));
    let mut sections = Sections::new();
    for b in blocks {
        let nested = sections.innermost().is_some();
        let top = match sections.innermost() {
            Some(d) => d,
            None => &mut root,
        };
        let level = match b.kind {
            BlockKind::Title | BlockKind::Subtitle if top.at_top() => None,
            BlockKind::Title | BlockKind::Subtitle => Some(2),
            BlockKind::Heading { level } => Some(level.max(2)),
            _ => None,
        };
        match level {
            // A heading printed over two lines may come as two blocks.
            Some(level) if !(top.level == level && nested && top.at_top()) => {
                let div = Div {
                    level,
                    nodes: vec![Node::Block(b)],
                };
                sections.open(level, div, &mut adopt);
            }
            _ => top.nodes.push(Node::Block(b)),
        }
    }
    for d in sections.finish(&mut adopt) {
        root.nodes.push(Node::Div(d));
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(kind: BlockKind) -> Block {
        Block::new(kind, Vec::new())
    }

    fn shape(d: &Div) -> String {
        d.nodes
            .iter()
            .map(|n| match n {
                Node::Block(b) => format!("{:?}", place(b))
                    .chars()
                    .next()
                    .unwrap()
                    .to_string(),
                Node::Div(d) => format!("[{}:{}]", d.level, shape(d)),
            })
            .collect()
    }

    #[test]
    fn headings_nest_by_level() {
        let h = |level| b(BlockKind::Heading { level });
        let p = || b(BlockKind::Paragraph);
        let blocks = [
            b(BlockKind::Title),
            p(),
            h(2),
            p(),
            h(3),
            p(),
            h(3),
            h(3),
            p(),
            h(2),
            p(),
            b(BlockKind::Title),
            p(),
        ];
        assert_eq!(shape(&nest(&blocks)), "HC[2:HC[3:HC][3:HHC]][2:HC][2:HC]");
    }
}
