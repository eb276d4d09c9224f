//! The `teiHeader`: what the text is, where it came from and how reprint made the edition.

use super::pages::all_blocks;
use super::xml::{Xml, is_xml_char};
use crate::Document;
use crate::model::{BlockKind, Inline, Span};
use std::io::{self, Write};

const VERSION: &str = env!("CARGO_PKG_VERSION");

pub(super) fn header<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    line_breaks: bool,
) -> io::Result<()> {
    x.open("teiHeader", &[("xml:lang", "en")])?;
    x.open("fileDesc", &[])?;
    title_stmt(x, doc)?;
    let (lines, bytes) = (
        doc.source.line_count.to_string(),
        doc.source.byte_len.to_string(),
    );
    x.open("extent", &[])?;
    x.leaf(
        "measure",
        &[("unit", "lines"), ("quantity", &lines)],
        &format!("{lines} source lines"),
    )?;
    x.leaf(
        "measure",
        &[("unit", "bytes"), ("quantity", &bytes)],
        &format!("{bytes} bytes"),
    )?;
    x.close("extent")?;
    x.open("publicationStmt", &[])?;
    x.leaf(
        "p",
        &[],
        &format!("Unpublished. A digital edition made by reprint {VERSION} from {}; for the rights in the text, see the source.", source_name(doc)),
    )?;
    x.close("publicationStmt")?;
    if !doc.warnings.is_empty() {
        x.open("notesStmt", &[])?;
        for w in &doc.warnings {
            let n = format!("line {}", w.line);
            x.leaf("note", &[("type", "parser-warning"), ("n", &n)], &w.message)?;
        }
        x.close("notesStmt")?;
    }
    source_desc(x, doc)?;
    x.close("fileDesc")?;
    encoding_desc(x, doc, line_breaks)?;
    x.open("profileDesc", &[])?;
    x.open("langUsage", &[])?;
    let lang = language(&doc.meta.language);
    x.leaf(
        "language",
        &[("ident", lang)],
        &format!("the language of the text ({lang})"),
    )?;
    x.close("langUsage")?;
    x.close("profileDesc")?;
    x.close("teiHeader")
}

fn title_stmt<W: Write>(x: &mut Xml<W>, doc: &Document) -> io::Result<()> {
    let m = &doc.meta;
    x.open("titleStmt", &[])?;
    let title = m
        .title
        .clone()
        .or_else(|| doc.articles.iter().find_map(|a| a.title()))
        .unwrap_or_else(|| source_name(doc));
    x.leaf("title", &[("type", "main")], &title)?;
    if let Some(s) = &m.subtitle {
        x.leaf("title", &[("type", "sub")], s)?;
    }
    for a in &m.authors {
        x.leaf("author", &[], a)?;
    }
    x.open("respStmt", &[])?;
    x.leaf(
        "resp",
        &[],
        "recovered the structure of the text automatically and encoded it in TEI",
    )?;
    x.leaf("name", &[], &format!("reprint {VERSION}"))?;
    x.close("respStmt")?;
    x.close("titleStmt")
}

/// The printed source as far as the text tells, then the file it was read from.
fn source_desc<W: Write>(x: &mut Xml<W>, doc: &Document) -> io::Result<()> {
    let m = &doc.meta;
    x.open("sourceDesc", &[])?;
    x.open("bibl", &[("type", "printed")])?;
    if let Some(t) = &m.title {
        x.leaf(
            "title",
            &[("level", if m.publication.is_some() { "a" } else { "m" })],
            t,
        )?;
    }
    for a in &m.authors {
        x.leaf("author", &[], a)?;
    }
    if let Some(p) = &m.publication {
        x.leaf("title", &[("level", "j")], p)?;
    }
    if let Some(i) = &m.issue {
        x.leaf("biblScope", &[("unit", "issue")], i)?;
    }
    if let Some(d) = &m.date {
        x.leaf("date", &[], d)?;
    }
    if let Some(i) = &m.issn {
        x.leaf("idno", &[("type", "ISSN")], i)?;
    }
    for s in &m.sources {
        x.leaf("note", &[("type", "source")], s)?;
    }
    if m.title.is_none()
        && m.publication.is_none()
        && m.issue.is_none()
        && m.issn.is_none()
        && m.date.is_none()
        && m.sources.is_empty()
        && m.authors.is_empty()
    {
        x.leaf("note", &[], "The text names no publication data.")?;
    }
    x.close("bibl")?;
    x.open("bibl", &[("type", "digital")])?;
    if let Some(f) = &doc.source.file_name {
        x.leaf("idno", &[("type", "filename")], f)?;
    }
    let enc = if doc.source.encoding.is_empty() {
        "unknown"
    } else {
        &doc.source.encoding
    };
    x.leaf(
        "note",
        &[("type", "encoding")],
        &format!(
            "Plain text (OCR or PDF extraction), {} lines, {} bytes, decoded as {enc}.",
            doc.source.line_count, doc.source.byte_len
        ),
    )?;
    x.close("bibl")?;
    x.close("sourceDesc")
}

fn encoding_desc<W: Write>(x: &mut Xml<W>, doc: &Document, line_breaks: bool) -> io::Result<()> {
    x.open("encodingDesc", &[])?;
    x.open("appInfo", &[])?;
    x.open(
        "application",
        &[("ident", "reprint"), ("version", &version_number(VERSION))],
    )?;
    x.leaf("label", &[], "reprint")?;
    x.leaf(
        "desc",
        &[],
        "turns the raw text of printed documents into a structured document",
    )?;
    x.close("application")?;
    x.close("appInfo")?;
    x.open("projectDesc", &[])?;
    x.leaf("p", &[], "Made automatically from plain text, without the page images: titles, headings, bylines, captions, notes, lists, sidebars and the table of contents were recognised by reprint's parser and have not been checked by a person. @cert on an element gives the parser's confidence where it was below 1.")?;
    x.close("projectDesc")?;
    x.open("editorialDecl", &[])?;
    x.leaf("p", &[], "Every non-blank line of the source is kept. Page numbers, running heads and other print furniture stay where they interrupted the text: a page number as pb (with the number as printed in @n, taken as the number of the page the break opens) followed by fw type=\"pageNum\", running heads as fw type=\"header\", barcodes and the like as fw type=\"other\".")?;
    let lines = if line_breaks {
        "Every source line begins with lb, whose @n is its line number in the source; the text between an lb and the next lb is that source line exactly, indentation and trailing white space included."
    } else {
        "Hard line breaks of the source are not recorded: the lines of a paragraph are joined (with a space between Latin words, none between Chinese characters). Non-blank text the parser cut from the start or end of a line (a list marker, markup) is kept as seg type=\"lead\" or type=\"trail\"."
    };
    x.leaf("p", &[], lines)?;
    let ascii = super::super::reading::ascii_punctuation(doc);
    let punctuation = if ascii == 0 {
        "Punctuation is as in the source.".to_string()
    } else {
        format!(
            "Punctuation is as in the source. It has {ascii} ASCII punctuation marks (, ; : ? ! and parentheses) between Chinese characters, where print sets the full-width forms (， ； ： ？ ！ （ ）) and OCR often reads the narrow ones; reprint's formats for readers (EPUB, PDF, HTML, Markdown) set them full-width unless asked to keep the source."
        )
    };
    x.leaf("p", &[], &punctuation)?;
    let bad = forbidden_chars(doc);
    x.leaf(
        "p",
        &[],
        &format!("Characters that XML 1.0 does not allow are never written; each leaves a gap reason=\"forbidden-character\" with its code point in @n. The source has {bad} such characters."),
    )?;
    x.close("editorialDecl")?;
    x.close("encodingDesc")
}

/// The language as an `xsd:language` value, `und` when it is not one.
pub(super) fn language(tag: &str) -> &str {
    let ok = !tag.is_empty()
        && tag.split('-').enumerate().all(|(i, p)| {
            (1..=8).contains(&p.len())
                && p.chars().all(|c| {
                    if i == 0 {
                        c.is_ascii_alphabetic()
                    } else {
                        c.is_ascii_alphanumeric()
                    }
                })
        });
    if ok { tag } else { "und" }
}

/// The crate version as TEI's `teidata.versionNumber` (digits and dots).
fn version_number(v: &str) -> String {
    let n: String = v
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let n = n.trim_matches('.');
    if n.is_empty() {
        "0".into()
    } else {
        n.to_string()
    }
}

fn source_name(doc: &Document) -> String {
    doc.source
        .file_name
        .clone()
        .unwrap_or_else(|| "an unnamed text".into())
}

/// Counts the characters of the source lines that XML cannot carry.
fn forbidden_chars(doc: &Document) -> usize {
    let count = |s: &Span| {
        [s.lead(), s.text(), s.trail()]
            .iter()
            .map(|t| t.chars().filter(|&c| !is_xml_char(c)).count())
            .sum::<usize>()
    };
    let mut n = 0;
    for b in all_blocks(doc) {
        let credit: &[Inline] = if let BlockKind::Caption { credit } = &b.kind {
            credit
        } else {
            &[]
        };
        for i in b.content.iter().chain(credit) {
            n += count(match i {
                Inline::Span(s) => s,
                Inline::Milestone(m) => &m.span,
            });
        }
    }
    n
}
