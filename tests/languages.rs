//! Texts other than simplified Chinese: an English OCR page and a
//! traditional Chinese article (`fixtures/extra/`), with what a demanding
//! reader expects of each. One expectation per test, so that a parser
//! problem shows as exactly one ignored test, its reason naming the lines.

use reprint::Document;
use reprint::model::{Block, BlockKind, FurnitureKind, Inline};

fn load(name: &str) -> Document {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/extra")
        .join(name);
    reprint::parse_bytes(
        &std::fs::read(path).unwrap(),
        &reprint::Options::default().with_file_name(name),
    )
    .unwrap()
}

fn english() -> Document {
    load("en_ocr.txt")
}

fn traditional() -> Document {
    load("zh_tw.txt")
}

/// The block holding source line `line`.
fn block_at(doc: &Document, line: u32) -> &Block {
    doc.blocks()
        .find(|b| b.lines.iter().any(|r| (r[0]..=r[1]).contains(&line)))
        .unwrap_or_else(|| panic!("no block holds line {line}"))
}

/// The block holding source line `line`, if a block (not a milestone) holds it.
fn find_block(doc: &Document, line: u32) -> Option<&Block> {
    doc.blocks()
        .find(|b| b.lines.iter().any(|r| (r[0]..=r[1]).contains(&line)))
}

fn kinds(doc: &Document) -> String {
    doc.blocks()
        .map(|b| format!("{:?} {:?}: {}\n", b.kind, b.lines, b.text()))
        .collect()
}

fn headings(doc: &Document) -> Vec<(u8, String)> {
    doc.blocks()
        .filter_map(|b| b.level().map(|l| (l, b.text())))
        .collect()
}

fn page_milestones(b: &Block) -> Vec<&str> {
    b.milestones()
        .filter_map(|m| match &m.kind {
            FurnitureKind::PageNumber { number } => Some(number.as_str()),
            _ => None,
        })
        .collect()
}

// English: fixtures/extra/en_ocr.txt, hard-wrapped at 60 columns.

#[test]
fn english_language_is_detected() {
    assert_eq!(english().meta.language, "en");
}

#[test]
fn english_title_is_the_first_line() {
    let doc = english();
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("THE QUIET LIBRARY OF WINTER HARBOR"),
        "{}",
        kinds(&doc)
    );
}

#[test]
fn english_byline_names_the_author() {
    let doc = english();
    assert!(
        matches!(&block_at(&doc, 3).kind, BlockKind::Byline { authors } if authors == &["Margaret L. Holloway"]),
        "{}",
        kinds(&doc)
    );
    assert_eq!(doc.meta.authors, ["Margaret L. Holloway"]);
}

#[test]
fn english_lines_join_with_one_space() {
    let doc = english();
    let text = block_at(&doc, 5).text();
    assert!(text.starts_with("The town of Winter Harbor has kept a public library since 1887, when a retired sea captain"), "{text}");
    assert!(!text.contains("  "), "{text}");
}

#[test]
fn english_word_hyphenated_at_a_line_end_is_joined() {
    let doc = english();
    let text = block_at(&doc, 10).text();
    assert!(
        text.contains("in search of information about shipping"),
        "{text}"
    );
    assert!(
        block_at(&doc, 11).lines == block_at(&doc, 10).lines,
        "lines 10 and 11 are one paragraph"
    );
}

/// The convention: a line-end hyphen between two lower-case letters is a
/// break in a word and goes (`infor-` + `mation`), unless the part before it
/// is a word that forms compounds (well-, self-, long-, high-, ...) or the
/// text spells the word with a hyphen elsewhere; then it stays (`well-known`).
#[test]
fn english_compound_hyphenated_at_a_line_end_keeps_its_hyphen() {
    let doc = english();
    let text = block_at(&doc, 19).text();
    assert!(text.contains("the well-known photograph"), "{text}");
}

#[test]
fn english_page_number_is_a_milestone_not_text() {
    let doc = english();
    let as_text = doc
        .blocks()
        .filter(|b| !matches!(b.kind, BlockKind::Furniture { .. }))
        .any(|b| b.text().split_whitespace().any(|w| w == "12"));
    assert!(!as_text, "the page number is read as text\n{}", kinds(&doc));
    // A page number inside a paragraph is a milestone of it, not a block of its own.
    let furniture = matches!(find_block(&doc, 22).map(|b| &b.kind), Some(BlockKind::Furniture { kind: FurnitureKind::PageNumber { number } }) if number == "12");
    let milestone = doc.blocks().any(|b| page_milestones(b) == ["12"]);
    assert!(furniture || milestone, "{}", kinds(&doc));
}

#[test]
fn english_page_break_mid_paragraph_stays_in_the_paragraph() {
    let doc = english();
    let b = block_at(&doc, 16);
    assert!(
        b.text()
            .ends_with("pushing a cart of picture books up the steps still hangs in the lobby."),
        "{}",
        kinds(&doc)
    );
    assert_eq!(page_milestones(b), ["12"]);
}

#[test]
fn english_running_head_is_furniture() {
    let doc = english();
    let head = matches!(find_block(&doc, 24).map(|b| &b.kind), Some(BlockKind::Furniture { kind: FurnitureKind::RunningHead }))
        || doc.blocks().any(|b| b.content.iter().any(|i| matches!(i, Inline::Milestone(m) if m.span.line == 24 && m.kind == FurnitureKind::RunningHead)));
    assert!(head, "{}", kinds(&doc));
}

#[test]
fn english_first_section_heading_is_found() {
    let doc = english();
    assert_eq!(
        block_at(&doc, 14).kind,
        BlockKind::Heading { level: 2 },
        "{}",
        kinds(&doc)
    );
}

#[test]
fn english_section_headings_are_found() {
    let doc = english();
    assert_eq!(
        headings(&doc),
        [
            (2, "A Building of Its Own".to_string()),
            (2, "Reading in the Digital Age".to_string())
        ],
        "{}",
        kinds(&doc)
    );
}

#[test]
fn english_blank_lines_separate_paragraphs() {
    let doc = english();
    let b = block_at(&doc, 28);
    assert_eq!(b.kind, BlockKind::Paragraph);
    assert_eq!(b.lines.first().map(|r| r[0]), Some(28), "{}", kinds(&doc));
}

// Traditional Chinese: fixtures/extra/zh_tw.txt, hard-wrapped at 16 columns.

#[test]
fn traditional_chinese_is_detected() {
    assert_eq!(traditional().meta.language, "zh-TW");
}

#[test]
fn traditional_title_is_found() {
    let doc = traditional();
    assert_eq!(doc.meta.title.as_deref(), Some("山城書店的最後一個冬天"));
    assert_eq!(block_at(&doc, 1).kind, BlockKind::Title);
}

#[test]
fn traditional_numbered_headings_are_level_two() {
    let doc = traditional();
    assert_eq!(
        headings(&doc),
        [
            (2, "一、從租書店到社區書房".to_string()),
            (2, "二、面對網路時代的挑戰".to_string())
        ]
    );
}

#[test]
fn traditional_lines_join_without_spaces_and_keep_full_width_punctuation() {
    let doc = traditional();
    let text = block_at(&doc, 5).text();
    assert_eq!(
        text,
        "臺北市郊的山城書店開業已經四十年，老闆陳先生說：「書店不只是賣書的地方，也是鄰居們見面聊天的客廳。」今年冬天，書店將正式結束營業，許多老顧客特地前來道別。"
    );
}

#[test]
fn traditional_page_number_is_a_milestone_inside_its_paragraph() {
    let doc = traditional();
    let b = block_at(&doc, 13);
    assert_eq!(b.lines, [[13, 16], [20, 22]], "{}", kinds(&doc));
    assert_eq!(page_milestones(b), ["23"]);
    // A full stop carried to the start of a line (line 21) joins the line before it.
    assert!(
        b.text()
            .contains("寫作業，書店也逐漸成為社區裡最熱鬧的地方。陳先生回憶：「那時候"),
        "{}",
        b.text()
    );
}

#[test]
fn traditional_byline_names_only_the_author() {
    let doc = traditional();
    assert!(
        matches!(&block_at(&doc, 3).kind, BlockKind::Byline { authors } if authors == &["林雅婷"]),
        "{}",
        kinds(&doc)
    );
}

#[cfg(feature = "markdown")]
#[test]
fn both_read_well_as_markdown() {
    let md = |doc: &Document| {
        let mut out = Vec::new();
        doc.write_markdown(
            &mut out,
            &reprint::write::markdown::MarkdownOptions::default(),
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    };
    let tw = md(&traditional());
    assert!(tw.starts_with("# 山城書店的最後一個冬天\n\n"), "{tw}");
    assert!(
        tw.contains("\n\n## 一、從租書店到社區書房\n\n民國七十四年，陳先生在巷口租下一間小店面，"),
        "{tw}"
    );
    // The 23 printed at the foot of its page: page 24 begins there.
    assert!(
        tw.contains("寫作業，<!-- page 24 -->書店也逐漸成為"),
        "{tw}"
    );
    let en = md(&english());
    assert!(en.contains("\n\n## A Building of Its Own\n\nIn 1962 the trustees raised enough money to buy the old customs house on Water Street."), "{en}");
}

#[cfg(feature = "html")]
#[test]
fn both_get_their_language_in_html() {
    let page = |doc: &Document| {
        let mut out = Vec::new();
        doc.write_html(&mut out, &reprint::write::html::HtmlOptions::default())
            .unwrap();
        String::from_utf8(out).unwrap()
    };
    let tw = page(&traditional());
    assert!(tw.contains("lang=\"zh-TW\" xml:lang=\"zh-TW\""), "{tw}");
    // The title and two headings are all there is: no table of contents to repeat them.
    assert!(!tw.contains("<nav class=\"contents\""), "{tw}");
    assert!(page(&english()).contains("lang=\"en\" xml:lang=\"en\""));
}
