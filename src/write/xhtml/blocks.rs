//! Blocks of the model as XHTML: every `BlockKind` gets its semantic element,
//! and printed page numbers become page breaks where they stood.

use super::labels::Labels;
use super::{Target, escape};
use crate::model::{Block, BlockKind, FurnitureKind, Inline};
use crate::write::contents::Contents;
use crate::write::pages::PageTurns;
use crate::write::reading::{
    Flow, Run, first_line, page_opened, pieces, run_at, tidy, without_page,
};
use std::collections::HashMap;
use std::fmt::Write as _;

/// A printed page: where it starts in the book, and its number as printed.
pub(crate) struct PageTarget {
    pub href: String,
    pub label: String,
}

/// Sidebars nested deeper than this are flattened, so hostile input cannot
/// exhaust the stack.
const MAX_ASIDE_DEPTH: usize = 8;

/// Accumulates the XHTML of one part, and the ids and page targets of the book.
pub(crate) struct Markup {
    target: Target,
    labels: &'static Labels,
    /// The articles' titles, to link the source's table of contents.
    contents: Contents,
    /// Where each article starts.
    hrefs: Vec<String>,
    out: String,
    file: String,
    front: bool,
    /// Levels of the `<section>`s open for headings.
    sections: Vec<u8>,
    pages: Vec<PageTarget>,
    /// How often each page label was seen, so a page number printed twice
    /// gets a new id without trying every id given before.
    page_ids: HashMap<String, usize>,
    /// The page that begins at each printed page number.
    turns: PageTurns,
    headings: usize,
}

impl Markup {
    /// Markup for `target`; `links` are what a contents line may call each
    /// article ([`names`](crate::write::contents::names)) and where it
    /// starts, to link the source's table of contents; `turns` names the
    /// page that begins at each page number.
    pub fn new(
        target: Target,
        labels: &'static Labels,
        links: Vec<(Vec<String>, String)>,
        turns: PageTurns,
    ) -> Markup {
        let (out, file, pages, page_ids) =
            (String::new(), String::new(), Vec::new(), HashMap::new());
        Markup {
            target,
            labels,
            contents: Contents::new(links.iter().map(|(t, _)| t.iter().map(String::as_str))),
            hrefs: links.into_iter().map(|(_, h)| h).collect(),
            out,
            file,
            front: false,
            sections: Vec::new(),
            pages,
            page_ids,
            turns,
            headings: 0,
        }
    }

    /// Starts the next part: a content document of an EPUB named `file`, or
    /// an article of an HTML page whose element gets `file` as its id.
    pub fn start(&mut self, file: &str, front: bool) {
        file.clone_into(&mut self.file);
        self.front = front;
        self.out.clear();
        let open = match (self.target, front) {
            (Target::Epub, true) => {
                "<section class=\"front\" epub:type=\"frontmatter\">".to_string()
            }
            (Target::Epub, false) => "<article class=\"article\">".to_string(),
            (Target::Html, true) => format!("<section class=\"front\" id=\"{}\">", escape(file)),
            (Target::Html, false) => format!("<article class=\"article\" id=\"{}\">", escape(file)),
        };
        self.out.push_str(&open);
        self.out.push('\n');
    }

    /// The link to an element of the current part.
    fn href(&self, id: &str) -> String {
        match self.target {
            Target::Epub => format!("{}#{id}", self.file),
            Target::Html => format!("#{id}"),
        }
    }

    /// Bytes of XHTML in the current part.
    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// Closes the current part and hands its body over.
    pub fn finish(&mut self) -> String {
        self.close_sections(0);
        self.out.push_str(if self.front {
            "</section>\n"
        } else {
            "</article>\n"
        });
        std::mem::take(&mut self.out)
    }

    pub fn into_pages(self) -> Vec<PageTarget> {
        self.pages
    }

    /// Renders the block at `at`, with the blocks after it that belong in the
    /// same element (list items, table-of-contents lines, title lines), and
    /// returns the index of the next block. Headings outside sidebars go to `nav`.
    pub fn blocks(
        &mut self,
        blocks: &[Block],
        at: usize,
        nav: &mut Vec<(u8, String, String)>,
    ) -> usize {
        self.group(blocks, at, 0, nav)
    }

    fn group(
        &mut self,
        blocks: &[Block],
        at: usize,
        aside: usize,
        nav: &mut Vec<(u8, String, String)>,
    ) -> usize {
        let (run, next) = run_at(blocks, at);
        match run {
            Run::List(items) => self.list(items),
            Run::Contents(lines) => self.source_toc(lines),
            Run::Titles(titles) => self.title(titles, aside),
            Run::One(b) => match &b.kind {
                BlockKind::Sidebar { items } if aside >= MAX_ASIDE_DEPTH => {
                    self.flat_sidebar(b, items);
                }
                BlockKind::Sidebar { items } => {
                    self.out.push_str("<aside class=\"sidebar\">\n");
                    self.para("lead", &b.content, Flow::Running);
                    let mut i = 0;
                    while i < items.len() {
                        i = self.group(items, i, aside + 1, nav);
                    }
                    self.out.push_str("</aside>\n");
                }
                _ => self.single(b, aside, nav),
            },
        }
        next
    }

    fn single(&mut self, b: &Block, aside: usize, nav: &mut Vec<(u8, String, String)>) {
        match &b.kind {
            BlockKind::Subtitle => self.para("subtitle", &b.content, Flow::Display),
            BlockKind::Heading { .. } if aside > 0 => {
                self.para("aside-heading", &b.content, Flow::Display)
            }
            BlockKind::Heading { level } => self.heading(*level, &b.content, nav),
            BlockKind::Paragraph => self.para("", &b.content, Flow::Running),
            BlockKind::Caption { credit } => self.caption(&b.content, credit),
            BlockKind::Byline { authors } => self.byline(&b.content, authors),
            BlockKind::Note { kind } => {
                self.para(&format!("note {}", kind.name()), &b.content, Flow::Running)
            }
            BlockKind::FrontMatter => self.para("front", &b.content, Flow::Display),
            BlockKind::Furniture {
                kind: FurnitureKind::PageNumber { number },
            } => {
                // The page that begins here: none after a foot number that
                // ends the text.
                if let Some(label) = page_opened(&self.turns, number, &b.text(), first_line(b)) {
                    let mark = self.page_break("div", &label);
                    self.out.push_str(&mark);
                }
            }
            // Running heads, barcodes: a reader never reads them.
            BlockKind::Furniture { .. } => {}
            // Grouped kinds reach here only through `group`.
            BlockKind::Title
            | BlockKind::ListItem { .. }
            | BlockKind::TocEntry { .. }
            | BlockKind::Sidebar { .. } => {
                self.para("", &b.content, Flow::Running);
            }
        }
    }

    /// A page-break element; the page is recorded for the page list.
    fn page_break(&mut self, element: &str, label: &str) -> String {
        let label = if label.is_empty() { "?" } else { label };
        let id = match self.target {
            Target::Epub => format!("pg{}", self.pages.len() + 1),
            Target::Html => self.page_id(label),
        };
        self.pages.push(PageTarget {
            href: self.href(&id),
            label: label.to_string(),
        });
        let label = escape(label);
        match self.target {
            Target::Epub => {
                format!(
                    "<{element} class=\"pagebreak\" id=\"{id}\" epub:type=\"pagebreak\" role=\"doc-pagebreak\" aria-label=\"{label}\"></{element}>"
                )
            }
            Target::Html => format!(
                "<{element} class=\"pb\" id=\"{id}\" title=\"{label}\" role=\"doc-pagebreak\" aria-label=\"{label}\"></{element}>"
            ),
        }
    }

    /// `page-28` for page 28, so a reader can link to a printed page; a
    /// number seen before (each article numbering its own pages) gets `page-28-2`.
    fn page_id(&mut self, label: &str) -> String {
        // `safe` has no `-`, so `page-{safe}-{n}` is never another label's id.
        let safe: String = label
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect();
        let n = self.page_ids.entry(safe.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            format!("page-{safe}")
        } else {
            format!("page-{safe}-{n}")
        }
    }

    /// The content's text as markup, page breaks in place.
    fn inline(&mut self, content: &[Inline], flow: Flow) -> String {
        let (text, labels) = pieces(content, flow, &self.turns);
        let mut out = String::with_capacity(text.len() + 32);
        let mut labels = labels.into_iter();
        for (n, piece) in text.iter().enumerate() {
            if n > 0
                && let Some(label) = labels.next().flatten()
            {
                let mark = self.page_break("span", &label);
                out.push_str(&mark);
            }
            out.push_str(&escape(piece));
        }
        out
    }

    /// Page breaks of content whose text is shown some other way (a byline's names).
    fn breaks_only(&mut self, content: &[Inline]) -> String {
        let only: Vec<Inline> = content
            .iter()
            .filter(|i| matches!(i, Inline::Milestone(_)))
            .cloned()
            .collect();
        self.inline(&only, Flow::Display)
    }

    /// A `<p>`, or only its page breaks when it has no text.
    fn para(&mut self, class: &str, content: &[Inline], flow: Flow) {
        let html = self.inline(content, flow);
        self.wrap_p(class, &html);
    }

    fn wrap_p(&mut self, class: &str, html: &str) {
        if html.is_empty() {
            return;
        }
        if !has_text(html) {
            let _ = writeln!(self.out, "<div class=\"breaks\">{html}</div>");
        } else if class.is_empty() {
            let _ = writeln!(self.out, "<p>{html}</p>");
        } else {
            let _ = writeln!(self.out, "<p class=\"{class}\">{html}</p>");
        }
    }

    fn close_sections(&mut self, down_to: u8) {
        while self.sections.last().is_some_and(|&l| l >= down_to) {
            self.sections.pop();
            self.out.push_str("</section>\n");
        }
    }

    fn heading(&mut self, level: u8, content: &[Inline], nav: &mut Vec<(u8, String, String)>) {
        let level = level.clamp(2, 6);
        let html = self.inline(content, Flow::Display);
        if !has_text(&html) {
            return self.wrap_p("", &html);
        }
        self.close_sections(level);
        self.sections.push(level);
        self.headings += 1;
        let id = format!("h{}", self.headings);
        let _ = writeln!(
            self.out,
            "<section class=\"level{level}\">\n<h{level} id=\"{id}\">{html}</h{level}>"
        );
        nav.push((level, self.href(&id), tidy(&plain(content), Flow::Display)));
    }

    fn title(&mut self, lines: &[Block], aside: usize) {
        let html: Vec<String> = lines
            .iter()
            .map(|b| self.inline(&b.content, Flow::Display))
            .filter(|h| !h.is_empty())
            .collect();
        let html = html.join("<br/>");
        if aside > 0 || !has_text(&html) {
            return self.wrap_p("aside-heading", &html);
        }
        let _ = writeln!(self.out, "<h1 class=\"title\">{html}</h1>");
    }

    fn list(&mut self, items: &[Block]) {
        self.out.push_str("<ul class=\"list\">\n");
        for b in items {
            let marker = match &b.kind {
                BlockKind::ListItem { marker } => tidy(marker, Flow::Display),
                _ => String::new(),
            };
            let html = self.inline(&b.content, Flow::Running);
            match marker.as_str() {
                "" => {
                    let _ = writeln!(self.out, "<li class=\"plain\">{html}</li>");
                }
                "-" | "•" | "*" | "·" | "▪" | "●" | "○" | "■" | "◆" => {
                    let _ = writeln!(self.out, "<li class=\"bullet\">{html}</li>");
                }
                m => {
                    let _ = writeln!(
                        self.out,
                        "<li class=\"plain\"><span class=\"marker\">{}</span>{html}</li>",
                        escape(m)
                    );
                }
            }
        }
        self.out.push_str("</ul>\n");
    }

    fn source_toc(&mut self, entries: &[Block]) {
        let _ = writeln!(
            self.out,
            "<nav class=\"source-toc\" aria-label=\"{}\">\n<ol>",
            self.labels.source_toc
        );
        for b in entries {
            let page = match &b.kind {
                BlockKind::TocEntry { page: Some(p) } => tidy(p, Flow::Display),
                _ => String::new(),
            };
            let content = without_page(&b.content, &page);
            let html = self.inline(&content, Flow::Display);
            let link = self
                .contents
                .find(&plain(&content), None)
                .map(|a| self.hrefs[a].clone());
            let html = match link {
                Some(f) if has_text(&html) => format!("<a href=\"{f}\">{html}</a>"),
                _ => html,
            };
            let (class, page) = if page.is_empty() {
                ("toc-group", String::new())
            } else {
                (
                    "toc-entry",
                    format!("<span class=\"toc-page\">{}</span>", escape(&page)),
                )
            };
            let _ = writeln!(self.out, "<li class=\"{class}\">{page}{html}</li>");
        }
        self.out.push_str("</ol>\n</nav>\n");
    }

    fn caption(&mut self, content: &[Inline], credit: &[Inline]) {
        let desc = self.inline(content, Flow::Running);
        let credit = self.inline(credit, Flow::Display);
        if !has_text(&desc) && !has_text(&credit) {
            return self.wrap_p("", &format!("{desc}{credit}"));
        }
        self.out
            .push_str("<figure class=\"caption\">\n<figcaption>");
        if !desc.is_empty() {
            let _ = write!(self.out, "<span class=\"desc\">{desc}</span>");
        }
        if has_text(&desc) && has_text(&credit) {
            self.out.push_str("<br/>");
        }
        if !credit.is_empty() {
            let _ = write!(self.out, "<small class=\"credit\">{credit}</small>");
        }
        self.out.push_str("</figcaption>\n</figure>\n");
    }

    fn byline(&mut self, content: &[Inline], authors: &[String]) {
        let names: Vec<String> = authors
            .iter()
            .map(|a| tidy(a, Flow::Display))
            .filter(|a| !a.is_empty())
            .collect();
        if names.is_empty() {
            return self.para("byline", content, Flow::Display);
        }
        let author = |n: &str| format!("<span class=\"author\">{}</span>", escape(n));
        // The byline as printed, roles and all (自治区人民政府主席　王莉霞),
        // each name marked where it stands; the names alone only when the
        // printed text does not spell them.
        let printed = tidy(&crate::model::plain_text(content), Flow::Display);
        let html = names_marked(&printed, &names, author).unwrap_or_else(|| {
            names
                .iter()
                .map(|n| author(n))
                .collect::<Vec<_>>()
                .join("\u{3000}")
        });
        let breaks = self.breaks_only(content);
        self.wrap_p("byline", &format!("{html}{breaks}"));
    }

    /// A sidebar nested too deep: its text as plain paragraphs, in order.
    fn flat_sidebar(&mut self, lead: &Block, items: &[Block]) {
        self.para("lead", &lead.content, Flow::Running);
        let mut stack: Vec<&Block> = items.iter().rev().collect();
        while let Some(b) = stack.pop() {
            self.para("", &b.content, Flow::Running);
            if let BlockKind::Sidebar { items } = &b.kind {
                stack.extend(items.iter().rev());
            }
        }
    }
}

fn plain(content: &[Inline]) -> String {
    crate::model::plain_text(content)
}

/// Whether markup holds any text outside its tags.
fn has_text(html: &str) -> bool {
    let mut in_tag = false;
    html.chars().any(|c| match c {
        '<' => {
            in_tag = true;
            false
        }
        '>' => {
            in_tag = false;
            false
        }
        c => !in_tag && !c.is_whitespace(),
    })
}

/// The printed text with each of `names`, in order, marked by `author`;
/// `None` when the text does not spell one of them.
fn names_marked(
    printed: &str,
    names: &[String],
    author: impl Fn(&str) -> String,
) -> Option<String> {
    let mut html = String::new();
    let mut rest = printed;
    for n in names {
        let at = rest.find(n.as_str())?;
        if at == 0 && !html.is_empty() {
            // Letter-spaced names (孙 绍 骋 杨 羊) close up; they stay apart.
            html.push('\u{3000}');
        }
        html.push_str(&escape(&rest[..at]));
        html.push_str(&author(n));
        rest = &rest[at + n.len()..];
    }
    html.push_str(&escape(rest));
    Some(html)
}
