//! Shared by the TEI tests: the fixtures as TEI, a hand-built document with
//! every kind of block and inline, and reading text back out of the XML.
#![allow(dead_code)]

use reprint::model::*;
use reprint::write::tei::TeiOptions;
use reprint::{Document, Options};
use std::collections::BTreeMap;
use std::path::PathBuf;

pub fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// The fixture's source text and its parse. A parser panic is the parser's
/// bug, reported by its own tests: here it skips the fixture, loudly.
pub fn parse_fixture(path: &PathBuf) -> Option<(String, Document)> {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let opts = Options::default().with_file_name(name.clone());
    match std::panic::catch_unwind(|| reprint::parse_bytes(&bytes, &opts)) {
        Ok(doc) => Some((String::from_utf8(bytes.clone()).unwrap(), doc.unwrap())),
        Err(_) => {
            eprintln!("SKIPPED {name}: the parser panicked on it");
            None
        }
    }
}

pub fn tei(doc: &Document, line_breaks: bool) -> String {
    let mut out = Vec::new();
    doc.write_tei(
        &mut out,
        &TeiOptions::default().with_line_breaks(line_breaks),
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

fn span(line: u32, lead: &str, text: &str, trail: &str) -> Span {
    Span::from_parts(line, lead, text, trail)
}

/// A document with every block kind, note kind, furniture kind and the
/// awkward cases: page breaks inside a paragraph, a heading and a list item,
/// bylines and datelines where TEI allows none, deep and skipped heading
/// levels, front matter before, between and after the articles, cut text,
/// `\r`, Latin spaces and characters XML forbids. Each line `k` of
/// [`every_kind_source`] is the raw text of the span on line `k`.
pub fn every_kind() -> Document {
    let next = std::cell::Cell::new(0u32);
    let s = |lead: &str, text: &str, trail: &str| {
        next.set(next.get() + 1);
        span(next.get(), lead, text, trail)
    };
    let sp = |t: &str| s("", t, "");
    let block = |kind: BlockKind, content: Vec<Inline>| {
        let lines = content
            .iter()
            .filter_map(|i| {
                if let Inline::Span(s) = i {
                    Some([s.line, s.line])
                } else {
                    None
                }
            })
            .collect();
        Block {
            kind,
            content,
            lines,
            confidence: 0.75,
        }
    };
    let t = |s: Span| Inline::Span(s);
    let page = |s: Span| {
        Inline::Milestone(Box::new(Milestone {
            kind: FurnitureKind::PageNumber {
                number: s.text().to_string(),
            },
            span: s,
        }))
    };
    let head = |s: Span| {
        Inline::Milestone(Box::new(Milestone {
            kind: FurnitureKind::RunningHead,
            span: s,
        }))
    };

    let front = Article {
        kind: ArticleKind::Front,
        blocks: vec![
            block(BlockKind::FrontMatter, vec![t(sp("2025·3"))]),
            block(BlockKind::FrontMatter, vec![t(sp("ISSN 2096-7462"))]),
            block(
                BlockKind::Furniture {
                    kind: FurnitureKind::Other,
                },
                vec![t(sp("9 772096 746254"))],
            ),
            block(
                BlockKind::TocEntry {
                    page: Some("04".into()),
                },
                vec![t(sp("04 高端时论"))],
            ),
            block(
                BlockKind::Furniture {
                    kind: FurnitureKind::PageNumber { number: "3".into() },
                },
                vec![t(sp("3"))],
            ),
            block(BlockKind::TocEntry { page: None }, vec![t(sp("工作交流"))]),
            block(
                BlockKind::Note {
                    kind: NoteKind::Column,
                },
                vec![t(sp("要闻要论"))],
            ),
        ],
    };
    let article = Article {
        kind: ArticleKind::Article,
        blocks: vec![
            block(
                BlockKind::Note {
                    kind: NoteKind::Column,
                },
                vec![t(sp("高端时论"))],
            ),
            block(
                BlockKind::Title,
                vec![t(sp("促进区域协调发展")), t(sp("更好建设美丽新疆"))],
            ),
            block(BlockKind::Subtitle, vec![t(sp("——元旦献词"))]),
            block(
                BlockKind::Byline {
                    authors: vec!["孙绍骋".into(), "杨羊".into()],
                },
                vec![t(s("  ", "孙 绍 骋  杨 羊", " "))],
            ),
            block(
                BlockKind::Note {
                    kind: NoteKind::Date,
                },
                vec![t(sp("（2025 年 1 月 17 日）"))],
            ),
            block(
                BlockKind::Paragraph,
                vec![
                    t(s("\u{3000}\u{3000}", "推动区域协调发展，是解决", "")),
                    page(s("  ", "28", "  ")),
                    t(sp("发展不平衡问题的重要途径。")),
                ],
            ),
            block(
                BlockKind::Heading { level: 2 },
                vec![t(s("## ", "一、总体要求", "")), head(sp("党员之友 2025·3"))],
            ),
            block(
                BlockKind::Paragraph,
                vec![
                    t(sp("A line of Latin text that ends in a hyph")),
                    t(s("", "enated word & <markup> \"quoted\"", "\r").with_space_before(false)),
                ],
            ),
            block(
                BlockKind::Heading { level: 4 },
                vec![t(sp("（一）跳过一级的标题"))],
            ),
            block(
                BlockKind::ListItem { marker: "-".into() },
                vec![
                    t(s("- ", "要坚持", "")),
                    page(sp("29")),
                    t(sp("稳中求进。")),
                ],
            ),
            block(
                BlockKind::Furniture {
                    kind: FurnitureKind::RunningHead,
                },
                vec![t(sp("高端时论"))],
            ),
            block(
                BlockKind::ListItem {
                    marker: String::new(),
                },
                vec![t(sp("——提升科技创新能力"))],
            ),
            block(
                BlockKind::Paragraph,
                vec![
                    t(sp("second").with_space_before(true)),
                    t(sp("word").with_space_before(true)),
                ],
            ),
            block(
                BlockKind::Byline {
                    authors: vec!["辛组研".into()],
                },
                vec![t(sp("辛组研"))],
            ),
            block(
                BlockKind::Note {
                    kind: NoteKind::Date,
                },
                vec![t(sp("3月6日"))],
            ),
            block(
                BlockKind::Caption {
                    credit: vec![t(sp("□新华社记者 燕 雁/摄"))],
                },
                vec![t(sp("G3012线喀什疏勒高速公路。")), page(sp("30"))],
            ),
            block(
                BlockKind::Caption {
                    credit: vec![t(sp("新疆交投文化传媒有限责任公司供图"))],
                },
                vec![],
            ),
            block(
                BlockKind::Sidebar {
                    items: vec![
                        block(
                            BlockKind::ListItem {
                                marker: "•".into()
                            },
                            vec![t(s("• ", "要坚持以人民为中心", ""))],
                        ),
                        block(BlockKind::Paragraph, vec![t(sp("框里的一段话。"))]),
                        block(BlockKind::Heading { level: 3 }, vec![t(sp("框里的标题"))]),
                        block(BlockKind::Paragraph, vec![t(sp("标题下的话。"))]),
                    ],
                },
                vec![t(sp("习近平强调——"))],
            ),
            block(BlockKind::Sidebar { items: vec![] }, vec![t(sp("空的框"))]),
            block(
                BlockKind::Heading { level: 3 },
                vec![t(sp("（二）控制字符"))],
            ),
            block(
                BlockKind::Paragraph,
                vec![t(s("\u{c}", "bad\u{1}char\u{FFFE}s\u{0}", "\u{b}"))],
            ),
            block(BlockKind::Heading { level: 2 }, vec![t(sp("二、第二节"))]),
            block(BlockKind::Title, vec![t(sp("正文后的标题"))]),
            block(BlockKind::Paragraph, vec![t(sp("第二节的话。"))]),
            block(
                BlockKind::Note {
                    kind: NoteKind::Source,
                },
                vec![t(sp("据新华社"))],
            ),
            block(
                BlockKind::Note {
                    kind: NoteKind::Editor,
                },
                vec![t(sp("[责任编辑:杨佩佩]"))],
            ),
            block(
                BlockKind::Note {
                    kind: NoteKind::Affiliation,
                },
                vec![t(sp("(作者单位:新疆于田县委)"))],
            ),
            block(
                BlockKind::Note {
                    kind: NoteKind::Continuation,
                },
                vec![t(sp("(下转第4页)"))],
            ),
            block(
                BlockKind::Note {
                    kind: NoteKind::Other,
                },
                vec![t(sp("※这是一部分"))],
            ),
            block(
                BlockKind::Byline {
                    authors: vec!["王伟".into()],
                },
                vec![t(sp("王 伟"))],
            ),
            block(
                BlockKind::Note {
                    kind: NoteKind::Date,
                },
                vec![t(sp("2025年3月"))],
            ),
        ],
    };
    let between = Article {
        kind: ArticleKind::Front,
        blocks: vec![block(BlockKind::FrontMatter, vec![t(sp("广告"))])],
    };
    let second = Article {
        kind: ArticleKind::Article,
        blocks: vec![block(BlockKind::Paragraph, vec![t(sp("只有一段的文章。"))])],
    };
    let empty = Article {
        kind: ArticleKind::Article,
        blocks: vec![],
    };
    let back = Article {
        kind: ArticleKind::Front,
        blocks: vec![block(
            BlockKind::FrontMatter,
            vec![t(sp("定 价 6.00元")), page(sp("28"))],
        )],
    };
    Document {
        meta: Metadata {
            title: Some("促进区域协调发展\u{1} 更好建设美丽新疆".into()),
            subtitle: Some("——元旦献词".into()),
            authors: vec!["孙绍骋".into(), "杨羊".into()],
            language: "zh-CN".into(),
            date: Some("2025年3月".into()),
            publication: Some("党员之友".into()),
            issue: Some("2025·3 总第344期".into()),
            issn: Some("2096-7462".into()),
            sources: vec!["据新华社".into()],
        },
        source: SourceInfo {
            file_name: Some("every\u{7}kind.txt".into()),
            encoding: "GB18030".into(),
            line_count: next.get(),
            byte_len: 1234,
        },
        articles: vec![front, article, between, second, empty, back],
        warnings: vec![Warning {
            line: 3,
            message: "title or heading? <unsure> & \u{1}".into(),
        }],
        profile: Default::default(),
    }
}

/// The source lines of [`every_kind`], by line number.
pub fn every_kind_lines(doc: &Document) -> BTreeMap<u32, String> {
    let mut lines = BTreeMap::new();
    let mut add = |s: &Span| {
        lines.insert(s.line, s.raw().to_string());
    };
    fn walk(blocks: &[Block], add: &mut dyn FnMut(&Span)) {
        for b in blocks {
            let credit: &[Inline] = if let BlockKind::Caption { credit } = &b.kind {
                credit
            } else {
                &[]
            };
            for i in b.content.iter().chain(credit) {
                match i {
                    Inline::Span(s) => add(s),
                    Inline::Milestone(m) => add(&m.span),
                    other => panic!("an inline this test does not know: {other:?}"),
                }
            }
            if let BlockKind::Sidebar { items } = &b.kind {
                walk(items, add);
            }
        }
    }
    for a in &doc.articles {
        walk(&a.blocks, &mut add);
    }
    lines
}

/// Elements whose content is elements only: white space in them is layout.
const ELEMENT_ONLY: &[&str] = &[
    "TEI",
    "text",
    "front",
    "body",
    "back",
    "div",
    "list",
    "figure",
    "floatingText",
];

/// The text content of `<text>`, with each `gap` read back as the character it stands for.
pub fn body_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("well-formed");
    let text = doc
        .descendants()
        .find(|n| n.has_tag_name("text"))
        .expect("a text element");
    let mut out = String::new();
    for n in text.descendants() {
        // A regularised form (a name closed up) stands beside the source's: not source text.
        let regularised = n.ancestors().any(|a| a.has_tag_name("reg"));
        if n.is_text()
            && !regularised
            && !n
                .parent_element()
                .is_some_and(|p| ELEMENT_ONLY.contains(&p.tag_name().name()))
        {
            out.push_str(n.text().unwrap_or(""));
        } else if n.has_tag_name("gap") {
            out.push(gap_char(n));
        }
    }
    out
}

fn gap_char(n: roxmltree::Node) -> char {
    let code = n
        .attribute("n")
        .and_then(|c| c.strip_prefix("U+"))
        .expect("a gap names its code point");
    char::from_u32(u32::from_str_radix(code, 16).unwrap()).unwrap()
}

/// With line breaks: for each `<lb n="k"/>`, the text up to the next `lb`.
pub fn lines_after_lb(xml: &str) -> Vec<(u32, String)> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed");
    let text = doc
        .descendants()
        .find(|n| n.has_tag_name("text"))
        .expect("a text element");
    let mut out: Vec<(u32, String)> = Vec::new();
    for n in text.descendants() {
        if n.has_tag_name("lb") {
            out.push((n.attribute("n").unwrap().parse().unwrap(), String::new()));
        } else if let Some(last) = out.last_mut() {
            if n.is_text()
                && !n
                    .parent_element()
                    .is_some_and(|p| ELEMENT_ONLY.contains(&p.tag_name().name()))
            {
                last.1.push_str(n.text().unwrap_or(""));
            } else if n.has_tag_name("gap") {
                last.1.push(gap_char(n));
            }
        }
    }
    out
}

/// A random document from `seed`: random block kinds in random order and
/// nesting, text with characters XML forbids, milestones anywhere. For
/// checking that any model, not only the parser's, gives valid TEI.
pub fn random_document(seed: u64) -> Document {
    let mut r = Rng(seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407));
    let mut line = 0u32;
    let articles = (0..r.below(4))
        .map(|_| Article {
            kind: if r.below(3) == 0 {
                ArticleKind::Front
            } else {
                ArticleKind::Article
            },
            blocks: random_blocks(&mut r, &mut line, 0),
        })
        .collect();
    let text = |r: &mut Rng| random_text(r);
    Document {
        meta: Metadata {
            title: (r.below(2) == 0).then(|| text(&mut r)),
            authors: vec![text(&mut r)],
            language: ["zh-CN", "", "not a tag!", "en"][r.below(4) as usize].into(),
            issn: Some(text(&mut r)),
            ..Default::default()
        },
        source: SourceInfo {
            file_name: Some(text(&mut r)),
            encoding: text(&mut r),
            line_count: line,
            byte_len: 0,
        },
        articles,
        warnings: vec![Warning {
            line: 1,
            message: text(&mut r),
        }],
        profile: Default::default(),
    }
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

fn random_text(r: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "文字",
        " ",
        "\u{3000}",
        "a&b",
        "<x>",
        "\u{1}",
        "\u{c}",
        "\r",
        "\t",
        "]]>",
        "\u{FFFE}",
        "\"'",
        "孙 绍 骋",
        "𠀀",
        "-",
    ];
    (0..r.below(5))
        .map(|_| PIECES[r.below(PIECES.len() as u64) as usize])
        .collect()
}

fn random_blocks(r: &mut Rng, line: &mut u32, depth: u32) -> Vec<Block> {
    (0..r.below(12))
        .map(|_| {
            let content = random_inlines(r, line);
            let kind = match r.below(if depth > 1 { 13 } else { 14 }) {
                0 => BlockKind::Title,
                1 => BlockKind::Subtitle,
                2 => BlockKind::Heading {
                    level: r.below(6) as u8,
                },
                3 => BlockKind::Paragraph,
                4 => BlockKind::ListItem {
                    marker: random_text(r),
                },
                5 => BlockKind::Caption {
                    credit: random_inlines(r, line),
                },
                6 => BlockKind::Byline {
                    authors: vec!["孙绍骋".into(), random_text(r)],
                },
                7 => BlockKind::Note {
                    kind: [
                        NoteKind::Source,
                        NoteKind::Editor,
                        NoteKind::Affiliation,
                        NoteKind::Continuation,
                        NoteKind::Date,
                        NoteKind::Column,
                        NoteKind::Other,
                    ][r.below(7) as usize],
                },
                8 => BlockKind::TocEntry {
                    page: (r.below(2) == 0).then(|| random_text(r)),
                },
                9 => BlockKind::FrontMatter,
                10 => BlockKind::Furniture {
                    kind: FurnitureKind::PageNumber {
                        number: random_text(r),
                    },
                },
                11 => BlockKind::Furniture {
                    kind: FurnitureKind::RunningHead,
                },
                12 => BlockKind::Furniture {
                    kind: FurnitureKind::Other,
                },
                _ => BlockKind::Sidebar {
                    items: random_blocks(r, line, depth + 1),
                },
            };
            Block {
                kind,
                content,
                lines: vec![],
                confidence: [1.0, 0.5, f32::NAN, -1.0][r.below(4) as usize],
            }
        })
        .collect()
}

fn random_inlines(r: &mut Rng, line: &mut u32) -> Vec<Inline> {
    (0..r.below(4))
        .map(|_| {
            *line += 1;
            let s = Span::from_parts(*line, &random_text(r), &random_text(r), &random_text(r))
                .with_space_before(r.below(2) == 0);
            match r.below(4) {
                0 => Inline::Milestone(Box::new(Milestone {
                    kind: [
                        FurnitureKind::PageNumber {
                            number: random_text(r),
                        },
                        FurnitureKind::RunningHead,
                        FurnitureKind::Other,
                    ][r.below(3) as usize]
                        .clone(),
                    span: s,
                })),
                _ => Inline::Span(s),
            }
        })
        .collect()
}
