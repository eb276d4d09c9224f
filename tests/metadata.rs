//! Metadata end to end: what the parser finds in the text (title, author,
//! date, source, language) reaches every writer, and the one override path,
//! setting `Document::meta`, replaces it in every writer (`convert --title
//! --author --lang --date --publication` take this path).

use reprint::Document;
use reprint::model::Metadata;

const TEXT: &str = "山区小学有了新图书馆\n\n本报记者　王小明\n\n（2025年1月17日）\n\n\
新学期开始的时候，山区小学的孩子们走进了一间明亮的新图书馆。书架上摆满了\n捐赠来的图画书和科普读物，老师们说，这是学校多年来的心愿。\n\n据新华社\n";

fn found() -> Document {
    let doc = reprint::parse(TEXT, &reprint::Options::default()).unwrap();
    let m = &doc.meta;
    assert_eq!(m.title.as_deref(), Some("山区小学有了新图书馆"));
    assert_eq!(m.authors, ["王小明"]);
    assert_eq!(m.date.as_deref(), Some("2025年1月17日"));
    assert_eq!(m.sources, ["据新华社"]);
    assert_eq!(m.language, "zh-CN");
    doc
}

/// The same document with every field a user can give replaced.
fn overridden() -> Document {
    let mut doc = found();
    doc.meta = Metadata {
        title: Some("新书名".into()),
        authors: vec!["李四".into(), "张三".into()],
        date: Some("2024-12-05".into()),
        publication: Some("某某日报".into()),
        language: "zh-TW".into(),
        ..doc.meta
    };
    doc
}

fn assert_all(what: &str, text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "{what} lacks {n}\n{text}");
    }
}

#[cfg(feature = "epub")]
#[test]
fn epub_package_metadata() {
    use reprint::write::epub::EpubOptions;
    use std::io::Read;
    let opf = |doc: &Document| {
        let mut book = Vec::new();
        doc.write_epub(&mut book, &EpubOptions::default()).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
        let mut s = String::new();
        zip.by_name("OEBPS/content.opf")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    assert_all(
        "found OPF",
        &opf(&found()),
        &[
            "<dc:title>山区小学有了新图书馆</dc:title>",
            ">王小明</dc:creator>",
            ">zh-CN</dc:language>",
            "<dc:date>2025-01-17</dc:date>",
            "<dc:source>据新华社</dc:source>",
        ],
    );
    assert_all(
        "overridden OPF",
        &opf(&overridden()),
        &[
            "<dc:title>新书名</dc:title>",
            ">李四</dc:creator>",
            ">张三</dc:creator>",
            ">zh-TW</dc:language>",
            "<dc:date>2024-12-05</dc:date>",
            "<dc:source>某某日报</dc:source>",
        ],
    );
}

#[cfg(feature = "tei")]
#[test]
fn tei_header() {
    let tei = |doc: &Document| {
        let mut out = Vec::new();
        doc.write_tei(&mut out, &reprint::write::tei::TeiOptions::default())
            .unwrap();
        String::from_utf8(out).unwrap()
    };
    assert_all(
        "found TEI",
        &tei(&found()),
        &[
            "<title type=\"main\">山区小学有了新图书馆</title>",
            "<author>王小明</author>",
            "<date when=\"2025-01-17\">2025年1月17日</date>",
            "xml:lang=\"zh-CN\"",
            "<language ident=\"zh-CN\"",
        ],
    );
    assert_all(
        "overridden TEI",
        &tei(&overridden()),
        &[
            "<title type=\"main\">新书名</title>",
            "<author>李四</author>",
            "<author>张三</author>",
            "<date when=\"2024-12-05\">2024-12-05</date>",
            "<title level=\"j\">某某日报</title>",
            "<language ident=\"zh-TW\"",
        ],
    );
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_document_information() {
    let info = |doc: &Document| {
        let mut out = Vec::new();
        let options = reprint::write::pdf::PdfOptions::default().with_warnings(false);
        doc.write_pdf(&mut out, &options).unwrap();
        let lo = lopdf::Document::load_mem(&out).unwrap();
        let dict = lo
            .get_dictionary(lo.trailer.get(b"Info").unwrap().as_reference().unwrap())
            .unwrap();
        let get = |d: &lopdf::Dictionary, k: &[u8]| {
            d.get(k)
                .ok()
                .and_then(|o| o.as_str().ok())
                .map(decode)
                .unwrap_or_default()
        };
        let lang = get(lo.catalog().unwrap(), b"Lang");
        (
            get(dict, b"Title"),
            get(dict, b"Author"),
            get(dict, b"Subject"),
            lang,
        )
    };
    assert_eq!(
        info(&found()),
        (
            "山区小学有了新图书馆".into(),
            "王小明".into(),
            String::new(),
            "zh-CN".into()
        )
    );
    assert_eq!(
        info(&overridden()),
        (
            "新书名".into(),
            "李四、张三".into(),
            "某某日报".into(),
            "zh-TW".into()
        )
    );
}

#[cfg(feature = "pdf")]
fn decode(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(be) => String::from_utf16_lossy(
            &be.chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        ),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[cfg(feature = "html")]
#[test]
fn html_head_and_header() {
    use reprint::write::html::HtmlOptions;
    let page = |doc: &Document, o: &HtmlOptions| {
        let mut out = Vec::new();
        doc.write_html(&mut out, o).unwrap();
        String::from_utf8(out).unwrap()
    };
    let found_page = page(&found(), &HtmlOptions::default());
    assert_all(
        "found HTML",
        &found_page,
        &[
            "lang=\"zh-CN\"",
            "<title>山区小学有了新图书馆</title>",
            "<meta name=\"author\" content=\"王小明\"/>",
            "<meta name=\"dcterms.date\" content=\"2025-01-17\"/>",
        ],
    );
    assert!(
        !found_page.contains("<header"),
        "the article's own title names the page"
    );
    let wanted = [
        "lang=\"zh-TW\"",
        "<title>新书名</title>",
        "<meta name=\"author\" content=\"李四\"/>",
        "<meta name=\"dcterms.date\" content=\"2024-12-05\"/>",
        "<p class=\"doc-title\">新书名</p>",
        "<p class=\"doc-publication\">某某日报</p>",
    ];
    assert_all(
        "overridden HTML",
        &page(&overridden(), &HtmlOptions::default()),
        &wanted,
    );
    // The writer's options are the same override, for one output only.
    let options = HtmlOptions::default().with_metadata(Metadata {
        language: String::new(),
        ..overridden().meta
    });
    assert_all("HTML with options", &page(&found(), &options), &wanted[1..]);
}

#[cfg(feature = "markdown")]
#[test]
fn markdown_front_matter() {
    use reprint::write::markdown::MarkdownOptions;
    let md = |doc: &Document, o: &MarkdownOptions| {
        let mut out = Vec::new();
        doc.write_markdown(&mut out, o).unwrap();
        String::from_utf8(out).unwrap()
    };
    let yaml = MarkdownOptions::default().with_front_matter(true);
    assert!(md(&found(), &yaml).starts_with(
        "---\ntitle: \"山区小学有了新图书馆\"\ndate: \"2025年1月17日\"\nauthor:\n  - \"王小明\"\nlang: \"zh-CN\"\n---\n\n# 山区小学有了新图书馆\n"
    ));
    let wanted = "---\ntitle: \"新书名\"\ndate: \"2024-12-05\"\npublication: \"某某日报\"\nauthor:\n  - \"李四\"\n  - \"张三\"\nlang: \"zh-TW\"\n---\n";
    assert!(
        md(&overridden(), &yaml).starts_with(wanted),
        "{}",
        md(&overridden(), &yaml)
    );
    assert!(md(&found(), &yaml.clone().with_metadata(overridden().meta)).starts_with(wanted));
    assert!(
        !md(&overridden(), &MarkdownOptions::default()).contains("新书名"),
        "without front matter Markdown shows the text's own title"
    );
}

fn seed(prefix: &str) -> Document {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    reprint::parse_file(&path, &reprint::Options::default()).unwrap()
}

/// A magazine and a compilation: the whole is not named after its first
/// article nor written by its articles' authors; their notes and dates are
/// theirs. The magazine's masthead and issue name and date it.
#[test]
fn a_collection_is_not_its_articles() {
    let magazine = seed("002").meta;
    assert_eq!(magazine.title.as_deref(), Some("党员之友 2025·3 总第344期"));
    assert_eq!(magazine.publication.as_deref(), Some("党员之友"));
    assert!(magazine.authors.is_empty(), "{:?}", magazine.authors);
    assert!(magazine.sources.is_empty(), "{:?}", magazine.sources);
    // The issue 2025·3 dates it; 3月6日, a day without its year, does not.
    assert_eq!(magazine.date.as_deref(), Some("2025-03"));
    let compilation = seed("004").meta;
    assert_eq!(
        compilation.title, None,
        "no masthead: the user gives the title"
    );
    assert!(compilation.authors.is_empty(), "{:?}", compilation.authors);
    assert_eq!(compilation.date, None);
    // One document without a title line is named by its first heading, not its file.
    let report = seed("000").meta;
    assert_eq!(
        report.title.as_deref(),
        Some("（二）坚持以制度建设为主线，用机制保障规范运行")
    );
}

/// In one text, a note of who compiled it is no source, and a day without
/// its year is no date.
#[test]
fn notes_that_are_not_sources_or_dates() {
    let text = TEXT
        .replace("（2025年1月17日）", "3月6日")
        .replace("据新华社", "（贾佳整理）\n\n[责任编辑:杨佩佩]\n\n据新华社");
    let m = reprint::parse(&text, &reprint::Options::default())
        .unwrap()
        .meta;
    assert_eq!(m.sources, ["据新华社"]);
    assert_eq!(m.date, None);
    assert_eq!(m.authors, ["王小明"]);
}

/// The EPUB and the PDF read the model: a compilation without a masthead is
/// named by its file, with no article's authors as its creators; the PDF
/// says nothing empty (no PDF/X claim, no empty author or keywords).
#[cfg(all(feature = "epub", feature = "pdf"))]
#[test]
fn books_read_the_collection_metadata_from_the_model() {
    use reprint::write::epub::EpubOptions;
    use std::io::Read;
    let doc = seed("004");
    let mut book = Vec::new();
    doc.write_epub(&mut book, &EpubOptions::default()).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut opf = String::new();
    zip.by_name("OEBPS/content.opf")
        .unwrap()
        .read_to_string(&mut opf)
        .unwrap();
    assert!(
        opf.contains("<dc:title>004_4e3ec80c6fe38783</dc:title>"),
        "{opf}"
    );
    assert!(!opf.contains("dc:creator"), "{opf}");
    assert!(!opf.contains("中共中央政治局召开民主生活会</dc:title>"));
    let magazine = seed("002");
    let mut out = Vec::new();
    magazine
        .write_pdf(
            &mut out,
            &reprint::write::pdf::PdfOptions::default().with_warnings(false),
        )
        .unwrap();
    let lo = lopdf::Document::load_mem(&out).unwrap();
    let info = lo
        .get_dictionary(lo.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    for gone in [&b"GTS_PDFXVersion"[..], b"Author", b"Keywords"] {
        assert!(
            info.get(gone).is_err(),
            "{} in the PDF info",
            String::from_utf8_lossy(gone)
        );
    }
    assert_eq!(
        decode(info.get(b"Title").unwrap().as_str().unwrap()),
        "党员之友 2025·3 总第344期"
    );
}

/// The TEI header of a Chinese text is in Chinese, with its English parts
/// marked; the publication statement is structured; a date has @when; a
/// second title line is a subtitle.
#[cfg(feature = "tei")]
#[test]
fn tei_header_of_a_magazine() {
    let doc = seed("002");
    let mut out = Vec::new();
    doc.write_tei(&mut out, &reprint::write::tei::TeiOptions::default())
        .unwrap();
    let tei = String::from_utf8(out).unwrap();
    assert_all(
        "002 TEI",
        &tei,
        &[
            "<teiHeader xml:lang=\"zh-CN\">",
            "<publicationStmt xml:lang=\"en\">\n        <distributor>",
            "<availability status=\"unknown\">",
            "<date when=\"2025-03\">",
            "<encodingDesc xml:lang=\"en\">",
        ],
    );
    assert!(!tei.contains("<teiHeader xml:lang=\"en\">"));
    // No division has two main titles.
    let x = roxmltree::Document::parse(&tei).unwrap();
    for div in x.descendants().filter(|n| n.has_tag_name("div")) {
        let mains = div
            .children()
            .filter(|c| c.has_tag_name("head") && c.attribute("type") == Some("main"))
            .count();
        assert!(mains <= 1, "{mains} main heads in one div");
    }
}
