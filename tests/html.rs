//! The standalone HTML writer: a well-formed XHTML5 page in the document's
//! language, the model's text, the EPUB's markup, links only inside itself.
#![cfg(feature = "html")]

mod outputs_support;
mod support;

use outputs_support::*;
use reprint::model::*;
use reprint::write::html::HtmlOptions;
use reprint::{Document, Error};

fn html(doc: &Document, options: &HtmlOptions) -> String {
    let mut out = Vec::new();
    doc.write_html(&mut out, options).expect("write_html");
    String::from_utf8(out).expect("UTF-8")
}

fn parse(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("not well-formed: {e}\n{text}"))
}

/// Text of the elements a reader sees in `main`, without white space.
fn main_text(page: &roxmltree::Document) -> String {
    let main = page
        .descendants()
        .find(|n| n.has_tag_name("main"))
        .expect("a main element");
    squash(
        &main
            .descendants()
            .filter(|n| n.is_text())
            .map(|n| n.text().unwrap_or(""))
            .collect::<String>(),
    )
}

/// Nothing is fetched: no external resource, and every link names an id of the page.
fn self_contained(name: &str, text: &str) {
    let page = parse(text);
    let ids: Vec<&str> = page
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{name}: an id is given twice");
    for n in page.descendants().filter(|n| n.is_element()) {
        let tag = n.tag_name().name();
        assert!(
            !["link", "script", "img", "iframe", "object", "embed", "base"].contains(&tag),
            "{name}: <{tag}>"
        );
        assert!(n.attribute("src").is_none(), "{name}: src on <{tag}>");
        if let Some(href) = n.attribute("href") {
            let id = href
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("{name}: link {href} leaves the page"));
            assert!(ids.contains(&id), "{name}: link {href} names no id");
        }
    }
    let style: String = page
        .descendants()
        .filter(|n| n.has_tag_name("style"))
        .filter_map(|n| n.text())
        .collect();
    for bad in ["url(", "@import", "@font-face"] {
        assert!(!style.contains(bad), "{name}: stylesheet has {bad}");
    }
}

#[test]
fn every_block_kind_gets_the_epub_markup_in_one_page() {
    // Asked to, the page keeps the source's punctuation.
    let kept = html(
        &every_kind(),
        &HtmlOptions::default().with_keep_punctuation(true),
    );
    assert!(kept.contains("<p class=\"note editor\">[责任编辑:杨佩佩]</p>"));
    let page = html(&every_kind(), &HtmlOptions::default());
    for needle in [
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\" xml:lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>",
        "<title>西部大开发\u{3000}新篇章</title>",
        "<meta name=\"author\" content=\"孙绍骋\"/>",
        "<meta name=\"dcterms.date\" content=\"2025-01-17\"/>",
        "<section class=\"front\" id=\"a001\">",
        "<li class=\"toc-entry\"><span class=\"toc-page\">01</span><a href=\"#a002\">西部大开发新篇章",
        "<li class=\"toc-entry\"><span class=\"toc-page\">08</span><a href=\"#a003\">第二篇文章</a></li>",
        "<article class=\"article\" id=\"a002\">\n<h1 class=\"title\">西部大开发<br/>新篇章</h1>\n<p class=\"subtitle\">——元旦献词</p>",
        "<section class=\"level2\">\n<h2 id=\"h1\">一、总体要求</h2>",
        "<p>第一段的第一行，第二行<span class=\"pb\" id=\"page-29\" title=\"29\" role=\"doc-pagebreak\" aria-label=\"29\"></span>接着第三行。</p>",
        "<figure class=\"caption\">\n<figcaption><span class=\"desc\">G3012线喀什疏勒高速公路。</span><br/><small class=\"credit\">□新华社记者\u{3000}燕雁/摄</small></figcaption>",
        "<aside class=\"sidebar\">\n<p class=\"lead\">习近平强调——</p>",
        "<div class=\"pb\" id=\"page-30\" title=\"30\" role=\"doc-pagebreak\" aria-label=\"30\"></div>",
        // OCR's ASCII punctuation between CJK characters is set full-width.
        "<p class=\"note editor\">[责任编辑：杨佩佩]</p>",
        "<p>English words stay apart.</p>",
        "<nav class=\"contents\" id=\"contents\" role=\"doc-toc\">\n<h2>目录</h2>\n<ol>\n<li><a href=\"#a001\">原刊目录</a></li>\n<li><a href=\"#a002\">西部大开发\u{3000}新篇章</a>\n<ol>\n<li><a href=\"#h1\">一、总体要求</a>",
        "<header class=\"document\">\n<p class=\"doc-title\">西部大开发\u{3000}新篇章</p>\n<p class=\"doc-publication\">党员之友\u{3000}2025·3</p>\n<p class=\"doc-date\"><time datetime=\"2025-01-17\">（2025年1月17日）</time></p>\n</header>",
        ".pb { display: none; }",
    ] {
        assert!(page.contains(needle), "the page lacks {needle}\n\n{page}");
    }
    for gone in [
        "人民日报 2025年",
        "9 772096",
        "epub:type",
        "epub:",
        "stylesheet.css",
    ] {
        assert!(!page.contains(gone), "the page has {gone:?}");
    }
    self_contained("every_kind", &page);
}

#[test]
fn every_fixture_is_a_well_formed_self_contained_page_with_all_its_text() {
    for (name, doc) in fixture_documents() {
        let text = html(&doc, &HtmlOptions::default());
        self_contained(&name, &text);
        let page = parse(&text);
        let shown = main_text(&page);
        // Every paragraph, heading and title is there, in order.
        let mut from = 0;
        for b in doc.blocks().filter(|b| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::Heading { .. } | BlockKind::Title
            )
        }) {
            let want = squash(&b.text());
            match shown[from..].find(&want) {
                Some(at) => from += at + want.len(),
                None => panic!(
                    "{name}: text of line {:?} missing or out of order: {want}",
                    b.lines
                ),
            }
        }
        let html_root = page.root_element();
        assert_eq!(
            html_root.attribute("lang"),
            Some(doc.meta.language.as_str()),
            "{name}"
        );
        let breaks = doc
            .blocks()
            .flat_map(|b| b.milestones())
            .filter(|m| matches!(m.kind, FurnitureKind::PageNumber { .. }))
            .count()
            + doc
                .blocks()
                .filter(|b| {
                    matches!(
                        b.kind,
                        BlockKind::Furniture {
                            kind: FurnitureKind::PageNumber { .. }
                        }
                    )
                })
                .count();
        assert_eq!(
            page.descendants()
                .filter(|n| n.attribute("class") == Some("pb"))
                .count(),
            breaks,
            "{name}: page breaks"
        );
    }
}

#[test]
fn page_numbers_printed_twice_get_ids_of_their_own_and_can_be_shown() {
    let mut a = para("第一页，", 1);
    a.content.push(page("3", 2));
    a.content.push(span("第三页。", 3));
    let mut b = para("另一篇的第一页，", 10);
    b.content.push(page("3", 11));
    b.content.push(span("又是第三页。", 12));
    // Numbers that head their pages: each break names its own number.
    let mut doc = Document {
        articles: vec![article(vec![a]), article(vec![b])],
        ..Default::default()
    };
    doc.profile.page_numbers = PageNumberPlace::Head;
    let page = html(&doc, &HtmlOptions::default());
    assert!(
        page.contains("id=\"page-3\"") && page.contains("id=\"page-3-2\""),
        "{page}"
    );
    self_contained("twice", &page);
    let shown = html(&doc, &HtmlOptions::default().with_page_numbers(true));
    assert!(
        shown.contains(".pb::after { content: \"[\" attr(title) \"]\";"),
        "{shown}"
    );
    assert!(
        !shown.contains("<nav class=\"contents\""),
        "two entries need no table of contents"
    );
    assert!(
        !html(&every_kind(), &HtmlOptions::default().with_contents(false))
            .contains("<nav class=\"contents\"")
    );
}

#[test]
fn metadata_options_override_the_text_and_bad_languages_are_refused() {
    let doc = every_kind();
    let overrides = Metadata {
        title: Some("书名".into()),
        authors: vec!["作者甲".into()],
        language: "zh-TW".into(),
        date: Some("2024-12".into()),
        publication: Some("某报".into()),
        ..Default::default()
    };
    let page = html(&doc, &HtmlOptions::default().with_metadata(overrides));
    for needle in [
        "lang=\"zh-TW\" xml:lang=\"zh-TW\"",
        "<title>书名</title>",
        "<meta name=\"author\" content=\"作者甲\"/>",
        "<meta name=\"dcterms.date\" content=\"2024-12\"/>",
        "<p class=\"doc-title\">书名</p>",
        "<p class=\"doc-authors\"><span class=\"author\">作者甲</span></p>",
        "<p class=\"doc-publication\">某报\u{3000}2025·3</p>",
        "<h2>目錄</h2>",
    ] {
        assert!(page.contains(needle), "the page lacks {needle}");
    }
    assert!(!page.contains("孙绍骋\"/>"));
    let bad = HtmlOptions::default().with_metadata(Metadata {
        language: "中文".into(),
        ..Default::default()
    });
    assert!(matches!(
        doc.write_html(&mut Vec::new(), &bad),
        Err(Error::InvalidOption { .. })
    ));
}

#[test]
fn a_single_article_has_no_header_and_the_language_falls_back_to_the_text() {
    let doc = Document {
        articles: vec![article(vec![
            block(BlockKind::Title, &["Plain Title"], 1),
            para("Some English text.", 2),
        ])],
        ..Default::default()
    };
    let page = html(&doc, &HtmlOptions::default());
    assert!(
        page.contains("lang=\"en\"") && page.contains("<title>Plain Title</title>"),
        "{page}"
    );
    assert!(
        !page.contains("<header") && !page.contains("<nav class=\"contents\""),
        "{page}"
    );
}

#[test]
fn random_documents_give_well_formed_self_contained_pages() {
    for seed in 0..300 {
        let doc = random_document(seed);
        self_contained(
            &format!("random {seed}"),
            &html(
                &doc,
                &HtmlOptions::default().with_page_numbers(seed % 2 == 0),
            ),
        );
    }
}

/// The user's stylesheet goes last in the page's `<style>`, and whatever it
/// holds the page stays well-formed XML with one `style` element.
#[test]
fn a_stylesheet_of_the_users_comes_last() {
    let doc = reprint::parse("标题\n\n正文。\n", &reprint::Options::default()).unwrap();
    let css = "main > p::after { content: \"</style> & ]]> <b>\"; }";
    let page = html(&doc, &HtmlOptions::default().with_css(css));
    let tree = parse(&page);
    let styles: Vec<_> = tree
        .descendants()
        .filter(|n| n.has_tag_name("style"))
        .collect();
    assert_eq!(styles.len(), 1);
    let text: String = styles[0]
        .descendants()
        .filter(|n| n.is_text())
        .map(|n| n.text().unwrap_or(""))
        .collect();
    assert!(text.contains("main > p::after"), "{text}");
    assert!(
        !page.contains("</style> &"),
        "`</style>` in the CSS would end the element in HTML"
    );
}

/// A byline keeps its printed roles, its names marked where they stand.
#[test]
fn a_byline_reads_as_printed_with_its_names_marked() {
    let para = "这是一段内容完整的正文，说明了会议的主要精神和具体要求。".repeat(3);
    let text = format!("坚定信心实干担当\n\n自治区人民政府主席 王莉霞\n\n{para}\n\n{para}\n");
    let doc = reprint::parse(&text, &reprint::Options::default()).unwrap();
    let byline = doc
        .blocks()
        .find(|b| matches!(b.kind, BlockKind::Byline { .. }))
        .expect("a byline");
    assert!(
        matches!(&byline.kind, BlockKind::Byline { authors } if authors == &["王莉霞"]),
        "{:?}",
        byline.kind
    );
    let page = html(&doc, &HtmlOptions::default());
    assert!(
        page.contains(
            "<p class=\"byline\">自治区人民政府主席\u{3000}<span class=\"author\">王莉霞</span></p>"
        ),
        "{page}"
    );
}

/// Issue 19: a page break names the page that begins there, as TEI's `pb`
/// does: after 004's 62, printed at the foot of its page (line 2583), page
/// 63 begins.
#[test]
fn a_page_break_names_the_page_that_begins_there() {
    let (_, doc) = fixture_documents()
        .into_iter()
        .find(|(name, _)| name.starts_with("004_"))
        .unwrap();
    assert_eq!(doc.profile.page_numbers, PageNumberPlace::Foot);
    let page = html(&doc, &HtmlOptions::default());
    assert!(
        page.contains(
            "<div class=\"pb\" id=\"page-63\" title=\"63\" role=\"doc-pagebreak\" aria-label=\"63\"></div>"
        ),
        "{page}"
    );
    assert!(!page.contains("id=\"page-62\""), "{page}");
}
