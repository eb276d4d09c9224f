//! The pdf writer on a hand-built document with every block kind and on the
//! fixtures, checked the way the field checks a PDF: qpdf, pdffonts,
//! pdftotext (text given back in order, kinsoku kept), and size.
#![cfg(feature = "pdf")]

mod pdf_support;
mod support;

use pdf_support::*;
use reprint::Document;
use reprint::model::*;
use reprint::write::pdf::{FontSource, PageSize, PdfOptions};

fn quiet() -> PdfOptions {
    PdfOptions::default().with_warnings(false)
}

#[test]
fn every_block_kind_is_set_and_given_back() {
    let doc = every_kind();
    let (path, report) = write(&doc, &quiet(), "every_kind.pdf");
    assert!(report.missing.is_empty(), "{:?}", report.missing);
    assert!(
        report.pages >= 4,
        "front, two articles, and the long one runs over: {} pages",
        report.pages
    );
    check_pdf(&path);
    if let Some((text, layout)) = check_text(&doc, &path, "every_kind") {
        for gone in ["9772096746254", "29\n\n29"] {
            assert!(
                !text.replace(' ', "").contains(gone),
                "furniture {gone:?} was set"
            );
        }
        assert!(
            text.contains("第二行“引号”（括号）《书名》。接着第三行，"),
            "marks read without gaps:\n{text}"
        );
        assert!(
            layout.contains("用 Rust 写 PDF") || layout.contains("用 Rust 写"),
            "quarter-em spacing reads as space:\n{layout}"
        );
        // As in the other formats for readers: letter-spaced names closed
        // up, OCR's ASCII punctuation between CJK characters full-width.
        for set in ["孙绍骋", "[责任编辑：杨佩佩]", "（上接"] {
            assert!(text.contains(set), "{set} is not set:\n{text}");
        }
        assert!(!text.contains("孙 绍 骋"), "{text}");
    }
}

#[test]
fn outline_is_nested_in_heading_order_and_metadata_is_set() {
    let (path, _) = write(&every_kind(), &quiet(), "outline.pdf");
    let lo = lopdf::Document::load(&path).unwrap();
    let catalog = lo.catalog().unwrap();
    let lang = catalog.get(b"Lang").unwrap().as_str().unwrap();
    assert_eq!(decode(lang), "zh-CN");
    let root = lo
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let tree = outline(&lo, root, 0);
    assert_eq!(
        tree,
        vec![
            (0, "西部大开发 新篇章".to_string()),
            (1, "一、总体要求".into()),
            (2, "（一）坚持创新".into()),
            (0, "第二篇文章".into()),
            (1, "二、长文".into()),
            (1, "三、结语".into()),
        ]
    );
    // The contents entry that names the first article prints its new page and links there.
    let first_page = lo.get_dictionary(lo.get_pages()[&1]).unwrap();
    let annots = first_page.get(b"Annots").unwrap().as_array().unwrap();
    assert_eq!(annots.len(), 1, "one entry names an article");
    if have("pdftotext") {
        let (_, text) = run(
            "pdftotext",
            &["-f", "1", "-l", "1", "-layout", path.to_str().unwrap(), "-"],
        );
        let line = text
            .lines()
            .find(|l| l.contains("西部大开发新篇章"))
            .unwrap_or_default()
            .to_string();
        assert!(
            line.trim_end().ends_with(" 2") && !line.contains("04"),
            "{line:?}"
        );
    }
    let info = lo
        .get_dictionary(lo.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    assert_eq!(
        decode(info.get(b"Title").unwrap().as_str().unwrap()),
        "党员之友"
    );
    assert_eq!(
        decode(info.get(b"Author").unwrap().as_str().unwrap()),
        "孙绍骋"
    );
}

fn decode(bytes: &[u8]) -> String {
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

fn outline(lo: &lopdf::Document, parent: &lopdf::Dictionary, depth: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut next = parent
        .get(b"First")
        .ok()
        .and_then(|o| o.as_reference().ok());
    while let Some(id) = next {
        let item = lo.get_dictionary(id).unwrap();
        out.push((depth, decode(item.get(b"Title").unwrap().as_str().unwrap())));
        out.extend(outline(lo, item, depth + 1));
        next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
    }
    out
}

#[test]
fn output_is_reproducible_with_source_date_epoch() {
    // SAFETY: set before any thread of this test reads it; other tests only
    // read it, and any value gives a valid PDF.
    unsafe { std::env::set_var("SOURCE_DATE_EPOCH", "1700000000") };
    let doc = every_kind();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    doc.write_pdf(&mut a, &quiet()).unwrap();
    doc.write_pdf(&mut b, &quiet()).unwrap();
    assert!(a == b, "two runs differ");
    let text = String::from_utf8_lossy(&a);
    assert!(
        text.contains("D:20231114221320"),
        "creation date from SOURCE_DATE_EPOCH"
    );
}

#[test]
fn characters_no_font_has_are_reported_with_their_place() {
    let mut doc = Document::default();
    doc.articles.push(Article {
        kind: ArticleKind::Article,
        blocks: vec![para(7, "私用区字符\u{E000}在此。"), para(8, "\u{10FFFD}")],
    });
    let (path, report) = write(&doc, &quiet().with_system_fonts(false), "missing.pdf");
    let found: Vec<(char, u32, usize)> = report
        .missing
        .iter()
        .map(|m| (m.ch, m.line, m.page))
        .collect();
    assert_eq!(found, vec![('\u{E000}', 7, 1), ('\u{10FFFD}', 8, 1)]);
    check_pdf(&path);
}

#[test]
fn odd_input_does_not_panic() {
    let long_word = "x".repeat(500);
    let dashes = "—".repeat(300);
    let marks = "。".repeat(200);
    let opens = "《".repeat(200);
    for text in [
        "",
        " ",
        "\u{3000}",
        "\t\r\u{c}",
        long_word.as_str(),
        dashes.as_str(),
        marks.as_str(),
        opens.as_str(),
        "a\u{301}\u{200d}\u{fe0f}",
    ] {
        let mut doc = Document::default();
        doc.articles.push(Article {
            kind: ArticleKind::Article,
            blocks: vec![
                block(BlockKind::Title, vec![span(1, text)]),
                para(2, text),
                block(BlockKind::Sidebar { items: vec![] }, vec![]),
            ],
        });
        doc.articles.push(Article::default());
        let mut out = Vec::new();
        doc.write_pdf(&mut out, &quiet().with_system_fonts(false))
            .unwrap();
        assert!(out.starts_with(b"%PDF-"));
    }
    let mut out = Vec::new();
    Document::default().write_pdf(&mut out, &quiet()).unwrap();
    let bad = quiet().with_page(PageSize::Custom {
        width_mm: 10.0,
        height_mm: f32::NAN,
    });
    assert!(
        Document::default()
            .write_pdf(&mut Vec::new(), &bad)
            .is_err()
    );
    let missing_font = quiet().with_font(FontSource::from_spec("/nonexistent/font.ttc:2"));
    assert!(
        Document::default()
            .write_pdf(&mut Vec::new(), &missing_font)
            .is_err()
    );
}

#[test]
fn a_user_font_from_a_collection_is_used() {
    let ttc = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    if !std::path::Path::new(ttc).exists() {
        eprintln!("skipping: {ttc} not installed");
        return;
    }
    let options = quiet()
        .with_font(FontSource::from_spec(&format!("{ttc}:2")))
        .with_page(PageSize::A4);
    let (path, report) = write(&every_kind(), &options, "user_font.pdf");
    assert!(report.missing.is_empty());
    check_pdf(&path);
    if have("pdffonts") {
        let (_, out) = run("pdffonts", &[path.to_str().unwrap()]);
        assert!(out.contains("NotoSansCJKsc-Regular"), "{out}");
    }
}

#[test]
fn fixtures_validate_give_their_text_back_and_keep_kinsoku() {
    let mut largest = (0u64, 0usize);
    let mut dir: Vec<_> = std::fs::read_dir("fixtures/seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dir.sort();
    for input in dir {
        let bytes = std::fs::read(&input).unwrap();
        let name = input.file_stem().unwrap().to_string_lossy().into_owned();
        let doc = reprint::parse_bytes(
            &bytes,
            &reprint::Options::default().with_file_name(name.clone()),
        )
        .unwrap();
        let (path, report) = write(&doc, &quiet(), &format!("{name}.pdf"));
        assert!(report.missing.is_empty(), "{name}: {:?}", report.missing);
        let size = std::fs::metadata(&path).unwrap().len();
        eprintln!("{name}: {} pages, {size} bytes", report.pages);
        if bytes.len() > largest.1 {
            largest = (size, bytes.len());
        }
        check_pdf(&path);
        if check_text(&doc, &path, &name).is_some() {
            // The figures of docs/pdf.md's table.
            eprintln!(
                "{name}: all {} model characters back",
                model_chars(&doc).len()
            );
        }
    }
    assert!(
        largest.0 < 1_000_000,
        "the largest fixture's PDF is {} bytes",
        largest.0
    );
}

/// A contents page: entries that print their printed page first
/// (`04 西部大开发新篇章`), a section's name, a long entry ending in names.
fn contents_doc() -> Document {
    let entry = |line: u32, page: &str, text: &str| {
        block(
            BlockKind::TocEntry {
                page: Some(page.into()),
            },
            vec![span(line, text)],
        )
    };
    let long = "社区“小食堂”撬动居民“大民生”的探索与实践之路在新时代的新疆各地生根发芽";
    let article = |title: &str, line: u32| Article {
        kind: ArticleKind::Article,
        blocks: vec![
            block(BlockKind::Title, vec![span(line, title)]),
            para(
                line + 1,
                "推动区域协调发展，是解决发展不平衡不充分问题的重要途径。",
            ),
        ],
    };
    Document {
        meta: Metadata {
            title: Some("党员之友".into()),
            language: "zh-CN".into(),
            ..Default::default()
        },
        articles: vec![
            Article {
                kind: ArticleKind::Front,
                blocks: vec![
                    block(BlockKind::Title, vec![span(1, "目录")]),
                    entry(2, "04", "04 西部大开发新篇章 孙绍骋"),
                    block(
                        BlockKind::TocEntry { page: None },
                        vec![span(3, "工作交流")],
                    ),
                    entry(4, "25", &format!("25 {long} 严 博 丁义杰 徐玲玲")),
                ],
            },
            article("西部大开发新篇章", 10),
            article(long, 20),
        ],
        ..Default::default()
    }
}

/// The lines of one page as pdftotext's `-bbox-layout` gives them: text
/// (words joined by spaces), left edge, top and bottom, in points.
fn bbox_lines(path: &std::path::Path, page: usize) -> Vec<(String, f32, f32, f32)> {
    let p = page.to_string();
    let (_, out) = run(
        "pdftotext",
        &[
            "-bbox-layout",
            "-f",
            &p,
            "-l",
            &p,
            path.to_str().unwrap(),
            "-",
        ],
    );
    let xml = roxmltree::Document::parse_with_options(
        &out,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("bbox output is XHTML");
    let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f32>().unwrap();
    let mut words: Vec<(String, f32, f32, f32)> = xml
        .descendants()
        .filter(|n| n.has_tag_name("word"))
        .map(|w| {
            (
                w.text().unwrap_or_default().to_string(),
                num(w, "xMin"),
                num(w, "yMin"),
                num(w, "yMax"),
            )
        })
        .collect();
    // Words of one baseline make a line, left to right (pdftotext puts a
    // number set apart on the right into a line of its own).
    words.sort_by(|a, b| {
        ((a.2 / 3.0).round(), a.1)
            .partial_cmp(&((b.2 / 3.0).round(), b.1))
            .unwrap()
    });
    let mut lines: Vec<(String, f32, f32, f32)> = Vec::new();
    for w in words {
        match lines.last_mut() {
            Some(l) if (l.2 - w.2).abs() < 2.0 => {
                l.0.push(' ');
                l.0.push_str(&w.0);
            }
            _ => lines.push(w),
        }
    }
    lines
}

#[test]
fn contents_entries_print_one_page_link_hang_and_keep_names_whole() {
    let doc = contents_doc();
    let (path, _) = write(&doc, &quiet(), "contents.pdf");
    check_pdf(&path);
    let lo = lopdf::Document::load(&path).unwrap();
    let first_page = lo.get_dictionary(lo.get_pages()[&1]).unwrap();
    let annots = first_page.get(b"Annots").unwrap().as_array().unwrap();
    assert_eq!(
        annots.len(),
        2,
        "both entries that name an article link to it"
    );
    if !have("pdftotext") {
        return;
    }
    let lines = bbox_lines(&path, 1);
    let texts: Vec<&str> = lines.iter().map(|l| l.0.as_str()).collect();
    // One page number per entry, the PDF's, at the end: the printed ones are gone.
    let west = lines
        .iter()
        .position(|l| l.0.contains("西部大开发新篇章"))
        .unwrap_or_else(|| panic!("{texts:?}"));
    assert!(
        !lines[west].0.starts_with("04") && lines[west].0.ends_with(" 2"),
        "{:?}",
        lines[west].0
    );
    let long = lines
        .iter()
        .position(|l| l.0.starts_with("社区"))
        .unwrap_or_else(|| panic!("the printed 25 is gone: {texts:?}"));
    let digits = |s: &str| s.split(' ').filter(|w| w.parse::<u32>().is_ok()).count();
    assert_eq!(
        digits(&lines[long].0) + digits(&lines[long + 1].0),
        1,
        "{texts:?}"
    );
    assert!(lines[long + 1].0.ends_with(" 3"), "{texts:?}");
    // Wrapped lines hang: the second line starts an em right of the first.
    assert!(
        lines[long + 1].1 > lines[long].1 + 8.0,
        "the second line is not hung: {:?} then {:?}",
        lines[long],
        lines[long + 1]
    );
    // Names stay whole on one line, a letter-spaced one too.
    for name in ["丁义杰", "徐玲玲", "孙绍骋"] {
        assert!(
            texts.iter().any(|t| t.replace(' ', "").contains(name)),
            "{name} is split: {texts:?}"
        );
    }
    assert!(
        texts
            .iter()
            .any(|t| t.contains("严 博") || t.contains("严博")),
        "{texts:?}"
    );
    // The section's name is set apart: more space above it than between entries' lines.
    let label = texts.iter().position(|t| *t == "工作交流").unwrap();
    let gap_above = lines[label].2 - lines[label - 1].3;
    let gap_within = lines[long + 1].2 - lines[long].3;
    assert!(
        gap_above > 2.0 * gap_within,
        "{gap_above} above the label, {gap_within} between lines"
    );
}

/// Issue 19: a contents entry whose title opens with a quote
/// (`28 “靶向”发力建强人才队伍`, fixture 002) printed the magazine's page
/// before it as well as the PDF's after it.
#[test]
fn a_printed_page_before_a_quoted_title_is_dropped() {
    let title = "“靶向”发力建强人才队伍";
    let doc = Document {
        meta: Metadata {
            language: "zh-CN".into(),
            ..Default::default()
        },
        articles: vec![
            Article {
                kind: ArticleKind::Front,
                blocks: vec![block(
                    BlockKind::TocEntry {
                        page: Some("28".into()),
                    },
                    vec![span(2, &format!("28 {title} 崔春雷"))],
                )],
            },
            Article {
                kind: ArticleKind::Article,
                blocks: vec![
                    block(BlockKind::Title, vec![span(10, title)]),
                    para(
                        11,
                        "推动区域协调发展，是解决发展不平衡不充分问题的重要途径。",
                    ),
                ],
            },
        ],
        ..Default::default()
    };
    let (path, _) = write(&doc, &quiet(), "quoted-contents.pdf");
    if !have("pdftotext") {
        return;
    }
    let lines = bbox_lines(&path, 1);
    let entry = lines
        .iter()
        .map(|l| l.0.replace(' ', ""))
        .find(|t| t.contains("靶向"))
        .unwrap_or_else(|| panic!("{lines:?}"));
    assert!(
        entry.starts_with("“靶向”") && entry.ends_with('2'),
        "{entry}"
    );
}

#[test]
fn a_two_em_dash_in_a_heading_is_one_rule() {
    let mut doc = Document::default();
    doc.articles.push(Article {
        kind: ArticleKind::Article,
        blocks: vec![
            block(
                BlockKind::Heading { level: 2 },
                vec![span(1, "天舟——货运飞船")],
            ),
            para(2, "满载人间的温暖与期盼，穿梭于星辰之间。"),
        ],
    });
    let (path, _) = write(&doc, &quiet(), "dash.pdf");
    check_pdf(&path);
    let lo = lopdf::Document::load(&path).unwrap();
    let page = lo.get_pages()[&1];
    let content = lopdf::content::Content::decode(&lo.get_page_content(page)).unwrap();
    // Filled rectangles (`x y w h re` then `f`), width and height in points.
    let mut filled = Vec::new();
    for pair in content.operations.windows(2) {
        if pair[0].operator == "re" && pair[1].operator == "f" {
            let n: Vec<f32> = pair[0]
                .operands
                .iter()
                .map(|o| o.as_float().unwrap())
                .collect();
            filled.push((n[2], n[3]));
        }
    }
    let size = 10.5 * 1.3;
    assert!(
        filled
            .iter()
            .any(|&(w, h)| w > 1.6 * size && w <= 2.0 * size && h > 0.0 && h < 0.15 * size),
        "no rule two ems long over the dashes: {filled:?}"
    );
    if have("pdftotext") {
        let (_, text) = run("pdftotext", &[path.to_str().unwrap(), "-"]);
        assert!(text.contains("天舟——货运飞船"), "{text}");
    }
}
