//! CommonMark writer: the reading text of the document with its structure
//! as Markdown, for editors, static site generators and pandoc.
//!
//! Every block is one line (a hard-wrapped source line would become a soft
//! break, which browsers show as a space between two Chinese characters),
//! and every character that Markdown would read as markup is escaped, so
//! that a CommonMark renderer shows the text exactly. The conventions are in
//! `docs/outputs.md`.
//!
//! ```
//! use reprint::write::markdown::MarkdownOptions;
//! let doc = reprint::parse("标题\n\n第一段的第一行，\n第二行。\n", &reprint::Options::default())?;
//! let mut out = Vec::new();
//! doc.write_markdown(&mut out, &MarkdownOptions::default())?;
//! assert_eq!(String::from_utf8(out).unwrap(), "# 标题\n\n第一段的第一行，第二行。\n");
//! # Ok::<(), reprint::Error>(())
//! ```

use super::pages::PageTurns;
use super::reading::{
    Flow, Run, first_line, metadata, page_opened, pieces, run_at, tidy, without_page,
};
use crate::chars::is_set_solid;
use crate::model::{Article, Block, BlockKind, FurnitureKind, Inline, Metadata};
use crate::{Document, Error, Result};
use std::io::Write;

/// Sidebars nested deeper than this are written as plain paragraphs, so
/// hostile input cannot exhaust the stack.
const MAX_QUOTE_DEPTH: usize = 8;

/// Options of the Markdown writer.
///
/// ```
/// use reprint::model::Metadata;
/// use reprint::write::markdown::MarkdownOptions;
/// let doc = reprint::parse("标题\n\n第一段的第一行，\n第二行。\n", &reprint::Options::default())?;
/// let options = MarkdownOptions::default()
///     .with_front_matter(true)
///     .with_metadata(Metadata { authors: vec!["作者".into()], ..Default::default() });
/// let mut out = Vec::new();
/// doc.write_markdown(&mut out, &options)?;
/// assert!(String::from_utf8(out).unwrap().starts_with("---\ntitle: \"标题\"\nauthor:\n  - \"作者\"\nlang: \"zh-CN\"\n---\n\n# 标题\n"));
/// # Ok::<(), reprint::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct MarkdownOptions {
    /// Mark printed page breaks with HTML comments (`<!-- page 28 -->`) where
    /// they stood; renderers show nothing. Off: they are left out.
    pub page_breaks: bool,
    /// Start with a YAML metadata block (title, subtitle, author, date, lang,
    /// publication, issue), as pandoc and static site generators read it.
    /// Plain CommonMark would show it as text, so it is off by default.
    pub front_matter: bool,
    /// Metadata to use instead of what the text says about itself: each
    /// field that is set (a non-empty string or list) replaces the one found.
    /// Only the front matter shows metadata.
    pub metadata: Metadata,
    /// Keep ASCII punctuation between CJK characters (`中国,人民`) as the
    /// source has it. Off (the default): it is set in the full-width form
    /// print uses (`中国，人民`), as OCR so often gets it wrong.
    pub keep_punctuation: bool,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            page_breaks: true,
            front_matter: false,
            metadata: Metadata::default(),
            keep_punctuation: false,
        }
    }
}

impl MarkdownOptions {
    /// Options that keep the source's ASCII punctuation between CJK
    /// characters (or set it full-width, the default); see [`MarkdownOptions::keep_punctuation`].
    pub fn with_keep_punctuation(mut self, yes: bool) -> Self {
        self.keep_punctuation = yes;
        self
    }
    /// Options with page-break comments written (or not).
    pub fn with_page_breaks(mut self, yes: bool) -> Self {
        self.page_breaks = yes;
        self
    }
    /// Options with a YAML front matter block (or not).
    pub fn with_front_matter(mut self, yes: bool) -> Self {
        self.front_matter = yes;
        self
    }
    /// Options whose metadata overrides what the text says; see [`MarkdownOptions::metadata`].
    pub fn with_metadata(mut self, metadata: Metadata) -> Self {
        self.metadata = metadata;
        self
    }
}

impl Document {
    /// Writes the document as CommonMark (UTF-8, `\n` line ends).
    ///
    /// ```
    /// use reprint::write::markdown::MarkdownOptions;
    /// let doc = reprint::parse("标题\n\n正文里的*星号*和[方括号]。\n", &reprint::Options::default())?;
    /// let mut out = Vec::new();
    /// doc.write_markdown(&mut out, &MarkdownOptions::default())?;
    /// assert!(String::from_utf8(out).unwrap().ends_with("正文里的\\*星号\\*和\\[方括号\\]。\n"));
    /// # Ok::<(), reprint::Error>(())
    /// ```
    pub fn write_markdown<W: Write>(&self, mut out: W, options: &MarkdownOptions) -> Result<()> {
        let _punctuation = super::reading::keep_punctuation(options.keep_punctuation);
        let mut md = Markdown {
            options,
            turns: PageTurns::new(self),
            out: String::new(),
            quote: 0,
            last_quote: None,
        };
        if options.front_matter {
            md.out
                .push_str(&front_matter(&metadata(self, &options.metadata)));
            md.last_quote = Some(0);
        }
        let mut first = true;
        for a in &self.articles {
            md.article(a, first);
            first &= a.blocks.is_empty();
        }
        out.write_all(md.out.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|source| Error::Write {
                what: "Markdown output".into(),
                source,
            })
    }
}

struct Markdown<'a> {
    options: &'a MarkdownOptions,
    /// The page that begins at each printed page number.
    turns: PageTurns,
    out: String,
    /// Depth of the blockquotes (sidebars) being written.
    quote: usize,
    /// Depth of the quotes of the last block written, if any.
    last_quote: Option<usize>,
}

/// A block's text as Markdown, the page breaks before its first character
/// apart: a line starting with `<!--` would be an HTML block, not text.
struct Text {
    before: Vec<String>,
    text: String,
}

impl Markdown<'_> {
    fn article(&mut self, a: &Article, first: bool) {
        // An article without a title would run on from the one before.
        if !first && !a.blocks.is_empty() && !a.blocks.iter().any(|b| b.kind == BlockKind::Title) {
            self.block_line("---");
        }
        let mut at = 0;
        while at < a.blocks.len() {
            at = self.group(&a.blocks, at);
        }
    }

    /// Writes the block at `at` and the blocks after it that belong with it;
    /// returns the index of the next block.
    fn group(&mut self, blocks: &[Block], at: usize) -> usize {
        let (run, next) = run_at(blocks, at);
        match run {
            Run::Titles(titles) => self.title(titles),
            Run::List(items) => self.list(items),
            Run::Contents(lines) => self.toc(lines),
            Run::One(b) => match &b.kind {
                BlockKind::Sidebar { items } => self.sidebar(b, items),
                _ => self.single(b),
            },
        }
        next
    }

    fn single(&mut self, b: &Block) {
        match &b.kind {
            BlockKind::Heading { level } if self.quote == 0 => {
                let t = self.text(&b.content, Flow::Display);
                self.lead_breaks(&t);
                if !t.text.is_empty() {
                    let level = usize::from((*level).clamp(2, 6));
                    self.block_line(&format!("{} {}", "#".repeat(level), closing_hash(&t.text)));
                }
            }
            BlockKind::Heading { .. } => self.styled(&b.content, Flow::Display, "**"),
            BlockKind::Subtitle => self.styled(&b.content, Flow::Display, "*"),
            BlockKind::Paragraph => self.plain(&b.content, Flow::Running),
            BlockKind::FrontMatter => self.plain(&b.content, Flow::Display),
            BlockKind::Note { .. } => self.styled(&b.content, Flow::Running, "*"),
            BlockKind::Caption { credit } => self.caption(&b.content, credit),
            BlockKind::Byline { authors } => self.byline(b, authors),
            BlockKind::Furniture {
                kind: FurnitureKind::PageNumber { number },
            } => {
                // The page that begins here: none after a foot number that
                // ends the text.
                let label = page_opened(&self.turns, number, &b.text(), first_line(b));
                if let Some(label) = label.filter(|_| self.options.page_breaks) {
                    self.block_line(&page_comment(&label));
                }
            }
            // Running heads, barcodes: a reader never reads them.
            BlockKind::Furniture { .. } => {}
            // Grouped kinds reach here only through `group`.
            BlockKind::Title
            | BlockKind::ListItem { .. }
            | BlockKind::TocEntry { .. }
            | BlockKind::Sidebar { .. } => self.plain(&b.content, Flow::Running),
        }
    }

    /// Consecutive title lines: one `#` heading (in a sidebar, a strong line).
    fn title(&mut self, lines: &[Block]) {
        let content: Vec<Inline> = lines
            .iter()
            .enumerate()
            .flat_map(|(n, b)| {
                // Title lines are display lines of their own: a space between two keeps them apart.
                let gap = Inline::Span(crate::model::Span::new(0, " "));
                (n > 0)
                    .then_some(gap)
                    .into_iter()
                    .chain(b.content.iter().cloned())
            })
            .collect();
        if self.quote > 0 {
            return self.styled(&content, Flow::Display, "**");
        }
        let t = self.text(&content, Flow::Display);
        self.lead_breaks(&t);
        if !t.text.is_empty() {
            self.block_line(&format!("# {}", closing_hash(&t.text)));
        }
    }

    fn plain(&mut self, content: &[Inline], flow: Flow) {
        let t = self.text(content, flow);
        self.lead_breaks(&t);
        if !t.text.is_empty() {
            self.block_line(&line_start(&t.text));
        }
    }

    /// A paragraph in emphasis (`*`) or strong emphasis (`**`). The delimiters
    /// stand at the start and end of a line, where CommonMark's flanking
    /// rules accept them whatever punctuation the text begins or ends with.
    fn styled(&mut self, content: &[Inline], flow: Flow, mark: &str) {
        let t = self.text(content, flow);
        self.lead_breaks(&t);
        if !t.text.is_empty() {
            self.block_line(&format!("{mark}{}{mark}", t.text));
        }
    }

    /// The description, then the credit in emphasis after a hard line break.
    fn caption(&mut self, content: &[Inline], credit: &[Inline]) {
        let desc = self.text(content, Flow::Running);
        let credit = self.text(credit, Flow::Display);
        self.lead_breaks(&desc);
        let mut line = line_start(&desc.text);
        if line.is_empty() {
            self.lead_breaks(&credit);
        } else {
            // The credit's own leading page breaks end the description's line.
            line.extend(credit.before.iter().map(|l| page_comment(l)));
            if !credit.text.is_empty() {
                line.push_str("\\\n");
            }
        }
        if !credit.text.is_empty() {
            line.push_str(&format!("*{}*", credit.text));
        }
        if !line.is_empty() {
            self.block_line(&line);
        }
    }

    /// The names in emphasis, as print sets a byline in a face of its own
    /// (a plain line would read as a paragraph of the text): an ideographic
    /// space between Chinese ones and a comma between others; the printed
    /// line when no names were recognised.
    fn byline(&mut self, b: &Block, authors: &[String]) {
        let names: Vec<String> = authors
            .iter()
            .map(|a| escape_inline(&tidy(a, Flow::Display)))
            .filter(|a| !a.is_empty())
            .collect();
        if names.is_empty() {
            return self.styled(&b.content, Flow::Display, "*");
        }
        let cjk = names.iter().all(|n| n.chars().any(is_set_solid));
        let breaks: Vec<Inline> = b
            .content
            .iter()
            .filter(|i| matches!(i, Inline::Milestone(_)))
            .cloned()
            .collect();
        let t = self.text(&breaks, Flow::Display);
        self.lead_breaks(&t);
        let names = names.join(if cjk { "\u{3000}" } else { ", " });
        self.block_line(&format!("*{names}*"));
    }

    /// A tight bullet list; the marker the parser cut is shown only when it
    /// is not a bullet. Items that print their own mark at the start of
    /// their text (`——提升…`) take no bullet, which would stand beside it:
    /// each run of them is one paragraph, a hard line break after each item.
    fn list(&mut self, items: &[Block]) {
        let own_mark = |b: &Block| {
            matches!(&b.kind, BlockKind::ListItem { marker } if marker.trim().is_empty())
                && crate::model::plain_text(&b.content)
                    .trim_start()
                    .starts_with(['—', '―', '–', '－'])
        };
        let mut at = 0;
        while at < items.len() {
            let run = items[at..]
                .iter()
                .take_while(|b| own_mark(b) == own_mark(&items[at]))
                .count();
            if own_mark(&items[at]) {
                self.marked_lines(&items[at..at + run]);
            } else {
                self.bullets(&items[at..at + run]);
            }
            at += run;
        }
    }

    /// List items that carry their own mark: lines of one paragraph.
    fn marked_lines(&mut self, items: &[Block]) {
        let mut lines = Vec::new();
        for b in items {
            let t = self.text(&b.content, Flow::Running);
            let breaks: String = t.before.iter().map(|l| page_comment(l)).collect();
            if !t.text.is_empty() {
                lines.push(format!("{}{breaks}", line_start(&t.text)));
            }
        }
        if !lines.is_empty() {
            self.block_line(&lines.join("\\\n"));
        }
    }

    fn bullets(&mut self, items: &[Block]) {
        let mut lines = Vec::new();
        for b in items {
            let marker = match &b.kind {
                BlockKind::ListItem { marker } => tidy(marker, Flow::Display),
                _ => String::new(),
            };
            let t = self.text(&b.content, Flow::Running);
            let breaks: String = t.before.iter().map(|l| page_comment(l)).collect();
            let marker = match marker.as_str() {
                "" | "-" | "•" | "*" | "·" | "▪" | "●" | "○" | "■" | "◆" => {
                    String::new()
                }
                m => format!("{} ", escape_inline(m)),
            };
            let text = format!("{marker}{}", t.text);
            if text.is_empty() && breaks.is_empty() {
                continue;
            }
            // Page breaks go after the text: at its start they would make an HTML block.
            lines.push(
                format!("- {}{breaks}", line_start(&text))
                    .trim_end()
                    .to_string(),
            );
        }
        if !lines.is_empty() {
            self.block_line(&lines.join("\n"));
        }
    }

    /// The source's table of contents: a tight list with `*` bullets (so it
    /// never merges with a `-` list before it), the printed page first,
    /// group lines without a page in strong emphasis.
    fn toc(&mut self, entries: &[Block]) {
        let mut lines = Vec::new();
        for b in entries {
            let page = match &b.kind {
                BlockKind::TocEntry { page: Some(p) } => tidy(p, Flow::Display),
                _ => String::new(),
            };
            let t = self.text(&without_page(&b.content, &page), Flow::Display);
            let breaks: String = t.before.iter().map(|l| page_comment(l)).collect();
            let line = match (page.is_empty(), t.text.is_empty()) {
                (true, true) if breaks.is_empty() => continue,
                (true, true) => String::new(),
                (true, false) => format!("**{}**", t.text),
                (false, true) => escape_inline(&page),
                (false, false) => format!("{} {}", escape_inline(&page), t.text),
            };
            lines.push(
                format!("* {}{breaks}", line_start(&line))
                    .trim_end()
                    .to_string(),
            );
        }
        if !lines.is_empty() {
            self.block_line(&lines.join("\n"));
        }
    }

    /// A sidebar as a blockquote: its lead-in in strong emphasis, then its items.
    fn sidebar(&mut self, lead: &Block, items: &[Block]) {
        if self.quote >= MAX_QUOTE_DEPTH {
            self.plain(&lead.content, Flow::Running);
            let mut stack: Vec<&Block> = items.iter().rev().collect();
            while let Some(b) = stack.pop() {
                self.plain(&b.content, Flow::Running);
                if let BlockKind::Sidebar { items } = &b.kind {
                    stack.extend(items.iter().rev());
                }
            }
            return;
        }
        self.quote += 1;
        self.styled(&lead.content, Flow::Running, "**");
        let mut i = 0;
        while i < items.len() {
            i = self.group(items, i);
        }
        self.quote -= 1;
    }

    /// Reading text of the content, escaped, with page comments where the pages turned.
    fn text(&self, content: &[Inline], flow: Flow) -> Text {
        let (pieces, labels) = pieces(content, flow, &self.turns);
        let mut before = Vec::new();
        let mut text = String::new();
        for (n, piece) in pieces.iter().enumerate() {
            if n > 0
                && self.options.page_breaks
                && let Some(label) = labels.get(n - 1).cloned().flatten()
            {
                if text.is_empty() {
                    before.push(label)
                } else {
                    text.push_str(&page_comment(&label))
                }
            }
            // A piece after a page break may start with the space that stood before it.
            text.push_str(&escape_inline(if text.is_empty() {
                piece.trim_start()
            } else {
                piece
            }));
        }
        Text {
            before,
            text: text.trim_end().to_string(),
        }
    }

    fn lead_breaks(&mut self, t: &Text) {
        if !t.before.is_empty() {
            let comments: String = t.before.iter().map(|l| page_comment(l)).collect();
            self.block_line(&comments);
        }
    }

    /// Writes one block (one or more lines) inside the open blockquotes.
    /// The blank line before it stays inside the quotes the block shares
    /// with the one before, and ends the others: a line after a quote would
    /// otherwise continue the quote's last paragraph.
    fn block_line(&mut self, block: &str) {
        if let Some(last) = self.last_quote {
            self.out
                .push_str("> ".repeat(last.min(self.quote)).trim_end());
            self.out.push('\n');
        }
        let prefix = "> ".repeat(self.quote);
        for line in block.split('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
            self.out.push('\n');
        }
        self.last_quote = Some(self.quote);
    }
}

/// `<!-- page 28 -->`, with only characters a comment can always hold.
fn page_comment(label: &str) -> String {
    let safe: String = label
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '/' | '·'))
        .collect();
    format!(
        "<!-- page {} -->",
        if safe.is_empty() { "?" } else { &safe }
    )
}

/// Escapes the characters that start inline markup anywhere in a line:
/// emphasis, code, links, raw HTML and autolinks, entity references,
/// backslash escapes, and GFM's strikethrough.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => out.push('\\'),
            '&' if is_reference(&s[i + 1..]) => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Whether text after a `&` would make it a character reference:
/// `amp;`, `#42;`, `#x2A;` (a name or number, then a semicolon).
fn is_reference(rest: &str) -> bool {
    let body = rest.strip_prefix('#').unwrap_or(rest);
    let len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    (1..=32).contains(&len) && body[len..].starts_with(';')
}

/// Escapes what would make a line (of escaped inline text) a block of its
/// own kind: an ATX heading, a list item, a blockquote, a thematic break or
/// a setext underline.
fn line_start(s: &str) -> String {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &s[digits..];
        let mut r = rest.chars();
        if matches!(r.next(), Some('.' | ')')) && r.next().is_none_or(|c| c == ' ' || c == '\t') {
            return format!("{}\\{rest}", &s[..digits]);
        }
        return s.to_string();
    }
    match s.chars().next() {
        Some('#' | '>' | '-' | '+' | '=' | '|') => format!("\\{s}"),
        _ => s.to_string(),
    }
}

/// A heading's text ending in `#` would lose it as a closing sequence.
fn closing_hash(s: &str) -> String {
    match s.strip_suffix('#') {
        Some(rest) => format!("{rest}\\#"),
        None => s.to_string(),
    }
}

/// A YAML metadata block with the keys pandoc reads.
fn front_matter(m: &Metadata) -> String {
    let q = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars().filter(|c| !c.is_control()) {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
        out
    };
    let mut y = String::from("---\n");
    for (key, value) in [
        ("title", &m.title),
        ("subtitle", &m.subtitle),
        ("date", &m.date),
        ("publication", &m.publication),
        ("issue", &m.issue),
        ("issn", &m.issn),
    ] {
        if let Some(v) = value {
            y.push_str(&format!("{key}: {}\n", q(v)));
        }
    }
    if !m.authors.is_empty() {
        y.push_str("author:\n");
        for a in &m.authors {
            y.push_str(&format!("  - {}\n", q(a)));
        }
    }
    if !m.language.is_empty() {
        y.push_str(&format!("lang: {}\n", q(&m.language)));
    }
    y.push_str("---\n");
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_that_would_be_markup_are_escaped() {
        assert_eq!(line_start("1. 一"), "1\\. 一");
        assert_eq!(line_start("2025. 年"), "2025\\. 年");
        assert_eq!(line_start("3.5亿"), "3.5亿");
        assert_eq!(line_start("12)"), "12\\)");
        assert_eq!(line_start("- 项"), "\\- 项");
        assert_eq!(line_start("正文"), "正文");
        assert_eq!(closing_hash("C#"), "C\\#");
    }

    #[test]
    fn inline_markup_is_escaped_and_entities_only_when_they_would_be_read() {
        assert_eq!(
            escape_inline("*a* _b_ `c` [d](e) <f> \\ 3~5"),
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f> \\\\ 3\\~5"
        );
        assert_eq!(escape_inline("R&D &amp; &#12;"), "R&D \\&amp; \\&#12;");
    }

    #[test]
    fn comments_hold_only_safe_characters() {
        assert_eq!(page_comment("28"), "<!-- page 28 -->");
        assert_eq!(page_comment("--> x"), "<!-- page x -->");
        assert_eq!(page_comment(""), "<!-- page ? -->");
    }
}
