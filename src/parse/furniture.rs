//! Print furniture. Page numbers standing alone, barcodes, and running
//! heads, which are told apart from headings by recurring page after page.

use super::cues::{self, Cue, Numbering};
use super::lines::{Line, is_white, mark};
use crate::model::{FurnitureKind, PageNumberPlace};
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

/// How many non-blank lines at a page's top or foot furniture of several
/// lines may fill, where it recurs on most pages.
const WIDE_EDGE_LINES: usize = 6;
/// The share of the pages such furniture recurs on.
const WIDE_EDGE_SHARE: f32 = 0.5;

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

/// Where the text prints its page numbers, as its lines show: a number
/// that ends the text, or that comes just before a form feed or a running
/// head (the next page's), stands at a foot; one that opens the text or a
/// page, or comes just after a running head, stands at a head. The side
/// with more signs wins; without a sign either way, or as many on each
/// side, the foot, where books and magazines print them and where text
/// extraction puts a page's last lines. Blank lines are passed over; a form
/// feed on a blank line opens the page of the next line of text.
pub fn page_number_place(lines: &[Line<'_>], furniture: &[Option<Furniture>]) -> PageNumberPlace {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Piece {
        Number,
        Head,
        Text,
    }
    // Each non-blank line: what it holds and whether it opens a page.
    let mut pieces: Vec<(Piece, bool)> = Vec::new();
    let mut feed = false;
    for (l, f) in lines.iter().zip(furniture) {
        feed |= l.starts_page();
        if l.is_blank() {
            continue;
        }
        let piece = match f {
            Some(Furniture::PageNumber) => Piece::Number,
            Some(Furniture::RunningHead) => Piece::Head,
            _ => Piece::Text,
        };
        pieces.push((piece, std::mem::take(&mut feed)));
    }
    let (mut foot, mut head) = (0, 0);
    for (k, &(p, feed)) in pieces.iter().enumerate() {
        if p != Piece::Number {
            continue;
        }
        match pieces.get(k + 1) {
            None | Some((Piece::Head, _)) | Some((_, true)) => foot += 1,
            _ => {}
        }
        match k.checked_sub(1).map(|j| pieces[j]) {
            None => head += 1,
            _ if feed => head += 1,
            Some((Piece::Head, _)) => head += 1,
            _ => {}
        }
    }
    if foot >= head {
        PageNumberPlace::Foot
    } else {
        PageNumberPlace::Head
    }
}

/// The furniture kind of each line, if it is furniture.
pub fn find(lines: &[Line<'_>], cue_of: &[Cue]) -> Vec<Option<Furniture>> {
    // Where form feeds mark the pages, furniture stands at their edges: a
    // number or a recurring line inside a page is a listing's line number,
    // a table's cell, a line of code.
    let pages = pages(lines);
    let zone = page_zones(lines.len(), &pages, HEAD_LINES, FOOT_LINES);
    let wide = page_zones(lines.len(), &pages, WIDE_EDGE_LINES, WIDE_EDGE_LINES);
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
    // Each line's text as a head recurs by, worked out once for both passes.
    let keys: Vec<Option<Cow<'_, str>>> = (0..lines.len())
        .map(|i| {
            if lines[i].is_blank() {
                None
            } else {
                head_key(lines, cue_of, &zone, i)
            }
        })
        .collect();
    let echoes = echoes(lines, cue_of, &pages, &keys);
    for &i in &echoes.heads {
        out[i] = Some(Furniture::RunningHead);
    }
    for (i, kind) in running_heads(
        lines,
        cue_of,
        &pages,
        [&zone, &wide],
        &keys,
        &echoes.headings,
    ) {
        out[i] = Some(kind);
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
        // Further down where a head that echoes a heading stands lower.
        let reach = (HEAD_LINES..page.len().min(ECHO_LINES))
            .rev()
            .find(|&k| out[page[k]] == Some(Furniture::RunningHead))
            .map_or(HEAD_LINES, |k| k + 1);
        let top = &page[..page.len().min(reach)];
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
        // In any case: heads often set a title in capitals (1.5. 获得 DEBIAN
        // over 获得 Debian).
        let heading_below = words.is_some_and(|w| {
            let w = w.to_lowercase();
            top[..=last]
                .iter()
                .any(|&i| out[i].is_some() && lines[i].text.to_lowercase().ends_with(&w))
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
    // The page, not the count after it (6/18, 12 / 80).
    let t = t.split(['/', '／']).next().unwrap_or(t);
    t.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// Lines whose text, digits aside, recurs at page-like distances.
///
/// Where form feeds mark the pages, only lines at their edges, or a head
/// that the extraction moved into its page.
fn running_heads(
    lines: &[Line<'_>],
    cue_of: &[Cue],
    pages: &[Vec<usize>],
    [zone, wide]: [&[bool]; 2],
    keys: &[Option<Cow<'_, str>>],
    echoed: &[bool],
) -> Vec<(usize, Furniture)> {
    // Each distinct text gets a number, and its places are listed under
    // that number: one list for all, not one per text. Most short lines are
    // candidates: the map is sized once, not grown step by step (up to a
    // size; a long text repeats its heads and may not need more).
    let mut ids: HashMap<&str, u32> = HashMap::with_capacity(lines.len().min(1 << 16) / 2);
    let mut found: Vec<(u32, (usize, usize))> = Vec::new();
    let mut ordinal = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        ordinal += 1;
        // The heading a head echoes on its own page is the heading.
        if echoed.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(key) = keys[i].as_deref() else {
            continue;
        };
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
    let mut page_of = vec![usize::MAX; lines.len()];
    for (k, page) in pages.iter().enumerate() {
        for &i in page {
            page_of[i] = k;
        }
    }
    let mut out = Vec::new();
    let mut displaced = Vec::new();
    let mut deep = Vec::new();
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
        // Right under a chapter's label alone on its line (Chapter 5, 第五章).
        let under_its_label = |i: usize| {
            (0..i)
                .rev()
                .find(|&j| !lines[j].is_blank())
                .is_some_and(|j| {
                    matches!(
                        cue_of[j],
                        Cue::Numbered {
                            style: Numbering::Chapter,
                            ..
                        }
                    ) && cues::number_alone(cue_of[j], lines[j].text)
                })
        };
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
        // A foot or head of several lines (the book's title, its
        // copyright, its revision) stands deeper than the narrow edge: on
        // most pages, near the edge, it is furniture there.
        // Where form feeds mark the pages, the chapter's own title among
        // its heads is no head.
        let title = if in_zones > 0 {
            chapter_titles(lines, places, &at_break)
        } else {
            Box::new(|_| false)
        };
        if !zone.is_empty() {
            let mut near: Vec<usize> = places
                .iter()
                .filter(|p| at_edge(wide, p.0))
                .map(|p| page_of[p.0])
                .collect();
            near.dedup();
            if near.len() >= RECURS && near.len() as f32 >= pages.len() as f32 * WIDE_EDGE_SHARE {
                deep.extend(
                    places
                        .iter()
                        .filter(|p| at_edge(wide, p.0) && !title(p.0))
                        .map(|p| p.0),
                );
            }
        }
        if n >= 2 && places.iter().all(at_break) && apart(SHORT_PAGE) {
            out.extend(
                places
                    .iter()
                    .filter(|p| !title(p.0))
                    .map(|p| (p.0, Furniture::RunningHead)),
            );
        } else if in_zones >= RECURS {
            // Where form feeds mark the pages, a line that comes back at
            // their edges page after page is a head there, however close
            // its places (a foot, then the next page's head); elsewhere it
            // is the heading it repeats, or a contents entry.
            out.extend(
                places
                    .iter()
                    .filter(|p| at_break(p) && !title(p.0))
                    .map(|p| (p.0, Furniture::RunningHead)),
            );
            // Plain pdftotext may set a page's head among its lines (after
            // a listing, in a table): on a page that lacks the head at its
            // edges, the copy inside is the head, not the first (the title
            // the heads repeat, on a chapter's opening page that has none).
            // Heads that fill their line: the first cell of a table's
            // header row, repeated over each page of the table, is no
            // head of the page.
            let alone = |p: &&(usize, usize)| head_part(lines[p.0].text) == lines[p.0].text.trim();
            let mut headed: Vec<usize> = places
                .iter()
                .filter(|p| at_break(p) && alone(p))
                .map(|p| page_of[p.0])
                .collect();
            headed.dedup();
            let inside: Vec<usize> = places[1..]
                .iter()
                .filter(|p| !at_break(p) && headed.binary_search(&page_of[p.0]).is_err())
                .map(|p| p.0)
                .collect();
            // A head stands at the edges as a rule; a line inside pages
            // more often than at their edges (a listing's `\fi`) is text.
            if headed.len() >= RECURS && inside.len() <= headed.len() {
                displaced.extend(inside);
            }
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
        } else if n >= 2
            && !at_break(&places[0])
            && places[1..].iter().all(at_break)
            && !places[1..].iter().any(|p| under_its_label(p.0))
        {
            // A section's title, then repeated at the top of its pages; not
            // a chapter's title under its label (Chapter 5 / debian 目录下的
            // 其他文件), where the first place is its contents entry.
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
    if !zone.is_empty() {
        out.retain(|&(i, _)| at_edge(zone, i));
    }
    out.extend(deep.into_iter().map(|i| (i, Furniture::RunningHead)));
    for i in displaced {
        out.push((i, Furniture::RunningHead));
        // Its number, on the line before (5 / 实现细节), with it.
        if let Some(j) = (0..i).rev().find(|&j| !lines[j].is_blank())
            && page_of[j] == page_of[i]
            && cues::number_alone(cue_of[j], lines[j].text)
        {
            out.push((j, Furniture::RunningHead));
        }
    }
    // In no particular order: each line is in one group only.
    out
}

/// Which of a running head's places at page edges is the chapter's own
/// title, on its opening page: pdftotext -layout sets the heads beside
/// their page number (`4     第一章   LATEX 的基本概念`, `2  我们需要 TEX   4`),
/// the title set in, without it (`      第一章   LATEX 的基本概念`).
fn chapter_titles<'p>(
    lines: &[Line<'_>],
    places: &'p [(usize, usize)],
    at_break: &impl Fn(&(usize, usize)) -> bool,
) -> Box<dyn Fn(usize) -> bool + 'p> {
    const GAP: &str = "   ";
    let numbers = |i: usize| {
        lines[i]
            .text
            .split(GAP)
            .map(str::trim)
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .count()
    };
    let mut heads: Vec<(usize, u32)> = places
        .iter()
        .filter(|p| at_break(p))
        .map(|p| (numbers(p.0), lines[p.0].lead()))
        .collect();
    // The heads' usual count of numbers and their usual indent: the middle ones.
    let mid = heads.len() / 2;
    let usual_numbers = heads.select_nth_unstable_by_key(mid, |h| h.0).1.0;
    let usual_lead = heads.select_nth_unstable_by_key(mid, |h| h.1).1.1;
    let set_apart: Vec<usize> = places
        .iter()
        .filter(|p| at_break(p))
        .map(|p| p.0)
        .filter(|&i| numbers(i) < usual_numbers && lines[i].lead().abs_diff(usual_lead) > SET_IN)
        .collect();
    Box::new(move |i| set_apart.contains(&i))
}

/// How many non-blank lines at a page's top may hold a head that echoes a
/// heading further down the page: plain pdftotext sets a head printed in
/// parts (2.3 / 模板的组成 / 2 / 安装) on lines of its own.
const ECHO_LINES: usize = 6;
/// On fewer pages than this, a line repeated lower on its page is no
/// convention of the document's (a word in a table, a label).
const ECHO_PAGES: usize = 2;

/// Heads that repeat, at the top of their page, a heading further down the
/// same page: a section that begins on a page is named in its head.
struct Echoes {
    heads: Vec<usize>,
    /// The headings they echo, by line.
    headings: Vec<bool>,
}

fn echoes<'a>(
    lines: &[Line<'a>],
    cue_of: &[Cue],
    pages: &[Vec<usize>],
    keys: &[Option<Cow<'_, str>>],
) -> Echoes {
    let mut heads = Vec::new();
    let mut below = Vec::new();
    let mut pages_echoing = 0;
    // The words, without the section's number (5.10 附录 over 5.10 / 附录).
    let words = |i: usize| {
        keys[i]
            .as_deref()
            .map(|k| k.trim_start_matches(['.', '．']))
    };
    for page in pages {
        // A heading's number, on its line or the one beside it (2.3 /
        // 模板的组成, 选项 / 3.2 where pdftotext puts a head's parts out of
        // order), tells a head from a listing's line repeated on the page:
        // a listing's lines are not numbered alike.
        let number = |k: usize| -> [Option<&str>; 3] {
            let i = page[k];
            let alone = |k: usize| {
                page.get(k)
                    .filter(|&&j| cues::number_alone(cue_of[j], lines[j].text))
                    .map(|&j| lines[j].text)
            };
            let own = match cue_of[i] {
                Cue::Numbered { rest, .. } => lines[i].text.get(..rest as usize),
                _ => None,
            };
            let bare = |n: &'a str| {
                n.trim()
                    .trim_start_matches(['§', ' '])
                    .trim_end_matches(['.', '．'])
            };
            [
                own.map(bare),
                alone(k + 1).map(bare),
                k.checked_sub(1).and_then(alone).map(bare),
            ]
        };
        let top: Vec<(usize, [Option<&str>; 3], &str)> = (0..page.len().min(ECHO_LINES))
            .filter_map(|k| {
                let n = number(k);
                if n.iter().all(Option::is_none) {
                    return None;
                }
                words(page[k]).map(|w| (page[k], n, w))
            })
            .collect();
        if top.is_empty() {
            continue;
        }
        // The same number; or none beside a heading that pdftotext set
        // apart from its section's number (5.9 / \inlinecite / 参考文献),
        // where the head's number is a section's (5.9, not a listing's 339).
        let alike = |a: &[Option<&str>; 3], b: &[Option<&str>; 3]| {
            a.iter()
                .flatten()
                .any(|n| b.iter().flatten().any(|m| m == n))
                || (b.iter().all(Option::is_none)
                    && a.iter().flatten().any(|n| n.contains(['.', '．'])))
        };
        let before = heads.len();
        for (k, &j) in page.iter().enumerate().skip(1) {
            let Some(w) = words(j) else {
                continue;
            };
            if let Some(&(i, _, _)) = top
                .iter()
                .find(|(i, m, t)| *i < j && *t == w && alike(m, &number(k)))
                && !heads.contains(&i)
                && !heads.contains(&j)
            {
                heads.push(i);
                below.push(j);
            }
        }
        pages_echoing += usize::from(heads.len() > before);
    }
    let mut headings = vec![false; lines.len()];
    if pages_echoing < ECHO_PAGES {
        heads.clear();
        return Echoes { heads, headings };
    }
    for j in below {
        headings[j] = true;
    }
    Echoes { heads, headings }
}

/// The text by which line `i` recurs as a running head, if it may be one:
/// its words, without the digits, spaces and case by which a head differs
/// from page to page.
fn head_key<'a>(
    lines: &[Line<'a>],
    cue_of: &[Cue],
    zone: &[bool],
    i: usize,
) -> Option<Cow<'a, str>> {
    let l = &lines[i];
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
        || cues::markup(l.text)
    {
        return None;
    }
    // A number alone (Chapter 3) differs from the next only by it.
    if matches!(cue_of[i], Cue::Numbered { .. }) && cues::number_alone(cue_of[i], l.text) {
        return None;
    }
    // A contents entry names a heading without heading a page.
    if !at_edge(zone, i) && near_contents(lines, cue_of, i) {
        return None;
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
    let key: Cow<'a, str> = if l.marks & (mark::DIGIT | mark::WHITE | mark::DOT) != 0
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
    key.chars()
        .filter(|&c| super::lines::is_letter(c))
        .nth(1)
        .is_some()
        .then_some(key)
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
fn page_zones(n_lines: usize, pages: &[Vec<usize>], head: usize, foot: usize) -> Vec<bool> {
    if pages.is_empty() {
        return Vec::new();
    }
    let mut zone = vec![false; n_lines];
    for page in pages {
        for (k, &i) in page.iter().enumerate() {
            zone[i] = k < head || k + foot >= page.len();
        }
    }
    zone
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{cues::cue, lines::split};

    #[test]
    fn page_numbers_stand_at_the_foot_or_the_head_as_their_neighbours_show() {
        use super::Furniture::{PageNumber as N, RunningHead as H};
        let at = |text: &str, f: &[Option<Furniture>]| {
            let lines = split(text);
            assert_eq!(lines.len(), f.len(), "{text:?}");
            page_number_place(&lines, f)
        };
        // Before the next page's head, at the end of the text, before a
        // form feed: a foot.
        assert_eq!(
            at("正文\n62\n书名\n正文", &[None, Some(N), Some(H), None]),
            PageNumberPlace::Foot
        );
        assert_eq!(at("正文\n62", &[None, Some(N)]), PageNumberPlace::Foot);
        assert_eq!(
            at("正文\n62\n\x0c正文", &[None, Some(N), None]),
            PageNumberPlace::Foot
        );
        // A form feed on a blank line opens the next line's page.
        assert_eq!(
            at("正文\n62\n\x0c\n正文", &[None, Some(N), None, None]),
            PageNumberPlace::Foot
        );
        // Opening the text, after a head, after a form feed: a head.
        assert_eq!(
            at(
                "27\n正文\n书名\n28\n正文",
                &[Some(N), None, Some(H), Some(N), None]
            ),
            PageNumberPlace::Head
        );
        assert_eq!(
            at("正文\n\x0c28\n正文", &[None, Some(N), None]),
            PageNumberPlace::Head
        );
        // No sign either way: the foot.
        assert_eq!(
            at("正文\n62\n正文", &[None, Some(N), None]),
            PageNumberPlace::Foot
        );
        assert_eq!(at("正文\n正文", &[None, None]), PageNumberPlace::Foot);
    }

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
        assert_eq!(page_number("6/18"), "6");
        assert_eq!(page_number("12 / 80"), "12");
        assert_eq!(page_number("- 4 -"), "4");
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

    /// The kinds found for the lines whose text is `t`, in order.
    fn kinds_of(text: &str, t: &str) -> Vec<Option<Furniture>> {
        let lines = split(text);
        let c: Vec<Cue> = lines.iter().map(cue).collect();
        let f = find(&lines, &c);
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.text.trim_start_matches('\u{c}') == t)
            .map(|(i, _)| f[i])
            .collect()
    }

    const BODY: &str = "这是本页的正文，足够长，是一行完整的段落文字，说明模板的用法。\n";

    #[test]
    fn a_head_that_echoes_a_heading_on_its_page_is_the_head() {
        // Plain pdftotext: each page's head in parts at its top; a section
        // that begins on the page is named again where it begins.
        let mut text = String::new();
        for (n, title) in [
            ("2.3", "模板的组成"),
            ("2.4", "生成模板"),
            ("2.5", "生成论文"),
        ] {
            text.push_str(&format!("\u{c}{n}\n\n{title}\n\n"));
            text.push_str(&BODY.repeat(5));
            text.push_str(&format!("\n{n}\n\n{title}\n\n"));
            text.push_str(&BODY.repeat(5));
        }
        for title in ["模板的组成", "生成模板", "生成论文"] {
            assert_eq!(
                kinds_of(&text, title),
                [Some(Furniture::RunningHead), None],
                "{title}"
            );
        }
        assert_eq!(kinds_of(&text, "2.4"), [Some(Furniture::RunningHead), None]);
    }

    #[test]
    fn a_head_numbered_with_a_section_sign_echoes_its_heading() {
        // lshort's odd pages: §1.2 / 第一次使用 LATEX / 3 over the text.
        let mut text = String::new();
        for (page, (n, title)) in [
            ("1.2", "第一次使用"),
            ("1.3", "宏包和文档类"),
            ("1.4", "文件一览"),
        ]
        .into_iter()
        .enumerate()
        {
            text.push_str(&format!("\u{c}§{n}\n\n{title}\n\n{}\n\n", 2 * page + 3));
            text.push_str(&BODY.repeat(4));
            text.push_str(&format!("{n}\n\n{title}\n\n"));
            text.push_str(&BODY.repeat(4));
        }
        for title in ["第一次使用", "宏包和文档类", "文件一览"] {
            assert_eq!(
                kinds_of(&text, title),
                [Some(Furniture::RunningHead), None],
                "{title}"
            );
        }
    }

    #[test]
    fn a_listing_line_repeated_on_its_page_is_no_head() {
        let mut text = String::new();
        for page in 0..4 {
            text.push('\u{c}');
            text.push_str(&BODY.repeat(3));
            text.push_str(&format!("{}\n\\fi\n", 300 + page * 10));
            text.push_str(&BODY.repeat(5));
            text.push_str(&format!("{}\n\\fi\n", 305 + page * 10));
            text.push_str(&BODY.repeat(5));
        }
        let kinds = kinds_of(&text, "\\fi");
        assert_eq!(kinds.len(), 8);
        assert!(kinds.iter().all(Option::is_none), "{kinds:?}");
    }

    #[test]
    fn a_head_the_extraction_moved_into_its_page_is_a_head() {
        // A chapter's title where it begins, on a page without a head; its
        // pages carry it at their foot, but one page has it among its lines.
        let mut text = String::from("\u{c}");
        text.push_str(&BODY.repeat(6));
        text.push_str("\n实现细节\n\n");
        text.push_str(&BODY.repeat(8));
        for page in 0..5 {
            text.push('\u{c}');
            text.push_str(&BODY.repeat(4));
            if page == 2 {
                text.push_str("5\n实现细节\n");
                text.push_str(&BODY.repeat(4));
                text.push_str("第二行也是正文，不是页眉，也不是页码，继续说明。\n");
            } else {
                text.push_str(&BODY.repeat(4));
                text.push_str("5\n实现细节\n");
            }
        }
        let kinds = kinds_of(&text, "实现细节");
        assert_eq!(kinds.len(), 6);
        assert_eq!(kinds[0], None, "the chapter's own title");
        assert!(
            kinds[1..]
                .iter()
                .all(|k| *k == Some(Furniture::RunningHead)),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_foot_of_several_lines_on_most_pages_is_furniture() {
        // The book's title, its copyright and its revision over each page's
        // number: deeper than a page number's line and the one above it.
        let mut text = String::new();
        for page in 1..=6 {
            text.push('\u{c}');
            text.push_str(&BODY.repeat(6));
            text.push_str("CTEX FAQ （常见问题集） v0.4 beta\nCopyright\n©2003–2009 CTEX.ORG\n");
            text.push_str(&format!("Revised\n{page}\n"));
        }
        for t in ["CTEX FAQ （常见问题集） v0.4 beta", "Copyright"] {
            let kinds = kinds_of(&text, t);
            assert!(
                kinds.len() == 6 && kinds.iter().all(|k| *k == Some(Furniture::RunningHead)),
                "{t}: {kinds:?}"
            );
        }
    }

    #[test]
    fn a_chapter_title_set_in_without_a_page_number_is_no_head() {
        // pdftotext -layout: the chapter opens a page with its title set
        // in; the heads of its other pages stand beside their number.
        let mut text = String::from("\u{c}                  第一章              基本概念\n\n");
        text.push_str(&BODY.repeat(8));
        for page in 2..=6 {
            text.push_str(&format!(
                "\u{c}{page}                  第一章      基本概念\n\n"
            ));
            text.push_str(&BODY.repeat(8));
        }
        let lines = split(&text);
        let c: Vec<Cue> = lines.iter().map(cue).collect();
        let f = find(&lines, &c);
        let heads: Vec<Option<Furniture>> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.text.contains("基本概念"))
            .map(|(i, _)| f[i])
            .collect();
        assert_eq!(heads[0], None, "the title");
        assert!(
            heads[1..]
                .iter()
                .all(|k| *k == Some(Furniture::RunningHead)),
            "{heads:?}"
        );
    }

    #[test]
    fn a_chapter_title_under_its_label_is_no_head() {
        let mut text = String::from("\u{c}目录\n\n");
        text.push_str(&BODY.repeat(4));
        text.push_str("第一章的标题\n\ndebian 目录下的其他文件\n\n");
        text.push_str(&BODY.repeat(8));
        for page in 2..=5 {
            text.push_str(&format!("\u{c}Debian 新维护者手册\n\n{page} / 57\n\n"));
            if page == 4 {
                text.push_str("Chapter 5\n\ndebian 目录下的其他文件\n\n");
            }
            text.push_str(&BODY.repeat(8));
        }
        assert_eq!(kinds_of(&text, "debian 目录下的其他文件"), [None, None]);
        assert!(
            kinds_of(&text, "Debian 新维护者手册")
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
