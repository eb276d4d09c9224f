//! The epub writer on a hand-built document holding every block kind, on the
//! fixtures, and under EPUBCheck 5.
#![cfg(feature = "epub")]

mod epub_support;
mod support;

use epub_support::*;
use reprint::model::*;
use reprint::write::epub::{Cover, EpubOptions};
use reprint::{Document, Error};
use std::collections::BTreeMap;

#[test]
fn every_block_kind_gets_its_markup() {
    let files = unzip(&epub(&every_kind(), &EpubOptions::default()));
    let text = xhtml_of(&files, "a002.xhtml");
    for needle in [
        "<h1 class=\"title\">西部大开发<br/>新篇章</h1>",
        "<p class=\"subtitle\">——元旦献词</p>",
        "<p class=\"byline\"><span class=\"author\">孙绍骋</span>\u{3000}<span class=\"author\">杨羊</span></p>",
        "<section class=\"level2\">\n<h2 id=\"h1\">一、总体要求</h2>",
        "<section class=\"level3\">\n<h3 id=\"h2\">（一）坚持创新</h3>",
        "<p>第一段的第一行，第二行<span class=\"pagebreak\" id=\"pg1\" epub:type=\"pagebreak\" role=\"doc-pagebreak\" aria-label=\"29\"></span>接着第三行。</p>",
        "<figure class=\"caption\">\n<figcaption><span class=\"desc\">G3012线喀什疏勒高速公路。</span><br/><small class=\"credit\">□新华社记者\u{3000}燕雁/摄</small></figcaption>",
        "<p class=\"note source\">据新华社</p>",
        // OCR's ASCII punctuation between CJK characters is set full-width.
        "<p class=\"note editor\">[责任编辑：杨佩佩]</p>",
        "<p class=\"note affiliation\">",
        "<p class=\"note continuation\">（上接1版）</p>",
        "<p class=\"note date\">",
        "<p class=\"note column\">",
        "<p class=\"note other\">",
        "<aside class=\"sidebar\">\n<p class=\"lead\">习近平强调——</p>\n<ul class=\"list\">\n<li class=\"bullet\">要坚持把发展特色优势产业作为主攻方向。</li>",
        "<li class=\"plain\">——提升西部地区科技创新能力</li>",
        "<div class=\"pagebreak\" id=\"pg2\" epub:type=\"pagebreak\" role=\"doc-pagebreak\" aria-label=\"30\"></div>",
        "<p>English words stay apart.</p>",
    ] {
        assert!(text.contains(needle), "a002.xhtml lacks {needle}\n\n{text}");
    }
    for gone in ["人民日报 2025年", "9 772096", "\u{c}"] {
        assert!(!text.contains(gone), "a002.xhtml keeps {gone:?}");
    }
    let front = xhtml_of(&files, "a001.xhtml");
    assert!(front.contains("<nav class=\"source-toc\""), "{front}");
    assert!(front.contains("<li class=\"toc-entry\"><span class=\"toc-page\">01</span><a href=\"a002.xhtml\">西部大开发新篇章"), "{front}");
    assert!(
        front.contains("<p class=\"front\">总第344期</p>"),
        "{front}"
    );
    let nav = xhtml_of(&files, "nav.xhtml");
    assert!(nav.contains("<li><a href=\"a002.xhtml#h1\">一、总体要求</a>\n<ol>\n<li><a href=\"a002.xhtml#h2\">（一）坚持创新</a></li>"), "{nav}");
    assert!(nav.contains("<nav epub:type=\"page-list\""), "{nav}");
    assert!(
        nav.contains(
            "<li><a href=\"a002.xhtml#pg1\">29</a></li>\n<li><a href=\"a002.xhtml#pg2\">30</a></li>"
        ),
        "{nav}"
    );
    for landmark in [
        "titlepage",
        "bodymatter\" href=\"a002.xhtml",
        "toc\" href=\"nav.xhtml#toc",
    ] {
        assert!(
            nav.contains(&format!("epub:type=\"{landmark}")),
            "no landmark {landmark}"
        );
    }
    let title = xhtml_of(&files, "title.xhtml");
    assert!(
        title.contains("西部大开发\u{3000}新篇章")
            && title.contains("孙绍骋")
            && title.contains("党员之友")
            && title.contains("ISSN 2096-7462"),
        "{title}"
    );
    all_well_formed(&files);
    every_link_resolves(&files);
}

#[test]
fn metadata_comes_from_the_text_and_the_options_override_it() {
    let doc = every_kind();
    let opf = text_of(
        &unzip(&epub(&doc, &EpubOptions::default())),
        "OEBPS/content.opf",
    );
    for needle in [
        "<dc:title>西部大开发\u{3000}新篇章</dc:title>",
        "<dc:creator id=\"epub-creator-0\">孙绍骋</dc:creator>",
        "<dc:language id=\"epub-language-0\">zh-CN</dc:language>",
        "<dc:source>党员之友\u{3000}2025·3</dc:source>",
        "<dc:source>urn:issn:2096-7462</dc:source>",
        "<dc:date>2025-01-17</dc:date>",
        "2000-01-01T00:00:00Z",
        "urn:uuid:",
    ] {
        assert!(opf.contains(needle), "opf lacks {needle}\n{opf}");
    }
    let options = EpubOptions::default()
        .with_title("书名")
        .with_subtitle("副题")
        .with_author("作者甲")
        .with_language("zh-TW")
        .with_date("2024-12")
        .with_source("某报")
        .with_identifier("urn:uuid:12345678-1234-5678-1234-567812345678")
        .with_modified(1_700_000_000);
    let opf = text_of(&unzip(&epub(&doc, &options)), "OEBPS/content.opf");
    for needle in [
        "<dc:title>书名</dc:title>",
        "<dc:title id=\"subtitle\">副题</dc:title>",
        ">作者甲</dc:creator>",
        ">zh-TW</dc:language>",
        "<dc:date>2024-12</dc:date>",
        "<dc:source>某报</dc:source>",
        "urn:uuid:12345678-1234-5678-1234-567812345678",
        "2023-11-14T22:13:20Z",
    ] {
        assert!(opf.contains(needle), "opf lacks {needle}\n{opf}");
    }
    for bad in [
        EpubOptions::default().with_language("中文"),
        EpubOptions::default().with_date("昨天"),
        EpubOptions::default().with_identifier("book-1"),
    ] {
        let mut out = Vec::new();
        assert!(
            matches!(
                doc.write_epub(&mut out, &bad),
                Err(Error::InvalidOption { .. })
            ),
            "{bad:?} accepted"
        );
    }
    assert!(matches!(
        Cover::new(b"not an image".to_vec()),
        Err(Error::InvalidOption { .. })
    ));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let doc = every_kind();
    let a = epub(&doc, &EpubOptions::default());
    assert_eq!(a, epub(&doc, &EpubOptions::default()));
    assert_ne!(
        a,
        epub(&doc, &EpubOptions::default().with_modified(1_700_000_000))
    );
    let mut other = doc.clone();
    other.articles[1].blocks.push(para(&["多了一段。"], 99));
    let id = |d: &Document| {
        let opf = text_of(
            &unzip(&epub(d, &EpubOptions::default())),
            "OEBPS/content.opf",
        );
        opf.split("urn:uuid:").nth(1).map(|s| s[..36].to_string())
    };
    assert_eq!(id(&doc), id(&doc.clone()));
    assert_ne!(id(&doc), id(&other));
}

#[test]
fn no_stray_spaces_between_cjk_characters() {
    let (mut books, unparsed) = fixture_books();
    books.push((
        "every_kind".to_string(),
        epub(&every_kind(), &EpubOptions::default()),
    ));
    for (name, book) in books {
        for (file, bytes) in unzip(&book) {
            if !file.ends_with(".xhtml") {
                continue;
            }
            let text = String::from_utf8(bytes).unwrap();
            let doc = parse_xml(&text).unwrap();
            for node in doc.descendants().filter(|n| n.is_text()) {
                let chars: Vec<char> = node.text().unwrap_or("").chars().collect();
                for w in chars.windows(3) {
                    let stray = is_cjk(w[0])
                        && is_cjk(w[2])
                        && (w[1] == ' ' || w[1] == '\u{a0}' || w[1] == '\t');
                    assert!(!stray, "{name} {file}: stray space in {:?}", node.text());
                }
            }
        }
    }
    assert!(unparsed.is_empty(), "{unparsed:?}");
}

#[test]
fn hostile_documents_give_valid_books() {
    let mut rng = Lcg(7);
    for round in 0..40 {
        let doc = random_document(&mut rng, round);
        let files = unzip(&epub(&doc, &EpubOptions::default()));
        all_well_formed(&files);
        every_link_resolves(&files);
    }
    let mut deep = Block::new(BlockKind::Paragraph, vec![span("最里面", 1)]);
    for _ in 0..200 {
        deep = Block::new(
            BlockKind::Sidebar { items: vec![deep] },
            vec![span("一层", 1)],
        );
    }
    let doc = Document {
        articles: vec![Article {
            kind: ArticleKind::Article,
            blocks: vec![deep],
        }],
        ..Default::default()
    };
    let files = unzip(&epub(&doc, &EpubOptions::default()));
    assert!(xhtml_of(&files, "a001.xhtml").contains("最里面"));
    all_well_formed(&files);
}

#[test]
fn long_articles_are_split_and_navigation_follows() {
    let mut blocks = vec![title("长文", 1)];
    for h in 0..12 {
        blocks.push(Block::new(
            BlockKind::Heading { level: 2 },
            vec![span(&format!("第{h}节"), 2)],
        ));
        for _ in 0..40 {
            blocks.push(para(
                &["这是一段很长的正文，用来把文件撑大。".repeat(10).as_str()],
                3,
            ));
        }
    }
    let doc = Document {
        articles: vec![Article {
            kind: ArticleKind::Article,
            blocks,
        }],
        ..Default::default()
    };
    let files = unzip(&epub(&doc, &EpubOptions::default()));
    let parts: Vec<&String> = files
        .keys()
        .filter(|f| f.starts_with("OEBPS/a001"))
        .collect();
    assert!(parts.len() > 2, "{parts:?}");
    assert!(xhtml_of(&files, "nav.xhtml").contains("a001-2.xhtml#h"));
    every_link_resolves(&files);
}

#[test]
fn book_options_shape_the_package() {
    let doc = every_kind();
    let plain = unzip(&epub(&doc, &EpubOptions::default()));
    let options = EpubOptions::default()
        .with_title_page(false)
        .with_toc_depth(1)
        .with_split_level(2)
        .with_vertical(true)
        .with_css("p { margin: 0; }");
    let files = unzip(&epub(&doc, &options));
    all_well_formed(&files);
    every_link_resolves(&files);
    let opf = text_of(&files, "OEBPS/content.opf");
    assert!(
        !files.contains_key("OEBPS/title.xhtml") && !opf.contains("title.xhtml"),
        "{opf}"
    );
    assert!(
        opf.contains("<itemref idref=\"nav\"/>")
            && opf.contains("page-progression-direction=\"rtl\""),
        "{opf}"
    );
    let css = text_of(&files, "OEBPS/stylesheet.css");
    assert!(
        css.contains("writing-mode: vertical-rl") && css.trim_end().ends_with("p { margin: 0; }")
    );
    let nav = xhtml_of(&files, "nav.xhtml");
    assert!(!nav.contains("#h"), "depth 1 lists articles only: {nav}");
    assert!(xhtml_of(&plain, "nav.xhtml").contains("#h"));
    let count =
        |f: &BTreeMap<String, Vec<u8>>| f.keys().filter(|k| k.starts_with("OEBPS/a0")).count();
    assert!(
        count(&files) > count(&plain),
        "split at level-2 headings: {} vs {}",
        count(&files),
        count(&plain)
    );
    // An empty book keeps its title page: the contents needs one entry.
    let empty = unzip(&epub(
        &Document::default(),
        &EpubOptions::default().with_title_page(false),
    ));
    assert!(empty.contains_key("OEBPS/title.xhtml"));
}

#[test]
fn empty_document_gives_a_valid_book() {
    let files = unzip(&epub(&Document::default(), &EpubOptions::default()));
    assert!(xhtml_of(&files, "nav.xhtml").contains("<a href=\"title.xhtml\">"));
    all_well_formed(&files);
}

#[test]
fn epubcheck_reports_nothing() {
    let Some(jar) = epubcheck_jar() else { return };
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("epubcheck");
    std::fs::create_dir_all(&dir).unwrap();
    let (mut books, unparsed) = fixture_books();
    books.push((
        "every_kind".into(),
        epub(&every_kind(), &EpubOptions::default()),
    ));
    books.push((
        "cover".into(),
        epub(
            &every_kind(),
            &EpubOptions::default().with_cover(Cover::new(tiny_png()).unwrap()),
        ),
    ));
    books.push((
        "empty".into(),
        epub(&Document::default(), &EpubOptions::default()),
    ));
    // The command line's book options: no title page (with and without a
    // cover), a shallow contents, a file per section, vertical writing, a stylesheet.
    let options = EpubOptions::default()
        .with_title_page(false)
        .with_toc_depth(1)
        .with_split_level(3)
        .with_vertical(true)
        .with_css("p { margin: 0; }");
    books.push(("options".into(), epub(&every_kind(), &options)));
    let covered = EpubOptions::default()
        .with_title_page(false)
        .with_cover(Cover::new(tiny_png()).unwrap());
    books.push(("cover_no_title".into(), epub(&every_kind(), &covered)));
    // One JVM per book and about 20 s of CPU for the largest: two at a time.
    let queue = std::sync::Mutex::new(books);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    // Taken in its own statement so the lock is not held while checking.
                    let next = queue.lock().unwrap().pop();
                    let Some((name, book)) = next else { break };
                    let path = dir.join(format!("{name}.epub"));
                    std::fs::write(&path, &book).unwrap();
                    let report = epubcheck(&jar, &path);
                    eprintln!("epubcheck {name}: {}", report.summary);
                    if !report.clean {
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("{name}:\n{}", report.output));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(unparsed.is_empty(), "{unparsed:?}");
}

/// The NCX's navPoints as (depth, label), depth 1 at the top.
fn ncx_points(ncx: &roxmltree::Document) -> Vec<(usize, String)> {
    ncx.descendants()
        .filter(|n| n.has_tag_name("navPoint"))
        .map(|p| {
            let depth = p.ancestors().filter(|a| a.has_tag_name("navPoint")).count();
            let label = p
                .children()
                .find(|c| c.has_tag_name("navLabel"))
                .and_then(|l| l.descendants().find(|t| t.has_tag_name("text")))
                .and_then(|t| t.text())
                .unwrap_or_default()
                .to_string();
            (depth, label)
        })
        .collect()
}

#[test]
fn the_ncx_names_the_book_declares_its_depth_and_lists_each_entry_once_plainly() {
    let front = |text: &str, line: u32| Article {
        kind: ArticleKind::Front,
        blocks: vec![block(BlockKind::FrontMatter, &[text], line)],
    };
    let heading =
        |level: u8, text: &str, line: u32| block(BlockKind::Heading { level }, &[text], line);
    let doc = Document {
        meta: Metadata {
            title: Some("党员之友".into()),
            language: "zh-CN".into(),
            ..Default::default()
        },
        articles: vec![
            front("2025·3 总第344期", 1),
            Article {
                kind: ArticleKind::Article,
                blocks: vec![
                    title("◆新疆阿克苏地区加强融合发展", 5),
                    heading(2, "一、总体要求", 6),
                    heading(3, "（一）坚持创新", 7),
                    para(&["正文。"], 8),
                ],
            },
            front("地址：乌鲁木齐市天山区中湾街388号", 10),
            Article {
                kind: ArticleKind::Article,
                blocks: vec![
                    heading(3, "（二）坚持以制度建设为主线", 20),
                    para(&["正文。"], 21),
                    heading(3, "（三）推进西部发展", 22),
                    para(&["正文。"], 23),
                ],
            },
        ],
        ..Default::default()
    };
    let files = unzip(&epub(&doc, &EpubOptions::default()));
    let ncx_text = text_of(&files, "OEBPS/toc.ncx");
    let ncx = parse_xml(&ncx_text).unwrap();
    let doc_title = ncx
        .descendants()
        .find(|n| n.has_tag_name("docTitle"))
        .and_then(|d| d.descendants().find(|t| t.has_tag_name("text")))
        .and_then(|t| t.text())
        .unwrap_or_default();
    assert_eq!(doc_title, "党员之友", "the NCX is titled after the book");
    let points = ncx_points(&ncx);
    let deepest = points.iter().map(|p| p.0).max().unwrap();
    let declared = ncx
        .descendants()
        .find(|n| n.attribute("name") == Some("dtb:depth"))
        .and_then(|n| n.attribute("content"))
        .unwrap();
    assert_eq!(declared, deepest.to_string(), "{points:?}");
    assert_eq!(deepest, 3, "{points:?}");
    let top: Vec<&str> = points
        .iter()
        .filter(|p| p.0 == 1)
        .map(|p| p.1.as_str())
        .collect();
    let mut unique = top.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), top.len(), "an entry twice: {top:?}");
    let nav = text_of(&files, "OEBPS/nav.xhtml");
    for text in [ncx_text.as_str(), nav.as_str()] {
        assert!(!text.contains('◆'), "an ornament in the navigation");
    }
    assert!(top.contains(&"新疆阿克苏地区加强融合发展"), "{top:?}");
    // The untitled article is named after its first heading, which is not its own child.
    let at = points
        .iter()
        .position(|p| p.1 == "（二）坚持以制度建设为主线")
        .unwrap();
    assert_eq!(points[at].0, 1, "{points:?}");
    assert_eq!(
        points.iter().filter(|p| p.1 == points[at].1).count(),
        1,
        "{points:?}"
    );
    assert_eq!(points[at + 1], (2, "（三）推进西部发展".to_string()));
    all_well_formed(&files);
    every_link_resolves(&files);
}

/// Issue 19: the page list names the page that begins at each break, as TEI's
/// `pb` does: 004 prints its numbers at the foot of its pages, so the break
/// after its 62 (line 2583) opens page 63; a text whose numbers head their
/// pages names each break with its own number.
#[test]
fn the_page_list_names_the_page_that_begins_at_each_break() {
    let path = fixtures()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("004_"))
        .unwrap();
    let doc = reprint::parse_bytes(&std::fs::read(&path).unwrap(), &Default::default()).unwrap();
    assert_eq!(doc.profile.page_numbers, PageNumberPlace::Foot);
    let files = unzip(&epub(&doc, &EpubOptions::default()));
    let nav = xhtml_of(&files, "nav.xhtml");
    let list = &nav[nav.find("epub:type=\"page-list\"").unwrap()..];
    assert!(list.contains("\">63</a></li>"), "{list}");
    assert!(!list.contains("\">62</a></li>"), "{list}");
    let head = "1\n\n标题\n\n第一页的正文，是很长很长的一段文字，一直写到页末。\n\n2\n\n第二页的正文，也是很长很长的一段文字，写到页末。\n";
    let doc = reprint::parse(head, &Default::default()).unwrap();
    assert_eq!(doc.profile.page_numbers, PageNumberPlace::Head);
    let files = unzip(&epub(&doc, &EpubOptions::default()));
    let nav = xhtml_of(&files, "nav.xhtml");
    let list = &nav[nav.find("epub:type=\"page-list\"").unwrap()..];
    assert!(
        list.contains("\">1</a></li>") && list.contains("\">2</a></li>"),
        "{list}"
    );
}
