//! Helpers of the pdf tests: a document with every block kind, the poppler
//! and qpdf tools (required under CI, skipped elsewhere when missing), and the
//! text a PDF must give back.
#![allow(dead_code)]

use reprint::Document;
use reprint::model::*;
use std::path::{Path, PathBuf};
use std::process::Command;

pub use crate::support::{block, para, span};

/// Front matter with a table of contents, then two articles that use every
/// block kind and inline, the second long enough to run over pages.
pub fn every_kind() -> Document {
    let page_break = Inline::Milestone(Box::new(Milestone {
        kind: FurnitureKind::PageNumber {
            number: "28".into(),
        },
        span: Span::new(40, "28"),
    }));
    let front = Article {
        kind: ArticleKind::Front,
        blocks: vec![
            block(BlockKind::FrontMatter, vec![span(1, "党员之友")]),
            block(BlockKind::FrontMatter, vec![span(2, "2025·3 总第344期")]),
            block(
                BlockKind::TocEntry {
                    page: Some("04".into()),
                },
                vec![span(3, "西部大开发新篇章")],
            ),
            block(
                BlockKind::TocEntry { page: None },
                vec![span(4, "高端时论")],
            ),
            block(
                BlockKind::Furniture {
                    kind: FurnitureKind::Other,
                },
                vec![span(5, "9 772096 746254")],
            ),
        ],
    };
    let mut blocks = vec![
        block(
            BlockKind::Note {
                kind: NoteKind::Column,
            },
            vec![span(10, "高端时论")],
        ),
        block(BlockKind::Title, vec![span(11, "西部大开发")]),
        block(BlockKind::Title, vec![span(12, "新篇章")]),
        block(BlockKind::Subtitle, vec![span(13, "——元旦献词")]),
        block(
            BlockKind::Byline {
                authors: vec!["孙绍骋".into()],
            },
            vec![span(14, "孙 绍 骋")],
        ),
        block(
            BlockKind::Note {
                kind: NoteKind::Date,
            },
            vec![span(15, "（2025 年 1 月 17 日）")],
        ),
        block(
            BlockKind::Note {
                kind: NoteKind::Source,
            },
            vec![span(16, "据新华社")],
        ),
        block(
            BlockKind::Heading { level: 2 },
            vec![span(17, "一、总体要求")],
        ),
        block(
            BlockKind::Paragraph,
            vec![
                span(18, "第一段的第一行，"),
                span(19, "第二行“引号”（括号）《书名》。"),
                page_break,
                span(41, "接着第三行，用Rust写PDF，共3.5万人。"),
            ],
        ),
        block(
            BlockKind::Heading { level: 3 },
            vec![span(20, "（一）坚持创新")],
        ),
        block(
            BlockKind::Caption {
                credit: vec![span(22, "□新华社记者　燕雁/摄")],
            },
            vec![span(21, "G3012线喀什疏勒高速公路。")],
        ),
        block(
            BlockKind::ListItem {
                marker: "•".into()
            },
            vec![span(23, "要坚持把发展特色优势产业作为主攻方向。")],
        ),
        block(
            BlockKind::ListItem {
                marker: String::new(),
            },
            vec![span(24, "——提升西部地区科技创新能力")],
        ),
        block(
            BlockKind::Sidebar {
                items: vec![
                    block(
                        BlockKind::ListItem { marker: "-".into() },
                        vec![span(26, "要坚持生态优先、绿色发展。")],
                    ),
                    block(
                        BlockKind::ListItem { marker: "-".into() },
                        vec![span(27, "要坚持以高水平安全保障高质量发展。")],
                    ),
                ],
            },
            vec![span(25, "习近平强调——")],
        ),
        block(
            BlockKind::Note {
                kind: NoteKind::Affiliation,
            },
            vec![span(28, "(作者单位:新疆于田县委)")],
        ),
        block(
            BlockKind::Note {
                kind: NoteKind::Continuation,
            },
            vec![span(29, "(上接1版)")],
        ),
        block(
            BlockKind::Note {
                kind: NoteKind::Other,
            },
            vec![span(30, "※这是讲话的一部分。")],
        ),
        block(
            BlockKind::Furniture {
                kind: FurnitureKind::PageNumber {
                    number: "29".into(),
                },
            },
            vec![span(31, "29")],
        ),
        block(
            BlockKind::Paragraph,
            vec![
                span(32, "English words stay"),
                Inline::Span(Span::new(33, "apart.").with_space_before(true)),
            ],
        ),
        block(
            BlockKind::Note {
                kind: NoteKind::Editor,
            },
            vec![span(34, "[责任编辑:杨佩佩]")],
        ),
    ];
    let second = Article {
        kind: ArticleKind::Article,
        blocks: {
            let mut b = vec![
                block(BlockKind::Title, vec![span(50, "第二篇文章")]),
                block(BlockKind::Heading { level: 2 }, vec![span(51, "二、长文")]),
            ];
            for k in 0..40 {
                b.push(para(52 + k, "推动区域协调发展，是解决发展不平衡不充分问题的重要途径，特别是受历史基础、地理区位、外部环境等多种因素影响，新疆不仅与其他省区市存在发展差距，疆内各地区特别是南北疆之间也存在发展差距。"));
            }
            b.push(block(
                BlockKind::Heading { level: 2 },
                vec![span(99, "三、结语")],
            ));
            b.push(para(100, "完。"));
            b
        },
    };
    blocks.retain(|_| true);
    Document {
        meta: Metadata {
            title: Some("党员之友".into()),
            authors: vec!["孙绍骋".into()],
            language: "zh-CN".into(),
            publication: Some("党员之友".into()),
            issue: Some("2025·3".into()),
            ..Default::default()
        },
        articles: vec![
            front,
            Article {
                kind: ArticleKind::Article,
                blocks,
            },
            second,
        ],
        ..Default::default()
    }
}

/// Whether an external tool can run; under CI its absence is a failure.
pub fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("-v").output().is_ok();
    if !ok && std::env::var_os("CI").is_some() {
        panic!("{tool} is required under CI (apt-get install qpdf poppler-utils)");
    }
    if !ok {
        eprintln!("skipping: {tool} is not installed");
    }
    ok
}

pub fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn run(tool: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// The non-white-space characters a reader must get back: every block's
/// text and caption credits, furniture and milestones left out, and the
/// printed page a contents entry starts with.
pub fn model_chars(doc: &Document) -> Vec<char> {
    let mut out = Vec::new();
    for b in doc.blocks() {
        if matches!(b.kind, BlockKind::Furniture { .. }) {
            continue;
        }
        let text = b.text();
        // A contents entry's printed page before its title gives way to the
        // page number set at its end.
        let text = match &b.kind {
            BlockKind::TocEntry { page: Some(p) } => text
                .strip_prefix(p.trim())
                .filter(|rest| rest.starts_with([' ', '\u{3000}']))
                .unwrap_or(&text),
            _ => &text,
        };
        out.extend(text.chars().filter(|c| !c.is_whitespace()));
        if let BlockKind::Caption { credit } = &b.kind {
            out.extend(plain_text(credit).chars().filter(|c| !c.is_whitespace()));
        }
    }
    out
}

/// Where `want` stops being a subsequence of `got`: `None` when all of it
/// is there in order. Punctuation the PDF sets full-width (OCR's `,`
/// between CJK characters as `，`) counts as the source's.
pub fn first_missing(want: &[char], got: &str) -> Option<usize> {
    let fold = crate::support::fold_full_width;
    let mut it = got.chars().filter(|c| !c.is_whitespace()).map(fold);
    for (k, &c) in want.iter().enumerate() {
        let c = fold(c);
        if !it.any(|g| g == c) {
            return Some(k);
        }
    }
    None
}

/// Characters that may not begin a line, as the writer's kinsoku has them.
pub const NO_LINE_START: &str = "。．，、；：？！’”）］｝〕〉》」』】〗〙〛｠»›‐‑–～〜·・/／%％‰℃°′″…⋯.,;:?!)]}ーヽヾゝゞ々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";

/// Lines of `pdftotext -layout` output that start with a forbidden
/// character, unless a block of the document itself starts that way.
pub fn kinsoku_violations(doc: &Document, layout: &str) -> Vec<String> {
    let starts: Vec<String> = doc
        .blocks()
        .map(|b| b.text().split_whitespace().collect::<String>())
        .collect();
    layout
        .lines()
        .map(|l| l.trim_start_matches(['\u{c}', ' ']))
        .filter(|l| l.chars().next().is_some_and(|c| NO_LINE_START.contains(c)))
        .filter(|l| {
            let head: String = l
                .split_whitespace()
                .collect::<String>()
                .chars()
                .take(6)
                .collect();
            !starts.iter().any(|s| s.starts_with(&head))
        })
        .map(str::to_string)
        .collect()
}

pub fn write(
    doc: &Document,
    options: &reprint::write::pdf::PdfOptions,
    name: &str,
) -> (PathBuf, reprint::write::pdf::PdfReport) {
    let mut bytes = Vec::new();
    let report = doc
        .write_pdf_report(&mut bytes, options)
        .expect("pdf written");
    let path = out_dir().join(name);
    std::fs::write(&path, &bytes).unwrap();
    (path, report)
}

/// qpdf's check, and pdffonts' columns emb, sub and uni all `yes`.
pub fn check_pdf(path: &Path) {
    let p = path.to_str().unwrap();
    if have("qpdf") {
        let (ok, out) = run("qpdf", &["--check", p]);
        assert!(
            ok && out.contains("No syntax or stream encoding errors"),
            "qpdf --check {p}:\n{out}"
        );
    }
    if have("pdffonts") {
        let (ok, out) = run("pdffonts", &[p]);
        assert!(ok, "{out}");
        let rows: Vec<&str> = out.lines().skip(2).collect();
        assert!(!rows.is_empty(), "no fonts in {p}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert!(
                n >= 5 && cols[n - 5..n - 2] == ["yes", "yes", "yes"],
                "font not embedded, subset and mapped: {row}"
            );
        }
    }
}

/// pdftotext gives back every character of the model in order, and no line
/// of its `-layout` output starts with a mark kinsoku forbids there. Returns
/// both texts, or `None` when pdftotext is missing outside CI.
pub fn check_text(doc: &Document, path: &Path, name: &str) -> Option<(String, String)> {
    if !have("pdftotext") {
        return None;
    }
    let p = path.to_str().unwrap();
    let (_, text) = run("pdftotext", &[p, "-"]);
    let want = model_chars(doc);
    if let Some(k) = first_missing(&want, &text) {
        panic!(
            "{name}: model character {k} ({:?}) is missing; it starts {:?}",
            want[k],
            want[k..].iter().take(30).collect::<String>()
        );
    }
    let (_, layout) = run("pdftotext", &["-layout", p, "-"]);
    let bad = kinsoku_violations(doc, &layout);
    assert!(
        bad.is_empty(),
        "{name}: lines start with a forbidden mark:\n{}",
        bad.join("\n")
    );
    Some((text, layout))
}
