//! Standalone HTML writer: the whole document as one HTML5 page that needs
//! nothing else: no stylesheet, font, script or image is fetched. The
//! markup of the blocks is the EPUB's (`src/write/xhtml`), written as XHTML
//! so that the page is also well-formed XML; see `docs/outputs.md`.
//!
//! ```
//! use reprint::write::html::HtmlOptions;
//! let doc = reprint::parse("标题\n\n第一段的第一行，\n第二行。\n", &reprint::Options::default())?;
//! let mut out = Vec::new();
//! doc.write_html(&mut out, &HtmlOptions::default())?;
//! let page = String::from_utf8(out).unwrap();
//! assert!(page.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">"));
//! assert!(page.contains("<h1 class=\"title\">标题</h1>\n<p>第一段的第一行，第二行。</p>"));
//! # Ok::<(), reprint::Error>(())
//! ```

use super::reading::metadata;
use super::xhtml::{
    Labels, Markup, NavPoint, Target, article_label, detect_language, escape, for_language,
    is_language_tag, nest, squash, w3c_date,
};
use crate::model::{ArticleKind, Metadata};
use crate::{Document, Error, Result};
use std::fmt::Write as _;
use std::io::Write;

/// The EPUB's stylesheet for Chinese text, then what a page in a browser needs besides.
const STYLE: &str = concat!(include_str!("../xhtml/style.css"), include_str!("page.css"));

/// A table of contents for fewer entries than this would only repeat the
/// headings a reader sees anyway.
const MIN_CONTENTS: usize = 4;

/// Shows each printed page number as a small mark where the page began.
const PAGE_NUMBERS: &str = ".pb { display: inline; }\n.pb::after { content: \"[\" attr(title) \"]\"; font-size: 0.7em; color: #999; vertical-align: super; text-indent: 0; }\ndiv.pb { display: block; text-align: right; }\n";

/// Options of the HTML writer.
///
/// ```
/// use reprint::write::html::HtmlOptions;
/// let mut doc = reprint::parse("标题\n\n第一页，\n\n28\n\n第二页。\n", &reprint::Options::default())?;
/// let mut out = Vec::new();
/// doc.write_html(&mut out, &HtmlOptions::default().with_page_numbers(true).with_contents(false))?;
/// let page = String::from_utf8(out).unwrap();
/// assert!(page.contains(".pb::after"));
/// # Ok::<(), reprint::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HtmlOptions {
    /// A table of contents at the top (articles and their headings), when
    /// it has four entries or more.
    pub contents: bool,
    /// Show the printed page numbers where the pages began. Off: the page
    /// breaks are in the markup (`<span class="pb" id="page-28" title="28">`,
    /// so `#page-28` links to page 28) but hidden.
    pub page_numbers: bool,
    /// Metadata to use instead of what the text says about itself: each
    /// field that is set (a non-empty string or list) replaces the one found.
    /// It goes to `<title>`, `lang`, the `<meta>` elements and the header.
    pub metadata: Metadata,
    /// A stylesheet added after the built-in one, inside the page's `<style>`.
    pub css: Option<String>,
    /// Keep ASCII punctuation between CJK characters (`中国,人民`) as the
    /// source has it. Off (the default): it is set in the full-width form
    /// print uses (`中国，人民`), as OCR so often gets it wrong.
    pub keep_punctuation: bool,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            contents: true,
            page_numbers: false,
            metadata: Metadata::default(),
            css: None,
            keep_punctuation: false,
        }
    }
}

impl HtmlOptions {
    /// Options that keep the source's ASCII punctuation between CJK
    /// characters (or set it full-width, the default); see [`HtmlOptions::keep_punctuation`].
    pub fn with_keep_punctuation(mut self, yes: bool) -> Self {
        self.keep_punctuation = yes;
        self
    }
    /// Options with a table of contents (or not).
    pub fn with_contents(mut self, yes: bool) -> Self {
        self.contents = yes;
        self
    }
    /// Options with the printed page numbers shown (or not).
    pub fn with_page_numbers(mut self, yes: bool) -> Self {
        self.page_numbers = yes;
        self
    }
    /// Options with a stylesheet of the user's, added after the built-in one.
    pub fn with_css(mut self, css: impl Into<String>) -> Self {
        self.css = Some(css.into());
        self
    }
    /// Options whose metadata overrides what the text says; see [`HtmlOptions::metadata`].
    pub fn with_metadata(mut self, metadata: Metadata) -> Self {
        self.metadata = metadata;
        self
    }
}

impl Document {
    /// Writes the document as one self-contained HTML5 page (UTF-8).
    ///
    /// A language in the options that is not a BCP 47 tag is an [`Error::InvalidOption`].
    ///
    /// ```
    /// use reprint::model::Metadata;
    /// use reprint::write::html::HtmlOptions;
    /// let doc = reprint::parse("标题\n\n正文。\n", &reprint::Options::default())?;
    /// let options = HtmlOptions::default().with_metadata(Metadata { title: Some("书名".into()), ..Default::default() });
    /// let mut out = Vec::new();
    /// doc.write_html(&mut out, &options)?;
    /// assert!(String::from_utf8(out).unwrap().contains("<title>书名</title>"));
    /// # Ok::<(), reprint::Error>(())
    /// ```
    pub fn write_html<W: Write>(&self, mut out: W, options: &HtmlOptions) -> Result<()> {
        let _punctuation = super::reading::keep_punctuation(options.keep_punctuation);
        let page = render(self, options)?;
        out.write_all(page.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|source| Error::Write {
                what: "HTML output".into(),
                source,
            })
    }
}

fn render(doc: &Document, options: &HtmlOptions) -> Result<String> {
    let meta = metadata(doc, &options.metadata);
    let language = match meta.language.as_str() {
        l if is_language_tag(l) => l.to_string(),
        l if !options.metadata.language.trim().is_empty() => {
            return Err(Error::InvalidOption {
                name: "html language".into(),
                reason: format!("{l:?} is not a BCP 47 language tag"),
            });
        }
        _ => detect_language(doc),
    };
    let labels = for_language(&language);
    let title = meta
        .title
        .clone()
        .or_else(|| {
            doc.source
                .file_name
                .as_deref()
                .map(file_stem)
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| labels.untitled.to_string());

    let id = |i: usize| format!("a{:03}", i + 1);
    let links = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (crate::write::contents::names(a), format!("#{}", id(i))))
        .collect();
    let mut m = Markup::new(
        Target::Html,
        labels,
        links,
        crate::write::pages::PageTurns::new(doc),
    );
    let mut flat = Vec::new();
    let mut main = String::new();
    for (i, article) in doc.articles.iter().enumerate() {
        flat.push((1, format!("#{}", id(i)), article_label(article, i, labels)));
        m.start(&id(i), article.kind == ArticleKind::Front);
        let mut at = 0;
        while at < article.blocks.len() {
            at = m.blocks(&article.blocks, at, &mut flat);
        }
        main.push_str(&m.finish());
    }
    let nav = nest(flat);

    let mut p = String::with_capacity(main.len() + STYLE.len() + 4096);
    let lang = escape(&language);
    let _ = write!(
        p,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n\
         <meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>{}</title>\n",
        escape(&title)
    );
    for a in &meta.authors {
        let _ = writeln!(p, "<meta name=\"author\" content=\"{}\"/>", escape(a));
    }
    if let Some(d) = meta.date.as_deref().and_then(w3c_date) {
        let _ = writeln!(p, "<meta name=\"dcterms.date\" content=\"{d}\"/>");
    }
    let _ = writeln!(
        p,
        "<meta name=\"generator\" content=\"reprint {}\"/>",
        env!("CARGO_PKG_VERSION")
    );
    // The user's stylesheet last, so its rules win. In a CDATA section that
    // CSS comments hide from HTML parsers, so the page stays well-formed XML
    // whatever it holds; `</` would end the element early in HTML.
    let user = options
        .css
        .as_deref()
        .map(|c| {
            format!(
                "/* the user's stylesheet */\n/*<![CDATA[*/\n{}\n/*]]>*/\n",
                c.replace("</", "<\\/").replace("]]>", "]] >")
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        p,
        "<style>\n{STYLE}{}{user}</style>\n</head>\n<body>",
        if options.page_numbers {
            PAGE_NUMBERS
        } else {
            ""
        }
    );
    if shows_header(doc, &meta) {
        // The names of every byline of a magazine are no author line: each article has its own.
        let single = doc
            .articles
            .iter()
            .filter(|a| a.kind == ArticleKind::Article)
            .count()
            <= 1;
        let authors: &[String] = if single || !options.metadata.authors.is_empty() {
            &meta.authors
        } else {
            &[]
        };
        header(&mut p, &title, authors, &meta);
    }
    if options.contents && entries(&nav) >= MIN_CONTENTS {
        contents(&mut p, labels, &nav);
    }
    p.push_str("<main>\n");
    p.push_str(&main);
    p.push_str("</main>\n</body>\n</html>\n");
    Ok(p)
}

/// A header names the whole document when its articles do not: a title
/// given in place of the first article's own, or a periodical's issue.
fn shows_header(doc: &Document, meta: &Metadata) -> bool {
    let first = doc
        .articles
        .iter()
        .filter(|a| a.kind == ArticleKind::Article)
        .find_map(|a| a.title());
    meta.title.as_deref().map(squash) != first.as_deref().map(squash)
        || meta.publication.is_some()
        || meta.issue.is_some()
}

fn header(p: &mut String, title: &str, authors: &[String], meta: &Metadata) {
    p.push_str("<header class=\"document\">\n");
    let _ = writeln!(p, "<p class=\"doc-title\">{}</p>", escape(title));
    if let Some(s) = &meta.subtitle {
        let _ = writeln!(p, "<p class=\"doc-subtitle\">{}</p>", escape(s));
    }
    if !authors.is_empty() {
        let names: Vec<String> = authors
            .iter()
            .map(|a| format!("<span class=\"author\">{}</span>", escape(a)))
            .collect();
        let _ = writeln!(p, "<p class=\"doc-authors\">{}</p>", names.join("\u{3000}"));
    }
    let publication: Vec<&str> = [&meta.publication, &meta.issue]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !publication.is_empty() {
        let _ = writeln!(
            p,
            "<p class=\"doc-publication\">{}</p>",
            escape(&publication.join("\u{3000}"))
        );
    }
    if let Some(d) = &meta.date {
        match w3c_date(d) {
            Some(w) => {
                _ = writeln!(
                    p,
                    "<p class=\"doc-date\"><time datetime=\"{w}\">{}</time></p>",
                    escape(d)
                )
            }
            None => _ = writeln!(p, "<p class=\"doc-date\">{}</p>", escape(d)),
        }
    }
    p.push_str("</header>\n");
}

fn entries(nav: &[NavPoint]) -> usize {
    nav.iter().map(|n| 1 + entries(&n.children)).sum()
}

fn contents(p: &mut String, labels: &Labels, nav: &[NavPoint]) {
    let _ = writeln!(
        p,
        "<nav class=\"contents\" id=\"contents\" role=\"doc-toc\">\n<h2>{}</h2>",
        escape(labels.contents)
    );
    list(p, nav);
    p.push_str("</nav>\n");
}

fn list(p: &mut String, points: &[NavPoint]) {
    p.push_str("<ol>\n");
    for n in points {
        let _ = write!(
            p,
            "<li><a href=\"{}\">{}</a>",
            escape(&n.href),
            escape(&n.label)
        );
        if !n.children.is_empty() {
            p.push('\n');
            list(p, &n.children);
        }
        p.push_str("</li>\n");
    }
    p.push_str("</ol>\n");
}

fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.split('.').next().unwrap_or(base).trim().to_string()
}
