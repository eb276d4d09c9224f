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
mod units;
mod width;

use crate::layout::ranges;
use crate::model::{Block, BlockKind, Document, Inline, SourceInfo, Warning};
use crate::{Options, Result};
use std::sync::Arc;

pub use decode::{Decoded, decode};
pub use lines::{char_width, is_cjk, is_space, is_wide};

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

fn build(source: &Arc<str>, options: &Options) -> Document {
    let text: &str = source;
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
    let desc = classify::caption_descriptions(&lines, &cue_of, &is_furniture);
    let alone: Vec<bool> = is_furniture
        .iter()
        .zip(&desc)
        .map(|(f, d)| *f || *d)
        .collect();
    let shape = units::Shape {
        lines: &lines,
        cues: &cue_of,
        widths: &widths,
        alone: &alone,
        double_spaced: units::double_spaced(&lines),
    };
    let units = units::group(&shape);
    let double_spaced = shape.double_spaced;
    let (items, collection) = classify::classify(&shape, units, &is_furniture, &desc);
    let items = paragraphs::rejoin(&shape, items);
    // What only the stages before needed goes before the model is built,
    // when memory is at its peak.
    let column_width = profile::column_width(&lines, &widths);
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

/// Makes a block, computing its line ranges from its content.
pub(crate) fn block(kind: BlockKind, content: Vec<Inline>) -> Block {
    let ls = content.iter().filter_map(|i| {
        if let Inline::Span(s) = i {
            Some(s.line)
        } else {
            None
        }
    });
    // The spans are nearly always in line order already: sorted (in a list
    // of their own) only when they are not.
    let lines = if ls.clone().is_sorted() {
        ranges(ls)
    } else {
        let mut ls: Vec<u32> = ls.collect();
        ls.sort_unstable();
        ranges(ls)
    };
    Block {
        kind,
        lines,
        content,
        confidence: 1.0,
    }
}

/// One line per source line with what the stages saw (width, column width,
/// cue, furniture): for developers tuning the parser.
#[doc(hidden)]
pub fn debug_lines(text: &str) -> String {
    use std::fmt::Write;
    let lines = lines::split(text);
    let cue_of: Vec<cues::Cue> = lines
        .iter()
        .map(|l| {
            if l.is_blank() {
                cues::Cue::None
            } else {
                cues::cue(l)
            }
        })
        .collect();
    let widths = width::column_widths(&lines, None);
    let found = furniture::find(&lines, &cue_of);
    let cue_of = furniture::settle(cue_of, &found);
    let furniture: Vec<bool> = found.iter().map(Option::is_some).collect();
    let desc = classify::caption_descriptions(&lines, &cue_of, &furniture);
    let alone: Vec<bool> = furniture.iter().zip(&desc).map(|(f, d)| *f || *d).collect();
    let shape = units::Shape {
        lines: &lines,
        cues: &cue_of,
        widths: &widths,
        alone: &alone,
        double_spaced: units::double_spaced(&lines),
    };
    let mut unit_of = vec![0; lines.len()];
    let units = units::group(&shape);
    for (k, u) in units.iter().enumerate() {
        for &i in &u.lines {
            unit_of[i] = k;
        }
    }
    let mut kind_of = vec![None; lines.len()];
    for it in classify::classify(&shape, units, &furniture, &desc).0 {
        for &i in &it.lines {
            kind_of[i] = Some(it.kind);
        }
    }
    let mut s = String::new();
    for (i, l) in lines.iter().enumerate() {
        if !l.is_blank() {
            let kind = kind_of[i].map_or(String::new(), |k| format!("{k:?}"));
            let _ = writeln!(
                s,
                "{:5} u{:<4} w={:5.1} W={:5.1} {:?} {kind} |{}",
                l.n, unit_of[i], l.width, widths[i], cue_of[i], l.text
            );
        }
    }
    s
}
