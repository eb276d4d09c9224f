//! TEI P5 writer: a digital edition that validates against `tei_all` and
//! keeps the print (page breaks, forme work, optionally every line break).
//!
//! ```
//! use reprint::write::tei::TeiOptions;
//! let doc = reprint::parse("标题\n\n第一段的第一行，\n第二行。\n", &reprint::Options::default())?;
//! let mut out = Vec::new();
//! doc.write_tei(&mut out, &TeiOptions::default().with_line_breaks(true))?;
//! let tei = String::from_utf8(out).unwrap();
//! assert!(tei.contains(r#"<lb n="3"/>第一段的第一行，<lb n="4"/>第二行。"#));
//! # Ok::<(), reprint::Error>(())
//! ```

mod blocks;
mod divs;
mod header;
mod inline;
mod links;
mod pages;
mod xml;

use crate::model::{Article, ArticleKind};
use crate::{Document, Error, Result};
use inline::Mode;
use std::io::{self, BufWriter, Write};
use xml::Xml;

/// The schema named in the output's `xml-model` processing instruction.
const SCHEMA: &str = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng";

/// Options of the TEI writer.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct TeiOptions {
    /// Mark every source line break with `<lb n="LINE"/>` and write each line
    /// as it was (indentation and all), so the edition can be checked line by
    /// line against the source. Off: the lines of a block are joined.
    pub line_breaks: bool,
}

impl TeiOptions {
    /// Options with line breaks recorded (or not).
    pub fn with_line_breaks(mut self, yes: bool) -> Self {
        self.line_breaks = yes;
        self
    }
}

impl Document {
    /// Writes the document as a TEI P5 XML document (UTF-8).
    ///
    /// Articles become `div type="article"` in `body`; front matter before
    /// the first article goes to `front`, after the last to `back`, and
    /// between articles to a `div type="front"` in `body`.
    pub fn write_tei<W: Write>(&self, out: W, options: &TeiOptions) -> Result<()> {
        let mut x = Xml::new(BufWriter::new(out));
        let io_err = |source| Error::Write {
            what: "TEI output".into(),
            source,
        };
        write(self, &mut x, &Mode::new(options.line_breaks, self)).map_err(io_err)?;
        x.into_inner().flush().map_err(io_err)
    }
}

fn write<W: Write>(doc: &Document, x: &mut Xml<W>, mode: &Mode) -> io::Result<()> {
    x.prolog(SCHEMA)?;
    x.open(
        "TEI",
        &[
            ("xmlns", "http://www.tei-c.org/ns/1.0"),
            ("xml:lang", header::language(&doc.meta.language)),
        ],
    )?;
    header::header(x, doc, mode.line_breaks, mode.pages.at_foot())?;
    x.open("text", &[])?;
    let (front, body, back) = split(&doc.articles);
    if !front.is_empty() {
        part(x, "front", front, 1, mode)?;
    }
    part(x, "body", body, front.len() + 1, mode)?;
    if !back.is_empty() {
        part(x, "back", back, front.len() + body.len() + 1, mode)?;
    }
    x.close("text")?;
    x.close("TEI")?;
    x.line()
}

/// Front matter before the first article and after the last; the articles
/// between (front matter among them stays in place, in the body).
fn split(articles: &[Article]) -> (&[Article], &[Article], &[Article]) {
    let is_article = |a: &Article| a.kind == ArticleKind::Article;
    let Some(first) = articles.iter().position(is_article) else {
        return (&[], articles, &[]);
    };
    let last = articles.iter().rposition(is_article).unwrap_or(first);
    (
        &articles[..first],
        &articles[first..=last],
        &articles[last + 1..],
    )
}

/// Writes articles into `front`, `body` or `back`; `n` numbers them in the document.
fn part<W: Write>(
    x: &mut Xml<W>,
    name: &str,
    articles: &[Article],
    first_n: usize,
    mode: &Mode,
) -> io::Result<()> {
    x.open(name, &[])?;
    for (n, a) in (first_n..).zip(articles) {
        let kind = match a.kind {
            ArticleKind::Article => "article",
            ArticleKind::Front => "front",
        };
        let n_attr = n.to_string();
        let mut attrs = vec![("type", kind), ("n", n_attr.as_str())];
        // An article a contents line links to.
        if let Some(id) = mode.links.article(n - 1) {
            attrs.push(("xml:id", id));
        }
        blocks::division(x, &a.blocks, &attrs, mode)?;
    }
    if articles.is_empty() {
        // A body must not be empty.
        x.line()?;
        x.empty("p", &[])?;
    }
    x.close(name)
}
