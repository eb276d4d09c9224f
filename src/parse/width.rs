//! The column width around each line.
//!
//! Hard-wrapped print fills every line of a paragraph but the last to the
//! column width, and indents the first; so a line's width against the width
//! of its column says whether a paragraph can end there. Column widths
//! change across a document (pages, sections, inserts), so the width is
//! estimated per stretch of lines, not once.

use super::lines::Line;

/// Lines per stretch over which the column width is estimated.
const STRETCH: usize = 24;
/// Narrower columns than this (in ems) are taken for lists or labels, not body text.
const MIN_COLUMN: u32 = 10;
/// A first line's indent (two ems) in the half-em bins widths are counted in.
const INDENT_BINS: u32 = 4;
/// Beyond this width (in ems) lines are taken to be whole paragraphs, not
/// wrapped lines. pdftotext of an A4 page in a 10-point CJK font wraps at up
/// to about 52 ems: those are columns, not paragraphs.
pub const LONG_LINE: f32 = 56.0;

/// The reference column width of each line (0 for blank lines).
pub fn column_widths(lines: &[Line<'_>], given: Option<usize>) -> Vec<f32> {
    let mut out = vec![0.0; lines.len()];
    if let Some(w) = given {
        for (o, l) in out.iter_mut().zip(lines) {
            if !l.is_blank() {
                *o = w as f32;
            }
        }
        return out;
    }
    let idx: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let chunks: Vec<&[usize]> = idx.chunks(STRETCH).collect();
    let estimates: Vec<Estimate> = chunks
        .iter()
        .map(|c| {
            // A line repeated in the stretch (a running head, a label) says
            // nothing about the column. A stretch is short: no hashing, but
            // texts compared whole only when their lengths and first bytes agree.
            let keys: Vec<(usize, u64)> = c.iter().map(|&i| prefix_key(lines[i].text)).collect();
            let first = |k: usize| {
                (0..k).all(|j| keys[j] != keys[k] || lines[c[j]].text != lines[c[k]].text)
            };
            estimate(
                (0..c.len())
                    .filter(|&k| first(k))
                    .map(|k| lines[c[k]].width),
            )
        })
        .collect();
    let column = |j: usize| match estimates.get(j) {
        Some(Estimate::Column(w)) => Some(*w),
        _ => None,
    };
    for (k, chunk) in chunks.iter().enumerate() {
        let w = match estimates[k] {
            Estimate::Column(w) => w,
            // A stretch with too few body lines to say borrows from its
            // neighbours; without them (a short text) no width can be
            // trusted, and only punctuation decides, as for a paragraph per line.
            Estimate::TooFew => k
                .checked_sub(1)
                .and_then(column)
                .or_else(|| column(k + 1))
                .unwrap_or(LONG_LINE),
            Estimate::Ragged => {
                // Ragged short lines (lists, headings) sit in a column like their
                // neighbours'; ragged long lines are paragraphs, one per line.
                let p80 = fallback(chunk.iter().map(|&i| lines[i].width));
                if p80 >= LONG_LINE {
                    p80
                } else {
                    k.checked_sub(1)
                        .and_then(column)
                        .or_else(|| column(k + 1))
                        .unwrap_or(p80)
                }
            }
        };
        for &i in *chunk {
            out[i] = w;
        }
    }
    narrow_locally(lines, &idx, &mut out);
    out
}

/// A text's length and first eight bytes: equal for equal texts.
fn prefix_key(t: &str) -> (usize, u64) {
    let mut head = [0u8; 8];
    let n = t.len().min(8);
    head[..n].copy_from_slice(&t.as_bytes()[..n]);
    (t.len(), u64::from_le_bytes(head))
}

/// Where the lines around a line are narrower than its stretch's column (a
/// narrower column on this page), their median width is the column there.
fn narrow_locally(lines: &[Line<'_>], idx: &[usize], out: &mut [f32]) {
    const AROUND: usize = 4;
    let mut near: Vec<f32> = Vec::with_capacity(2 * AROUND);
    for (k, &i) in idx.iter().enumerate() {
        if out[i] >= LONG_LINE {
            continue;
        }
        near.clear();
        let lo = k.saturating_sub(AROUND);
        let hi = (k + AROUND + 1).min(idx.len());
        near.extend(
            idx[lo..hi]
                .iter()
                .filter(|&&j| j != i && lines[j].width >= 8.0)
                .map(|&j| lines[j].width),
        );
        // The median is narrower only if more than half of them are: most
        // lines are left without sorting.
        if near.len() < 2 * AROUND - 2
            || near.iter().filter(|&&x| x + 0.5 < out[i]).count() <= near.len() / 2
        {
            continue;
        }
        near.sort_by(f32::total_cmp);
        let median = near[near.len() / 2];
        // A narrower column fills most of its lines to one width; short last
        // lines of paragraphs and titles that happen to gather do not.
        // Nor has a narrower column many lines wider than itself.
        let agree = near.iter().filter(|w| (**w - median).abs() <= 1.5).count();
        let wider = near.iter().filter(|w| **w > median + 1.5).count();
        if median + 0.5 < out[i] && agree * 2 >= near.len() && wider * 4 <= near.len() {
            out[i] = median + 0.5;
        }
    }
}

enum Estimate {
    Column(f32),
    TooFew,
    Ragged,
}

/// The most common width (to the half em) among lines long enough to be
/// body lines, when it is common enough to be a column width.
fn estimate(widths: impl Iterator<Item = f32>) -> Estimate {
    let mut counts: Vec<(u32, u32)> = Vec::new();
    let mut total = 0;
    for w in widths {
        if w < 8.0 {
            continue;
        }
        total += 1;
        let key = (w * 2.0).round() as u32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, c)) => *c += 1,
            None => counts.push((key, 1)),
        }
    }
    if total < 4 {
        return Estimate::TooFew;
    }
    // The mode is the column width; the half-em bins beside it count with it
    // to judge whether the stretch has a column width at all (digits and
    // Latin letters make full lines a little wider or narrower).
    let mode = counts
        .iter()
        .max_by_key(|(k, c)| (*c, std::cmp::Reverse(*k)))
        .copied();
    let best = mode.map(|(k, _)| {
        let near: u32 = counts
            .iter()
            .filter(|(k2, _)| k2.abs_diff(k) <= 1)
            .map(|(_, c)| c)
            .sum();
        (k, near)
    });
    // Where paragraphs are short, their indented first lines (two ems
    // narrower) can outnumber the full ones; the full ones are the column.
    let near_count = |k: u32| {
        counts
            .iter()
            .filter(|(k2, _)| k2.abs_diff(k) <= 1)
            .map(|(_, c)| c)
            .sum::<u32>()
    };
    let best = best.map(|(k, c)| {
        let wide = near_count(k + INDENT_BINS);
        if wide >= 3 && wide * 3 >= c {
            (k + INDENT_BINS, wide.max(c))
        } else {
            (k, c)
        }
    });
    match best {
        Some((k, c)) if (c * 3 >= total as u32 || c >= 6) && k >= 2 * MIN_COLUMN => {
            Estimate::Column(k as f32 / 2.0)
        }
        _ => Estimate::Ragged,
    }
}

/// The 80th percentile of the widths: the column of ragged text.
fn fallback(widths: impl Iterator<Item = f32>) -> f32 {
    let mut v: Vec<f32> = widths.collect();
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[(v.len() * 4 / 5).min(v.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split;

    #[test]
    fn the_common_width_is_the_column() {
        let text = crate::parse::units::tests::distinct(
            &("一二三四五六七八九十一二三四五六七八\n".repeat(10) + "短行。\n"),
        );
        let ls = split(&text);
        let w = column_widths(&ls, None);
        assert_eq!(w[0], 18.0);
        assert_eq!(w[10], 18.0);
    }

    #[test]
    fn ragged_long_lines_count_as_paragraph_per_line() {
        let text: String = (0..10).map(|i| "字".repeat(60 + i * 13) + "。\n").collect();
        let ls = split(&text);
        assert!(column_widths(&ls, None)[0] >= LONG_LINE);
    }

    #[test]
    fn first_lines_outnumbering_full_ones_do_not_make_the_column() {
        // Two-line paragraphs: an indented first line of 18 and a full one of 20.
        let para =
            "一二三四五六七八九十一二三四五六七八\n一二三四五六七八九十一二三四五六七八九十\n";
        let text = crate::parse::units::tests::distinct(
            &(para.repeat(4) + "一二三四五六七八九十一二三四五六七八\n".repeat(4).as_str()),
        );
        let ls = split(&text);
        assert_eq!(column_widths(&ls, None)[1], 20.0);
    }

    #[test]
    fn short_last_lines_gathering_do_not_narrow_the_column() {
        // Widths as around a title between two reports: the last lines of
        // paragraphs and the title are short, but they are no column.
        let line = |w: f32| {
            "一".to_string()
                + &"二".repeat(w as usize - 1)
                + if w.fract() > 0.0 { "a" } else { "" }
                + "\n"
        };
        let mut text: String = [30.0; 8].iter().map(|&w| line(w)).collect();
        text += &[3.0, 30.0, 30.0, 31.0, 26.0, 25.0, 25.0, 21.5, 13.0, 29.0]
            .iter()
            .map(|&w| line(w))
            .collect::<String>();
        text += &[30.0; 8].iter().map(|&w| line(w)).collect::<String>();
        let text = crate::parse::units::tests::distinct(&text);
        let ls = split(&text);
        assert_eq!(ls[12].width, 26.0);
        assert_eq!(column_widths(&ls, None)[12], 30.0);
    }
}
