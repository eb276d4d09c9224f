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
    let mut out: Vec<LineRange> = Vec::new();
    for n in lines {
        match out.last_mut() {
            Some(r) if n == r[1] + 1 => r[1] = n,
            Some(r) if n >= r[0] && n <= r[1] => {}
            _ => out.push([n, n]),
        }
    }
    out
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

fn push_block(b: &Block, out: &mut Vec<LayoutBlock>) {
    let mut own: Vec<u32> = span_lines(&b.content).collect();
    if let BlockKind::Caption { credit } = &b.kind {
        own.extend(span_lines(credit));
    }
    own.sort_unstable();
    if !own.is_empty() {
        out.push(LayoutBlock { kind: kind_name(&b.kind).into(), level: b.level(), lines: ranges(own) });
    }
    let credit: &[Inline] = match &b.kind {
        BlockKind::Caption { credit } => credit,
        _ => &[],
    };
    for m in b.content.iter().chain(credit).filter_map(|i| match i {
        Inline::Milestone(m) => Some(m),
        Inline::Span(_) => None,
    }) {
        out.push(LayoutBlock { kind: "artifact".into(), level: None, lines: vec![[m.span.line, m.span.line]] });
    }
    if let BlockKind::Sidebar { items } = &b.kind {
        for item in items {
            push_block(item, out);
        }
    }
}

impl Document {
    /// The document's structure as layout JSON.
    pub fn to_layout(&self) -> Layout {
        let mut blocks = Vec::new();
        for b in self.articles.iter().flat_map(|a| &a.blocks) {
            push_block(b, &mut blocks);
        }
        Layout { source: self.source.file_name.clone().unwrap_or_default(), blocks }
    }

    /// The document's structure as layout JSON text.
    pub fn to_layout_json(&self) -> String {
        let layout = self.to_layout();
        let mut s = String::from("{\n  \"source\": ");
        s.push_str(&serde_json::to_string(&layout.source).unwrap_or_else(|_| "\"\"".into()));
        s.push_str(",\n  \"blocks\": [\n");
        for (i, b) in layout.blocks.iter().enumerate() {
            s.push_str("    ");
            s.push_str(&serde_json::to_string(b).unwrap_or_default());
            s.push_str(if i + 1 < layout.blocks.len() { ",\n" } else { "\n" });
        }
        s.push_str("  ]\n}\n");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_lines_merge() {
        assert_eq!(ranges([1, 2, 3, 5, 7, 8]), vec![[1, 3], [5, 5], [7, 8]]);
        assert!(ranges([]).is_empty());
    }
}
