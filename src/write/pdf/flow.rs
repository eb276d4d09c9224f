//! From the document model to the text blocks that are set: which text, in
//! which style, where articles begin, what goes in the outline and in boxes.
//! Print furniture and milestones stay out: they belonged to the old pages.

use super::style::{Style, credit_style, style_of};
use crate::model::{Article, ArticleKind, Block, BlockKind, Document, Inline};
use crate::write::reading::{Flow, tidy_chars};
use aho_corasick::AhoCorasick;
use std::collections::HashMap;

/// One block of text to set.
pub(super) struct Para {
    pub(super) text: String,
    /// Source line of each character of `text`, for warnings.
    pub(super) lines: Vec<u32>,
    pub(super) style: Style,
    /// Index of the article it belongs to.
    pub(super) article: usize,
    /// Depth and title of an outline entry that points here.
    pub(super) outline: Option<(usize, String)>,
    /// Sidebars are drawn in a box; paras of one sidebar share its number.
    pub(super) boxed: Option<usize>,
    /// Text set flush right on the last line (a table-of-contents page number).
    pub(super) tab: Option<String>,
    /// The article a table-of-contents entry names, when one's title is in it.
    pub(super) target: Option<usize>,
}

/// What one article contributes to the running heads.
pub(super) struct ArticleInfo {
    pub(super) title: Option<String>,
}

/// The paras of a whole document, and each article's running head.
pub(super) fn flow(doc: &Document, leading: f32) -> (Vec<Para>, Vec<ArticleInfo>) {
    let mut paras = Vec::new();
    let mut infos = Vec::new();
    let mut boxes = 0;
    for (a, article) in doc.articles.iter().enumerate() {
        infos.push(ArticleInfo {
            title: article
                .title()
                .or_else(|| front_title(article))
                .or_else(|| doc.meta.title.clone()),
        });
        let mut titled = false;
        let mut prev_title = false;
        for block in &article.blocks {
            let outline = match &block.kind {
                BlockKind::Title if !titled => {
                    titled = true;
                    article.title().map(|t| (0, t))
                }
                BlockKind::Heading { level } => {
                    Some((usize::from(level.saturating_sub(1).max(1)), block.text()))
                }
                _ => None,
            };
            let before = paras.len();
            push_block(block, leading, a, &mut paras);
            // A title printed over two lines comes as two Title blocks: set
            // them as one display, line under line.
            if block.kind == BlockKind::Title && prev_title && before > 0 && paras.len() > before {
                paras[before - 1].style.after = 0.0;
                paras[before].style.before = 0.0;
            }
            prev_title = block.kind == BlockKind::Title;
            if let Some(first) = paras.get_mut(before) {
                first.outline = outline.filter(|(_, t)| !t.trim().is_empty());
            }
            if let BlockKind::Sidebar { items } = &block.kind {
                push_sidebar(items, leading, a, before, &mut paras, boxes);
                boxes += 1;
            }
        }
    }
    link_contents(&mut paras, &infos);
    (paras, infos)
}

/// The printed page numbers of a table of contents are the old magazine's.
/// An entry that contains an article's title (white space ignored) points to
/// that article, so the writer can print the new page and link to it.
fn link_contents(paras: &mut [Para], infos: &[ArticleInfo]) {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut articles_of: HashMap<String, Vec<usize>> = HashMap::new();
    for (a, info) in infos.iter().enumerate() {
        if let Some(t) = info
            .title
            .as_deref()
            .map(squeeze)
            .filter(|t| t.chars().count() >= 4)
        {
            articles_of.entry(t).or_default().push(a);
        }
    }
    let titles: Vec<(&String, &Vec<usize>)> = articles_of.iter().collect();
    // All titles searched at once: a long contents against many titles, one
    // by one, would cost their product. Building fails only past 4 GB of
    // automaton; such a book goes without contents links.
    let Ok(search) = AhoCorasick::new(titles.iter().map(|(t, _)| t)) else {
        return;
    };
    for p in paras.iter_mut().filter(|p| p.tab.is_some()) {
        let text = squeeze(&p.text);
        // The longest title in the entry that is another article's, the later article on a tie.
        p.target = search
            .find_overlapping_iter(&text)
            .filter_map(|m| {
                let (t, articles) = titles[m.pattern().as_usize()];
                articles
                    .iter()
                    .rev()
                    .find(|&&a| a != p.article)
                    .map(|&a| (t.len(), a))
            })
            .max()
            .map(|(_, a)| a);
    }
}

fn front_title(article: &Article) -> Option<String> {
    (article.kind == ArticleKind::Front).then(|| "前页".to_string())
}

fn push_block(block: &Block, leading: f32, article: usize, out: &mut Vec<Para>) {
    let style = style_of(&block.kind, leading);
    let mut para = |content: &[Inline], flow: Flow, style: Style, tab: Option<String>| {
        let (text, lines) = text_of(content, flow);
        if !text.is_empty() || tab.is_some() {
            out.push(Para {
                text,
                lines,
                style,
                article,
                outline: None,
                boxed: None,
                tab,
                target: None,
            });
        }
    };
    match &block.kind {
        BlockKind::Furniture { .. } => {}
        BlockKind::Caption { credit } => {
            let has_credit = credit
                .iter()
                .any(|i| matches!(i, Inline::Span(s) if !s.text().trim().is_empty()));
            let first = if has_credit {
                Style {
                    after: 0.0,
                    keep_with_next: true,
                    ..style
                }
            } else {
                style
            };
            para(&block.content, Flow::Running, first, None);
            para(credit, Flow::Display, credit_style(&style), None);
        }
        BlockKind::ListItem { marker } if !marker.trim().is_empty() => {
            let (text, mut lines) = text_of(&block.content, Flow::Running);
            let line = lines.first().copied().unwrap_or(0);
            let prefix = format!("{} ", marker.trim());
            let mut marked: Vec<u32> = vec![line; prefix.chars().count()];
            marked.append(&mut lines);
            out.push(Para {
                text: prefix + &text,
                lines: marked,
                style,
                article,
                outline: None,
                boxed: None,
                tab: None,
                target: None,
            });
        }
        BlockKind::TocEntry { page } => para(
            &block.content,
            Flow::Display,
            style,
            page.clone().filter(|p| !p.trim().is_empty()),
        ),
        _ => para(&block.content, flow_of(&block.kind), style, None),
    }
}

fn push_sidebar(
    items: &[Block],
    leading: f32,
    article: usize,
    first: usize,
    out: &mut Vec<Para>,
    n: usize,
) {
    for item in items {
        push_block(item, leading, article, out);
    }
    let last = out.len();
    for (k, p) in out[first..last].iter_mut().enumerate() {
        p.boxed = Some(n);
        p.style.inset = (p.style.inset.0.max(1.0), p.style.inset.1.max(1.0));
        if k == 0 {
            p.style.before = p.style.before.max(0.8);
        }
        if first + k + 1 == last {
            p.style.after = p.style.after.max(0.8);
            p.style.keep_with_next = false;
        }
    }
}

/// The reading text of inlines, as the other formats for readers have it
/// (`write::reading`: no spaces between CJK characters in running text,
/// letter-spaced names closed up in display lines, OCR's ASCII punctuation
/// between CJK characters full-width), with the source line of each character.
fn text_of(content: &[Inline], flow: Flow) -> (String, Vec<u32>) {
    let mut chars = Vec::new();
    let mut from = Vec::new();
    for inline in content {
        let Inline::Span(s) = inline else { continue };
        if s.space_before && !chars.is_empty() {
            chars.push(' ');
            from.push(s.line);
        }
        for c in s
            .text()
            .chars()
            .filter(|c| !c.is_control() || c.is_whitespace())
        {
            chars.push(c);
            from.push(s.line);
        }
    }
    let mut text = String::new();
    let mut lines = Vec::new();
    for (c, i) in tidy_chars(chars, flow) {
        // A gap between two words of a display line (□新华社记者　燕雁/摄) is
        // set as a plain space, which readers' text extraction keeps on the
        // line where a full em would read as a column gap.
        text.push(if c.is_whitespace() || c == '\u{3000}' {
            ' '
        } else {
            c
        });
        lines.push(from[i]);
    }
    while text.ends_with(' ') {
        text.pop();
        lines.pop();
    }
    (text, lines)
}

/// Running text, or a display line (titles, headings, bylines, credits,
/// contents, masthead), as `write::reading` tidies it.
fn flow_of(kind: &BlockKind) -> Flow {
    match kind {
        BlockKind::Paragraph
        | BlockKind::Note { .. }
        | BlockKind::ListItem { .. }
        | BlockKind::Caption { .. }
        | BlockKind::Sidebar { .. } => Flow::Running,
        _ => Flow::Display,
    }
}
