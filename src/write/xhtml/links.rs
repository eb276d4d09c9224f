//! The articles a line of the source's table of contents can link to.

use std::collections::HashMap;

/// Squashed article titles and where each starts, indexed by their first
/// characters: a contents line links to a title that begins it, or that it
/// begins, so the two share those characters and a long table of contents
/// is not checked against every title of a long book.
pub(crate) struct Links {
    titles: Vec<(String, String)>,
    by_start: HashMap<String, Vec<usize>>,
    /// Titles shorter than the index's key, checked against every line.
    short: Vec<usize>,
}

/// Characters of the key; titles shorter than this are never links in practice.
const KEY: usize = 4;

fn start(s: &str) -> Option<&str> {
    let end = s.char_indices().nth(KEY).map_or(s.len(), |(i, _)| i);
    (s[..end].chars().count() == KEY).then(|| &s[..end])
}

impl Links {
    pub(crate) fn new(titles: Vec<(String, String)>) -> Links {
        let (mut by_start, mut short) = (HashMap::<String, Vec<usize>>::new(), Vec::new());
        for (i, (t, _)) in titles.iter().enumerate() {
            match start(t) {
                Some(k) => by_start.entry(k.to_string()).or_default().push(i),
                None => short.push(i),
            }
        }
        Links {
            titles,
            by_start,
            short,
        }
    }

    /// Where the first title that begins `key` (or, for a key of six
    /// characters or more, that `key` begins) starts.
    pub(crate) fn find(&self, key: &str) -> Option<&str> {
        let long_key = key.chars().count() >= 6;
        let hit = |&&i: &&usize| {
            let t = self.titles[i].0.as_str();
            key.starts_with(t) || (long_key && t.starts_with(key))
        };
        let indexed = start(key)
            .and_then(|k| self.by_start.get(k))
            .and_then(|v| v.iter().find(hit));
        let short = self.short.iter().find(hit);
        indexed
            .into_iter()
            .chain(short)
            .min()
            .map(|&i| self.titles[i].1.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_title_that_begins_the_line_or_that_it_begins() {
        let l = Links::new(vec![
            ("短".into(), "s".into()),
            ("西部大开发新篇章".into(), "a".into()),
            ("西部大开发".into(), "b".into()),
            ("东部地区".into(), "c".into()),
        ]);
        assert_eq!(l.find("西部大开发新篇章孙绍骋"), Some("a"));
        assert_eq!(l.find("西部大开发"), Some("b"));
        assert_eq!(l.find("西部大开"), None);
        assert_eq!(l.find("东部地区的发展"), Some("c"));
        assert_eq!(l.find("短文"), Some("s"));
        assert_eq!(l.find("长文"), None);
    }
}
