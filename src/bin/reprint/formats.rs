//! Output formats: their names, file extensions, and how each writer is called
//! with the options given on the command line.

use crate::Cli;
use crate::settings::Settings;
use clap::ValueEnum;
use reprint::Document;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, ValueEnum)]
pub enum Format {
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
    #[value(alias = "md")]
    Markdown,
    /// One self-contained HTML5 page.
    Html,
    /// Review page: source lines beside the reconstructed text, one HTML file.
    Review,
}

impl Format {
    /// The extension of the files written in batch mode (input stem + this).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Layout => ".layout.json",
            Format::Json => ".json",
            Format::Epub => ".epub",
            Format::Pdf => ".pdf",
            Format::Tei => ".tei.xml",
            Format::Markdown => ".md",
            Format::Html => ".html",
            Format::Review => ".review.html",
        }
    }

    /// Binary formats never go to a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Epub | Format::Pdf)
    }

    /// The format an output file name asks for; longest extension first, so
    /// `x.review.html` is a review page and `x.layout.json` layout JSON.
    pub fn from_file_name(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        let by_suffix = [
            (".layout.json", Format::Layout),
            (".review.html", Format::Review),
            (".json", Format::Json),
            (".epub", Format::Epub),
            (".pdf", Format::Pdf),
            (".xml", Format::Tei),
            (".md", Format::Markdown),
            (".html", Format::Html),
            (".htm", Format::Html),
        ];
        by_suffix
            .iter()
            .find(|(suffix, _)| name.ends_with(suffix))
            .map(|&(_, f)| f)
    }
}

/// Writes `doc` in `format` into `out`.
#[cfg_attr(
    not(any(
        feature = "epub",
        feature = "pdf",
        feature = "tei",
        feature = "markdown",
        feature = "html",
        feature = "review"
    )),
    allow(unused_variables)
)]
pub fn write(
    doc: &Document,
    cli: &Cli,
    settings: &Settings,
    format: Format,
    out: &mut Vec<u8>,
) -> Result<(), reprint::Error> {
    match format {
        Format::Layout => out.extend_from_slice(doc.to_layout_json().as_bytes()),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, doc)
                .map_err(|e| reprint::Error::library("json", e))?;
            out.push(b'\n');
        }
        #[cfg(feature = "epub")]
        Format::Epub => doc.write_epub(out, &epub_options(cli, settings)?)?,
        #[cfg(feature = "pdf")]
        Format::Pdf => doc.write_pdf(out, &pdf_options(cli, settings)?)?,
        #[cfg(feature = "tei")]
        Format::Tei => doc.write_tei(
            out,
            &reprint::write::tei::TeiOptions::default().with_line_breaks(cli.line_breaks),
        )?,
        #[cfg(feature = "review")]
        Format::Review => doc.write_review(out, &review_options(cli)?)?,
        #[cfg(feature = "markdown")]
        Format::Markdown => doc.write_markdown(
            out,
            &reprint::write::markdown::MarkdownOptions::default()
                .with_front_matter(cli.front_matter)
                .with_keep_punctuation(cli.keep_punctuation),
        )?,
        #[cfg(feature = "html")]
        Format::Html => {
            let mut options = reprint::write::html::HtmlOptions::default()
                .with_page_numbers(cli.page_numbers)
                .with_keep_punctuation(cli.keep_punctuation);
            if let Some(css) = &settings.css {
                options = options.with_css(css.clone());
            }
            doc.write_html(out, &options)?
        }
        #[allow(unreachable_patterns)]
        other => {
            return Err(reprint::Error::InvalidOption {
                name: "--to".into(),
                reason: format!("{other:?} output was not compiled in (cargo feature)"),
            });
        }
    }
    Ok(())
}

#[cfg(feature = "epub")]
fn epub_options(
    cli: &Cli,
    settings: &Settings,
) -> Result<reprint::write::epub::EpubOptions, reprint::Error> {
    use reprint::write::epub::{Cover, EpubOptions};
    let mut options = EpubOptions::default()
        .with_title_page(!cli.no_title_page)
        .with_vertical(cli.vertical)
        .with_keep_punctuation(cli.keep_punctuation);
    if let Some(l) = &cli.lang {
        options = options.with_language(l.clone());
    }
    if let Some(bytes) = &settings.cover {
        options = options.with_cover(Cover::new(bytes.clone())?);
    }
    if let Some(css) = &settings.css {
        options = options.with_css(css.clone());
    }
    if let Some(d) = cli.toc_depth {
        options = options.with_toc_depth(d);
    }
    if let Some(l) = cli.split_level {
        options = options.with_split_level(l);
    }
    if let Some(secs) = settings.modified {
        options = options.with_modified(secs);
    }
    if let Some(id) = &settings.metadata.identifier {
        options = options.with_identifier(id.clone());
    }
    Ok(options)
}

#[cfg(feature = "review")]
fn review_options(cli: &Cli) -> Result<reprint::write::review::ReviewOptions, reprint::Error> {
    let options = reprint::write::review::ReviewOptions::default();
    let Some(path) = &cli.gold else {
        return Ok(options);
    };
    let json = std::fs::read_to_string(path).map_err(|source| reprint::Error::Read {
        path: path.clone(),
        source,
    })?;
    options.with_gold_json(&json)
}

#[cfg(feature = "pdf")]
fn pdf_options(
    cli: &Cli,
    settings: &Settings,
) -> Result<reprint::write::pdf::PdfOptions, reprint::Error> {
    use reprint::write::pdf::{FontSource, PageSize, PdfCover, PdfOptions};
    let mut o = PdfOptions::default().with_keep_punctuation(cli.keep_punctuation);
    if let Some(bytes) = &settings.cover {
        o = o.with_cover(PdfCover::new(bytes.clone())?);
    }
    if let Some(secs) = settings.modified {
        o = o.with_created(secs);
    }
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
            other => match other
                .split_once('x')
                .map(|(w, h)| (w.trim().parse::<f32>(), h.trim().parse::<f32>()))
            {
                Some((Ok(width_mm), Ok(height_mm))) => PageSize::Custom {
                    width_mm,
                    height_mm,
                },
                _ => {
                    return Err(reprint::Error::InvalidOption {
                        name: "--paper".into(),
                        reason: format!("{p:?} is not a5, a4, letter or WIDTHxHEIGHT in mm"),
                    });
                }
            },
        };
        o = o.with_page(size);
    }
    Ok(o)
}
