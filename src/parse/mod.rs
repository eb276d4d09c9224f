//! The reader: raw text in, [`Document`] out, through small stages in
//! data-flow order: decode → lines → cues → column widths → furniture →
//! units → classify → conventions → paragraphs → assemble → jumps → meta →
//! profile.

mod assemble;
mod classify;
mod conventions;
mod cues;
mod decode;
mod furniture;
mod join;
mod jumps;
mod lines;
mod meta;
mod paragraphs;
mod profile;
mod types;
mod units;
mod width;

use crate::model::{Document, SourceInfo, Warning};
use crate::{Options, Result};
use std::sync::Arc;

pub use decode::{Decoded, decode};
#[cfg(any(feature = "epub", feature = "html"))]
pub(crate) use meta::detect_language;

/// Parses text into a document.
///
/// ```
/// let doc = reprint::parse("题目\n\n正文第一行，\n第二行。\n", &reprint::Options::default())?;
/// assert_eq!(doc.articles[0].title().as_deref(), Some("题目"));
/// # Ok::<(), reprint::Error>(())
/// ```
pub fn parse(text: &str, options: &Options) -> Result<Document> {
    let what = options.file_name.as_deref().unwrap_or("input");
    let mut doc = build(&shared(text, what)?, options);
    doc.source.encoding = "UTF-8".into();
    Ok(doc)
}

/// Parses bytes, detecting the encoding (BOM, UTF-8, UTF-16, GB18030) unless
/// `options.encoding` names one; the document records which was used.
///
/// ```
/// let (gbk, _, _) = encoding_rs::GB18030.encode("标题\n\n正文。\n");
/// let doc = reprint::parse_bytes(&gbk, &reprint::Options::default())?;
/// assert_eq!(doc.source.encoding, "GB18030");
/// # Ok::<(), reprint::Error>(())
/// ```
pub fn parse_bytes(bytes: &[u8], options: &Options) -> Result<Document> {
    let (text, encoding, lossy) = source_of(bytes, options)?;
    Ok(finish(
        build(&text, options),
        &text,
        encoding,
        lossy,
        bytes.len(),
    ))
}

/// The bytes decoded into the text the model's spans share, with the
/// encoding used and whether bytes invalid in it were replaced.
fn source_of(bytes: &[u8], options: &Options) -> Result<(Arc<str>, &'static str, bool)> {
    let what = options.file_name.as_deref().unwrap_or("input");
    let (text, encoding, lossy) =
        decode::decode_in_place(bytes, options.encoding.as_deref(), what)?;
    Ok((shared(&text, what)?, encoding, lossy))
}

/// The model of decoded text and what decoding found.
fn finish(mut doc: Document, text: &str, encoding: &str, lossy: bool, byte_len: usize) -> Document {
    doc.source.encoding = encoding.to_string();
    doc.source.byte_len = byte_len as u64;
    if lossy {
        // The first U+FFFD is the first replacement, unless the text had its own before it.
        let first = text
            .find('\u{FFFD}')
            .map_or(0, |at| text[..at].matches('\n').count() as u32 + 1);
        let message =
            format!("bytes invalid in {encoding} were replaced by U+FFFD, first on line {first}");
        doc.warnings.insert(
            0,
            Warning {
                line: first,
                message,
            },
        );
    }
    doc
}

/// The text as the spans of the model share it. Offsets into it are kept
/// in 32 bits, which makes each span 40 bytes instead of 56.
fn shared(text: &str, what: &str) -> Result<Arc<str>> {
    if u32::try_from(text.len()).is_err() {
        return Err(crate::Error::TooLarge {
            what: what.to_string(),
            bytes: text.len() as u64,
        });
    }
    Ok(Arc::from(text))
}

/// Reads and parses a file: [`parse_bytes`] with the file's name recorded in
/// the document (and in error messages) unless `options` already names one.
///
/// ```no_run
/// let doc = reprint::parse_file("fixtures/seeds/004_4e3ec80c6fe38783.txt", &reprint::Options::default())?;
/// println!("{} articles", doc.articles.len());
/// # Ok::<(), reprint::Error>(())
/// ```
pub fn parse_file(path: impl AsRef<std::path::Path>, options: &Options) -> Result<Document> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| crate::Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let named;
    let options = if options.file_name.is_some() {
        options
    } else {
        named = options.clone().with_file_name(
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        &named
    };
    let (text, encoding, lossy) = source_of(&bytes, options)?;
    // The file's bytes go before the text is parsed: the model shares the
    // decoded copy, so a file costs its size once, not twice.
    let byte_len = bytes.len();
    drop(bytes);
    Ok(finish(
        build(&text, options),
        &text,
        encoding,
        lossy,
        byte_len,
    ))
}

/// What the stages before grouping learn of each line: the lines, their
/// cues (the user's patterns first), column widths, furniture, and the
/// lines that stand alone. [`build`] and [`debug_lines`] share it.
struct Early<'a> {
    lines: Vec<lines::Line<'a>>,
    cue_of: Vec<cues::Cue>,
    widths: Vec<f32>,
    furniture: Vec<Option<furniture::Furniture>>,
    is_furniture: Vec<bool>,
    desc: Vec<bool>,
    alone: Vec<bool>,
    double_spaced: bool,
    jump_marks: jumps::Marks,
}

fn early<'a>(text: &'a str, options: &Options) -> Early<'a> {
    let lines = lines::split(text);
    // Jump marks are noted in the same pass as the cues, while each line is
    // at hand.
    let mut jump_marks = jumps::Marks::default();
    let cue_of: Vec<cues::Cue> = lines
        .iter()
        .map(|l| {
            if l.is_blank() {
                return cues::Cue::None;
            }
            jump_marks.note(l);
            user_cue(l, options).unwrap_or_else(|| cues::cue(l))
        })
        .collect();
    let widths = width::column_widths(&lines, options.column_width);
    let furniture = furniture::find(&lines, &cue_of);
    let cue_of = furniture::settle(cue_of, &furniture);
    let is_furniture: Vec<bool> = furniture.iter().map(Option::is_some).collect();
    let desc = units::caption_descriptions(&lines, &cue_of, &is_furniture);
    let alone: Vec<bool> = is_furniture
        .iter()
        .zip(&desc)
        .map(|(f, d)| *f || *d)
        .collect();
    let double_spaced = units::double_spaced(&lines);
    Early {
        lines,
        cue_of,
        widths,
        furniture,
        is_furniture,
        desc,
        alone,
        double_spaced,
        jump_marks,
    }
}

impl<'a> Early<'a> {
    fn shape(&self) -> types::Shape<'_, 'a> {
        types::Shape {
            lines: &self.lines,
            cues: &self.cue_of,
            widths: &self.widths,
            alone: &self.alone,
            double_spaced: self.double_spaced,
        }
    }

    /// The stages from grouping to the document's conventions: the items
    /// with their kinds, and whether the text is a collection of articles.
    fn classified(&self) -> (Vec<types::Item>, bool) {
        let shape = self.shape();
        let units = units::group(&shape);
        let mut items = classify::classify(&shape, units, &self.is_furniture, &self.desc);
        let collection = conventions::settle(&shape, &mut items);
        (items, collection)
    }
}

fn build(source: &Arc<str>, options: &Options) -> Document {
    let text: &str = source;
    let early = early(text, options);
    let (items, collection) = early.classified();
    let items = paragraphs::rejoin(&early.shape(), items);
    let column_width = profile::column_width(&early.lines, &early.widths);
    let double_spaced = early.double_spaced;
    // What only the stages before needed goes before the model is built,
    // when memory is at its peak.
    let Early {
        lines,
        cue_of,
        widths,
        furniture,
        is_furniture,
        desc,
        alone,
        jump_marks,
        ..
    } = early;
    drop((cue_of, widths, is_furniture, desc, alone));
    let mut warnings = Vec::new();
    let parts = assemble::Parts {
        lines: &lines,
        furniture: &furniture,
        keep_furniture: options.keep_furniture,
        source,
        collection,
        double_spaced,
    };
    let mut headings = Vec::new();
    let mut articles = assemble::articles(&parts, items, &mut warnings, &mut headings);
    jumps::follow(&mut articles, &jump_marks);
    let meta = meta::gather(&articles, text, options.language.as_deref(), collection);
    let profile = profile::of(&lines, &furniture, collection, &headings, column_width);
    Document {
        meta,
        source: SourceInfo {
            file_name: options.file_name.clone(),
            encoding: String::new(),
            line_count: lines.len() as u32,
            byte_len: text.len() as u64,
        },
        articles,
        warnings,
        profile,
    }
}

/// The cue the user's own patterns give a line: they win over the built-in rules.
fn user_cue(l: &lines::Line<'_>, options: &Options) -> Option<cues::Cue> {
    if let Some((_, level)) = options
        .heading_patterns
        .iter()
        .find(|(re, _)| re.is_match(l.text))
    {
        // A markdown heading without markup: level 1 is an article title.
        return Some(cues::Cue::Markdown {
            hashes: (*level).clamp(1, 6),
            lead: 0,
        });
    }
    if options
        .caption_patterns
        .iter()
        .any(|re| re.is_match(l.text))
    {
        return Some(cues::Cue::Caption);
    }
    if options.credit_patterns.iter().any(|re| re.is_match(l.text)) {
        return Some(cues::Cue::Credit);
    }
    None
}

/// One line per source line with what the stages saw (width, column
/// width, cue, unit, kind), the user's patterns in `options` applied: for
/// developers tuning the parser (`cargo run --example debug_lines`).
#[cfg(feature = "eval")]
pub fn debug_lines(text: &str, options: &Options) -> String {
    use std::fmt::Write;
    let early = early(text, options);
    let mut unit_of = vec![0; early.lines.len()];
    for (k, u) in units::group(&early.shape()).iter().enumerate() {
        for &i in &u.lines {
            unit_of[i] = k;
        }
    }
    let mut kind_of = vec![None; early.lines.len()];
    for it in early.classified().0 {
        for &i in &it.lines {
            kind_of[i] = Some(it.kind);
        }
    }
    let mut s = String::new();
    for (i, l) in early.lines.iter().enumerate() {
        if !l.is_blank() {
            let kind = kind_of[i].map_or(String::new(), |k| format!("{k:?}"));
            let _ = writeln!(
                s,
                "{:5} u{:<4} w={:5.1} W={:5.1} {:?} {kind} |{}",
                l.n, unit_of[i], l.width, early.widths[i], early.cue_of[i], l.text
            );
        }
    }
    s
}
