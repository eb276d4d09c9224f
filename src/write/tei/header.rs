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
    at_foot: bool,
) -> io::Result<()> {
    // The header is in the text's language (its titles and names); the
    // parts reprint writes in English say so.
    x.open("teiHeader", &[("xml:lang", language(&doc.meta.language))])?;
    x.open("fileDesc", &[])?;
    title_stmt(x, doc)?;
    let (lines, bytes) = (
        doc.source.line_count.to_string(),
        doc.source.byte_len.to_string(),
    );
    x.open("extent", &[("xml:lang", "en")])?;
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
    publication_stmt(x, doc)?;
    if !doc.warnings.is_empty() {
        x.open("notesStmt", &[("xml:lang", "en")])?;
        for w in &doc.warnings {
            let n = format!("line {}", w.line);
            x.leaf("note", &[("type", "parser-warning"), ("n", &n)], &w.message)?;
        }
        x.close("notesStmt")?;
    }
    source_desc(x, doc)?;
    x.close("fileDesc")?;
    encoding_desc(x, doc, line_breaks, at_foot)?;
    x.open("profileDesc", &[("xml:lang", "en")])?;
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

/// Who distributes this edition (reprint made it; nobody published it),
/// which file it was made from, and what may be done with it.
fn publication_stmt<W: Write>(x: &mut Xml<W>, doc: &Document) -> io::Result<()> {
    x.open("publicationStmt", &[("xml:lang", "en")])?;
    x.leaf(
        "distributor",
        &[],
        &format!("Not published: a digital edition made by reprint {VERSION}"),
    )?;
    if let Some(f) = &doc.source.file_name {
        x.leaf("idno", &[("type", "filename")], f)?;
    }
    x.open("availability", &[("status", "unknown")])?;
    x.leaf(
        "p",
        &[],
        &format!(
            "For the rights in the text, see the source ({}).",
            source_name(doc)
        ),
    )?;
    x.close("availability")?;
    x.close("publicationStmt")
}

fn title_stmt<W: Write>(x: &mut Xml<W>, doc: &Document) -> io::Result<()> {
    let m = &doc.meta;
    x.open("titleStmt", &[])?;
    let title = m
        .title
        .clone()
        .or_else(|| crate::write::reading::file_title(doc))
        .unwrap_or_else(|| source_name(doc));
    x.leaf("title", &[("type", "main")], &title)?;
    if let Some(s) = &m.subtitle {
        x.leaf("title", &[("type", "sub")], s)?;
    }
    for a in &m.authors {
        x.leaf("author", &[], a)?;
    }
    x.open("respStmt", &[("xml:lang", "en")])?;
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
    // A magazine issue's title is its masthead's (the journal title below);
    // an article's or a book's title is its own.
    let issue_title = |t: &String| {
        m.publication
            .as_ref()
            .is_some_and(|p| t.starts_with(p.as_str()))
    };
    if let Some(t) = m.title.as_ref().filter(|t| !issue_title(t)) {
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
        // @when for machines, the date as printed for readers.
        match crate::write::reading::w3c_date(d) {
            Some(when) => x.leaf("date", &[("when", &when)], d)?,
            None => x.leaf("date", &[], d)?,
        }
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
        x.leaf(
            "note",
            &[("xml:lang", "en")],
            "The text names no publication data.",
        )?;
    }
    x.close("bibl")?;
    x.open("bibl", &[("type", "digital"), ("xml:lang", "en")])?;
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

fn encoding_desc<W: Write>(
    x: &mut Xml<W>,
    doc: &Document,
    line_breaks: bool,
    at_foot: bool,
) -> io::Result<()> {
    x.open("encodingDesc", &[("xml:lang", "en")])?;
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
    let pages = if at_foot {
        "The page numbers are printed at the foot of their pages (as the text shows, or where it shows neither): a page number is fw type=\"pageNum\" followed by a pb that opens the next page, whose @n is the printed number plus one (none after the text's last line)"
    } else {
        "The page numbers are printed at the head of their pages: a page number is a pb, with the number as printed in @n, followed by fw type=\"pageNum\""
    };
    x.leaf("p", &[], &format!("Every non-blank line of the source is kept. Page numbers, running heads and other print furniture stay where they interrupted the text. {pages}; running heads are fw type=\"header\", barcodes and the like fw type=\"other\". A contents line that names an article or a section holds a ref to that div."))?;
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
