//! The text pane: the document as it will read in the book, block by block,
//! each block tagged with the id its source lines carry.

use super::html;
use super::map::{Key, LineMap, level_class};
use crate::Document;
use crate::model::{ArticleKind, Block, BlockKind, Inline, Milestone};
use std::collections::HashSet;
use std::fmt::Write;

pub(super) struct Text<'m, 'a> {
    pub(super) map: &'m LineMap<'a>,
    /// First source line of each item.
    pub(super) first: Vec<Option<u32>>,
    /// Items with a warning on one of their lines.
    pub(super) warned: HashSet<usize>,
}

impl Text<'_, '_> {
    pub(super) fn write(&self, out: &mut String, doc: &Document) {
        let mut n = 0;
        for a in &doc.articles {
            out.push_str("<article>");
            match a.kind {
                ArticleKind::Article => {
                    n += 1;
                    let _ = write!(out, "<div class=\"ah\">article {n}</div>");
                }
                ArticleKind::Front => out.push_str("<div class=\"ah\">front matter</div>"),
            }
            for b in &a.blocks {
                self.block(out, b);
            }
            out.push_str("</article>\n");
        }
    }

    /// Opens a block's element with its id, kind and first line.
    fn open(&self, out: &mut String, tag: &str, b: &Block, class: &str) -> usize {
        let id = self.map.id(b).expect("the map walked this document");
        let item = &self.map.items[id];
        let _ = write!(out, "<{tag} class=\"k-{}{class}", item.key.name());
        if item.uncertain {
            out.push_str(" unc");
        }
        if self.warned.contains(&id) {
            out.push_str(" warn");
        }
        let _ = write!(out, "\" data-b=\"{id}\"");
        if let Some(line) = self.first[id] {
            let _ = write!(out, " data-l=\"{line}\"");
        }
        out.push_str(" title=\"");
        html::attr(out, &item.label);
        if item.uncertain {
            let _ = write!(out, ", confidence {:.2}", b.confidence);
        }
        out.push_str("\">");
        id
    }

    fn block(&self, out: &mut String, b: &Block) {
        match &b.kind {
            BlockKind::Title => self.simple(out, "h1", b, ""),
            BlockKind::Heading { level } => {
                let tag = format!("h{}", level_class(*level));
                self.simple(out, &tag, b, &format!(" {tag}"));
            }
            BlockKind::Note { kind } => self.simple(out, "p", b, &format!(" n-{}", kind.name())),
            BlockKind::ListItem { marker } => {
                self.open(out, "div", b, "");
                out.push_str("<span class=\"mk\">");
                html::text(
                    out,
                    if marker.is_empty() {
                        "\u{2003}"
                    } else {
                        marker
                    },
                );
                out.push_str("</span>");
                self.inlines(out, &b.content);
                out.push_str("</div>");
            }
            BlockKind::Caption { credit } => {
                self.open(out, "figure", b, "");
                out.push_str("<figcaption>");
                self.inlines(out, &b.content);
                if !credit.is_empty() {
                    out.push_str(" <small class=\"credit\">");
                    self.inlines(out, credit);
                    out.push_str("</small>");
                }
                out.push_str("</figcaption></figure>");
            }
            BlockKind::Sidebar { items } => {
                self.open(out, "aside", b, "");
                out.push_str("<p class=\"lead\">");
                self.inlines(out, &b.content);
                out.push_str("</p>");
                for item in items {
                    self.block(out, item);
                }
                out.push_str("</aside>");
            }
            BlockKind::TocEntry { page } => {
                self.open(out, "div", b, "");
                out.push_str("<span>");
                self.inlines(out, &b.content);
                out.push_str("</span>");
                if let Some(p) = page {
                    out.push_str("<span class=\"pg\">");
                    html::text(out, p);
                    out.push_str("</span>");
                }
                out.push_str("</div>");
            }
            BlockKind::Furniture { .. } => self.simple(out, "div", b, ""),
            _ => self.simple(out, "p", b, ""),
        }
    }

    fn simple(&self, out: &mut String, tag: &str, b: &Block, class: &str) {
        self.open(out, tag, b, class);
        self.inlines(out, &b.content);
        let _ = write!(out, "</{tag}>");
    }

    /// Spans joined as the book joins them; a milestone is a small marker
    /// that hovers like a block of its own.
    fn inlines(&self, out: &mut String, content: &[Inline]) {
        let mut any = false;
        for inline in content {
            match inline {
                Inline::Span(s) => {
                    if s.space_before && any {
                        out.push(' ');
                    }
                    html::text(out, s.text());
                    any = true;
                }
                Inline::Milestone(m) => {
                    let id = self
                        .map
                        .id::<Milestone>(m)
                        .expect("the map walked this document");
                    let _ = write!(
                        out,
                        "<span class=\"k-{}\" data-b=\"{id}\" data-l=\"{}\" title=\"",
                        Key::Milestone.name(),
                        m.span.line
                    );
                    html::attr(out, &self.map.items[id].label);
                    out.push_str("\">");
                    html::text(out, m.span.text());
                    out.push_str("</span>");
                }
            }
        }
    }
}
