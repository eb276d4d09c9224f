//! The source pane: every non-blank source line, numbered, in runs of lines
//! that went into the same block, with the joins, warnings and gold
//! differences a reviewer has to look at.

use super::gold::{Diff, LineDiff, Start};
use super::html;
use super::map::{Key, LineMap, Slot, level_class};
use std::collections::HashMap;
use std::fmt::Write;

/// Lines of one item with nothing but blank lines between them.
#[derive(Clone, Copy)]
struct Run {
    /// Row range.
    start: usize,
    end: usize,
}

/// The slots of one source line: usually one; a caption and its credit
/// printed on one line are two.
type Row = std::ops::Range<usize>;

/// Interruptions named in a join badge before it says "…".
const NAMED: usize = 3;
/// Runs looked at between two parts of a block, so a malformed model that
/// interleaves everything stays linear.
const LOOKED_AT: usize = 200;

pub(super) struct Source<'m, 'a> {
    pub(super) map: &'m LineMap<'a>,
    /// Warning messages by the line they are shown on.
    pub(super) warnings: &'m HashMap<u32, Vec<String>>,
    pub(super) diff: Option<&'m Diff>,
    /// Lines of the source, blank ones included.
    pub(super) line_count: u32,
}

impl Source<'_, '_> {
    pub(super) fn write(&self, out: &mut String) {
        let slots = &self.map.slots;
        let rows = rows(slots);
        // A run and its joins are told by the item of each line's first slot.
        let item = |row: &Row| slots[row.start].item;
        let runs = runs(&rows, item);
        let (prev, next) = links(&runs, &rows, item);
        let mut line = 0; // the last line written
        for (r, run) in runs.iter().enumerate() {
            let first = slots[rows[run.start].start].line();
            gap(out, first.saturating_sub(line + 1), false);
            let id = item(&rows[run.start]);
            let it = &self.map.items[id];
            out.push_str("<div class=\"run k-");
            out.push_str(it.key.name());
            if let Some(level) = it.block.and_then(|b| b.level()) {
                let _ = write!(out, " h{}", level_class(level));
            }
            if it.uncertain {
                out.push_str(" unc");
            }
            let _ = write!(out, "\" data-b=\"{id}\"");
            let opens = prev[r].is_none();
            if opens && it.uncertain {
                out.push_str(" data-f=\"u\"");
            }
            out.push('>');
            self.tag(out, id, prev[r].map(|p| (&runs[p], &runs[p + 1..r])), &rows);
            for k in run.start..run.end {
                if k > run.start {
                    gap(
                        out,
                        slots[rows[k].start]
                            .line()
                            .saturating_sub(slots[rows[k - 1].start].line() + 1),
                        true,
                    );
                }
                self.line(out, &slots[rows[k].clone()]);
            }
            if let Some(n) = next[r] {
                let to = slots[rows[runs[n].start].start].line();
                let _ = write!(
                    out,
                    "<div class=\"cont\">continues at line <a href=\"#L{to}\">{to}</a> ↓</div>"
                );
            }
            out.push_str("</div>\n");
            line = line.max(slots[rows[run.end - 1].start].line());
        }
        gap(out, self.line_count.saturating_sub(line), false);
    }

    /// The first run's label (kind, confidence), or for a later part of a
    /// block what it was joined across (`joined`: the part before, and the runs between).
    fn tag(&self, out: &mut String, id: usize, joined: Option<(&Run, &[Run])>, rows: &[Row]) {
        let slots = &self.map.slots;
        let item = &self.map.items[id];
        let conf = item
            .block
            .filter(|_| item.uncertain)
            .map(|b| format!("{:.2}", b.confidence));
        if let Some((before, between)) = joined {
            let from = slots[rows[before.end - 1].start].line();
            out.push_str("<div class=\"join\">↳ joined across ");
            html::text(out, &across(self.map, between, rows));
            let _ = write!(out, " · from <a href=\"#L{from}\">{from}</a></div>");
        } else if item.key != Key::Paragraph || conf.is_some() {
            out.push_str("<div class=\"tag\">");
            if item.key != Key::Paragraph {
                html::text(out, &item.label);
            }
            if let Some(c) = conf {
                let _ = write!(out, "<b>?{c}</b>");
            }
            out.push_str("</div>");
        }
    }

    /// One source line: its spans' lead, text and trail, in order.
    fn line(&self, out: &mut String, row: &[Slot]) {
        let n = row[0].line();
        let diff = self.diff.and_then(|d| d.lines.get(&n));
        if let Some(LineDiff {
            start: Some(start), ..
        }) = diff
        {
            match start {
                Start::Missed(kind) => {
                    out.push_str("<div class=\"gb miss\" data-f=\"g\">✂ gold starts a new ");
                    html::text(out, kind);
                    out.push_str(" here</div>");
                }
                Start::Extra => out.push_str("<div class=\"gb extra\" data-f=\"g\">⊕ gold joins this line to the block before</div>"),
            }
        }
        let warned = self.warnings.get(&n);
        out.push_str(if warned.is_some() {
            "<div class=\"ln warn\""
        } else {
            "<div class=\"ln\""
        });
        let _ = write!(
            out,
            " id=\"L{n}\" data-l=\"{n}\" data-k=\"{}\"",
            row[0].key.name()
        );
        let flags = match (warned.is_some(), diff.is_some_and(|d| d.kind.is_some())) {
            (true, true) => " data-f=\"wg\"",
            (true, false) => " data-f=\"w\"",
            (false, true) => " data-f=\"g\"",
            (false, false) => "",
        };
        out.push_str(flags);
        if let Some((gold, _)) = diff.and_then(|d| d.kind.as_ref()) {
            out.push_str(" data-g=\"");
            html::attr(out, gold);
            out.push('"');
        }
        out.push('>');
        for (i, slot) in row.iter().enumerate() {
            // A later span of the line keeps its own kind (a credit after its
            // caption) and, when it went elsewhere, its own block.
            let other = i > 0 && (slot.key != row[0].key || slot.item != row[0].item);
            if other {
                let _ = write!(out, "<span class=\"seg k-{}\"", slot.key.name());
                if slot.item != row[0].item {
                    let _ = write!(out, " data-b=\"{}\"", slot.item);
                }
                out.push('>');
            }
            segment(out, slot.span);
            if other {
                out.push_str("</span>");
            }
        }
        out.push_str("</div>");
        for message in warned.into_iter().flatten() {
            out.push_str("<div class=\"msg\">⚠ ");
            html::text(out, message);
            out.push_str("</div>");
        }
    }
}

fn segment(out: &mut String, span: &crate::model::Span) {
    if !span.lead().is_empty() {
        out.push_str("<span class=\"ld\">");
        html::text(out, span.lead());
        out.push_str("</span>");
    }
    html::text(out, span.text());
    if !span.trail().is_empty() {
        out.push_str("<span class=\"tr\">");
        html::text(out, span.trail());
        out.push_str("</span>");
    }
}

/// Blank source lines: a thin strip; inside a run it carries the connector
/// that shows the lines around it were joined.
fn gap(out: &mut String, blank: u32, joined: bool) {
    if blank > 0 {
        out.push_str(if joined {
            "<div class=\"gap j\"></div>"
        } else {
            "<div class=\"gap\"></div>"
        });
    }
}

fn rows(slots: &[Slot]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        match rows.last_mut() {
            Some(r) if slots[r.start].line() == s.line() => r.end = i + 1,
            _ => rows.push(i..i + 1),
        }
    }
    rows
}

fn runs(rows: &[Row], item: impl Fn(&Row) -> usize) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        match runs.last_mut() {
            Some(r) if item(&rows[r.end - 1]) == item(row) => r.end = i + 1,
            _ => runs.push(Run {
                start: i,
                end: i + 1,
            }),
        }
    }
    runs
}

/// For each run, the previous and the next run of the same item.
fn links(
    runs: &[Run],
    rows: &[Row],
    item: impl Fn(&Row) -> usize,
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut prev = vec![None; runs.len()];
    let mut next = vec![None; runs.len()];
    let mut last: HashMap<usize, usize> = HashMap::new();
    for (r, run) in runs.iter().enumerate() {
        if let Some(p) = last.insert(item(&rows[run.start]), r) {
            prev[r] = Some(p);
            next[p] = Some(r);
        }
    }
    (prev, next)
}

/// What stands between two parts of a block: `page 28, caption`.
fn across(map: &LineMap, between: &[Run], rows: &[Row]) -> String {
    if between.len() > LOOKED_AT {
        return format!("{} blocks", between.len());
    }
    let mut names: Vec<&str> = Vec::new();
    for run in between {
        let item = &map.items[map.slots[rows[run.start].start].item];
        let name = match item.key {
            Key::Milestone | Key::Furniture | Key::Heading | Key::Note => item.label.as_str(),
            key => key.label(),
        };
        if !names.contains(&name) {
            if names.len() == NAMED {
                return format!("{}, …", names.join(", "));
            }
            names.push(name);
        }
    }
    names.join(", ")
}
