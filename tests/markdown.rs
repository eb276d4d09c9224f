//! The Markdown writer read back by a CommonMark parser (pulldown-cmark):
//! the same blocks, headings at the same levels and the same text as the
//! model, whatever markup-like characters the text holds.
#![cfg(feature = "markdown")]

mod outputs_support;
mod support;

use outputs_support::*;
use pulldown_cmark::{Event, Options as CmOptions, Parser, Tag, TagEnd};
use reprint::Document;
use reprint::model::*;
use reprint::write::markdown::MarkdownOptions;

/// What a reader of the rendered Markdown sees as a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaf {
    Heading(u8),
    Paragraph,
    Item,
}

fn markdown(doc: &Document, options: &MarkdownOptions) -> String {
    let mut out = Vec::new();
    doc.write_markdown(&mut out, options)
        .expect("write_markdown");
    String::from_utf8(out).expect("UTF-8")
}

/// GFM's extensions on top of CommonMark, so that escaping holds for both.
fn extensions() -> CmOptions {
    CmOptions::ENABLE_TABLES
        | CmOptions::ENABLE_STRIKETHROUGH
        | CmOptions::ENABLE_TASKLISTS
        | CmOptions::ENABLE_FOOTNOTES
        | CmOptions::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

struct Rendered {
    leaves: Vec<(Leaf, String)>,
    /// Raw HTML the renderer passed through: only page comments may be there.
    html: Vec<String>,
    metadata: String,
}

fn render(md: &str, options: CmOptions) -> Rendered {
    let mut r = Rendered {
        leaves: Vec::new(),
        html: Vec::new(),
        metadata: String::new(),
    };
    let mut cur: Option<(Leaf, String)> = None;
    let mut in_metadata = false;
    for ev in Parser::new_ext(md, options) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                cur = Some((Leaf::Heading(level as u8), String::new()))
            }
            Event::Start(Tag::Paragraph) if cur.is_none() => {
                cur = Some((Leaf::Paragraph, String::new()))
            }
            Event::Start(Tag::Item) => cur = Some((Leaf::Item, String::new())),
            Event::End(TagEnd::Heading(_) | TagEnd::Item) => r.leaves.extend(cur.take()),
            Event::End(TagEnd::Paragraph)
                if cur.as_ref().is_some_and(|c| c.0 == Leaf::Paragraph) =>
            {
                r.leaves.extend(cur.take())
            }
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) if in_metadata => r.metadata.push_str(&t),
            Event::Text(t) | Event::Code(t) => cur
                .get_or_insert((Leaf::Paragraph, String::new()))
                .1
                .push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => r.html.push(h.trim().to_string()),
            _ => {}
        }
    }
    r
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}' | '\u{3005}' | '\u{3007}')
}

fn is_bullet(m: &str) -> bool {
    matches!(
        m.trim(),
        "" | "-" | "•" | "*" | "·" | "▪" | "●" | "○" | "■" | "◆"
    )
}

/// A list item whose text opens with its own mark, a dash.
fn own_mark(marker: &str, b: &Block) -> bool {
    marker.trim().is_empty() && b.text().trim_start().starts_with(['—', '―', '–', '－'])
}

/// The blocks the writer's conventions (docs/outputs.md) promise for the model.
fn expected(doc: &Document) -> Vec<(Leaf, String)> {
    let mut out = Vec::new();
    for a in &doc.articles {
        walk(&a.blocks, 0, &mut out);
    }
    out.retain(|(_, t)| !squash(t).is_empty());
    out
}

fn walk(blocks: &[Block], quote: usize, out: &mut Vec<(Leaf, String)>) {
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        i += 1;
        let leaf = |outside: Leaf| if quote == 0 { outside } else { Leaf::Paragraph };
        match &b.kind {
            BlockKind::Title => {
                let mut text = b.text();
                while i < blocks.len() && blocks[i].kind == BlockKind::Title {
                    text.push_str(&blocks[i].text());
                    i += 1;
                }
                out.push((leaf(Leaf::Heading(1)), text));
            }
            BlockKind::Heading { level } => {
                out.push((leaf(Leaf::Heading((*level).clamp(2, 6))), b.text()))
            }
            BlockKind::Subtitle
            | BlockKind::Paragraph
            | BlockKind::FrontMatter
            | BlockKind::Note { .. } => out.push((Leaf::Paragraph, b.text())),
            BlockKind::Caption { credit } => {
                out.push((Leaf::Paragraph, b.text() + &plain_text(credit)))
            }
            BlockKind::Byline { authors } if squash(&authors.concat()).is_empty() => {
                out.push((Leaf::Paragraph, b.text()))
            }
            BlockKind::Byline { authors } => {
                let names: Vec<&String> =
                    authors.iter().filter(|a| !squash(a).is_empty()).collect();
                let chinese = names.iter().all(|n| n.chars().any(is_han));
                let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
                out.push((
                    Leaf::Paragraph,
                    names.join(if chinese { "\u{3000}" } else { ", " }),
                ))
            }
            // Items that print their own mark (——) are the lines of one paragraph.
            BlockKind::ListItem { marker } if own_mark(marker, b) => {
                let mut text = b.text();
                while i < blocks.len()
                    && matches!(&blocks[i].kind, BlockKind::ListItem { marker } if own_mark(marker, &blocks[i]))
                {
                    text.push_str(&blocks[i].text());
                    i += 1;
                }
                out.push((Leaf::Paragraph, text));
            }
            BlockKind::ListItem { marker } => out.push((
                Leaf::Item,
                if is_bullet(marker) {
                    b.text()
                } else {
                    marker.clone() + &b.text()
                },
            )),
            BlockKind::TocEntry { page } => {
                // A page number left in the text as well, at the start of the first
                // line or the end of the last, is not shown twice.
                let page = page.as_deref().unwrap_or("").trim();
                let mut content = b.content.clone();
                let spans: Vec<usize> = content
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| matches!(i, Inline::Span(_)))
                    .map(|(n, _)| n)
                    .collect();
                for (at, leading) in [(spans.first(), true), (spans.last(), false)] {
                    let Some(Inline::Span(s)) = at.and_then(|&a| content.get_mut(a)) else {
                        continue;
                    };
                    let text = s.text();
                    let t = text.trim();
                    let lead = text.len() - text.trim_start().len();
                    let rest = if page.is_empty() {
                        None
                    } else if leading {
                        t.strip_prefix(page)
                    } else {
                        t.strip_suffix(page)
                    };
                    let cut = |r: &str| {
                        if leading {
                            r.chars().next()
                        } else {
                            r.chars().last()
                        }
                    };
                    if let Some(rest) = rest.filter(|r| cut(r).is_some_and(|c| !c.is_ascii_digit()))
                    {
                        // Where `rest` starts in the span's text: after the lead, and the page number when it led.
                        let start = lead
                            + if leading { page.len() } else { 0 }
                            + (rest.len() - rest.trim_start().len());
                        let len = rest.trim().len();
                        s.keep(start..start + len);
                        break;
                    }
                }
                out.push((
                    Leaf::Item,
                    format!("{page} {}", plain_text(&content).trim()),
                ));
            }
            BlockKind::Sidebar { items } => {
                out.push((Leaf::Paragraph, b.text()));
                walk(items, quote + 1, out);
            }
            BlockKind::Furniture { .. } => {}
            other => panic!("a block kind this test does not know: {other:?}"),
        }
    }
}

fn page_breaks(doc: &Document) -> usize {
    fn in_content(c: &[Inline]) -> usize {
        c.iter().filter(|i| matches!(i, Inline::Milestone(m) if matches!(m.kind, FurnitureKind::PageNumber { .. }))).count()
    }
    // Document::blocks() goes one sidebar deep; random documents nest them deeper.
    fn count(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match &b.kind {
                // A page number standing between blocks is one break, whatever its content holds.
                BlockKind::Furniture {
                    kind: FurnitureKind::PageNumber { .. },
                } => 1,
                BlockKind::Furniture { .. } => 0,
                BlockKind::Caption { credit } => in_content(&b.content) + in_content(credit),
                BlockKind::Sidebar { items } => in_content(&b.content) + count(items),
                _ => in_content(&b.content),
            })
            .sum()
    }
    doc.articles.iter().map(|a| count(&a.blocks)).sum()
}

/// Compares block by block: kind and level exactly, text without white space
/// (the writer tidies the spaces OCR leaves between CJK characters).
fn assert_same_structure(name: &str, doc: &Document, md: &str) {
    let want = expected(doc);
    let mut got = render(md, extensions());
    // A list item holding only a page comment keeps the page break of an empty entry.
    got.leaves.retain(|(_, t)| !squash(t).is_empty());
    for (n, (w, g)) in want.iter().zip(&got.leaves).enumerate() {
        assert_eq!(
            (w.0, squash(&w.1)),
            (g.0, squash(&g.1)),
            "{name}: block {n} differs\nwant {want:#?}\n\ngot {:#?}\n\n{md}",
            got.leaves
        );
    }
    assert_eq!(
        want.len(),
        got.leaves.len(),
        "{name}: {} blocks expected, {} rendered\n{md}",
        want.len(),
        got.leaves.len()
    );
    for h in &got.html {
        assert!(
            h.starts_with("<!-- page ")
                && h.ends_with("-->")
                && h.matches("<!--").count() == h.matches("-->").count(),
            "{name}: raw HTML {h:?} is not a page comment"
        );
    }
    let comments: usize = got
        .html
        .iter()
        .map(|h| h.matches("<!-- page ").count())
        .sum();
    assert_eq!(comments, page_breaks(doc), "{name}: page comments");
}

#[test]
fn every_block_kind_follows_the_conventions() {
    let doc = every_kind();
    let md = markdown(&doc, &MarkdownOptions::default());
    assert_same_structure("every_kind", &doc, &md);
    for needle in [
        "* **要闻要论**\n* 01 西部大开发新篇章　孙绍骋\n* 08 第二篇文章\n",
        "# 西部大开发　新篇章\n\n*——元旦献词*\n\n*孙绍骋　杨羊*\n\n*（2025年1月17日）*\n\n## 一、总体要求\n",
        "第一段的第一行，第二行<!-- page 29 -->接着第三行。\n",
        // A dash is the item's own mark: no bullet beside it.
        "### （一）坚持创新\n\n——提升西部地区科技创新能力\n\n- 加快发展新质生产力\n",
        "G3012线喀什疏勒高速公路。\\\n*□新华社记者　燕雁/摄*\n",
        "> **习近平强调——**\n>\n> - 要坚持把发展特色优势产业作为主攻方向。\n> - 要坚持统筹发展和安全。\n\n<!-- page 30 -->\n\n#### 1.深化改革\n",
        // OCR's ASCII colon between CJK characters is set full-width.
        "*据新华社*\n\n*\\[责任编辑：杨佩佩\\]*\n\nEnglish words stay apart.\n\n# 第二篇文章\n",
    ] {
        assert!(md.contains(needle), "Markdown lacks {needle:?}\n\n{md}");
    }
    for gone in ["人民日报", "9 772096"] {
        assert!(!md.contains(gone), "furniture {gone} in\n{md}");
    }
}

#[test]
fn markup_lookalikes_read_back_as_text() {
    let blocks = MARKUP_LOOKALIKES
        .iter()
        .enumerate()
        .map(|(i, t)| para(t, i as u32 + 1))
        .collect();
    let doc = Document {
        articles: vec![article(blocks)],
        ..Default::default()
    };
    let md = markdown(&doc, &MarkdownOptions::default());
    for options in [CmOptions::empty(), extensions()] {
        let got = render(&md, options);
        let want: Vec<(Leaf, String)> = MARKUP_LOOKALIKES
            .iter()
            .map(|t| (Leaf::Paragraph, t.to_string()))
            .collect();
        assert_eq!(got.leaves, want, "\n{md}");
        assert!(got.html.is_empty(), "{:?}", got.html);
    }
}

#[test]
fn markup_lookalikes_in_every_position_keep_the_structure() {
    let mut blocks = Vec::new();
    for (i, t) in MARKUP_LOOKALIKES.iter().enumerate() {
        let line = i as u32 * 10;
        blocks.push(block(
            BlockKind::Heading {
                level: 2 + (i % 5) as u8,
            },
            &[t],
            line,
        ));
        blocks.push(block(
            BlockKind::ListItem {
                marker: String::new(),
            },
            &[t],
            line + 1,
        ));
        blocks.push(block(
            BlockKind::Note {
                kind: NoteKind::Other,
            },
            &[t],
            line + 2,
        ));
        blocks.push(block(BlockKind::Subtitle, &[t], line + 3));
        blocks.push(Block::new(
            BlockKind::Caption {
                credit: vec![span(t, line + 5)],
            },
            vec![span(t, line + 4)],
        ));
        blocks.push(block(
            BlockKind::TocEntry {
                page: Some("7".into()),
            },
            &[t],
            line + 6,
        ));
        blocks.push(Block::new(
            BlockKind::Sidebar {
                items: vec![para(t, line + 8)],
            },
            vec![span(t, line + 7)],
        ));
        blocks.push(block(
            BlockKind::Byline {
                authors: vec![t.to_string()],
            },
            &[t],
            line + 9,
        ));
    }
    let titles: Vec<Article> = MARKUP_LOOKALIKES
        .iter()
        .map(|t| article(vec![block(BlockKind::Title, &[t], 1), para("正文", 2)]))
        .collect();
    let mut articles = vec![article(blocks)];
    articles.extend(titles);
    let doc = Document {
        articles,
        ..Default::default()
    };
    let md = markdown(&doc, &MarkdownOptions::default());
    assert_same_structure("lookalikes", &doc, &md);
    // Exact text, not only without spaces: these texts have no CJK spacing to tidy.
    let got = render(&md, extensions());
    for (w, g) in expected(&doc).iter().zip(&got.leaves) {
        assert_eq!(w.1.trim(), g.1, "\n{md}");
    }
}

#[test]
fn every_fixture_reads_back_with_the_same_blocks_and_text() {
    for (name, doc) in fixture_documents() {
        let md = markdown(&doc, &MarkdownOptions::default());
        assert_same_structure(&name, &doc, &md);
    }
}

#[test]
fn chinese_text_has_no_spaces_inside_and_latin_words_keep_one() {
    let mut p = para("中共中央总书记、国家主席", 1);
    p.content.push(span("习近平 在 重庆 主持 召开", 2));
    p.content
        .push(Inline::Span(Span::new(3, "座谈会 on Western")));
    p.content.push(Inline::Span(
        Span::new(4, "Development.").with_space_before(true),
    ));
    let doc = Document {
        articles: vec![article(vec![p])],
        ..Default::default()
    };
    let md = markdown(&doc, &MarkdownOptions::default());
    assert_eq!(
        md,
        "中共中央总书记、国家主席习近平在重庆主持召开座谈会 on Western Development.\n"
    );
}

#[test]
fn page_breaks_can_be_left_out_and_front_matter_added() {
    let doc = every_kind();
    let md = markdown(&doc, &MarkdownOptions::default().with_page_breaks(false));
    assert!(!md.contains("<!--"), "{md}");
    assert!(md.contains("第一段的第一行，第二行接着第三行。\n"), "{md}");

    let md = markdown(&doc, &MarkdownOptions::default().with_front_matter(true));
    let got = render(&md, extensions());
    for line in [
        "title: \"西部大开发　新篇章\"",
        "author:\n  - \"孙绍骋\"\n  - \"杨羊\"",
        "lang: \"zh-CN\"",
        "publication: \"党员之友\"",
        "issue: \"2025·3\"",
        "date: \"（2025年1月17日）\"",
    ] {
        assert!(
            got.metadata.contains(line),
            "front matter lacks {line}\n{}",
            got.metadata
        );
    }
    assert_same_structure("with front matter", &doc, &md);

    let overrides = Metadata {
        title: Some("书名 \"引号\"".into()),
        authors: vec!["作者甲".into()],
        language: "zh-TW".into(),
        date: Some("2024-12".into()),
        ..Default::default()
    };
    let md = markdown(
        &doc,
        &MarkdownOptions::default()
            .with_front_matter(true)
            .with_metadata(overrides),
    );
    let got = render(&md, extensions());
    for line in [
        "title: \"书名 \\\"引号\\\"\"",
        "author:\n  - \"作者甲\"\n",
        "lang: \"zh-TW\"",
        "date: \"2024-12\"",
        "publication: \"党员之友\"",
    ] {
        assert!(
            got.metadata.contains(line),
            "front matter lacks {line}\n{}",
            got.metadata
        );
    }
}

#[test]
fn random_documents_keep_their_structure_and_page_breaks() {
    for seed in 0..300 {
        let mut doc = random_document(seed);
        // Numbers that head their pages: every one opens a page, so every
        // one gives a comment (at a foot, the last opens none).
        doc.profile.page_numbers = PageNumberPlace::Head;
        let md = markdown(&doc, &MarkdownOptions::default());
        assert_same_structure(&format!("random {seed}"), &doc, &md);
    }
}

/// Issue 19: a page comment names the page that begins there, as TEI's `pb`
/// does: where numbers foot their pages (004), the comment after 62 (line
/// 2583) is page 63, and a number that ends the text opens no page; where
/// they head them, each comment has its own number.
#[test]
fn a_page_comment_names_the_page_that_begins_there() {
    let (_, doc) = fixture_documents()
        .into_iter()
        .find(|(name, _)| name.starts_with("004_"))
        .unwrap();
    let md = markdown(&doc, &MarkdownOptions::default());
    assert!(md.contains("\n<!-- page 63 -->\n"), "{md}");
    assert!(!md.contains("<!-- page 62 -->"), "{md}");
    let parse = |text: &str| reprint::parse(text, &Default::default()).unwrap();
    let foot = "标题\n\n第一页的正文，是很长很长的一段文字，一直写到页末。\n\n1\n\n第二页的正文，也是很长很长的一段文字，写到页末。\n\n2\n";
    let md = markdown(&parse(foot), &MarkdownOptions::default());
    assert!(md.contains("<!-- page 2 -->"), "{md}");
    assert!(
        !md.contains("<!-- page 1 -->") && !md.contains("<!-- page 3 -->"),
        "{md}"
    );
    let head = "1\n\n标题\n\n第一页的正文，是很长很长的一段文字，一直写到页末。\n\n2\n\n第二页的正文，也是很长很长的一段文字，写到页末。\n";
    let md = markdown(&parse(head), &MarkdownOptions::default());
    assert!(
        md.contains("<!-- page 1 -->") && md.contains("<!-- page 2 -->"),
        "{md}"
    );
}
