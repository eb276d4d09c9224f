//! Character classes, each in one place and named for what it is used
//! to tell. They differ on purpose: the parser measures a line in ems
//! ([`is_wide`]) and asks whether a character is of a CJK block
//! ([`is_cjk`]); the writers for readers drop the spaces between
//! characters set solid ([`is_set_solid`], [`is_cjk_text`]); the PDF
//! writer sets characters on the em grid ([`is_em_grid`]).
// Each writer (a feature) asks some of them.
#![cfg_attr(
    not(all(
        feature = "pdf",
        feature = "epub",
        feature = "html",
        feature = "markdown"
    )),
    allow(dead_code)
)]

// The parser's.

/// Width of a character in ems: CJK and full-width forms are 1, others 1/2.
pub(crate) fn char_width(c: char) -> f32 {
    if is_wide(c) { 1.0 } else { 0.5 }
}

/// Whether a character is set full-width in Chinese print.
pub(crate) fn is_wide(c: char) -> bool {
    let u = c as u32;
    // The common cases first: this runs on every character.
    if (0x4E00..=0x9FFF).contains(&u) {
        return true;
    }
    if u < 0x80 {
        return false;
    }
    matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '—'
                | '…'
                | '·'
                | '□'
                | '■'
                | '●'
                | '○'
                | '※'
                | '★'
                | '☆'
                | '◆'
                | '◇'
                | '▲'
                | '△'
        )
}

/// `char::is_alphabetic` (a letter, Han included), with ASCII and common
/// CJK punctuation answered without the slow table search it makes beyond
/// Latin: it runs on every character of many lines.
pub(crate) fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x3400..=0x4DBF | 0x4E00..=0x9FFF => true,
        0x3000..=0x3004 | 0x3008..=0x3020 | 0xFF01..=0xFF20 => false,
        _ => c.is_alphabetic(),
    }
}

/// Whether a character is Chinese, Japanese or Korean (ideographs, kana,
/// hangul, CJK and full-width punctuation).
pub(crate) fn is_cjk(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFD)
}

/// White space as `score.py` (Python's `str.isspace`) sees it, so that the
/// same lines count as blank here and there.
pub(crate) fn is_space(c: char) -> bool {
    is_white(c) || ('\x1c'..='\x1f').contains(&c)
}

/// `char::is_whitespace`, without its table search for the characters past
/// U+3000, none of them white space: Chinese text is made of them.
pub(crate) fn is_white(c: char) -> bool {
    (c as u32) <= 0x3000 && c.is_whitespace()
}

// The writers' for readers (EPUB, HTML, Markdown).

/// Han ideographs and kana: the characters set without spaces between
/// them (the writers for readers drop a space between two of them).
pub(crate) fn is_set_solid(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' |
        '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}' | '\u{3005}' | '\u{3007}')
}

/// Han, kana and the punctuation Chinese text uses (full-width forms, CJK
/// brackets, curly quotes, dashes, ellipsis, middle dot).
pub(crate) fn is_cjk_text(c: char) -> bool {
    is_set_solid(c)
        || matches!(c,
            '\u{3001}'..='\u{303F}' | '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}' |
            '\u{2014}' | '\u{2015}' | '\u{2018}'..='\u{201D}' | '\u{2026}' | '\u{00B7}' | '\u{2027}')
}

/// White space as the writers for readers tidy it: Unicode white space,
/// the ideographic space and a byte order mark left inside the text.
pub(crate) fn is_reading_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}'
}

// The PDF writer's.

/// Ideographs, kana, and full-width punctuation: text that is set on the em grid.
pub(crate) fn is_em_grid(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F | 0x3190..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0x20000..=0x3FFFF)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}
