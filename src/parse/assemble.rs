//! Classified items built into the model: articles split at titles,
//! heading levels from the numbering styles each article uses, spans joined,
//! page furniture kept as milestones where it interrupted the text.

use super::cues::{self, Cue};
use super::furniture::Furniture;
use super::join::join;
use super::lines::Line;
use super::types::{Item, Kind, Style};
use crate::model::{
    Article, ArticleKind, Block, BlockKind, FurnitureKind, Inline, Milestone, Span, Warning,
    confidence,
};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What assembly needs besides the items.
pub struct Parts<'t, 'a> {
    /// The lines.
    pub lines: &'t [Line<'a>],
    /// Furniture kind of each line.
    pub furniture: &'t [Option<Furniture>],
    /// Whether to keep furniture in the model.
    pub keep_furniture: bool,
    /// The text the lines were cut from, which the spans are windows on.
    pub source: &'t Arc<str>,
    /// Whether the text is a collection of articles.
    pub collection: bool,
    /// Whether every line is followed by a blank one, so blanks say nothing.
    pub double_spaced: bool,
}

/// Builds the articles of a document from its items.
/// Each heading's style and the level it was given go to `headings`, for
/// the document's profile.
pub fn articles(
    parts: &Parts<'_, '_>,
    items: Vec<Item>,
    warnings: &mut Vec<Warning>,
    headings: &mut Vec<(Style, u8)>,
) -> Vec<Article> {
    // Furniture inside a paragraph's line span becomes a milestone of it.
    // Sorted, so each paragraph finds its furniture by binary search: a
    // scan of all furniture per merged paragraph is quadratic on big inputs.
    let mut furniture: Vec<usize> = items
        .iter()
        .filter(|f| f.kind == Kind::Furniture)
        .map(|f| f.lines[0])
        .collect();
    furniture.sort_unstable();
    let mut inside: Vec<usize> = Vec::new();
    for it in items.iter().filter(|it| it.merged) {
        let (lo, hi) = (it.lines[0], *it.lines.last().unwrap_or(&0));
        let from = furniture.partition_point(|&f| f <= lo);
        inside.extend(furniture[from..].iter().take_while(|&&f| f < hi));
    }
    // A sorted list, searched by halves: merged paragraphs follow each
    // other, so it is nearly always sorted already.
    inside.sort_unstable();
    inside.dedup();
    let inside = Inside(inside);
    let items = join_furniture(
        parts,
        items
            .into_iter()
            .filter(|it| !(it.kind == Kind::Furniture && inside.contains(it.lines[0]))),
    );
    let items: Vec<&Item> = items.iter().collect();
    let mut out: Vec<Article> = Vec::new();
    for (kind, group) in divisions(&items, parts.collection) {
        let levels = Levels::of(group).each(group);
        headings.extend(
            group
                .iter()
                .zip(&levels)
                .filter_map(|(it, &l)| match it.kind {
                    Kind::Heading(style) => Some((style, l)),
                    _ => None,
                }),
        );
        // No more blocks than items: sized once, not grown by doubling.
        let mut blocks = Vec::with_capacity(group.len());
        let mut i = 0;
        while i < group.len() {
            let it = group[i];
            i += 1;
            let Some(mut b) = block(parts, it, &inside, levels[i - 1]) else {
                continue;
            };
            if it.kind == Kind::Aside {
                // The sidebar takes the list items that follow it; an
                // admonition's label (注意) the paragraph it qualifies too.
                let mut inner = Vec::new();
                let mut text = it.cue != Cue::Label;
                while i < group.len()
                    && (matches!(group[i].kind, Kind::ListItem | Kind::Furniture)
                        || (!text && group[i].kind == Kind::Text))
                {
                    text |= group[i].kind == Kind::Text;
                    inner.extend(block(parts, group[i], &inside, levels[i]));
                    i += 1;
                }
                b = make(BlockKind::Sidebar { items: inner }, b.content, b.confidence);
            }
            if kind == ArticleKind::Front && b.kind == BlockKind::Title {
                b.kind = BlockKind::FrontMatter;
            }
            if it.merged {
                warnings.push(Warning {
                    line: parts.lines[it.lines[0]].n,
                    message: "paragraph rejoined across an interruption (page number, caption or sidebar)".into(),
                });
            }
            blocks.push(b);
        }
        echoes_to_subtitles(&mut blocks);
        if !blocks.is_empty() {
            out.push(Article { kind, blocks });
        }
    }
    out
}

/// The shortest repeat of a title's end that is taken for an echo: a word
/// or two (讲话) may end both by chance.
const ECHO_SHORTEST: usize = 6;

/// A title printed again under a longer one that ends with it (《经济日报》
/// 权威访谈访…：为推进…力量 / 为推进…力量, a compiler's heading over the
/// article's own) is the article's title set once more: a subtitle, so
/// that the article is not titled twice over.
fn echoes_to_subtitles(blocks: &mut [Block]) {
    let squash =
        |b: &Block| -> String { b.text().chars().filter(|c| !c.is_whitespace()).collect() };
    let mut last: Option<String> = None;
    for b in blocks.iter_mut() {
        match b.kind {
            BlockKind::Title => {
                let t = squash(b);
                if let Some(prev) = &last
                    && t.chars().count() >= ECHO_SHORTEST
                    && prev.len() > t.len()
                    && prev.ends_with(&t)
                {
                    b.kind = BlockKind::Subtitle;
                    continue;
                }
                last = Some(t);
            }
            BlockKind::Furniture { .. } | BlockKind::Subtitle => {}
            _ => break,
        }
    }
}

/// Joins furniture of no particular kind (a barcode, a "scan the code"
/// prompt) with what stands right under it (its slogan, the issue number
/// printed beside a barcode).
fn join_furniture(parts: &Parts<'_, '_>, items: impl Iterator<Item = Item>) -> Vec<Item> {
    let other = |i: usize| matches!(parts.furniture[i], Some(Furniture::Other));
    let mut out: Vec<Item> = Vec::new();
    for it in items {
        if let Some(last) = out.last_mut()
            && it.kind == Kind::Furniture
            && last.kind == Kind::Furniture
            && it
                .lines
                .iter()
                .all(|&i| other(i) || matches!(parts.furniture[i], Some(Furniture::PageNumber)))
            && last.lines.iter().all(|&i| other(i))
            && last.lines.last().is_some_and(|&l| it.lines[0] <= l + 3)
        {
            last.lines.extend(&it.lines);
            continue;
        }
        out.push(it);
    }
    out
}

/// Splits the items into divisions: an article starts at a title that
/// follows anything but titles; masthead and contents lines make front matter.
/// In one document (not a collection) front matter divides it only before
/// its text begins: a contents page after the abstract stays in it.
fn divisions<'i>(items: &'i [&'i Item], collection: bool) -> Vec<(ArticleKind, &'i [&'i Item])> {
    /// A division as it is read: its kind, its items, whether text has
    /// come in it and whether it holds a date.
    struct Division {
        kind: ArticleKind,
        start: usize,
        end: usize,
        body: bool,
        dated: bool,
    }
    let mut out: Vec<Division> = Vec::new();
    let mut only_titles = true;
    for (i, it) in items.iter().enumerate() {
        let front = matches!(it.kind, Kind::Front | Kind::Toc);
        let start = match out.last() {
            None => true,
            Some(d) if d.kind == ArticleKind::Front => {
                !front && !matches!(it.kind, Kind::Furniture | Kind::Caption)
            }
            Some(d) => (front && d.body && collection) || (it.kind == Kind::Title && !only_titles),
        };
        if start {
            out.push(Division {
                kind: if front {
                    ArticleKind::Front
                } else {
                    ArticleKind::Article
                },
                start: i,
                end: i,
                body: false,
                dated: false,
            });
            only_titles = true;
        }
        if let Some(d) = out.last_mut() {
            d.end = i + 1;
            d.body |= matches!(
                it.kind,
                Kind::Text | Kind::Heading(_) | Kind::ListItem | Kind::Aside
            );
            d.dated |= it.kind == Kind::Note(crate::model::NoteKind::Date);
        }
        only_titles &= it.kind == Kind::Title;
    }
    // A masthead set like a headline (《党员之友》 / 电子期刊) with its
    // date and no text under it, after front matter, is more of the
    // front matter, not an article (a part's title page has no date).
    for d in 1..out.len().saturating_sub(1) {
        if out[d].kind == ArticleKind::Article
            && out[d - 1].kind == ArticleKind::Front
            && !out[d].body
            && out[d].dated
        {
            out[d].kind = ArticleKind::Front;
        }
    }
    out.into_iter()
        .map(|d| (d.kind, &items[d.start..d.end]))
        .collect()
}

/// Heading levels of one article: 2 for its top style, one deeper per style
/// nested under it, in the order 第一章 > 第一节 > 一、 > （一） > 1. > 1.1 >
/// 1.1.1 > （1）, counting only the styles the article uses; markdown
/// headings keep their own level. An unnumbered heading is top level until
/// a numbered one comes; after one, it is a part of that section, one level
/// deeper (the terms a numbered section explains, one by one).
struct Levels(Vec<Style>);

impl Levels {
    fn of(items: &[&Item]) -> Levels {
        let mut count: BTreeMap<Style, usize> = BTreeMap::new();
        for it in items {
            if let Kind::Heading(s @ Style::Numbered(_)) = it.kind {
                *count.entry(s).or_default() += 1;
            }
        }
        // A style used once below the top one (a list's number taken for
        // a section's) does not push every deeper section down a level.
        let top = count.keys().next().copied();
        Levels(
            count
                .into_iter()
                .filter(|&(s, n)| n > 1 || Some(s) == top)
                .map(|(s, _)| s)
                .collect(),
        )
    }

    /// The level of each item's heading (0 for items that are not headings).
    fn each(&self, items: &[&Item]) -> Vec<u8> {
        const DEEPEST: u8 = 6;
        let mut numbered: Option<u8> = None;
        items
            .iter()
            .map(|it| match it.kind {
                Kind::Heading(Style::Markdown(h)) => h.max(2),
                Kind::Heading(Style::Plain) => numbered.map_or(2, |l| (l + 1).min(DEEPEST)),
                Kind::Heading(s) => {
                    // A style left out ranks where it would stand among the rest.
                    let l =
                        (2 + self.0.partition_point(|r| *r < s)).min(usize::from(DEEPEST)) as u8;
                    numbered = Some(l);
                    l
                }
                _ => 0,
            })
            .collect()
    }
}

fn spans(parts: &Parts<'_, '_>, lines: &[usize]) -> Vec<Span> {
    let mut s: Vec<Span> = lines
        .iter()
        .map(|&i| parts.lines[i].span(parts.source))
        .collect();
    join(&mut s);
    s
}

/// Moves `cut` bytes from the start of the span's text into its lead.
fn cut_lead(span: &mut Span, cut: usize) {
    let cut = cut.min(span.text().len());
    span.keep(cut..span.text().len());
}

/// The furniture lines that stand inside merged paragraphs, sorted.
struct Inside(Vec<usize>);

impl Inside {
    fn contains(&self, line: usize) -> bool {
        self.0.binary_search(&line).is_ok()
    }

    /// Those after `lo` and before `hi`.
    fn between(&self, lo: usize, hi: usize) -> &[usize] {
        let from = self.0.partition_point(|&f| f <= lo);
        let to = self.0.partition_point(|&f| f < hi);
        &self.0[from..to.max(from)]
    }
}

fn with_milestones(parts: &Parts<'_, '_>, lines: &[usize], inside: &Inside) -> Vec<Inline> {
    let (lo, hi) = (lines[0], *lines.last().unwrap_or(&0));
    let mut pending: Vec<usize> = if hi > lo + 1 {
        inside.between(lo, hi).to_vec()
    } else {
        Vec::new()
    };
    pending.reverse();
    // The spans go straight into the content, joined there: not made in a
    // list of their own first and moved, for most of the text is paragraphs.
    let mut content: Vec<Inline> = Vec::with_capacity(lines.len() + pending.len());
    for s in lines.iter().map(|&i| parts.lines[i].span(parts.source)) {
        while pending.last().is_some_and(|&f| parts.lines[f].n < s.line) {
            let f = pending.pop().unwrap_or_default();
            if parts.keep_furniture {
                if let Some(kind) = parts.furniture[f] {
                    content.push(Inline::Milestone(Box::new(Milestone {
                        kind: kind.kind(parts.lines[f].text),
                        span: parts.lines[f].span(parts.source),
                    })));
                }
            }
        }
        content.push(Inline::Span(s));
    }
    join(content.iter_mut().filter_map(|i| match i {
        Inline::Span(s) => Some(s),
        Inline::Milestone(_) => None,
    }));
    content
}

fn make(kind: BlockKind, content: Vec<Inline>, confidence: f32) -> Block {
    Block {
        confidence,
        ..Block::new(kind, content)
    }
}

fn block(parts: &Parts<'_, '_>, it: &Item, inside: &Inside, level: u8) -> Option<Block> {
    let lines = &it.lines;
    let b = match it.kind {
        Kind::Furniture => {
            if !parts.keep_furniture {
                return None;
            }
            let kind = parts.furniture[lines[0]]
                .map_or(FurnitureKind::Other, |k| k.kind(parts.lines[lines[0]].text));
            make(
                BlockKind::Furniture { kind },
                spans(parts, lines).into_iter().map(Inline::Span).collect(),
                confidence::CERTAIN,
            )
        }
        Kind::Caption => {
            let mut desc = spans(parts, &lines[..it.credit_at.min(lines.len())]);
            let mut credit = spans(parts, &lines[it.credit_at.min(lines.len())..]);
            if it.cue == Cue::CaptionWithCredit {
                if let Some(s) = desc.pop() {
                    let (d, c) = split_credit(s);
                    desc.push(d);
                    credit.insert(0, c);
                }
            }
            let content = desc.into_iter().map(Inline::Span).collect();
            // With its credit a caption is sure; a label alone is a guess.
            let conf = if credit.is_empty() && it.cue != Cue::Caption {
                confidence::WEAK_GUESS
            } else {
                confidence::NEARLY_CERTAIN
            };
            make(
                BlockKind::Caption {
                    credit: credit.into_iter().map(Inline::Span).collect(),
                },
                content,
                conf,
            )
        }
        Kind::Heading(style) => {
            // Markup is certain, numbering nearly so; a plain display line is a guess.
            let conf = match style {
                Style::Markdown(_) => confidence::CERTAIN,
                Style::Plain => confidence::GUESS,
                _ => confidence::NEARLY_CERTAIN,
            };
            if it.merged {
                // A number and its words with a page's furniture between them.
                return Some(make(
                    BlockKind::Heading { level },
                    with_milestones(parts, lines, inside),
                    conf,
                ));
            }
            let mut s = spans(parts, lines);
            if let (Style::Markdown(_), Cue::Markdown { lead, .. }) = (style, it.cue) {
                cut_lead(&mut s[0], lead as usize);
            }
            make(
                BlockKind::Heading { level },
                s.into_iter().map(Inline::Span).collect(),
                conf,
            )
        }
        Kind::Title | Kind::Subtitle => {
            let mut s = spans(parts, lines);
            // A blank line inside a headline set solid parts its decks (…推向
            // 纵深 / 王莉霞张延昆出席): they read apart, not run together. Where
            // every line has a blank after it, only a headline with solid
            // lines in it shows its decks so.
            if !parts.double_spaced || lines.windows(2).any(|w| w[1] == w[0] + 1) {
                for k in 1..s.len() {
                    if lines[k] > lines[k - 1] + 1 {
                        s[k].space_before = true;
                    }
                }
            }
            if let Cue::Markdown { lead, .. } = it.cue {
                cut_lead(&mut s[0], lead as usize);
            }
            let kind = if it.kind == Kind::Title {
                BlockKind::Title
            } else {
                BlockKind::Subtitle
            };
            let conf = if matches!(it.cue, Cue::Markdown { .. }) {
                confidence::CERTAIN
            } else {
                confidence::LIKELY
            };
            let mut content: Vec<Inline> = s.into_iter().map(Inline::Span).collect();
            if it.merged {
                // A number and its words with a page's furniture between
                // them: the furniture stays, a milestone where it stood.
                let line = |i: &Inline| match i {
                    Inline::Span(s) => s.line,
                    Inline::Milestone(m) => m.span.line,
                };
                for m in with_milestones(parts, lines, inside)
                    .into_iter()
                    .filter(|i| matches!(i, Inline::Milestone(_)))
                {
                    let at = content
                        .iter()
                        .position(|i| line(i) > line(&m))
                        .unwrap_or(content.len());
                    content.insert(at, m);
                }
            }
            make(kind, content, conf)
        }
        Kind::ListItem => {
            // An item goes on after a page break as a paragraph does: the furniture inside is its milestone.
            let mut content = with_milestones(parts, lines, inside);
            let mut marker = String::new();
            if let (Cue::Bullet { lead }, Some(Inline::Span(first))) = (it.cue, content.first_mut())
            {
                let lead = lead as usize;
                marker = first.text()[..lead.min(first.text().len())]
                    .trim()
                    .to_string();
                cut_lead(first, lead);
            }
            make(
                BlockKind::ListItem { marker },
                content,
                confidence::NEARLY_CERTAIN,
            )
        }
        Kind::Byline => {
            let s = spans(parts, lines);
            let text: String = s.iter().map(|x| x.text()).collect::<Vec<_>>().join(" ");
            make(
                BlockKind::Byline {
                    authors: authors(&text),
                },
                s.into_iter().map(Inline::Span).collect(),
                confidence::LIKELY,
            )
        }
        Kind::Note(kind) => make(
            BlockKind::Note { kind },
            spans(parts, lines).into_iter().map(Inline::Span).collect(),
            confidence::CERTAIN,
        ),
        Kind::Toc => {
            let mut s = spans(parts, lines);
            let t = s[0].text().trim_start_matches(['-', ' ']);
            let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
            let page = (!digits.is_empty()).then_some(digits);
            // A dash before the page number (- 58 春回阿克陶) is layout, like a list marker.
            let dash = s[0].text().len() - t.len();
            if dash > 0 && page.is_some() {
                cut_lead(&mut s[0], dash);
            }
            // The authors' names on a line of their own read apart from the
            // title (…撬动居民“大民生” / 严 博 丁义杰 徐玲玲).
            for span in s.iter_mut().skip(1) {
                if cues::name_like(span.text()) {
                    span.space_before = true;
                }
            }
            make(
                BlockKind::TocEntry { page },
                s.into_iter().map(Inline::Span).collect(),
                confidence::LIKELY,
            )
        }
        Kind::Front => make(
            BlockKind::FrontMatter,
            spans(parts, lines).into_iter().map(Inline::Span).collect(),
            confidence::LIKELY,
        ),
        Kind::Aside => make(
            BlockKind::Sidebar { items: Vec::new() },
            spans(parts, lines).into_iter().map(Inline::Span).collect(),
            confidence::GUESS,
        ),
        Kind::Text | Kind::Display => {
            let conf = if it.merged {
                confidence::GUESS
            } else {
                confidence::CERTAIN
            };
            make(
                BlockKind::Paragraph,
                with_milestones(parts, lines, inside),
                conf,
            )
        }
    };
    Some(b)
}

/// Splits "…驶出。 □张健霆/摄" into the description and the credit, on one line.
fn split_credit(s: Span) -> (Span, Span) {
    let at = s
        .text()
        .rfind(['□', '■'])
        .or_else(|| s.text().rfind(' '))
        .unwrap_or(s.text().len());
    let Some((mut desc, mut credit)) = s.split_at(at) else {
        return (s, Span::default());
    };
    // What is cut off either side stays in the spans: the model gives the line back.
    let d = desc.text().trim_end().len();
    desc.keep(0..d);
    let c = credit.text().len() - credit.text().trim_start().len();
    credit.keep(c..credit.text().len());
    (desc, credit)
}

/// The names in a byline: job titles and parentheses dropped, names spaced
/// out for justification (孙 绍 骋) put back together.
pub fn authors(text: &str) -> Vec<String> {
    if let Some(names) = cues::latin_byline(text.trim()) {
        return names;
    }
    let t = text
        .trim()
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let tokens: Vec<&str> = t
        .split([' ', '\u{3000}', '\t'])
        .filter(|s| !s.is_empty())
        .collect();
    let start = usize::from(tokens.len() > 1 && cues::ROLES.iter().any(|r| tokens[0].ends_with(r)));
    let mut names: Vec<String> = Vec::new();
    let mut single = String::new();
    for tok in &tokens[start..] {
        if tok.chars().count() == 1 {
            single.push_str(tok);
            continue;
        }
        if !single.is_empty() {
            names.push(std::mem::take(&mut single));
        }
        names.push((*tok).to_string());
    }
    if !single.is_empty() {
        names.push(single);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_names_are_put_together() {
        assert_eq!(authors("孙 绍 骋"), vec!["孙绍骋"]);
        assert_eq!(authors("张学良 杨 羊"), vec!["张学良", "杨羊"]);
        assert_eq!(authors("自治区人民政府主席 王莉霞"), vec!["王莉霞"]);
        assert_eq!(authors("(南阳阳)"), vec!["南阳阳"]);
        assert_eq!(
            authors("严博 丁义杰 徐玲玲"),
            vec!["严博", "丁义杰", "徐玲玲"]
        );
    }

    #[test]
    fn an_inline_credit_is_split_off_on_its_line() {
        let s = Span::from_parts(3, "", "列车驶出。 □张健霆/摄", "\r");
        let (d, c) = split_credit(s);
        assert_eq!((d.text(), c.text()), ("列车驶出。", "□张健霆/摄"));
        assert_eq!(d.raw().to_string() + c.raw(), "列车驶出。 □张健霆/摄\r");
        // Split at the last space, the spaces before it are the description's, the one after the credit's.
        let (d, c) = split_credit(Span::new(1, "。  /摄"));
        assert_eq!(
            (d.raw().to_string() + c.raw(), c.text()),
            ("。  /摄".into(), "/摄")
        );
    }
}
