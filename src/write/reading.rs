//! Reading text, shared by the writers for readers (EPUB, HTML, Markdown):
//! only characters XML can carry, and without the spaces that OCR and PDF
//! extraction leave between CJK characters.

use super::xml::is_xml_char;
use crate::chars::{is_cjk_text, is_reading_space, is_set_solid};
use crate::model::{Block, BlockKind, Document, FurnitureKind, Inline, Metadata};

/// Stands for a page break inside text while spaces are tidied, so the break
/// does not hide the characters on either side of it. XML cannot carry it,
/// so it can never come from the input.
pub(crate) const BREAK: char = '\u{1}';

/// How spaces between CJK characters are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Prose: Chinese prose has no spaces, so every space between CJK
    /// characters (or between CJK and digits) is an artefact and goes.
    Running,
    /// Short display lines (titles, headings, credits, table of contents,
    /// masthead): letter-spacing (孙 绍 骋) goes, but a space between two
    /// words (促进区域协调发展 更好建设美丽新疆) separates fields, and becomes
    /// one ideographic space.
    Display,
}

/// What a writer for readers sets as one element: consecutive title lines
/// (one heading), list items (one list), contents lines (one table of
/// contents), or a block alone.
pub(crate) enum Run<'b> {
    Titles(&'b [Block]),
    List(&'b [Block]),
    Contents(&'b [Block]),
    One(&'b Block),
}

/// The run that starts at block `at`, and the index of the block after it.
pub(crate) fn run_at(blocks: &[Block], at: usize) -> (Run<'_>, usize) {
    let end = |same: fn(&BlockKind) -> bool| {
        at + blocks[at..].iter().take_while(|b| same(&b.kind)).count()
    };
    match &blocks[at].kind {
        BlockKind::Title => {
            let e = end(|k| *k == BlockKind::Title);
            (Run::Titles(&blocks[at..e]), e)
        }
        BlockKind::ListItem { .. } => {
            let e = end(|k| matches!(k, BlockKind::ListItem { .. }));
            (Run::List(&blocks[at..e]), e)
        }
        BlockKind::TocEntry { .. } => {
            let e = end(|k| matches!(k, BlockKind::TocEntry { .. }));
            (Run::Contents(&blocks[at..e]), e)
        }
        _ => (Run::One(&blocks[at]), at + 1),
    }
}

/// Cleans text for the reader: drops characters XML cannot carry, trims, and
/// tidies every run of white space as `flow` says.
pub(crate) fn tidy(s: &str, flow: Flow) -> String {
    tidy_marked(&s.replace(BREAK, ""), flow)
}

/// [`tidy`] for text whose page breaks are marked with [`BREAK`]: they stay.
pub(crate) fn tidy_marked(s: &str, flow: Flow) -> String {
    let chars: Vec<char> = s
        .chars()
        .filter(|&c| is_xml_char(c) || c == BREAK)
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_reading_space(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_reading_space(chars[i]) {
            i += 1;
        }
        if start == 0 || i == chars.len() {
            continue;
        }
        match gap(&chars[..start], &chars[i..], flow) {
            Gap::None => {}
            Gap::Space => out.push(' '),
            Gap::Ideographic => out.push('\u{3000}'),
        }
    }
    // A break at either end may have kept a space next to it.
    let trimmed = out.trim_matches(|c: char| is_reading_space(c));
    trimmed.to_string()
}

enum Gap {
    None,
    Space,
    Ideographic,
}

/// Characters that follow a number as its unit or counter (2025 年, 11 个).
const UNITS: &str = "年月日时分秒期号版页次届个位名人项条家户件万亿千百元倍岁度周天点里米克吨亩";

fn gap(before: &[char], after: &[char], flow: Flow) -> Gap {
    let left = before.iter().rev().find(|&&c| c != BREAK).copied();
    let right = after.iter().find(|&&c| c != BREAK).copied();
    let (Some(l), Some(r)) = (left, right) else {
        return Gap::None;
    };
    let joins = (is_cjk_text(l) && (is_cjk_text(r) || r.is_ascii_digit()))
        || (is_cjk_text(r) && l.is_ascii_digit());
    if !joins {
        return Gap::Space;
    }
    if flow == Flow::Display && l.is_ascii_digit() && is_set_solid(r) && !UNITS.contains(r) {
        // 2025·3 总第344期: a number ending one field, not counting what follows (2025 年).
        return Gap::Space;
    }
    if flow == Flow::Running || !(is_set_solid(l) && is_set_solid(r)) {
        return Gap::None;
    }
    let han_before = before
        .iter()
        .rev()
        .filter(|&&c| c != BREAK)
        .take_while(|&&c| is_set_solid(c))
        .count();
    let han_after = after
        .iter()
        .filter(|&&c| c != BREAK)
        .take_while(|&&c| is_set_solid(c))
        .count();
    if han_before == 1 && han_after == 1 {
        Gap::None
    } else {
        Gap::Ideographic
    }
}

/// The reading text of content cut at its printed page breaks: one piece
/// more than there are breaks, and the page number of each break.
pub(crate) fn pieces(content: &[Inline], flow: Flow) -> (Vec<String>, Vec<String>) {
    let mut raw = String::new();
    let mut labels = Vec::new();
    for i in content {
        match i {
            Inline::Span(s) => {
                if s.space_before && !raw.is_empty() {
                    raw.push(' ');
                }
                raw.extend(s.text().chars().filter(|&c| c != BREAK));
            }
            Inline::Milestone(m) => {
                if let FurnitureKind::PageNumber { number } = &m.kind {
                    raw.push(BREAK);
                    let label = tidy(number, Flow::Display);
                    labels.push(if label.is_empty() {
                        tidy(m.span.text(), Flow::Display)
                    } else {
                        label
                    });
                }
            }
        }
    }
    (
        tidy_marked(&raw, flow)
            .split(BREAK)
            .map(str::to_string)
            .collect(),
        labels,
    )
}

/// The document's metadata as a reader sees it: each field set in
/// `overrides` (a non-empty string or list) replaces the one found in the
/// text; the title falls back to the first article's; every value is tidied
/// as display text.
#[cfg_attr(not(any(feature = "html", feature = "markdown")), allow(dead_code))]
pub(crate) fn metadata(doc: &Document, overrides: &Metadata) -> Metadata {
    let pick = |o: &Option<String>, found: &Option<String>| {
        [o, found]
            .into_iter()
            .flatten()
            .map(|s| tidy(s, Flow::Display))
            .find(|s| !s.is_empty())
    };
    let list = |o: &[String], found: &[String], flow: Flow| {
        let mut v: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for s in if o.is_empty() { found } else { o } {
            let s = tidy(s, flow);
            if !s.is_empty() && seen.insert(s.clone()) {
                v.push(s);
            }
        }
        v
    };
    let m = &doc.meta;
    let first_title = doc.articles.iter().find_map(|a| a.title());
    let language = if overrides.language.trim().is_empty() {
        m.language.trim()
    } else {
        overrides.language.trim()
    };
    Metadata {
        title: pick(&overrides.title, &m.title).or_else(|| pick(&None, &first_title)),
        subtitle: pick(&overrides.subtitle, &m.subtitle),
        authors: list(&overrides.authors, &m.authors, Flow::Display),
        language: language.to_string(),
        date: pick(&overrides.date, &m.date),
        publication: pick(&overrides.publication, &m.publication),
        issue: pick(&overrides.issue, &m.issue),
        issn: pick(&overrides.issn, &m.issn),
        sources: list(&overrides.sources, &m.sources, Flow::Running),
    }
}

/// A table-of-contents line without its page number, which the parser may
/// have left in the text as well as in `page`.
pub(crate) fn without_page(content: &[Inline], page: &str) -> Vec<Inline> {
    let mut content = content.to_vec();
    if page.is_empty() {
        return content;
    }
    let first = content.iter().position(|i| matches!(i, Inline::Span(_)));
    let last = content.iter().rposition(|i| matches!(i, Inline::Span(_)));
    for (at, leading) in [(first, true), (last, false)] {
        if let Some(Inline::Span(s)) = at.and_then(|a| content.get_mut(a)) {
            if let Some(keep) = page_cut(s.text(), page, leading) {
                s.keep(keep);
                break;
            }
        }
    }
    content
}

/// What of `text` is left with `page` cut from its start (or end) and the
/// white space around trimmed, as a byte range of `text`; `None` when the
/// text does not start (end) with the page number, or goes on in digits
/// where the cut would be: 01 is not the page of 0104.
fn page_cut(text: &str, page: &str, leading: bool) -> Option<std::ops::Range<usize>> {
    let lead = text.len() - text.trim_start().len();
    let t = text.trim();
    let rest = if leading {
        t.strip_prefix(page)?
    } else {
        t.strip_suffix(page)?
    };
    let at_cut = if leading {
        rest.chars().next()
    } else {
        rest.chars().last()
    };
    if at_cut.is_none_or(|c| c.is_ascii_digit()) {
        return None;
    }
    let from = if leading { lead + page.len() } else { lead };
    let start = from + (rest.len() - rest.trim_start().len());
    Some(start..start + rest.trim().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_number_is_cut_from_either_end_of_a_contents_line() {
        fn kept<'a>(text: &'a str, page: &str, leading: bool) -> Option<&'a str> {
            page_cut(text, page, leading).map(|r| &text[r])
        }
        assert_eq!(
            kept(" 12 春回阿克陶\u{3000}", "12", true),
            Some("春回阿克陶")
        );
        assert_eq!(kept("高端时论 …… 58 ", "58", false), Some("高端时论 ……"));
        // The cut would split a number: not this page's.
        assert_eq!(kept("0104 春回", "01", true), None);
        assert_eq!(kept("春回 0104", "04", false), None);
        assert_eq!(kept("春回", "58", false), None);
    }

    #[test]
    fn running_text_loses_spaces_between_cjk() {
        assert_eq!(
            tidy("于 2024 年 12 月 26 日召开", Flow::Running),
            "于2024年12月26日召开"
        );
        assert_eq!(tidy("宣传\n “双百”工程", Flow::Running), "宣传“双百”工程");
        assert_eq!(tidy("使用 Rust 语言", Flow::Running), "使用 Rust 语言");
        assert_eq!(tidy("  two   words ", Flow::Running), "two words");
    }

    #[test]
    fn display_text_keeps_word_gaps_and_drops_letter_spacing() {
        assert_eq!(tidy("孙 绍 骋", Flow::Display), "孙绍骋");
        assert_eq!(
            tidy("□新华社记者 燕 雁/摄", Flow::Display),
            "□新华社记者\u{3000}燕雁/摄"
        );
        assert_eq!(
            tidy("促进区域协调发展 更好建设美丽新疆", Flow::Display),
            "促进区域协调发展\u{3000}更好建设美丽新疆"
        );
        assert_eq!(
            tidy("庆祝澳门回归祖国 25周年", Flow::Display),
            "庆祝澳门回归祖国25周年"
        );
        assert_eq!(tidy("目录 MULU", Flow::Display), "目录 MULU");
        assert_eq!(tidy("2025·3 总第344期", Flow::Display), "2025·3 总第344期");
        assert_eq!(
            tidy("民进 2025 年会史工作", Flow::Display),
            "民进2025年会史工作"
        );
    }

    #[test]
    fn breaks_are_transparent_and_bad_characters_go() {
        assert_eq!(
            tidy_marked("第一\u{1} 第二", Flow::Running),
            "第一\u{1}第二"
        );
        assert_eq!(tidy("第一\u{1} 第二", Flow::Running), "第一第二");
        assert_eq!(tidy("\u{c}页\u{0}码", Flow::Running), "页码");
    }
}
