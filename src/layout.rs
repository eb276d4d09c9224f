//! Layout JSON: a document reduced to block kinds and source line ranges, the
//! format of the hand-checked gold files (`fixtures/gold/FORMAT.md`).

use crate::model::{Block, BlockKind, Document, Inline, LineRange};
use serde::{Deserialize, Serialize};

/// A document's structure as layout JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// The source file name.
    pub source: String,
    /// Blocks in reading order.
    pub blocks: Vec<LayoutBlock>,
}

/// One block of layout JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutBlock {
    /// `title`, `heading`, `paragraph`, `list_item`, `caption`, `byline`,
    /// `note`, `aside`, `toc`, `frontmatter` or `artifact`.
    pub kind: String,
    /// Heading level (2 = top section), for headings only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Source line ranges, 1-based, inclusive.
    pub lines: Vec<LineRange>,
}

/// Merges sorted line numbers into ranges of consecutive lines.
pub fn ranges(lines: impl IntoIterator<Item = u32>) -> Vec<LineRange> {
    crate::model::ranges(lines)
}

fn span_lines(content: &[Inline]) -> impl Iterator<Item = u32> + '_ {
    content.iter().filter_map(|i| match i {
        Inline::Span(s) => Some(s.line),
        Inline::Milestone(_) => None,
    })
}

fn kind_name(kind: &BlockKind) -> &'static str {
    match kind {
        BlockKind::Title | BlockKind::Subtitle => "title",
        BlockKind::Heading { .. } => "heading",
        BlockKind::Paragraph => "paragraph",
        BlockKind::ListItem { .. } => "list_item",
        BlockKind::Caption { .. } => "caption",
        BlockKind::Byline { .. } => "byline",
        BlockKind::Note { .. } => "note",
        BlockKind::Sidebar { .. } => "aside",
        BlockKind::TocEntry { .. } => "toc",
        BlockKind::FrontMatter => "frontmatter",
        BlockKind::Furniture { .. } => "artifact",
    }
}

/// Calls `f` with the kind, level and line ranges of each layout block a
/// model block gives: itself, its milestones, its sidebar's items.
fn each_block(b: &Block, f: &mut impl FnMut(&'static str, Option<u8>, &[LineRange])) {
    let mut own: Vec<u32> = span_lines(&b.content).collect();
    if let BlockKind::Caption { credit } = &b.kind {
        own.extend(span_lines(credit));
    }
    own.sort_unstable();
    if !own.is_empty() {
        f(kind_name(&b.kind), b.level(), &ranges(own.iter().copied()));
    }
    let credit: &[Inline] = match &b.kind {
        BlockKind::Caption { credit } => credit,
        _ => &[],
    };
    for m in b.content.iter().chain(credit).filter_map(|i| match i {
        Inline::Milestone(m) => Some(m),
        Inline::Span(_) => None,
    }) {
        // A mark cut from a line of the block's text (a jump's 下转第9页)
        // leaves the line to the text.
        if own.binary_search(&m.span.line).is_ok() {
            continue;
        }
        f("artifact", None, &[[m.span.line, m.span.line]]);
    }
    if let BlockKind::Sidebar { items } = &b.kind {
        for item in items {
            each_block(item, f);
        }
    }
}

/// One layout block as JSON, as `serde_json::to_string` writes a [`LayoutBlock`].
fn block_json(out: &mut String, kind: &str, level: Option<u8>, lines: &[LineRange]) {
    use std::fmt::Write;
    let _ = write!(out, "{{\"kind\":\"{kind}\"");
    if let Some(l) = level {
        let _ = write!(out, ",\"level\":{l}");
    }
    out.push_str(",\"lines\":[");
    for (i, r) in lines.iter().enumerate() {
        let _ = write!(out, "{}[{},{}]", if i > 0 { "," } else { "" }, r[0], r[1]);
    }
    out.push_str("]}");
}

impl Document {
    /// The document's structure as layout JSON.
    pub fn to_layout(&self) -> Layout {
        let mut blocks = Vec::new();
        for b in self.articles.iter().flat_map(|a| &a.blocks) {
            each_block(b, &mut |kind, level, lines| {
                blocks.push(LayoutBlock {
                    kind: kind.into(),
                    level,
                    lines: lines.to_vec(),
                })
            });
        }
        Layout {
            source: self.source.file_name.clone().unwrap_or_default(),
            blocks,
        }
    }

    /// The document's structure as layout JSON text.
    pub fn to_layout_json(&self) -> String {
        // Written block by block, without the [`Layout`] in between, into a
        // string sized by a first pass: for a large text, the layout and a
        // string grown by doubling would each take as much memory as the JSON.
        let blocks = || self.articles.iter().flat_map(|a| &a.blocks);
        let mut scratch = String::new();
        let mut size = 0;
        for b in blocks() {
            each_block(b, &mut |kind, level, lines| {
                scratch.clear();
                block_json(&mut scratch, kind, level, lines);
                size += scratch.len() + ",\n    ".len();
            });
        }
        let source = serde_json::to_string(self.source.file_name.as_deref().unwrap_or_default())
            .unwrap_or_else(|_| "\"\"".into());
        let mut s = String::with_capacity(size + source.len() + 40);
        s.push_str("{\n  \"source\": ");
        s.push_str(&source);
        s.push_str(",\n  \"blocks\": [\n");
        let mut first = true;
        for b in blocks() {
            each_block(b, &mut |kind, level, lines| {
                s.push_str(if first { "    " } else { ",\n    " });
                first = false;
                block_json(&mut s, kind, level, lines);
            });
        }
        if !first {
            s.push('\n');
        }
        s.push_str("  ]\n}\n");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_written_as_serde_writes_them() {
        for (kind, level, lines) in [
            ("paragraph", None, vec![[1, 3], [5, 5]]),
            ("heading", Some(2), vec![[7, 7]]),
            ("artifact", None, vec![]),
        ] {
            let mut s = String::new();
            block_json(&mut s, kind, level, &lines);
            assert_eq!(
                s,
                serde_json::to_string(&LayoutBlock {
                    kind: kind.into(),
                    level,
                    lines
                })
                .unwrap()
            );
        }
    }

    #[test]
    fn consecutive_lines_merge() {
        assert_eq!(ranges([1, 2, 3, 5, 7, 8]), vec![[1, 3], [5, 5], [7, 8]]);
        assert!(ranges([]).is_empty());
    }
}
