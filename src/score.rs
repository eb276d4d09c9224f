//! Scoring a layout against a hand-checked one, with the definitions of
//! `fixtures/gold/score.py`: per-kind precision, recall and F1 of blocks (a
//! block is found when the prediction has one of the same kind starting on
//! the same line), heading levels, paragraph boundaries, line accuracy.

use crate::layout::Layout;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The block kinds, in `score.py`'s order.
pub const KINDS: [&str; 11] = [
    "title",
    "heading",
    "paragraph",
    "list_item",
    "caption",
    "byline",
    "note",
    "aside",
    "toc",
    "frontmatter",
    "artifact",
];

/// Counts behind one row of the score table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    /// Blocks found in both.
    pub tp: usize,
    /// Blocks predicted.
    pub pred: usize,
    /// Blocks in the gold.
    pub gold: usize,
}

impl Count {
    /// Precision, recall and F1, as `score.py` computes them (1.0 when both sides are empty).
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.pred > 0 {
            self.tp as f64 / self.pred as f64
        } else if self.gold == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            self.tp as f64 / self.gold as f64
        } else if self.pred == 0 {
            1.0
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// F1 alone.
    pub fn f1(&self) -> f64 {
        self.prf().2
    }
}

/// Scores summed over one or more documents (micro-averaged).
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Per kind, plus `heading+level`, `title|heading` and `text-lines`.
    pub rows: BTreeMap<String, Count>,
    /// Non-blank lines in the gold, and those given the gold's kind.
    pub lines: (usize, usize),
    /// Gold blocks, and those whose line set the prediction matches exactly.
    pub blocks: (usize, usize),
    /// What is wrong with the prediction itself (lines in two blocks, lines in none).
    pub problems: Vec<String>,
}

impl Scores {
    /// The row of a kind (or of `heading+level`, `title|heading`, `text-lines`).
    pub fn row(&self, key: &str) -> Count {
        self.rows.get(key).copied().unwrap_or_default()
    }

    /// Share of non-blank lines given the gold's kind.
    pub fn line_accuracy(&self) -> f64 {
        if self.lines.0 == 0 {
            0.0
        } else {
            self.lines.1 as f64 / self.lines.0 as f64
        }
    }

    /// Share of gold blocks matched exactly.
    pub fn exact_blocks(&self) -> f64 {
        if self.blocks.0 == 0 {
            0.0
        } else {
            self.blocks.1 as f64 / self.blocks.0 as f64
        }
    }

    /// Paragraph boundary F1 (the paragraph row's F1).
    pub fn paragraph_boundary_f1(&self) -> f64 {
        self.row("paragraph").f1()
    }

    /// Adds another document's scores to these.
    pub fn add(&mut self, other: &Scores) {
        for (k, c) in &other.rows {
            let e = self.rows.entry(k.clone()).or_default();
            e.tp += c.tp;
            e.pred += c.pred;
            e.gold += c.gold;
        }
        self.lines.0 += other.lines.0;
        self.lines.1 += other.lines.1;
        self.blocks.0 += other.blocks.0;
        self.blocks.1 += other.blocks.1;
        self.problems.extend(other.problems.iter().cloned());
    }

    /// The table `score.py` prints.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:<15}{:>6}{:>6}{:>8}{:>8}{:>8}\n",
            "kind", "gold", "pred", "prec", "rec", "f1"
        );
        let keys = KINDS
            .iter()
            .copied()
            .chain(["heading+level", "title|heading", "text-lines"]);
        for key in keys {
            let c = self.row(key);
            if c.gold == 0 && c.pred == 0 {
                continue;
            }
            let (p, r, f) = c.prf();
            s.push_str(&format!(
                "{key:<15}{:>6}{:>6}{p:>8.3}{r:>8.3}{f:>8.3}\n",
                c.gold, c.pred
            ));
        }
        s.push_str(&format!(
            "line accuracy {:.4}   exact blocks {:.4}   paragraph boundary F1 {:.4}\n",
            self.line_accuracy(),
            self.exact_blocks(),
            self.paragraph_boundary_f1()
        ));
        s
    }
}

/// The non-blank line numbers of a source text, as `score.py` counts them.
pub fn nonblank_lines(source: &str) -> HashSet<u32> {
    let mut lines: Vec<&str> = source.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.chars().any(|c| !crate::chars::is_space(c)))
        .map(|(i, _)| i as u32 + 1)
        .collect()
}

/// Scores one predicted layout against its gold, given the source text.
pub fn score(gold: &Layout, pred: &Layout, source: &str) -> Scores {
    score_lines(gold, pred, &nonblank_lines(source))
}

/// Scores one predicted layout against its gold, given the source's
/// non-blank line numbers (a document's span lines, when the source text is
/// not at hand).
///
/// ```
/// use reprint::layout::{Layout, LayoutBlock};
/// let gold = Layout { source: "x.txt".into(), blocks: vec![LayoutBlock { kind: "paragraph".into(), level: None, lines: vec![[1, 3]] }] };
/// let scores = reprint::score::score_lines(&gold, &gold, &[1, 3].into_iter().collect());
/// assert_eq!(scores.line_accuracy(), 1.0);
/// ```
pub fn score_lines(gold: &Layout, pred: &Layout, nonblank: &HashSet<u32>) -> Scores {
    let lines_of = |ranges: &[[u32; 2]]| -> HashSet<u32> {
        ranges
            .iter()
            .flat_map(|r| r[0]..=r[1])
            .filter(|n| nonblank.contains(n))
            .collect()
    };
    let mut sc = Scores::default();
    let mut gold_kind: HashMap<u32, &str> = HashMap::new();
    for b in &gold.blocks {
        for n in lines_of(&b.lines) {
            gold_kind.insert(n, &b.kind);
        }
    }
    let mut pred_kind: HashMap<u32, &str> = HashMap::new();
    for b in &pred.blocks {
        if !KINDS.contains(&b.kind.as_str()) {
            sc.problems.push(format!("unknown kind {:?}", b.kind));
        }
        for n in lines_of(&b.lines) {
            if pred_kind.insert(n, &b.kind).is_some() {
                sc.problems
                    .push(format!("line {n} is in two predicted blocks"));
            }
        }
    }
    let mut uncovered: Vec<u32> = nonblank
        .iter()
        .filter(|n| !pred_kind.contains_key(n))
        .copied()
        .collect();
    if !uncovered.is_empty() {
        uncovered.sort_unstable();
        sc.problems.push(format!(
            "{} non-blank lines in no predicted block (first: {:?})",
            uncovered.len(),
            &uncovered[..uncovered.len().min(5)]
        ));
    }
    let keyed = |l: &Layout, with_level: bool| -> HashSet<(String, u32, Option<u8>)> {
        l.blocks
            .iter()
            .filter_map(|b| {
                let first = *lines_of(&b.lines).iter().min()?;
                let level = if with_level && b.kind == "heading" {
                    b.level
                } else {
                    None
                };
                Some((b.kind.clone(), first, level))
            })
            .collect()
    };
    let (gk, pk) = (keyed(gold, false), keyed(pred, false));
    let mut add = |key: &str, c: Count| {
        sc.rows.insert(key.to_string(), c);
    };
    for kind in KINDS {
        let g: HashSet<_> = gk.iter().filter(|x| x.0 == kind).cloned().collect();
        let p: HashSet<_> = pk.iter().filter(|x| x.0 == kind).cloned().collect();
        add(kind, count(&g, &p));
    }
    let (gl, pl) = (keyed(gold, true), keyed(pred, true));
    let g: HashSet<_> = gl.into_iter().filter(|x| x.0 == "heading").collect();
    let p: HashSet<_> = pl.into_iter().filter(|x| x.0 == "heading").collect();
    add("heading+level", count(&g, &p));
    let g: HashSet<_> = gk
        .iter()
        .filter(|x| x.0 == "title" || x.0 == "heading")
        .map(|x| x.1)
        .collect();
    let p: HashSet<_> = pk
        .iter()
        .filter(|x| x.0 == "title" || x.0 == "heading")
        .map(|x| x.1)
        .collect();
    add("title|heading", count(&g, &p));
    let text = |m: &HashMap<u32, &str>| -> HashSet<u32> {
        m.iter()
            .filter(|(_, k)| matches!(**k, "paragraph" | "list_item"))
            .map(|(n, _)| *n)
            .collect()
    };
    add("text-lines", count(&text(&gold_kind), &text(&pred_kind)));
    sc.lines = (
        gold_kind.len(),
        gold_kind
            .iter()
            .filter(|(n, k)| pred_kind.get(n) == Some(k))
            .count(),
    );
    let pred_sets: HashSet<Vec<u32>> = pred
        .blocks
        .iter()
        .map(|b| sorted(lines_of(&b.lines)))
        .collect();
    sc.blocks = (
        gold.blocks.len(),
        gold.blocks
            .iter()
            .filter(|b| pred_sets.contains(&sorted(lines_of(&b.lines))))
            .count(),
    );
    sc
}

fn count<T: std::hash::Hash + Eq>(g: &HashSet<T>, p: &HashSet<T>) -> Count {
    Count {
        tp: g.intersection(p).count(),
        pred: p.len(),
        gold: g.len(),
    }
}

fn sorted(s: HashSet<u32>) -> Vec<u32> {
    let mut v: Vec<u32> = s.into_iter().collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::LayoutBlock;

    fn lb(kind: &str, level: Option<u8>, lines: &[[u32; 2]]) -> LayoutBlock {
        LayoutBlock {
            kind: kind.into(),
            level,
            lines: lines.to_vec(),
        }
    }

    #[test]
    fn counts_as_score_py_does() {
        let src = "a\nb\n\nc\nd\n";
        let gold = Layout {
            source: "x".into(),
            blocks: vec![
                lb("heading", Some(2), &[[1, 1]]),
                lb("paragraph", None, &[[2, 5]]),
            ],
        };
        let pred = Layout {
            source: "x".into(),
            blocks: vec![
                lb("heading", Some(3), &[[1, 1]]),
                lb("paragraph", None, &[[2, 2]]),
                lb("paragraph", None, &[[4, 5]]),
            ],
        };
        let s = score(&gold, &pred, src);
        assert_eq!(
            s.row("heading"),
            Count {
                tp: 1,
                pred: 1,
                gold: 1
            }
        );
        assert_eq!(s.row("heading+level").tp, 0);
        assert_eq!(
            s.row("paragraph"),
            Count {
                tp: 1,
                pred: 2,
                gold: 1
            }
        );
        assert_eq!(s.lines, (4, 4));
        assert_eq!(s.blocks, (2, 1));
        assert!(s.problems.is_empty());
    }
}

/// A PDF's own outline and the furniture found from its geometry: the gold
/// of the development sets A and C (`NAME.outline.json`, read by
/// `fixtures/gold/score_outline.py`).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Outline {
    /// Every outline entry.
    pub headings: Vec<OutlineHeading>,
    /// Lines holding page numbers and running heads.
    #[serde(default)]
    pub artifact_lines: Vec<u32>,
}

/// One outline entry.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct OutlineHeading {
    /// The entry's text.
    pub text: String,
    /// 1 for the top level.
    pub level: u8,
    /// The line of the source where the entry was found, if it was.
    pub line: Option<u32>,
}

/// What `score_outline.py` counts for one document or several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutlineCounts {
    /// Outline entries located in the source.
    pub heading_gold: usize,
    /// Of those, the ones whose line the prediction puts in a title or heading.
    pub heading_found: usize,
    /// Title and heading blocks predicted.
    pub pred_heads: usize,
    /// Of those, the ones holding an outline line.
    pub pred_heads_on_outline: usize,
    /// Furniture lines in the gold.
    pub artifact_gold: usize,
    /// Of those, the ones labelled artifact.
    pub artifact_found: usize,
    /// Lines labelled artifact.
    pub artifact_pred: usize,
    /// Furniture lines left inside paragraphs or list items.
    pub artifact_swallowed: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl OutlineCounts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &OutlineCounts) {
        self.heading_gold += o.heading_gold;
        self.heading_found += o.heading_found;
        self.pred_heads += o.pred_heads;
        self.pred_heads_on_outline += o.pred_heads_on_outline;
        self.artifact_gold += o.artifact_gold;
        self.artifact_found += o.artifact_found;
        self.artifact_pred += o.artifact_pred;
        self.artifact_swallowed += o.artifact_swallowed;
    }

    /// Outline entries found as headings.
    pub fn heading_recall(&self) -> f64 {
        ratio(self.heading_found, self.heading_gold)
    }

    /// Predicted headings that hold an outline entry (a lower bound: an
    /// outline rarely lists every printed heading).
    pub fn heading_precision(&self) -> f64 {
        ratio(self.pred_heads_on_outline, self.pred_heads)
    }

    /// Furniture lines labelled artifact.
    pub fn artifact_recall(&self) -> f64 {
        ratio(self.artifact_found, self.artifact_gold)
    }

    /// Artifact lines that are furniture.
    pub fn artifact_precision(&self) -> f64 {
        ratio(self.artifact_found, self.artifact_pred)
    }

    /// One row of `score_outline.py`'s table.
    pub fn row(&self, name: &str) -> String {
        format!(
            "{name:<36} {:6.3} {:6.3} {:6.3} {:6.3} {:5}",
            self.heading_recall(),
            self.heading_precision(),
            self.artifact_recall(),
            self.artifact_precision(),
            self.artifact_swallowed
        )
    }
}

/// Scores a predicted layout against an outline, as `score_outline.py` does.
///
/// ```
/// use reprint::layout::{Layout, LayoutBlock};
/// use reprint::score::{Outline, OutlineHeading, score_outline};
/// let outline = Outline { headings: vec![OutlineHeading { text: "1 引言".into(), level: 1, line: Some(1) }], artifact_lines: vec![3] };
/// let block = |kind: &str, n: u32| LayoutBlock { kind: kind.into(), level: None, lines: vec![[n, n]] };
/// let pred = Layout { source: "x.txt".into(), blocks: vec![block("heading", 1), block("paragraph", 2), block("artifact", 3)] };
/// let c = score_outline(&outline, &pred, "1 引言\n正文。\n12\n");
/// assert_eq!((c.heading_recall(), c.heading_precision(), c.artifact_recall()), (1.0, 1.0, 1.0));
/// ```
pub fn score_outline(outline: &Outline, pred: &Layout, source: &str) -> OutlineCounts {
    let nonblank: HashSet<u32> = source
        .split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i as u32 + 1)
        .collect();
    let mut kind_of: HashMap<u32, &str> = HashMap::new();
    let mut heads: Vec<HashSet<u32>> = Vec::new();
    for b in &pred.blocks {
        let ls: HashSet<u32> = b
            .lines
            .iter()
            .flat_map(|r| r[0].min(r[1])..=r[0].max(r[1]))
            .filter(|n| nonblank.contains(n))
            .collect();
        for &n in &ls {
            kind_of.insert(n, &b.kind);
        }
        if matches!(b.kind.as_str(), "title" | "heading") && !ls.is_empty() {
            heads.push(ls);
        }
    }
    let gold_lines: Vec<u32> = outline
        .headings
        .iter()
        .filter_map(|h| h.line.filter(|&n| n > 0))
        .collect();
    let gold_set: HashSet<u32> = gold_lines.iter().copied().collect();
    let art: HashSet<u32> = outline
        .artifact_lines
        .iter()
        .copied()
        .filter(|n| nonblank.contains(n))
        .collect();
    let is = |n: &u32, kinds: &[&str]| kind_of.get(n).is_some_and(|k| kinds.contains(k));
    OutlineCounts {
        heading_gold: gold_lines.len(),
        heading_found: gold_lines
            .iter()
            .filter(|n| is(n, &["title", "heading"]))
            .count(),
        pred_heads: heads.len(),
        pred_heads_on_outline: heads.iter().filter(|h| !h.is_disjoint(&gold_set)).count(),
        artifact_gold: art.len(),
        artifact_found: art.iter().filter(|n| is(n, &["artifact"])).count(),
        artifact_pred: kind_of.values().filter(|k| **k == "artifact").count(),
        artifact_swallowed: art
            .iter()
            .filter(|n| is(n, &["paragraph", "list_item"]))
            .count(),
    }
}
