//! What the fuzz targets share: the input cut into options and text, the
//! invariants every parse must keep, and each writer with the checks of its
//! output. A broken invariant panics, which libFuzzer reports as a crash like
//! any other. `tests/fuzz_regressions.rs` includes this file to run the
//! inputs the fuzzers found through the same code.

use reprint::model::{Block, BlockKind, Inline, Span};
use reprint::write::{
    epub::EpubOptions, html::HtmlOptions, markdown::MarkdownOptions, pdf::PageSize,
    pdf::PdfOptions, review::ReviewOptions, tei::TeiOptions,
};
use reprint::{Document, Options};
use std::io::Read;

/// Encodings a fuzz input may name; most inputs leave detection to the parser.
const ENCODINGS: [Option<&str>; 8] = [
    None,
    None,
    None,
    None,
    Some("gb18030"),
    Some("utf-16le"),
    Some("utf-16be"),
    Some("big5"),
];

/// A fuzz input: byte 0 sets the parser's options, byte 1 the writer's, the rest is the file.
pub struct Input<'a> {
    pub options: Options,
    pub writer: u8,
    pub bytes: &'a [u8],
}

pub fn input(data: &[u8]) -> Input<'_> {
    let (o, w, bytes) = match data {
        [o, w, rest @ ..] => (*o, *w, rest),
        _ => (0, 0, data),
    };
    let mut options = Options::default().with_file_name("fuzz.txt");
    options.keep_furniture = o & 1 == 0;
    if o & 2 != 0 {
        // 0 included: a width of nothing must not divide by zero.
        options = options.with_column_width(((o >> 2) & 7) as usize * 6);
    }
    if let Some(label) = ENCODINGS[(o >> 5) as usize] {
        options = options.with_encoding(label);
    }
    Input {
        options,
        writer: w,
        bytes,
    }
}

/// Parses the input; a refusal must say something. Checks the model's
/// promises and gives the document with its decoded text.
pub fn parse(data: &[u8]) -> Option<(Document, Input<'_>)> {
    let input = input(data);
    match reprint::parse_bytes(input.bytes, &input.options) {
        Ok(doc) => {
            let text = reprint::decode(input.bytes, input.options.encoding.as_deref(), "fuzz.txt")
                .expect("parse_bytes decoded it")
                .text;
            check_lines(&text, &doc, input.options.keep_furniture);
            Some((doc, input))
        }
        Err(e) => {
            assert!(
                e.to_string().len() > 10,
                "an error that says nothing: {e:?}"
            );
            None
        }
    }
}

fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c))
}

/// Every non-blank line in exactly one block, and its spans give it back.
/// Without furniture, furniture lines are left out, so only "at most one" holds.
pub fn check_lines(text: &str, doc: &Document, complete: bool) {
    let lines: Vec<&str> = if text.is_empty() {
        Vec::new()
    } else {
        text.strip_suffix('\n')
            .unwrap_or(text)
            .split('\n')
            .collect()
    };
    assert_eq!(doc.source.line_count as usize, lines.len(), "line count");
    let mut owner = vec![usize::MAX; lines.len()];
    let mut raw = vec![String::new(); lines.len()];
    let mut k = 0;
    walk(
        doc.articles.iter().flat_map(|a| &a.blocks),
        &mut |spans: Vec<&Span>| {
            for s in spans {
                let i = s.line as usize - 1;
                assert!(i < lines.len(), "span of line {} beyond the end", s.line);
                assert!(
                    owner[i] == usize::MAX || owner[i] == k,
                    "line {} in blocks {} and {k}",
                    s.line,
                    owner[i]
                );
                owner[i] = k;
                raw[i].push_str(s.raw());
            }
            k += 1;
        },
    );
    for (i, line) in lines.iter().enumerate() {
        if is_blank(line) {
            assert!(
                owner[i] == usize::MAX,
                "blank line {} in block {}",
                i + 1,
                owner[i]
            );
        } else if complete || owner[i] != usize::MAX {
            assert!(
                owner[i] != usize::MAX,
                "line {} in no block: {line:?}",
                i + 1
            );
            if complete {
                assert_eq!(raw[i], *line, "line {} not given back by its spans", i + 1);
            }
        }
    }
}

fn walk<'a>(blocks: impl Iterator<Item = &'a Block>, each: &mut dyn FnMut(Vec<&'a Span>)) {
    for b in blocks {
        let credit: &[Inline] = if let BlockKind::Caption { credit } = &b.kind {
            credit
        } else {
            &[]
        };
        each(
            b.content
                .iter()
                .chain(credit)
                .filter_map(|i| match i {
                    Inline::Span(s) => Some(s),
                    Inline::Milestone(m) => Some(&m.span),
                    // The model's enums are non-exhaustive: a new kind of inline would be checked once it says where its text is.
                    _ => None,
                })
                .collect(),
        );
        if let BlockKind::Sidebar { items } = &b.kind {
            walk(items.iter(), each);
        }
    }
}

/// Parses XML that may start with `<!DOCTYPE html>`, panicking with the error.
pub fn well_formed(what: &str, xml: &[u8]) {
    let text = std::str::from_utf8(xml).unwrap_or_else(|e| panic!("{what} is not UTF-8: {e}"));
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    if let Err(e) = roxmltree::Document::parse_with_options(text, options) {
        panic!("{what} is not well-formed: {e}");
    }
}

/// TEI, with or without line breaks: well-formed.
pub fn tei(doc: &Document, input: &Input<'_>) {
    let mut out = Vec::new();
    doc.write_tei(
        &mut out,
        &TeiOptions::default().with_line_breaks(input.writer & 1 != 0),
    )
    .expect("write_tei");
    well_formed("TEI", &out);
}

/// EPUB: a readable zip whose XML files are well-formed.
pub fn epub(doc: &Document, _: &Input<'_>) {
    let mut book = Vec::new();
    doc.write_epub(&mut book, &EpubOptions::default())
        .expect("write_epub");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).expect("a zip");
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("an entry");
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).expect("entry data");
        if [".xhtml", ".opf", ".ncx", ".xml"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            well_formed(&name, &data);
        }
    }
}

/// HTML: a well-formed XHTML5 page, whatever the options.
pub fn html(doc: &Document, input: &Input<'_>) {
    let options = HtmlOptions::default()
        .with_contents(input.writer & 1 != 0)
        .with_page_numbers(input.writer & 2 != 0);
    let mut out = Vec::new();
    doc.write_html(&mut out, &options).expect("write_html");
    well_formed("HTML", &out);
}

/// Markdown, whatever the options: UTF-8.
pub fn markdown(doc: &Document, input: &Input<'_>) {
    let options = MarkdownOptions::default()
        .with_page_breaks(input.writer & 1 != 0)
        .with_front_matter(input.writer & 2 != 0);
    let mut out = Vec::new();
    doc.write_markdown(&mut out, &options)
        .expect("write_markdown");
    std::str::from_utf8(&out).expect("Markdown is UTF-8");
}

/// The review page, compared with the parse's own layout or not.
pub fn review(doc: &Document, input: &Input<'_>) {
    let mut options =
        ReviewOptions::default().with_uncertain_below(f32::from(input.writer >> 1) / 127.0);
    if input.writer & 1 != 0 {
        options = options.with_gold(doc.to_layout());
    }
    let mut out = Vec::new();
    doc.write_review(&mut out, &options).expect("write_review");
    assert!(
        std::str::from_utf8(&out)
            .expect("UTF-8")
            .starts_with("<!DOCTYPE html>")
    );
}

/// PDF with the bundled fonts: a file lopdf can load.
pub fn pdf(doc: &Document, input: &Input<'_>) {
    let page = [
        PageSize::A5,
        PageSize::A4,
        PageSize::Letter,
        PageSize::Custom {
            width_mm: 90.0,
            height_mm: 120.0,
        },
    ][(input.writer >> 1 & 3) as usize];
    let options = PdfOptions::default()
        .with_system_fonts(false)
        .with_warnings(false)
        .with_article_per_page(input.writer & 1 != 0)
        .with_page(page);
    let mut out = Vec::new();
    doc.write_pdf(&mut out, &options).expect("write_pdf");
    let pdf = lopdf::Document::load_mem(&out).expect("a PDF lopdf can read");
    assert!(!pdf.get_pages().is_empty(), "a PDF without pages");
}

/// Layout JSON: it reads back as the same layout.
pub fn layout(doc: &Document, _: &Input<'_>) {
    let json = doc.to_layout_json();
    let back: reprint::layout::Layout =
        serde_json::from_str(&json).expect("layout JSON reads back");
    assert_eq!(back, doc.to_layout());
}

/// A writer with the checks of its output.
pub type Writer = fn(&Document, &Input<'_>);

/// Every writer, by the name of its fuzz target.
pub const WRITERS: [(&str, Writer); 7] = [
    ("write_tei", tei),
    ("write_epub", epub),
    ("write_html", html),
    ("write_markdown", markdown),
    ("write_review", review),
    ("write_pdf", pdf),
    ("layout_json", layout),
];

/// The fuzz target `name` on `data`.
pub fn run(name: &str, data: &[u8]) {
    let Some((doc, input)) = parse(data) else {
        return;
    };
    if let Some((_, write)) = WRITERS.iter().find(|(n, _)| *n == name) {
        write(&doc, &input);
    }
}
