//! The document's own conventions, read off the classified units
//! as a whole: whether the text is one document or a collection of
//! articles (a display line is a section heading in one, an article's
//! title in the other), how it numbers its sections (a number that does
//! not follow on is no section; a document numbered 1.1, 1.2.3 numbers
//! its steps 1. 2.), which numbered points make lists, and which display
//! lines are table cells or what a colon announces rather than headings.

use super::cues::{self, Cue, Numbering};
use super::types::{Item, Kind, Shape, Style, text_of};
use crate::model::NoteKind;

/// Settles the kinds the document's conventions decide; says whether it
/// reads as a collection of articles.
pub fn settle(shape: &Shape<'_, '_>, items: &mut [Item]) -> bool {
    sequences(shape, items);
    let collection = collection(shape, items);
    if !collection {
        one_document(shape, items);
        no_heading_runs(items);
    }
    collection
}

/// Numbered items read in their sequences. A numbered heading is one only
/// where its number follows on from the one before it in its style (or
/// starts one at 1): a lone 3. is an item of a list cut by the page, not
/// a section. Short numbered paragraphs that count on from each other
/// (1) … 2) … 3) …) are the items of a list.
fn sequences(shape: &Shape<'_, '_>, items: &mut [Item]) {
    // The most characters of an item of a list: longer, a numbered paragraph.
    const ITEM_LONGEST: usize = 100;
    let mut last: Vec<(Numbering, u32)> = Vec::new();
    let number = |it: &Item| match it.cue {
        Cue::Numbered { style, .. } => {
            cues::number_value(shape.lines[it.lines[0]].text).map(|n| (style, n))
        }
        _ => None,
    };
    for it in items.iter_mut() {
        let Some((style, n)) = number(it) else {
            continue;
        };
        let heading = matches!(it.kind, Kind::Heading(Style::Numbered(_)));
        if heading {
            // A heading of a style above ends the runs of those below it.
            last.retain(|(s, _)| *s <= style);
        }
        // The number before may have run on into its paragraph: any item counts.
        let prev = last.iter().find(|(s, _)| *s == style).map(|p| p.1);
        // The first of a style may start anywhere: the text may be an excerpt.
        let follows = n <= 1
            || prev.is_none_or(|p| n == p + 1)
            || matches!(
                style,
                Numbering::Chapter | Numbering::Section | Numbering::Decimal(_)
            );
        if heading && !follows {
            it.kind = Kind::Text;
        }
        last.retain(|(s, _)| *s != style);
        last.push((style, n));
    }
    let mut i = 0;
    while i < items.len() {
        let Some((style, n)) = number(&items[i])
            .filter(|(s, _)| matches!(s, Numbering::Arabic | Numbering::ParenArabic))
        else {
            i += 1;
            continue;
        };
        // The run: the same style counting on, furniture between allowed.
        let mut run = vec![i];
        let mut want = n + 1;
        let mut j = i + 1;
        while j < items.len() {
            if items[j].kind == Kind::Furniture {
                j += 1;
                continue;
            }
            match number(&items[j]) {
                // A numbered line set like a heading among the items is one of them.
                Some((s, m))
                    if s == style
                        && m == want
                        && matches!(
                            items[j].kind,
                            Kind::Text | Kind::Heading(Style::Numbered(_))
                        ) =>
                {
                    run.push(j);
                    want += 1;
                    j += 1;
                }
                _ => break,
            }
        }
        // Points counting on one after the other are alike: where one is a
        // paragraph, a sibling with a clause in it (2．新质生产力加快形成，西部
        // 地区将…) is one too, however its last line ends.
        if run.iter().any(|&k| items[k].kind == Kind::Text) {
            for &k in &run {
                if matches!(items[k].kind, Kind::Heading(_))
                    && text_of(shape, &items[k].lines).contains(['，', '、', ',', '；'])
                {
                    items[k].kind = Kind::Text;
                }
            }
        }
        // An item says one thing: one sentence, short. More, and the
        // numbers head paragraphs.
        let item = |it: &Item| {
            let text = text_of(shape, &it.lines);
            let body = text.trim_end_matches(|c| cues::is_terminal(c) || cues::is_closing(c));
            text.chars().count() <= ITEM_LONGEST && !body.contains(['。', '；', '！', '？'])
        };
        let short: Vec<usize> = run.iter().copied().filter(|&k| item(&items[k])).collect();
        // Every item short, set one under the other without blank lines
        // between, as a list is; a point that runs on into prose, or stands
        // apart like a paragraph, heads a paragraph.
        let tight = run.windows(2).all(|w| {
            let (a, b) = (
                *items[w[0]].lines.last().unwrap_or(&0),
                items[w[1]].lines[0],
            );
            // Blank lines around a page's furniture between them say nothing.
            let between = &shape.lines[a + 1..b];
            between.is_empty() || between.iter().any(|l| !l.is_blank())
        });
        // Parts of one sentence (1. 安装任务，2. 所需的软件包，) are a list however set.
        let parts = run[..run.len() - 1]
            .iter()
            .all(|&k| !cues::ends_sentence(&text_of(shape, &items[k].lines)));
        if run.len() >= 2
            && (tight || parts)
            && short.len() == run.len()
            && items[i].kind == Kind::Text
        {
            for k in short {
                items[k].kind = Kind::ListItem;
            }
        }
        i = j.max(i + 1);
    }
}

/// Whether the items read as a collection of articles (a magazine, a
/// newspaper page, a compilation) rather than one document: more than one
/// article shows its own apparatus, a byline or a closing note, or the
/// text marks its titles itself (markdown `#`).
fn collection(shape: &Shape<'_, '_>, items: &[Item]) -> bool {
    // Two of one kind: a single document may well have one of each.
    const ARTICLES: usize = 2;
    let count = |f: &dyn Fn(&Item) -> bool| items.iter().filter(|it| f(it)).count();
    let closing = |it: &Item| {
        matches!(
            it.kind,
            Kind::Note(NoteKind::Source | NoteKind::Editor | NoteKind::Affiliation)
        )
    };
    // A closing note with a title after it: one article ended, another
    // began; not in a manual or a book numbered 1.1, 1.2 (a quotation's
    // source among its examples).
    const SECTIONED: usize = 5;
    let sections = count(&|it: &Item| {
        matches!(
            it.kind,
            Kind::Heading(Style::Numbered(Numbering::Decimal(2..)))
        )
    });
    let another = sections < SECTIONED
        && items
            .iter()
            .position(closing)
            .is_some_and(|i| items[i + 1..].iter().any(|it| it.kind == Kind::Title));
    // A byline between a title and its text; a short word among a table's
    // cells only looks like a name.
    let settled: Vec<&Item> = items
        .iter()
        .filter(|it| !matches!(it.kind, Kind::Furniture | Kind::Caption))
        .collect();
    // The title stands alone (not one of a table's cells in a row), and
    // text follows the name.
    let titled = |i: usize| {
        matches!(settled[i].kind, Kind::Title | Kind::Subtitle)
            && (i == 0
                || !matches!(
                    settled[i - 1].kind,
                    Kind::Title | Kind::Byline | Kind::Display
                ))
    };
    let signed = (1..settled.len().saturating_sub(2))
        .filter(|&i| {
            settled[i].kind == Kind::Byline
                && (titled(i - 1)
                    || (i >= 2 && settled[i - 1].kind == Kind::Subtitle && titled(i - 2)))
                && matches!(
                    settled[i + 1].kind,
                    Kind::Text | Kind::Note(_) | Kind::Heading(_)
                )
                && matches!(
                    settled[i + 2].kind,
                    Kind::Text | Kind::Heading(_) | Kind::ListItem | Kind::Caption
                )
        })
        .count();
    another || signed >= ARTICLES || count(&closing) >= ARTICLES || {
        // Distinct ones: a listing's comment repeated is not a title.
        let mut marked: Vec<&str> = items
            .iter()
            .filter(|it| {
                it.kind == Kind::Title && matches!(it.cue, Cue::Markdown { hashes: 1, .. })
            })
            .map(|it| shape.lines[it.lines[0]].text)
            .collect();
        marked.sort_unstable();
        marked.dedup();
        marked.len() >= ARTICLES
    }
}

/// Display lines one after another with no text between are a table's
/// cells, a list of terms or a listing's lines: a heading heads text.
fn no_heading_runs(items: &mut [Item]) {
    const RUN: usize = 2;
    let display = |k: Kind| matches!(k, Kind::Heading(Style::Plain) | Kind::Title);
    let mut i = 0;
    while i < items.len() {
        if !display(items[i].kind) {
            i += 1;
            continue;
        }
        let mut run = vec![i];
        let mut j = i + 1;
        while j < items.len() && (display(items[j].kind) || items[j].kind == Kind::Furniture) {
            if items[j].kind != Kind::Furniture {
                run.push(j);
            }
            j += 1;
        }
        if run.len() >= RUN {
            // The document's own title may stand over them.
            for &k in &run[usize::from(k0_is_head(items, i))..] {
                items[k].kind = Kind::Text;
            }
        }
        i = j;
    }
}

/// Whether item `i` is the document's head: nothing but furniture before it.
fn k0_is_head(items: &[Item], i: usize) -> bool {
    items[..i]
        .iter()
        .all(|it| matches!(it.kind, Kind::Furniture | Kind::Front))
}

/// In one document only the title at its head is a title: later display
/// lines that opened "articles" are its section headings, and a chapter
/// heading that opens the text is its title.
fn one_document(shape: &Shape<'_, '_>, items: &mut [Item]) {
    let mut head = true;
    for it in items.iter_mut() {
        match it.kind {
            Kind::Furniture | Kind::Caption | Kind::Front | Kind::Toc => {}
            Kind::Title | Kind::Subtitle | Kind::Byline | Kind::Note(NoteKind::Date) if head => {}
            Kind::Heading(Style::Numbered(Numbering::Chapter)) if head => it.kind = Kind::Title,
            Kind::Title => {
                head = false;
                it.kind = match it.cue {
                    Cue::Numbered { style, .. } => Kind::Heading(Style::Numbered(style)),
                    _ => Kind::Heading(Style::Plain),
                };
            }
            _ => head = false,
        }
    }
    // What a sentence announces with a colon (a command, a formula, a name)
    // is shown, not a heading over what follows.
    for i in 1..items.len() {
        if items[i].kind == Kind::Heading(Style::Plain)
            && items[i - 1].kind == Kind::Text
            && shape.lines[*items[i - 1].lines.last().unwrap_or(&0)]
                .text
                .ends_with(['：', ':'])
        {
            items[i].kind = Kind::Text;
        }
    }
    // A chapter numbered 3. over sections numbered 3.1., 3.2. is the first
    // part of their numbers.
    for i in 0..items.len() {
        if items[i].kind != Kind::Heading(Style::Numbered(Numbering::Arabic)) {
            continue;
        }
        let Some(n) = cues::number_value(shape.lines[items[i].lines[0]].text) else {
            continue;
        };
        let next = items[i + 1..]
            .iter()
            .find(|it| matches!(it.kind, Kind::Heading(Style::Numbered(_))));
        if next.is_some_and(|it| {
            matches!(
                it.kind,
                Kind::Heading(Style::Numbered(Numbering::Decimal(2)))
            ) && shape.lines[it.lines[0]].text.starts_with(&format!("{n}."))
        }) {
            items[i].kind = Kind::Heading(Style::Numbered(Numbering::Decimal(1)));
        }
    }
    // A document that numbers its sections 1.1, 1.2.3 numbers its steps,
    // not its sections, 1. 2. 3.
    const DECIMAL_SECTIONS: usize = 3;
    if items
        .iter()
        .filter(|it| {
            matches!(
                it.kind,
                Kind::Heading(Style::Numbered(Numbering::Decimal(_)))
            )
        })
        .count()
        >= DECIMAL_SECTIONS
    {
        for it in items.iter_mut().filter(|it| {
            it.kind == Kind::Heading(Style::Numbered(Numbering::Arabic))
                && matches!(it.cue, Cue::Numbered { .. })
        }) {
            it.kind = Kind::Text;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_quotations_source_in_a_numbered_manual_makes_no_collection() {
        let body = "这是一段说明文字，介绍本节的用法和注意事项，内容完整，以句号结束。\n\n";
        let mut text = String::from("第1章 介绍\n\n");
        for k in 1..=6 {
            text.push_str(&format!("1.{k} 第{k}节的标题\n\n{body}{body}"));
        }
        text.push_str("例如下面这段引文：\n\n风一吹，水就动了，鱼也跟着游了过去。\n（摘自《夏大鱼羊自传》）\n\n");
        text.push_str("全国统一考试\n\n");
        text.push_str(&body.repeat(3));
        let doc = crate::parse(&text, &crate::Options::default()).expect("parses");
        assert!(!doc.profile.collection, "{:#?}", doc.articles.len());
    }
}
