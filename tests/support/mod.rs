//! What the integration tests share: documents built by hand on
//! `Block::new` (which derives a block's lines from its spans, as the
//! parser does), one argument order (line, then text), and one random
//! number generator. Each test crate that needs them declares `mod support;`;
//! the per-writer helpers (`*_support`) build on it.
#![allow(dead_code)]

use reprint::model::*;

/// A span of `text` on source line `line`.
pub fn span(line: u32, text: &str) -> Inline {
    Inline::Span(Span::new(line, text))
}

/// A page number printed on line `line`, as a milestone inside a block.
pub fn page(line: u32, number: &str) -> Inline {
    Inline::Milestone(Box::new(Milestone {
        kind: FurnitureKind::PageNumber {
            number: number.into(),
        },
        span: Span::new(line, number),
    }))
}

/// A block of `kind` made of `content`: `Block::new`.
pub fn block(kind: BlockKind, content: Vec<Inline>) -> Block {
    Block::new(kind, content)
}

/// A paragraph of one line.
pub fn para(line: u32, text: &str) -> Block {
    block(BlockKind::Paragraph, vec![span(line, text)])
}

/// An article of `blocks`.
pub fn article(blocks: Vec<Block>) -> Article {
    Article {
        kind: ArticleKind::Article,
        blocks,
    }
}

/// A linear congruential generator: random documents that are the same on
/// every run, without a dependency.
pub struct Lcg(pub u64);

impl Lcg {
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A full-width punctuation mark folded to the ASCII the source had: the
/// writers for readers set OCR's ASCII punctuation between CJK characters
/// full-width, and a comparison with the source must count it as kept.
pub fn fold_full_width(c: char) -> char {
    match c {
        '，' => ',',
        '；' => ';',
        '：' => ':',
        '？' => '?',
        '！' => '!',
        '（' => '(',
        '）' => ')',
        c => c,
    }
}

/// Whether XML 1.0 can carry the character.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}
