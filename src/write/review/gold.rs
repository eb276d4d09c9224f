//! The document against a hand-checked layout: per line, a kind the gold
//! disagrees with and block starts one side has and the other lacks; and the
//! score table of `score.py`.

use super::html;
use crate::layout::Layout;
use crate::score::{self, KINDS, Scores};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

/// A block start only one side has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Start {
    /// The gold starts a block of this kind here; the prediction runs on.
    Missed(String),
    /// The prediction starts a block here; the gold runs on.
    Extra,
}

/// What the gold says differently about one line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct LineDiff {
    /// The gold's kind (`heading 2`, or `none`) and the prediction's, when they differ.
    pub(super) kind: Option<(String, String)>,
    pub(super) start: Option<Start>,
}

pub(super) struct Diff {
    pub(super) lines: BTreeMap<u32, LineDiff>,
    /// Non-blank lines, in order.
    nonblank: Vec<u32>,
    pub(super) scores: Scores,
    /// The gold's file name, when it names another source than the document's.
    pub(super) other_source: Option<String>,
}

/// Kind (with heading level) and first line of each layout block, by line.
fn kinds(layout: &Layout, nonblank: &HashSet<u32>) -> (HashMap<u32, String>, HashMap<u32, String>) {
    let mut by_line = HashMap::new();
    let mut starts = HashMap::new();
    for b in &layout.blocks {
        let kind = match b.level {
            Some(level) if b.kind == "heading" => format!("heading {level}"),
            _ => b.kind.clone(),
        };
        let lines = b
            .lines
            .iter()
            .flat_map(|r| r[0]..=r[1])
            .filter(|n| nonblank.contains(n));
        let mut first = None;
        for n in lines {
            first = Some(first.map_or(n, |f: u32| f.min(n)));
            by_line.insert(n, kind.clone());
        }
        if let Some(f) = first {
            starts.insert(f, b.kind.clone());
        }
    }
    (by_line, starts)
}

impl Diff {
    /// Compares the prediction with the gold on the non-blank lines.
    pub(super) fn new(
        gold: &Layout,
        pred: &Layout,
        nonblank: &HashSet<u32>,
        file_name: Option<&str>,
    ) -> Diff {
        let (gold_kind, gold_start) = kinds(gold, nonblank);
        let (pred_kind, pred_start) = kinds(pred, nonblank);
        let mut lines: BTreeMap<u32, LineDiff> = BTreeMap::new();
        let none = String::from("none");
        for &n in nonblank {
            let (g, p) = (
                gold_kind.get(&n).unwrap_or(&none),
                pred_kind.get(&n).unwrap_or(&none),
            );
            if g != p {
                lines.entry(n).or_default().kind = Some((g.clone(), p.clone()));
            }
            match (gold_start.get(&n), pred_start.contains_key(&n)) {
                (Some(kind), false) => {
                    lines.entry(n).or_default().start = Some(Start::Missed(kind.clone()))
                }
                (None, true) => lines.entry(n).or_default().start = Some(Start::Extra),
                _ => {}
            }
        }
        let other_source = (!gold.source.is_empty() && file_name.is_some_and(|f| f != gold.source))
            .then(|| gold.source.clone());
        let mut sorted: Vec<u32> = nonblank.iter().copied().collect();
        sorted.sort_unstable();
        Diff {
            lines,
            nonblank: sorted,
            scores: score::score_lines(gold, pred, nonblank),
            other_source,
        }
    }

    pub(super) fn kind_count(&self) -> usize {
        self.lines.values().filter(|d| d.kind.is_some()).count()
    }

    fn start_count(&self, missed: bool) -> usize {
        self.lines
            .values()
            .filter(|d| {
                matches!(
                    (&d.start, missed),
                    (Some(Start::Missed(_)), true) | (Some(Start::Extra), false)
                )
            })
            .count()
    }

    /// A one-line summary: the headline scores and what the source pane marks.
    pub(super) fn summary(&self, out: &mut String) {
        let s = &self.scores;
        let _ = write!(
            out,
            "Gold: line accuracy {:.4} · exact blocks {:.4} · paragraph boundary F1 {:.4} · {} of another kind · block starts: {} missed, {} extra",
            s.line_accuracy(),
            s.exact_blocks(),
            s.paragraph_boundary_f1(),
            html::plural(self.kind_count(), "line"),
            self.start_count(true),
            self.start_count(false)
        );
    }

    /// The table `score.py` prints, as HTML.
    pub(super) fn table(&self, out: &mut String) {
        let s = &self.scores;
        if let Some(src) = &self.other_source {
            out.push_str("<p class=\"bad\">The gold is for ");
            html::text(out, src);
            out.push_str(", not this document.</p>");
        }
        out.push_str("<table class=\"scores\"><thead><tr><th>kind</th><th>gold</th><th>pred</th><th>prec</th><th>rec</th><th>f1</th></tr></thead><tbody>");
        for key in KINDS
            .iter()
            .copied()
            .chain(["heading+level", "title|heading", "text-lines"])
        {
            let c = s.row(key);
            if c.gold == 0 && c.pred == 0 {
                continue;
            }
            let (p, r, f) = c.prf();
            let _ = write!(
                out,
                "<tr><th>{key}</th><td>{}</td><td>{}</td><td>{p:.3}</td><td>{r:.3}</td><td>{f:.3}</td></tr>",
                c.gold, c.pred
            );
        }
        let _ = write!(
            out,
            "</tbody></table><p>line accuracy {:.4} · exact blocks {:.4} · paragraph boundary F1 {:.4}</p>",
            s.line_accuracy(),
            s.exact_blocks(),
            s.paragraph_boundary_f1()
        );
        for problem in &s.problems {
            out.push_str("<p class=\"bad\">");
            html::text(out, problem);
            out.push_str("</p>");
        }
    }

    /// The differences as links; a kind difference over consecutive
    /// non-blank lines is one link.
    pub(super) fn list(&self, out: &mut String) {
        let mut items: Vec<(u32, u32, String)> = Vec::new();
        let mut open: Option<(u32, u32, &(String, String))> = None;
        for &n in &self.nonblank {
            let d = self.lines.get(&n);
            if let Some(start) = d.and_then(|d| d.start.as_ref()) {
                let what = match start {
                    Start::Missed(kind) => format!("gold starts a {kind} here"),
                    Start::Extra => "gold does not start a block here".to_string(),
                };
                items.push((n, n, what));
            }
            let kind = d.and_then(|d| d.kind.as_ref());
            match (&mut open, kind) {
                (Some(o), Some(k)) if o.2 == k => o.1 = n,
                _ => {
                    if let Some((from, to, (g, p))) = open.take() {
                        items.push((from, to, format!("gold: {g}, predicted: {p}")));
                    }
                    open = kind.map(|k| (n, n, k));
                }
            }
        }
        if let Some((from, to, (g, p))) = open {
            items.push((from, to, format!("gold: {g}, predicted: {p}")));
        }
        items.sort_by_key(|i| i.0);
        out.push_str("<ol class=\"links\">");
        for (from, to, what) in items {
            let _ = write!(out, "<li><a href=\"#L{from}\">{from}</a>");
            if to > from {
                let _ = write!(out, "–{to}");
            }
            out.push(' ');
            html::text(out, &what);
            out.push_str("</li>");
        }
        out.push_str("</ol>");
    }
}
