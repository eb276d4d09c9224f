//! Stage 7: paragraphs rejoined across what the page set into them. A
//! paragraph left in mid-sentence continues after a page number, a photo
//! and its caption, or a boxed sidebar.

use super::classify::{Item, Kind};
use super::cues::Cue;
use super::units::Shape;

/// Whether an item can stand inside a paragraph that goes on after it.
fn interrupts(kind: Kind, sidebar: bool) -> bool {
    match kind {
        Kind::Furniture | Kind::Caption | Kind::Aside => true,
        Kind::ListItem => sidebar,
        _ => false,
    }
}

/// Merges each text item into the open paragraph before it, when only
/// interruptions stand between them and the text runs on.
pub fn rejoin(shape: &Shape<'_, '_>, items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    // The paragraph that may go on, and whether a sidebar opened since.
    let mut open: Option<usize> = None;
    let mut sidebar = false;
    for it in items {
        if it.kind == Kind::Text {
            if let Some(p) = open {
                let a = *out[p].lines.last().unwrap_or(&0);
                let first = out[p].lines.len() == 1;
                if it.cue == Cue::None && shape.runs_on(a, first, it.lines[0]) {
                    out[p].lines.extend(&it.lines);
                    out[p].merged = true;
                    continue;
                }
            }
            open = Some(out.len());
            sidebar = false;
            out.push(it);
            continue;
        }
        // A list item, too, goes on after a page break.
        if it.kind == Kind::ListItem && !sidebar {
            open = Some(out.len());
            out.push(it);
            continue;
        }
        if it.kind == Kind::Aside {
            sidebar = true;
        }
        if !interrupts(it.kind, sidebar) {
            open = None;
        }
        out.push(it);
    }
    out
}
