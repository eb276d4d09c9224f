//! What the text says about itself, gathered from the blocks:
//! title, authors, date, publication, issue, ISSN, sources; and its language.

use crate::model::{Article, ArticleKind, BlockKind, Metadata, NoteKind};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// Metadata from the articles; `language` from the text unless given.
pub fn gather(articles: &[Article], text: &str, language: Option<&str>) -> Metadata {
    let mut m = Metadata {
        language: language.map_or_else(|| detect_language(text).to_string(), str::to_string),
        ..Default::default()
    };
    let first = articles.iter().find(|a| a.kind == ArticleKind::Article);
    m.title = first.and_then(Article::title);
    m.subtitle = first.and_then(Article::subtitle);
    let mut names: HashMap<String, usize> = HashMap::new();
    // Sets beside the lists to keep them free of duplicates in time linear
    // in the text: a large text has thousands of distinct names and sources.
    let (mut authors, mut sources) = (HashSet::new(), HashSet::new());
    for b in articles.iter().flat_map(|a| &a.blocks) {
        match &b.kind {
            BlockKind::Byline { authors: names } => {
                for a in names {
                    if authors.insert(a.as_str()) {
                        m.authors.push(a.clone());
                    }
                }
            }
            BlockKind::Note {
                kind: NoteKind::Source,
            } => {
                let t = b.text();
                if !sources.contains(&t) {
                    sources.insert(t.clone());
                    m.sources.push(t);
                }
            }
            BlockKind::Note {
                kind: NoteKind::Date,
            } if m.date.is_none() => {
                m.date = date_in(&b.text());
            }
            BlockKind::FrontMatter | BlockKind::TocEntry { .. } => {
                let t = b.text();
                let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
                if let Some(i) = squeezed.find("ISSN") {
                    let issn: String = squeezed[i + 4..]
                        .chars()
                        .skip_while(|c| !c.is_ascii_digit())
                        .take(9)
                        .collect();
                    if m.issn.is_none() && issn.len() == 9 {
                        m.issn = Some(issn);
                    }
                }
                if m.issue.is_none()
                    && (squeezed.starts_with("总第")
                        || squeezed.contains('·')
                            && squeezed.chars().filter(char::is_ascii_digit).count() >= 4
                            && squeezed.len() <= 14)
                {
                    m.issue = Some(squeezed.clone());
                } else if squeezed.starts_with("总第") {
                    if let Some(i) = &mut m.issue {
                        i.push(' ');
                        i.push_str(&squeezed);
                    }
                }
                let mut rest = t.as_str();
                while let Some(a) = rest.find('《') {
                    let Some(z) = rest[a..].find('》') else {
                        break;
                    };
                    let name = &rest[a + '《'.len_utf8()..a + z];
                    if !name.is_empty() && name.chars().count() <= 12 {
                        *names.entry(name.to_string()).or_default() += 1;
                    }
                    rest = &rest[a + z..];
                }
            }
            _ => {}
        }
    }
    // The masthead is the name the front matter repeats most.
    m.publication = names
        .into_iter()
        .filter(|(_, c)| *c >= 2)
        .max_by_key(|(n, c)| (*c, std::cmp::Reverse(n.clone())))
        .map(|(n, _)| n);
    // A magazine issue (masthead and several articles) is named for the
    // magazine, not for its first article.
    let articles_n = articles
        .iter()
        .filter(|a| a.kind == ArticleKind::Article)
        .count();
    if m.title.is_none() || (m.publication.is_some() && articles_n >= 3) {
        m.title = match (&m.publication, &m.issue) {
            (Some(p), Some(i)) => Some(format!("{p} {i}")),
            (p, _) => p.clone().or(m.title),
        };
    }
    m
}

/// The date a dateline or date note gives (2025年1月8日, 二〇二五年一月八日,
/// 3月6日), without the words around it.
fn date_in(t: &str) -> Option<String> {
    static DATE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = DATE.get_or_init(|| {
        regex::Regex::new(r"(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日)?|(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}")
            .expect("date pattern")
    });
    let t = t.trim_matches(['（', '）', '(', ')']).trim();
    match re.find(t) {
        Some(d) => Some(d.as_str().to_string()),
        None if t.chars().count() <= 20 => Some(t.to_string()),
        None => None,
    }
}

/// `zh-CN`, `zh-TW`, `ja`, `ko` or `en` (or `und`), from the characters of
/// the text. The one place the language is decided: the writers read
/// `doc.meta.language`, and run this only on a document whose language is
/// no tag (one built by hand, or given a bad one).
pub(crate) fn detect_language(text: &str) -> &'static str {
    const SIMPLIFIED: Han =
        han_set("们这个会来时说国为与学对从开关发经过还进长门问间见现实么种东车书");
    const TRADITIONAL: Han =
        han_set("們這個會來時說國為與學對從開關發經過還進長門問間見現實麼種東車書");
    let (mut han, mut latin, mut simp, mut trad) = (0usize, 0usize, 0usize, 0usize);
    let (mut kana, mut hangul) = (0usize, 0usize);
    for c in text.chars().take(200_000) {
        // This runs on every character: ideographs, most of them, first.
        if let Some(k) = han_index(c) {
            han += 1;
            simp += (SIMPLIFIED[k / 64] >> (k % 64) & 1) as usize;
            trad += (TRADITIONAL[k / 64] >> (k % 64) & 1) as usize;
        } else if super::lines::is_cjk(c) && super::lines::is_letter(c) {
            // Kana are counted among the Han too: a few in Chinese text
            // (a Japanese name) leave it Chinese.
            han += 1;
            kana += usize::from(matches!(c, '\u{3040}'..='\u{30FF}'));
        } else if matches!(c, '\u{AC00}'..='\u{D7AF}') {
            hangul += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if kana > 0 && kana * 10 > han - kana {
        "ja"
    } else if hangul > han && hangul > latin {
        "ko"
    } else if han == 0 && latin == 0 {
        "und"
    } else if han * 4 >= latin {
        if trad > simp { "zh-TW" } else { "zh-CN" }
    } else {
        "en"
    }
}

/// A set of characters of the ideograph block U+4E00..=U+9FFF, a bit each.
type Han = [u64; 0x5200 / 64];

fn han_index(c: char) -> Option<usize> {
    (0x4E00..=0x9FFF)
        .contains(&(c as u32))
        .then(|| c as usize - 0x4E00)
}

/// The set of the characters of `s`, which must all be in the block.
const fn han_set(s: &str) -> Han {
    let b = s.as_bytes();
    let mut set = [0u64; 0x5200 / 64];
    let mut i = 0;
    while i < b.len() {
        // The block's characters take three bytes in UTF-8.
        assert!(b[i] & 0xF0 == 0xE0);
        let c = ((b[i] as usize & 0x0F) << 12)
            | ((b[i + 1] as usize & 0x3F) << 6)
            | (b[i + 2] as usize & 0x3F);
        assert!(c >= 0x4E00 && c <= 0x9FFF);
        set[(c - 0x4E00) / 64] |= 1 << ((c - 0x4E00) % 64);
        i += 3;
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_character_tests_agree_with_the_slow_ones() {
        const SIMPLIFIED: &str = "们这个会来时说国为与学对从开关发经过还进长门问间见现实么种东车书";
        const TRADITIONAL: &str =
            "們這個會來時說國為與學對從開關發經過還進長門問間見現實麼種東車書";
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                super::super::lines::is_letter(c),
                c.is_alphabetic(),
                "{c:?}"
            );
            // The ideographs are counted as Han without asking.
            assert!(
                han_index(c).is_none() || (super::super::lines::is_cjk(c) && c.is_alphabetic()),
                "{c:?}"
            );
        }
        // The language of text written in the characters of one set only.
        assert_eq!(detect_language(SIMPLIFIED), "zh-CN");
        assert_eq!(detect_language(TRADITIONAL), "zh-TW");
        for (a, b) in SIMPLIFIED.chars().zip(TRADITIONAL.chars()) {
            assert_eq!(detect_language(&format!("{a}{a}{b}")), "zh-CN");
            assert_eq!(detect_language(&format!("{a}{b}{b}")), "zh-TW");
        }
    }

    #[test]
    fn language_from_characters() {
        assert_eq!(detect_language("这是我们的国家。"), "zh-CN");
        assert_eq!(detect_language("這是我們的國家。"), "zh-TW");
        assert_eq!(detect_language("The state of the art, in 2024."), "en");
        assert_eq!(detect_language("1234"), "und");
        assert_eq!(detect_language("これは日本語の文章です。"), "ja");
        assert_eq!(detect_language("이것은 한국어 문장입니다."), "ko");
        // A kana or two in Chinese text (a shop's name) leave it Chinese.
        assert_eq!(
            detect_language("这家店的名字叫《の》，我们都很喜欢去那里吃饭和喝茶。"),
            "zh-CN"
        );
    }

    #[test]
    fn dates_without_the_words_around_them() {
        assert_eq!(
            date_in("二〇二五年一月八日中国共产党第二十届中央纪律检查委员会第四次全体会议通过")
                .as_deref(),
            Some("二〇二五年一月八日")
        );
        assert_eq!(
            date_in("（2025年1月14日）").as_deref(),
            Some("2025年1月14日")
        );
        assert_eq!(date_in("3月6日").as_deref(), Some("3月6日"));
    }
}
