//! Drawing pages: each line as one text-showing operator, justified with PDF
//! character spacing and kerned only where marks are squeezed; boxes round
//! sidebars; the running head and the folio.

use super::fonts::FontSet;
use super::lines::{Item, Line, MISSING, set_width, visible_end};
use super::paginate::Placed;
use printpdf::{
    Color, Greyscale, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, TextItem,
    TextMatrix,
};

/// A block after line breaking, ready to draw.
pub(super) struct SetBlock {
    pub(super) items: Vec<Item>,
    pub(super) lines: Vec<Line>,
    /// Type size, points.
    pub(super) size: f32,
    pub(super) pitch: f32,
    /// Left edge of the block's measure from the type area's left, points.
    pub(super) left: f32,
    pub(super) width: f32,
    pub(super) grey: f32,
    pub(super) boxed: Option<usize>,
    /// Text flush right on the last line, with its items.
    pub(super) tab: Option<Vec<Item>>,
}

/// Page geometry in points; PDF's origin is the lower left corner.
#[derive(Debug, Clone, Copy)]
pub(super) struct Geometry {
    pub(super) page_width: f32,
    pub(super) page_height: f32,
    pub(super) left: f32,
    pub(super) top: f32,
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) body_size: f32,
}

impl Geometry {
    /// The baseline of a line whose box starts `top` points below the type area's top:
    /// the em box is centred in the line box, the baseline 0.88 em down it (CJK faces
    /// put the ideographic em box from -0.12 to 0.88 em).
    pub(super) fn baseline(&self, top: f32, pitch: f32, size: f32) -> f32 {
        self.top - top - (pitch - size) / 2.0 - 0.88 * size
    }
}

/// Tracks the text state so operators are only written when it changes.
struct Pen {
    font: Option<(u8, bool, u32)>,
    spacing: f32,
    grey: f32,
}

/// Draws one page's body lines and sidebar boxes.
pub(super) fn page_ops(
    placed: &[Placed],
    blocks: &[SetBlock],
    fonts: &FontSet,
    g: &Geometry,
) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    let mut pen = Pen {
        font: None,
        spacing: 0.0,
        grey: 0.0,
    };
    let mut boxes: Vec<(usize, f32, f32)> = Vec::new();
    let mut leaders: Vec<(f32, f32, f32)> = Vec::new();
    let mut dashes: Vec<(Rule, f32)> = Vec::new();
    for p in placed {
        let blk = &blocks[p.block];
        let line = &blk.lines[p.line];
        let base = g.baseline(p.top, blk.pitch, blk.size);
        if blk.grey != pen.grey {
            ops.push(Op::SetFillColor {
                col: grey(blk.grey),
            });
            pen.grey = blk.grey;
        }
        let x = g.left + blk.left + line.x;
        let joined = show_line(
            &mut ops, &mut pen, fonts, &blk.items, line, blk.size, x, base,
        );
        dashes.extend(joined.into_iter().map(|r| (r, blk.grey)));
        if p.line + 1 == blk.lines.len()
            && let Some(tab) = &blk.tab
        {
            let w: f32 = set_width(tab, 0, tab.len());
            let whole = Line {
                start: 0,
                end: tab.len(),
                extra: 0.0,
                x: 0.0,
                width: w,
            };
            let tab_x = g.left + blk.left + blk.width - w;
            show_line(
                &mut ops, &mut pen, fonts, tab, &whole, blk.size, tab_x, base,
            );
            leaders.push((
                x + line.width + 0.5 * blk.size,
                tab_x - 0.5 * blk.size,
                base + 0.12 * blk.size,
            ));
        }
        if let Some(id) = blk.boxed {
            let (top, bottom) = (p.top, p.top + blk.pitch);
            match boxes.last_mut() {
                Some(b) if b.0 == id => b.2 = bottom,
                _ => boxes.push((id, top, bottom)),
            }
        }
    }
    ops.push(Op::EndTextSection);
    for ([x0, x1, y0, y1], level) in dashes {
        ops.push(Op::SetFillColor { col: grey(level) });
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                mode: Some(PaintMode::Fill),
                ..Rect::from_xywh(Pt(x0), Pt(y0), Pt(x1 - x0), Pt(y1 - y0))
            },
        });
        pen.grey = level;
    }
    if pen.grey != 0.0 {
        ops.push(Op::SetFillColor { col: grey(0.0) });
    }
    if !leaders.is_empty() {
        // Dot leaders of a table of contents: drawn, not typed, so that they
        // are no part of the text a reader copies.
        ops.push(Op::SetOutlineColor { col: grey(0.35) });
        ops.push(Op::SetOutlineThickness { pt: Pt(0.9) });
        ops.push(Op::SetLineCapStyle {
            cap: printpdf::LineCapStyle::Round,
        });
        ops.push(Op::SetLineDashPattern {
            dash: printpdf::LineDashPattern::new(0.0, &[0.0, 0.5 * g.body_size]),
        });
        for (x0, x1, y) in leaders.into_iter().filter(|(x0, x1, _)| x1 > x0) {
            ops.push(Op::DrawLine {
                line: rule(x0, x1, y),
            });
        }
        ops.push(Op::SetLineDashPattern {
            dash: printpdf::LineDashPattern::solid(),
        });
        ops.push(Op::SetLineCapStyle {
            cap: printpdf::LineCapStyle::Butt,
        });
    }
    for (_, top, bottom) in boxes {
        let pad = 0.35 * g.body_size;
        let (x0, x1) = (
            g.left + 0.4 * g.body_size,
            g.left + g.width - 0.4 * g.body_size,
        );
        let (y1, y0) = (g.top - top + pad, g.top - bottom - pad);
        ops.push(Op::SetOutlineColor { col: grey(0.45) });
        ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
        ops.push(Op::DrawRectangle {
            rectangle: Rect {
                mode: Some(PaintMode::Stroke),
                ..Rect::from_xywh(Pt(x0), Pt(y0), Pt(x1 - x0), Pt(y1 - y0))
            },
        });
    }
    ops
}

/// A rule drawn over a run of em dashes: left, right, bottom, top, in points.
type Rule = [f32; 4];

/// Writes one line: a text matrix, then runs of one face each, the
/// justification in `Tc` (Latin words take it back so they stay unspaced).
/// Returns the rules that join its runs of em dashes (`——`) into one line
/// where the face draws each dash shorter than its em.
#[allow(clippy::too_many_arguments)]
fn show_line(
    ops: &mut Vec<Op>,
    pen: &mut Pen,
    fonts: &FontSet,
    items: &[Item],
    line: &Line,
    size: f32,
    x: f32,
    y: f32,
) -> Vec<Rule> {
    let rules = dash_rules(fonts, items, line, size, x, y);
    if line.extra != pen.spacing {
        ops.push(Op::SetCharacterSpacing {
            multiplier: line.extra,
        });
        pen.spacing = line.extra;
    }
    ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(Pt(x), Pt(y)),
    });
    let end = visible_end(items, line);
    let mut run: Vec<TextItem> = Vec::new();
    let mut text = String::new();
    let mut shift = 0.0f32;
    for (i, it) in items.iter().enumerate().take(end).skip(line.start) {
        if i > line.start {
            shift += it.auto_space - if it.stretch { 0.0 } else { line.extra };
        }
        let face = if it.face == MISSING { 0 } else { it.face };
        let half = it.half || (i + 1 == end && it.end_squeeze > 0.0);
        let key = (face, half, size.to_bits());
        if pen.font != Some(key) {
            flush(ops, &mut run, &mut text, &mut shift, size);
            let f = &fonts.faces[usize::from(face)];
            let id = if half { f.half.clone() } else { f.id.clone() };
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(id),
                size: Pt(size),
            });
            pen.font = Some(key);
        }
        if shift.abs() > 0.001 {
            if !text.is_empty() {
                run.push(TextItem::Text(std::mem::take(&mut text)));
            }
            run.push(TextItem::Offset(-shift * 1000.0 / size));
            shift = 0.0;
        }
        text.push(it.ch);
    }
    shift = 0.0;
    flush(ops, &mut run, &mut text, &mut shift, size);
    rules
}

/// The rules over a line's runs of two or more em dashes, from the first
/// dash's ink to the last's, at the height and thickness of the dash, for
/// faces whose dash leaves a gap to the next (most CJK faces, sans ones
/// more): GB/T 15834 prints 破折号 as one unbroken two-em line. The glyphs
/// stay beneath, so the text reads `——` when copied.
fn dash_rules(
    fonts: &FontSet,
    items: &[Item],
    line: &Line,
    size: f32,
    x: f32,
    y: f32,
) -> Vec<Rule> {
    let end = visible_end(items, line);
    let mut rules = Vec::new();
    // The open run: its first dash, where that starts, where the last starts.
    let mut run: Option<(usize, f32, f32)> = None;
    let mut count = 0;
    let close = |run: Option<(usize, f32, f32)>, count: usize, rules: &mut Vec<Rule>| {
        let Some((first, x0, x_last)) = run else {
            return;
        };
        let Some([left, right, bottom, top]) = fonts
            .faces
            .get(usize::from(items[first].face))
            .and_then(|f| f.dash)
        else {
            return;
        };
        // A dash whose ink spans its em already joins the next.
        if count < 2 || (left <= 0.02 && right >= 0.98) {
            return;
        }
        rules.push([
            x0 + left * size,
            x_last + right * size,
            y + bottom * size,
            y + top * size,
        ]);
    };
    let mut pos = x;
    for i in line.start..end {
        let it = &items[i];
        if i > line.start {
            pos += it.auto_space - if it.stretch { 0.0 } else { line.extra };
        }
        let is_dash = it.ch == '—' && it.face != MISSING && !it.half;
        match &mut run {
            Some((first, _, x_last)) if is_dash && items[*first].face == it.face => {
                *x_last = pos;
                count += 1;
            }
            _ => {
                close(run.take(), count, &mut rules);
                if is_dash {
                    run = Some((i, pos, pos));
                    count = 1;
                }
            }
        }
        pos += it.advance + line.extra;
    }
    close(run, count, &mut rules);
    rules
}

fn flush(
    ops: &mut Vec<Op>,
    run: &mut Vec<TextItem>,
    text: &mut String,
    shift: &mut f32,
    size: f32,
) {
    if !text.is_empty() {
        run.push(TextItem::Text(std::mem::take(text)));
    }
    if !run.is_empty() {
        if shift.abs() > 0.001 {
            run.push(TextItem::Offset(-*shift * 1000.0 / size));
            *shift = 0.0;
        }
        ops.push(Op::ShowText {
            items: std::mem::take(run),
        });
    }
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

/// The running head (the article's title over a hairline) and the folio.
pub(super) fn furniture(
    head: Option<&[Item]>,
    folio: &[Item],
    fonts: &FontSet,
    g: &Geometry,
) -> Vec<Op> {
    let size = 0.75 * g.body_size;
    let mut ops = vec![Op::StartTextSection, Op::SetFillColor { col: grey(0.3) }];
    let mut pen = Pen {
        font: None,
        spacing: 0.0,
        grey: 0.3,
    };
    let head_base = g.top + 1.4 * g.body_size;
    if let Some(items) = head {
        let w: f32 = set_width(items, 0, items.len());
        let line = Line {
            start: 0,
            end: items.len(),
            extra: 0.0,
            x: 0.0,
            width: w,
        };
        show_line(
            &mut ops,
            &mut pen,
            fonts,
            items,
            &line,
            size,
            g.left + (g.width - w) / 2.0,
            head_base,
        );
    }
    let w: f32 = set_width(folio, 0, folio.len());
    let line = Line {
        start: 0,
        end: folio.len(),
        extra: 0.0,
        x: 0.0,
        width: w,
    };
    show_line(
        &mut ops,
        &mut pen,
        fonts,
        folio,
        &line,
        size,
        g.left + (g.width - w) / 2.0,
        g.top - g.height - 2.2 * g.body_size,
    );
    ops.push(Op::EndTextSection);
    ops.push(Op::SetFillColor { col: grey(0.0) });
    if head.is_some() {
        let y = head_base - 0.45 * g.body_size;
        ops.push(Op::SetOutlineColor { col: grey(0.4) });
        ops.push(Op::SetOutlineThickness { pt: Pt(0.4) });
        ops.push(Op::DrawLine {
            line: rule(g.left, g.left + g.width, y),
        });
    }
    ops
}

fn rule(x0: f32, x1: f32, y: f32) -> printpdf::Line {
    let point = |x: f32| LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    };
    printpdf::Line {
        points: vec![point(x0), point(x1)],
        is_closed: false,
    }
}

/// Link annotations over table-of-contents entries, to the page each names.
pub(super) fn links(
    placed: &[Placed],
    blocks: &[SetBlock],
    targets: &[(usize, usize)],
    g: &Geometry,
) -> Vec<Op> {
    use printpdf::{Actions, BorderArray, Destination, LinkAnnotation};
    let mut ops = Vec::new();
    for &(block, page) in targets {
        let lines: Vec<&Placed> = placed.iter().filter(|p| p.block == block).collect();
        let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
            continue;
        };
        let blk = &blocks[block];
        let (y0, y1) = (g.top - last.top - blk.pitch, g.top - first.top);
        let rect = Rect::from_xywh(Pt(g.left + blk.left), Pt(y0), Pt(blk.width), Pt(y1 - y0));
        let action = Actions::go_to(Destination::Xyz {
            page: page + 1,
            left: None,
            top: None,
            zoom: None,
        });
        ops.push(Op::LinkAnnotation {
            link: LinkAnnotation::new(
                rect,
                action,
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                None,
                None,
            ),
        });
    }
    ops
}
