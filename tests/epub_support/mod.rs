//! Helpers of the epub tests: documents built by hand, unzipping, link and
//! well-formedness checks, and EPUBCheck.
#![allow(dead_code)]

use reprint::model::*;
use reprint::write::epub::EpubOptions;
use reprint::{Document, Options};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

pub fn epub(doc: &Document, options: &EpubOptions) -> Vec<u8> {
    let mut out = Vec::new();
    doc.write_epub(&mut out, options).expect("write_epub");
    out
}

pub fn unzip(book: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).expect("a zip archive");
    let mut files = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        files.insert(f.name().to_string(), data);
    }
    let first = zip.by_index(0).unwrap();
    assert_eq!(first.name(), "mimetype");
    assert_eq!(first.compression(), zip::CompressionMethod::Stored);
    files
}

pub fn text_of(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("no {name} in {:?}", files.keys()))
            .clone(),
    )
    .unwrap()
}

pub fn xhtml_of(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    text_of(files, &format!("OEBPS/{name}"))
}

/// Parses XML that may start with `<!DOCTYPE html>`.
pub fn parse_xml(text: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
}

pub fn all_well_formed(files: &BTreeMap<String, Vec<u8>>) {
    for (name, data) in files {
        if [".xhtml", ".opf", ".ncx", ".xml"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            let text = std::str::from_utf8(data).unwrap_or_else(|e| panic!("{name}: {e}"));
            if let Err(e) = parse_xml(text) {
                panic!("{name} is not well-formed: {e}\n{text}");
            }
        }
    }
}

/// Every href and src of the XHTML files names a file of the book, and an id in it.
pub fn every_link_resolves(files: &BTreeMap<String, Vec<u8>>) {
    let docs: BTreeMap<&str, String> = files
        .iter()
        .filter(|(n, _)| n.ends_with(".xhtml"))
        .map(|(n, d)| (n.as_str(), String::from_utf8(d.clone()).unwrap()))
        .collect();
    for (name, text) in &docs {
        let doc = parse_xml(text).unwrap();
        for n in doc.descendants() {
            for attr in ["href", "src"] {
                let Some(link) = n.attribute(attr) else {
                    continue;
                };
                let (file, frag) = link.split_once('#').unwrap_or((link, ""));
                let target = format!("OEBPS/{file}");
                assert!(files.contains_key(&target), "{name}: {link} names no file");
                if !frag.is_empty() {
                    let t = parse_xml(&docs[target.as_str()]).unwrap();
                    assert!(
                        t.descendants().any(|d| d.attribute("id") == Some(frag)),
                        "{name}: {link} names no id"
                    );
                }
            }
        }
    }
}

pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{303F}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF60}')
}

// The builders in the order these tests give them (text, then line), on
// the shared ones.

pub fn span(text: &str, line: u32) -> Inline {
    crate::support::span(line, text)
}

pub fn block(kind: BlockKind, texts: &[&str], line: u32) -> Block {
    crate::support::block(kind, texts.iter().map(|t| span(t, line)).collect())
}

pub fn para(texts: &[&str], line: u32) -> Block {
    block(BlockKind::Paragraph, texts, line)
}

pub fn title(text: &str, line: u32) -> Block {
    block(BlockKind::Title, &[text], line)
}

pub fn page(number: &str, line: u32) -> Inline {
    crate::support::page(line, number)
}

/// A magazine in miniature: front matter with a table of contents, then an
/// article with every kind of block, note and furniture.
pub fn every_kind() -> Document {
    let front = Article {
        kind: ArticleKind::Front,
        blocks: vec![
            block(BlockKind::FrontMatter, &["党员之友"], 1),
            block(BlockKind::FrontMatter, &["总第344期"], 2),
            block(BlockKind::TocEntry { page: None }, &["要闻要论"], 3),
            block(
                BlockKind::TocEntry {
                    page: Some("01".into()),
                },
                &["西部大开发新篇章 孙 绍 骋"],
                4,
            ),
        ],
    };
    let note = |kind, text: &str, line| block(BlockKind::Note { kind }, &[text], line);
    let mut first = para(&["第一段的第一行，", "第二行"], 20);
    first.content.push(page("28", 21));
    first.content.push(span("接着\u{c}第三行。", 22));
    let mut latin = para(&["English words"], 40);
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
    let article = Article {
        kind: ArticleKind::Article,
        blocks: vec![
            title("西部大开发", 10),
            title("新篇章", 11),
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
            note(NoteKind::Source, "据新华社", 33),
            note(NoteKind::Editor, "[责任编辑:杨佩佩]", 34),
            note(NoteKind::Affiliation, "(作者单位:新疆于田县委)", 35),
            note(NoteKind::Continuation, "(上接1版)", 36),
            note(NoteKind::Column, "高端时论", 37),
            note(NoteKind::Other, "※这是一部分。", 38),
            latin,
        ],
    };
    Document {
        // What the parser says of one text: its bylines' names are its authors.
        meta: Metadata {
            language: "zh-CN".into(),
            authors: vec!["孙绍骋".into(), "杨羊".into()],
            publication: Some("党员之友".into()),
            issue: Some("2025·3".into()),
            issn: Some("2096-7462".into()),
            date: Some("（2025 年 1 月 17 日）".into()),
            ..Default::default()
        },
        articles: vec![front, article],
        ..Default::default()
    }
}

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
    "\u{FFFE}\u{FFFF}",
    "Latin text",
    "2024 年",
    "——",
    "\r",
    "👍🏽",
    "ا",
    "x\u{301}",
];

fn random_inlines(rng: &mut Lcg) -> Vec<Inline> {
    (0..rng.below(5))
        .map(|i| {
            let text = NASTY[rng.below(NASTY.len())];
            if rng.below(5) == 0 {
                let kind = match rng.below(3) {
                    0 => FurnitureKind::PageNumber {
                        number: NASTY[rng.below(NASTY.len())].into(),
                    },
                    1 => FurnitureKind::RunningHead,
                    _ => FurnitureKind::Other,
                };
                Inline::Milestone(Box::new(Milestone {
                    kind,
                    span: Span::new(i as u32, text),
                }))
            } else {
                Inline::Span(
                    Span::from_parts(i as u32, " ", text, "\r")
                        .with_space_before(rng.below(2) == 0),
                )
            }
        })
        .collect()
}

fn random_block(rng: &mut Lcg, depth: usize) -> Block {
    let pick = |rng: &mut Lcg| NASTY[rng.below(NASTY.len())].to_string();
    let kind = match rng.below(if depth > 2 { 12 } else { 13 }) {
        0 => BlockKind::Title,
        1 => BlockKind::Subtitle,
        2 => BlockKind::Heading {
            level: [0, 1, 2, 3, 4, 7, 255][rng.below(7)],
        },
        3 => BlockKind::ListItem { marker: pick(rng) },
        4 => BlockKind::Caption {
            credit: random_inlines(rng),
        },
        5 => BlockKind::Byline {
            authors: (0..rng.below(3)).map(|_| pick(rng)).collect(),
        },
        6 => BlockKind::Note {
            kind: [
                NoteKind::Source,
                NoteKind::Editor,
                NoteKind::Affiliation,
                NoteKind::Continuation,
                NoteKind::Date,
                NoteKind::Column,
                NoteKind::Other,
            ][rng.below(7)],
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
        10 => BlockKind::Furniture {
            kind: FurnitureKind::RunningHead,
        },
        11 => BlockKind::Paragraph,
        _ => BlockKind::Sidebar {
            items: (0..rng.below(4))
                .map(|_| random_block(rng, depth + 1))
                .collect(),
        },
    };
    Block {
        confidence: 0.5,
        ..Block::new(kind, random_inlines(rng))
    }
}

pub fn random_document(rng: &mut Lcg, round: usize) -> Document {
    let articles = (0..rng.below(4))
        .map(|_| Article {
            kind: if rng.below(3) == 0 {
                ArticleKind::Front
            } else {
                ArticleKind::Article
            },
            blocks: (0..rng.below(30)).map(|_| random_block(rng, 0)).collect(),
        })
        .collect();
    let pick = |rng: &mut Lcg| {
        if rng.below(2) == 0 {
            None
        } else {
            Some(NASTY[rng.below(NASTY.len())].to_string())
        }
    };
    let meta = Metadata {
        title: pick(rng),
        subtitle: pick(rng),
        authors: (0..rng.below(3))
            .map(|_| NASTY[rng.below(NASTY.len())].to_string())
            .collect(),
        language: ["", "zh-CN", "not a tag", "en"][round % 4].into(),
        date: pick(rng),
        publication: pick(rng),
        issue: pick(rng),
        issn: pick(rng),
        sources: (0..rng.below(3))
            .map(|_| NASTY[rng.below(NASTY.len())].to_string())
            .collect(),
    };
    Document {
        meta,
        articles,
        ..Default::default()
    }
}

pub fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// Each fixture parsed and written with default options, by file stem; and
/// the fixtures the parser failed on (another module's bug: reported by the
/// caller after checking the rest).
pub fn fixture_books() -> (Vec<(String, Vec<u8>)>, Vec<String>) {
    let mut books = Vec::new();
    let mut failed = Vec::new();
    for p in fixtures() {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&p).unwrap();
        let options = Options::default().with_file_name(name.clone());
        match std::panic::catch_unwind(|| reprint::parse_bytes(&bytes, &options)) {
            Ok(Ok(doc)) => books.push((
                name.trim_end_matches(".txt").to_string(),
                epub(&doc, &EpubOptions::default()),
            )),
            Ok(Err(e)) => failed.push(format!("{name}: parse error {e}")),
            Err(_) => failed.push(format!("{name}: the parser panicked")),
        }
    }
    (books, failed)
}

/// A 1×1 PNG.
pub fn tiny_png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
        0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x64,
        0x60, 0xf8, 0x5f, 0x0f, 0x00, 0x02, 0x87, 0x01, 0x80, 0xeb, 0x47, 0xba, 0x92, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ]
}

/// EPUBCheck 5's jar: `$EPUBCHECK_JAR`, else where `.ci/tools.sh` puts it.
/// Missing, the check is skipped on a user's machine and fails under CI.
pub fn epubcheck_jar() -> Option<PathBuf> {
    let jar = std::env::var_os("EPUBCHECK_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(".ci/tools/epubcheck/epubcheck/epubcheck.jar")
        });
    let java = std::process::Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if jar.is_file() && java {
        return Some(jar);
    }
    let why = format!(
        "EPUBCheck 5 not found (java on PATH: {java}, jar {}): run .ci/tools.sh or set EPUBCHECK_JAR",
        jar.display()
    );
    if std::env::var_os("CI").is_some() {
        panic!("{why}");
    }
    eprintln!("skipped: {why}");
    None
}

pub struct Report {
    pub clean: bool,
    pub summary: String,
    pub output: String,
}

pub fn epubcheck(jar: &Path, book: &Path) -> Report {
    let out = std::process::Command::new("java")
        .arg("-jar")
        .arg(jar)
        .arg(book)
        .output()
        .expect("java runs");
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = output
        .lines()
        .find(|l| l.starts_with("Messages:"))
        .unwrap_or("no summary")
        .to_string();
    let clean = out.status.success() && summary.contains(" 0 fatals / 0 errors / 0 warnings");
    Report {
        clean,
        summary,
        output,
    }
}
