//! From the document model to the text blocks that are set: which text, in
//! which style, where articles begin, what goes in the outline and in boxes.
//! Print furniture and milestones stay out: they belonged to the old pages.

use super::style::{Style, credit_style, style_of, toc_entry_style, toc_label_style};
use crate::model::{Article, ArticleKind, Block, BlockKind, Document, Inline, NoteKind};
use crate::write::contents::{Contents, title_lines};
use crate::write::reading::{Flow, tidy_chars};

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
    /// A byline, note (not a date or column label) or caption: after an
    /// article's last text it keeps with that text on the page.
    pub(super) trailer: bool,
    /// A caption (or its credit): a trailer that may float to the next
    /// page when it closes a section, not an article.
    pub(super) caption: bool,
    /// Character indices before which the line may not break (inside the
    /// names at the end of a contents entry).
    pub(super) no_break: Vec<usize>,
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
    link_contents(&mut paras, &infos, doc);
    (paras, infos)
}

/// The printed page numbers of a table of contents are the old magazine's.
/// An entry that contains an article's title (white space ignored) points to
/// that article, so the writer can print the new page and link to it.
fn link_contents(paras: &mut [Para], infos: &[ArticleInfo], doc: &Document) {
    let contents = Contents::new(
        infos
            .iter()
            .zip(&doc.articles)
            .map(|(i, a)| i.title.iter().cloned().chain(title_lines(a))),
    );
    for p in paras.iter_mut().filter(|p| p.tab.is_some()) {
        p.target = contents.find(&p.text, Some(p.article));
    }
}

fn front_title(article: &Article) -> Option<String> {
    (article.kind == ArticleKind::Front).then(|| "前页".to_string())
}

/// Whether a block of this kind may end an article after its text: bylines,
/// notes other than dates and column labels, captions.
fn trails(kind: &BlockKind) -> bool {
    match kind {
        BlockKind::Byline { .. } | BlockKind::Caption { .. } => true,
        BlockKind::Note { kind } => !matches!(kind, NoteKind::Date | NoteKind::Column),
        _ => false,
    }
}

fn push_block(block: &Block, leading: f32, article: usize, out: &mut Vec<Para>) {
    let style = style_of(&block.kind, leading);
    let trailer = trails(&block.kind);
    let caption = matches!(block.kind, BlockKind::Caption { .. });
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
                trailer,
                caption,
                no_break: Vec::new(),
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
                trailer,
                caption,
                no_break: Vec::new(),
            });
        }
        BlockKind::TocEntry { page } => {
            let page = page.clone().filter(|p| !p.trim().is_empty());
            let (mut text, mut lines) = text_of(&block.content, Flow::Display);
            // The printed page before the title (`22 丝路明珠…`) is the old
            // magazine's: the entry prints one page number, at its end. A
            // title that opens with a quote or a bracket (`28 “靶向”发力…`)
            // has lost the space after the number to the display text's
            // tidying, as no gap is set before an opening mark.
            if let Some(p) = &page
                && let Some(rest) = text.strip_prefix(p.trim())
                && rest.starts_with([
                    ' ', '\u{3000}', '“', '‘', '《', '（', '「', '『', '【', '〔',
                ])
            {
                let cut = text.chars().count() - rest.trim_start().chars().count();
                text = text.chars().skip(cut).collect();
                lines.drain(..cut.min(lines.len()));
            }
            if text.is_empty() && page.is_none() {
                return;
            }
            let style = if page.is_none() && is_section_label(&text) {
                toc_label_style(&style)
            } else {
                toc_entry_style(&style)
            };
            let no_break = name_runs(&text);
            out.push(Para {
                text,
                lines,
                style,
                article,
                outline: None,
                boxed: None,
                tab: page,
                target: None,
                trailer,
                caption,
                no_break,
            });
        }
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

/// A contents line with no page that is a column's or section's name
/// (`要闻要论`, `工作交流`): short, no punctuation, no digits.
fn is_section_label(text: &str) -> bool {
    let n = text.chars().count();
    (2..=8).contains(&n) && text.chars().all(|c| c.is_alphabetic())
}

/// Where the names that end a contents entry (`杜建芸 刘 昕`) may not be
/// broken: inside each name, and between the characters of a letter-spaced
/// one. The names are the last space-separated words of one to four
/// letters (or with a middle dot, `木拉迪力·克衣木`), after at least one
/// longer word, the title. Returns the character indices before which no
/// line may begin.
fn name_runs(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    // Words as (start, end) character ranges.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, chars.len()));
    }
    let is_name = |&(s, e): &(usize, usize)| {
        let w = &chars[s..e];
        let dotted = w.contains(&'·') && w.len() <= 12;
        (w.len() <= 4 || dotted) && w.iter().all(|&c| c.is_alphabetic() || c == '·')
    };
    let names = words.iter().rev().take_while(|w| is_name(w)).count();
    if names == 0 || names >= words.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let first = words.len() - names;
    for k in first..words.len() {
        let (s, e) = words[k];
        out.extend(s + 1..e);
        // One letter is part of a letter-spaced name (`刘 昕`): it keeps with
        // the word before it (the spaces between, and its own start), unless
        // it begins such a name.
        let single = |w: Option<&(usize, usize)>| w.is_some_and(|&(s, e)| e - s == 1);
        if e - s == 1 && (single(words.get(k - 1)) || !single(words.get(k + 1))) {
            out.extend(words[k - 1].1..=s);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The text with `|` where a line may not begin inside the names.
    fn marked(text: &str) -> String {
        let keep = name_runs(text);
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                if keep.contains(&i) {
                    format!("|{c}")
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn names_ending_a_contents_entry_are_not_broken() {
        assert_eq!(
            marked("托起百姓“稳稳的幸福” 杜建芸 刘 昕"),
            "托起百姓“稳稳的幸福” 杜|建|芸 刘| |昕"
        );
        assert_eq!(
            marked("奏响乡村振兴新乐章 孙 绍 骋"),
            "奏响乡村振兴新乐章 孙| |绍| |骋"
        );
        assert_eq!(
            marked("脚步丈量乡村路 实干书写选调情 木拉迪力·克衣木"),
            "脚步丈量乡村路 实干书写选调情 木|拉|迪|力|·|克|衣|木"
        );
        // A letter left alone beside the title keeps with it.
        assert_eq!(
            marked("撬动居民“大民生”严 博 丁义杰"),
            "撬动居民“大民生”严| |博 丁|义|杰"
        );
        // A title of short words alone is no name.
        assert_eq!(marked("党的十五大"), "党的十五大");
        assert_eq!(marked("榜样 力量"), "榜样 力量");
    }

    #[test]
    fn section_labels_are_short_words() {
        assert!(is_section_label("要闻要论"));
        assert!(!is_section_label(
            "在新起点上谱写强国建设民族复兴的新疆篇章"
        ));
        assert!(!is_section_label("(以上看点详见相关栏目)"));
    }
}
