//! Helpers of the review tests: fixtures with their gold, the page parsed as
//! XML, and headless Chromium (required under CI, skipped elsewhere when missing).
#![allow(dead_code)]

use reprint::layout::Layout;
use reprint::model::*;
use reprint::write::review::ReviewOptions;
use reprint::{Document, Options};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct Fixture {
    pub name: String,
    pub source: String,
    pub doc: Document,
    pub gold: Option<Layout>,
}

pub fn fixtures() -> Vec<Fixture> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let source = std::fs::read_to_string(&p).unwrap();
            let doc = reprint::parse(&source, &Options::default().with_file_name(name.clone()))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let gold =
                std::fs::read_to_string(root.join("fixtures/gold").join(format!("{name}.json")))
                    .ok()
                    .map(|j| serde_json::from_str(&j).unwrap());
            Fixture {
                name,
                source,
                doc,
                gold,
            }
        })
        .collect()
}

pub fn review(doc: &Document, options: &ReviewOptions) -> String {
    let mut out = Vec::new();
    doc.write_review(&mut out, options).expect("write_review");
    String::from_utf8(out).expect("UTF-8")
}

/// Parses the page as XML (it starts with `<!DOCTYPE html>`), failing the test when it is not well-formed.
pub fn parse_page(page: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse_with_options(
        page,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("the page is not well-formed: {e}"))
}

pub fn has_class(n: &roxmltree::Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split(' ').any(|x| x == class))
}

/// The kind each line went into, as the page's `data-k` names it.
pub fn kinds_by_line(doc: &Document) -> BTreeMap<u32, &'static str> {
    fn key(kind: &BlockKind) -> &'static str {
        match kind {
            BlockKind::Title => "title",
            BlockKind::Subtitle => "subtitle",
            BlockKind::Heading { .. } => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem { .. } => "list_item",
            BlockKind::Caption { .. } => "caption",
            BlockKind::Byline { .. } => "byline",
            BlockKind::Note { .. } => "note",
            BlockKind::Sidebar { .. } => "aside",
            BlockKind::TocEntry { .. } => "toc",
            BlockKind::FrontMatter => "frontmatter",
            BlockKind::Furniture { .. } => "furniture",
            other => panic!("a block kind this test does not know: {other:?}"),
        }
    }
    // A line split in two spans (a caption and its credit) has the first one's kind.
    fn inlines(content: &[Inline], k: &'static str, out: &mut BTreeMap<u32, &'static str>) {
        for i in content {
            match i {
                Inline::Span(s) => out.entry(s.line).or_insert(k),
                Inline::Milestone(m) => out.entry(m.span.line).or_insert("milestone"),
                other => panic!("an inline this test does not know: {other:?}"),
            };
        }
    }
    let mut out = BTreeMap::new();
    for b in doc.blocks() {
        inlines(&b.content, key(&b.kind), &mut out);
        if let BlockKind::Caption { credit } = &b.kind {
            inlines(credit, "credit", &mut out);
        }
    }
    out
}

/// Chromium's binary: `$CHROMIUM`, else the first of the usual names that
/// runs. Missing, browser tests are skipped on a user's machine and fail under CI.
pub fn chromium() -> Option<String> {
    let candidates: Vec<String> = std::env::var("CHROMIUM")
        .ok()
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(String::from))
        .collect();
    for c in &candidates {
        if Command::new(c)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
        {
            return Some(c.clone());
        }
    }
    let why = format!(
        "no headless Chromium found (tried {candidates:?}): apt-get install chromium, or set CHROMIUM"
    );
    if std::env::var_os("CI").is_some() {
        panic!("{why}");
    }
    eprintln!("skipped: {why}");
    None
}

/// Runs headless Chromium on a page with a profile of its own (tests run in
/// parallel), killing it after a minute; returns its standard output.
pub fn run_chromium(bin: &str, profile: &Path, args: &[&str], page: &Path) -> String {
    let url = format!("file://{}", page.display());
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(&url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium {args:?} failed: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium {args:?} did not finish in a minute");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

pub use crate::support::span;

pub fn block(kind: BlockKind, content: Vec<Inline>, confidence: f32) -> Block {
    Block {
        confidence,
        ..crate::support::block(kind, content)
    }
}

/// A small article: a title, a paragraph broken by a page number and by a
/// caption, a sidebar, a warning and an uncertain heading.
pub fn small() -> Document {
    let page = Inline::Milestone(Box::new(Milestone {
        kind: FurnitureKind::PageNumber {
            number: "28".into(),
        },
        span: Span::new(7, "28"),
    }));
    let mut para = block(
        BlockKind::Paragraph,
        vec![
            span(3, "第一行，"),
            Inline::Span(Span::from_parts(5, "\u{3000}", "第二行", "\r")),
            page,
            span(9, "接着<第三行>&"),
            span(15, "跨过图片说明。"),
        ],
        1.0,
    );
    para.lines = vec![[3, 5], [9, 9], [15, 15]];
    let caption = block(
        BlockKind::Caption {
            credit: vec![span(13, "□新华社记者 燕 雁/摄")],
        },
        vec![span(11, "G3012线喀什疏勒高速公路。")],
        1.0,
    );
    let sidebar = block(
        BlockKind::Sidebar {
            items: vec![block(
                BlockKind::ListItem { marker: "-".into() },
                vec![span(19, "要坚持统筹发展和安全。")],
                1.0,
            )],
        },
        vec![span(17, "习近平强调——")],
        1.0,
    );
    Document {
        meta: Metadata {
            language: "zh-CN".into(),
            ..Default::default()
        },
        source: SourceInfo {
            file_name: Some("small.txt".into()),
            encoding: "UTF-8".into(),
            line_count: 22,
            byte_len: 300,
        },
        articles: vec![Article {
            kind: ArticleKind::Article,
            blocks: vec![
                block(BlockKind::Title, vec![span(1, "标题")], 1.0),
                para,
                caption,
                sidebar,
                block(
                    BlockKind::Heading { level: 3 },
                    vec![span(21, "（一）坚持创新")],
                    0.6,
                ),
            ],
        }],
        warnings: vec![
            Warning {
                line: 15,
                message: "paragraph rejoined across an interruption".into(),
            },
            Warning {
                line: 20,
                message: "a warning on a blank line".into(),
            },
        ],
        profile: Default::default(),
    }
}
