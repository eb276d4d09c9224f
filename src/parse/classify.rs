//! What each unit is. A unit's own shape proposes (a number, a
//! marker, a short line without final punctuation), its neighbours decide: a
//! display line after a source note opens an article, a name under a title
//! is a byline, a line ending in —— before a list leads a sidebar.

use super::cues::{self, Cue, Numbering, name_like};
use super::types::{Item, Kind, Shape, Style, Unit, text_of};
use crate::model::NoteKind;
use std::borrow::Cow;

/// A short unit without sentence punctuation: a heading, title, byline, label.
fn display_shape(shape: &Shape<'_, '_>, u: &Unit) -> bool {
    // Most units are paragraphs too long to be anything else, or end in
    // mid-sentence: not joined.
    let last = shape.lines[*u.lines.last().unwrap_or(&0)].text;
    if u.lines.len() > 3 || cues::ends_open(last) {
        return false;
    }
    let t = text_of(shape, &u.lines);
    let shaped = if latin(&t) {
        // A Latin heading is a few capitalised words; a longer line, or one
        // that starts in lower case, is a sentence cut short. A name in
        // lower case (main-menu, debconf/priority) may head the text that
        // explains it.
        let words = t.split_whitespace().count();
        let lower = t.chars().next().is_some_and(char::is_lowercase);
        words
            <= if lower {
                LATIN_NAME_WORDS
            } else {
                LATIN_HEADING_WORDS
            }
    } else {
        let n = t.chars().count();
        // A headline in parts set apart by spaces may be long, but has no punctuation.
        let bare = !t
            .chars()
            .any(|c| matches!(c, '，' | '、' | ',' | '。' | '；' | '：'));
        let limit = match (u.lines.len(), bare) {
            (_, true) => DISPLAY_BARE_LONGEST,
            (1, false) => DISPLAY_LINE_LONGEST,
            (_, false) => DISPLAY_WRAPPED_LONGEST,
        };
        // Two clauses make a heading; more make prose cut short by a break.
        let clauses = t.chars().filter(|c| matches!(c, '，' | '、' | ',')).count();
        n <= limit
            && clauses <= 1
            && !t.contains(['。', '！', '？', '；'])
            && !t.ends_with(['：', ':'])
    };
    // A number or a code alone is a cell of a table or a listing, not a
    // title; nor is a row of cells or a line of code, a path or an address.
    // One letter alone is a symbol in a table, a variable, a formula's
    // part; a Han character alone may head a book's part (序, 跋).
    let mut letters = t.chars().filter(|&c| super::lines::is_letter(c));
    let worded = match (letters.next(), letters.next()) {
        (Some(c), None) => super::lines::is_cjk(c),
        (Some(_), Some(_)) => true,
        _ => false,
    };
    shaped
        && worded
        && !cues::code_like(&t)
        && !cues::index_entry(&t)
        && !u.lines.iter().any(|&i| columns(shape.lines[i].text))
}

/// The most characters of a display unit without punctuation: a headline
/// in parts set apart by spaces may be long.
const DISPLAY_BARE_LONGEST: usize = 100;
/// The most characters of a display line with a comma or a colon in it:
/// longer, it reads as the start of a sentence.
const DISPLAY_LINE_LONGEST: usize = 30;
/// The same for a display unit of two or three lines (a heading that wraps).
const DISPLAY_WRAPPED_LONGEST: usize = 60;

/// The most words of a Latin heading.
const LATIN_HEADING_WORDS: usize = 10;
/// The most words of a Latin heading in lower case: a name and its alias.
const LATIN_NAME_WORDS: usize = 3;

/// Whether a text is written in a Latin script (no Han in it).
fn latin(t: &str) -> bool {
    !t.chars().any(super::lines::is_cjk) && t.chars().any(|c| c.is_ascii_alphabetic())
}

/// A numbered unit that is a heading: short, no sentence inside.
fn numbered_heading(shape: &Shape<'_, '_>, u: &Unit, rest: usize) -> bool {
    if u.lines.len() > 3 {
        return false;
    }
    let t = text_of(shape, &u.lines);
    let body = t.get(rest..).unwrap_or("");
    let n = body.chars().count();
    // A heading may ask a question or exclaim (什么是 Debian? 记得备份！), once, at its end.
    let body = body.trim_end_matches(['？', '！', '?', '!']);
    u.lines.len() <= 3
        && (2..=60).contains(&n)
        && !cues::ends_open(body)
        && !body.contains(['。', '！', '？', '；', '：', ':', '?', '!'])
}

/// Whether the line next to line `i` (above or below, no blank between)
/// starts with `#` too.
fn comment_block(shape: &Shape<'_, '_>, i: usize) -> bool {
    let hash = |j: usize| shape.lines.get(j).is_some_and(|l| l.text.starts_with('#'));
    (i > 0 && hash(i - 1)) || hash(i + 1)
}

/// Whether a line of a pdftotext -layout page holds columns: text, a gap
/// of spaces, more text (a table's row, two columns side by side).
fn columns(t: &str) -> bool {
    const GAP: &str = "   ";
    t.trim().contains(GAP) || t.trim().contains("\u{3000}\u{3000}\u{3000}")
}

/// First pass: kinds from each unit's own shape.
fn intrinsic(shape: &Shape<'_, '_>, u: &Unit, furniture: bool, desc: bool) -> Kind {
    if furniture {
        return Kind::Furniture;
    }
    match u.cue {
        // Markdown sets a heading apart; # lines one after another are a
        // listing's comments (# cp debian.iso /dev/sdX).
        Cue::Markdown { .. }
            if u.lines.len() > 1
                || comment_block(shape, u.lines[0])
                || cues::ends_sentence(shape.lines[u.lines[0]].text) =>
        {
            Kind::Text
        }
        Cue::Markdown { hashes: 1, .. } => Kind::Title,
        Cue::Markdown { hashes, .. } => Kind::Heading(Style::Markdown(hashes)),
        Cue::Note(k) => Kind::Note(k),
        Cue::Credit | Cue::CaptionWithCredit | Cue::Caption => Kind::Caption,
        Cue::Bullet { .. } | Cue::Dash => Kind::ListItem,
        Cue::Toc => Kind::Toc,
        Cue::Label => Kind::Aside,
        Cue::Front => Kind::Front,
        Cue::PageNumber | Cue::Junk => Kind::Furniture,
        Cue::Numbered { style, rest } if numbered_heading(shape, u, rest as usize) => {
            Kind::Heading(Style::Numbered(style))
        }
        Cue::Numbered { .. } => Kind::Text,
        Cue::None if desc => Kind::Caption,
        Cue::None => {
            // The unit's text is joined only when its first and last lines
            // do not already decide (its lines are not blank).
            let (first, last) = (
                shape.lines[u.lines[0]].text,
                shape.lines[u.lines[u.lines.len() - 1]].text,
            );
            if u.lines.len() == 1
                && (first.ends_with("——") || first.ends_with('：'))
                && first.chars().count() <= 24
            {
                // A lead-in: a sidebar's if a list follows (decided in context).
                return Kind::Display;
            }
            let paren = first.starts_with(['(', '（']) && last.ends_with([')', '）']);
            if paren && {
                let t = text_of(shape, &u.lines);
                name_like(&t) && t.chars().count() <= 8
            } {
                Kind::Byline
            } else if display_shape(shape, u) && !cues::jumps_out(last) {
                // A line ending in a jump to another page ends a paragraph, however short.
                Kind::Display
            } else {
                Kind::Text
            }
        }
    }
}

/// Classifies the units of a document, each by its own shape and its
/// neighbours; the document's conventions (`conventions::settle`) are weighed after.
pub fn classify(
    shape: &Shape<'_, '_>,
    units: Vec<Unit>,
    furniture: &[bool],
    desc: &[bool],
) -> Vec<Item> {
    let mut items: Vec<Item> = units
        .into_iter()
        .map(|u| {
            let kind = intrinsic(shape, &u, furniture[u.lines[0]], desc[u.lines[0]]);
            let n = u.lines.len();
            Item {
                kind,
                credit_at: if u.cue == Cue::Credit { 0 } else { n },
                cue: u.cue,
                lines: u.lines,
                merged: false,
            }
        })
        .collect();
    // A text whose # lines are a listing's comments anywhere uses # for
    // comments everywhere: none of them is a markdown heading.
    if items
        .iter()
        .any(|it| matches!(it.cue, Cue::Markdown { .. }) && it.kind == Kind::Text)
    {
        for it in items
            .iter_mut()
            .filter(|it| matches!(it.cue, Cue::Markdown { .. }))
        {
            it.kind = Kind::Text;
        }
    }
    join_credits(&mut items);
    // Pictures with a word beside them are a magazine's; in a manual the
    // same short words are the names its headings explain.
    if items.iter().filter(|it| closes_article(it.kind)).count() >= 2 {
        echo_labels(shape, &mut items);
    }
    confirm_toc(shape, &mut items);
    number_with_words(shape, &mut items);
    place_display(shape, &mut items);
    frontmatter(&mut items);
    items
}

/// A credit joins the description before it into one caption.
fn join_credits(items: &mut Vec<Item>) {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    for it in items.drain(..) {
        if it.cue == Cue::Credit {
            if let Some(prev) = out.last_mut() {
                if prev.kind == Kind::Caption
                    && prev.credit_at == prev.lines.len()
                    && prev.cue == Cue::None
                {
                    prev.credit_at = prev.lines.len();
                    prev.lines.extend(&it.lines);
                    continue;
                }
            }
        }
        out.push(it);
    }
    *items = out;
}

/// A short label that names something the text goes on to describe at the
/// start of a longer line elsewhere (神舟 beside "神舟——载人飞船") labels a
/// picture of it: a caption, not a byline or a title.
fn echo_labels(shape: &Shape<'_, '_>, items: &mut [Item]) {
    const LONGEST: u32 = 8;
    const NEAR: usize = 8;
    // What the item knows first: most items are paragraphs, ruled out
    // without looking up their line.
    let label = |it: &Item| {
        it.lines.len() == 1
            && it.cue == Cue::None
            && matches!(it.kind, Kind::Display | Kind::Text)
            && {
                let l = &shape.lines[it.lines[0]];
                (2..=LONGEST).contains(&l.chars) && l.text.chars().all(|c| c.is_alphanumeric())
            }
    };
    let mut wanted: foldhash::HashMap<&str, Vec<usize>> = foldhash::HashMap::default();
    for it in items.iter().filter(|it| label(it)) {
        wanted
            .entry(shape.lines[it.lines[0]].text)
            .or_default()
            .push(it.lines[0]);
    }
    if wanted.is_empty() {
        return;
    }
    for places in wanted.values_mut() {
        places.sort_unstable();
    }
    // Only a line that starts as some label does can begin with one: most
    // lines are ruled out without hashing their first few prefixes.
    let mut firsts: Vec<char> = wanted.keys().filter_map(|w| w.chars().next()).collect();
    firsts.sort_unstable();
    firsts.dedup();
    let mut echoed: foldhash::HashSet<&str> = foldhash::HashSet::default();
    for (i, l) in shape.lines.iter().enumerate() {
        if l.chars <= 2
            || l.text
                .chars()
                .next()
                .is_none_or(|c| firsts.binary_search(&c).is_err())
        {
            continue;
        }
        for (at, _) in l.text.char_indices().skip(2).take(LONGEST as usize - 1) {
            if let Some(places) = wanted.get(&l.text[..at]) {
                // Elsewhere: a line just after a title may well begin with it.
                // The places are in line order: only the two around `i` can be near.
                let k = places.partition_point(|&p| p < i);
                if places[k.saturating_sub(1)..(k + 1).min(places.len())]
                    .iter()
                    .all(|&p| p.abs_diff(i) > NEAR)
                {
                    echoed.insert(&l.text[..at]);
                }
            }
        }
    }
    for it in items.iter_mut() {
        if label(it) && echoed.contains(shape.lines[it.lines[0]].text) {
            it.kind = Kind::Caption;
        }
    }
}

/// A section number alone on its line (2.5, 5.1.2., Chapter 3, a bare 2)
/// and the short display line after it, furniture between allowed, are one
/// heading: pdftotext and OCR set them on lines of their own.
fn number_with_words(shape: &Shape<'_, '_>, items: &mut Vec<Item>) {
    let alone = |it: &Item| {
        it.lines.len() == 1 && cues::number_alone(it.cue, shape.lines[it.lines[0]].text)
    };
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut pending: Option<Item> = None;
    for it in items.drain(..) {
        if let Some(mut num) = pending.take() {
            if it.kind == Kind::Furniture {
                // Kept for after the heading, where it stood between its parts.
                out.push(it);
                pending = Some(num);
                continue;
            }
            // The words may ask or exclaim (什么是 Debian？): the number says heading.
            let asks = |it: &Item| {
                let t = text_of(shape, &it.lines);
                let body = t.trim_end_matches(['？', '！', '?', '!']);
                body.len() < t.len()
                    && body.chars().count() <= 40
                    && !body.contains(['。', '！', '？', '；', '?', '!'])
            };
            if it.lines.len() <= 2
                && (it.kind == Kind::Display || it.kind == Kind::Text && asks(&it))
            {
                let style = match num.cue {
                    Cue::Numbered { style, .. } => style,
                    // A bare number (2 / 安装) is a chapter's: the first part of 2.1.
                    _ => Numbering::Decimal(1),
                };
                num.merged = it.lines[0] > num.lines[0] + 2;
                num.lines.extend(&it.lines);
                num.kind = Kind::Heading(Style::Numbered(style));
                // The furniture pushed meanwhile goes after the heading.
                let at = out
                    .iter()
                    .rposition(|x| x.kind != Kind::Furniture)
                    .map_or(0, |p| p + 1);
                out.insert(at, num);
                continue;
            }
            let at = out
                .iter()
                .rposition(|x| x.kind != Kind::Furniture)
                .map_or(0, |p| p + 1);
            out.insert(at, num);
        }
        if matches!(it.kind, Kind::Text | Kind::Heading(_)) && alone(&it) {
            pending = Some(it);
        } else {
            out.push(it);
        }
    }
    if let Some(num) = pending {
        out.push(num);
    }
    *items = out;
}

/// A contents line is one only among others; the display lines between them
/// (section labels of the contents) belong to the contents too.
fn confirm_toc(shape: &Shape<'_, '_>, items: &mut [Item]) {
    const NEAR: usize = 6;
    chapters_among_text(shape, items);
    let tocs: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].kind == Kind::Toc)
        .collect();
    for (k, &i) in tocs.iter().enumerate() {
        let near =
            (k > 0 && i - tocs[k - 1] <= NEAR) || tocs.get(k + 1).is_some_and(|&j| j - i <= NEAR);
        if !near {
            items[i].kind = Kind::Text;
        }
    }
    let tocs: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].kind == Kind::Toc)
        .collect();
    for w in tocs.windows(2) {
        if w[1] - w[0] <= NEAR {
            for it in &mut items[w[0] + 1..w[1]] {
                // pdftotext puts an entry's number, title and page on lines
                // of their own (1.1 / 社会驱动力 . . . . / 1).
                let short = it.lines.len() == 1
                    && matches!(it.cue, Cue::None | Cue::Numbered { .. } | Cue::PageNumber);
                if matches!(it.kind, Kind::Display | Kind::ListItem)
                    || (short && matches!(it.kind, Kind::Text | Kind::Heading(_)))
                {
                    it.kind = Kind::Toc;
                }
            }
        }
    }
    // The label that opens the contents (目录, section label before the first entry).
    if let Some(&first) = tocs.first() {
        if first > 0 && items[first - 1].kind == Kind::Display {
            items[first - 1].kind = Kind::Toc;
        }
    }
}

/// A chapter's number and title (2 安装, as plain pdftotext and OCR give
/// LaTeX's) read like a magazine's contents entry (04 高端时论). Between
/// body text, with no entry beside it, it is the chapter's heading.
fn chapters_among_text(shape: &Shape<'_, '_>, items: &mut [Item]) {
    // With its number, in characters.
    const CHAPTER_TITLE_LONGEST: usize = 22;
    let body = |x: Option<&Item>| {
        x.is_some_and(|x| matches!(x.kind, Kind::Text | Kind::Heading(_) | Kind::ListItem))
    };
    for i in 0..items.len() {
        let it = &items[i];
        if it.kind != Kind::Toc || it.lines.len() != 1 {
            continue;
        }
        let t = shape.lines[it.lines[0]].text.trim();
        // Its number first, a chapter's few words, no leader and no page
        // number after them (a footnote's number opens a longer text).
        if !t.starts_with(|c: char| c.is_ascii_digit())
            || t.ends_with(|c: char| c.is_ascii_digit())
            || t.contains(['。', '，', ',', '；', '：', '…', '·', '（', '('])
            || t.contains("..")
            || t.contains(". .")
            || t.chars().count() > CHAPTER_TITLE_LONGEST
        {
            continue;
        }
        let prev = items[..i].iter().rev().find(|x| x.kind != Kind::Furniture);
        let next = items[i + 1..].iter().find(|x| x.kind != Kind::Furniture);
        // A paragraph before it, and after it text, a heading, or a line
        // of display still to be placed (a paragraph's first line cut off).
        let text = |x: Option<&Item>| x.is_some_and(|x| x.kind == Kind::Text);
        let display = |x: Option<&Item>| x.is_some_and(|x| x.kind == Kind::Display);
        if (body(prev) && body(next)) || (text(prev) && display(next)) {
            items[i].kind = Kind::Heading(Style::Numbered(Numbering::Decimal(1)));
        }
    }
}

/// Whether item `i` is followed by one dash line that no other list item
/// follows: a subtitle, where several would be a list.
fn lone_dash_after(items: &[Item], i: usize) -> bool {
    let mut rest = items[i + 1..]
        .iter()
        .filter(|x| !matches!(x.kind, Kind::Furniture | Kind::Caption));
    match (rest.next(), rest.next()) {
        (Some(d), after) => {
            d.cue == Cue::Dash
                && d.kind == Kind::ListItem
                && d.lines.len() == 1
                && after.is_none_or(|a| a.kind != Kind::ListItem)
        }
        _ => false,
    }
}

fn closes_article(k: Kind) -> bool {
    matches!(
        k,
        Kind::Note(
            NoteKind::Source
                | NoteKind::Editor
                | NoteKind::Affiliation
                | NoteKind::Date
                | NoteKind::Column
                | NoteKind::Other
        )
    )
}

/// Whether the unit before item `i`, furniture aside, is a caption.
fn follows_caption(items: &[Item], i: usize) -> bool {
    items[..i]
        .iter()
        .rev()
        .find(|x| x.kind != Kind::Furniture)
        .is_some_and(|x| x.kind == Kind::Caption)
}

/// Second pass: display units placed by what surrounds them.
fn place_display(shape: &Shape<'_, '_>, items: &mut [Item]) {
    // Whether the article being read has had body text since its title.
    let mut body_seen = false;
    let mut in_title = false;
    let mut prev_kind: Option<Kind> = None;
    let mut any_text = false;
    for i in 0..items.len() {
        let kind = items[i].kind;
        // Furniture and captions are set into the flow, not part of it.
        let aside = |k: Kind| matches!(k, Kind::Furniture | Kind::Caption);
        if aside(kind) {
            continue;
        }
        let next_kind = items[i + 1..].iter().map(|x| x.kind).find(|&k| !aside(k));
        let new = match kind {
            Kind::Display => {
                let text = text_of(shape, &items[i].lines);
                let indented = shape.lines[items[i].lines[0]].indented();
                if items[i]
                    .lines
                    .iter()
                    .all(|&l| cues::only_a_role(shape.lines[l].text))
                    && follows_caption(items, i)
                {
                    // The offices under a photo of a person (习近平 / 中共中央总书记
                    // / 国家主席): the caption goes on.
                    Kind::Caption
                } else if text.ends_with("——") || text.ends_with('：') {
                    // A colon announces a list in the text; a dash leads a box.
                    if next_kind == Some(Kind::ListItem) && text.ends_with("——") {
                        Kind::Aside
                    } else {
                        Kind::Text
                    }
                } else if in_title && !body_seen {
                    if name_like(&text) {
                        Kind::Byline
                    } else {
                        Kind::Title
                    }
                } else if (!any_text && prev_kind.is_none_or(|k| matches!(k, Kind::Furniture)))
                    || prev_kind.is_some_and(closes_article)
                    || matches!(prev_kind, Some(Kind::Front | Kind::Toc))
                    // A headline over one dash line (——访…) has its subtitle under it.
                    || lone_dash_after(items, i)
                {
                    Kind::Title
                } else if matches!(
                    next_kind,
                    Some(Kind::Display | Kind::Byline | Kind::Note(NoteKind::Date))
                ) && next_text(shape, items, i).is_some_and(|t| !t.ends_with("——"))
                {
                    // A headline with a second line, a byline or a date under it opens an article.
                    Kind::Title
                } else if indented
                    && next_kind != Some(Kind::Display)
                    && prev_kind == Some(Kind::Text)
                {
                    // Set off by indentation in extracted text: centred, a title.
                    Kind::Title
                } else {
                    Kind::Heading(Style::Plain)
                }
            }
            Kind::ListItem if items[i].cue == Cue::Dash && in_title && !body_seen => Kind::Subtitle,
            Kind::Text
                if in_title
                    && !body_seen
                    && items[i].lines.len() == 1
                    && name_like(shape.lines[items[i].lines[0]].text) =>
            {
                Kind::Byline
            }
            k => k,
        };
        items[i].kind = new;
        match new {
            Kind::Title => {
                in_title = true;
                body_seen = false;
            }
            Kind::Text | Kind::Heading(_) | Kind::ListItem | Kind::Aside => {
                body_seen = true;
                any_text = true;
            }
            _ => {}
        }
        prev_kind = Some(new);
    }
}

fn next_text<'a>(shape: &Shape<'_, 'a>, items: &[Item], i: usize) -> Option<Cow<'a, str>> {
    items[i + 1..]
        .iter()
        .find(|x| x.kind != Kind::Furniture)
        .map(|x| text_of(shape, &x.lines))
}

/// Display lines among masthead and contents lines are masthead too, and
/// so is a run of them (the colophon's "美术统筹 陆海涛" lines).
fn frontmatter(items: &mut [Item]) {
    let frontish = |k: Kind| matches!(k, Kind::Front | Kind::Toc | Kind::Furniture | Kind::Caption);
    let candidate = |k: Kind| {
        matches!(
            k,
            Kind::Title | Kind::Heading(Style::Plain) | Kind::Display | Kind::Byline
        )
    };
    let mut i = 0;
    while i < items.len() {
        if !candidate(items[i].kind) {
            i += 1;
            continue;
        }
        let end = (i..items.len())
            .find(|&j| !candidate(items[j].kind) && items[j].kind != Kind::Furniture)
            .unwrap_or(items.len());
        let prev = items[..i]
            .iter()
            .rev()
            .map(|x| x.kind)
            .find(|&k| k != Kind::Furniture);
        let next = items[end..]
            .iter()
            .map(|x| x.kind)
            .find(|&k| k != Kind::Furniture);
        let prev_front = prev.is_some_and(|k| matches!(k, Kind::Front | Kind::Toc));
        let next_front = next.is_some_and(|k| matches!(k, Kind::Front | Kind::Toc));
        // A run longer than one is masthead only when closed in on both sides.
        let single = end - i == 1;
        if (prev_front && next_front)
            || (single
                && ((prev_front && next.is_none_or(frontish))
                    || (next_front && prev.is_none_or(frontish))))
        {
            for it in &mut items[i..end] {
                if it.kind != Kind::Furniture {
                    it.kind = Kind::Front;
                }
            }
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind of the block holding the line whose text is `t`.
    fn kind_of_line(text: &str, t: &str) -> crate::model::BlockKind {
        let n = text.lines().position(|l| l == t).expect("the line") as u32 + 1;
        let doc = crate::parse(text, &crate::Options::default()).expect("parses");
        doc.blocks()
            .find(|b| b.lines.iter().any(|r| r[0] <= n && n <= r[1]))
            .map(|b| b.kind.clone())
            .expect("a block holds the line")
    }

    #[test]
    fn a_chapter_number_and_title_between_text_is_its_heading() {
        let text = "本文档将尽量完整地介绍模板的使用方法，如有不清楚之处可以参考示例文档。\n\n\
                    2 安装\n\n2.1 CTAN\n\n本宏包已被收纳于 CTAN 中，凡安装完整版的用户可直接使用。\n";
        assert!(
            matches!(
                kind_of_line(text, "2 安装"),
                crate::model::BlockKind::Heading { .. }
            ),
            "{:?}",
            kind_of_line(text, "2 安装")
        );
        // Set solid with the paragraph under it, which it does not wrap into.
        let text = "这份提案说明了我们的理由，并给出了具体的措施和步骤。\n\n1 引言\n\
                    “必人才日出，然后事业日新；必事业日新，然后生机永畅。”这是一段很长的引文。\n";
        assert!(
            matches!(
                kind_of_line(text, "1 引言"),
                crate::model::BlockKind::Heading { .. }
            ),
            "{:?}",
            kind_of_line(text, "1 引言")
        );
        // A lettered part, its letter on a line of its own.
        let text = "这份手册回答常见的问题，按主题分为几个部分，每部分若干问题。\n\nA\n\n关于 FAQ\n\n\
                    本 FAQ 是为了收集论坛上经常出现的问题，给初学者以帮助。\n";
        assert!(
            matches!(
                kind_of_line(text, "关于 FAQ"),
                crate::model::BlockKind::Heading { .. }
            ),
            "{:?}",
            kind_of_line(text, "关于 FAQ")
        );
        // A magazine's contents: the same shape, entries side by side.
        let text = "本期目录\n\n04 高端时论\n06 基层党建\n08 乡村振兴\n\n\
                    正文从这里开始，这是一段完整的文字，说明本期的内容。\n";
        assert!(matches!(
            kind_of_line(text, "06 基层党建"),
            crate::model::BlockKind::TocEntry { .. }
        ));
    }

    #[test]
    fn names_are_told_from_headings() {
        for n in [
            "辛组研",
            "孙 绍 骋",
            "张学良 杨 羊",
            "严博 丁义杰 徐玲玲",
            "自治区人民政府主席 王莉霞",
            "新疆维吾尔自治区党委组织部课题组",
            "(南阳阳)",
            "欧阳修文",
            "陳大文",
            "劉 德 華",
            "木拉迪力·克衣木",
            "艾力·阿不都·热合曼 张伟",
        ] {
            assert!(name_like(n), "{n}");
        }
        for n in [
            "“守艺人”",
            "布局建设未来产业 形成地区发展新动能",
            "钱包“鼓”起来",
            "安装说明",
            "字体",
            "中国式现代化对区域协调发展提出更高要求",
            "马克思·恩格斯·列宁·斯大林·毛泽东",
            "新时代·新征程·新伟业的宏大叙事",
            "行动路径",
        ] {
            assert!(!name_like(n), "{n}");
        }
    }

    #[test]
    fn a_headline_over_one_dash_line_has_a_subtitle_and_a_dash_list_stays_a_list() {
        use crate::model::BlockKind;
        let body = |i: u32| format!("第{i}段的正文{}。\n\n", "内容充实而完整的句子，".repeat(4));
        let text = format!(
            "第一篇\n\n{}{}（人民日报）\n\n{}把风景线打造得更加亮丽\n\n——访自治区党委书记\n\n{}{}工作要求\n\n——提升科技创新能力\n\n——扩大对外开放\n\n{}",
            body(1),
            body(2),
            body(3),
            body(4),
            body(5),
            body(6)
        );
        let doc = crate::parse(&text, &crate::Options::default()).unwrap();
        let kinds: Vec<&BlockKind> = doc.blocks().map(|b| &b.kind).collect();
        assert!(
            doc.articles
                .iter()
                .any(|a| a.title().as_deref() == Some("把风景线打造得更加亮丽")),
            "{kinds:?}"
        );
        assert_eq!(
            kinds
                .iter()
                .filter(|k| matches!(k, BlockKind::Subtitle))
                .count(),
            1,
            "{kinds:?}"
        );
        assert_eq!(
            kinds
                .iter()
                .filter(|k| matches!(k, BlockKind::ListItem { .. }))
                .count(),
            2,
            "{kinds:?}"
        );
    }
}
