//! A block's content: the spans of its source lines and the print furniture
//! between them, in the two forms of the edition (joined text, or each
//! source line after its `<lb/>`).

use super::links::Links;
use super::pages::Pages;
use super::xml::Xml;
use crate::Document;
use crate::model::{FurnitureKind, Inline, Milestone, Span};
use std::cell::Cell;
use std::io::{self, Write};
use std::ops::Range;

/// How content is written: joined reading text, or the source's lines.
pub(super) struct Mode {
    pub(super) line_breaks: bool,
    /// The line the last `lb` began: a line the parser cut in two (a caption
    /// and its credit) gets one `lb`, its second span continuing the line.
    line: Cell<u32>,
    pub(super) pages: Pages,
    /// Contents lines and the divisions they name.
    pub(super) links: Links,
}

impl Mode {
    pub(super) fn new(line_breaks: bool, doc: &Document) -> Self {
        Mode {
            line_breaks,
            line: Cell::new(0),
            pages: Pages::new(doc),
            links: Links::new(doc),
        }
    }
}

/// Names to mark in a block's text, and the element that marks them.
#[derive(Clone, Copy)]
pub(super) struct Names<'a> {
    pub(super) tag: &'static str,
    pub(super) list: &'a [String],
}

impl Names<'_> {
    pub(super) const NONE: Names<'static> = Names {
        tag: "name",
        list: &[],
    };
}

/// Writes inline content, marking `names` where the text spells them.
pub(super) fn content<W: Write>(
    x: &mut Xml<W>,
    inlines: &[Inline],
    mode: &Mode,
    names: Names,
) -> io::Result<()> {
    let mut first = true;
    for inline in inlines {
        match inline {
            Inline::Span(s) => {
                span(x, s, first, mode, names)?;
                first = false;
            }
            Inline::Milestone(m) => milestone(x, m, mode)?,
        }
    }
    Ok(())
}

/// Print furniture where it interrupted the text.
fn milestone<W: Write>(x: &mut Xml<W>, m: &Milestone, mode: &Mode) -> io::Result<()> {
    forme_work(x, &m.kind, m.span.line, mode, |x| {
        span(x, &m.span, true, mode, Names::NONE)
    })
}

/// A furniture block: its lines as one piece of forme work.
pub(super) fn furniture<W: Write>(
    x: &mut Xml<W>,
    kind: &FurnitureKind,
    inlines: &[Inline],
    mode: &Mode,
) -> io::Result<()> {
    let line = inlines.iter().find_map(|i| match i {
        Inline::Span(s) => Some(s.line),
        Inline::Milestone(_) => None,
    });
    forme_work(x, kind, line.unwrap_or(0), mode, |x| {
        content(x, inlines, mode, Names::NONE)
    })
}

/// Furniture as forme work (`fw`) holding what `body` writes. A page
/// number is a page break (`pb`) too: before its `fw` where numbers head
/// their pages, after it where they foot them, naming the page that begins
/// there (none after a foot that ends the text).
fn forme_work<W: Write>(
    x: &mut Xml<W>,
    kind: &FurnitureKind,
    line: u32,
    mode: &Mode,
    body: impl FnOnce(&mut Xml<W>) -> io::Result<()>,
) -> io::Result<()> {
    let fw_type = match kind {
        FurnitureKind::PageNumber { .. } => "pageNum",
        FurnitureKind::RunningHead => "header",
        // A jump is printed for the page, like a catchword (TEI's fw type="catch").
        FurnitureKind::Continuation => "jump",
        FurnitureKind::Other => "other",
    };
    let opens = match kind {
        FurnitureKind::PageNumber { number } => mode.pages.opens(number, line),
        _ => None,
    };
    let foot = mode.pages.at_foot();
    if let Some(page) = opens.as_deref().filter(|_| !foot) {
        page_break(x, page, mode)?;
    }
    x.start("fw", &[("type", fw_type)])?;
    body(x)?;
    x.end("fw")?;
    if let Some(page) = opens.as_deref().filter(|_| foot) {
        page_break(x, page, mode)?;
    }
    Ok(())
}

/// `<pb n="63" xml:id="page-63"/>`: the page that begins here.
fn page_break<W: Write>(x: &mut Xml<W>, page: &str, mode: &Mode) -> io::Result<()> {
    match mode.pages.next_id(page) {
        Some(id) => x.empty("pb", &[("n", page), ("xml:id", &id)]),
        None => x.empty("pb", &[("n", page)]),
    }
}

fn span<W: Write>(
    x: &mut Xml<W>,
    s: &Span,
    first: bool,
    mode: &Mode,
    names: Names,
) -> io::Result<()> {
    if mode.line_breaks {
        // The whole source line, so that the text between this lb and the next
        // markup is the line as it was.
        if mode.line.replace(s.line) != s.line {
            x.empty("lb", &[("n", &s.line.to_string())])?;
        }
        x.text(s.lead())?;
        marked(x, s.text(), names, false)?;
        return x.text(s.trail());
    }
    if s.space_before && !first {
        x.text(" ")?;
    }
    // White space cut from the line is layout; anything else (a list marker,
    // `##`, a hyphen undone) is source text and is kept, marked as cut.
    cut(x, s.lead(), "lead")?;
    marked(x, s.text(), names, true)?;
    cut(x, s.trail(), "trail")
}

fn cut<W: Write>(x: &mut Xml<W>, s: &str, which: &str) -> io::Result<()> {
    let kept = s.trim();
    if kept.is_empty() {
        return Ok(());
    }
    x.start("seg", &[("type", which)])?;
    x.text(kept)?;
    x.end("seg")
}

/// The text with its names marked. A name printed letter-spaced (孙 绍 骋)
/// is kept as printed and given closed up, `<choice><orig>孙 绍 骋</orig>
/// <reg>孙绍骋</reg></choice>`, unless every line is to stay exactly as it was.
fn marked<W: Write>(x: &mut Xml<W>, text: &str, names: Names, regularise: bool) -> io::Result<()> {
    let mut at = 0;
    for r in find_names(text, names.list) {
        x.text(&text[at..r.start])?;
        x.start(names.tag, &[])?;
        let name = &text[r.clone()];
        if regularise && name.contains(char::is_whitespace) {
            x.start("choice", &[])?;
            x.start("orig", &[])?;
            x.text(name)?;
            x.end("orig")?;
            x.start("reg", &[])?;
            x.text(&name.replace(char::is_whitespace, ""))?;
            x.end("reg")?;
            x.end("choice")?;
        } else {
            x.text(name)?;
        }
        x.end(names.tag)?;
        at = r.end;
    }
    x.text(&text[at..])
}

/// Where each name occurs in `text`, in order, allowing white space between
/// its characters: the byline prints 孙 绍 骋 for the name 孙绍骋.
pub(super) fn find_names(text: &str, names: &[String]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    for name in names {
        let want: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
        if want.is_empty() {
            continue;
        }
        if let Some(r) = (from..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .find_map(|i| spelled_at(text, i, &want))
        {
            from = r.end;
            found.push(r);
        }
    }
    found
}

fn spelled_at(text: &str, start: usize, want: &[char]) -> Option<Range<usize>> {
    let mut chars = text[start..].char_indices();
    let mut end = start;
    for (k, &w) in want.iter().enumerate() {
        let (i, c) = loop {
            let (i, c) = chars.next()?;
            if k == 0 || !c.is_whitespace() {
                break (i, c);
            }
        };
        if c != w {
            return None;
        }
        end = start + i + c.len_utf8();
    }
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_across_justification_spaces() {
        let t = "张学良 杨 羊";
        let r = find_names(t, &["张学良".into(), "杨羊".into()]);
        assert_eq!(
            r.iter().map(|r| &t[r.clone()]).collect::<Vec<_>>(),
            ["张学良", "杨 羊"]
        );
        assert!(find_names("无名", &["孙绍骋".into()]).is_empty());
        assert!(find_names("", &["".into()]).is_empty());
    }
}
