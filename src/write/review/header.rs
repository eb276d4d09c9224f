//! The page header: what the document is, the legend with per-kind counts,
//! the issue navigation and the lists behind it.

use super::gold::Diff;
use super::html::{self, plural};
use super::map::{Key, LineMap, level_class};
use crate::Document;
use crate::model::PageNumberPlace;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A parser warning, placed on a line the source pane shows.
pub(super) struct Placed<'a> {
    /// The line the warning names.
    pub(super) line: u32,
    /// The non-blank line it is shown on (the same, or the next one).
    pub(super) shown: u32,
    pub(super) message: &'a str,
}

pub(super) struct Header<'m, 'a> {
    pub(super) map: &'m LineMap<'a>,
    /// Non-blank source lines.
    pub(super) nonblank: usize,
    pub(super) first: &'m [Option<u32>],
    pub(super) warnings: &'m [Placed<'a>],
    pub(super) diff: Option<&'m Diff>,
    pub(super) threshold: f32,
}

/// What the parser learned of the text's conventions, the grounds of its
/// decisions: one document or a collection, numbering schemes and their
/// levels, furniture, pages and column width.
fn profile(out: &mut String, p: &crate::model::Profile) {
    out.push_str("<details class=\"profile\"><summary>profile: ");
    out.push_str(if p.collection {
        "a collection of articles"
    } else {
        "one document"
    });
    let schemes: Vec<String> = p
        .numbering
        .iter()
        .map(|s| format!("{} → level {}", s.scheme, s.level))
        .collect();
    if !schemes.is_empty() {
        out.push_str(" · numbering ");
        html::text(out, &schemes.join(", "));
    }
    let _ = write!(
        out,
        " · column {:.1} ems · pages {}, numbers at the {}</summary><table>",
        p.column_width,
        if p.form_feeds {
            "marked by form feeds"
        } else {
            "not marked"
        },
        match p.page_numbers {
            PageNumberPlace::Head => "head",
            PageNumberPlace::Foot => "foot",
        }
    );
    out.push_str("<tr><th>numbering</th><th>level</th><th>headings</th></tr>");
    for s in &p.numbering {
        out.push_str("<tr><td>");
        html::text(out, &s.scheme);
        let _ = write!(out, "</td><td>{}</td><td>{}</td></tr>", s.level, s.headings);
    }
    out.push_str("<tr><th>furniture</th><th>example</th><th>lines</th></tr>");
    for f in &p.furniture {
        out.push_str("<tr><td>");
        html::text(out, &f.kind);
        out.push_str("</td><td>");
        html::text(out, &f.example);
        let _ = write!(out, "</td><td>{}</td></tr>", f.lines);
    }
    out.push_str("</table></details>");
}

impl Header<'_, '_> {
    pub(super) fn write(&self, out: &mut String, doc: &Document) {
        let name = doc
            .source
            .file_name
            .as_deref()
            .unwrap_or("(unnamed source)");
        out.push_str("<header><div class=\"bar\"><h1>");
        html::text(out, doc.meta.title.as_deref().unwrap_or(name));
        out.push_str("</h1><span class=\"meta\">");
        html::text(out, name);
        let _ = write!(
            out,
            " · {} lines, {} with text · ",
            doc.source.line_count, self.nonblank
        );
        html::text(out, &doc.source.encoding);
        let _ = write!(
            out,
            " · {} bytes · {} (articles, front matter) · {}</span>",
            doc.source.byte_len,
            plural(doc.articles.len(), "division"),
            plural(doc.blocks().count(), "block")
        );
        out.push_str("<span class=\"help\">hover or click a block to see both sides · <kbd>n</kbd>/<kbd>p</kbd> next/previous issue · click a legend entry to single out a kind</span></div>");
        let uncertain = self.uncertain();
        self.legend(out);
        self.nav(out, uncertain.values().map(Vec::len).sum());
        self.lists(out, &uncertain);
        profile(out, &doc.profile);
        if let Some(d) = self.diff {
            out.push_str("<details class=\"gold\"><summary>");
            d.summary(out);
            out.push_str("</summary>");
            d.table(out);
            out.push_str("</details>");
        }
        out.push_str("</header>\n");
    }

    /// One entry per kind present (per level for headings): blocks, and lines in the tooltip.
    fn legend(&self, out: &mut String) {
        let level = |id: usize| {
            self.map.items[id]
                .block
                .and_then(|b| b.level())
                .map_or(0, level_class)
        };
        let mut blocks: BTreeMap<(Key, u8), usize> = BTreeMap::new();
        for (id, item) in self.map.items.iter().enumerate() {
            *blocks.entry((item.key, level(id))).or_default() += 1;
        }
        let mut lines: BTreeMap<(Key, u8), usize> = BTreeMap::new();
        for s in &self.map.slots {
            *lines
                .entry((
                    s.key,
                    if s.key == Key::Heading {
                        level(s.item)
                    } else {
                        0
                    },
                ))
                .or_default() += 1;
        }
        out.push_str("<div class=\"legend\">");
        for (&(key, level), &n) in &lines {
            // Credits have no blocks of their own: they count lines and single out their captions.
            let focus = if key == Key::Credit {
                Key::Caption
            } else {
                key
            };
            let _ = write!(out, "<button type=\"button\" class=\"chip k-{}", key.name());
            if level > 0 {
                let _ = write!(out, " h{level}");
            }
            let _ = write!(
                out,
                "\" data-key=\"{}\" title=\"{}\"><i></i>{}",
                focus.name(),
                plural(n, "line"),
                key.label()
            );
            if level > 0 {
                let _ = write!(out, " {level}");
            }
            let _ = write!(
                out,
                " <b>{}</b></button>",
                blocks.get(&(key, level)).copied().unwrap_or(n)
            );
        }
        out.push_str("</div>");
    }

    /// Uncertain blocks by confidence in hundredths, lowest first.
    fn uncertain(&self) -> BTreeMap<u32, Vec<usize>> {
        let mut by_conf: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for (id, item) in self.map.items.iter().enumerate() {
            if let (true, Some(b)) = (item.uncertain, item.block) {
                by_conf
                    .entry((b.confidence.max(0.0) * 100.0).round() as u32)
                    .or_default()
                    .push(id);
            }
        }
        by_conf
    }

    fn nav(&self, out: &mut String, unc: usize) {
        out.push_str("<nav class=\"nav\">");
        let _ = write!(
            out,
            "<label class=\"f-w\"><input type=\"checkbox\" data-cat=\"w\" checked=\"checked\"/>⚠ {}</label>",
            plural(self.warnings.len(), "warning")
        );
        let _ = write!(
            out,
            "<label class=\"f-u\"><input type=\"checkbox\" data-cat=\"u\" checked=\"checked\"/>? {} below confidence {:.2}</label>",
            plural(unc, "block"),
            self.threshold
        );
        if let Some(d) = self.diff {
            let n = d.lines.len();
            let _ = write!(
                out,
                "<label class=\"f-g\"><input type=\"checkbox\" data-cat=\"g\" checked=\"checked\"/>≠ the gold differs on {}</label>",
                plural(n, "line")
            );
        }
        out.push_str("<button type=\"button\" data-go=\"-1\" title=\"previous issue (p)\">◀ prev</button><button type=\"button\" data-go=\"1\" title=\"next issue (n)\">next ▶</button><output id=\"at\"></output>");
        out.push_str("<label class=\"sync\"><input type=\"checkbox\" id=\"sync\" checked=\"checked\"/>scroll panes together</label></nav>");
    }

    fn lists(&self, out: &mut String, uncertain: &BTreeMap<u32, Vec<usize>>) {
        out.push_str("<details class=\"issues\"><summary>list of warnings, uncertain blocks");
        if self.diff.is_some() {
            out.push_str(" and gold differences");
        }
        out.push_str(
            "</summary><div class=\"cols\"><section><h2>Warnings</h2><ol class=\"links\">",
        );
        for w in self.warnings {
            let _ = write!(out, "<li><a href=\"#L{}\">{}</a> ", w.shown, w.line);
            html::text(out, w.message);
            out.push_str("</li>");
        }
        out.push_str("</ol></section><section><h2>Uncertain blocks</h2>");
        for (i, (conf, ids)) in uncertain.iter().enumerate() {
            let open = if i == 0 { " open=\"open\"" } else { "" };
            let _ = write!(
                out,
                "<details{open}><summary>confidence {:.2}: {}</summary><ol class=\"links\">",
                *conf as f32 / 100.0,
                plural(ids.len(), "block")
            );
            for &id in ids {
                if let Some(line) = self.first[id] {
                    let _ = write!(out, "<li><a href=\"#L{line}\">{line}</a> ");
                    html::text(out, &self.map.items[id].label);
                    out.push_str("</li>");
                }
            }
            out.push_str("</ol></details>");
        }
        out.push_str("</section>");
        if let Some(d) = self.diff {
            out.push_str("<section><h2>Differences from the gold</h2>");
            d.list(out);
            out.push_str("</section>");
        }
        out.push_str("</div></details>");
    }
}
