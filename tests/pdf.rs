//! The pdf writer on a hand-built document with every block kind and on the
//! fixtures, checked the way the field checks a PDF: qpdf, pdffonts,
//! pdftotext (text given back in order, kinsoku kept), and size.
#![cfg(feature = "pdf")]

mod pdf_support;

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
        check_text(&doc, &path, &name);
    }
    assert!(
        largest.0 < 1_000_000,
        "the largest fixture's PDF is {} bytes",
        largest.0
    );
}
