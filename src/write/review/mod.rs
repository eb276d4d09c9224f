//! Review view: one self-contained HTML page that shows, side by side, every
//! source line coloured by the kind of block it went into and the text as
//! the book will read, so a person can check the parser's decisions; with a
//! hand-checked layout it marks where the two disagree and scores them.
//!
//! The page has no external references: its style and script are inline,
//! and it is well-formed XML as well as HTML.
//!
//! ```
//! use reprint::write::review::ReviewOptions;
//! let doc = reprint::parse("标题\n\n第一段的第一行，\n第二行。\n", &reprint::Options::default())?;
//! let mut out = Vec::new();
//! doc.write_review(&mut out, &ReviewOptions::default())?;
//! let page = String::from_utf8(out).unwrap();
//! assert!(page.contains(r#"id="L3" data-l="3" data-k="paragraph""#));
//! # Ok::<(), reprint::Error>(())
//! ```

mod gold;
mod header;
mod html;
mod map;
mod source;
mod text;

use crate::layout::Layout;
use crate::{Document, Error, Result};
use header::{Header, Placed};
use map::LineMap;
use std::collections::{HashMap, HashSet};
use std::io::Write;

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// Options of the review page.
///
/// ```
/// use reprint::write::review::ReviewOptions;
/// let options = ReviewOptions::default();
/// assert!(options.gold.is_none());
/// assert_eq!(options.uncertain_below, 0.8);
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ReviewOptions {
    /// A hand-checked layout of the same source (`fixtures/gold/*.json`) to
    /// compare with: lines of another kind and block starts that one side
    /// lacks are marked, and the score table is shown.
    pub gold: Option<Layout>,
    /// Blocks with a confidence below this are marked and listed as
    /// uncertain. The default, [`confidence::LIKELY`](crate::model::confidence::LIKELY),
    /// lists the parser's guesses ([`GUESS`](crate::model::confidence::GUESS):
    /// plain display lines taken for headings, paragraphs rejoined across
    /// an interruption; [`WEAK_GUESS`](crate::model::confidence::WEAK_GUESS):
    /// captions without a credit); [`CERTAIN`](crate::model::confidence::CERTAIN)
    /// lists every block that was not decided by markup or an unambiguous cue.
    pub uncertain_below: f32,
}

impl Default for ReviewOptions {
    fn default() -> Self {
        ReviewOptions {
            gold: None,
            uncertain_below: crate::model::confidence::LIKELY,
        }
    }
}

impl ReviewOptions {
    /// Options that compare with a hand-checked layout.
    ///
    /// ```
    /// use reprint::write::review::ReviewOptions;
    /// let doc = reprint::parse("标题\n\n正文。\n", &reprint::Options::default())?;
    /// let options = ReviewOptions::default().with_gold(doc.to_layout());
    /// assert!(options.gold.is_some());
    /// # Ok::<(), reprint::Error>(())
    /// ```
    pub fn with_gold(mut self, gold: Layout) -> Self {
        self.gold = Some(gold);
        self
    }

    /// Options that compare with a hand-checked layout given as layout JSON
    /// text (the format of `fixtures/gold/FORMAT.md`).
    ///
    /// ```
    /// use reprint::write::review::ReviewOptions;
    /// let json = r#"{"source": "a.txt", "blocks": [{"kind": "paragraph", "lines": [[1, 2]]}]}"#;
    /// let options = ReviewOptions::default().with_gold_json(json)?;
    /// assert_eq!(options.gold.unwrap().blocks.len(), 1);
    /// assert!(ReviewOptions::default().with_gold_json("not json").is_err());
    /// # Ok::<(), reprint::Error>(())
    /// ```
    pub fn with_gold_json(self, json: &str) -> Result<Self> {
        let gold: Layout = serde_json::from_str(json).map_err(|e| Error::InvalidOption {
            name: "gold".into(),
            reason: format!("not layout JSON: {e}"),
        })?;
        Ok(self.with_gold(gold))
    }

    /// Options that mark blocks below another confidence as uncertain.
    ///
    /// ```
    /// use reprint::write::review::ReviewOptions;
    /// let options = ReviewOptions::default().with_uncertain_below(0.75);
    /// assert_eq!(options.uncertain_below, 0.75);
    /// ```
    pub fn with_uncertain_below(mut self, confidence: f32) -> Self {
        self.uncertain_below = confidence;
        self
    }
}

impl Document {
    /// Writes the review page of the document: one HTML file (UTF-8) with
    /// the source lines on the left and the reconstructed text on the right.
    ///
    /// Only the model is read: the source lines are the spans' `lead`,
    /// `text` and `trail`, and blank lines are the numbers no span has.
    ///
    /// ```
    /// use reprint::write::review::ReviewOptions;
    /// let doc = reprint::parse("标题\n\n第一行，\n\n28\n\n第二行。\n", &reprint::Options::default())?;
    /// let gold = r#"{"source": "", "blocks": [
    ///   {"kind": "title", "lines": [[1, 1]]},
    ///   {"kind": "paragraph", "lines": [[3, 3]]}, {"kind": "paragraph", "lines": [[5, 7]]}]}"#;
    /// let mut out = Vec::new();
    /// doc.write_review(&mut out, &ReviewOptions::default().with_gold_json(gold)?)?;
    /// let page = String::from_utf8(out).unwrap();
    /// assert!(page.contains("paragraph boundary F1"));
    /// # Ok::<(), reprint::Error>(())
    /// ```
    pub fn write_review<W: Write>(&self, mut out: W, options: &ReviewOptions) -> Result<()> {
        let page = page(self, options);
        out.write_all(page.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|source| Error::Write {
                what: "review page".into(),
                source,
            })
    }
}

fn page(doc: &Document, options: &ReviewOptions) -> String {
    let map = LineMap::new(doc, options.uncertain_below);
    let first = map.first_lines();
    let warnings = place_warnings(doc, &map);
    let mut by_line: HashMap<u32, Vec<String>> = HashMap::new();
    let mut warned = HashSet::new();
    for w in &warnings {
        let message = if w.line == w.shown {
            w.message.to_string()
        } else {
            format!("(line {}) {}", w.line, w.message)
        };
        by_line.entry(w.shown).or_default().push(message);
    }
    for s in map.slots.iter().filter(|s| by_line.contains_key(&s.line())) {
        warned.insert(s.item);
    }
    let nonblank = map.lines();
    let diff = options.gold.as_ref().map(|gold| {
        gold::Diff::new(
            gold,
            &doc.to_layout(),
            &nonblank,
            doc.source.file_name.as_deref(),
        )
    });
    let line_count = doc
        .source
        .line_count
        .max(map.slots.last().map_or(0, |s| s.line()));
    let mut out =
        String::with_capacity(4096 + 160 * map.slots.len() + doc.source.byte_len as usize);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>Review · ");
    html::text(
        &mut out,
        doc.source
            .file_name
            .as_deref()
            .or(doc.meta.title.as_deref())
            .unwrap_or("document"),
    );
    out.push_str("</title><style>");
    out.push_str(STYLE);
    out.push_str("</style></head>\n<body>");
    Header {
        map: &map,
        nonblank: nonblank.len(),
        first: &first,
        warnings: &warnings,
        diff: diff.as_ref(),
        threshold: options.uncertain_below,
    }
    .write(&mut out, doc);
    let lang = if doc.meta.language.is_empty() {
        "zh"
    } else {
        doc.meta.language.as_str()
    };
    out.push_str("<main><section id=\"src\" class=\"pane\" lang=\"");
    html::attr(&mut out, lang);
    out.push_str("\" aria-label=\"source lines\">\n");
    source::Source {
        map: &map,
        warnings: &by_line,
        diff: diff.as_ref(),
        line_count,
    }
    .write(&mut out);
    out.push_str("</section><section id=\"out\" class=\"pane\" lang=\"");
    html::attr(&mut out, lang);
    out.push_str("\" aria-label=\"reconstructed text\">\n");
    text::Text {
        map: &map,
        first,
        warned,
    }
    .write(&mut out, doc);
    // CDATA so the script's `<` and `&&` keep the page well-formed XML; the
    // comment marks hide it from the HTML parser.
    out.push_str("</section></main>\n<script>/*<![CDATA[*/\n");
    out.push_str(SCRIPT);
    out.push_str("/*]]>*/</script></body></html>\n");
    out
}

/// Each warning on the line it names, or on the next line the source pane
/// shows when that one is blank (or the last, past the end).
fn place_warnings<'a>(doc: &'a Document, map: &LineMap) -> Vec<Placed<'a>> {
    let mut placed: Vec<Placed> = doc
        .warnings
        .iter()
        .filter_map(|w| {
            let i = map.slots.partition_point(|s| s.line() < w.line);
            let shown = map.slots.get(i).or(map.slots.last())?.line();
            Some(Placed {
                line: w.line,
                shown,
                message: &w.message,
            })
        })
        .collect();
    placed.sort_by_key(|p| p.line);
    placed
}
