//! Helpers of the Markdown, HTML and metadata tests: documents built by
//! hand (every block kind, hostile text, random shapes) and the fixtures.
#![allow(dead_code)]

use reprint::model::*;
use reprint::{Document, Options};
use std::path::{Path, PathBuf};

/// The seeds and the extra fixtures, as (file name, document).
pub fn fixture_documents() -> Vec<(String, Document)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = ["seeds", "extra"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).into_iter().flatten())
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let doc = reprint::parse_bytes(
                &std::fs::read(&p).unwrap(),
                &Options::default().with_file_name(&name),
            )
            .unwrap();
            (name, doc)
        })
        .collect()
}

/// Text without white space (ASCII and ideographic) and without characters
/// XML cannot carry: what must survive any writer for readers. Punctuation
/// the readers' formats set full-width (`，` for OCR's `,` between CJK
/// characters) is folded to ASCII, so that source and output compare.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !c.is_whitespace()
                && c != '\u{3000}'
                && c != '\u{FEFF}'
                && crate::support::is_xml_char(c)
        })
        .map(crate::support::fold_full_width)
        .collect()
}

// The builders in the order these tests give them (text, then line), on
// the shared ones.

pub fn span(text: &str, line: u32) -> Inline {
    crate::support::span(line, text)
}

pub fn block(kind: BlockKind, texts: &[&str], line: u32) -> Block {
    crate::support::block(kind, texts.iter().map(|t| span(t, line)).collect())
}

pub fn para(text: &str, line: u32) -> Block {
    block(BlockKind::Paragraph, &[text], line)
}

pub fn page(number: &str, line: u32) -> Inline {
    crate::support::page(line, number)
}

pub use crate::support::article;

/// A magazine in miniature: front matter with a table of contents, then an
/// article with every kind of block, note and furniture, then a second article.
pub fn every_kind() -> Document {
    let front = Article {
        kind: ArticleKind::Front,
        blocks: vec![
            block(BlockKind::FrontMatter, &["党员之友"], 1),
            block(BlockKind::TocEntry { page: None }, &["要闻要论"], 3),
            block(
                BlockKind::TocEntry {
                    page: Some("01".into()),
                },
                &["西部大开发新篇章 孙 绍 骋"],
                4,
            ),
            block(
                BlockKind::TocEntry {
                    page: Some("08".into()),
                },
                &["08 第二篇文章"],
                5,
            ),
        ],
    };
    let note = |kind, text: &str, line| block(BlockKind::Note { kind }, &[text], line);
    let mut first = block(BlockKind::Paragraph, &["第一段的第一行，", "第二行"], 20);
    first.content.push(page("28", 21));
    first.content.push(span("接着第三行。", 22));
    let mut latin = para("English words", 40);
    latin.content.push(Inline::Span(
        Span::new(41, "stay apart.").with_space_before(true),
    ));
    let item = |marker: &str, text: &str, line| {
        block(
            BlockKind::ListItem {
                marker: marker.into(),
            },
            &[text],
            line,
        )
    };
    let one = article(vec![
        block(BlockKind::Title, &["西部大开发"], 10),
        block(BlockKind::Title, &["新篇章"], 11),
        block(BlockKind::Subtitle, &["——元旦献词"], 12),
        block(
            BlockKind::Byline {
                authors: vec!["孙绍骋".into(), "杨羊".into()],
            },
            &["孙 绍 骋 杨 羊"],
            13,
        ),
        note(NoteKind::Date, "（2025 年 1 月 17 日）", 14),
        block(BlockKind::Heading { level: 2 }, &["一、总体要求"], 15),
        first,
        block(BlockKind::Heading { level: 3 }, &["（一）坚持创新"], 23),
        item("", "——提升西部地区科技创新能力", 24),
        item("•", "加快发展新质生产力", 24),
        Block::new(
            BlockKind::Caption {
                credit: vec![span("□新华社记者 燕 雁/摄", 26)],
            },
            vec![span("G3012线喀什疏勒高速公路。", 25)],
        ),
        Block::new(
            BlockKind::Sidebar {
                items: vec![
                    item("-", "要坚持把发展特色优势产业作为主攻方向。", 28),
                    item("-", "要坚持统筹发展和安全。", 29),
                ],
            },
            vec![span("习近平强调——", 27)],
        ),
        block(
            BlockKind::Furniture {
                kind: FurnitureKind::PageNumber {
                    number: "29".into(),
                },
            },
            &["29"],
            30,
        ),
        block(
            BlockKind::Furniture {
                kind: FurnitureKind::RunningHead,
            },
            &["人民日报 2025年"],
            31,
        ),
        block(
            BlockKind::Furniture {
                kind: FurnitureKind::Other,
            },
            &["9 772096 746254"],
            32,
        ),
        block(BlockKind::Heading { level: 4 }, &["1.深化改革"], 33),
        note(NoteKind::Source, "据新华社", 34),
        note(NoteKind::Editor, "[责任编辑:杨佩佩]", 35),
        latin,
    ]);
    let two = article(vec![
        block(BlockKind::Title, &["第二篇文章"], 50),
        para("第二篇的正文。", 51),
    ]);
    Document {
        meta: Metadata {
            language: "zh-CN".into(),
            title: Some("西部大开发 新篇章".into()),
            authors: vec!["孙绍骋".into(), "杨羊".into()],
            publication: Some("党员之友".into()),
            issue: Some("2025·3".into()),
            date: Some("（2025 年 1 月 17 日）".into()),
            ..Default::default()
        },
        articles: vec![front, one, two],
        ..Default::default()
    }
}

/// Texts that Markdown or HTML would read as markup if they were not escaped.
pub const MARKUP_LOOKALIKES: &[&str] = &[
    "# not a heading",
    "## neither",
    "- not a list",
    "+ nor this",
    "* nor this",
    "1. not ordered",
    "2) nor this",
    "> not a quote",
    "---",
    "***",
    "___",
    "===",
    "*not emphasis*",
    "**nor strong**",
    "_nor this_",
    "`not code`",
    "```",
    "~~~",
    "~~not struck~~",
    "[not](a link)",
    "![not](an image)",
    "[^1] no footnote",
    "[ref]: /not/a/definition",
    "<b>not html</b>",
    "<!-- not a comment -->",
    "<http://not.an/autolink>",
    "&amp; stays &amp; and &#42; too",
    "back\\slash\\",
    "| not | a table |",
    "ends with #",
    "C#",
    "3~5年",
    "1.5 is a number",
    "2025. 年",
    "第一段*不是强调*，`也不是代码`。",
];

/// A small deterministic random number generator, so failures reproduce.
pub use crate::support::Lcg;

const NASTY: &[&str] = &[
    "",
    " ",
    "　",
    "正文",
    "孙 绍 骋",
    "<b>&amp;</b>\"'",
    "\u{0}\u{c}\u{b}\u{1}",
    "\u{FFFE}",
    "Latin text",
    "- x",
    "# y",
    "1. z",
    "*",
    "`",
    "\\",
    "-->",
    "<!--",
    "\r\n",
    "👍🏽",
];

fn inlines(rng: &mut Lcg) -> Vec<Inline> {
    (0..rng.below(5))
        .map(|i| {
            let text = NASTY[rng.below(NASTY.len())];
            if rng.below(4) == 0 {
                let kind = if rng.below(3) == 0 {
                    FurnitureKind::RunningHead
                } else {
                    FurnitureKind::PageNumber {
                        number: NASTY[rng.below(NASTY.len())].into(),
                    }
                };
                Inline::Milestone(Box::new(Milestone {
                    kind,
                    span: Span::new(i as u32, text),
                }))
            } else {
                Inline::Span(Span::new(i as u32, text).with_space_before(rng.below(2) == 0))
            }
        })
        .collect()
}

fn random_block(rng: &mut Lcg, depth: usize) -> Block {
    let pick = |rng: &mut Lcg| NASTY[rng.below(NASTY.len())].to_string();
    let kind = match rng.below(if depth > 10 { 11 } else { 12 }) {
        0 => BlockKind::Title,
        1 => BlockKind::Subtitle,
        2 => BlockKind::Heading {
            level: [0, 1, 2, 3, 6, 7, 255][rng.below(7)],
        },
        3 => BlockKind::ListItem { marker: pick(rng) },
        4 => BlockKind::Caption {
            credit: inlines(rng),
        },
        5 => BlockKind::Byline {
            authors: (0..rng.below(3)).map(|_| pick(rng)).collect(),
        },
        6 => BlockKind::Note {
            kind: NoteKind::Other,
        },
        7 => BlockKind::TocEntry {
            page: if rng.below(2) == 0 {
                None
            } else {
                Some(pick(rng))
            },
        },
        8 => BlockKind::FrontMatter,
        9 => BlockKind::Furniture {
            kind: FurnitureKind::PageNumber { number: pick(rng) },
        },
        10 => BlockKind::Paragraph,
        _ => BlockKind::Sidebar {
            items: (0..rng.below(4))
                .map(|_| random_block(rng, depth + 1))
                .collect(),
        },
    };
    Block::new(kind, inlines(rng))
}

/// A document of random shape and hostile text.
pub fn random_document(seed: u64) -> Document {
    let mut rng = Lcg(seed);
    let articles = (0..rng.below(4))
        .map(|_| Article {
            kind: if rng.below(3) == 0 {
                ArticleKind::Front
            } else {
                ArticleKind::Article
            },
            blocks: (0..rng.below(12))
                .map(|_| random_block(&mut rng, 0))
                .collect(),
        })
        .collect();
    Document {
        meta: Metadata {
            language: ["", "zh-CN", "bad tag", "en"][rng.below(4)].into(),
            ..Default::default()
        },
        articles,
        ..Default::default()
    }
}
