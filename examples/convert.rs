//! The command-line face of reprint: convert a text to layout JSON, the full
//! model as JSON, EPUB, PDF, TEI, Markdown, HTML or a review page.

use clap::{Parser, ValueEnum};
use reprint::{Document, Options};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Block kinds and source line ranges (the gold format of fixtures/gold).
    Layout,
    /// The full document model as JSON.
    Json,
    /// EPUB 3 book.
    Epub,
    /// Typeset PDF.
    Pdf,
    /// TEI P5 XML.
    Tei,
    /// CommonMark.
    Markdown,
    /// One self-contained HTML5 page.
    Html,
    /// Review page: source lines beside the reconstructed text, one HTML file.
    Review,
}

/// Convert the raw text of a printed document (OCR or PDF extraction) into a
/// structured book.
///
/// The format comes from --to, else from the extension of -o (.json is the
/// full model, .layout.json layout JSON, .epub, .pdf, .tei.xml or .xml, .md,
/// .html or .htm; .review.html the review page),
/// else layout JSON. Text formats go to standard output when -o is not given.
#[derive(Parser, Debug)]
#[command(version, about, long_about)]
struct Cli {
    /// The input text file (UTF-8, UTF-16 with BOM, or GB18030/GBK; detected).
    input: PathBuf,
    /// Where to write; standard output for text formats when left out.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(short = 't', long = "to", value_enum)]
    to: Option<Format>,
    /// Decode the input with this encoding instead of detecting it (utf-8, gb18030, gbk, big5, utf-16le...).
    #[arg(long)]
    encoding: Option<String>,
    /// Title to use instead of the one found in the text.
    #[arg(long)]
    title: Option<String>,
    /// Author to use instead of those found in the text (repeatable).
    #[arg(long = "author")]
    authors: Vec<String>,
    /// Language tag to use instead of the detected one (zh-CN, zh-TW, en...).
    #[arg(long)]
    lang: Option<String>,
    /// Date to use instead of the one found in the text (2025-03-17, or as printed: 2025年3月17日).
    #[arg(long)]
    date: Option<String>,
    /// Publication (periodical or publisher) to use instead of the masthead found in the text.
    #[arg(long, visible_alias = "publisher")]
    publication: Option<String>,
    /// Markdown: start with a YAML metadata block (title, author, date, lang...), as pandoc reads it.
    #[arg(long)]
    front_matter: bool,
    /// HTML: show the printed page numbers where the pages began.
    #[arg(long)]
    page_numbers: bool,
    /// TEI: mark every source line break with <lb n="LINE"/> and keep each line exactly as it was.
    #[arg(long)]
    line_breaks: bool,
    /// EPUB: cover image (PNG, JPEG, GIF, WebP or SVG).
    #[arg(long)]
    cover: Option<PathBuf>,
    /// EPUB: modification time, in seconds since 1970 or `now`; a fixed date when left out, so the same input gives the same book.
    #[arg(long)]
    modified: Option<String>,
    /// PDF: font for running text, a .ttf, .otf or .ttc (FILE or FILE:FACE, e.g. NotoSerifCJK-Regular.ttc:2); bundled serif when left out.
    #[arg(long)]
    font: Option<String>,
    /// PDF: font for titles and headings, as --font; bundled sans bold when left out.
    #[arg(long)]
    heading_font: Option<String>,
    /// PDF: paper size, a5 (default), a4, letter or WIDTHxHEIGHT in mm (e.g. 130x184).
    #[arg(long)]
    paper: Option<String>,
    /// Review: a hand-checked layout JSON of the same text (fixtures/gold) to mark differences and score against.
    #[arg(long)]
    gold: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("convert: {e}");
            ExitCode::FAILURE
        }
    }
}

fn format_of(cli: &Cli) -> Format {
    if let Some(f) = cli.to {
        return f;
    }
    let name = cli.output.as_deref().and_then(Path::file_name).map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    if name.ends_with(".layout.json") {
        Format::Layout
    } else if name.ends_with(".json") {
        Format::Json
    } else if name.ends_with(".epub") {
        Format::Epub
    } else if name.ends_with(".pdf") {
        Format::Pdf
    } else if name.ends_with(".xml") {
        Format::Tei
    } else if name.ends_with(".review.html") {
        Format::Review
    } else if name.ends_with(".md") {
        Format::Markdown
    } else if name.ends_with(".html") || name.ends_with(".htm") {
        Format::Html
    } else {
        Format::Layout
    }
}

fn run(cli: &Cli) -> Result<(), reprint::Error> {
    let format = format_of(cli);
    if cli.input.is_dir() {
        return Err(reprint::Error::InvalidOption { name: "INPUT".into(), reason: format!("{} is a directory, not a text file", cli.input.display()) });
    }
    let bytes = std::fs::read(&cli.input).map_err(|source| reprint::Error::Read { path: cli.input.clone(), source })?;
    let mut options = Options::default().with_file_name(cli.input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    if let Some(e) = &cli.encoding {
        options = options.with_encoding(e.clone());
    }
    if let Some(l) = &cli.lang {
        options = options.with_language(l.clone());
    }
    let mut doc = reprint::parse_bytes(&bytes, &options)?;
    if let Some(t) = &cli.title {
        doc.meta.title = Some(t.clone());
    }
    if !cli.authors.is_empty() {
        doc.meta.authors = cli.authors.clone();
    }
    // Every writer reads the document's metadata: overriding it here reaches them all.
    if let Some(d) = &cli.date {
        doc.meta.date = Some(d.clone());
    }
    if let Some(p) = &cli.publication {
        doc.meta.publication = Some(p.clone());
    }
    let mut out: Vec<u8> = Vec::new();
    write(&doc, cli, format, &mut out)?;
    let binary = matches!(format, Format::Epub | Format::Pdf);
    match &cli.output {
        Some(path) => std::fs::write(path, &out).map_err(|source| reprint::Error::Write { what: path.display().to_string(), source }),
        None if binary => Err(reprint::Error::InvalidOption { name: "--output".into(), reason: format!("{format:?} is binary: give -o FILE") }),
        None => std::io::stdout().lock().write_all(&out).map_err(|source| reprint::Error::Write { what: "standard output".into(), source }),
    }
}

fn write(doc: &Document, cli: &Cli, format: Format, out: &mut Vec<u8>) -> Result<(), reprint::Error> {
    match format {
        Format::Layout => out.extend_from_slice(doc.to_layout_json().as_bytes()),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, doc).map_err(|e| reprint::Error::Output { format: "json", reason: e.to_string() })?;
            out.push(b'\n');
        }
        #[cfg(feature = "epub")]
        Format::Epub => doc.write_epub(out, &epub_options(cli)?)?,
        #[cfg(feature = "pdf")]
        Format::Pdf => doc.write_pdf(out, &pdf_options(cli)?)?,
        #[cfg(feature = "tei")]
        Format::Tei => doc.write_tei(out, &reprint::write::tei::TeiOptions::default().with_line_breaks(cli.line_breaks))?,
        #[cfg(feature = "review")]
        Format::Review => doc.write_review(out, &review_options(cli)?)?,
        #[cfg(feature = "markdown")]
        Format::Markdown => doc.write_markdown(out, &reprint::write::markdown::MarkdownOptions::default().with_front_matter(cli.front_matter))?,
        #[cfg(feature = "html")]
        Format::Html => doc.write_html(out, &reprint::write::html::HtmlOptions::default().with_page_numbers(cli.page_numbers))?,
        #[allow(unreachable_patterns)]
        other => return Err(reprint::Error::InvalidOption { name: "--to".into(), reason: format!("{other:?} output was not compiled in (cargo feature)") }),
    }
    Ok(())
}

#[cfg(feature = "epub")]
fn epub_options(cli: &Cli) -> Result<reprint::write::epub::EpubOptions, reprint::Error> {
    use reprint::write::epub::{Cover, EpubOptions};
    let mut options = EpubOptions::default();
    if let Some(l) = &cli.lang {
        options = options.with_language(l.clone());
    }
    if let Some(path) = &cli.cover {
        let bytes = std::fs::read(path).map_err(|source| reprint::Error::Read { path: path.clone(), source })?;
        options = options.with_cover(Cover::new(bytes)?);
    }
    match cli.modified.as_deref() {
        None => {}
        Some("now") => options = options.with_modified(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)),
        Some(s) => {
            let secs = s.parse().map_err(|_| reprint::Error::InvalidOption { name: "--modified".into(), reason: format!("{s:?} is neither seconds since 1970 nor `now`") })?;
            options = options.with_modified(secs);
        }
    }
    Ok(options)
}

#[cfg(feature = "review")]
fn review_options(cli: &Cli) -> Result<reprint::write::review::ReviewOptions, reprint::Error> {
    let options = reprint::write::review::ReviewOptions::default();
    let Some(path) = &cli.gold else { return Ok(options) };
    let json = std::fs::read_to_string(path).map_err(|source| reprint::Error::Read { path: path.clone(), source })?;
    options.with_gold_json(&json)
}

#[cfg(feature = "pdf")]
fn pdf_options(cli: &Cli) -> Result<reprint::write::pdf::PdfOptions, reprint::Error> {
    use reprint::write::pdf::{FontSource, PageSize, PdfOptions};
    let mut o = PdfOptions::default();
    if let Some(f) = &cli.font {
        o = o.with_font(FontSource::from_spec(f));
    }
    if let Some(f) = &cli.heading_font {
        o = o.with_heading_font(FontSource::from_spec(f));
    }
    if let Some(p) = &cli.paper {
        let size = match p.to_lowercase().as_str() {
            "a5" => PageSize::A5,
            "a4" => PageSize::A4,
            "letter" => PageSize::Letter,
            other => match other.split_once('x').map(|(w, h)| (w.trim().parse::<f32>(), h.trim().parse::<f32>())) {
                Some((Ok(width_mm), Ok(height_mm))) => PageSize::Custom { width_mm, height_mm },
                _ => return Err(reprint::Error::InvalidOption { name: "--paper".into(), reason: format!("{p:?} is not a5, a4, letter or WIDTHxHEIGHT in mm") }),
            },
        };
        o = o.with_page(size);
    }
    Ok(o)
}
