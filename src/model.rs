//! The document model: plain data that every reader builds and every writer reads.
//!
//! The model is lossless. Each non-blank source line lives in exactly one
//! block or milestone, as one [`Span`], or as two consecutive spans of the
//! same line when a line holds two things (a caption and its photo credit:
//! `…驶出。` and `□张健霆/摄`). A span keeps what the parser cut off the line
//! (its `lead` and `trail`) next to the text it kept, so the [`Span::raw`]
//! pieces of a line's spans, in order, are the source line again. Print furniture (page numbers, running heads) is kept as
//! [`Milestone`]s inside running text or as [`BlockKind::Furniture`] blocks
//! between blocks; writers for readers leave it out, TEI keeps it.

use serde::{Deserialize, Serialize};

mod span;
pub use span::Span;

/// A parsed document: metadata, then articles in reading order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// What the text says about itself (title, authors, publication...).
    pub meta: Metadata,
    /// Where the text came from and how it was decoded.
    pub source: SourceInfo,
    /// Articles, and divisions of front matter, in reading order.
    pub articles: Vec<Article>,
    /// Decisions the parser was unsure about, for a person to review.
    pub warnings: Vec<Warning>,
    /// The conventions the parser learned from this text before it placed
    /// each line: one document or a collection, its numbering schemes and
    /// their levels, its print furniture, its column width.
    #[serde(default)]
    pub profile: Profile,
}

/// What the parser learned of a text's own conventions: the grounds of its
/// decisions, shown by `inspect` and the review page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Whether the text reads as a collection of articles (a magazine, a
    /// compilation: bylines, closing notes per article) or one document.
    pub collection: bool,
    /// The numbering schemes of its headings, outermost first.
    pub numbering: Vec<NumberingScheme>,
    /// Its print furniture, most frequent first.
    pub furniture: Vec<FurniturePattern>,
    /// Whether form feeds mark its pages (pdftotext's), so that furniture is
    /// looked for at their edges only.
    pub form_feeds: bool,
    /// The most common column width, in ems (a full-width character is 1).
    pub column_width: f32,
    /// Where the text prints its page numbers: at the head or the foot of
    /// its pages, so that a writer names the page that begins at each
    /// break. Documents saved before this field read as [`PageNumberPlace::Foot`].
    #[serde(default)]
    pub page_numbers: PageNumberPlace,
}

/// Where a text prints its page numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageNumberPlace {
    /// At the head of each page: a number opens its page, and a page break
    /// there begins the page it names.
    Head,
    /// At the foot of each page: a number ends its page, and the page that
    /// begins after it is the next one (62 is followed by page 63). The
    /// default, where a text shows neither: books and magazines print their
    /// numbers there, and text extraction puts a page's last lines there.
    #[default]
    Foot,
}

/// A numbering scheme as the text uses it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberingScheme {
    /// The scheme, shown by an example: `第一章`, `一、`, `（一）`, `1.`, `1.1`, `1.1.1`, `（1）`.
    pub scheme: String,
    /// The heading level its headings get (2 is the top section level).
    pub level: u8,
    /// How many headings use it.
    pub headings: u32,
}

/// One kind of furniture the text repeats.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FurniturePattern {
    /// `page number`, `running head` or `other`.
    pub kind: String,
    /// The first place's text, as printed.
    pub example: String,
    /// How many lines are of it.
    pub lines: u32,
}

/// Bibliographic data found in the text (or given by the user).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Title of the whole document: for one text its first title (or first
    /// heading); for a magazine issue or a compilation its masthead and
    /// issue, never one article's title (`None` when it prints none).
    pub title: Option<String>,
    /// Subtitle of the whole document.
    pub subtitle: Option<String>,
    /// Authors of the whole document: for one text the names of its
    /// bylines, in order of first appearance; a collection's articles'
    /// authors are their articles', not these.
    pub authors: Vec<String>,
    /// BCP 47 language tag of the text, e.g. `zh-CN`, `zh-TW`, `en`.
    pub language: String,
    /// The document's date: for one text its first date line with a year,
    /// as printed (二〇二五年一月八日); else the month its issue gives, as a
    /// W3C date (`2025·3` gives `2025-03`). A day without a year is none.
    pub date: Option<String>,
    /// Name of the publication (masthead), when the text is a periodical.
    pub publication: Option<String>,
    /// Issue designation as printed, e.g. `2025·3`, `总第344期`.
    pub issue: Option<String>,
    /// ISSN, when printed.
    pub issn: Option<String>,
    /// Source notes of one text as printed (据新华社, （内蒙古日报）...),
    /// without duplicates; notes of who compiled or edited it (贾佳整理,
    /// [责任编辑:…]) are not sources, and a collection's belong to its articles.
    pub sources: Vec<String>,
}

/// Where the text came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// File name of the input, when known.
    pub file_name: Option<String>,
    /// The encoding the bytes were decoded with (`UTF-8`, `GB18030`, `UTF-16LE`...).
    pub encoding: String,
    /// Number of lines, counted as `sed -n` counts them.
    pub line_count: u32,
    /// Size of the input in bytes.
    pub byte_len: u64,
}

/// A note about an uncertain decision, tied to a source line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based source line.
    pub line: u32,
    /// What was decided and why it may be wrong.
    pub message: String,
}

/// What a division of the document is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ArticleKind {
    /// A text with its own title (or the single text of a document).
    #[default]
    Article,
    /// Cover, masthead, table of contents, colophon: not part of any article.
    Front,
}

/// One article (or one run of front matter) and its blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Article or front matter.
    pub kind: ArticleKind,
    /// Blocks in reading order; titles and subtitles come first.
    pub blocks: Vec<Block>,
}

/// The scale of [`Block::confidence`]: the parser gives each block one of
/// these steps, by what decided its kind and boundaries.
/// [`ReviewOptions::uncertain_below`](crate::write::review::ReviewOptions)
/// lists the blocks under [`LIKELY`](confidence::LIKELY) by default.
pub mod confidence {
    /// Decided by markup or an unambiguous cue: paragraphs, notes,
    /// markdown headings and titles, print furniture.
    pub const CERTAIN: f32 = 1.0;
    /// Decided by a cue that is seldom wrong: numbered headings, list
    /// items, captions with a credit or a caption's label.
    pub const NEARLY_CERTAIN: f32 = 0.9;
    /// Decided by a line's place among its neighbours: titles and
    /// subtitles, bylines, contents lines, front matter, a paragraph
    /// joined to its continuation on a later page.
    pub const LIKELY: f32 = 0.8;
    /// A short line's shape only: plain display lines taken for headings,
    /// a sidebar's lead-in, paragraphs rejoined across an interruption.
    pub const GUESS: f32 = 0.7;
    /// A caption without its credit: a short line beside nothing that
    /// proves a picture.
    pub const WEAK_GUESS: f32 = 0.6;
}

/// Merges sorted line numbers into ranges of consecutive lines.
pub(crate) fn ranges(lines: impl IntoIterator<Item = u32>) -> Vec<LineRange> {
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

/// A source line range, 1-based and inclusive.
pub type LineRange = [u32; 2];

/// A block of the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text, with milestones where print furniture interrupted it.
    pub content: Vec<Inline>,
    /// The source lines the block came from (its content, credit and
    /// children), merged into ranges; milestones' lines are not included.
    pub lines: Vec<LineRange>,
    /// How sure the parser is of the kind and boundaries, from 0 to 1: one
    /// of the steps of [`confidence`].
    pub confidence: f32,
}

/// The kinds of block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// Title of an article (or of the document).
    Title,
    /// Subtitle line under a title (——元旦献词).
    Subtitle,
    /// Section heading; level 2 is the top level under the article title.
    Heading {
        /// 2, 3, 4...
        level: u8,
    },
    /// Running text.
    Paragraph,
    /// One item of a list of short points.
    ListItem {
        /// The marker cut from the line (`-`, `•`), empty when the text keeps it (——).
        marker: String,
    },
    /// Text that goes with a picture; `content` is the description.
    Caption {
        /// The photo credit (□新华社记者 燕 雁/摄, …供图), when there is one.
        credit: Vec<Inline>,
    },
    /// The author line of an article.
    Byline {
        /// The names, with justification spaces removed (孙 绍 骋 → 孙绍骋).
        authors: Vec<String>,
    },
    /// Editorial apparatus: source, editor, affiliation, continuation, date.
    Note {
        /// Which kind of note.
        kind: NoteKind,
    },
    /// A boxed sidebar: `content` is its lead-in (习近平强调——), `items` its points.
    Sidebar {
        /// The blocks inside the box, usually list items.
        items: Vec<Block>,
    },
    /// A line of the source's table of contents.
    TocEntry {
        /// The printed page number, when the line has one.
        page: Option<String>,
    },
    /// Cover, masthead or colophon text.
    FrontMatter,
    /// Print furniture standing between blocks.
    Furniture {
        /// Page number, running head or other.
        kind: FurnitureKind,
    },
}

/// What a note says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoteKind {
    /// Where the text comes from: 据新华社, （内蒙古日报）, (摘自《…》).
    Source,
    /// The editor: [责任编辑:…].
    Editor,
    /// The author's affiliation: (作者单位:…).
    Affiliation,
    /// A continuation mark: (上接1版), (下转第4页).
    Continuation,
    /// A date line: （2025 年 1 月 17 日）, 3月6日.
    Date,
    /// A column or section label of the publication: 高端时论, 延伸阅读.
    Column,
    /// A footnote: [1] …, ① … at a page's or a chapter's foot.
    Footnote,
    /// Any other editorial note (※这是…的一部分).
    Other,
}

impl BlockKind {
    /// The kind's one name, as the model's JSON spells it (`list_item`,
    /// `toc_entry`). The gold layout format has a vocabulary of its own,
    /// fixed by `fixtures/gold/score.py` (`reprint::layout`).
    pub fn name(&self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Subtitle => "subtitle",
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem { .. } => "list_item",
            BlockKind::Caption { .. } => "caption",
            BlockKind::Byline { .. } => "byline",
            BlockKind::Note { .. } => "note",
            BlockKind::Sidebar { .. } => "sidebar",
            BlockKind::TocEntry { .. } => "toc_entry",
            BlockKind::FrontMatter => "front_matter",
            BlockKind::Furniture { .. } => "furniture",
        }
    }
}

impl NoteKind {
    /// The kind's one name, as the model's JSON spells it: the writers use
    /// it for a note's class (HTML, EPUB), type (TEI) and label (review).
    pub fn name(self) -> &'static str {
        match self {
            NoteKind::Source => "source",
            NoteKind::Editor => "editor",
            NoteKind::Affiliation => "affiliation",
            NoteKind::Continuation => "continuation",
            NoteKind::Date => "date",
            NoteKind::Column => "column",
            NoteKind::Footnote => "footnote",
            NoteKind::Other => "other",
        }
    }
}

/// Kinds of print furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FurnitureKind {
    /// A page number; `number` is as printed (`28`, `iv`).
    PageNumber {
        /// The printed number.
        number: String,
    },
    /// A running head or foot repeated across pages.
    RunningHead,
    /// A mark where an article jumps to or from another page: `(下转第9页)`,
    /// `(上接第4页)`. Apparatus of the print, not the article's text.
    Continuation,
    /// Barcodes, "scan the code" prompts and the like.
    Other,
}

/// A piece of a block's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Inline {
    /// Text from one source line.
    Span(Span),
    /// Print furniture at this point of the text (a page break in mid-sentence);
    /// boxed, for it is rare and an `Inline` is as big as its biggest kind.
    Milestone(Box<Milestone>),
}

/// Print furniture kept at its place in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    /// Page number, running head or other.
    pub kind: FurnitureKind,
    /// The source line it stood on.
    pub span: Span,
}

/// Joins spans into reading text, leaving milestones out.
pub fn plain_text(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        if let Inline::Span(s) = inline {
            if s.space_before && !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s.text());
        }
    }
    out
}

impl Block {
    /// A block of `kind` made of `content`, its [`lines`](Block::lines)
    /// the ranges of its spans' lines (a caption's credit and a sidebar's
    /// items included), [`confidence::CERTAIN`].
    ///
    /// ```
    /// use reprint::model::{Block, BlockKind, Inline, Span};
    /// let b = Block::new(BlockKind::Paragraph, vec![Inline::Span(Span::new(3, "正文"))]);
    /// assert_eq!(b.lines, vec![[3, 3]]);
    /// ```
    pub fn new(kind: BlockKind, content: Vec<Inline>) -> Block {
        let ls = content.iter().filter_map(|i| {
            if let Inline::Span(s) = i {
                Some(s.line)
            } else {
                None
            }
        });
        // The spans are nearly always in line order already: sorted (in a
        // list of their own) only when they are not.
        let mut lines = if ls.clone().is_sorted() {
            ranges(ls)
        } else {
            let mut ls: Vec<u32> = ls.collect();
            ls.sort_unstable();
            ranges(ls)
        };
        let extra: Vec<u32> = match &kind {
            BlockKind::Caption { credit } => credit
                .iter()
                .filter_map(|i| {
                    if let Inline::Span(s) = i {
                        Some(s.line)
                    } else {
                        None
                    }
                })
                .collect(),
            BlockKind::Sidebar { items } => items
                .iter()
                .flat_map(|x| x.lines.iter().flat_map(|r| r[0]..=r[1]))
                .collect(),
            _ => Vec::new(),
        };
        if !extra.is_empty() {
            let mut all: Vec<u32> = lines
                .iter()
                .flat_map(|r| r[0]..=r[1])
                .chain(extra)
                .collect();
            all.sort_unstable();
            lines = ranges(all);
        }
        Block {
            kind,
            lines,
            content,
            confidence: confidence::CERTAIN,
        }
    }

    /// The block's reading text (spans joined, milestones left out).
    pub fn text(&self) -> String {
        plain_text(&self.content)
    }

    /// The heading level, for headings.
    pub fn level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading { level } => Some(level),
            _ => None,
        }
    }

    /// The page-break milestones inside this block's content.
    pub fn milestones(&self) -> impl Iterator<Item = &Milestone> {
        self.content.iter().filter_map(|i| match i {
            Inline::Milestone(m) => Some(&**m),
            Inline::Span(_) => None,
        })
    }
}

impl Article {
    /// The article's title: its `Title` blocks joined.
    pub fn title(&self) -> Option<String> {
        let parts: Vec<String> = self
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Title)
            .map(Block::text)
            .collect();
        if parts.is_empty() {
            None
        } else {
            Some(parts.join(" "))
        }
    }

    /// The article's subtitle, when it has one.
    pub fn subtitle(&self) -> Option<String> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Subtitle)
            .map(Block::text)
    }
}

impl Document {
    /// Every block of the document in reading order, sidebars' items after their sidebar.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.articles
            .iter()
            .flat_map(|a| a.blocks.iter())
            .flat_map(|b| {
                let items: &[Block] = match &b.kind {
                    BlockKind::Sidebar { items } => items,
                    _ => &[],
                };
                std::iter::once(b).chain(items.iter())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_are_the_json_names() {
        let kinds = [
            BlockKind::Title,
            BlockKind::Subtitle,
            BlockKind::Heading { level: 2 },
            BlockKind::Paragraph,
            BlockKind::ListItem {
                marker: String::new(),
            },
            BlockKind::Caption { credit: Vec::new() },
            BlockKind::Byline {
                authors: Vec::new(),
            },
            BlockKind::Note {
                kind: NoteKind::Other,
            },
            BlockKind::Sidebar { items: Vec::new() },
            BlockKind::TocEntry { page: None },
            BlockKind::FrontMatter,
            BlockKind::Furniture {
                kind: FurnitureKind::Other,
            },
        ];
        for k in kinds {
            assert_eq!(serde_json::to_value(&k).unwrap()["type"], k.name());
        }
        for k in [
            NoteKind::Source,
            NoteKind::Editor,
            NoteKind::Affiliation,
            NoteKind::Continuation,
            NoteKind::Date,
            NoteKind::Column,
            NoteKind::Footnote,
            NoteKind::Other,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
        }
    }
}
