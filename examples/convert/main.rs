//! The command-line face of reprint: convert texts to layout JSON, the full
//! model as JSON, EPUB, PDF, TEI, Markdown, HTML or a review page; one file to
//! a file or standard output, or many files (and directories) in parallel.

mod batch;
mod formats;

use clap::Parser;
use formats::Format;
use reprint::{Document, Options};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Convert the raw text of printed documents (OCR or PDF extraction) into
/// structured books.
///
/// One input and one format: the result goes to -o FILE, or to standard output
/// for text formats. Several inputs, a directory (its .txt files, recursively)
/// or several formats (--to epub,pdf,tei): -o names a directory, created if
/// needed, and each input INPUT.txt gives INPUT.epub, INPUT.pdf, INPUT.tei.xml,
/// INPUT.md, INPUT.html, INPUT.review.html, INPUT.json or INPUT.layout.json
/// there. Files are converted in parallel; a file that fails does not stop the
/// others, and the failures are listed at the end (exit status 1).
///
/// Without --to the format comes from the extension of -o (.layout.json,
/// .json, .epub, .pdf, .xml, .md, .html, .review.html), else layout JSON.
#[derive(Parser, Debug)]
#[command(version, about, long_about)]
pub struct Cli {
    /// Input text files or directories (UTF-8, UTF-16 with BOM, or GB18030/GBK; detected).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output file (one input, one format) or directory; standard output for one text format when left out.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output formats, comma-separated or repeated (e.g. --to epub,pdf,tei).
    #[arg(short = 't', long = "to", value_enum, value_delimiter = ',')]
    to: Vec<Format>,
    /// Files converted at once; all cores when left out.
    #[arg(short = 'j', long)]
    jobs: Option<usize>,
    /// No progress bar and no summary; failures are still reported.
    #[arg(short, long)]
    quiet: bool,
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
    let result = match single_target(&cli) {
        Some((format, output)) => single(&cli, format, output),
        None => batch::run(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("convert: {e}");
            ExitCode::from(2)
        }
    }
}

/// One input file and one format, and -o (if any) is not a directory: the
/// classic one-file conversion, which may write to standard output.
fn single_target(cli: &Cli) -> Option<(Format, Option<&Path>)> {
    let [input] = cli.inputs.as_slice() else { return None };
    let out = cli.output.as_deref();
    let out_is_dir = out.is_some_and(|o| o.is_dir() || o.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR));
    if input.is_dir() || cli.to.len() > 1 || out_is_dir {
        return None;
    }
    let format = cli.to.first().copied().or_else(|| out.and_then(Format::from_file_name)).unwrap_or(Format::Layout);
    Some((format, out))
}

fn single(cli: &Cli, format: Format, output: Option<&Path>) -> Result<ExitCode, reprint::Error> {
    let doc = read(cli, &cli.inputs[0])?;
    let mut out = Vec::new();
    formats::write(&doc, cli, format, &mut out)?;
    match output {
        Some(path) => std::fs::write(path, &out).map_err(|source| reprint::Error::Write { what: path.display().to_string(), source })?,
        None if format.is_binary() => {
            return Err(reprint::Error::InvalidOption { name: "--output".into(), reason: format!("{format:?} is binary: give -o FILE or -o DIR/") });
        }
        None => std::io::stdout().lock().write_all(&out).map_err(|source| reprint::Error::Write { what: "standard output".into(), source })?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Parses one input with the command line's parser options and metadata overrides.
pub fn read(cli: &Cli, input: &Path) -> Result<Document, reprint::Error> {
    let mut options = Options::default();
    if let Some(e) = &cli.encoding {
        options = options.with_encoding(e.clone());
    }
    if let Some(l) = &cli.lang {
        options = options.with_language(l.clone());
    }
    let mut doc = reprint::parse_file(input, &options)?;
    // Every writer reads the document's metadata: overriding it here reaches them all.
    if let Some(t) = &cli.title {
        doc.meta.title = Some(t.clone());
    }
    if !cli.authors.is_empty() {
        doc.meta.authors = cli.authors.clone();
    }
    if let Some(d) = &cli.date {
        doc.meta.date = Some(d.clone());
    }
    if let Some(p) = &cli.publication {
        doc.meta.publication = Some(p.clone());
    }
    Ok(doc)
}
