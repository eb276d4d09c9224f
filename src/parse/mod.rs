//! The reader: raw text in, [`Document`] out, through small stages in data-flow order.

mod decode;
mod lines;

use crate::layout::ranges;
use crate::model::{Article, Block, BlockKind, Document, Inline, SourceInfo};
use crate::{Options, Result};

pub use decode::decode;
pub use lines::{Line, char_width, is_cjk, is_space, is_wide};

/// Parses text into a document.
///
/// ```
/// let doc = reprint::parse("题目\n\n正文第一行，\n第二行。\n", &reprint::Options::default())?;
/// assert!(!doc.articles.is_empty());
/// # Ok::<(), reprint::Error>(())
/// ```
pub fn parse(text: &str, options: &Options) -> Result<Document> {
    let mut doc = build(text, options);
    doc.source.encoding = "UTF-8".into();
    Ok(doc)
}

/// Parses bytes, detecting the encoding (BOM, UTF-8, UTF-16, GB18030) unless
/// `options.encoding` names one; the document records which was used.
pub fn parse_bytes(bytes: &[u8], options: &Options) -> Result<Document> {
    let what = options.file_name.as_deref().unwrap_or("input");
    let d = decode(bytes, options.encoding.as_deref(), what)?;
    let mut doc = build(&d.text, options);
    doc.source.encoding = d.encoding.to_string();
    doc.source.byte_len = bytes.len() as u64;
    if d.lossy {
        doc.warnings.insert(0, crate::model::Warning { line: 0, message: format!("bytes invalid in {} were replaced by U+FFFD", d.encoding) });
    }
    Ok(doc)
}

fn build(text: &str, options: &Options) -> Document {
    let lines = lines::split(text);
    let mut blocks = Vec::new();
    let mut cur: Vec<Inline> = Vec::new();
    for l in &lines {
        if l.is_blank() {
            if !cur.is_empty() {
                blocks.push(block(BlockKind::Paragraph, std::mem::take(&mut cur)));
            }
        } else {
            cur.push(Inline::Span(l.span()));
        }
    }
    if !cur.is_empty() {
        blocks.push(block(BlockKind::Paragraph, cur));
    }
    Document {
        meta: crate::model::Metadata { language: options.language.clone().unwrap_or_else(|| "zh-CN".into()), ..Default::default() },
        source: SourceInfo { file_name: options.file_name.clone(), encoding: String::new(), line_count: lines.len() as u32, byte_len: text.len() as u64 },
        articles: vec![Article { kind: Default::default(), blocks }],
        warnings: Vec::new(),
    }
}

/// Makes a block, computing its line ranges from its content.
pub(crate) fn block(kind: BlockKind, content: Vec<Inline>) -> Block {
    let mut ls: Vec<u32> = content.iter().filter_map(|i| if let Inline::Span(s) = i { Some(s.line) } else { None }).collect();
    ls.sort_unstable();
    Block { kind, lines: ranges(ls), content, confidence: 1.0 }
}
