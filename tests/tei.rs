//! The TEI writer: well-formed, nothing of the source lost, lines kept exactly,
//! forbidden characters never written, every model kind encoded.
#![cfg(feature = "tei")]

mod tei_support;

use reprint::Document;
use reprint::model::{Block, BlockKind, Inline, Span};
use reprint::write::tei::TeiOptions;
use tei_support::*;

fn non_ws(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn parsed(xml: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed: {e}"))
}

#[test]
fn every_output_is_well_formed_xml() {
    let mut docs: Vec<Document> = fixtures()
        .iter()
        .filter_map(parse_fixture)
        .map(|(_, d)| d)
        .collect();
    docs.push(every_kind());
    docs.push(Document::default());
    for doc in &docs {
        for lb in [false, true] {
            let xml = tei(doc, lb);
            let x = parsed(&xml);
            assert_eq!(x.root_element().tag_name().name(), "TEI");
            assert_eq!(
                x.root_element().tag_name().namespace(),
                Some("http://www.tei-c.org/ns/1.0")
            );
        }
    }
}

/// Every non-white-space character of each fixture is in the TEI text, in
/// order. The order is the source's as long as the parser keeps blocks in
/// source order; where it moves one (a caption set into a paragraph), the
/// order of the lines in the edition is used, which the line-break output gives.
#[test]
fn nothing_of_a_fixture_is_lost() {
    for path in fixtures() {
        let Some((src, doc)) = parse_fixture(&path) else {
            continue;
        };
        let lines: Vec<&str> = src.split('\n').collect();
        let order: Vec<u32> = lines_after_lb(&tei(&doc, true))
            .iter()
            .map(|(n, _)| *n)
            .collect();
        let expected: Vec<char> = order
            .iter()
            .flat_map(|&n| non_ws(lines[n as usize - 1]))
            .collect();
        let text = non_ws(&body_text(&tei(&doc, false)));
        let name = path.display();
        assert_eq!(
            non_ws(&src).len(),
            expected.len(),
            "{name}: lines missing from or doubled in the edition"
        );
        if order.is_sorted() {
            assert!(
                text == non_ws(&src),
                "{name}: the TEI text differs from the source"
            );
        }
        if let Some(i) = (0..text.len().min(expected.len())).find(|&i| text[i] != expected[i]) {
            let ctx: String = expected[i.saturating_sub(10)..(i + 10).min(expected.len())]
                .iter()
                .collect();
            panic!("{name}: character {i} differs, near {ctx:?}");
        }
        assert_eq!(
            text.len(),
            expected.len(),
            "{name}: the TEI text has more or fewer characters than the source"
        );
    }
}

#[test]
fn line_breaks_reproduce_every_source_line_exactly() {
    for path in fixtures() {
        let Some((src, doc)) = parse_fixture(&path) else {
            continue;
        };
        let lines: Vec<&str> = src.split('\n').collect();
        let got = lines_after_lb(&tei(&doc, true));
        let mut seen = vec![false; lines.len()];
        for (n, text) in &got {
            let i = *n as usize - 1;
            assert!(!seen[i], "{}: line {n} written twice", path.display());
            seen[i] = true;
            assert_eq!(text, lines[i], "{}: line {n}", path.display());
        }
        for (i, l) in lines.iter().enumerate() {
            assert!(
                seen[i] || l.chars().all(char::is_whitespace),
                "{}: line {} is missing: {l:?}",
                path.display(),
                i + 1
            );
        }
    }
    let doc = every_kind();
    let want = every_kind_lines(&doc);
    let got: std::collections::BTreeMap<u32, String> =
        lines_after_lb(&tei(&doc, true)).into_iter().collect();
    assert_eq!(got, want);
}

#[test]
fn page_breaks_stand_where_they_happened() {
    // Nothing in this document says whether its numbers head or foot their
    // pages: at the foot, each ends its page and the break after it opens the next.
    let xml = tei(&every_kind(), false);
    assert!(xml.contains(r#"<p cert="0.75">推动区域协调发展，是解决<fw type="pageNum">28</fw><pb n="29" xml:id="page-29"/>发展不平衡问题的重要途径。</p>"#), "{xml}");
    assert!(xml.contains(r#"<item cert="0.75" n="-"><seg type="lead">-</seg>要坚持<fw type="pageNum">29</fw><pb n="30" xml:id="page-30"/>稳中求进。</item>"#));
    assert!(xml.contains(r#"<head cert="0.75"><seg type="lead">##</seg>一、总体要求<fw type="header">党员之友 2025·3</fw></head>"#));
    // The number on the text's last line ends the last page and opens none;
    // the contents point to the page the break after page 3's foot opens.
    assert!(
        xml.contains(r#"<p cert="0.75">定 价 6.00元<fw type="pageNum">28</fw></p>"#),
        "{xml}"
    );
    assert!(xml.contains(r#"<fw type="pageNum">3</fw><pb n="4" xml:id="page-4"/>"#));
    assert!(xml.contains(r##"<item cert="0.75" n="04" corresp="#page-4">04 高端时论</item>"##));
    let lb = tei(&every_kind(), true);
    assert!(lb.contains("<p cert=\"0.75\"><lb n=\"14\"/>\u{3000}\u{3000}推动区域协调发展，是解决<fw type=\"pageNum\"><lb n=\"15\"/>  28  </fw><pb n=\"29\" xml:id=\"page-29\"/><lb n=\"16\"/>发展不平衡问题的重要途径。</p>"), "{lb}");
}

/// Issue 19: a page number printed at a page's foot ends that page, so the
/// `pb` after it names the page that begins there (004's 62 opens page 63),
/// and none follows a number that ends the text; a number that opens the
/// text heads its page, and its `pb` comes first with its own number.
#[test]
fn a_page_break_names_the_page_that_begins_there() {
    let parse = |text: &str| reprint::parse(text, &reprint::Options::default()).unwrap();
    let foot = "标题\n\n第一页的正文，是很长很长的一段文字，一直写到页末。\n\n1\n\n第二页的正文，也是很长很长的一段文字，写到页末。\n\n2\n\n第三页的正文。\n\n3\n";
    let xml = tei(&parse(foot), false);
    assert!(
        xml.contains(r#"<fw type="pageNum">1</fw><pb n="2" xml:id="page-2"/>"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<fw type="pageNum">2</fw><pb n="3" xml:id="page-3"/>"#),
        "{xml}"
    );
    assert!(
        !xml.contains(r#"<pb n="1""#) && !xml.contains(r#"<pb n="4""#),
        "{xml}"
    );
    assert!(xml.contains(r#"<fw type="pageNum">3</fw>"#), "{xml}");
    let head = "1\n\n标题\n\n第一页的正文，是很长很长的一段文字，一直写到页末。\n\n2\n\n第二页的正文，也是很长很长的一段文字，写到页末。\n";
    let xml = tei(&parse(head), false);
    assert!(
        xml.contains(r#"<pb n="1" xml:id="page-1"/><fw type="pageNum">1</fw>"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<pb n="2" xml:id="page-2"/><fw type="pageNum">2</fw>"#),
        "{xml}"
    );
    let path = fixtures()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("004_"))
        .unwrap();
    let (_, doc) = parse_fixture(&path).unwrap();
    let lb = tei(&doc, true);
    assert!(
        lb.contains(r#"<fw type="pageNum"><lb n="2583"/>62</fw><pb n="63" xml:id="page-63"/>"#),
        "{lb}"
    );
    assert!(!lb.contains(r#"<pb n="62""#));
}

/// Issue 19: a contents line that names an article or a section links to
/// its division, found by the writers' one contents matcher.
#[test]
fn contents_lines_link_to_the_divisions_they_name() {
    let mut doc = every_kind();
    let line = |text: &str, page: &str| Block {
        kind: BlockKind::TocEntry {
            page: Some(page.into()),
        },
        content: vec![Inline::Span(Span::new(900, text))],
        lines: vec![[900, 900]],
        confidence: 1.0,
    };
    doc.articles[0]
        .blocks
        .push(line("03 促进区域协调发展 更好建设美丽新疆 孙绍骋", "03"));
    doc.articles[0].blocks.push(line("05 一、总体要求", "05"));
    let xml = tei(&doc, false);
    let x = parsed(&xml);
    let refs: Vec<&str> = x
        .descendants()
        .filter(|n| n.has_tag_name("ref"))
        .filter_map(|n| n.attribute("target"))
        .collect();
    assert_eq!(refs, ["#article-2", "#article-2-1"], "{xml}");
    let id = |n: roxmltree::Node, want: &str| {
        n.attribute(("http://www.w3.org/XML/1998/namespace", "id")) == Some(want)
    };
    let div = |id_: &str| {
        x.descendants()
            .find(|n| n.has_tag_name("div") && id(*n, id_))
            .unwrap_or_else(|| panic!("no div {id_} in {xml}"))
    };
    assert_eq!(div("article-2").attribute("type"), Some("article"));
    assert_eq!(div("article-2-1").attribute("subtype"), Some("level2"));
    // The article's title and the section's heading, as the lines name them.
    let head = |d: roxmltree::Node| {
        d.children()
            .find(|n| n.has_tag_name("head"))
            .map(|h| h.descendants().filter_map(|t| t.text()).collect::<String>())
    };
    assert!(head(div("article-2")).unwrap().contains("促进区域协调发展"));
    assert!(head(div("article-2-1")).unwrap().contains("一、总体要求"));
    // The magazine's contents: every link lands on a division it names.
    let path = fixtures()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("002_"))
        .unwrap();
    let (_, doc) = parse_fixture(&path).unwrap();
    let xml = tei(&doc, false);
    let x = parsed(&xml);
    let mut linked = 0;
    for r in x.descendants().filter(|n| n.has_tag_name("ref")) {
        let t = &r.attribute("target").unwrap()[1..];
        assert!(
            x.descendants().any(|n| n.has_tag_name("div") && id(n, t)),
            "{t} names no div"
        );
        linked += 1;
    }
    assert!(linked >= 25, "{linked} contents lines linked in 002");
}

#[test]
fn every_kind_of_block_has_its_element() {
    let xml = tei(&every_kind(), false);
    let x = parsed(&xml);
    let count = |name: &str, attr: Option<(&str, &str)>| {
        x.descendants()
            .filter(|n| n.has_tag_name(name) && attr.is_none_or(|(k, v)| n.attribute(k) == Some(v)))
            .count()
    };
    for (name, attr) in [
        ("front", None),
        ("back", None),
        ("div", Some(("type", "article"))),
        ("div", Some(("type", "front"))),
        ("div", Some(("subtype", "level2"))),
        ("div", Some(("subtype", "level3"))),
        ("div", Some(("subtype", "level4"))),
        ("head", Some(("type", "main"))),
        ("head", Some(("type", "sub"))),
        ("byline", None),
        ("docAuthor", None),
        ("dateline", None),
        ("ab", Some(("type", "byline"))),
        ("ab", Some(("type", "dateline"))),
        ("list", Some(("type", "toc"))),
        ("item", Some(("n", "04"))),
        ("figure", None),
        ("floatingText", Some(("type", "sidebar"))),
        ("pb", Some(("n", "29"))),
        ("pb", Some(("n", "4"))),
        ("item", Some(("corresp", "#page-4"))),
        ("fw", Some(("type", "pageNum"))),
        ("fw", Some(("type", "header"))),
        ("fw", Some(("type", "other"))),
        ("seg", Some(("type", "lead"))),
        ("gap", Some(("reason", "forbidden-character"))),
    ] {
        assert!(count(name, attr) > 0, "no {name} {attr:?} in\n{xml}");
    }
    for t in [
        "source",
        "editor",
        "affiliation",
        "continuation",
        "column",
        "other",
    ] {
        assert!(count("note", Some(("type", t))) > 0, "no note type={t}");
    }
    // A letter-spaced name is kept as printed and given closed up.
    let authors: Vec<(&str, &str)> = x
        .descendants()
        .filter(|n| n.has_tag_name("docAuthor"))
        .map(|n| {
            let inner = |tag: &str| {
                n.descendants()
                    .find(|d| d.has_tag_name(tag))
                    .and_then(|d| d.text())
                    .unwrap_or_default()
            };
            (inner("orig"), inner("reg"))
        })
        .collect();
    assert_eq!(
        authors,
        [("孙 绍 骋", "孙绍骋"), ("杨 羊", "杨羊"), ("王 伟", "王伟")]
    );
    // A byline between paragraphs is an ab, its names still marked.
    assert!(
        xml.contains(r#"<ab type="byline" cert="0.75"><name>辛组研</name></ab>"#),
        "{xml}"
    );
    // The credit is kept with its picture.
    let credit = x
        .descendants()
        .find(|n| n.has_tag_name("figure"))
        .and_then(|f| f.children().find(|c| c.has_tag_name("byline")))
        .and_then(|b| b.text());
    assert_eq!(credit, Some("□新华社记者 燕 雁/摄"));
}

#[test]
fn the_header_is_complete() {
    let xml = tei(&every_kind(), false);
    let x = parsed(&xml);
    let text = |path: &[&str]| -> Vec<String> {
        x.descendants()
            .filter(|n| {
                n.is_element()
                    && n.ancestors()
                        .filter(|a| a.is_element())
                        .map(|a| a.tag_name().name())
                        .take(path.len())
                        .collect::<Vec<_>>()
                        .iter()
                        .rev()
                        .eq(path.iter())
            })
            .map(|n| {
                n.descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect()
            })
            .collect()
    };
    assert_eq!(
        text(&["titleStmt", "title"]),
        ["促进区域协调发展\u{FFFD} 更好建设美丽新疆", "——元旦献词"]
    );
    assert_eq!(text(&["titleStmt", "author"]), ["孙绍骋", "杨羊"]);
    // Who distributes the edition, and what may be done with it.
    assert!(text(&["publicationStmt", "distributor"])[0].contains("reprint"));
    assert!(!text(&["publicationStmt", "availability", "p"])[0].is_empty());
    assert_eq!(
        text(&["bibl", "idno"]),
        ["2096-7462", "every\u{FFFD}kind.txt"]
    );
    assert_eq!(text(&["bibl", "biblScope"]), ["2025·3 总第344期"]);
    assert!(
        text(&["bibl", "note"])
            .iter()
            .any(|n| n.contains("GB18030"))
    );
    assert_eq!(text(&["langUsage", "language"]).len(), 1);
    let app = x
        .descendants()
        .find(|n| n.has_tag_name("application"))
        .unwrap();
    assert_eq!(app.attribute("version"), Some(env!("CARGO_PKG_VERSION")));
    assert!(
        text(&["editorialDecl", "p"])
            .iter()
            .any(|p| p.contains("has 5 such characters")),
        "{xml}"
    );
    // TEI keeps OCR's ASCII punctuation and says what the formats for readers do with it.
    assert!(xml.contains("[责任编辑:杨佩佩]"), "{xml}");
    let said: Vec<String> = text(&["editorialDecl", "p"])
        .into_iter()
        .filter(|p| p.starts_with("Punctuation is as in the source."))
        .collect();
    assert!(
        said.len() == 1
            && said[0].contains(
                " ASCII punctuation marks (, ; : ? ! and parentheses) between Chinese characters"
            ),
        "{said:?}"
    );
    assert_eq!(
        text(&["notesStmt", "note"]),
        ["title or heading? <unsure> & \u{FFFD}"]
    );
}

#[test]
fn forbidden_characters_are_never_written() {
    for lb in [false, true] {
        let xml = tei(&every_kind(), lb);
        let bad: Vec<char> = xml.chars().filter(|&c| matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')).collect();
        assert!(bad.is_empty(), "{bad:?}");
        parsed(&xml);
        let gaps = parsed(&xml)
            .descendants()
            .filter(|n| n.has_tag_name("gap"))
            .filter_map(|n| n.attribute("n").map(str::to_owned))
            .collect::<Vec<_>>();
        // Line breaks keep the cut white space (form feed, vertical tab) too.
        let want: &[&str] = if lb {
            &["U+000C", "U+0001", "U+FFFE", "U+0000", "U+000B"]
        } else {
            &["U+0001", "U+FFFE", "U+0000"]
        };
        assert_eq!(gaps, want);
    }
}

#[test]
fn a_carriage_return_reads_back_as_itself() {
    let xml = tei(&every_kind(), true);
    assert!(xml.contains("&#13;"));
    assert!(
        lines_after_lb(&xml)
            .iter()
            .any(|(_, l)| l.ends_with("\"quoted\"\r"))
    );
}

#[test]
fn a_failing_writer_is_an_error_not_a_panic() {
    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::Error::other("disk full"))
        }
    }
    let err = every_kind()
        .write_tei(Broken, &TeiOptions::default())
        .unwrap_err();
    assert!(matches!(err, reprint::Error::Write { .. }), "{err}");
}

#[test]
fn random_documents_give_well_formed_tei_with_every_line() {
    for seed in 0..300 {
        let doc = random_document(seed);
        for lb in [false, true] {
            let xml = tei(&doc, lb);
            parsed(&xml);
            if lb {
                let got: std::collections::BTreeMap<u32, String> =
                    lines_after_lb(&xml).into_iter().collect();
                assert_eq!(got, every_kind_lines(&doc), "seed {seed}");
            }
        }
    }
}
