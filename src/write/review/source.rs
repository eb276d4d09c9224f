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
    /// Slot range.
    start: usize,
    end: usize,
}

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
        let runs = runs(slots);
        let (prev, next) = links(&runs, slots);
        let mut line = 0; // the last line written
        let mut seen = vec![false; self.map.items.len()];
        for (r, run) in runs.iter().enumerate() {
            let first = slots[run.start].line();
            gap(out, first.saturating_sub(line + 1), false);
            let item = &self.map.items[slots[run.start].item];
            let id = slots[run.start].item;
            out.push_str("<div class=\"run k-");
            out.push_str(item.key.name());
            if let Some(level) = item.block.and_then(|b| b.level()) {
                let _ = write!(out, " h{}", level_class(level));
            }
            if item.uncertain {
                out.push_str(" unc");
            }
            let _ = write!(out, "\" data-b=\"{id}\"");
            let opens = !std::mem::replace(&mut seen[id], true);
            if opens && item.uncertain {
                out.push_str(" data-f=\"u\"");
            }
            out.push('>');
            self.tag(out, r, opens, prev[r], &runs);
            for k in run.start..run.end {
                let slot = &slots[k];
                // Two spans on one line (a malformed model) both show; the first keeps the anchor.
                let first_on_line = k == 0 || slots[k - 1].line() != slot.line();
                if k > run.start {
                    gap(out, slot.line().saturating_sub(slots[k - 1].line() + 1), true);
                }
                self.line(out, slot, first_on_line);
            }
            if let Some(n) = next[r] {
                let to = slots[runs[n].start].line();
                let _ = write!(out, "<div class=\"cont\">continues at line <a href=\"#L{to}\">{to}</a> ↓</div>");
            }
            out.push_str("</div>\n");
            line = line.max(slots[run.end - 1].line());
        }
        gap(out, self.line_count.saturating_sub(line), false);
    }

    /// The run's label (kind, confidence), or for a later part of a block
    /// what it was joined across.
    fn tag(&self, out: &mut String, r: usize, opens: bool, prev: Option<usize>, runs: &[Run]) {
        let slots = &self.map.slots;
        let item = &self.map.items[slots[runs[r].start].item];
        let conf = item.block.filter(|_| item.uncertain).map(|b| format!(" {:.2}", b.confidence)).unwrap_or_default();
        if let Some(p) = prev {
            let from = slots[runs[p].end - 1].line();
            out.push_str("<div class=\"join\">↳ joined across ");
            html::text(out, &across(self.map, &runs[p + 1..r]));
            let _ = write!(out, " · from <a href=\"#L{from}\">{from}</a></div>");
        } else if opens && (item.key != Key::Paragraph || !conf.is_empty()) {
            out.push_str("<div class=\"tag\">");
            if item.key != Key::Paragraph {
                html::text(out, &item.label);
            }
            if !conf.is_empty() {
                let _ = write!(out, "<b>?{}</b>", conf.trim());
            }
            out.push_str("</div>");
        }
    }

    fn line(&self, out: &mut String, slot: &Slot, first_on_line: bool) {
        let n = slot.line();
        let diff = self.diff.and_then(|d| d.lines.get(&n));
        if let Some(LineDiff { start: Some(start), .. }) = diff {
            match start {
                Start::Missed(kind) => {
                    out.push_str("<div class=\"gb miss\" data-f=\"g\">✂ gold starts a new ");
                    html::text(out, kind);
                    out.push_str(" here</div>");
                }
                Start::Extra => out.push_str("<div class=\"gb extra\" data-f=\"g\">⊕ gold joins this line to the block before</div>"),
            }
        }
        let warned = self.warnings.get(&n).filter(|_| first_on_line);
        out.push_str("<div class=\"ln");
        if warned.is_some() {
            out.push_str(" warn");
        }
        out.push('"');
        if first_on_line {
            let _ = write!(out, " id=\"L{n}\"");
        }
        let _ = write!(out, " data-l=\"{n}\" data-k=\"{}\"", slot.key.name());
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
        let span = slot.span;
        if !span.lead.is_empty() {
            out.push_str("<span class=\"ld\">");
            html::text(out, &span.lead);
            out.push_str("</span>");
        }
        html::text(out, &span.text);
        if !span.trail.is_empty() {
            out.push_str("<span class=\"tr\">");
            html::text(out, &span.trail);
            out.push_str("</span>");
        }
        out.push_str("</div>");
        for message in warned.into_iter().flatten() {
            out.push_str("<div class=\"msg\">⚠ ");
            html::text(out, message);
            out.push_str("</div>");
        }
    }
}

/// Blank source lines: a thin strip; inside a run it carries the connector
/// that shows the lines around it were joined.
fn gap(out: &mut String, blank: u32, joined: bool) {
    if blank > 0 {
        out.push_str(if joined { "<div class=\"gap j\"></div>" } else { "<div class=\"gap\"></div>" });
    }
}

fn runs(slots: &[Slot]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        match runs.last_mut() {
            Some(r) if slots[r.end - 1].item == s.item => r.end = i + 1,
            _ => runs.push(Run { start: i, end: i + 1 }),
        }
    }
    runs
}

/// For each run, the previous and the next run of the same item.
fn links(runs: &[Run], slots: &[Slot]) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut prev = vec![None; runs.len()];
    let mut next = vec![None; runs.len()];
    let mut last: HashMap<usize, usize> = HashMap::new();
    for (r, run) in runs.iter().enumerate() {
        if let Some(p) = last.insert(slots[run.start].item, r) {
            prev[r] = Some(p);
            next[p] = Some(r);
        }
    }
    (prev, next)
}

/// What stands between two parts of a block: `page 28, caption`.
fn across(map: &LineMap, between: &[Run]) -> String {
    let mut names: Vec<&str> = Vec::new();
    if between.len() > LOOKED_AT {
        return format!("{} blocks", between.len());
    }
    for run in between {
        let item = &map.items[map.slots[run.start].item];
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
