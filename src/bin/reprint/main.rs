//! The `reprint` command: convert texts to layout JSON, the full model as
//! JSON, EPUB, PDF, TEI, Markdown, HTML or a review page; one file (or
//! standard input) to a file or standard output, or many files (and
//! directories) in parallel. Exit status: 0 all written, 1 a conversion
//! failed, 2 a bad command line.

mod batch;
mod formats;
mod settings;

use clap::{CommandFactory, Parser, ValueEnum};
use formats::Format;
use reprint::Document;
use settings::Settings;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit status of a conversion that failed.
const FAILED: u8 = 1;
/// Exit status of a bad command line (clap's too).
const USAGE: u8 = 2;

/// Convert the raw text of printed Chinese documents (OCR or PDF extraction)
/// into structured books: EPUB 3, PDF, TEI P5, Markdown, HTML.
///
/// One input and one format: the result goes to -o FILE, or to standard output
/// (-o -, or no -o for text formats). `-` as the input reads standard input:
/// `pdftotext scan.pdf - | reprint - -t epub -o book.epub`. Several inputs, a
/// directory (its .txt files, recursively) or several formats (--to
/// epub,pdf,tei): -o names a directory, created if needed, and each input
/// INPUT.txt gives INPUT.epub, INPUT.pdf, INPUT.tei.xml, INPUT.md, INPUT.html,
/// INPUT.review.html, INPUT.json or INPUT.layout.json there. Files are
/// converted in parallel; a file that fails does not stop the others, and the
/// failures are listed at the end.
///
/// Without --to the format comes from the extension of -o (.layout.json,
/// .json, .epub, .pdf, .xml, .md, .html, .review.html), else layout JSON.
///
/// Exit status: 0 everything was written, 1 a conversion failed, 2 the
/// command line is wrong (an unknown option, a missing input, a bad value).
#[derive(Parser, Debug)]
#[command(name = "reprint", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    /// Input text files or directories, `-` for standard input (UTF-8, UTF-16, GB18030/GBK, Big5, Shift_JIS, EUC-KR...; detected).
    #[arg(required_unless_present = "generate", value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Output file (one input, one format), `-` for standard output, or a directory; standard output for one text format when left out.
    #[arg(short, long, value_name = "FILE|DIR|-")]
    output: Option<PathBuf>,
    /// Output formats, comma-separated or repeated (e.g. --to epub,pdf,tei).
    #[arg(
        short = 't',
        long = "to",
        value_enum,
        value_delimiter = ',',
        value_name = "FORMAT"
    )]
    to: Vec<Format>,
    /// Files converted at once; all cores when left out.
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar, summary or warnings; failures are still reported.
    #[arg(short, long)]
    quiet: bool,

    // The parser.
    /// Decode the input with this encoding instead of detecting it (utf-8, gb18030, gbk, big5, shift_jis, utf-16le...).
    #[arg(long, help_heading = "Parsing", value_name = "LABEL")]
    encoding: Option<String>,
    /// A line (without its indent) that matches REGEX is a heading of LEVEL: 1 an article title, 2 (the default) a top-level section, 3 below it... Repeatable; wins over the built-in rules. E.g. '^第.+章:2'.
    #[arg(
        long = "heading-pattern",
        help_heading = "Parsing",
        value_name = "REGEX[:LEVEL]"
    )]
    heading_patterns: Vec<String>,
    /// A line that matches REGEX is a photo caption standing on its own. Repeatable.
    #[arg(
        long = "caption-pattern",
        help_heading = "Parsing",
        value_name = "REGEX"
    )]
    caption_patterns: Vec<String>,
    /// A line that matches REGEX is a photo credit, and the line before it its caption. Repeatable.
    #[arg(
        long = "credit-pattern",
        help_heading = "Parsing",
        value_name = "REGEX"
    )]
    credit_patterns: Vec<String>,
    /// The column width in characters (full-width = 1) instead of the detected one.
    #[arg(long, help_heading = "Parsing", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10_000))]
    column_width: Option<u32>,
    /// Keep print furniture (page numbers, running heads) in the model as page breaks; the default. `--keep-furniture=false` drops it.
    #[arg(long, help_heading = "Parsing", value_name = "BOOL", num_args = 0..=1, default_missing_value = "true", conflicts_with = "drop_furniture")]
    keep_furniture: Option<bool>,
    /// Leave print furniture out of the model (it is still kept out of the paragraphs).
    #[arg(long, help_heading = "Parsing")]
    drop_furniture: bool,

    // Metadata.
    /// Metadata from a YAML or JSON file (title, subtitle, author, lang, date, publisher, issue, issn, source, as pandoc's metadata blocks); the options below win over it.
    #[arg(long, help_heading = "Metadata", value_name = "FILE")]
    metadata_file: Option<PathBuf>,
    /// Title to use instead of the one found in the text.
    #[arg(long, help_heading = "Metadata")]
    title: Option<String>,
    /// Author to use instead of those found in the text (repeatable).
    #[arg(long = "author", help_heading = "Metadata")]
    authors: Vec<String>,
    /// Language tag to use instead of the detected one (zh-CN, zh-TW, en...).
    #[arg(long, help_heading = "Metadata", value_name = "TAG")]
    lang: Option<String>,
    /// Date to use instead of the one found in the text (2025-03-17, or as printed: 2025年3月17日).
    #[arg(long, help_heading = "Metadata")]
    date: Option<String>,
    /// Publication (periodical or publisher) to use instead of the masthead found in the text.
    #[arg(long, visible_alias = "publisher", help_heading = "Metadata")]
    publication: Option<String>,

    // Books.
    /// EPUB and PDF: cover image (EPUB: PNG, JPEG, GIF, WebP or SVG; PDF: JPEG, or PNG without transparency).
    #[arg(long, help_heading = "EPUB, HTML and PDF", value_name = "IMAGE")]
    cover: Option<PathBuf>,
    /// EPUB and HTML: a stylesheet added after the built-in one (its rules win).
    #[arg(long, help_heading = "EPUB, HTML and PDF", value_name = "FILE")]
    css: Option<PathBuf>,
    /// EPUB: no generated title page.
    #[arg(long, help_heading = "EPUB, HTML and PDF")]
    no_title_page: bool,
    /// EPUB: levels in the table of contents (1 articles, 2 also their top-level headings...); all when left out.
    #[arg(long, help_heading = "EPUB, HTML and PDF", value_name = "N", value_parser = clap::value_parser!(u8).range(1..=6))]
    toc_depth: Option<u8>,
    /// EPUB: a new file at each heading of level N or higher (1 articles, the default; 2 also top-level headings...).
    #[arg(long, help_heading = "EPUB, HTML and PDF", value_name = "N", value_parser = clap::value_parser!(u8).range(1..=6))]
    split_level: Option<u8>,
    /// EPUB: vertical writing (vertical-rl), pages turned right to left, as traditional Chinese books are set.
    #[arg(long, help_heading = "EPUB, HTML and PDF")]
    vertical: bool,
    /// EPUB and PDF: modification time, in seconds since 1970 or `now`; a fixed date when left out (or SOURCE_DATE_EPOCH for the PDF), so the same input gives the same bytes.
    #[arg(long, help_heading = "EPUB, HTML and PDF", value_name = "SECONDS|now")]
    modified: Option<String>,
    /// PDF: font for running text, a .ttf, .otf or .ttc (FILE or FILE:FACE, e.g. NotoSerifCJK-Regular.ttc:2); bundled serif when left out.
    #[arg(long, help_heading = "EPUB, HTML and PDF", value_name = "FILE[:FACE]")]
    font: Option<String>,
    /// PDF: font for titles and headings, as --font; bundled sans bold when left out.
    #[arg(long, help_heading = "EPUB, HTML and PDF", value_name = "FILE[:FACE]")]
    heading_font: Option<String>,
    /// PDF: paper size, a5 (default), a4, letter or WIDTHxHEIGHT in mm (e.g. 130x184).
    #[arg(long, help_heading = "EPUB, HTML and PDF", value_name = "SIZE")]
    paper: Option<String>,

    /// EPUB, PDF, HTML and Markdown: keep ASCII punctuation between Chinese characters (中国,人民) as the source has it, instead of setting it full-width (中国，人民). TEI always keeps the source.
    #[arg(long, help_heading = "EPUB, HTML and PDF")]
    keep_punctuation: bool,

    // Text formats.
    /// Markdown: start with a YAML metadata block (title, author, date, lang...), as pandoc reads it.
    #[arg(long, help_heading = "Other formats")]
    front_matter: bool,
    /// HTML: show the printed page numbers where the pages began.
    #[arg(long, help_heading = "Other formats")]
    page_numbers: bool,
    /// TEI: mark every source line break with <lb n="LINE"/> and keep each line exactly as it was.
    #[arg(long, help_heading = "Other formats")]
    line_breaks: bool,
    /// Review: a hand-checked layout JSON of the same text (fixtures/gold) to mark differences and score against.
    #[arg(long, help_heading = "Other formats", value_name = "FILE")]
    gold: Option<PathBuf>,

    /// Print the man page or a shell completion script to standard output and exit (e.g. `reprint --generate bash > /etc/bash_completion.d/reprint`).
    #[arg(long, value_enum, exclusive = true, value_name = "WHAT")]
    generate: Option<Generate>,
}

/// What `--generate` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Generate {
    /// The man page, roff (man -l - to read it).
    Man,
    /// Completions for bash.
    Bash,
    /// Completions for zsh.
    Zsh,
    /// Completions for fish.
    Fish,
    /// Completions for elvish.
    Elvish,
    /// Completions for PowerShell.
    Powershell,
}

/// A failure with the exit status it gives.
pub struct Failure {
    code: u8,
    error: reprint::Error,
}

impl Failure {
    /// The command line is wrong: exit status 2.
    fn usage(error: reprint::Error) -> Failure {
        Failure { code: USAGE, error }
    }
}

impl From<reprint::Error> for Failure {
    /// A conversion failed: exit status 1.
    fn from(error: reprint::Error) -> Failure {
        Failure {
            code: FAILED,
            error,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(what) = cli.generate {
        return generate(what);
    }
    log::set_max_level(if cli.quiet {
        log::LevelFilter::Error
    } else {
        log::LevelFilter::Warn
    });
    let _ = log::set_logger(&StderrLogger);
    let result = Settings::from_cli(&cli)
        .map_err(Failure::usage)
        .and_then(|settings| match single_target(&cli) {
            Some((format, output)) => single(&cli, &settings, format, output),
            None => batch::run(&cli, &settings),
        });
    match result {
        Ok(code) => code,
        Err(f) => {
            eprintln!("reprint: {}", f.error);
            ExitCode::from(f.code)
        }
    }
}

/// Warnings of the library (a character no font has, say) on standard error.
struct StderrLogger;

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= log::max_level()
    }
    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            let level = match record.level() {
                log::Level::Error => "error",
                log::Level::Warn => "warning",
                _ => "note",
            };
            eprintln!("reprint: {level}: {}", record.args());
        }
    }
    fn flush(&self) {}
}

fn generate(what: Generate) -> ExitCode {
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    let shell = match what {
        Generate::Man => {
            return match clap_mangen::Man::new(cmd).render(&mut out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("reprint: cannot write the man page: {e}");
                    ExitCode::from(FAILED)
                }
            };
        }
        Generate::Bash => clap_complete::Shell::Bash,
        Generate::Zsh => clap_complete::Shell::Zsh,
        Generate::Fish => clap_complete::Shell::Fish,
        Generate::Elvish => clap_complete::Shell::Elvish,
        Generate::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut cmd, "reprint", &mut out);
    ExitCode::SUCCESS
}

/// Whether a path is `-`: standard input or output.
fn is_dash(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// One input file and one format, and -o (if any) is not a directory: the
/// classic one-file conversion, which may write to standard output.
fn single_target(cli: &Cli) -> Option<(Format, Option<&Path>)> {
    let [input] = cli.inputs.as_slice() else {
        return None;
    };
    let out = cli.output.as_deref();
    let to_stdout = out.is_some_and(is_dash);
    let out_is_dir = !to_stdout
        && out.is_some_and(|o| {
            o.is_dir()
                || o.as_os_str()
                    .to_string_lossy()
                    .ends_with(std::path::MAIN_SEPARATOR)
        });
    if !is_dash(input) && input.is_dir() || cli.to.len() > 1 || out_is_dir {
        return None;
    }
    let format = cli
        .to
        .first()
        .copied()
        .or_else(|| out.filter(|o| !is_dash(o)).and_then(Format::from_file_name))
        .unwrap_or(Format::Layout);
    Some((format, out))
}

fn single(
    cli: &Cli,
    settings: &Settings,
    format: Format,
    output: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let input = &cli.inputs[0];
    if output.is_none() && format.is_binary() {
        return Err(Failure::usage(reprint::Error::InvalidOption {
            name: "--output".into(),
            reason: format!(
                "{format:?} is binary: give -o FILE, -o DIR/, or -o - for standard output"
            ),
        }));
    }
    if !is_dash(input) && !input.exists() {
        return Err(Failure::usage(reprint::Error::Read {
            path: input.clone(),
            source: std::io::ErrorKind::NotFound.into(),
        }));
    }
    let doc = read(settings, input)?;
    let mut out = Vec::new();
    formats::write(&doc, cli, settings, format, &mut out)?;
    match output {
        Some(path) if !is_dash(path) => {
            std::fs::write(path, &out).map_err(|source| reprint::Error::Write {
                what: path.display().to_string(),
                source,
            })?
        }
        _ => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&out).and_then(|()| stdout.flush()) {
                // The reader went away (`| head`): what it wanted it has.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                r => r.map_err(|source| reprint::Error::Write {
                    what: "standard output".into(),
                    source,
                })?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Parses one input (`-`: standard input) with the command line's parser
/// options, then applies the metadata file and the metadata options.
pub fn read(settings: &Settings, input: &Path) -> Result<Document, reprint::Error> {
    let mut doc = if is_dash(input) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|source| reprint::Error::Read {
                path: "standard input".into(),
                source,
            })?;
        reprint::parse_bytes(&bytes, &settings.parser.clone().with_file_name("stdin"))?
    } else {
        reprint::parse_file(input, &settings.parser).map_err(|e| named(e, input))?
    };
    let what = || {
        if is_dash(input) {
            "standard input".to_string()
        } else {
            input.display().to_string()
        }
    };
    if !has_text(&doc) {
        return Err(reprint::Error::NoText { what: what() });
    }
    // Every writer reads the document's metadata: overriding it here reaches them all.
    settings.metadata.apply(&mut doc.meta);
    Ok(doc)
}

/// An error about the input's bytes names the path the user gave, not only
/// its file name.
fn named(e: reprint::Error, input: &Path) -> reprint::Error {
    let what = input.display().to_string();
    match e {
        reprint::Error::Binary { at, .. } => reprint::Error::Binary { what, at },
        reprint::Error::NotText { reason, .. } => reprint::Error::NotText { what, reason },
        reprint::Error::TooLarge { bytes, .. } => reprint::Error::TooLarge { what, bytes },
        e => e,
    }
}

/// Whether the document holds any text at all (an empty file, or one of
/// white space only, does not).
fn has_text(doc: &Document) -> bool {
    doc.articles.iter().flat_map(|a| &a.blocks).any(|b| {
        let credit: &[reprint::model::Inline] = match &b.kind {
            reprint::model::BlockKind::Caption { credit } => credit,
            _ => &[],
        };
        b.content
            .iter()
            .chain(credit)
            .any(|i| matches!(i, reprint::model::Inline::Span(s) if !s.text().trim().is_empty()))
    })
}
