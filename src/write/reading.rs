//! Reading text, shared by the writers for readers (EPUB, HTML, Markdown):
//! only characters XML can carry, and without the spaces that OCR and PDF
//! extraction leave between CJK characters.

#![cfg_attr(
    not(any(
        feature = "epub",
        feature = "html",
        feature = "markdown",
        feature = "pdf"
    )),
    allow(dead_code)
)]

use super::pages::PageTurns;
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

thread_local! {
    /// Whether the writer running on this thread keeps the source's
    /// punctuation (see [`keep_punctuation`]); the default sets it full-width.
    static KEEP_PUNCTUATION: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Keeps ASCII punctuation between CJK characters as the source has it (or
/// sets it full-width, the default) while the guard lives: a writer takes it
/// at its start from its options, so every piece of reading text it tidies
/// follows them.
pub(crate) fn keep_punctuation(keep: bool) -> PunctuationGuard {
    PunctuationGuard(KEEP_PUNCTUATION.with(|k| k.replace(keep)))
}

/// Restores the punctuation setting of the writer around this one.
pub(crate) struct PunctuationGuard(bool);

impl Drop for PunctuationGuard {
    fn drop(&mut self) {
        KEEP_PUNCTUATION.with(|k| k.set(self.0));
    }
}

/// The full-width form print sets between CJK characters for an ASCII
/// punctuation mark that OCR puts there.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Sets ASCII punctuation that stands between CJK characters (a space or a
/// page break may stand beside it) in its full-width form, in place, one
/// character for one: `中国,人民` → `中国，人民`, `好吗?` at the end of the
/// text too, and a pair of parentheses around CJK text (`(贾佳整理)`) when
/// no Latin letter or digit stands against it outside. Returns how many
/// characters it changed. `is_gap` tells which characters to look past.
pub(crate) fn full_width_punctuation(chars: &mut [char], is_gap: impl Fn(char) -> bool) -> usize {
    let neighbour = |chars: &[char], from: usize, step: isize| -> Option<char> {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < chars.len() {
            let c = chars[i as usize];
            if !is_gap(c) {
                return Some(c);
            }
            i += step;
        }
        None
    };
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut changed = 0;
    // Parentheses first, in pairs, so that a mark beside one sees it full-width.
    for i in 0..chars.len() {
        if chars[i] != '(' {
            continue;
        }
        let Some(len) = chars[i + 1..].iter().position(|&c| c == '(' || c == ')') else {
            continue;
        };
        let j = i + 1 + len;
        if chars[j] == ')'
            && chars[i + 1..j].iter().any(|&c| is_set_solid(c))
            && !latin(neighbour(chars, i, -1))
            && !latin(neighbour(chars, j, 1))
        {
            chars[i] = '（';
            chars[j] = '）';
            changed += 2;
        }
    }
    for i in 0..chars.len() {
        let Some(wide) = full_width(chars[i]).filter(|_| !matches!(chars[i], '(' | ')')) else {
            continue;
        };
        // After a CJK character (not an opening bracket), before another
        // or at the end: 中国,人民 and 好吗?
        if neighbour(chars, i, -1).is_some_and(|b| is_cjk_text(b) && !is_opening(b))
            && neighbour(chars, i, 1).is_none_or(is_cjk_text)
        {
            chars[i] = wide;
            changed += 1;
        }
    }
    changed
}

/// How many ASCII punctuation marks of the document's text the formats for
/// readers set full-width (what the TEI header records, as TEI keeps them).
pub(crate) fn ascii_punctuation(doc: &Document) -> usize {
    fn count(blocks: &[crate::model::Block]) -> usize {
        let mut n = 0;
        for b in blocks {
            let credit: &[Inline] = match &b.kind {
                crate::model::BlockKind::Caption { credit } => credit,
                crate::model::BlockKind::Sidebar { items } => {
                    n += count(items);
                    &[]
                }
                _ => &[],
            };
            for content in [&b.content[..], credit] {
                let mut chars: Vec<char> = crate::model::plain_text(content).chars().collect();
                n += full_width_punctuation(&mut chars, is_reading_space);
            }
        }
        n
    }
    doc.articles.iter().map(|a| count(&a.blocks)).sum()
}

/// Brackets and quotes that close.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '）' | '》' | '〉' | '」' | '』' | '】' | '〕' | '〗' | '］' | '｝'
    )
}

/// Brackets and quotes that open: punctuation after them begins nothing.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '（' | '《' | '〈' | '「' | '『' | '【' | '〔' | '〖' | '［' | '｛'
    )
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
    let out: String = tidy_chars(chars, flow)
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    // A break at either end may have kept a space next to it.
    let trimmed = out.trim_matches(|c: char| is_reading_space(c));
    trimmed.to_string()
}

/// The reading text of `chars` as [`tidy_marked`] makes it (without the
/// trimming), each character with the index in `chars` of the one it comes
/// from: the PDF keeps the source line of every character it sets.
pub(crate) fn tidy_chars(mut chars: Vec<char>, flow: Flow) -> Vec<(char, usize)> {
    if !KEEP_PUNCTUATION.with(std::cell::Cell::get) {
        full_width_punctuation(&mut chars, |c| is_reading_space(c) || c == BREAK);
    }
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_reading_space(chars[i]) {
            out.push((chars[i], i));
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
            Gap::Space => out.push((' ', start)),
            Gap::Ideographic => out.push(('\u{3000}', start)),
        }
    }
    out
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
    if flow == Flow::Running {
        return Gap::None;
    }
    // A gap beside a quote or a bracket that closes a phrase or opens the
    // next (托起百姓“稳稳的幸福” 杜建芸, 做活全疆“棋眼” 推动南疆发展) parts
    // two phrases, as between two words: a mark is never letter-spaced.
    if (is_closing(l) && (is_set_solid(r) || is_opening(r))) || (is_set_solid(l) && is_opening(r)) {
        return Gap::Ideographic;
    }
    if !(is_set_solid(l) && is_set_solid(r)) {
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
/// more than there are breaks, and the page that begins at each break
/// ([`PageTurns::opens`]: none where none begins, after a foot number that
/// ends the text).
pub(crate) fn pieces(
    content: &[Inline],
    flow: Flow,
    turns: &PageTurns,
) -> (Vec<String>, Vec<Option<String>>) {
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
                    labels.push(page_opened(turns, number, m.span.text(), m.span.line));
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

/// The source line of a block's first span (0 for none).
pub(crate) fn first_line(b: &Block) -> u32 {
    b.content
        .iter()
        .find_map(|i| match i {
            Inline::Span(s) => Some(s.line),
            Inline::Milestone(_) => None,
        })
        .unwrap_or(0)
}

/// The label of the page that begins at the page number `number`, printed
/// as `printed` on source line `line`: the number as a reader sees it (the
/// printed line where it holds none), or the next page's where numbers foot
/// their pages; none where no page begins.
pub(crate) fn page_opened(
    turns: &PageTurns,
    number: &str,
    printed: &str,
    line: u32,
) -> Option<String> {
    let label = tidy(number, Flow::Display);
    let label = if label.is_empty() {
        tidy(printed, Flow::Display)
    } else {
        label
    };
    turns.opens(&label, line)
}

/// The document's metadata as a reader sees it: each field set in
/// `overrides` (a non-empty string or list) replaces the one found in the
/// text; the title falls back to the file's name (never to one article's);
/// every value is tidied as display text.
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
    let name = file_title(doc);
    let language = if overrides.language.trim().is_empty() {
        m.language.trim()
    } else {
        overrides.language.trim()
    };
    Metadata {
        title: pick(&overrides.title, &m.title).or_else(|| pick(&None, &name)),
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

/// What names a document whose metadata gives it no title: the title of
/// its only article (a document of one article is that article), else its
/// file's name without the extension; never the first of several articles.
pub(crate) fn file_title(doc: &Document) -> Option<String> {
    let mut titles = doc
        .articles
        .iter()
        .filter(|a| a.kind == crate::model::ArticleKind::Article)
        .map(|a| a.title());
    if let (Some(Some(only)), None) = (titles.next(), titles.next()) {
        return Some(only);
    }
    let name = doc.source.file_name.as_deref()?;
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    (!stem.trim().is_empty()).then(|| stem.trim().to_string())
}

/// Whether `d` is a W3C date: `2025`, `2025-03`, `2025-03-17`.
pub(crate) fn is_w3c_date(d: &str) -> bool {
    let p: Vec<&str> = d.split('-').collect();
    let num = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match p.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u8>().unwrap_or(0))
        }
        _ => false,
    }
}

/// A printed date (`2025 年 1 月 17 日`, `二〇二五年一月八日`, `2025.1.17`)
/// as a W3C date, when it has a year.
pub(crate) fn w3c_date(printed: &str) -> Option<String> {
    let digits: String = printed
        .chars()
        .map(
            |c| match "〇一二三四五六七八九".chars().position(|d| d == c) {
                Some(n) => char::from(b'0' + n as u8),
                None if c == '零' => '0',
                None => c,
            },
        )
        .collect();
    // Compiled once per process, not once per book: a compile costs more than writing a small book's metadata.
    static TENS: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    static DATE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let tens = TENS
        .get_or_init(|| regex::Regex::new(r"(\d)?十(\d)?").ok())
        .as_ref()?;
    let digits = tens.replace_all(&digits, |c: &regex::Captures| {
        format!(
            "{}{}",
            c.get(1).map_or("1", |m| m.as_str()),
            c.get(2).map_or("0", |m| m.as_str())
        )
    });
    let re = DATE
        .get_or_init(|| {
            regex::Regex::new(
                r"(\d{4})\s*[年./-]\s*(?:(\d{1,2})\s*[月./-]?\s*(?:(\d{1,2})\s*日?)?)?",
            )
            .ok()
        })
        .as_ref()?;
    let c = re.captures(&digits)?;
    let mut out = c[1].to_string();
    if let Some(m) = c.get(2) {
        out.push_str(&format!("-{:02}", m.as_str().parse::<u8>().ok()?));
        if let Some(d) = c.get(3) {
            out.push_str(&format!("-{:02}", d.as_str().parse::<u8>().ok()?));
        }
    }
    is_w3c_date(&out).then_some(out)
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
        // Phrases parted beside a quote: the names after a title, a title's halves.
        assert_eq!(
            tidy("托起百姓“稳稳的幸福” 杜建芸 刘 昕", Flow::Display),
            "托起百姓“稳稳的幸福”\u{3000}杜建芸\u{3000}刘昕"
        );
        assert_eq!(
            tidy("做活全疆“棋眼” 推动南疆发展", Flow::Display),
            "做活全疆“棋眼”\u{3000}推动南疆发展"
        );
        assert_eq!(
            tidy("访企问需送服务 助企跑出“加速度”", Flow::Display),
            "访企问需送服务\u{3000}助企跑出“加速度”"
        );
        assert_eq!(
            tidy("奋斗 《求是》 文章", Flow::Display),
            "奋斗\u{3000}《求是》\u{3000}文章"
        );
        assert_eq!(tidy("“棋眼” 推动", Flow::Running), "“棋眼”推动");
        assert_eq!(tidy("目录 MULU", Flow::Display), "目录 MULU");
        assert_eq!(tidy("2025·3 总第344期", Flow::Display), "2025·3 总第344期");
        assert_eq!(
            tidy("民进 2025 年会史工作", Flow::Display),
            "民进2025年会史工作"
        );
    }

    #[test]
    fn ascii_punctuation_between_cjk_is_set_full_width_unless_kept() {
        assert_eq!(
            tidy("中国,人民; 团结 :奋斗?“好”!", Flow::Running),
            "中国，人民；团结：奋斗？“好”！"
        );
        assert_eq!(
            tidy("基础性支撑(下转第9页)作用", Flow::Running),
            "基础性支撑（下转第9页）作用"
        );
        assert_eq!(tidy("(贾佳整理)", Flow::Display), "（贾佳整理）");
        // Latin, digits and times keep theirs; so do parentheses against Latin.
        for kept in [
            "A,B",
            "3,5",
            "10:30",
            "使用Rust,好",
            "全国人大(NPC)会议",
            "中国(China)",
            "见图(1)",
        ] {
            assert_eq!(tidy(kept, Flow::Running), kept);
        }
        // At the start of a text or after an opening bracket a mark ends nothing.
        assert_eq!(tidy("“,好", Flow::Running), "“,好");
        let _keep = keep_punctuation(true);
        assert_eq!(tidy("中国,人民", Flow::Running), "中国,人民");
        drop(_keep);
        assert_eq!(tidy("中国,人民", Flow::Running), "中国，人民");
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
