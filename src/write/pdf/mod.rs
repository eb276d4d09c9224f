//! The PDF writer: typesets the document the way the W3C's Requirements for
//! Chinese Text Layout (clreq) and GB/T 15834 ask, with printpdf drawing the
//! glyphs. Line breaking, justification, pagination and font subsetting are
//! ours (`lines`, `breaking`, `paginate`, `fonts`); see `docs/pdf.md`.

mod breaking;
mod cover;
mod draw;
mod flow;
mod fonts;
mod lines;
mod metadata;
mod outline;
mod paginate;
mod style;

use crate::{Document, Error, Result};
use draw::{Geometry, SetBlock};
use fonts::{FontSet, Role};
use lines::{Measure, break_lines, items};
use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;

pub use cover::PdfCover;

/// How many missing characters are warned about one by one.
const MAX_WARNINGS: usize = 20;

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub enum PageSize {
    /// ISO A5, 148 × 210 mm: the size of most Chinese books.
    #[default]
    A5,
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// Any size, width and height in millimetres.
    Custom {
        /// Width in mm.
        width_mm: f32,
        /// Height in mm.
        height_mm: f32,
    },
}

impl PageSize {
    /// Width and height in points.
    fn points(self) -> (f32, f32) {
        let mm = |w: f32, h: f32| (w * 72.0 / 25.4, h * 72.0 / 25.4);
        match self {
            PageSize::A5 => mm(148.0, 210.0),
            PageSize::A4 => mm(210.0, 297.0),
            PageSize::Letter => (612.0, 792.0),
            PageSize::Custom {
                width_mm,
                height_mm,
            } => mm(width_mm, height_mm),
        }
    }
}

/// A font file chosen by the user: a `.ttf`, `.otf` or `.ttc`/`.otc` and
/// the face to use in it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum FontSource {
    /// A font file on disk.
    File {
        /// The file.
        path: PathBuf,
        /// Face index in a collection; 0 for a single font.
        index: u32,
    },
    /// Font data in memory.
    Bytes {
        /// The file's bytes.
        data: std::sync::Arc<[u8]>,
        /// Face index in a collection; 0 for a single font.
        index: u32,
    },
}

impl FontSource {
    /// Parses `FILE` or `FILE:INDEX` (`NotoSerifCJK-Regular.ttc:2`).
    pub fn from_spec(spec: &str) -> FontSource {
        if let Some((path, index)) = spec.rsplit_once(':')
            && let Ok(index) = index.parse::<u32>()
            && !std::path::Path::new(spec).exists()
        {
            return FontSource::File {
                path: path.into(),
                index,
            };
        }
        FontSource::File {
            path: spec.into(),
            index: 0,
        }
    }

    fn bytes(&self) -> Result<Cow<'_, [u8]>> {
        match self {
            FontSource::File { path, .. } => {
                std::fs::read(path)
                    .map(Cow::Owned)
                    .map_err(|source| Error::Read {
                        path: path.clone(),
                        source,
                    })
            }
            FontSource::Bytes { data, .. } => Ok(Cow::Borrowed(data)),
        }
    }

    fn index(&self) -> u32 {
        match self {
            FontSource::File { index, .. } | FontSource::Bytes { index, .. } => *index,
        }
    }

    fn describe(&self) -> String {
        match self {
            FontSource::File { path, .. } => path.display().to_string(),
            FontSource::Bytes { .. } => "given in memory".into(),
        }
    }
}

/// Options of the pdf writer. The defaults make an A5 book page set in
/// 10.5 pt (五号) with 1.7 line spacing in the bundled Noto-derived faces.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct PdfOptions {
    /// Paper size.
    pub page: PageSize,
    /// Body type size in points.
    pub body_size: f32,
    /// Baseline distance of body text as a multiple of the type size.
    pub line_spacing: f32,
    /// Face for running text; the bundled serif when `None`.
    pub font: Option<FontSource>,
    /// Face for titles and headings; the bundled sans bold when `None`.
    pub heading_font: Option<FontSource>,
    /// Look in the system's fonts for characters the chosen faces lack.
    pub system_fonts: bool,
    /// Start each article on a new page.
    pub article_per_page: bool,
    /// Log a warning (the `log` crate, target `reprint::write::pdf`) for each
    /// character no font has, the first twenty one by one and then how many
    /// more (the [`PdfReport`] has them all). The library never prints.
    pub warn: bool,
    /// A cover image, on a page of its own before the text.
    pub cover: Option<PdfCover>,
    /// Creation and modification date, in seconds since 1970. When `None`:
    /// `SOURCE_DATE_EPOCH` if set, else a fixed date (2000-01-01), so the
    /// same input gives a byte-identical PDF.
    pub created: Option<i64>,
    /// Keep ASCII punctuation between CJK characters (`中国,人民`) as the
    /// source has it. Off (the default): it is set in the full-width form
    /// print uses (`中国，人民`), as OCR so often gets it wrong.
    pub keep_punctuation: bool,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            page: PageSize::A5,
            body_size: 10.5,
            line_spacing: 1.7,
            font: None,
            heading_font: None,
            system_fonts: true,
            article_per_page: true,
            warn: true,
            cover: None,
            created: None,
            keep_punctuation: false,
        }
    }
}

impl PdfOptions {
    /// Options with another paper size.
    pub fn with_page(mut self, page: PageSize) -> Self {
        self.page = page;
        self
    }
    /// Options with the body text's face.
    pub fn with_font(mut self, font: FontSource) -> Self {
        self.font = Some(font);
        self
    }
    /// Options with the headings' face.
    pub fn with_heading_font(mut self, font: FontSource) -> Self {
        self.heading_font = Some(font);
        self
    }
    /// Options with another body size (points) and line spacing (multiple of the size).
    pub fn with_body(mut self, size: f32, line_spacing: f32) -> Self {
        self.body_size = size;
        self.line_spacing = line_spacing;
        self
    }
    /// Options that do (or do not) look in the system's fonts for missing characters.
    pub fn with_system_fonts(mut self, yes: bool) -> Self {
        self.system_fonts = yes;
        self
    }
    /// Options that do (or do not) start each article on a new page.
    pub fn with_article_per_page(mut self, yes: bool) -> Self {
        self.article_per_page = yes;
        self
    }
    /// Options with a cover page.
    pub fn with_cover(mut self, cover: PdfCover) -> Self {
        self.cover = Some(cover);
        self
    }
    /// Options with the creation date given, in seconds since 1970.
    pub fn with_created(mut self, seconds: i64) -> Self {
        self.created = Some(seconds);
        self
    }
    /// Options that keep the source's ASCII punctuation between CJK
    /// characters (or set it full-width, the default); see [`PdfOptions::keep_punctuation`].
    pub fn with_keep_punctuation(mut self, yes: bool) -> Self {
        self.keep_punctuation = yes;
        self
    }
    /// Options that do (or do not) log warnings about missing characters.
    pub fn with_warnings(mut self, yes: bool) -> Self {
        self.warn = yes;
        self
    }
}

/// A character that no font could draw, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character.
    pub ch: char,
    /// The source line it came from (1-based).
    pub line: u32,
    /// The output page it is on (1-based).
    pub page: usize,
}

/// What the writer did, besides writing.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct PdfReport {
    /// Number of pages.
    pub pages: usize,
    /// Characters drawn as empty boxes because no font has them.
    pub missing: Vec<MissingGlyph>,
    /// System faces that stood in for characters the chosen faces lack.
    pub fallback_fonts: Vec<String>,
}

impl Document {
    /// Writes the document as a typeset PDF.
    pub fn write_pdf<W: Write>(&self, out: W, options: &PdfOptions) -> Result<()> {
        self.write_pdf_report(out, options).map(|_| ())
    }

    /// Writes the document as a typeset PDF and says what was missing.
    ///
    /// The steps: the document's blocks are set into lines (`set_blocks`),
    /// the lines cut into pages (`paginate_blocks`), contents entries given
    /// the pages their articles begin on (`resolve_links`), each page drawn
    /// (`draw_pages`), and the whole serialised with its fonts, outline,
    /// cover and metadata (`serialise`).
    pub fn write_pdf_report<W: Write>(&self, out: W, options: &PdfOptions) -> Result<PdfReport> {
        check(options)?;
        let _punctuation = super::reading::keep_punctuation(options.keep_punctuation);
        let mut fonts = FontSet::load(
            options.font.as_ref(),
            options.heading_font.as_ref(),
            options.system_fonts,
        )?;
        let g = geometry(options);
        let (paras, articles) = flow::flow(self, options.line_spacing);
        let (mut blocks, missing_at) = set_blocks(&paras, &mut fonts, &g);
        let pages = paginate_blocks(&paras, &blocks, &g, options);
        let links = resolve_links(&paras, articles.len(), &pages, &mut blocks, &mut fonts);
        let drawn = draw_pages(&paras, &articles, &pages, &blocks, &links, &mut fonts, &g);
        let missing = report_missing(&paras, missing_at, &drawn.page_of, options.warn);
        let page_count = drawn.pages.len();
        serialise(self, out, &paras, &fonts, drawn, options, &g)?;
        Ok(PdfReport {
            pages: page_count,
            missing,
            fallback_fonts: fonts.fallback_names(),
        })
    }
}

/// A character no font has: para, index in its text, the character.
type MissingAt = (usize, usize, char);

/// Sets each para into lines in its style: its items (characters with
/// faces and advances), its lines, and the room its tab (a contents entry's
/// page number) takes on its last line.
fn set_blocks(
    paras: &[flow::Para],
    fonts: &mut FontSet,
    g: &Geometry,
) -> (Vec<SetBlock>, Vec<MissingAt>) {
    let mut missing_at: Vec<MissingAt> = Vec::new();
    let mut blocks: Vec<SetBlock> = Vec::with_capacity(paras.len());
    for (p, para) in paras.iter().enumerate() {
        let st = &para.style;
        let size = g.body_size * st.size;
        let mut miss = Vec::new();
        let mut its = items(&para.text, st.role, size, fonts, &mut miss);
        for &i in &para.no_break {
            if let Some(it) = its.get_mut(i) {
                it.can_break = false;
            }
        }
        // An entry that will print its article's new page reserves room for four digits.
        let tab_text = para.tab.as_ref().map(|t| {
            if para.target.is_some() && t.chars().count() < 4 {
                "8888"
            } else {
                t.as_str()
            }
        });
        let tab = tab_text.map(|t| items(t, st.role, size, fonts, &mut Vec::new()));
        let tab_width: f32 = tab
            .as_ref()
            .map_or(0.0, |t| lines::set_width(t, 0, t.len()) + 2.0 * size);
        missing_at.extend(miss.into_iter().map(|(i, ch)| (p, i, ch)));
        let left = st.inset.0 * g.body_size;
        let width = g.width - left - st.inset.1 * g.body_size;
        let balance = st.align == style::Align::Center
            || (st.role == Role::Heading && st.align == style::Align::Left);
        let m = Measure {
            width: width - tab_width,
            first_indent: st.indent * size,
            align: st.align,
            size,
            balance,
        };
        let lines = if its.is_empty() {
            vec![lines::Line {
                start: 0,
                end: 0,
                extra: 0.0,
                x: 0.0,
                width: 0.0,
            }]
        } else {
            break_lines(&its, &m)
        };
        blocks.push(SetBlock {
            items: its,
            lines,
            size,
            pitch: size * st.leading,
            left,
            width,
            grey: st.grey,
            boxed: para.boxed,
            tab,
        });
    }
    (blocks, missing_at)
}

/// Cuts the set blocks into pages.
fn paginate_blocks(
    paras: &[flow::Para],
    blocks: &[SetBlock],
    g: &Geometry,
    options: &PdfOptions,
) -> Vec<Vec<paginate::Placed>> {
    let marks: Vec<Mark> = paras
        .iter()
        .map(|p| Mark {
            article: p.article,
            trailer: p.trailer,
            caption: p.caption,
            opens_section: p.outline.is_some(),
            text: !p.trailer && !p.style.keep_with_next,
        })
        .collect();
    let tail = tails(&marks);
    let extents: Vec<paginate::Extent> = paras
        .iter()
        .zip(blocks)
        .enumerate()
        .map(|(p, (para, b))| paginate::Extent {
            lines: b.lines.len(),
            pitch: b.pitch,
            before: para.style.before * g.body_size * options.line_spacing,
            after: para.style.after * g.body_size * options.line_spacing,
            keep_with_next: para.style.keep_with_next,
            article_start: p > 0 && paras[p - 1].article != para.article,
            tail: tail[p],
        })
        .collect();
    paginate::paginate(&extents, g.height, options.article_per_page)
}

/// What deciding the tails needs to know of a para.
struct Mark {
    article: usize,
    /// A byline, note or caption (`flow::Para::trailer`).
    trailer: bool,
    /// A caption or its credit.
    caption: bool,
    /// A heading or title that opens a section (it has an outline entry).
    opens_section: bool,
    /// Running text: neither a trailer nor a display kept with what follows.
    text: bool,
}

/// Which paras are tails, kept on the page of the text they close: the
/// trailers after an article's last text, and the bylines and notes that
/// close a section after its text, with only trailers between them and the
/// next heading (002's `（南阳阳）` under one ◆ part, before the next
/// part's heading). A caption there may float to the next page: carrying
/// text along with it would leave the page short for no reason.
fn tails(marks: &[Mark]) -> Vec<bool> {
    let mut after_text = vec![false; marks.len()];
    let mut seen = None;
    for (p, m) in marks.iter().enumerate() {
        if seen != Some(m.article) {
            seen = None;
        }
        after_text[p] = seen.is_some();
        if m.text {
            seen = Some(m.article);
        }
    }
    let mut closes_article = vec![false; marks.len()];
    let mut closes_section = vec![false; marks.len()];
    let mut tail = vec![false; marks.len()];
    for p in (0..marks.len()).rev() {
        let m = &marks[p];
        match marks.get(p + 1) {
            Some(n) if n.article == m.article => {
                closes_article[p] = m.trailer && closes_article[p + 1];
                closes_section[p] =
                    m.trailer && ((n.opens_section && after_text[p]) || closes_section[p + 1]);
            }
            _ => closes_article[p] = m.trailer,
        }
        tail[p] = closes_article[p] || (closes_section[p] && !m.caption);
    }
    tail
}

/// Gives each contents entry that names an article the page that article
/// now begins on (its tab), and returns (entry block, page index) pairs for
/// the link annotations. Entries that name nothing lose their old numbers.
fn resolve_links(
    paras: &[flow::Para],
    articles: usize,
    pages: &[Vec<paginate::Placed>],
    blocks: &mut [SetBlock],
    fonts: &mut FontSet,
) -> Vec<(usize, usize)> {
    let mut first_page = vec![None; articles];
    for (n, placed) in pages.iter().enumerate() {
        for pl in placed {
            first_page[paras[pl.block].article].get_or_insert(n);
        }
    }
    let mut links: Vec<(usize, usize)> = Vec::new();
    for (b, para) in paras.iter().enumerate() {
        if let Some(page) = para
            .target
            .and_then(|a| first_page.get(a).copied().flatten())
        {
            let size = blocks[b].size;
            blocks[b].tab = Some(items(
                &(page + 1).to_string(),
                para.style.role,
                size,
                fonts,
                &mut Vec::new(),
            ));
            links.push((b, page));
        }
    }
    if !links.is_empty() {
        // Old page numbers next to new ones would mislead: entries that
        // name no article of this document lose theirs.
        for (b, para) in paras.iter().enumerate() {
            if para.target.is_none() && para.tab.is_some() {
                blocks[b].tab = None;
            }
        }
    }
    links
}

/// The drawn pages, the outline entries found on them, and the page each
/// para starts on.
struct Drawn {
    pages: Vec<printpdf::PdfPage>,
    entries: Vec<outline::Entry>,
    page_of: Vec<usize>,
}

/// Draws every page: running head, folio, lines, boxes, leaders, links.
fn draw_pages(
    paras: &[flow::Para],
    articles: &[flow::ArticleInfo],
    pages: &[Vec<paginate::Placed>],
    blocks: &[SetBlock],
    links: &[(usize, usize)],
    fonts: &mut FontSet,
    g: &Geometry,
) -> Drawn {
    let mut page_of = vec![0usize; blocks.len()];
    let mut entries = Vec::new();
    let mut pdf_pages = Vec::with_capacity(pages.len());
    for (n, placed) in pages.iter().enumerate() {
        for pl in placed.iter().filter(|pl| pl.line == 0) {
            page_of[pl.block] = n;
            if let Some((depth, title)) = &paras[pl.block].outline {
                entries.push(outline::Entry {
                    depth: *depth,
                    title: title.clone(),
                    page: n,
                    y: g.top - pl.top + g.body_size,
                });
            }
        }
        let first = placed.first().map(|pl| pl.block);
        let article = first.map_or(0, |b| paras[b].article);
        let opens_article = first.is_some_and(|b| b == 0 || paras[b - 1].article != article);
        let head = articles
            .get(article)
            .and_then(|a| a.title.clone())
            .filter(|_| !opens_article);
        let head_items = head.map(|t| {
            items(
                &shorten(&t, g.width / (0.75 * g.body_size) - 2.0),
                Role::Body,
                0.75 * g.body_size,
                fonts,
                &mut Vec::new(),
            )
        });
        let folio = items(
            &(n + 1).to_string(),
            Role::Body,
            0.75 * g.body_size,
            fonts,
            &mut Vec::new(),
        );
        let mut ops = draw::furniture(head_items.as_deref(), &folio, fonts, g);
        ops.extend(draw::page_ops(placed, blocks, fonts, g));
        ops.extend(draw::links(placed, blocks, links, g));
        pdf_pages.push(printpdf::PdfPage::new(
            printpdf::Mm(g.page_width * 25.4 / 72.0),
            printpdf::Mm(g.page_height * 25.4 / 72.0),
            ops,
        ));
    }
    Drawn {
        pages: pdf_pages,
        entries,
        page_of,
    }
}

/// Places each missing character (source line, output page) and logs the
/// first few when asked to.
fn report_missing(
    paras: &[flow::Para],
    missing_at: Vec<MissingAt>,
    page_of: &[usize],
    warn: bool,
) -> Vec<MissingGlyph> {
    let missing: Vec<MissingGlyph> = missing_at
        .into_iter()
        .map(|(p, i, ch)| MissingGlyph {
            ch,
            line: paras[p].lines.get(i).copied().unwrap_or(0),
            page: page_of[p] + 1,
        })
        .collect();
    if warn {
        // A text in a script no font covers would print a line per character.
        for m in missing.iter().take(MAX_WARNINGS) {
            log::warn!(
                "pdf: no font has {:?} (U+{:04X}), source line {}, page {}: drawn as an empty box",
                m.ch,
                m.ch as u32,
                m.line,
                m.page
            );
        }
        if missing.len() > MAX_WARNINGS {
            log::warn!(
                "pdf: {} more characters no font has (PdfReport::missing lists them all)",
                missing.len() - MAX_WARNINGS
            );
        }
    }
    missing
}

/// Serialises the drawn pages with printpdf, then finishes the file in
/// lopdf: half-width twins, outline, cover, metadata; compresses and writes.
fn serialise<W: Write>(
    doc: &Document,
    mut out: W,
    paras: &[flow::Para],
    fonts: &FontSet,
    drawn: Drawn,
    options: &PdfOptions,
    g: &Geometry,
) -> Result<()> {
    let mut pdf = printpdf::PdfDocument::new("");
    metadata::info(doc, &mut pdf, options.created);
    fonts.register(&mut pdf, &drawn.pages);
    pdf.with_pages(drawn.pages);
    // printpdf reads the fonts with allsorts, which may panic on a
    // malformed user font: that is an error of the output, not a crash.
    let serialized = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        printpdf::serialize::to_lopdf_doc(
            &pdf,
            &printpdf::PdfSaveOptions::default(),
            &mut Vec::new(),
        )
    }));
    let mut lo = serialized.map_err(|_| Error::Output {
        format: "pdf",
        reason: "printpdf failed to serialize the document (a font it cannot subset?)".into(),
    })?;
    fonts::halve_widths(&mut lo, fonts);
    outline::write(&mut lo, &drawn.entries);
    if let Some(c) = &options.cover {
        cover::insert(&mut lo, c, g.page_width, g.page_height)?;
    }
    metadata::finish(&mut lo, &doc.meta.language, seed(paras));
    lo.compress();
    lo.save_to(&mut out).map_err(|source| Error::Write {
        what: "pdf".into(),
        source,
    })?;
    out.flush().map_err(|source| Error::Write {
        what: "pdf".into(),
        source,
    })
}

fn check(o: &PdfOptions) -> Result<()> {
    let bad = |name: &str, reason: String| {
        Err(Error::InvalidOption {
            name: name.into(),
            reason,
        })
    };
    if !(4.0..=72.0).contains(&o.body_size) {
        return bad(
            "body_size",
            format!("{} points is not between 4 and 72", o.body_size),
        );
    }
    if !(1.0..=4.0).contains(&o.line_spacing) {
        return bad(
            "line_spacing",
            format!(
                "{} is not between 1 and 4 times the type size",
                o.line_spacing
            ),
        );
    }
    let (w, h) = o.page.points();
    if !(w.is_finite() && h.is_finite()) || w < 20.0 * o.body_size || h < 20.0 * o.body_size {
        let mm = |pt: f32| (pt * 25.4 / 72.0).round();
        return bad(
            "page",
            format!(
                "{} × {} mm is too small for {} pt type: it needs room for twenty characters each way",
                mm(w),
                mm(h),
                o.body_size
            ),
        );
    }
    Ok(())
}

/// The type area: a whole number of characters wide (clreq §2.3.3), centred,
/// with a slightly deeper foot margin for the folio.
fn geometry(o: &PdfOptions) -> Geometry {
    let (pw, ph) = o.page.points();
    let size = o.body_size;
    let side = (pw * 0.12).max(36.0);
    let chars = ((pw - 2.0 * side) / size).floor().max(10.0);
    let width = chars * size;
    let top = ph * 0.095 + 1.5 * size;
    let foot = ph * 0.095 + 2.5 * size;
    let pitch = size * o.line_spacing;
    let lines = ((ph - top - foot) / pitch).floor().max(5.0);
    let height = lines * pitch;
    let top_margin = top + ((ph - top - foot) - height) / 2.0;
    Geometry {
        page_width: pw,
        page_height: ph,
        left: (pw - width) / 2.0,
        top: ph - top_margin,
        width,
        height,
        body_size: size,
    }
}

/// Cuts a running head to `max` characters with an ellipsis.
fn shorten(s: &str, max: f32) -> String {
    let max = max.max(4.0) as usize;
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max - 1).chain(['…']).collect()
    }
}

/// A hash of the text, the seed of the file identifier (FNV-1a).
fn seed(paras: &[flow::Para]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in paras {
        for b in p.text.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailers_that_close_an_article_or_a_section_after_its_text_are_tails() {
        // (article, trailer, caption, opens a section, text)
        let marks = |m: &[(usize, bool, bool, bool, bool)]| -> Vec<Mark> {
            m.iter()
                .map(|&(article, trailer, caption, opens_section, text)| Mark {
                    article,
                    trailer,
                    caption,
                    opens_section,
                    text,
                })
                .collect()
        };
        let title = (0, false, false, true, false);
        let heading = (0, false, false, true, false);
        let text = (0, false, false, false, true);
        let byline = (0, true, false, false, false);
        let caption = (0, true, true, false, false);
        // Title, byline over the text: no tail; the bylines closing the
        // first section before the next heading, and the article's last, are.
        let got = tails(&marks(&[
            title, byline, heading, text, byline, byline, heading, text, byline,
        ]));
        assert_eq!(
            got,
            [false, false, false, false, true, true, false, false, true]
        );
        // A byline before the captions that close a section keeps with the
        // text; the captions float, unless they end the article.
        let got = tails(&marks(&[
            title, text, byline, caption, caption, heading, text, caption,
        ]));
        assert_eq!(got, [false, false, true, false, false, false, false, true]);
        // A trailer before a heading with no text above it in its article
        // opens the article, and stays free.
        let got = tails(&marks(&[
            title,
            byline,
            heading,
            text,
            (1, true, false, false, false),
        ]));
        assert_eq!(got, [false, false, false, false, true]);
    }
}
