//! Shared by the robustness tests (hostile inputs, properties, fuzz
//! regressions): what must hold of any parse and of every writer's output.
//! Checks return `Err` with a message rather than panic, so that proptest can
//! shrink a failing input and the hostile tests can name the input.
#![allow(dead_code)]

use crate::epub_support::{parse_xml, unzip};
use crate::tei_support::{body_text, lines_after_lb};
use reprint::Document;
use reprint::layout::Layout;
use reprint::model::{Block, BlockKind, Inline, Span};
use reprint::write::{
    epub::EpubOptions, html::HtmlOptions, markdown::MarkdownOptions, pdf::PdfOptions,
    review::ReviewOptions, tei::TeiOptions,
};

pub type Check = Result<(), String>;

/// The source's lines as the parser counts them: split at `\n` only, a final
/// newline starting no line.
pub fn source_lines(text: &str) -> Vec<&str> {
    if text.is_empty() {
        return Vec::new();
    }
    text.strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .collect()
}

/// Blank as the layout format defines it (Python's `str.isspace`).
pub fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c))
}

/// Each block (a sidebar's items counted as blocks of their own) with the
/// spans it holds: content, credit and milestones, in order.
fn block_spans(doc: &Document) -> Vec<Vec<&Span>> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<Vec<&'a Span>>) {
        for b in blocks {
            let credit: &[Inline] = if let BlockKind::Caption { credit } = &b.kind {
                credit
            } else {
                &[]
            };
            out.push(
                b.content
                    .iter()
                    .chain(credit)
                    .map(|i| match i {
                        Inline::Span(s) => s,
                        Inline::Milestone(m) => &m.span,
                        other => panic!("an inline this test does not know: {other:?}"),
                    })
                    .collect(),
            );
            if let BlockKind::Sidebar { items } = &b.kind {
                walk(items, out);
            }
        }
    }
    let mut out = Vec::new();
    for a in &doc.articles {
        walk(&a.blocks, &mut out);
    }
    out
}

/// Every non-blank source line is in exactly one block (as text or as a
/// milestone), no blank line is in any, and the spans of a line give the
/// line back (`lead + text + trail`), as the model promises.
pub fn every_line_in_one_block(text: &str, doc: &Document) -> Check {
    let lines = source_lines(text);
    if doc.source.line_count as usize != lines.len() {
        return Err(format!(
            "line_count is {}, the source has {} lines",
            doc.source.line_count,
            lines.len()
        ));
    }
    let mut owner: Vec<Option<usize>> = vec![None; lines.len()];
    let mut raw = vec![String::new(); lines.len()];
    for (k, spans) in block_spans(doc).iter().enumerate() {
        for s in spans {
            let Some(i) = (s.line as usize)
                .checked_sub(1)
                .filter(|&i| i < lines.len())
            else {
                return Err(format!(
                    "block {k} has a span of line {}, the source has {} lines",
                    s.line,
                    lines.len()
                ));
            };
            match owner[i] {
                Some(o) if o != k => {
                    return Err(format!(
                        "line {} is in block {o} and in block {k}: {:?}",
                        s.line, lines[i]
                    ));
                }
                _ => owner[i] = Some(k),
            }
            raw[i].push_str(s.raw());
        }
    }
    for (i, line) in lines.iter().enumerate() {
        match (is_blank(line), owner[i]) {
            (false, None) => return Err(format!("line {} is in no block: {line:?}", i + 1)),
            (true, Some(k)) => return Err(format!("blank line {} is in block {k}", i + 1)),
            (false, Some(_)) if raw[i] != *line => {
                return Err(format!(
                    "line {}: the spans give {:?}, the source has {line:?}",
                    i + 1,
                    raw[i]
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

fn non_ws(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every non-white-space character of the source is in the TEI text, in the
/// edition's line order (the source's, unless the parser moved a block),
/// and nothing else is; with line breaks, each non-blank line is written
/// once and exactly as it was.
pub fn tei_keeps_every_character(text: &str, tei: &str, tei_lb: &str) -> Check {
    let lines = source_lines(text);
    let by_line = std::panic::catch_unwind(|| lines_after_lb(tei_lb))
        .map_err(|_| "TEI with line breaks: unreadable".to_string())?;
    let mut seen = vec![false; lines.len()];
    for (n, got) in &by_line {
        let i = (*n as usize)
            .checked_sub(1)
            .filter(|&i| i < lines.len())
            .ok_or(format!("lb n={n} names no source line"))?;
        if std::mem::replace(&mut seen[i], true) {
            return Err(format!("line {n} written twice"));
        }
        if got != lines[i] {
            return Err(format!(
                "line {n}: TEI gives {got:?}, the source has {:?}",
                lines[i]
            ));
        }
    }
    if let Some(i) = (0..lines.len()).find(|&i| !seen[i] && !is_blank(lines[i])) {
        return Err(format!("line {} is not in the TEI: {:?}", i + 1, lines[i]));
    }
    let expected: Vec<char> = by_line
        .iter()
        .flat_map(|(n, _)| non_ws(lines[*n as usize - 1]))
        .collect();
    let got = non_ws(
        &std::panic::catch_unwind(|| body_text(tei)).map_err(|_| "TEI: unreadable".to_string())?,
    );
    if let Some(i) = (0..got.len().min(expected.len())).find(|&i| got[i] != expected[i]) {
        let ctx: String = expected[i.saturating_sub(10)..(i + 10).min(expected.len())]
            .iter()
            .collect();
        return Err(format!(
            "TEI character {i} is {:?}, the source has {:?}, near {ctx:?}",
            got[i], expected[i]
        ));
    }
    if got.len() != expected.len() {
        return Err(format!(
            "the TEI text has {} non-space characters, the source {}",
            got.len(),
            expected.len()
        ));
    }
    Ok(())
}

/// Which writers to run: PDF is slow enough to be left out of the many-case tests.
#[derive(Clone, Copy, PartialEq)]
pub enum Pdf {
    With,
    Without,
}

/// The outputs of every writer for one document.
#[derive(Default)]
pub struct Outputs {
    pub tei: String,
    pub tei_lb: String,
    pub epub: Vec<u8>,
    pub markdown: String,
    pub html: String,
    pub review: String,
    pub layout: String,
    pub pdf: Vec<u8>,
}

impl Outputs {
    pub fn total_len(&self) -> usize {
        [
            self.tei.len(),
            self.tei_lb.len(),
            self.epub.len(),
            self.markdown.len(),
            self.html.len(),
            self.review.len(),
            self.layout.len(),
            self.pdf.len(),
        ]
        .iter()
        .sum()
    }
}

fn utf8(what: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| format!("{what} is not UTF-8: {e}"))
}

/// Runs every writer with its default options; an `Err` of any writer is a failure.
pub fn write_all(doc: &Document, pdf: Pdf) -> Result<Outputs, String> {
    fn run(
        what: &str,
        f: impl FnOnce(&mut Vec<u8>) -> reprint::Result<()>,
    ) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        f(&mut out).map_err(|e| format!("{what} failed: {e}"))?;
        Ok(out)
    }
    Ok(Outputs {
        tei: utf8(
            "TEI",
            run("TEI", |o| doc.write_tei(o, &TeiOptions::default()))?,
        )?,
        tei_lb: utf8(
            "TEI",
            run("TEI with line breaks", |o| {
                doc.write_tei(o, &TeiOptions::default().with_line_breaks(true))
            })?,
        )?,
        epub: run("EPUB", |o| doc.write_epub(o, &EpubOptions::default()))?,
        markdown: utf8(
            "Markdown",
            run("Markdown", |o| {
                doc.write_markdown(o, &MarkdownOptions::default())
            })?,
        )?,
        html: utf8(
            "HTML",
            run("HTML", |o| doc.write_html(o, &HtmlOptions::default()))?,
        )?,
        review: utf8(
            "review",
            run("review", |o| doc.write_review(o, &ReviewOptions::default()))?,
        )?,
        layout: doc.to_layout_json(),
        pdf: match pdf {
            Pdf::With => run("PDF", |o| {
                doc.write_pdf(
                    o,
                    &PdfOptions::default()
                        .with_system_fonts(false)
                        .with_warnings(false),
                )
            })?,
            Pdf::Without => Vec::new(),
        },
    })
}

fn well_formed(what: &str, xml: &str) -> Check {
    parse_xml(xml)
        .map(|_| ())
        .map_err(|e| format!("{what} is not well-formed XML: {e}"))
}

/// The EPUB is a zip whose XML files are well-formed, and whose content
/// documents, in spine order, hold every title, heading and paragraph.
pub fn epub_is_sound(doc: &Document, book: &[u8]) -> Check {
    let files = std::panic::catch_unwind(|| unzip(book))
        .map_err(|_| "the EPUB is not a readable zip".to_string())?;
    for (name, data) in &files {
        if [".xhtml", ".opf", ".ncx", ".xml"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            well_formed(
                name,
                std::str::from_utf8(data).map_err(|e| format!("{name}: {e}"))?,
            )?;
        }
    }
    let opf = files
        .get("OEBPS/content.opf")
        .ok_or("no OEBPS/content.opf")?;
    let opf = std::str::from_utf8(opf).map_err(|e| e.to_string())?;
    let opf = parse_xml(opf).map_err(|e| e.to_string())?;
    let href = |id: &str| {
        opf.descendants()
            .find(|n| n.has_tag_name("item") && n.attribute("id") == Some(id))
            .and_then(|n| n.attribute("href"))
    };
    let mut shown = String::new();
    for idref in opf
        .descendants()
        .filter(|n| n.has_tag_name("itemref"))
        .filter_map(|n| n.attribute("idref"))
    {
        let name = format!(
            "OEBPS/{}",
            href(idref).ok_or(format!("spine item {idref} is not in the manifest"))?
        );
        let data = files
            .get(&name)
            .ok_or(format!("{name} is in the spine, not in the book"))?;
        let page = parse_xml(std::str::from_utf8(data).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        if let Some(body) = page.descendants().find(|n| n.has_tag_name("body")) {
            shown.extend(
                body.descendants()
                    .filter(|n| n.is_text())
                    .filter_map(|n| n.text()),
            );
        }
    }
    in_order("EPUB", doc, &squash(&shown))
}

/// Text without white space and without what XML cannot carry: what a writer
/// for readers must keep of each block.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_whitespace() && c != '\u{FEFF}' && crate::support::is_xml_char(c))
        .map(crate::support::fold_full_width)
        .collect()
}

/// Every title, heading and paragraph of the document is in `shown`, in order.
fn in_order(what: &str, doc: &Document, shown: &str) -> Check {
    let mut from = 0;
    for b in doc.blocks().filter(|b| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::Heading { .. } | BlockKind::Title
        )
    }) {
        let want = squash(&b.text());
        match shown[from..].find(&want) {
            Some(at) => from += at + want.len(),
            None => {
                return Err(format!(
                    "{what}: the text of lines {:?} is missing or out of order: {want:?}",
                    b.lines
                ));
            }
        }
    }
    Ok(())
}

/// The HTML page is well-formed XHTML and its `main` holds every title, heading and paragraph.
pub fn html_is_sound(doc: &Document, html: &str) -> Check {
    let page = parse_xml(html).map_err(|e| format!("HTML is not well-formed: {e}"))?;
    let main = page
        .descendants()
        .find(|n| n.has_tag_name("main"))
        .ok_or("HTML without main")?;
    in_order(
        "HTML",
        doc,
        &squash(
            &main
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect::<String>(),
        ),
    )
}

/// What must hold of every output of a document parsed from `text`.
pub fn outputs_are_sound(text: &str, doc: &Document, out: &Outputs) -> Check {
    well_formed("TEI", &out.tei)?;
    well_formed("TEI with line breaks", &out.tei_lb)?;
    tei_keeps_every_character(text, &out.tei, &out.tei_lb)?;
    epub_is_sound(doc, &out.epub)?;
    html_is_sound(doc, &out.html)?;
    let layout: Layout = serde_json::from_str(&out.layout)
        .map_err(|e| format!("layout JSON does not read back: {e}"))?;
    if layout != doc.to_layout() {
        return Err("layout JSON reads back as another layout".into());
    }
    if !out.review.starts_with("<!DOCTYPE html>") {
        return Err("the review page does not start with a doctype".into());
    }
    if !out.pdf.is_empty() {
        let pdf = lopdf::Document::load_mem(&out.pdf)
            .map_err(|e| format!("the PDF does not load: {e}"))?;
        if pdf.get_pages().is_empty() {
            return Err("the PDF has no page".into());
        }
    }
    Ok(())
}

/// Parse checks, then every writer and the checks of its output.
pub fn check_everything(text: &str, doc: &Document, pdf: Pdf) -> Result<Outputs, String> {
    every_line_in_one_block(text, doc)?;
    let out = write_all(doc, pdf)?;
    outputs_are_sound(text, doc, &out)?;
    Ok(out)
}
