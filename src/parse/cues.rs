//! What a single line says about itself, from its own characters
//! only: numbering, markers, the shapes of notes, credits, contents lines,
//! mastheads and page furniture. Later stages weigh these cues against the
//! line's neighbours.

use super::lines::{Line, is_white, mark};
use crate::model::NoteKind;

/// Styles of section numbering in Chinese (and Latin) documents, in the
/// order they nest: 一、 > （一） > 1. > （1）.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Numbering {
    /// 第一编, 第一部分, 第 3 章, 附录 B.: the divisions of a book.
    Chapter,
    /// 第一节
    Section,
    /// 一、 二、
    Han,
    /// （一） (一)
    ParenHan,
    /// 1. 1． 1、
    Arabic,
    /// 3.1. 3.3.1.1 B.2.: a decimal number of this many parts, each part
    /// one level deeper; of one part, a chapter's number set apart from its
    /// title by a wide space (1     模板介绍).
    Decimal(u8),
    /// （1） (1) 1)
    ParenArabic,
}

/// The most parts a decimal section number has (1.2.3.4.5.6).
const DECIMAL_DEPTH: usize = 6;

/// The cue a line gives by itself. Byte offsets are `u32`, which makes a
/// cue 8 bytes, not 16: there is one for every line of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Nothing special: running text or a display line to be judged by context.
    None,
    /// A markdown heading: the number of `#`; `lead` is the markup.
    Markdown { hashes: u8, lead: u32 },
    /// A numbered line; `rest` is the byte offset where the text after the number starts.
    Numbered { style: Numbering, rest: u32 },
    /// A bullet list item (`- `, `• `); `lead` is the marker's byte length.
    Bullet { lead: u32 },
    /// A dash list item (——提升…), the dash kept in the text.
    Dash,
    /// A photo credit (□新华社记者 燕 雁/摄, …供图).
    Credit,
    /// A caption whose credit stands at its end (…驶出。 □张健霆/摄).
    CaptionWithCredit,
    /// A caption line: a table's or figure's (表 3.1. …, 图 2: …, Figure 2.),
    /// or one named by the user's caption patterns.
    Caption,
    /// The label of an admonition set apart from the text (注意, 警告, Note).
    Label,
    /// A whole-line editorial note.
    Note(NoteKind),
    /// A line of a table of contents (04 高端时论).
    Toc,
    /// A masthead or colophon line (ISSN, 总第344期, 主管, 定价).
    Front,
    /// A page number standing alone.
    PageNumber,
    /// A barcode, "scan the code" prompt and the like.
    Junk,
}

/// Sentence-final punctuation: a line ending with one of these may end a paragraph.
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '：' | '…' | '.' | '!' | '?' | ';' | ':' | '．'
    )
}

/// Closing quotes and brackets that may follow sentence-final punctuation.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'' | '】' | ']' | '〕'
    )
}

/// Whether the text ends a sentence: final punctuation, possibly followed by closing quotes.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(is_closing);
    t.chars().next_back().is_some_and(is_terminal)
}

/// Whether a text is markup or a program's line by its syntax (`\\fi`,
/// `\\begin{center}`, `footskip=6mm`): never a page's head.
pub fn markup(t: &str) -> bool {
    t.contains(['{', '}', '\\', '='])
}

/// Whether a text is a back-of-book index entry: a term, then its pages
/// after a comma (`array 宏包, 28`, `kinematics, 46, 48`).
pub fn index_entry(t: &str) -> bool {
    let t = t.trim_end();
    let pages = t
        .rsplit(',')
        .take_while(|p| {
            let p = p.trim();
            !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        })
        .count();
    pages > 0 && t.split(',').count() > pages
}

/// Whether a text reads as program code or markup, a path or an address,
/// never a title.
/// (`BOOT_DEBUG=2`, a term a manual sets as a heading, is not.)
pub fn code_like(t: &str) -> bool {
    // A comment or a number sign set solid (#d-i netcfg/…, #5 logical),
    // where a Markdown heading has a space after its hashes.
    let hashed = t
        .strip_prefix('#')
        .is_some_and(|r| r.starts_with(|c: char| c != '#' && !c.is_whitespace()));
    // A command with an option (uname -r, latexmk -xelatex main), or a
    // key and value in a list of them (afterindent=true,).
    let command = t.starts_with(|c: char| c.is_ascii_lowercase())
        && t.is_ascii()
        && t.split_whitespace().skip(1).any(|w| {
            w.starts_with('-') && w[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '-')
        });
    let setting = t.contains('=') && t.ends_with(',');
    // A TeX or PostScript comment (% 建议始终加 --admin 参数使用).
    let comment = t.starts_with('%');
    hashed
        || comment
        || command
        || setting
        || t.contains(['{', '}', '\\', ';', '<', '>', '$'])
        || t.matches('/').count() > 1
        || t.contains(":/")
}

/// Whether the text ends with any punctuation a heading would not end with
/// (sentence-final, or a comma: the text runs on).
pub fn ends_open(text: &str) -> bool {
    let t = text.trim_end_matches(is_closing);
    t.chars()
        .next_back()
        .is_some_and(|c| is_terminal(c) || matches!(c, '，' | '、' | ',' | '—'))
}

fn is_han_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零' | '百'
    )
}

/// Reads a numbering prefix; returns its style and the byte length it takes (with following spaces).
pub fn numbering(text: &str) -> Option<(Numbering, usize)> {
    let mut chars = text.char_indices().peekable();
    let (_, first) = *chars.peek()?;
    let skip_spaces = |s: &str, at: usize| {
        at + (s[at..].len() - s[at..].trim_start_matches([' ', '\u{3000}', '\t']).len())
    };
    if matches!(first, '（' | '(') {
        chars.next();
        let mut end = None;
        let mut han = 0;
        let mut dig = 0;
        for (i, c) in chars.by_ref() {
            if is_han_digit(c) {
                han += 1;
            } else if c.is_ascii_digit() {
                dig += 1;
            } else if matches!(c, '）' | ')') {
                end = Some(i + c.len_utf8());
                break;
            } else {
                break;
            }
            if han + dig > 4 {
                break;
            }
        }
        let end = end?;
        if end >= text.len() {
            return None;
        }
        return match (han, dig) {
            (h, 0) if h > 0 => Some((Numbering::ParenHan, skip_spaces(text, end))),
            (0, d) if d > 0 => Some((Numbering::ParenArabic, skip_spaces(text, end))),
            _ => None,
        };
    }
    if first == '第' {
        // 第一章 / 第 3 章 / 第一部分 / 第一节: a number and a unit, spaces between allowed.
        let rest = text['第'.len_utf8()..].trim_start_matches([' ', '\u{3000}']);
        let digits: usize = rest
            .chars()
            .take_while(|&c| is_han_digit(c) || c.is_ascii_digit())
            .map(char::len_utf8)
            .sum();
        if digits == 0 {
            return None;
        }
        let unit = rest[digits..].trim_start_matches([' ', '\u{3000}']);
        let (style, len) = if unit.starts_with("部分") {
            (Numbering::Chapter, "部分".len())
        } else if unit.starts_with(['章', '编', '篇', '卷']) {
            (Numbering::Chapter, '章'.len_utf8())
        } else if unit.starts_with('节') {
            (Numbering::Section, '节'.len_utf8())
        } else {
            return None;
        };
        let at = text.len() - unit.len() + len;
        return Some((style, skip_spaces(text, at)));
    }
    if let Some(at) = latin_chapter(text) {
        return Some((Numbering::Chapter, skip_spaces(text, at)));
    }
    if let Some(at) = appendix(text) {
        return Some((Numbering::Chapter, skip_spaces(text, at)));
    }
    if let Some((depth, at)) = decimal(text) {
        // 3.9 GB, 1.5 倍: a quantity, a table's cell, not a section.
        if unit_alone(&text[at..]) {
            return None;
        }
        return Some((Numbering::Decimal(depth), skip_spaces(text, at)));
    }
    // A part's or an appendix's letter set apart from its title by a wide
    // space, as pdftotext -layout prints LaTeX's (A     关于 FAQ); a
    // contents line ends in its page number.
    if first.is_ascii_uppercase()
        && text[1..].starts_with("  ")
        && !text.trim_end().ends_with(|c: char| c.is_ascii_digit())
        && text[1..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(super::lines::is_cjk)
    {
        return Some((Numbering::Chapter, skip_spaces(text, 1)));
    }
    if is_han_digit(first) {
        let n = text.chars().take_while(|&c| is_han_digit(c)).count();
        let at: usize = text.chars().take(n).map(char::len_utf8).sum();
        if n <= 3 && text[at..].starts_with('、') {
            return Some((Numbering::Han, skip_spaces(text, at + '、'.len_utf8())));
        }
        return None;
    }
    if first.is_ascii_digit() {
        let n = text.bytes().take_while(u8::is_ascii_digit).count();
        if n > 2 {
            return None;
        }
        let after = &text[n..];
        let mut it = after.chars();
        let sep = it.next()?;
        let next = it.next();
        let style = match sep {
            '.' | '．' | '、' if !next.is_some_and(|c| c.is_ascii_digit()) && next.is_some() => {
                Numbering::Arabic
            }
            ')' | '）' if next.is_some() => Numbering::ParenArabic,
            // A chapter's number set apart from its title by a wide space,
            // as pdftotext -layout prints LaTeX's (1     模板介绍); a
            // contents line ends in its page number.
            ' ' if after.starts_with("  ")
                && !text.trim_end().ends_with(|c: char| c.is_ascii_digit())
                && text[n..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(super::lines::is_letter) =>
            {
                return Some((Numbering::Decimal(1), skip_spaces(text, n)));
            }
            _ => return None,
        };
        return Some((style, skip_spaces(text, n + sep.len_utf8())));
    }
    None
}

/// Units of measure that follow a number in a table's cell or a spec.
const UNITS: [&str; 37] = [
    "B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "Hz", "kHz", "MHz", "GHz", "ms", "s",
    "mm", "cm", "m", "km", "kg", "g", "V", "W", "%", "‰", "元", "万", "亿", "万元", "亿元", "倍",
    "米", "公里", "吨", "千克", "公斤", "小时",
];

/// Whether what follows a number is a unit of measure alone.
fn unit_alone(rest: &str) -> bool {
    let rest = rest.trim_matches([' ', '\u{3000}']);
    UNITS.contains(&rest)
}

/// The most digits of a bare number standing for a section or a page (a
/// year of four is neither).
const BARE_NUMBER_DIGITS: usize = 3;

/// Whether a line is a number alone, without its words: a section number
/// (2.5, 5.1.2., Chapter 3, 第 8 章) or a bare number (2, 12), whose words
/// or head stand on another line.
pub fn number_alone(cue: Cue, text: &str) -> bool {
    match cue {
        Cue::Numbered { rest, .. } => rest as usize >= text.len(),
        Cue::None | Cue::PageNumber => {
            (text.len() <= BARE_NUMBER_DIGITS && text.bytes().all(|b| b.is_ascii_digit()))
                || section_sign(text)
                || part_letter(text)
        }
        _ => false,
    }
}

/// A lettered part's or appendix's letter alone (A, B), its words on the
/// next line, as plain pdftotext sets LaTeX's `A 关于 FAQ`.
fn part_letter(text: &str) -> bool {
    text.len() == 1 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// A section's number after a section sign (§1.2, § 3), as books print it
/// in their running heads.
fn section_sign(text: &str) -> bool {
    text.strip_prefix('§').is_some_and(|r| {
        let r = r.trim_start();
        r.starts_with(|c: char| c.is_ascii_digit())
            && r.len() <= 8
            && r.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    })
}

/// The value of the number a numbering prefix starts with (the last part
/// of a decimal one): 3 for 三、, （三）, 3., 3), 1.2.3.; `None` when the
/// text starts with no number.
pub fn number_value(text: &str) -> Option<u32> {
    let t = text.trim_start_matches(['（', '(', '第', ' ', '\u{3000}']);
    let digits: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if let Some(last) = digits
        .trim_end_matches('.')
        .rsplit('.')
        .next()
        .filter(|d| !d.is_empty())
    {
        return last.parse().ok();
    }
    let han: Vec<u32> = t
        .chars()
        .map_while(|c| {
            "〇一二三四五六七八九"
                .find(c)
                .map(|i| (i / 3) as u32)
                .or((c == '十').then_some(10))
        })
        .collect();
    match han.as_slice() {
        [] => None,
        [10] => Some(10),
        [10, d] => Some(10 + d),
        [t, 10] => Some(t * 10),
        [t, 10, d] => Some(t * 10 + d),
        [d] => Some(*d),
        _ => None,
    }
}

/// Labels of admonitions, set on a line of their own over the text they
/// qualify (the Chinese and English words documentation uses).
#[rustfmt::skip]
const LABELS_OF_ASIDES: [&str; 16] = [
    "注意", "提示", "警告", "重要", "小心", "技巧", "注", "备注",
    "Note", "Warning", "Tip", "Important", "Caution", "Hint", "NOTE", "WARNING",
];

/// An admonition's label alone on its line (注意, 警告：, Note:).
fn is_label(t: &str) -> bool {
    let t = t.trim_end_matches([':', '：']).trim();
    t.len() <= 9 && LABELS_OF_ASIDES.contains(&t)
}

/// Footnote markers that open the note at a page's or a chapter's foot.
fn is_footnote(t: &str) -> bool {
    // [1] …, ［1］ …, ①…
    if let Some(rest) = t.strip_prefix(['[', '［']) {
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = &rest[n..];
        // A reference to a note, wrapped to a line's start ([4]，列表…), is followed by punctuation.
        let text = after
            .get(after.chars().next().map_or(0, char::len_utf8)..)
            .unwrap_or("");
        return (1..=3).contains(&n)
            && text.chars().count() > 1
            && text.starts_with(|c: char| c.is_whitespace() || c.is_alphanumeric());
    }
    t.starts_with(|c: char| ('\u{2460}'..='\u{2473}').contains(&c)) && t.chars().count() > 3
}

/// A table's or figure's caption: 表 3.1. 有助于安装的硬件信息, 图 2：…,
/// Figure 2. …, Table 1: …: the word, a number, then a short title with no
/// sentence in it (图 3 显示了… is prose).
fn is_table_or_figure(t: &str, chars: u32) -> bool {
    const LONGEST: u32 = 60;
    if chars > LONGEST {
        return false;
    }
    let Some(rest) = ["表", "图", "Figure", "Table", "Fig.", "Listing", "例"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
    else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    let n = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-'))
        .count();
    if n == 0 || !rest.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let after = &rest[n..];
    let sep = after.is_empty()
        || after.starts_with([' ', '\u{3000}', ':', '：', '.', '．'])
        || (t.starts_with(['表', '图']) && rest[..n].ends_with('.'));
    sep && !after.contains(['。', '，', '；']) && !ends_sentence(after.trim_end_matches('.'))
}

/// A chapter's or part's number in English: Chapter 1, CHAPTER 5., Part II;
/// the byte length it takes.
fn latin_chapter(text: &str) -> Option<usize> {
    let rest = ["Chapter ", "CHAPTER ", "Part ", "PART "]
        .iter()
        .find_map(|w| text.strip_prefix(w))?;
    let n = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'I' | b'V' | b'X'))
        .count();
    let after = &rest[n..];
    (n > 0 && n <= 4 && (after.is_empty() || after.starts_with(['.', ':', ' '])))
        .then(|| text.len() - after.len() + usize::from(after.starts_with(['.', ':'])))
}

/// An appendix's number: 附录 B. / 附录一 / Appendix A; the byte length it takes.
fn appendix(text: &str) -> Option<usize> {
    let rest = text
        .strip_prefix("附录")
        .or_else(|| text.strip_prefix("Appendix "))
        .or_else(|| text.strip_prefix("APPENDIX "))?;
    let body = rest.trim_start_matches([' ', '\u{3000}']);
    let n: usize = body
        .chars()
        .take_while(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || is_han_digit(c))
        .map(char::len_utf8)
        .sum();
    // 附录 alone, or 附录 with a word after it, is a heading without a number.
    if n == 0 || n > 3 {
        return None;
    }
    let after = &body[n..];
    let sep = after.chars().next();
    if sep.is_some_and(|c| {
        !(matches!(c, '.' | '．' | '、' | ':' | '：' | ' ' | '\u{3000}') || super::lines::is_cjk(c))
    }) {
        return None;
    }
    Some(
        text.len() - after.len()
            + sep
                .filter(|c| matches!(c, '.' | '．' | '、' | ':' | '：'))
                .map_or(0, char::len_utf8),
    )
}

/// A decimal section number of two or more parts (3.1. / 3.3.1.1 / B.2.1.):
/// its number of parts and the byte length it takes. The first part may be
/// an appendix's letter. What follows must be a space, the line's end or a
/// Han character: 2.0阶段 or 3.5GB are not section numbers, nor is 192.168.
fn decimal(text: &str) -> Option<(u8, usize)> {
    let b = text.as_bytes();
    let mut at = 0;
    let mut parts = 0;
    loop {
        let start = at;
        if parts == 0 && b.first().is_some_and(u8::is_ascii_uppercase) && b.get(1) == Some(&b'.') {
            at += 1;
        } else {
            while at < b.len() && b[at].is_ascii_digit() {
                at += 1;
            }
        }
        let len = at - start;
        if len == 0 || len > if parts == 0 { 2 } else { 3 } {
            return None;
        }
        parts += 1;
        if b.get(at) == Some(&b'.')
            && b.get(at + 1).is_some_and(|c| c.is_ascii_digit())
            && parts < DECIMAL_DEPTH
        {
            at += 1;
            continue;
        }
        break;
    }
    if parts < 2 {
        return None;
    }
    // After a closing dot the words may follow at once (3.1.安装概述);
    // without one, only after a space (2.1 CTAN, not 2.0阶段).
    let dot = b.get(at) == Some(&b'.');
    if dot {
        at += 1;
    }
    let next = text[at..].chars().next();
    next.is_none_or(|c| {
        c == ' ' || c == '\u{3000}' || c == '\t' || (dot && super::lines::is_cjk(c))
    })
    .then_some((parts as u8, at))
}

/// Whether the line (of `chars` characters, with `marks`) is a photo credit by itself.
fn is_credit(t: &str, chars: u32, marks: u8) -> bool {
    // A sentence in the line: 。！？
    if chars > 40 || marks & (mark::FULL_STOP | mark::EXCLAIM) != 0 {
        return false;
    }
    let body = t.trim_start_matches(['□', '■', '△', '▲', '◎']);
    (t.starts_with(['□', '■']) && (body.ends_with("摄") || body.contains('/')))
        || ((body.ends_with("/摄") || body.ends_with("／摄") || body.ends_with(" 摄"))
            && chars <= 30)
        || (body.ends_with("供图") && chars <= 30)
        || (chars <= 20 && {
            let inner = body.trim_matches(['（', '）', '(', ')']);
            ["资料图", "资料图片", "资料照片", "新华社发", "新华社记者摄"]
                .iter()
                .any(|w| inner.ends_with(w))
        })
        || body.starts_with("摄影") && chars <= 20
        || body.starts_with("图/")
        || body.starts_with("图／")
        || body.starts_with("图：") && chars <= 20
}

/// A caption that ends with its own credit (…驶出。 □张健霆/摄).
fn ends_with_credit(t: &str) -> bool {
    // Every credit ends so: other lines are done with at once.
    if !(t.ends_with('摄') || t.ends_with("供图")) {
        return false;
    }
    match t.rfind(['□', '■']) {
        Some(i) if i > 0 => {
            let credit = &t[i..];
            credit.chars().count() <= 20
                && (credit.ends_with("/摄") || credit.ends_with("摄") || credit.ends_with("供图"))
        }
        _ => {
            (t.ends_with("/摄") || t.ends_with("供图"))
                && t.contains(' ')
                && t.chars().count() <= 60
        }
    }
}

fn inner(t: &str) -> Option<&str> {
    let open = t.chars().next()?;
    let close = t.chars().next_back()?;
    let pairs = [
        ('（', '）'),
        ('(', ')'),
        ('[', ']'),
        ('【', '】'),
        ('〔', '〕'),
        ('(', '）'),
        ('（', ')'),
        ('「', '」'),
    ];
    if pairs.contains(&(open, close)) && t.len() > open.len_utf8() + close.len_utf8() {
        Some(&t[open.len_utf8()..t.len() - close.len_utf8()])
    } else {
        None
    }
}

fn is_date(t: &str) -> bool {
    // （2025 年 1 月 17 日）, 3月6日, 二〇二五年一月八日: at most 16
    // characters besides white space, all digits or date words, one a 日.
    // One pass that stops at the first other character: this runs on every line.
    let (mut n, mut day) = (0, false);
    for c in t.chars().filter(|&c| !is_white(c)) {
        n += 1;
        day |= c == '日';
        if n > 16
            || !(c.is_ascii_digit() || is_han_digit(c) || matches!(c, '年' | '月' | '日' | '〇'))
        {
            return false;
        }
    }
    day
}

/// Recognises a whole line (or the start of a wrapped one) as an editorial note.
pub fn note_kind(t: &str) -> Option<NoteKind> {
    note_kind_of(t, t.chars().count(), t.contains(['[', '【']))
}

/// The most characters of a note that is a name or a date alone: a
/// source's name (人民日报), a credit (…整理), a date. Longer, it is a
/// sentence that happens to end in the same words.
const NOTE_SHORT: usize = 12;
/// The most characters of a one-line note known by its first words
/// (编辑…, 据新华社…, [来源:…]): a label and a name or two.
const NOTE_LINE: usize = 20;
/// The most characters of an editor's line outside brackets (责任编辑：…),
/// which may name several editors.
const EDITOR_LINE: usize = 24;

/// [`note_kind`] of a text of `n` characters, which holds `[` or `【` if `bracket`.
fn note_kind_of(t: &str, n: usize, bracket: bool) -> Option<NoteKind> {
    // Two notes set on one line: (…供稿) [责任编辑:…]. Every separator
    // holds a bracket: most lines have none and skip the six searches.
    let seps: &[&str] = if bracket {
        &[") [", ")[", "） [", "）[", "）【", ") 【"]
    } else {
        &[]
    };
    for sep in seps {
        if let Some(at) = t.find(sep) {
            let close = sep.chars().next().map_or(1, char::len_utf8);
            let (a, b) = (&t[..at + close], t[at + close..].trim_start());
            if let (Some(k), Some(_)) = (note_kind(a), note_kind(b)) {
                return Some(k);
            }
        }
    }
    if let Some(inside) = inner(t) {
        let inside = inside.trim();
        if inside.starts_with("责任编辑")
            || inside.starts_with("责编")
            || inside.starts_with("编辑") && n < NOTE_LINE
        {
            return Some(NoteKind::Editor);
        }
        if inside.starts_with("作者单位")
            || inside.starts_with("作者系")
            || inside.starts_with("作者:")
            || inside.starts_with("作者：")
        {
            return Some(NoteKind::Affiliation);
        }
        if inside.starts_with("上接")
            || inside.starts_with("下转")
            || inside.starts_with("转第")
            || inside.starts_with("接第")
        {
            return Some(NoteKind::Continuation);
        }
        if is_date(inside) {
            return Some(NoteKind::Date);
        }
        if inside.starts_with("摘自")
            || inside.starts_with("均摘自")
            || inside.starts_with("来源")
            || inside.starts_with("转自")
            || inside.starts_with("选自")
            || inside.starts_with("据")
            || inside.ends_with("供稿")
            || (inside.starts_with("新华社") && inside.ends_with('电'))
            || (inside.chars().count() <= NOTE_SHORT
                && (inside.ends_with("整理")
                    || inside.ends_with("编译")
                    || inside.ends_with("口述")))
        {
            return Some(NoteKind::Source);
        }
        let ic = inside.chars().count();
        if ic <= NOTE_SHORT
            && !inside.contains(['，', '。', ','])
            && [
                "日报",
                "晚报",
                "报",
                "网",
                "社",
                "台",
                "杂志",
                "时报",
                "客户端",
                "新闻",
            ]
            .iter()
            .any(|s| inside.ends_with(s))
        {
            return Some(NoteKind::Source);
        }
        if t.starts_with('「') && ic <= 10 {
            return Some(NoteKind::Column);
        }
        if t.starts_with(['[', '【']) && ic <= NOTE_LINE && inside.contains([':', '：']) {
            return Some(NoteKind::Other);
        }
        return None;
    }
    if n <= NOTE_LINE
        && (t.starts_with("据新华社")
            || t.starts_with("据人民日报")
            || (t.starts_with('据')
                && (t.ends_with("报道") || t.ends_with("电") || t.ends_with("社"))))
    {
        return Some(NoteKind::Source);
    }
    if t.starts_with(['（', '(']) {
        let inside = t[t.chars().next().map_or(0, char::len_utf8)..].trim_start();
        if inside.starts_with("来源")
            || inside.starts_with("摘自")
            || inside.starts_with("作者单位")
            || inside.starts_with("责任编辑")
        {
            return Some(NoteKind::Source);
        }
        // A date that opens a wrapped note: （二〇二五年一月八日中国共产党…通过）
        let head = &inside[..inside
            .char_indices()
            .nth(12)
            .map_or(inside.len(), |(i, _)| i)];
        if head.contains('年')
            && head.contains('月')
            && head
                .chars()
                .take(4)
                .all(|c| c.is_ascii_digit() || is_han_digit(c) || c == ' ')
        {
            return Some(NoteKind::Date);
        }
    }
    if t.starts_with('※') {
        return Some(NoteKind::Other);
    }
    if n <= NOTE_SHORT && is_date(t) {
        return Some(NoteKind::Date);
    }
    if matches!(
        t,
        "延伸阅读"
            | "相关链接"
            | "链接"
            | "新闻链接"
            | "背景链接"
            | "编者按"
            | "短评"
            | "评论员文章"
            | "社论"
            | "本报评论员"
    ) {
        return Some(NoteKind::Column);
    }
    if (t.starts_with("责任编辑") || t.starts_with("编辑：") || t.starts_with("编辑:"))
        && n <= EDITOR_LINE
    {
        return Some(NoteKind::Editor);
    }
    None
}

/// A contents line's dot leader: dots (. · …), spaces between them allowed
/// (pdftotext's `. . . .`, OCR's `... ..`), after a title and before a page
/// number, or long enough that no ellipsis in prose (……, ......) is one.
fn dot_leader(t: &str, marks: u8) -> bool {
    const BEFORE_NUMBER: usize = 4;
    const ALONE: usize = 8;
    // Most lines hold no dot at all.
    if marks & mark::DOT == 0 {
        return false;
    }
    // The longest run of dots, in bytes: . is one, … three (three dots),
    // · and ． one each; single spaces between them allowed.
    let b = t.as_bytes();
    let (mut run, mut best, mut i) = (0usize, 0usize, 0usize);
    while i < b.len() {
        let (len, dots) = match b[i] {
            b'.' => (1, 1),
            b' ' if run > 0 => (1, 0),
            0xE2 if b[i + 1..].starts_with(&[0x80, 0xA6]) => (3, 3),
            0xC2 if b.get(i + 1) == Some(&0xB7) => (2, 1),
            0xEF if b[i + 1..].starts_with(&[0xBC, 0x8E]) => (3, 1),
            _ => {
                best = best.max(run);
                run = 0;
                i += 1;
                continue;
            }
        };
        run += dots;
        i += len;
    }
    let best = best.max(run);
    if best < BEFORE_NUMBER {
        return false;
    }
    let body = t.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c.is_whitespace());
    let numbered = body.len() < t.len()
        && t.trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x'));
    // A title before the leader: some letter in the line.
    (best >= ALONE || numbered) && t.chars().any(super::lines::is_letter)
}

/// A contents line: a page number then a title (04 高端时论), or a title then a page number.
fn is_toc(t: &str) -> bool {
    let t = t.trim_start_matches(['-', ' ']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if rest.starts_with([' ', '\u{3000}', '\t']) {
            let after = rest.trim_start();
            // A number with its measure word (3 章, 2 年) is prose wrapped after it.
            return after
                .chars()
                .next()
                .is_some_and(|c| super::lines::is_cjk(c) || c == '“' || c == '《')
                && !after.starts_with([
                    '年', '月', '日', '个', '名', '万', '亿', '多', '余', '家', '项', '人', '条',
                    '次', '%', '章', '节', '页', '款', '版', '点', '种', '位', '部', '号',
                ])
                && t.chars().count() <= 45;
        }
        return false;
    }
    // title … 12  or title ...... 12
    let trail = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&trail) {
        let head = t[..t.len() - trail].trim_end();
        return head.ends_with("..")
            || head.ends_with('…')
            || head.ends_with("··")
            || head.ends_with("．．");
    }
    false
}

/// Labels of a masthead or colophon line.
#[rustfmt::skip]
const LABELS: [&str; 18] = [
    "主管", "主办", "出版", "社长", "副社长", "总编辑", "副总编辑", "主编", "编辑部主任", "地址", "电话", "邮编", "定价", "出版日期", "印刷", "投稿邮箱", "发行", "广告经营许可证",
];

/// Whether a character is the first of one of the [`LABELS`].
fn label_head(c: char) -> bool {
    matches!(
        c,
        '主' | '出'
            | '社'
            | '副'
            | '总'
            | '编'
            | '地'
            | '电'
            | '邮'
            | '定'
            | '印'
            | '投'
            | '发'
            | '广'
    )
}

/// Whether the line (of `chars` characters, with `marks`) is masthead or colophon.
fn is_front(t: &str, chars: u32, marks: u8) -> bool {
    // Every test below needs one of these of the line as it stands (white
    // space is neither its first nor its last character): a label's first
    // character or an issue number's first, 期 or 号 last, an I or a /. Most
    // lines have none, and are done with before they are squeezed.
    let (first, last) = (t.chars().next(), t.chars().next_back());
    let issue_char =
        |c: char| c.is_ascii_digit() || matches!(c, '·' | '年' | '第' | '期' | '.' | '-');
    if !(first.is_some_and(|c| label_head(c) || issue_char(c))
        || matches!(last, Some('期' | '号'))
        || marks & (mark::I | mark::SLASH) != 0)
    {
        return false;
    }
    // Most lines hold no white space: squeezing them would only copy them.
    let squeezed: std::borrow::Cow<'_, str> = if marks & mark::WHITE != 0 {
        t.chars()
            .filter(|&c| !is_white(c))
            .collect::<String>()
            .into()
    } else {
        t.into()
    };
    let s = &*squeezed;
    if (s.contains('I') && s.contains("ISSN"))
        || s.contains('/') && s.contains("CN") && s.bytes().any(|b| b.is_ascii_digit())
    {
        return true;
    }
    if s.starts_with("总第") && s.ends_with('期') {
        return true;
    }
    // 2025·3, 2025年第3期
    if s.len() <= 14
        && s.bytes().filter(u8::is_ascii_digit).count() >= 4
        && (s.contains('·') || s.ends_with('期'))
        && s.chars().all(issue_char)
    {
        return true;
    }
    // A label is looked for only where the line starts as one does.
    let head = s.chars().next();
    // A label and its value: no sentence.
    LABELS.iter().filter(|l| l.chars().next() == head).any(|l| {
        s == *l
            || (s.starts_with(l)
                && chars <= 40
                && t.contains([' ', '\u{3000}', ':', '：'])
                && !t.contains(['。', '，']))
    }) || s.ends_with("学习强国号")
        || s.ends_with("微信公众号")
}

/// A page's number and its head on one line, set apart by a wide space
/// (`- 4 -        13. HowTo`, `14. 一般管理 HowTo     - 5 -`): the number's
/// part, when the line is one.
pub fn number_beside_head(t: &str) -> Option<&str> {
    const GAP: &str = "   ";
    const HEAD_LONGEST: usize = 40;
    let (first, last) = (t.split(GAP).next()?.trim(), t.rsplit(GAP).next()?.trim());
    if first.len() == t.len() {
        return None;
    }
    let head = |n: &str| t.replace(n, "").trim().chars().count() <= HEAD_LONGEST;
    // A bare number beside words is as likely a contents entry's page or a
    // chapter's number: only a number dressed as one (- 4 -, 第 4 页, 4 / 80).
    let dressed = |n: &str| !n.bytes().all(|b| b.is_ascii_digit());
    [first, last]
        .into_iter()
        .find(|p| is_page_number(p) && dressed(p) && head(p))
}

fn is_page_number(t: &str) -> bool {
    // A page number line starts and ends with its number, a dash or bar
    // around it, or 第 and 页: other lines are not trimmed to see.
    let edge = |c: char| {
        c.is_ascii_alphanumeric()
            || matches!(c, '-' | '—' | '–' | ' ' | '·' | '•' | '|' | '第' | '页')
    };
    if !(t.chars().next().is_some_and(edge) && t.chars().next_back().is_some_and(edge)) {
        return false;
    }
    // 12 / 80: the page and the pages.
    if let Some((a, b)) = t.split_once('/').map(|(a, b)| (a.trim(), b.trim()))
        && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
    {
        return a >= 1 && a <= b && b <= 9999;
    }
    let core = t.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | ' ' | '·' | '•' | '|'));
    let core = core
        .strip_prefix('第')
        .and_then(|s| s.strip_suffix('页'))
        .map_or(core, str::trim);
    let n = core.len();
    (1..=4).contains(&n) && core.bytes().all(|b| b.is_ascii_digit())
        || (1..=6).contains(&n)
            && core
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'I' | 'V' | 'X' | 'L'))
            && t.len() == n
}

fn is_junk(t: &str, chars: u32) -> bool {
    // The shape first: it rules out most lines at their first byte.
    if t.bytes()
        .all(|b| b.is_ascii_digit() || b == b' ' || b == b'-')
        && t.bytes().filter(u8::is_ascii_digit).count() >= 12
    {
        return true; // barcode
    }
    // The phrases start with 扫 or 二: most lines are ruled out by one pass.
    chars <= 20
        && t.contains(['扫', '二'])
        && (t.contains("扫码") || t.contains("扫一扫") || t.contains("二维码"))
}

/// A byte offset in a line as a cue keeps it; past 4 GiB (no line is so
/// long), one that slices nothing.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The cue of one non-blank line.
pub fn cue(line: &Line<'_>) -> Cue {
    let t = line.text;
    if let Some(rest) = t.strip_prefix('#') {
        let hashes = 1 + rest.bytes().take_while(|&b| b == b'#').count();
        let after = &t[hashes..];
        if hashes <= 6 && after.starts_with(' ') {
            return Cue::Markdown {
                hashes: hashes as u8,
                lead: offset(t.len() - after.trim_start().len()),
            };
        }
    }
    if is_page_number(t) || (line.marks & mark::WHITE != 0 && number_beside_head(t).is_some()) {
        return Cue::PageNumber;
    }
    if is_junk(t, line.chars) {
        return Cue::Junk;
    }
    if let Some(k) = note_kind_of(t, line.chars as usize, line.marks & mark::BRACKET != 0) {
        return Cue::Note(k);
    }
    if is_footnote(t) {
        return Cue::Note(NoteKind::Footnote);
    }
    if is_label(t) {
        return Cue::Label;
    }
    if is_table_or_figure(t, line.chars) {
        return Cue::Caption;
    }
    if is_credit(t, line.chars, line.marks) {
        return Cue::Credit;
    }
    if ends_with_credit(t) {
        return Cue::CaptionWithCredit;
    }
    for m in ["- ", "• ", "· ", "* ", "● ", "○ ", "◆ ", "■ ", "▪ "] {
        if let Some(rest) = t.strip_prefix(m) {
            if is_toc(rest) {
                return Cue::Toc;
            }
            return Cue::Bullet {
                lead: offset(m.len()),
            };
        }
    }
    if t.starts_with("——") && line.chars > 3 {
        return Cue::Dash;
    }
    if dot_leader(t, line.marks) {
        return Cue::Toc;
    }
    if let Some((style, rest)) = numbering(t) {
        return Cue::Numbered {
            style,
            rest: offset(rest),
        };
    }
    if is_toc(t) {
        return Cue::Toc;
    }
    if is_front(t, line.chars, line.marks) {
        return Cue::Front;
    }
    Cue::None
}

/// Whether the text is a list of personal names (辛组研, 孙 绍 骋, 张学良 杨 羊),
/// a job title and a name, or a team (…课题组).
pub fn name_like(t: &str) -> bool {
    name_shaped(t, true)
}

/// Whether a line is a name or a word as short as one (a picture's label:
/// 神舟, 天宫): either stands alone on its line, never the end of a
/// sentence's line before it.
pub fn name_or_word(t: &str) -> bool {
    name_shaped(t, false)
}

/// A name's shape: a few short Han words, or one job title and a name, or
/// a transliterated name; `surnamed` asks that a Han name start with a surname.
fn name_shaped(t: &str, surnamed: bool) -> bool {
    let t = t.trim();
    if PARTS_OF_A_BOOK.contains(&t) {
        return false;
    }
    if let Some(names) = latin_byline(t) {
        return !names.is_empty();
    }
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|s| s.strip_suffix([')', '）']))
        .unwrap_or(t);
    if ["课题组", "调研组", "写作组", "评论员", "编辑部", "编写组"]
        .iter()
        .any(|s| inner.ends_with(s))
        && inner.chars().count() <= BYLINE_LONGEST
    {
        return true;
    }
    let tokens: Vec<&str> = inner
        .split([' ', '\u{3000}', '\t'])
        .filter(|s| !s.is_empty())
        .collect();
    let han = |s: &str| {
        s.chars().all(|c| {
            super::lines::is_cjk(c)
                && !is_terminal(c)
                && !matches!(c, '，' | '、' | '“' | '”' | '《' | '》')
                || c == '·'
        })
    };
    if tokens.is_empty() || tokens.len() > 6 || !tokens.iter().all(|s| han(s)) {
        return false;
    }
    let total: usize = tokens.iter().map(|s| s.chars().count()).sum();
    if tokens.len() >= 2 && ROLES.iter().any(|r| tokens[0].ends_with(r)) {
        let last = tokens[tokens.len() - 1].chars().count();
        return (2..=4).contains(&last) && total <= BYLINE_LONGEST;
    }
    // A name transliterated from Uyghur, Mongolian or a foreign language
    // joins its parts with a middle dot (木拉迪力·克衣木): each part is a
    // word of its own, longer than a Han given name.
    let dotted = |s: &str| {
        let parts: Vec<usize> = s.split('·').map(|p| p.chars().count()).collect();
        (2..=MAX_DOTTED_PARTS).contains(&parts.len())
            && parts.iter().all(|&n| (1..=MAX_DOTTED_PART).contains(&n))
    };
    if tokens.iter().any(|s| s.contains('·')) {
        return tokens.len() <= 3
            && tokens
                .iter()
                .all(|s| dotted(s) || (2..=4).contains(&s.chars().count()));
    }
    if tokens.len() == 1 && total == 4 {
        // Four characters are a phrase (行动路径) more often than a name;
        // a name that long has a surname of two.
        return COMPOUND_SURNAMES.iter().any(|s| inner.starts_with(s));
    }
    // A short word (安装, 字体, 行动路径) is no name unless it starts with a
    // surname; a letter-spaced name (孙 绍 骋) has its surname first.
    total <= NAMES_LONGEST
        && tokens.iter().all(|s| (1..=4).contains(&s.chars().count()))
        && (tokens.len() > 1 || (2..=4).contains(&total))
        && (!surnamed
            || surname_first(tokens[0])
                && tokens
                    .iter()
                    .filter(|s| s.chars().count() >= 2)
                    .all(|s| surname_first(s)))
}

/// Whether a word starts with a surname in common use.
fn surname_first(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| SURNAMES.contains(c) || SURNAMES_TRADITIONAL.contains(c))
        || COMPOUND_SURNAMES.iter().any(|s| word.starts_with(s))
}

/// The surnames of about 99% of people in China (the 400 most common, in
/// order of frequency), simplified; a name starts with one.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习";
/// The traditional forms of those of [`SURNAMES`] whose form differs (陳, 劉,
/// 張…): Taiwan's and Hong Kong's texts, and older print.
const SURNAMES_TRADITIONAL: &str = "陳劉張楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒龍賀顧龔萬錢嚴湯溫齊喬龐聶歐關蘭寧紀畢單塗駱藍華饒婁竇費衛鄔師欒鞏鄺閻顏莊練鮑";

/// Surnames of two characters, the ones in use today.
#[rustfmt::skip]
const COMPOUND_SURNAMES: [&str; 16] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木",
];

/// A transliterated name has a given name, a father's or family name and
/// rarely a third part (艾力·阿不都·热合曼).
const MAX_DOTTED_PARTS: usize = 3;
/// Transliterated words run longer than Han names (木拉迪力, 阿卜杜热依木).
const MAX_DOTTED_PART: usize = 6;

/// The most characters of a team's name (…课题组) or of a job title and a
/// name (自治区人民政府主席 王莉霞): longer, the line says more than who wrote.
const BYLINE_LONGEST: usize = 24;
/// The most characters of a list of personal names: four names of three
/// characters, as a byline sets them.
const NAMES_LONGEST: usize = 12;

/// The names of a book's parts, which stand alone as headings and are no
/// person's name however short.
#[rustfmt::skip]
const PARTS_OF_A_BOOK: [&str; 18] = [
    "摘要", "目录", "前言", "序言", "引言", "序", "附录", "后记", "致谢", "参考文献", "索引", "简介", "概述", "总结", "结论", "导言", "绪论", "说明",
];

/// Job titles that stand before a name in a byline (simplified and traditional).
#[rustfmt::skip]
pub const ROLES: [&str; 27] = [
    "主席", "书记", "记者", "市长", "省长", "部长", "主任", "编辑", "教授", "研究员", "通讯员", "局长", "县长", "院长", "委员", "書記", "記者", "市長",
    "省長", "部長", "編輯", "研究員", "通訊員", "局長", "縣長", "院長", "委員",
];

/// The most characters an office takes without a name (中国人民政治协商会议
/// 全国委员会主席 is the longest in use).
const MAX_ROLE: usize = 16;

/// Whether a line names an office and nothing else (中共中央总书记, 国家主席).
pub fn only_a_role(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() <= MAX_ROLE
        && ROLES.iter().any(|r| t.ends_with(r))
        && t.chars()
            .all(|c| super::lines::is_cjk(c) && !is_terminal(c))
}

/// The names of a Latin byline ("By Margaret L. Holloway", "by A. Smith and
/// B. Jones"), or `None` when the line is not one.
pub fn latin_byline(t: &str) -> Option<Vec<String>> {
    let rest = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("by "))
        .or_else(|| t.strip_prefix("BY "))?;
    // A sentence that happens to start with "By" has lower-case words.
    if rest.chars().count() > 60 || rest.ends_with(['!', '?', ';', ':']) {
        return None;
    }
    let names: Vec<String> = rest
        .split(" and ")
        .flat_map(|p| p.split(','))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    let capitalised = |n: &String| {
        n.split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && n.split_whitespace().count() <= 4
    };
    names.iter().all(capitalised).then_some(names)
}

/// Whether a paragraph's text ends in a jump to a later page.
pub fn jumps_out(text: &str) -> bool {
    jump_mark(text.trim_end(), false).is_some_and(|m| {
        ["下转", "转第", "转下页", "转下版", "转"]
            .iter()
            .any(|p| m.starts_with(p))
    })
}

/// Whether a paragraph's text starts where a jump lands.
pub fn lands(text: &str) -> bool {
    jump_mark(text.trim_start(), true).is_some_and(|m| {
        ["上接", "接第", "接上页", "接上版", "接"]
            .iter()
            .any(|p| m.starts_with(p))
    })
}

/// The inside of the bracketed mark at the start (or end) of `t`, when it is
/// short and names a page or edition: 下转第9页, 上接1版.
fn jump_mark(t: &str, at_start: bool) -> Option<&str> {
    let inner = if at_start {
        let rest = t.strip_prefix(['(', '（'])?;
        &rest[..rest.find([')', '）'])?]
    } else {
        let rest = t.strip_suffix([')', '）'])?;
        let open = rest.rfind(['(', '（'])?;
        &rest[open + rest[open..].chars().next()?.len_utf8()..]
    };
    let inner = inner.trim();
    let short = inner.chars().count() <= 10;
    let names_a_place = inner.contains(['页', '版']) || inner.chars().any(|c| c.is_ascii_digit());
    (short && names_a_place).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split;

    fn c(s: &str) -> Cue {
        cue(&split(s)[0])
    }

    #[test]
    fn chinese_numbering_nests() {
        assert!(matches!(
            c("二、深化西部大开发战略认"),
            Cue::Numbered {
                style: Numbering::Han,
                ..
            }
        ));
        assert!(matches!(
            c("（二）坚持以制度建设为主线"),
            Cue::Numbered {
                style: Numbering::ParenHan,
                ..
            }
        ));
        assert!(matches!(
            c("(十一) 加快沿边地区开放发展"),
            Cue::Numbered {
                style: Numbering::ParenHan,
                ..
            }
        ));
        assert!(matches!(
            c("1.定制度、立规矩。"),
            Cue::Numbered {
                style: Numbering::Arabic,
                ..
            }
        ));
        assert!(matches!(
            c("2．高水平对外开放"),
            Cue::Numbered {
                style: Numbering::Arabic,
                ..
            }
        ));
        assert!(matches!(
            c("（1）党支部换届"),
            Cue::Numbered {
                style: Numbering::ParenArabic,
                ..
            }
        ));
        assert!(matches!(
            c("第三章 总则"),
            Cue::Numbered {
                style: Numbering::Chapter,
                ..
            }
        ));
        assert!(matches!(
            c("第 3 章 开始安装 Debian GNU/Linux 之前"),
            Cue::Numbered {
                style: Numbering::Chapter,
                ..
            }
        ));
        assert!(matches!(
            c("附录 B. 使用预置自动进行安装"),
            Cue::Numbered {
                style: Numbering::Chapter,
                ..
            }
        ));
        assert!(matches!(
            c("Chapter 2"),
            Cue::Numbered {
                style: Numbering::Chapter,
                ..
            }
        ));
        assert!(matches!(
            c("CHAPTER 5. 引导安装系统"),
            Cue::Numbered {
                style: Numbering::Chapter,
                ..
            }
        ));
        assert!(matches!(
            c("3.3.1.1. 安装手册"),
            Cue::Numbered {
                style: Numbering::Decimal(4),
                ..
            }
        ));
        assert!(matches!(
            c("B.1.1."),
            Cue::Numbered {
                style: Numbering::Decimal(3),
                ..
            }
        ));
        assert!(matches!(
            c("2.1 CTAN"),
            Cue::Numbered {
                style: Numbering::Decimal(2),
                ..
            }
        ));
        assert!(matches!(
            c("5.1.安装概述"),
            Cue::Numbered {
                style: Numbering::Decimal(2),
                ..
            }
        ));
        assert_eq!(c("192.168.1.1 是地址"), Cue::None);
        assert!(matches!(
            c("1     模板介绍"),
            Cue::Numbered {
                style: Numbering::Decimal(1),
                ..
            }
        ));
        assert_eq!(c("04 高端时论"), Cue::Toc);
        for (t, n) in [
            ("三、", 3),
            ("（十二）", 12),
            ("3. 标题", 3),
            ("12) 项", 12),
            ("1.2.3. 节", 3),
            ("二十一、", 21),
            ("第 4 章", 4),
        ] {
            assert_eq!(number_value(t), Some(n), "{t}");
        }
        // Not numbering: decimals, years, plain text.
        assert_eq!(c("2.0阶段的西部大开发"), Cue::None);
        assert_eq!(c("2024 年工作回顾很好，"), Cue::None);
        assert_eq!(c("一带一路建设"), Cue::None);
    }

    #[test]
    fn a_letter_set_apart_from_its_title_numbers_it() {
        assert!(matches!(
            c("A    关于 FAQ"),
            Cue::Numbered {
                style: Numbering::Chapter,
                ..
            }
        ));
        assert!(!matches!(
            c("A    关于 FAQ . . . . . 3"),
            Cue::Numbered { .. }
        ));
        assert!(!matches!(c("A  B  C"), Cue::Numbered { .. }));
        // Plain pdftotext sets the letter on a line of its own.
        assert!(number_alone(Cue::None, "A") && !number_alone(Cue::None, "AB"));
    }

    #[test]
    fn a_section_sign_and_its_number_are_a_number_alone() {
        assert!(number_alone(Cue::None, "§1.2"));
        assert!(number_alone(Cue::None, "§ 3"));
        assert!(!number_alone(Cue::None, "§1.2 第一次使用"));
        assert!(!number_alone(Cue::None, "§"));
    }

    #[test]
    fn a_quantity_is_no_section_number() {
        for t in ["3.9 GB", "498.8 MB", "1.5 倍", "2.4 GHz"] {
            assert_eq!(c(t), Cue::None, "{t}");
        }
        assert!(matches!(c("2.4 生成模板"), Cue::Numbered { .. }));
        assert!(matches!(c("3.2 GB 以上的内存"), Cue::Numbered { .. }));
    }

    #[test]
    fn comments_and_markup_are_code() {
        assert!(code_like("#d-i netcfg/enable boolean false"));
        assert!(code_like("#5 logical"));
        assert!(!code_like("# 安装"));
        assert!(code_like("uname -r") && code_like("latexmk -xelatex main"));
        assert!(code_like("afterindent=true,"));
        assert!(code_like("% 建议始终加 --admin 参数使用"));
        assert!(index_entry("array 宏包, 28") && index_entry("kinematics, 46, 48"));
        assert!(!index_entry("第 3 章, 共 5 节") && !index_entry("2019, 2020"));
        assert!(!code_like("debconf/priority (priority)") && !code_like("BOOT_DEBUG=0"));
        assert!(!code_like("main-menu") && !code_like("Writing the image - on Linux"));
        assert!(!code_like("## 安装步骤"));
        assert!(markup("\\frontmatter") && markup("footskip=6mm"));
        assert!(!markup("第 5 章 实现细节"));
    }

    #[test]
    fn notes_are_recognised_by_shape() {
        assert_eq!(c("据新华社"), Cue::Note(NoteKind::Source));
        assert_eq!(c("（内蒙古日报）"), Cue::Note(NoteKind::Source));
        assert_eq!(c("[责任编辑:杨佩佩]"), Cue::Note(NoteKind::Editor));
        assert_eq!(
            c("(作者单位:新疆于田县委)"),
            Cue::Note(NoteKind::Affiliation)
        );
        assert_eq!(c("(摘自《光明日报》)"), Cue::Note(NoteKind::Source));
        assert_eq!(c("(上接1版)"), Cue::Note(NoteKind::Continuation));
        assert_eq!(c("（2025 年 1 月 17 日）"), Cue::Note(NoteKind::Date));
        assert_eq!(c("3月6日"), Cue::Note(NoteKind::Date));
        assert_eq!(c("(新华社北京5月17日电)"), Cue::Note(NoteKind::Source));
        assert_eq!(c("（来源：《求是》2024/24）"), Cue::Note(NoteKind::Source));
        assert_eq!(
            c("[4] 科技术语：一种语言针对不同国家代码有多个不同 locale 存在。"),
            Cue::Note(NoteKind::Footnote)
        );
        assert_eq!(c("① 见第三章。"), Cue::Note(NoteKind::Footnote));
    }

    #[test]
    fn credits_captions_toc_front_furniture() {
        assert_eq!(c("□新华社记者 燕 雁/摄"), Cue::Credit);
        assert_eq!(c("新疆交投文化传媒有限责任公司供图"), Cue::Credit);
        assert_eq!(c("□资料图"), Cue::Credit);
        assert_eq!(c("（资料图片）"), Cue::Credit);
        assert_eq!(
            c("满载货物的中欧班列从精河国际陆港驶出。 □张健霆/摄"),
            Cue::CaptionWithCredit
        );
        assert_eq!(c("04 高端时论"), Cue::Toc);
        assert_eq!(c("2.1   CTAN . . . . . . . . . . . . . . .    3"), Cue::Toc);
        assert_eq!(
            c("3.3.1 Single Conductor Wire... . 2.2... ..0.002020"),
            Cue::Toc
        );
        assert_eq!(c("他说……"), Cue::None);
        assert_eq!(c("他说......"), Cue::None);
        assert_eq!(c("- 47 奏响乡村振兴新乐章 蒲巧英"), Cue::Toc);
        assert_eq!(c("ISSN 2096-7462"), Cue::Front);
        assert_eq!(c("表 3.1. 有助于安装的硬件信息"), Cue::Caption);
        assert_eq!(c("Figure 2. The main window"), Cue::Caption);
        assert_eq!(c("图 3 显示了安装程序的主菜单。"), Cue::None);
        assert_eq!(c("注意"), Cue::Label);
        assert_eq!(c("Warning:"), Cue::Label);
        assert_eq!(c("总第344期"), Cue::Front);
        assert_eq!(c("社 长 田进宝"), Cue::Front);
        assert_eq!(c("28"), Cue::PageNumber);
        assert_eq!(c("- 12 -"), Cue::PageNumber);
        assert_eq!(c("12 / 55"), Cue::PageNumber);
        assert_eq!(c("- 4 -        13. HowTo"), Cue::PageNumber);
        assert_eq!(c("14. 一般管理 HowTo     - 5 -"), Cue::PageNumber);
        assert_eq!(
            c("第 8 章 是我们与宇宙对话的窗口      第 69 页"),
            Cue::PageNumber
        );
        assert_eq!(c("一二三   四五六"), Cue::None);
        assert_eq!(c("第 12 页"), Cue::PageNumber);
        assert_eq!(c("9 772096 746254"), Cue::Junk);
        assert_eq!(c("## 一、总体要求"), Cue::Markdown { hashes: 2, lead: 3 });
        assert_eq!(c("- 要坚持统筹发展和安全"), Cue::Bullet { lead: 2 });
        assert_eq!(c("——提升西部地区科技创新能力"), Cue::Dash);
    }

    #[test]
    fn every_label_starts_with_a_label_head() {
        assert!(
            LABELS
                .iter()
                .all(|l| l.chars().next().is_some_and(label_head))
        );
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("你们太不容易啦！"));
        assert!(ends_sentence("“现在比在职时还忙”。"));
        assert!(ends_sentence("他说：“好。”"));
        assert!(!ends_sentence("“守艺人”"));
        assert!(!ends_sentence("有针对"));
    }
}
