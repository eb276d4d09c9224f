//! Print furniture. Page numbers standing alone, barcodes, and running
//! heads, which are told apart from headings by recurring page after page.

use super::cues::{self, Cue, Numbering};
use super::lines::{Line, is_white, mark};
use crate::model::FurnitureKind;
use std::borrow::Cow;
// A seeded hash, several times faster than SipHash on short lines.
use foldhash::{HashMap, HashMapExt};

/// How many times a line must recur to be a running head.
const RECURS: usize = 3;
/// The least distance, in non-blank lines, between two pages' running heads.
const PAGE_APART: usize = 20;
/// The same on pages of few long lines (magazines extracted a paragraph per line).
const SHORT_PAGE: usize = 4;
/// The most non-blank lines a page holds (a broadsheet page set in narrow
/// columns): a line that recurs only further apart than this, as a column's
/// name once in each issue of a collection, stands over articles, not pages.
const PAGE_MOST: usize = 1500;

/// How many non-blank lines at a page's top hold its furniture: a head, a
/// section's number and title, a page number, each on its own line where
/// plain pdftotext breaks a head set in parts across the page.
const HEAD_LINES: usize = 4;
/// The same at a page's foot (a foot and a page number).
const FOOT_LINES: usize = 2;
/// The widest running head, in ems; at a page's edge a head may fill the
/// line.
const HEAD_WIDEST: f32 = 30.0;
const EDGE_HEAD_WIDEST: f32 = 80.0;

/// How much more or less set in than a running head's other places (in
/// bytes of white space) its title is, where it stands under its own number.
const SET_IN: u32 = 4;

/// What print furniture a line is: a model's [`FurnitureKind`] without the
/// page number's text, read from the line when the model is built. One byte
/// a line, where the kind itself takes 24.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// A page number standing alone.
    PageNumber,
    /// A running head or foot.
    RunningHead,
    /// A barcode, a "scan the code" prompt and the like.
    Other,
}

impl Furniture {
    /// The model's kind for this furniture on a line of text `text`.
    pub fn kind(self, text: &str) -> FurnitureKind {
        match self {
            Furniture::PageNumber => FurnitureKind::PageNumber {
                number: page_number(text),
            },
            Furniture::RunningHead => FurnitureKind::RunningHead,
            Furniture::Other => FurnitureKind::Other,
        }
    }
}

/// The furniture kind of each line, if it is furniture.
pub fn find(lines: &[Line<'_>], cue_of: &[Cue]) -> Vec<Option<Furniture>> {
    // Where form feeds mark the pages, furniture stands at their edges: a
    // number or a recurring line inside a page is a listing's line number,
    // a table's cell, a line of code.
    let pages = pages(lines);
    let zone = page_zones(lines.len(), &pages);
    let may_stand = |i: usize| zone.is_empty() || at_edge(&zone, i);
    let mut out: Vec<Option<Furniture>> = cue_of
        .iter()
        .enumerate()
        .map(|(i, c)| match c {
            Cue::PageNumber if may_stand(i) => Some(Furniture::PageNumber),
            Cue::Junk => Some(Furniture::Other),
            _ => None,
        })
        .collect();
    for (i, kind) in running_heads(lines, cue_of, &zone) {
        if may_stand(i) {
            out[i] = Some(kind);
        }
    }
    complete_heads(lines, cue_of, &pages, &mut out);
    out
}

/// A page's head set in parts (5.8 / 附加页面 / 5 / 实现细节) that plain
/// pdftotext puts on lines of their own: where a page's top lines hold a
/// running head, the section and page numbers among them belong to it.
fn complete_heads(
    lines: &[Line<'_>],
    cue_of: &[Cue],
    pages: &[Vec<usize>],
    out: &mut [Option<Furniture>],
) {
    let number_alone = |i: usize| cues::number_alone(cue_of[i], lines[i].text);
    section_under_heads(lines, cue_of, pages, out);
    for page in pages {
        let top = &page[..page.len().min(HEAD_LINES)];
        if !top.iter().any(|&i| out[i] == Some(Furniture::RunningHead)) {
            continue;
        }
        // Up to the last line of the head, not past it into the text.
        let last = top.iter().rposition(|&i| out[i].is_some()).unwrap_or(0);
        // A section that starts at the top of the page has its number above
        // the head and its words under it, the words the head repeats
        // (4.5 / CHAPTER 4. … / 4.5. 为使用 TFTP… / 为使用 TFTP…): that
        // number is the heading's.
        let words = page
            .get(last + 1)
            .map(|&i| lines[i].text)
            .filter(|w| w.chars().count() >= 2);
        let heading_below = words.is_some_and(|w| {
            top[..=last]
                .iter()
                .any(|&i| out[i].is_some() && lines[i].text.ends_with(w))
        });
        // A number is the head's where the head's words follow it, numbers
        // aside (5.7 / 5 / 实现细节); above the section's words (1.2 / 3 / 57
        // / 需要的开发工具) it is the section's.
        for (k, &i) in top[..=last].iter().enumerate() {
            let heads = top[k + 1..]
                .iter()
                .find(|&&j| !number_alone(j))
                .is_some_and(|&j| out[j] == Some(Furniture::RunningHead));
            if out[i].is_none() && number_alone(i) && heads && !heading_below {
                out[i] = Some(Furniture::RunningHead);
            }
        }
    }
}

/// The share of a document's headed pages that must carry a numbered
/// section's title right under the head for that line to be taken as the
/// head's second line, the document's convention.
const SECOND_LINE_SHARE: f32 = 0.6;
/// Fewer headed pages than this show no convention.
const SECOND_LINE_PAGES: usize = 5;

/// A head in two lines, the chapter's and the section's (CHAPTER 2. 系统需求 /
/// 2.1. 支持的硬件): where most headed pages carry a numbered line right under
/// the head, before their text, that line is the head's too, on every page.
fn section_under_heads(
    lines: &[Line<'_>],
    cue_of: &[Cue],
    pages: &[Vec<usize>],
    out: &mut [Option<Furniture>],
) {
    let numbered = |i: usize| {
        matches!(
            cue_of[i],
            Cue::Numbered {
                style: Numbering::Decimal(_),
                ..
            }
        ) && !cues::number_alone(cue_of[i], lines[i].text)
    };
    let mut under: Vec<usize> = Vec::new();
    let mut headed = 0;
    for page in pages {
        let top = &page[..page.len().min(HEAD_LINES)];
        // The head's first line: the second, known already where it recurs
        // on the pages of a long section, counts for the convention too.
        let Some(first) = top
            .iter()
            .position(|&i| out[i] == Some(Furniture::RunningHead))
        else {
            continue;
        };
        headed += 1;
        if let Some(&i) = page.get(first + 1)
            && numbered(i)
        {
            under.push(i);
        }
    }
    if headed >= SECOND_LINE_PAGES && under.len() as f32 >= headed as f32 * SECOND_LINE_SHARE {
        for i in under {
            out[i] = Some(Furniture::RunningHead);
        }
    }
}

/// The cues once furniture is known: a number that stands where no page
/// number does (inside a page that form feeds mark) is no page number.
pub fn settle(mut cue_of: Vec<Cue>, furniture: &[Option<Furniture>]) -> Vec<Cue> {
    for (c, f) in cue_of.iter_mut().zip(furniture) {
        if *c == Cue::PageNumber && f.is_none() {
            *c = Cue::None;
        }
    }
    cue_of
}

fn page_number(t: &str) -> String {
    // Beside a head, the number's own part.
    let t = super::cues::number_beside_head(t).unwrap_or(t);
    t.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// Lines whose text, digits aside, recurs at page-like distances.
fn running_heads(lines: &[Line<'_>], cue_of: &[Cue], zone: &[bool]) -> Vec<(usize, Furniture)> {
    // Each distinct text gets a number, and its places are listed under
    // that number: one list for all, not one per text. Most short lines are
    // candidates: the map is sized once, not grown step by step (up to a
    // size; a long text repeats its heads and may not need more).
    let mut ids: HashMap<Cow<'_, str>, u32> = HashMap::with_capacity(lines.len().min(1 << 16) / 2);
    let mut found: Vec<(u32, (usize, usize))> = Vec::new();
    let mut ordinal = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        ordinal += 1;
        // A masthead line (2025年第3期) repeated page after page is a head too.
        // So is a section's number and title over the pages of its section.
        // At a page's edge a head may be as wide as the page (a book's
        // title and edition on the left, the date on the right).
        let widest = if at_edge(zone, i) {
            EDGE_HEAD_WIDEST
        } else {
            HEAD_WIDEST
        };
        if !matches!(cue_of[i], Cue::None | Cue::Front | Cue::Numbered { .. })
            || l.width > widest
            || l.text.ends_with(['。', '；', '，', '、'])
        {
            continue;
        }
        // A number alone (Chapter 3) differs from the next only by it.
        if matches!(cue_of[i], Cue::Numbered { .. }) && cues::number_alone(cue_of[i], l.text) {
            continue;
        }
        // A contents entry names a heading without heading a page.
        if !at_edge(zone, i) && near_contents(lines, cue_of, i) {
            continue;
        }
        // Most lines have neither digits, spaces nor capitals: their text
        // is their key. Heads often set a title in capitals (CHAPTER 5).
        let text = if at_edge(zone, i) {
            head_part(l.text)
        } else {
            l.text
        };
        // Where no form feed marks the pages, a head beside a page number
        // is known by the words of the section it repeats, its number and
        // the number's dots aside (6.1. 安装程序如何工作 over 6.1. / 安装程序如何工作);
        // at marked page edges the number tells a head from its heading.
        let dots = zone.is_empty();
        let key: Cow<'_, str> = if l.marks & (mark::DIGIT | mark::WHITE | mark::DOT) != 0
            || text.bytes().any(|b| b.is_ascii_uppercase())
        {
            let aside =
                |c: char| c.is_ascii_digit() || is_white(c) || (dots && matches!(c, '.' | '．'));
            text.chars()
                .filter(|&c| !aside(c))
                .map(|c| c.to_ascii_lowercase())
                .collect::<String>()
                .into()
        } else {
            text.into()
        };
        // Words, not the dots of section numbers (5.1.2., 5.1.3.) alone.
        if key
            .chars()
            .filter(|&c| super::lines::is_letter(c))
            .nth(1)
            .is_none()
        {
            continue;
        }
        let next = ids.len() as u32;
        found.push((*ids.entry(key).or_insert(next), (i, ordinal)));
    }
    // Grouped by text number with a counting sort, linear in the lines (a
    // comparison sort was not, on large texts); each text's places stay in
    // line order.
    let mut start = vec![0usize; ids.len() + 1];
    for f in &found {
        start[f.0 as usize + 1] += 1;
    }
    for k in 1..start.len() {
        start[k] += start[k - 1];
    }
    let mut grouped = vec![(0, 0); found.len()];
    let mut next = start.clone();
    for &(id, place) in &found {
        grouped[next[id as usize]] = place;
        next[id as usize] += 1;
    }
    drop(found);
    let mut out = Vec::new();
    for k in 0..ids.len() {
        let places = &grouped[start[k]..start[k + 1]];
        // Three times a page apart, or more often on short (magazine) pages.
        // Asked with up to three distances: the median is worked out once.
        let paged = std::cell::OnceCell::new();
        let apart = |d: usize| {
            places.windows(2).all(|w| w[1].1 - w[0].1 >= d)
                && *paged.get_or_init(|| page_after_page(places))
        };
        // Or beside a barcode or "scan the code" prompt, however close.
        let by_junk = |&(i, _): &(usize, usize)| {
            let near = |j: Option<usize>| {
                j.is_some_and(|j| matches!(cue_of[j], Cue::Junk | Cue::PageNumber))
            };
            near((0..i).rev().find(|&j| !lines[j].is_blank()))
                || near((i + 1..lines.len()).find(|&j| !lines[j].is_blank()))
        };
        // Where form feeds mark the pages, a line at the top or foot of two
        // pages is enough.
        let at_break = |&(i, _): &(usize, usize)| at_edge(zone, i);
        // A line that comes back beside page numbers (the book's title over
        // each page) is a head there, wherever it first stood.
        let by_number = |&(i, _): &(usize, usize)| {
            let near = |j: Option<usize>| j.is_some_and(|j| cue_of[j] == Cue::PageNumber);
            near((0..i).rev().find(|&j| !lines[j].is_blank()))
                || near((i + 1..lines.len()).find(|&j| !lines[j].is_blank()))
        };
        let n = places.len();
        // A head that repeats a section's title at the page edges: where
        // it stands away from them, it is the title itself.
        // A masthead that opens the text stands at the top of its first
        // page; a title there is the document's own.
        // The text's last line is the foot of its last page.
        let edge = |p: &(usize, usize)| {
            (p.1 == 1 && cue_of[p.0] == Cue::Front) || p.1 == ordinal || at_break(p) || by_number(p)
        };
        let edges = places.iter().filter(|p| edge(p)).count();
        let in_zones = if zone.is_empty() {
            0
        } else {
            places.iter().filter(|p| at_break(p)).count()
        };
        if n >= 2 && places.iter().all(at_break) && apart(SHORT_PAGE) {
            out.extend(places.iter().map(|p| (p.0, Furniture::RunningHead)));
        } else if in_zones >= RECURS {
            // Where form feeds mark the pages, a line that comes back at
            // their edges page after page is a head there, however close
            // its places (a foot, then the next page's head); elsewhere it
            // is the heading it repeats, or a contents entry.
            out.extend(
                places
                    .iter()
                    .filter(|p| at_break(p))
                    .map(|p| (p.0, Furniture::RunningHead)),
            );
        } else if n >= RECURS && (apart(PAGE_APART) || (n > RECURS && apart(SHORT_PAGE))) {
            // The first place, set in unlike the rest (centred), is the
            // title the heads repeat.
            let usual = lines[places[n - 1].0].lead();
            // So is a numbered chapter's title that opens the text.
            let title = |p: &(usize, usize)| {
                p.0 == places[0].0
                    && ((lines[p.0].lead().abs_diff(usual) > SET_IN
                        && lines[places[1].0].lead().abs_diff(usual) <= SET_IN)
                        || (p.1 == 1 && matches!(cue_of[p.0], Cue::Numbered { .. })))
            };
            let keep = |p: &&(usize, usize)| (edges < 2 || edge(p)) && !title(p);
            out.extend(
                places
                    .iter()
                    .filter(keep)
                    .map(|p| (p.0, Furniture::RunningHead)),
            );
        } else if n >= RECURS && places.iter().all(by_junk) {
            // Part of the prompt it stands beside, not a head.
            out.extend(places.iter().map(|p| (p.0, Furniture::Other)));
        } else if n >= 2 && !at_break(&places[0]) && places[1..].iter().all(at_break) {
            // A section's title, then repeated at the top of its pages.
            out.extend(places[1..].iter().map(|p| (p.0, Furniture::RunningHead)));
        } else if n >= 2 && places[1..].iter().all(by_number) && apart(SHORT_PAGE) {
            out.extend(
                places
                    .iter()
                    .filter(|p| by_number(p))
                    .map(|p| (p.0, Furniture::RunningHead)),
            );
        }
    }
    // In no particular order: each line is in one group only.
    out
}

/// Whether a contents line (one with a dot leader) stands within a few
/// lines of line `i`: pdftotext puts a chapter's entry, without a leader,
/// among its sections' entries.
fn near_contents(lines: &[Line<'_>], cue_of: &[Cue], i: usize) -> bool {
    const NEAR: usize = 3;
    let toc = |j: &usize| cue_of[*j] == Cue::Toc;
    (0..i)
        .rev()
        .filter(|&j| !lines[j].is_blank())
        .take(NEAR)
        .any(|j| toc(&j))
        || (i + 1..lines.len())
            .filter(|&j| !lines[j].is_blank())
            .take(NEAR)
            .any(|j| toc(&j))
}

/// The part of a page's head line that recurs: pdftotext -layout sets the
/// head and the section (or the page number) apart with spaces
/// (`CHAPTER 2. 系统需求          2.5. 内存…`, `- 4 -        13. HowTo`); the
/// first part with words in it.
fn head_part(t: &str) -> &str {
    const GAP: &str = "   ";
    t.split(GAP)
        .map(str::trim)
        .find(|p| {
            p.chars()
                .filter(|&c| super::lines::is_letter(c))
                .nth(1)
                .is_some()
        })
        .unwrap_or(t)
}

/// Whether a text's places are, as a rule (the median distance; a head may
/// be missing where a photo fills a page), no further apart than a page.
fn page_after_page(places: &[(usize, usize)]) -> bool {
    let mut gaps: Vec<usize> = places.windows(2).map(|w| w[1].1 - w[0].1).collect();
    if gaps.is_empty() {
        return true;
    }
    let mid = gaps.len() / 2;
    *gaps.select_nth_unstable(mid).1 <= PAGE_MOST
}

/// Whether line `i` stands at the edge of a page that form feeds mark
/// (never, where none do).
fn at_edge(zone: &[bool], i: usize) -> bool {
    zone.get(i).copied().unwrap_or(false)
}

/// The non-blank lines of each page that form feeds mark; none when the
/// text has no form feeds.
fn pages(lines: &[Line<'_>]) -> Vec<Vec<usize>> {
    if !lines.iter().any(Line::starts_page) {
        return Vec::new();
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for (i, l) in lines.iter().enumerate() {
        if l.starts_page() && out.last().is_some_and(|p| !p.is_empty()) {
            out.push(Vec::new());
        }
        if !l.is_blank()
            && let Some(page) = out.last_mut()
        {
            page.push(i);
        }
    }
    out
}

/// Which lines stand at a page's edge, among the first [`HEAD_LINES`] or
/// last [`FOOT_LINES`] non-blank lines of a page that form feeds mark;
/// empty when the text has no form feeds.
fn page_zones(n_lines: usize, pages: &[Vec<usize>]) -> Vec<bool> {
    if pages.is_empty() {
        return Vec::new();
    }
    let mut zone = vec![false; n_lines];
    for page in pages {
        for (k, &i) in page.iter().enumerate() {
            zone[i] = k < HEAD_LINES || k + FOOT_LINES >= page.len();
        }
    }
    zone
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{cues::cue, lines::split};

    #[test]
    fn recurring_heads_and_lone_numbers_are_furniture() {
        let mut text = String::new();
        for page in 1..=4 {
            text.push_str("党员之友 2025年第3期\n");
            for _ in 0..25 {
                text.push_str("正文一行，内容很多很多很多很多很多\n");
            }
            text.push_str(&format!("{page}\n"));
        }
        let lines = split(&text);
        let c: Vec<Cue> = lines.iter().map(cue).collect();
        let f = find(&lines, &c);
        // The heads over pages 2 to 4 stand beside the page numbers; the
        // same line opening the text is the document's title, as a book's
        // is over its pages.
        for page in 1..4 {
            assert_eq!(
                f[page * 27],
                Some(Furniture::RunningHead),
                "page {}",
                page + 1
            );
        }
        assert_eq!(f[0], None);
        assert_eq!(
            f[26].map(|k| k.kind(lines[26].text)),
            Some(FurnitureKind::PageNumber { number: "1".into() })
        );
        assert_eq!(f[1], None);
    }

    #[test]
    fn a_head_in_two_lines_carries_its_section_on_every_page() {
        let mut text = String::new();
        for page in 1..=6 {
            let chapter = (page + 1) / 2;
            text.push_str(&format!("\u{c}CHAPTER {chapter}. 系统需求\n\n"));
            text.push_str(&format!("{chapter}.{page}. 第{page}节的标题\n\n"));
            for _ in 0..6 {
                text.push_str("这是本页的正文，足够长，是一行完整的段落文字，说明安装的步骤。\n");
            }
            text.push_str(&format!("\n{page}\n"));
        }
        let lines = split(&text);
        let c: Vec<Cue> = lines.iter().map(cue).collect();
        let f = find(&lines, &c);
        for (i, l) in lines.iter().enumerate() {
            if l.text.ends_with("节的标题") {
                assert_eq!(f[i], Some(Furniture::RunningHead), "{}", l.text);
            }
        }
    }

    #[test]
    fn a_numbered_line_inside_a_page_marked_by_form_feeds_is_no_page_number() {
        let mut text = String::new();
        for page in 1..=3 {
            text.push_str("\u{c}Getting Started V2.9, 28 Jun 2026\n\n");
            for _ in 0..6 {
                text.push_str("Some text of the page, long enough to be a paragraph line.\n");
            }
            text.push_str("12\n\\else\n");
            text.push_str("More text of the page, long enough to be a paragraph line.\n\n");
            text.push_str(&format!("{page}\n"));
        }
        let lines = split(&text);
        let c: Vec<Cue> = lines.iter().map(cue).collect();
        let f = find(&lines, &c);
        let at = |t: &str| {
            lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.text == t)
                .map(|(i, _)| f[i])
                .collect::<Vec<_>>()
        };
        assert!(at("12").iter().all(Option::is_none), "{:?}", at("12"));
        assert!(at("2").iter().all(|k| *k == Some(Furniture::PageNumber)));
        assert!(
            at("Getting Started V2.9, 28 Jun 2026")
                .iter()
                .all(|k| *k == Some(Furniture::RunningHead))
        );
    }

    #[test]
    fn a_column_name_once_an_issue_is_not_a_running_head() {
        // Three issues of a magazine in one file, each opening with the same
        // column; a running head recurs every page, missing on one.
        let mut text = String::new();
        for _ in 0..3 {
            text.push_str("卷首语\n");
            for page in 0..60 {
                if page != 7 {
                    text.push_str("党员之友\n");
                }
                for _ in 0..30 {
                    text.push_str("正文一行，内容很多很多很多很多很多\n");
                }
            }
        }
        let lines = split(&text);
        let c: Vec<Cue> = lines.iter().map(cue).collect();
        let f = find(&lines, &c);
        let at = |t: &str| {
            lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.text == t)
                .map(|(i, _)| f[i])
                .collect::<Vec<_>>()
        };
        assert!(at("卷首语").iter().all(Option::is_none));
        assert!(
            at("党员之友")
                .iter()
                .all(|k| *k == Some(Furniture::RunningHead))
        );
    }

    #[test]
    fn a_repeated_title_close_together_is_not_a_running_head() {
        let text = "奋力书写新篇章\n正文。\n奋力书写新篇章\n正文。\n奋力书写新篇章\n";
        let lines = split(text);
        let c: Vec<Cue> = lines.iter().map(cue).collect();
        assert!(find(&lines, &c).iter().all(Option::is_none));
    }
}
