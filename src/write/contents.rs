//! Which article a line of the source's table of contents names: one
//! matcher for every writer that links contents lines (EPUB, HTML, PDF, TEI).

use crate::model::{Article, ArticleKind, Block, BlockKind};
use aho_corasick::AhoCorasick;
use std::collections::HashMap;

/// The fewest characters of a title that is linked to: shorter ones (序,
/// 前言) occur inside any contents line.
const SHORTEST: usize = 4;
/// The fewest characters of a contents line that may name a title it only
/// begins (a title cut short on the contents page).
const CUT_TITLE: usize = 6;

/// Text without spaces and punctuation: contents lines and titles are
/// compared so, as the two are often spaced and punctuated differently.
pub(crate) fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The articles' titles, ready to be found in contents lines.
pub(crate) struct Contents {
    /// Each distinct squashed title, with the articles that bear it in order.
    titles: Vec<(String, Vec<usize>)>,
    /// All titles searched at once: a long contents against many titles,
    /// one by one, would cost their product. `None` past 4 GB of automaton:
    /// such a book goes without contents links.
    search: Option<AhoCorasick>,
    /// Titles by their first characters, for a line that begins one.
    by_start: HashMap<String, Vec<usize>>,
}

/// The first `CUT_TITLE` characters of `s`, if it has as many.
fn start(s: &str) -> Option<&str> {
    let end = s.char_indices().nth(CUT_TITLE).map_or(s.len(), |(i, _)| i);
    (s[..end].chars().count() == CUT_TITLE).then(|| &s[..end])
}

/// The lines of an article's title where it is printed over several (a
/// kicker over the headline, a headline in two decks): a contents line
/// may name the headline alone (002: `06 扎实开展…` for the article titled
/// `自治区党委党的建设工作领导小组会议召开` / `扎实开展…`). None for a title of one line.
pub(crate) fn title_lines(article: &Article) -> Vec<String> {
    let lines: Vec<String> = article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Title)
        .map(Block::text)
        .collect();
    if lines.len() > 1 { lines } else { Vec::new() }
}

/// What a contents line may call an article: its title, and each line of
/// a title printed over several; nothing for front matter.
pub(crate) fn names(article: &Article) -> Vec<String> {
    if article.kind != ArticleKind::Article {
        return Vec::new();
    }
    article
        .title()
        .into_iter()
        .chain(title_lines(article))
        .collect()
}

impl Contents {
    /// The titles of the articles in order, each article's one title (or
    /// none, where an article has none or is not one a contents line names,
    /// such as front matter) or several names a contents line may give it.
    pub(crate) fn new<S: AsRef<str>, T: IntoIterator<Item = S>>(
        titles: impl IntoIterator<Item = T>,
    ) -> Contents {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut list: Vec<(String, Vec<usize>)> = Vec::new();
        for (a, names) in titles.into_iter().enumerate() {
            for t in names {
                let t = squash(t.as_ref());
                if t.chars().count() < SHORTEST {
                    continue;
                }
                match index.get(&t) {
                    Some(&k) if list[k].1.last() == Some(&a) => {}
                    Some(&k) => list[k].1.push(a),
                    None => {
                        index.insert(t.clone(), list.len());
                        list.push((t, vec![a]));
                    }
                }
            }
        }
        let mut by_start: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, (t, _)) in list.iter().enumerate() {
            if let Some(s) = start(t) {
                by_start.entry(s.to_string()).or_default().push(k);
            }
        }
        let search = AhoCorasick::new(list.iter().map(|(t, _)| t)).ok();
        Contents {
            titles: list,
            search,
            by_start,
        }
    }

    /// The article a contents line names, other than `own` (the article the
    /// line is in): the one whose title is the longest the line holds, or
    /// that a line of six characters or more begins; the later article
    /// where two bear the same title.
    pub(crate) fn find(&self, line: &str, own: Option<usize>) -> Option<usize> {
        let line = squash(line);
        let article = |k: usize| {
            let (t, articles) = &self.titles[k];
            articles
                .iter()
                .rev()
                .find(|&&a| Some(a) != own)
                .map(|&a| (t.len(), a))
        };
        let held = self
            .search
            .iter()
            .flat_map(|s| s.find_overlapping_iter(&line))
            .filter_map(|m| article(m.pattern().as_usize()));
        let begun = start(&line)
            .and_then(|s| self.by_start.get(s))
            .into_iter()
            .flatten()
            .filter(|&&k| self.titles[k].0.starts_with(&line))
            .filter_map(|&k| article(k).map(|(_, a)| (line.len(), a)));
        held.chain(begun).max().map(|(_, a)| a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_title_the_line_holds_or_that_it_begins() {
        let c = Contents::new([
            None,
            Some("西部大开发新篇章"),
            Some("西部大开发"),
            Some("东部 地区"),
            Some("短"),
            Some("东部地区"),
        ]);
        assert_eq!(c.find("西部大开发新篇章 孙绍骋 3", None), Some(1));
        assert_eq!(c.find("- 58 西部大开发", None), Some(2));
        assert_eq!(c.find("西部大开", None), None);
        assert_eq!(c.find("西部大开发新", None), Some(1));
        // The later of two articles of one title, and never the line's own.
        assert_eq!(c.find("东部地区的发展", None), Some(5));
        assert_eq!(c.find("东部地区的发展", Some(5)), Some(3));
        assert_eq!(c.find("短文", None), None);
    }

    #[test]
    fn a_title_in_two_lines_is_named_by_either() {
        let c = Contents::new([
            vec!["学习贯彻会议精神"],
            vec![
                "自治区党委常委会召开会议 学习贯彻总书记重要讲话精神",
                "自治区党委常委会召开会议",
                "学习贯彻总书记重要讲话精神",
            ],
        ]);
        assert_eq!(c.find("10 学习贯彻总书记重要讲话精神", None), Some(1));
        assert_eq!(c.find("学习贯彻会议精神 张三", None), Some(0));
    }
}
