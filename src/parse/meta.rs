//! What the text says about itself, gathered from the blocks:
//! title, authors, date, publication, issue, ISSN, sources; and its language.

use crate::model::{Article, ArticleKind, BlockKind, Metadata, NoteKind};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// Metadata from the articles; `language` from the text unless given.
/// `collection` says whether the text reads as a collection of articles
/// (a magazine, a compilation), whose articles' titles, bylines, dates and
/// source notes are theirs, not the whole text's.
pub fn gather(
    articles: &[Article],
    text: &str,
    language: Option<&str>,
    collection: bool,
) -> Metadata {
    let mut m = Metadata {
        language: language.map_or_else(|| detect_language(text).to_string(), str::to_string),
        ..Default::default()
    };
    let titled = articles
        .iter()
        .filter(|a| a.kind == ArticleKind::Article && a.title().is_some())
        .count();
    // Three articles or more make a magazine or a compilation; two are an
    // article and a companion piece (延伸阅读), still one text.
    let many = collection && titled >= 3;
    front_matter(articles, &mut m);
    if !many {
        m.authors = byline_authors(articles);
        m.sources = source_notes(articles);
        m.date = dated_note(articles);
    }
    if m.date.is_none() {
        m.date = m.issue.as_deref().and_then(issue_date);
    }
    title(articles, &mut m, many);
    m
}

/// The title: a collection's is its masthead and issue (the user may give
/// one); one text's is its first title, or its first heading when it has none.
fn title(articles: &[Article], m: &mut Metadata, many: bool) {
    if let Some(p) = &m.publication
        && (many || articles.iter().all(|a| a.title().is_none()))
    {
        m.title = Some(match &m.issue {
            Some(i) => format!("{p} {i}"),
            None => p.clone(),
        });
        return;
    }
    if many {
        return;
    }
    let first = articles.iter().find(|a| a.kind == ArticleKind::Article);
    m.title = first.and_then(Article::title).or_else(|| {
        articles
            .iter()
            .flat_map(|a| &a.blocks)
            .find(|b| matches!(b.kind, BlockKind::Heading { .. }))
            .map(|b| b.text().trim().to_string())
            .filter(|t| !t.is_empty())
    });
    m.subtitle = first.and_then(Article::subtitle);
}

/// The names of every byline, in order of first appearance.
fn byline_authors(articles: &[Article]) -> Vec<String> {
    let mut out = Vec::new();
    // A set beside the list keeps it free of duplicates in time linear in
    // the text: a large text has thousands of distinct names.
    let mut seen = HashSet::new();
    for b in articles.iter().flat_map(|a| &a.blocks) {
        if let BlockKind::Byline { authors } = &b.kind {
            for a in authors {
                if seen.insert(a.as_str()) {
                    out.push(a.clone());
                }
            }
        }
    }
    out
}

/// The source notes that name a source (据新华社, 摘自《人民日报》), without
/// duplicates: a note of who compiled or edited a text (贾佳整理,
/// [责任编辑:…]) names none.
fn source_notes(articles: &[Article]) -> Vec<String> {
    const NOT_SOURCES: [&str; 5] = ["整理", "责任编辑", "编辑", "校对", "审核"];
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for b in articles.iter().flat_map(|a| &a.blocks) {
        if b.kind
            == (BlockKind::Note {
                kind: NoteKind::Source,
            })
        {
            let t = b.text();
            if !NOT_SOURCES.iter().any(|w| t.contains(w)) && seen.insert(t.clone()) {
                out.push(t);
            }
        }
    }
    out
}

/// The first date note that gives a year (a day without its year, 3月6日,
/// dates something in the text, not the text).
fn dated_note(articles: &[Article]) -> Option<String> {
    articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter(|b| {
            b.kind
                == BlockKind::Note {
                    kind: NoteKind::Date,
                }
        })
        .filter_map(|b| date_in(&b.text()))
        .find(|d| d.contains('年') || d.contains(['-', '.', '/']))
}

/// The month an issue designation gives: `2025·3` is March 2025, `2025-03`.
fn issue_date(issue: &str) -> Option<String> {
    static ISSUE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = ISSUE.get_or_init(|| {
        regex::Regex::new(r"^((?:19|20)[0-9]{2})\s*(?:[·.\-/]|年第?)\s*([0-9]{1,2})(?:[^0-9]|$)")
            .expect("issue pattern")
    });
    let c = re.captures(issue.trim())?;
    let month: u32 = c[2].parse().ok()?;
    (1..=12)
        .contains(&month)
        .then(|| format!("{}-{month:02}", &c[1]))
}

/// ISSN, issue and masthead from the front matter and the contents: the
/// masthead is the name in 《》 the front matter repeats most.
fn front_matter(articles: &[Article], m: &mut Metadata) {
    let mut names: HashMap<String, usize> = HashMap::new();
    for b in articles.iter().flat_map(|a| &a.blocks) {
        if !matches!(b.kind, BlockKind::FrontMatter | BlockKind::TocEntry { .. }) {
            continue;
        }
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
        } else if squeezed.starts_with("总第")
            && let Some(i) = &mut m.issue
        {
            i.push(' ');
            i.push_str(&squeezed);
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
    m.publication = names
        .into_iter()
        .filter(|(_, c)| *c >= 2)
        .max_by_key(|(n, c)| (*c, std::cmp::Reverse(n.clone())))
        .map(|(n, _)| n);
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

    #[test]
    fn an_issue_gives_its_month() {
        assert_eq!(issue_date("2025·3 总第344期").as_deref(), Some("2025-03"));
        assert_eq!(issue_date("2024年第12期").as_deref(), Some("2024-12"));
        assert_eq!(issue_date("总第344期"), None);
        assert_eq!(issue_date("2025·13"), None);
    }
}
