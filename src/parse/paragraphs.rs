//! Paragraphs rejoined across what the page set into them. A
//! paragraph left in mid-sentence continues after a page number, a photo
//! and its caption, or a boxed sidebar.

use super::cues::Cue;
use super::types::{Item, Kind, Shape, Style};

/// Whether an item can stand inside a paragraph that goes on after it.
fn interrupts(kind: Kind, sidebar: bool) -> bool {
    match kind {
        Kind::Furniture | Kind::Caption | Kind::Aside => true,
        Kind::ListItem => sidebar,
        _ => false,
    }
}

/// Whether the paragraph `para` breaks off inside a quotation or a
/// bracket, and the first text after `rest[0]` (interruptions aside)
/// closes it: the sentence is cut in two. (A line's end without
/// punctuation says little where the page cut the line.)
fn cut_by(shape: &Shape<'_, '_>, para: &Item, rest: &[Item]) -> bool {
    let Some(&a) = para.lines.last() else {
        return false;
    };
    if para.kind != Kind::Text {
        return false;
    }
    let next = rest[1..].iter().find(|x| !interrupts(x.kind, false));
    next.is_some_and(|x| {
        x.kind == Kind::Text
            && x.cue == Cue::None
            && PAIRS.iter().any(|&(open, close)| {
                left_open(shape.lines[a].text, open, close)
                    && closes_first(shape.lines[x.lines[0]].text, open, close)
            })
    })
}

/// Marks that open and close a quotation or an aside.
const PAIRS: [(char, char); 4] = [('“', '”'), ('（', '）'), ('《', '》'), ('(', ')')];

/// Whether the text ends inside an `open` … `close` pair.
fn left_open(t: &str, open: char, close: char) -> bool {
    let mut depth = 0i32;
    for c in t.chars() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth = (depth - 1).max(0);
        }
    }
    depth > 0
}

/// Whether the text closes a pair before it opens one: it goes on from a
/// quotation opened before it.
fn closes_first(t: &str, open: char, close: char) -> bool {
    t.chars()
        .find(|&c| c == open || c == close)
        .is_some_and(|c| c == close)
}

/// Merges each text item into the open paragraph before it, when only
/// interruptions stand between them and the text runs on. In place: on a
/// large text a second list of items costs more time in fresh memory than
/// the merging itself.
pub fn rejoin(shape: &Shape<'_, '_>, mut items: Vec<Item>) -> Vec<Item> {
    // Items 0..kept are the result so far.
    let mut kept = 0;
    // The paragraph that may go on, and whether a sidebar opened since.
    let mut open: Option<usize> = None;
    let mut sidebar = false;
    // Whether the open paragraph is the item just before, nothing between.
    let mut adjacent = false;
    for k in 0..items.len() {
        let (done, rest) = items.split_at_mut(k);
        if let Some(p) = open
            && matches!(rest[0].kind, Kind::Heading(Style::Plain))
            && cut_by(shape, &done[p], rest)
        {
            // A heading never stands in mid-sentence: a line set like one
            // between a paragraph and the rest of its sentence is a photo's
            // caption the page set into it.
            rest[0].kind = Kind::Caption;
        }
        let it = &rest[0];
        if it.kind == Kind::Text {
            if let Some(p) = open {
                let para = &mut done[p];
                let a = *para.lines.last().unwrap_or(&0);
                let (first, b) = (para.lines.len() == 1, it.lines[0]);
                // Two units side by side, as they were grouped, were judged
                // then not to run on (`units::group` asked `continues`, which
                // is `runs_on` unless a line stands alone): not asked again.
                // On a large text this is most of the paragraphs, and asking
                // reads both lines' text from memory long out of the caches.
                let judged = adjacent && !para.merged && !shape.alone[a] && !shape.alone[b];
                debug_assert!(
                    !judged || !shape.runs_on(a, first, b),
                    "lines {a} and {b} were grouped apart"
                );
                if it.cue == Cue::None && !judged && shape.runs_on(a, first, b) {
                    para.lines.extend(&it.lines);
                    para.merged = true;
                    continue;
                }
            }
            open = Some(kept);
            sidebar = false;
            adjacent = true;
        } else if it.kind == Kind::ListItem && !sidebar {
            // A list item, too, goes on after a page break.
            open = Some(kept);
            adjacent = true;
        } else {
            adjacent = false;
            if it.kind == Kind::Aside {
                sidebar = true;
            }
            if !interrupts(it.kind, sidebar) {
                open = None;
            }
        }
        items.swap(kept, k);
        kept += 1;
    }
    items.truncate(kept);
    items
}
