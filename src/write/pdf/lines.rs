//! Setting one paragraph into lines: each character's width, the squeezing of
//! adjacent punctuation, a quarter em between Chinese and Latin, greedy line
//! filling (linear in the text), and the space each line's gaps must take to
//! be justified.

use super::breaking::{is_western, opportunities};
use super::fonts::{FontSet, Role};
use crate::chars::is_em_grid;

/// One character placed in a paragraph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Item {
    pub(super) ch: char,
    /// Index of the face that draws it; [`MISSING`] when none can.
    pub(super) face: u8,
    /// Advance as drawn, in points.
    pub(super) advance: f32,
    /// Set in the face's half-width twin: a closing mark squeezed before another mark.
    pub(super) half: bool,
    /// Points taken off (by the half-width twin) when it ends a line.
    pub(super) end_squeeze: f32,
    /// Space inserted before it unless it starts a line (Chinese next to Latin).
    pub(super) auto_space: f32,
    /// Whether the gap before it takes justification space (not inside a Latin word).
    pub(super) stretch: bool,
    /// A space: dropped at line edges.
    pub(super) space: bool,
    /// A line may begin with it.
    pub(super) can_break: bool,
}

/// Face index of characters that no face has.
pub(super) const MISSING: u8 = u8::MAX;

/// A line: items `start..end` of its paragraph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Points added to every stretchable gap (PDF character spacing).
    pub(super) extra: f32,
    /// Offset of the line's start from the left edge of the block, in points.
    pub(super) x: f32,
    /// Width as set, in points.
    pub(super) width: f32,
}

/// How a paragraph's lines fill the measure.
#[derive(Debug, Clone, Copy)]
pub(super) struct Measure {
    pub(super) width: f32,
    pub(super) first_indent: f32,
    pub(super) align: super::style::Align,
    /// The type size in points.
    pub(super) size: f32,
    /// Make the lines of equal length (titles, headings).
    pub(super) balance: bool,
}

/// Closing marks whose glyph sits in the left half of the em.
fn closing(c: char) -> bool {
    "，。、；：）》」』】〕〉〗”’．".contains(c)
}

/// Opening marks whose glyph sits in the right half of the em.
fn opening(c: char) -> bool {
    "（《「『【〔〈〖“‘".contains(c)
}

/// Builds the items of `text` set in `role` at `size` points. Characters no
/// face covers get [`MISSING`] and are reported through `missing` with their
/// index: finding them again by index would cost a scan of the text each.
pub(super) fn items(
    text: &str,
    role: Role,
    size: f32,
    fonts: &mut FontSet,
    missing: &mut Vec<(usize, char)>,
) -> Vec<Item> {
    let chars: Vec<char> = text.chars().collect();
    let breaks = opportunities(text, &chars);
    let mut out = Vec::with_capacity(chars.len());
    for (i, &ch) in chars.iter().enumerate() {
        let (face, advance) = match fonts.glyph(role, ch) {
            Some(g) => (g.face, g.advance * size),
            None => {
                missing.push((i, ch));
                (MISSING, size)
            }
        };
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        // A full-width closing mark has its ink in the left half of the em:
        // before another mark, and at a line end, it is set half width
        // (clreq 3.1.6). Opening marks are never squeezed: that would need a
        // glyph moved left, which no width can say.
        let squeezable = closing(ch)
            && face != MISSING
            && fonts.halvable(face)
            && (advance - size).abs() < 0.05 * size;
        let half = squeezable && next.is_some_and(|n| closing(n) || opening(n));
        let advance = if half { advance / 2.0 } else { advance };
        let end_squeeze = if squeezable && !half {
            advance / 2.0
        } else {
            0.0
        };
        let auto_space = match prev {
            Some(p)
                if (is_ideograph(p) && is_western(ch)) || (is_western(p) && is_ideograph(ch)) =>
            {
                0.25 * size
            }
            _ => 0.0,
        };
        let stretch = !prev.is_some_and(|p| {
            !is_em_grid(p) && !is_em_grid(ch) && !p.is_whitespace() && !ch.is_whitespace()
        });
        out.push(Item {
            ch,
            face,
            advance,
            half,
            end_squeeze,
            auto_space,
            stretch,
            space: ch == ' ',
            can_break: breaks[i],
        });
    }
    out
}

fn is_ideograph(c: char) -> bool {
    is_em_grid(c)
        && !super::breaking::no_start(c)
        && !super::breaking::no_end(c)
        && !matches!(c, '—' | '…' | '·' | '　')
}

/// Breaks `items` into lines, first fit: a line takes every character that
/// fits, then ends at the last place kinsoku allows. A closing mark at the
/// end of a line is set half width (clreq §3.1.6), which lets it stay on a
/// line that is full. With nowhere to break (a long URL) it cuts where the
/// measure ends.
pub(super) fn break_lines(items: &[Item], m: &Measure) -> Vec<Line> {
    let mut lines = fill(items, m);
    if m.balance && lines.len() > 1 {
        // Display lines are balanced, as a designer would break a title by
        // hand: the narrowest measure that needs no extra line.
        let (mut lo, mut hi) = (m.width / lines.len() as f32, m.width);
        for _ in 0..12 {
            let mid = (lo + hi) / 2.0;
            if fill(items, &Measure { width: mid, ..*m }).len() > lines.len() {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lines = fill(items, &Measure { width: hi, ..*m });
        let shift = if m.align == super::style::Align::Center {
            (m.width - hi) / 2.0
        } else {
            0.0
        };
        for l in &mut lines {
            l.x += shift;
        }
    }
    lines
}

/// A paragraph's last line should not hold a single character (a 孤字):
/// the line before it gives up its last breakable piece when it can do so
/// without becoming looser than a quarter em per gap.
fn no_lone_last_character(items: &[Item], lines: &mut [Line], m: &Measure) {
    let n = lines.len();
    if n < 2 || m.align != super::style::Align::Justify {
        return;
    }
    let last = lines[n - 1];
    let solid = (last.start..visible_end(items, &last))
        .filter(|&i| !super::breaking::no_start(items[i].ch) && !items[i].space)
        .count();
    if solid > 1 {
        return;
    }
    let prev = lines[n - 2];
    let Some(cut) = (prev.start + 2..prev.end)
        .rev()
        .find(|&i| items[i].can_break)
    else {
        return;
    };
    if prev.end - cut > 3 {
        return;
    }
    let avail = m.width - if n == 2 { m.first_indent } else { 0.0 };
    let width = set_width(items, prev.start, cut);
    let gaps = (prev.start + 1..cut)
        .filter(|&i| items[i].stretch)
        .count()
        .max(1) as f32;
    if (avail - width) / gaps > 0.25 * m.size {
        return;
    }
    lines[n - 2] = Line {
        end: cut,
        width,
        ..prev
    };
    lines[n - 1] = Line {
        start: cut,
        width: set_width(items, cut, last.end),
        ..last
    };
}

fn fill(items: &[Item], m: &Measure) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let n = items.len();
    loop {
        while start < n && items[start].space {
            start += 1;
        }
        if start >= n {
            break;
        }
        let avail = m.width
            - if lines.is_empty() {
                m.first_indent
            } else {
                0.0
            };
        let mut w = 0.0;
        let mut best: Option<(usize, f32)> = None;
        let mut i = start;
        while i < n {
            let it = &items[i];
            if i > start {
                w += it.auto_space;
            }
            w += it.advance;
            let b = i + 1;
            if b == n || items[b].can_break {
                let wl = set_width(items, start, b);
                if wl <= avail + push_in(items, start, b, m.size) {
                    best = Some((b, wl));
                } else if best.is_some() {
                    break;
                }
            }
            if w > avail + m.size && best.is_some() {
                break;
            }
            if w > avail + 0.01 && best.is_none() && i > start && !items[i].space {
                // Nowhere to break before the measure ends: cut here.
                best = Some((i, set_width(items, start, i)));
                break;
            }
            i += 1;
        }
        let (end, width) = best.unwrap_or_else(|| (n, set_width(items, start, n)));
        let end = end.max(start + 1);
        lines.push(Line {
            start,
            end,
            extra: 0.0,
            x: 0.0,
            width,
        });
        start = end;
    }
    no_lone_last_character(items, &mut lines, m);
    align(items, &mut lines, m);
    lines
}

/// How far a line ending in a closing mark may overflow: the gaps may each
/// give up to a twelfth of an em, so that 。 or ， stays with its sentence
/// rather than pushing a character down (clreq's 行尾点号挤进).
fn push_in(items: &[Item], start: usize, end: usize, size: f32) -> f32 {
    let last = &items[end - 1];
    if !closing(last.ch) {
        return 0.01;
    }
    let gaps = (start + 1..end).filter(|&i| items[i].stretch).count() as f32;
    (size / 12.0 * gaps).min(0.5 * size) + 0.01
}

/// Width of items `start..end` set as one line: trailing spaces dropped, a
/// closing mark at the end set half width.
pub(super) fn set_width(items: &[Item], start: usize, end: usize) -> f32 {
    let mut last = end;
    while last > start && items[last - 1].space {
        last -= 1;
    }
    let mut w = 0.0;
    for (k, it) in items[start..last].iter().enumerate() {
        if k > 0 {
            w += it.auto_space;
        }
        w += it.advance;
    }
    if last > start {
        w -= items[last - 1].end_squeeze;
    }
    w
}

/// The last item of a line that is drawn (trailing spaces are not).
pub(super) fn visible_end(items: &[Item], line: &Line) -> usize {
    let mut last = line.end;
    while last > line.start && items[last - 1].space {
        last -= 1;
    }
    last
}

/// Places each line in the measure and spreads justified lines' slack evenly
/// over their gaps; Latin words keep their letter spacing.
fn align(items: &[Item], lines: &mut [Line], m: &Measure) {
    use super::style::Align;
    let count = lines.len();
    for (k, line) in lines.iter_mut().enumerate() {
        let avail = m.width - if k == 0 { m.first_indent } else { 0.0 };
        let indent = if k == 0 { m.first_indent } else { 0.0 };
        let slack = avail - line.width;
        line.x = match m.align {
            Align::Justify | Align::Left => indent,
            Align::Center => indent + slack / 2.0,
            Align::Right => indent + slack,
        };
        let last_line = k + 1 == count;
        if m.align == Align::Justify && (!last_line || slack < 0.0) {
            let end = visible_end(items, line);
            let gaps = (line.start + 1..end).filter(|&i| items[i].stretch).count();
            if gaps > 0 {
                line.extra = (slack / gaps as f32).clamp(-m.size / 12.0, m.size);
                line.width += line.extra * gaps as f32;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::pdf::style::Align;

    fn set(text: &str, chars_per_line: f32) -> Vec<String> {
        let mut fonts = FontSet::load(None, None, false).unwrap();
        let mut missing = Vec::new();
        let items = items(text, Role::Body, 10.0, &mut fonts, &mut missing);
        let m = Measure {
            width: chars_per_line * 10.0,
            first_indent: 0.0,
            align: Align::Justify,
            size: 10.0,
            balance: false,
        };
        break_lines(&items, &m)
            .iter()
            .map(|l| items[l.start..l.end].iter().map(|i| i.ch).collect())
            .collect()
    }

    #[test]
    fn kinsoku_pushes_out_and_punctuation_hangs_in() {
        // 。 at the start of line 2 is forbidden; set half width it is pushed in.
        assert_eq!(
            set("一二三四五六七八九十。六七", 10.0),
            vec!["一二三四五六七八九十。", "六七"]
        );
        // On a short line there are too few gaps to push in: 五 goes down with it.
        assert_eq!(set("一二三四五。六七", 5.0), vec!["一二三四", "五。六七"]);
        // A full line followed by 」。 moves its last character down instead.
        assert_eq!(
            set("一二三四「五」。六", 5.0),
            vec!["一二三四", "「五」。六"]
        );
        // 《 may not end a line.
        assert_eq!(set("一二三四《五》", 5.0), vec!["一二三四", "《五》"]);
    }

    #[test]
    fn no_single_character_on_the_last_line() {
        assert_eq!(
            set("一二三四五六七八九十一。", 10.0),
            vec!["一二三四五六七八九", "十一。"]
        );
    }

    #[test]
    fn latin_words_stay_whole() {
        let lines = set("中文排版Typesetting好", 8.0);
        assert!(lines.iter().any(|l| l.contains("Typesetting")), "{lines:?}");
    }

    #[test]
    fn justified_lines_fill_the_measure() {
        let mut fonts = FontSet::load(None, None, false).unwrap();
        let items = items(
            "中文排版，要两端对齐。English words here并且中西文之间加空。",
            Role::Body,
            10.0,
            &mut fonts,
            &mut Vec::new(),
        );
        let m = Measure {
            width: 100.0,
            first_indent: 20.0,
            align: Align::Justify,
            size: 10.0,
            balance: false,
        };
        let lines = break_lines(&items, &m);
        for l in &lines[..lines.len() - 1] {
            assert!((l.x + l.width - 100.0).abs() < 0.05, "{l:?}");
        }
    }
}
