//! Articles continued on a later page. Newspapers and magazines end
//! a column with "(下转第9页)" and pick the text up pages later under
//! "(上接第4页)", with other articles in between. The continuation is moved
//! back to where the article broke off, its first paragraph joined to the
//! one the jump cut, so that the article reads whole; the blocks keep their
//! source lines. The marks themselves are print apparatus, not text: each
//! becomes a milestone ([`FurnitureKind::Continuation`]) where it stood, which
//! TEI keeps and the reading formats leave out.

use super::cues::{jumps_out, lands};
use super::lines::Line;
use crate::model::{Article, Block, BlockKind, FurnitureKind, Inline, Milestone, Span, confidence};

/// The lines whose text jumps out or lands, noted while the lines are read
/// for their cues. Paragraphs keep their lines' text whole, so only blocks
/// ending or starting on these lines need their text read again: on a
/// large text that reading, of memory long out of the caches, cost more
/// than the rest of this stage.
#[derive(Debug, Default)]
pub struct Marks {
    out: Vec<u32>,
    lands: Vec<u32>,
}

impl Marks {
    /// Notes a line, in line order.
    pub fn note(&mut self, l: &Line<'_>) {
        // Most lines neither end with `)` or `）` (EF BC 89) nor start with
        // `(` or `（` (EF BC 88): told by one byte each.
        let b = l.text.as_bytes();
        if matches!(b.last(), Some(b')' | 0x89)) && jumps_out(l.text) {
            self.out.push(l.n);
        }
        if matches!(b.first(), Some(b'(' | 0xEF)) && lands(l.text) {
            self.lands.push(l.n);
        }
    }
}

/// The block's first (or last) span, when its line is one of `marked`:
/// its text is read only then.
fn marked_span<'b>(b: &'b Block, marked: &[u32], last: bool) -> Option<&'b Span> {
    let span = |i: &'b Inline| {
        if let Inline::Span(s) = i {
            Some(s)
        } else {
            None
        }
    };
    let s = if last {
        b.content.iter().rev().find_map(span)
    } else {
        b.content.iter().find_map(span)
    }?;
    marked.binary_search(&s.line).is_ok().then_some(s)
}

fn is_paragraph(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Paragraph)
}

/// Moves each continuation back to the paragraph its jump left, pairing
/// jumps and landings in reading order, then sets every mark apart from
/// the text it ended or began.
pub fn follow(articles: &mut Vec<Article>, marks: &Marks) {
    pair(articles, marks);
    cut_marks(articles, marks);
}

/// Makes each jump or landing mark at the end or start of a span a
/// milestone of its own, beside the rest of the span.
fn cut_marks(articles: &mut [Article], marks: &Marks) {
    if marks.out.is_empty() && marks.lands.is_empty() {
        return;
    }
    let marked = |line: u32| {
        marks.out.binary_search(&line).is_ok() || marks.lands.binary_search(&line).is_ok()
    };
    // A mark on a line of its own is a note already; only text carries one in it.
    for b in articles.iter_mut().flat_map(|a| a.blocks.iter_mut()) {
        if !is_paragraph(b)
            || !b
                .content
                .iter()
                .any(|i| matches!(i, Inline::Span(s) if marked(s.line)))
        {
            continue;
        }
        let mut content = Vec::with_capacity(b.content.len() + 1);
        for inline in b.content.drain(..) {
            match inline {
                Inline::Span(s) if marked(s.line) => content.extend(split_mark(s)),
                other => content.push(other),
            }
        }
        b.content = content;
    }
}

/// A span's text and its jump or landing mark, in the order they stand;
/// the span alone when it holds no mark.
fn split_mark(s: Span) -> Vec<Inline> {
    let milestone = |span: Span| {
        Inline::Milestone(Box::new(Milestone {
            kind: FurnitureKind::Continuation,
            span,
        }))
    };
    let text = s.text();
    let end = text.trim_end().len();
    if jumps_out(text) {
        let open = text[..end].rfind(['(', '（']);
        if let Some((body, mark)) = open.and_then(|at| s.split_at(at)) {
            return if body.text().trim().is_empty() {
                vec![milestone(s)]
            } else {
                vec![Inline::Span(body), milestone(mark)]
            };
        }
    }
    if lands(text) {
        let start = text.len() - text.trim_start().len();
        let close = text[start..]
            .find([')', '）'])
            .map(|at| start + at + text[start + at..].chars().next().map_or(1, char::len_utf8));
        if let Some((mark, body)) = close.and_then(|at| s.split_at(at)) {
            return if body.text().trim().is_empty() {
                vec![milestone(s)]
            } else {
                vec![milestone(mark), Inline::Span(body)]
            };
        }
    }
    vec![Inline::Span(s)]
}

fn pair(articles: &mut Vec<Article>, marks: &Marks) {
    if marks.out.is_empty() || marks.lands.is_empty() {
        return;
    }
    let mut from = (0, 0);
    // Articles a landing emptied are removed at the end, in one pass:
    // removing each as it emptied shifted every article after it, once a
    // jump, which on a long collection took longer than the rest of this stage.
    let mut emptied = vec![false; articles.len()];
    while let Some((ai, bi)) = find(articles, from, |b| {
        is_paragraph(b) && marked_span(b, &marks.out, true).is_some_and(|s| jumps_out(s.text()))
    }) {
        from = (ai, bi + 1);
        let Some((aj, bj)) = find(articles, from, |b| {
            is_paragraph(b) && marked_span(b, &marks.lands, false).is_some_and(|s| lands(s.text()))
        }) else {
            break;
        };
        let mut moved: Vec<Block> = articles[aj].blocks.drain(bj..).collect();
        let first = moved.remove(0);
        let target = &mut articles[ai].blocks[bi];
        target.content.extend(first.content);
        target.confidence = target
            .confidence
            .min(first.confidence)
            .min(confidence::LIKELY);
        let mut lines: Vec<u32> = target
            .lines
            .iter()
            .chain(&first.lines)
            .flat_map(|r| r[0]..=r[1])
            .collect();
        lines.sort_unstable();
        target.lines = crate::model::ranges(lines);
        articles[ai].blocks.splice(bi + 1..bi + 1, moved);
        if articles[aj].blocks.is_empty() {
            emptied[aj] = true;
        }
    }
    let mut gone = emptied.into_iter();
    articles.retain(|_| !gone.next().unwrap_or(false));
}

/// The first block at or after (article, block) `from` that satisfies `pred`.
fn find(
    articles: &[Article],
    from: (usize, usize),
    pred: impl Fn(&Block) -> bool,
) -> Option<(usize, usize)> {
    articles
        .iter()
        .enumerate()
        .skip(from.0)
        .find_map(|(ai, a)| {
            let skip = if ai == from.0 { from.1 } else { 0 };
            a.blocks
                .iter()
                .skip(skip)
                .position(&pred)
                .map(|bi| (ai, bi + skip))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_read() {
        assert!(jumps_out("教育要进一步发挥先导性、基础性支撑(下转第9页)"));
        assert!(jumps_out("……（转第4版）"));
        assert!(lands("(上接第4页)作用。要实施好"));
        assert!(lands("（上接1版）会议指出"));
        assert!(!lands("(上海)今天"));
        assert!(!jumps_out("他说(这是真的)"));
    }

    #[test]
    fn a_continuation_goes_back_to_its_article() {
        let para = "这是一段内容完整的正文，说明了会议的主要精神和具体要求。";
        let text = format!(
            "学习贯彻会议精神\n\n{para}\n\n教育要进一步发挥先导性、基础性支撑(下转第9页)\n\n推动区域协调发展\n\n{para}{para}\n\n（人民日报）\n\n(上接第4页)作用。要实施好基础学科和交叉学科突破计划。\n\n{para}\n"
        );
        let doc = crate::parse(&text, &crate::Options::default()).unwrap();
        let first = &doc.articles[0];
        let joined = first
            .blocks
            .iter()
            .find(|b| b.lines.len() == 2)
            .expect("the cut paragraph and its continuation are one block");
        assert_eq!(joined.lines, vec![[5, 5], [13, 13]]);
        assert!(
            first.blocks.iter().any(|b| b.lines == vec![[15, 15]]),
            "the rest of the continuation follows it"
        );
        let at = |line: u32| {
            first
                .blocks
                .iter()
                .position(|b| b.lines[0][0] == line)
                .unwrap()
        };
        assert!(
            at(5) < at(15) && at(15) < at(7),
            "the continuation is read before what stood between"
        );
    }

    #[test]
    fn the_marks_are_milestones_not_text() {
        let para = "这是一段内容完整的正文，说明了会议的主要精神和具体要求。";
        let text = format!(
            "学习贯彻会议精神\n\n{para}\n\n教育要进一步发挥先导性、基础性支撑(下转第9页)\n\n推动区域协调发展\n\n{para}{para}\n\n（人民日报）\n\n(上接第4页)作用。要实施好基础学科和交叉学科突破计划。\n\n{para}\n"
        );
        let doc = crate::parse(&text, &crate::Options::default()).unwrap();
        let joined = doc.blocks().find(|b| b.lines.len() == 2).unwrap();
        assert_eq!(
            joined.text(),
            "教育要进一步发挥先导性、基础性支撑作用。要实施好基础学科和交叉学科突破计划。"
        );
        let kept: Vec<&str> = joined
            .milestones()
            .filter(|m| m.kind == FurnitureKind::Continuation)
            .map(|m| m.span.text())
            .collect();
        assert_eq!(kept, ["(下转第9页)", "(上接第4页)"]);
        // Nothing of the source is lost: each span's piece is the line.
        let pieces: String = joined
            .content
            .iter()
            .map(|i| match i {
                Inline::Span(s) => s.raw(),
                Inline::Milestone(m) => m.span.raw(),
            })
            .collect();
        assert!(
            pieces.contains("支撑(下转第9页)(上接第4页)作用"),
            "{pieces}"
        );
    }
}
