//! The one walk over the model that both panes, the legend and the issue
//! list share: every block and milestone becomes an item with an id (the
//! `data-b` that ties the panes together), and every span a slot saying which
//! item its source line went into.

use crate::Document;
use crate::model::{Block, BlockKind, FurnitureKind, Inline, Milestone, Span};
use std::collections::{HashMap, HashSet};

/// A kind as the page colours it, in legend order; its name is the CSS
/// class suffix and the `data-k` of source lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Key {
    Title,
    Subtitle,
    Heading,
    Paragraph,
    ListItem,
    Caption,
    Credit,
    Byline,
    Note,
    Aside,
    Toc,
    Front,
    Furniture,
    Milestone,
}

impl Key {
    pub(super) fn name(self) -> &'static str {
        match self {
            Key::Title => "title",
            Key::Subtitle => "subtitle",
            Key::Heading => "heading",
            Key::Paragraph => "paragraph",
            Key::ListItem => "list_item",
            Key::Caption => "caption",
            Key::Credit => "credit",
            Key::Byline => "byline",
            Key::Note => "note",
            Key::Aside => "aside",
            Key::Toc => "toc",
            Key::Front => "frontmatter",
            Key::Furniture => "furniture",
            Key::Milestone => "milestone",
        }
    }

    pub(super) fn label(self) -> &'static str {
        match self {
            Key::Title => "title",
            Key::Subtitle => "subtitle",
            Key::Heading => "heading",
            Key::Paragraph => "paragraph",
            Key::ListItem => "list item",
            Key::Caption => "caption",
            Key::Credit => "photo credit",
            Key::Byline => "byline",
            Key::Note => "note",
            Key::Aside => "sidebar",
            Key::Toc => "contents line",
            Key::Front => "front matter",
            Key::Furniture => "print furniture",
            Key::Milestone => "furniture in text",
        }
    }

    fn of(kind: &BlockKind) -> Key {
        match kind {
            BlockKind::Title => Key::Title,
            BlockKind::Subtitle => Key::Subtitle,
            BlockKind::Heading { .. } => Key::Heading,
            BlockKind::Paragraph => Key::Paragraph,
            BlockKind::ListItem { .. } => Key::ListItem,
            BlockKind::Caption { .. } => Key::Caption,
            BlockKind::Byline { .. } => Key::Byline,
            BlockKind::Note { .. } => Key::Note,
            BlockKind::Sidebar { .. } => Key::Aside,
            BlockKind::TocEntry { .. } => Key::Toc,
            BlockKind::FrontMatter => Key::Front,
            BlockKind::Furniture { .. } => Key::Furniture,
        }
    }
}

/// A heading level as a CSS class suffix: levels past 6 look like 6.
pub(super) fn level_class(level: u8) -> u8 {
    level.clamp(2, 6)
}

/// What hover and click select: a block, or a milestone inside one.
pub(super) struct Item<'a> {
    pub(super) key: Key,
    /// `heading 2`, `note · source`, `page 28`.
    pub(super) label: String,
    pub(super) block: Option<&'a Block>,
    /// Below the review threshold.
    pub(super) uncertain: bool,
}

/// One span: the source line and the item it went into.
#[derive(Clone, Copy)]
pub(super) struct Slot<'a> {
    pub(super) span: &'a Span,
    pub(super) item: usize,
    /// The item's key, or `Credit` for a caption's credit lines.
    pub(super) key: Key,
}

impl Slot<'_> {
    pub(super) fn line(&self) -> u32 {
        self.span.line
    }
}

/// Items in reading order and slots in line order.
pub(super) struct LineMap<'a> {
    pub(super) items: Vec<Item<'a>>,
    pub(super) slots: Vec<Slot<'a>>,
    /// Item ids by the address of their block or milestone, for the text pane.
    ids: HashMap<usize, usize>,
    threshold: f32,
}

impl<'a> LineMap<'a> {
    pub(super) fn new(doc: &'a Document, threshold: f32) -> Self {
        let mut map = LineMap {
            items: Vec::new(),
            slots: Vec::new(),
            ids: HashMap::new(),
            threshold,
        };
        for b in doc.articles.iter().flat_map(|a| &a.blocks) {
            map.block(b);
        }
        // Stable, so two spans on one line (a malformed model) keep their order.
        map.slots.sort_by_key(|s| s.span.line);
        map
    }

    /// The id of a block or milestone of the document.
    pub(super) fn id<T>(&self, x: &T) -> Option<usize> {
        self.ids.get(&(x as *const T as usize)).copied()
    }

    /// The non-blank source lines.
    pub(super) fn lines(&self) -> HashSet<u32> {
        self.slots.iter().map(|s| s.line()).collect()
    }

    /// The first source line of each item.
    pub(super) fn first_lines(&self) -> Vec<Option<u32>> {
        let mut first = vec![None; self.items.len()];
        for s in &self.slots {
            first[s.item].get_or_insert(s.line());
        }
        first
    }

    fn block(&mut self, b: &'a Block) {
        let key = Key::of(&b.kind);
        let id = self.push(
            b as *const Block as usize,
            Item {
                key,
                label: block_label(&b.kind),
                block: Some(b),
                uncertain: b.confidence < self.threshold,
            },
        );
        self.inlines(&b.content, id, key);
        match &b.kind {
            BlockKind::Caption { credit } => self.inlines(credit, id, Key::Credit),
            BlockKind::Sidebar { items } => items.iter().for_each(|i| self.block(i)),
            _ => {}
        }
    }

    fn inlines(&mut self, content: &'a [Inline], id: usize, key: Key) {
        for inline in content {
            match inline {
                Inline::Span(span) => self.slots.push(Slot {
                    span,
                    item: id,
                    key,
                }),
                Inline::Milestone(m) => {
                    let item = Item {
                        key: Key::Milestone,
                        label: furniture_label(&m.kind),
                        block: None,
                        uncertain: false,
                    };
                    let mid = self.push(&**m as *const Milestone as usize, item);
                    self.slots.push(Slot {
                        span: &m.span,
                        item: mid,
                        key: Key::Milestone,
                    });
                }
            }
        }
    }

    fn push(&mut self, addr: usize, item: Item<'a>) -> usize {
        self.items.push(item);
        self.ids.insert(addr, self.items.len() - 1);
        self.items.len() - 1
    }
}

fn block_label(kind: &BlockKind) -> String {
    match kind {
        BlockKind::Heading { level } => format!("heading {level}"),
        BlockKind::Note { kind } => format!("note · {}", kind.name()),
        BlockKind::Furniture { kind } => furniture_label(kind),
        BlockKind::TocEntry { page: Some(p) } => format!("contents · p. {p}"),
        k => Key::of(k).label().to_string(),
    }
}

/// `page 28`, `running head`, `other furniture`.
pub(super) fn furniture_label(kind: &FurnitureKind) -> String {
    match kind {
        FurnitureKind::PageNumber { number } => format!("page {number}"),
        FurnitureKind::RunningHead => "running head".into(),
        FurnitureKind::Continuation => "continuation mark".into(),
        FurnitureKind::Other => "other furniture".into(),
    }
}
