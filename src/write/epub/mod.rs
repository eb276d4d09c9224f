//! EPUB 3 writer: one XHTML content document per article, a nested
//! navigation document with landmarks and the printed page list, an NCX for
//! older readers, a generated title page and a stylesheet for Chinese text.
//! The same document and options always give the same bytes.
//!
//! ```
//! let doc = reprint::parse("标题\n\n第一段的第一行，\n第二行。\n", &reprint::Options::default())?;
//! let mut book = Vec::new();
//! doc.write_epub(&mut book, &reprint::write::epub::EpubOptions::default())?;
//! assert!(book.starts_with(b"PK"));
//! # Ok::<(), reprint::Error>(())
//! ```

mod body;
mod meta;
mod package;
mod pages;

use crate::write::xhtml::{NavPoint, for_language};
use crate::{Document, Error, Result};
use epub_builder::{EpubBuilder, EpubContent, EpubVersion, ReferenceType, TocElement, ZipLibrary};
use std::io::Write;

const STYLESHEET: &str = include_str!("../xhtml/style.css");

/// Options of the epub writer. Each metadata field, when set, replaces what
/// the text says about itself.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct EpubOptions {
    /// Title of the book.
    pub title: Option<String>,
    /// Subtitle of the book.
    pub subtitle: Option<String>,
    /// Authors (`dc:creator`), in order.
    pub authors: Vec<String>,
    /// BCP 47 language tag (`zh-CN`, `zh-TW`, `en`) instead of the document's or the detected one.
    pub language: Option<String>,
    /// A UUID to identify the book instead of the one derived from its content.
    pub identifier: Option<String>,
    /// Publication date as a W3C date (`2025-01-17`, `2025-01`, `2025`).
    pub date: Option<String>,
    /// Sources (`dc:source`) instead of the publication, ISSN and source notes found in the text.
    pub sources: Vec<String>,
    /// `dcterms:modified`, in seconds since 1970; a fixed date (2000-01-01) when not given,
    /// so the same input gives a byte-identical book.
    pub modified: Option<i64>,
    /// A cover image.
    pub cover: Option<Cover>,
    /// A stylesheet added after the built-in one (its rules win).
    pub css: Option<String>,
    /// Whether the book starts with a generated title page (on by default).
    pub title_page: bool,
    /// How deep the table of contents goes: 1 lists the articles only, 2 adds
    /// their top-level headings, and so on; every level when `None`.
    pub toc_depth: Option<u8>,
    /// Start a new content document at every heading of this level or
    /// higher (1: articles only, as by default; 2: also each top-level
    /// heading). Long articles are split by size whatever this is.
    pub split_level: Option<u8>,
    /// Vertical writing (`writing-mode: vertical-rl`) and right-to-left page
    /// progression, as traditional Chinese and Japanese books are set.
    pub vertical: bool,
    /// Keep ASCII punctuation between CJK characters (`中国,人民`) as the
    /// source has it. Off (the default): it is set in the full-width form
    /// print uses (`中国，人民`), as OCR so often gets it wrong.
    pub keep_punctuation: bool,
}

impl Default for EpubOptions {
    fn default() -> Self {
        EpubOptions {
            title: None,
            subtitle: None,
            authors: Vec::new(),
            language: None,
            identifier: None,
            date: None,
            sources: Vec::new(),
            modified: None,
            cover: None,
            css: None,
            title_page: true,
            toc_depth: None,
            split_level: None,
            vertical: false,
            keep_punctuation: false,
        }
    }
}

impl EpubOptions {
    /// Options that keep the source's ASCII punctuation between CJK
    /// characters (or set it full-width, the default); see [`EpubOptions::keep_punctuation`].
    pub fn with_keep_punctuation(mut self, yes: bool) -> Self {
        self.keep_punctuation = yes;
        self
    }
    /// Options with the title given.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    /// Options with the subtitle given.
    pub fn with_subtitle(mut self, subtitle: impl Into<String>) -> Self {
        self.subtitle = Some(subtitle.into());
        self
    }
    /// Options with an author added.
    pub fn with_author(mut self, author: impl Into<String>) -> Self {
        self.authors.push(author.into());
        self
    }
    /// Options with the language given.
    pub fn with_language(mut self, tag: impl Into<String>) -> Self {
        self.language = Some(tag.into());
        self
    }
    /// Options with the identifier given (a UUID, with or without `urn:uuid:`).
    pub fn with_identifier(mut self, uuid: impl Into<String>) -> Self {
        self.identifier = Some(uuid.into());
        self
    }
    /// Options with the publication date given.
    pub fn with_date(mut self, date: impl Into<String>) -> Self {
        self.date = Some(date.into());
        self
    }
    /// Options with a source added.
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.sources.push(source.into());
        self
    }
    /// Options with the modification time given, in seconds since 1970.
    pub fn with_modified(mut self, seconds: i64) -> Self {
        self.modified = Some(seconds);
        self
    }
    /// Options with a cover image.
    pub fn with_cover(mut self, cover: Cover) -> Self {
        self.cover = Some(cover);
        self
    }
    /// Options with a stylesheet of the user's, added after the built-in one.
    pub fn with_css(mut self, css: impl Into<String>) -> Self {
        self.css = Some(css.into());
        self
    }
    /// Options with (or without) the generated title page.
    pub fn with_title_page(mut self, yes: bool) -> Self {
        self.title_page = yes;
        self
    }
    /// Options with the table of contents cut at `depth` levels (1 = articles).
    pub fn with_toc_depth(mut self, depth: u8) -> Self {
        self.toc_depth = Some(depth);
        self
    }
    /// Options that start a new content document at headings of `level` or higher.
    ///
    /// ```
    /// use reprint::write::epub::EpubOptions;
    /// let doc = reprint::parse("标题\n\n一、总则\n\n正文。\n\n二、分则\n\n正文。\n", &reprint::Options::default())?;
    /// let (mut one, mut split) = (Vec::new(), Vec::new());
    /// doc.write_epub(&mut one, &EpubOptions::default())?;
    /// doc.write_epub(&mut split, &EpubOptions::default().with_split_level(2))?;
    /// assert!(split.windows(12).any(|w| w == b"a001-2.xhtml"));
    /// assert!(!one.windows(12).any(|w| w == b"a001-2.xhtml"));
    /// # Ok::<(), reprint::Error>(())
    /// ```
    pub fn with_split_level(mut self, level: u8) -> Self {
        self.split_level = Some(level);
        self
    }
    /// Options for vertical writing (`vertical-rl`, pages turned right to left).
    pub fn with_vertical(mut self, yes: bool) -> Self {
        self.vertical = yes;
        self
    }
}

/// What vertical writing adds to the stylesheet.
const VERTICAL: &str = "\n/* vertical writing */\nhtml { writing-mode: vertical-rl; -epub-writing-mode: vertical-rl; -webkit-writing-mode: vertical-rl; }\n";

/// A cover image: PNG, JPEG, GIF, WebP or SVG, recognised from its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    bytes: Vec<u8>,
    media_type: &'static str,
    extension: &'static str,
}

impl Cover {
    /// Recognises the image format; other bytes are an [`Error::InvalidOption`].
    pub fn new(bytes: Vec<u8>) -> Result<Cover> {
        let head = &bytes[..bytes.len().min(512)];
        let (media_type, extension) = if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            ("image/png", "png")
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            ("image/jpeg", "jpg")
        } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
            ("image/gif", "gif")
        } else if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
            ("image/webp", "webp")
        } else if String::from_utf8_lossy(head).contains("<svg") {
            ("image/svg+xml", "svg")
        } else {
            let start: Vec<String> = head.iter().take(8).map(|b| format!("{b:02X}")).collect();
            let seen = if start.is_empty() {
                "it is empty".to_string()
            } else {
                format!("it starts with bytes {}", start.join(" "))
            };
            return Err(Error::InvalidOption {
                name: "cover".into(),
                reason: format!("not a PNG, JPEG, GIF, WebP or SVG image: {seen}"),
            });
        };
        Ok(Cover {
            bytes,
            media_type,
            extension,
        })
    }

    /// The image's media type, e.g. `image/png`.
    pub fn media_type(&self) -> &str {
        self.media_type
    }
}

fn builder_error(e: epub_builder::Error) -> Error {
    Error::library("epub", e)
}

/// How many levels a navigation tree nests (1 for a flat list).
fn nav_depth(points: &[NavPoint]) -> usize {
    points
        .iter()
        .map(|p| 1 + nav_depth(&p.children))
        .max()
        .unwrap_or(0)
}

fn to_toc(p: &NavPoint) -> TocElement {
    p.children
        .iter()
        .fold(TocElement::new(p.href.clone(), p.label.clone()), |t, c| {
            t.child(to_toc(c))
        })
}

impl Document {
    /// Writes the document as an EPUB 3 book.
    pub fn write_epub<W: Write>(&self, out: W, options: &EpubOptions) -> Result<()> {
        let _punctuation = super::reading::keep_punctuation(options.keep_punctuation);
        let meta = meta::BookMeta::resolve(self, options)?;
        let labels = for_language(&meta.language);
        let mut body = body::render(self, labels, options.split_level, options.toc_depth);
        let lang = meta.language.as_str();

        let mut b =
            EpubBuilder::new(ZipLibrary::new().map_err(builder_error)?).map_err(builder_error)?;
        b.epub_version(EpubVersion::V33);
        b.set_title(meta.title.as_str());
        b.set_authors(meta.authors.clone());
        b.add_language(lang);
        b.set_uuid(meta.identifier);
        b.set_modified_date(meta.modified);
        b.set_generator("reprint");
        b.set_toc_name(labels.contents);
        let mut css = STYLESHEET.to_string();
        if options.vertical {
            css.push_str(VERTICAL);
            // epub-builder 0.8.3's `epub_direction` sets a field its template
            // does not read; the metadata key sets the one it does.
            b.metadata("direction", "rtl").map_err(builder_error)?;
        }
        if let Some(user) = &options.css {
            css.push_str("\n/* the user's stylesheet */\n");
            css.push_str(user);
            css.push('\n');
        }
        b.stylesheet(css.as_bytes()).map_err(builder_error)?;

        let mut landmarks: Vec<pages::Landmark> = Vec::new();
        if let Some(c) = &options.cover {
            let image = format!("cover.{}", c.extension);
            b.add_cover_image(&image, c.bytes.as_slice(), c.media_type)
                .map_err(builder_error)?;
            let page = pages::cover_page(&meta, labels, &image);
            b.add_content(EpubContent::new("cover.xhtml", page.as_bytes()))
                .map_err(builder_error)?;
            landmarks.push(("cover", "cover.xhtml".into(), labels.cover.into()));
        }
        // A book with no text still needs one entry in each table of
        // contents: the title page, which it then keeps whatever the options say.
        let title_page = options.title_page || body.nav.is_empty();
        if title_page {
            let title_page = pages::title_page(&meta, labels);
            let mut title_content = EpubContent::new("title.xhtml", title_page.as_bytes());
            if body.nav.is_empty() {
                body.nav.push(NavPoint {
                    href: "title.xhtml".into(),
                    label: labels.title_page.into(),
                    children: Vec::new(),
                });
                title_content = title_content.title(labels.title_page);
            }
            b.add_content(title_content).map_err(builder_error)?;
            landmarks.push(("titlepage", "title.xhtml".into(), labels.title_page.into()));
        }

        let start = body
            .parts
            .iter()
            .find(|p| !p.front)
            .or(body.parts.first())
            .map(|p| p.file.clone());
        let mut next_nav = body.nav.iter().peekable();
        for part in &body.parts {
            let xhtml = pages::document(
                lang,
                &part.title,
                if part.front {
                    "frontmatter"
                } else {
                    "bodymatter"
                },
                &part.body,
            );
            let mut content = EpubContent::new(part.file.as_str(), xhtml.as_bytes());
            if let Some(p) = next_nav.next_if(|p| p.href == part.file) {
                content = content.title(p.label.as_str());
                for c in &p.children {
                    content = content.child(to_toc(c));
                }
            }
            if Some(&part.file) == start.as_ref() {
                content = content.reftype(ReferenceType::Text);
            }
            b.add_content(content).map_err(builder_error)?;
        }
        if let Some(s) = start {
            landmarks.push(("bodymatter", s, labels.start.into()));
        }
        landmarks.push(("toc", "nav.xhtml#toc".into(), labels.contents.into()));

        let nav = pages::nav(&meta, labels, &body.nav, &landmarks, &body.pages);
        let mut built = Vec::new();
        b.generate(&mut built).map_err(builder_error)?;
        let nav_after = if title_page {
            "id_title.xhtml"
        } else if options.cover.is_some() {
            "id_cover.xhtml"
        } else {
            ""
        };
        let patches = package::Patches {
            nav,
            nav_after: nav_after.into(),
            uid: format!("urn:uuid:{}", meta.identifier),
            language: meta.language.clone(),
            metadata: meta.opf_extras(),
            title: meta.title.clone(),
            depth: nav_depth(&body.nav),
        };
        package::repack(&built, &patches, out)
    }
}
