//! The document's profile, what the stages before learned of the
//! text's own conventions (one document or a collection, its numbering
//! schemes and their levels, its furniture and where it prints its page
//! numbers, its column width), gathered
//! for a person to see why the parser decided as it did.

use super::cues::Numbering;
use super::furniture::Furniture;
use super::lines::Line;
use super::types::Style;
use crate::model::{FurniturePattern, NumberingScheme, Profile};
use std::collections::BTreeMap;

/// How many furniture patterns the profile lists.
const PATTERNS: usize = 8;

/// The profile of a parsed text.
pub fn of(
    lines: &[Line<'_>],
    furniture: &[Option<Furniture>],
    collection: bool,
    headings: &[(Style, u8)],
    column_width: f32,
) -> Profile {
    let mut schemes: BTreeMap<Style, (u8, u32)> = BTreeMap::new();
    for &(style, level) in headings {
        if let Style::Numbered(_) = style {
            let e = schemes.entry(style).or_insert((level, 0));
            e.1 += 1;
        }
    }
    let numbering = schemes
        .into_iter()
        .map(|(style, (level, headings))| NumberingScheme {
            scheme: example(style).to_string(),
            level,
            headings,
        })
        .collect();
    let page_numbers = super::furniture::page_number_place(lines, furniture);
    // Heads grouped by their text as printed; page numbers by their form.
    let mut seen: BTreeMap<(String, String), (usize, u32)> = BTreeMap::new();
    for (i, f) in furniture.iter().enumerate() {
        let Some(f) = f else { continue };
        let text = lines[i].text;
        let (kind, key) = match f {
            // The form of the number: - # -, 第 # 页, # / #.
            Furniture::PageNumber => (
                "page number",
                text.split(|c: char| c.is_ascii_digit())
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join("#"),
            ),
            Furniture::RunningHead => (
                "running head",
                text.chars().filter(|c| !c.is_ascii_digit()).collect(),
            ),
            Furniture::Other => ("other", text.to_string()),
        };
        let e = seen.entry((kind.to_string(), key)).or_insert((i, 0));
        e.1 += 1;
    }
    let mut furniture: Vec<FurniturePattern> = seen
        .into_iter()
        .map(|((kind, _), (first, n))| FurniturePattern {
            kind,
            example: lines[first].text.to_string(),
            lines: n,
        })
        .collect();
    furniture.sort_by(|a, b| {
        b.lines
            .cmp(&a.lines)
            .then_with(|| a.example.cmp(&b.example))
    });
    furniture.truncate(PATTERNS);
    Profile {
        collection,
        numbering,
        furniture,
        form_feeds: lines.iter().any(Line::starts_page),
        column_width,
        page_numbers,
    }
}

/// The median column width of the text's non-blank lines, in ems.
pub fn column_width(lines: &[Line<'_>], widths: &[f32]) -> f32 {
    let mut w: Vec<f32> = lines
        .iter()
        .zip(widths)
        .filter(|(l, _)| !l.is_blank())
        .map(|(_, &w)| w)
        .collect();
    if w.is_empty() {
        return 0.0;
    }
    let mid = w.len() / 2;
    *w.select_nth_unstable_by(mid, f32::total_cmp).1
}

/// A scheme shown by its first number.
fn example(style: Style) -> &'static str {
    match style {
        Style::Numbered(Numbering::Chapter) => "第一章",
        Style::Numbered(Numbering::Section) => "第一节",
        Style::Numbered(Numbering::Han) => "一、",
        Style::Numbered(Numbering::ParenHan) => "（一）",
        Style::Numbered(Numbering::Arabic) => "1.",
        Style::Numbered(Numbering::Decimal(1)) => "1",
        Style::Numbered(Numbering::Decimal(2)) => "1.1",
        Style::Numbered(Numbering::Decimal(3)) => "1.1.1",
        Style::Numbered(Numbering::Decimal(4)) => "1.1.1.1",
        Style::Numbered(Numbering::Decimal(5)) => "1.1.1.1.1",
        Style::Numbered(Numbering::Decimal(_)) => "1.1.1.1.1.1",
        Style::Numbered(Numbering::ParenArabic) => "（1）",
        Style::Markdown(_) => "#",
        Style::Plain => "",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_manual_chapter_shows_its_schemes_levels_and_furniture() {
        let mut text = String::from("第 3 章 开始安装\n\n");
        for (n, h) in ["3.1. 概述", "3.2. 备份", "3.2.1. 文档", "3.2.2. 硬件"]
            .iter()
            .enumerate()
        {
            text.push_str(&format!(
                "{h}\n\n　　这是一段足够长的正文，说明本节的内容，\n并且在这里结束。\n\n- {} -\n\n",
                n + 1
            ));
        }
        let doc = crate::parse(&text, &crate::Options::default()).unwrap();
        let p = &doc.profile;
        assert!(!p.collection);
        let schemes: Vec<(&str, u8, u32)> = p
            .numbering
            .iter()
            .map(|s| (s.scheme.as_str(), s.level, s.headings))
            .collect();
        assert_eq!(schemes, vec![("1.1", 2, 2), ("1.1.1", 3, 2)]);
        assert_eq!(p.furniture[0].kind, "page number");
        assert_eq!(p.furniture[0].lines, 4);
        assert!(p.column_width > 10.0);
    }
}
