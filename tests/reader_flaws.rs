//! What a reader of the flagship fixtures tripped over (the magazine 002,
//! the compilation 004, the report 000), one test a rule, on the texts
//! where it was seen. Each rule has a unit test of its own beside its code
//! in `src/parse`; these say that it holds on the real print.

use reprint::model::{Block, BlockKind, FurnitureKind, Inline};
use reprint::{Document, Options};

fn parse(name: &str) -> Document {
    let path = format!("{}/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    reprint::parse_file(&path, &Options::default()).expect("the fixture parses")
}

/// The block holding source line `n` as text.
fn block_at(doc: &Document, n: u32) -> &Block {
    doc.blocks()
        .find(|b| b.lines.iter().any(|r| r[0] <= n && n <= r[1]))
        .unwrap_or_else(|| panic!("no block holds line {n}"))
}

#[test]
fn a_transliterated_name_under_a_title_is_its_byline_not_more_title() {
    let doc = parse("002_f298dd8e9d14375d.txt");
    assert!(
        matches!(&block_at(&doc, 1506).kind, BlockKind::Byline { authors } if authors == &["木拉迪力·克衣木"]),
        "{:?}",
        block_at(&doc, 1506)
    );
    assert!(
        doc.articles
            .iter()
            .filter_map(|a| a.title())
            .all(|t| !t.contains("克衣木")),
        "no title has the byline glued on"
    );
}

#[test]
fn the_offices_under_a_photo_of_a_person_are_its_caption() {
    let doc = parse("002_f298dd8e9d14375d.txt");
    for line in [230, 232, 234] {
        assert!(
            matches!(block_at(&doc, line).kind, BlockKind::Caption { .. }),
            "line {line}: {:?}",
            block_at(&doc, line).kind
        );
    }
    assert!(
        doc.articles
            .iter()
            .filter_map(|a| a.title())
            .all(|t| !t.contains("国家主席")),
        "no article is titled by the offices"
    );
}

#[test]
fn a_masthead_with_its_date_and_no_text_is_front_matter_not_an_article() {
    let doc = parse("002_f298dd8e9d14375d.txt");
    assert!(
        doc.articles
            .iter()
            .filter_map(|a| a.title())
            .all(|t| !t.contains("党员之友")),
        "《党员之友》电子期刊 is no article"
    );
    assert_eq!(block_at(&doc, 217).kind, BlockKind::FrontMatter);
}

#[test]
fn continuation_marks_are_milestones_not_running_text() {
    let doc = parse("002_f298dd8e9d14375d.txt");
    let joined = block_at(&doc, 242);
    let text = joined.text();
    assert!(text.contains("基础性支撑作用。要实施好"), "{text}");
    assert!(!text.contains("下转") && !text.contains("上接"), "{text}");
    let marks = joined
        .content
        .iter()
        .filter(|i| matches!(i, Inline::Milestone(m) if m.kind == FurnitureKind::Continuation))
        .count();
    assert_eq!(marks, 2, "both marks are kept as milestones");
}

#[test]
fn a_numbered_heading_keeps_its_third_line_and_parallel_points_are_alike() {
    let doc = parse("000_68a8ba88c7a46940.txt");
    let heading = block_at(&doc, 342);
    assert!(matches!(heading.kind, BlockKind::Heading { .. }));
    assert_eq!(heading.lines, vec![[342, 344]], "行动路径 ends the heading");
    // 1．高水平… is a paragraph, and so is its sibling 2．新质生产力…，
    assert_eq!(block_at(&doc, 412).kind, BlockKind::Paragraph);
    assert_eq!(block_at(&doc, 415).kind, BlockKind::Paragraph);
}

#[test]
fn a_contents_entry_does_not_run_on_into_a_section_label() {
    let doc = parse("002_f298dd8e9d14375d.txt");
    // 29 新疆阿克苏… / 打造区域人才高地等 南阳阳等, then the label 援疆天地.
    assert_eq!(block_at(&doc, 87).lines, vec![[87, 88]]);
    assert_ne!(block_at(&doc, 90).lines, block_at(&doc, 87).lines);
}

#[test]
fn a_headline_wraps_onto_a_short_word_set_solid_under_it() {
    let doc = parse("004_4e3ec80c6fe38783.txt");
    // 民进中央理论学习中心组开展 2025 年第一次集体 / 学习: one title.
    let title = block_at(&doc, 2585);
    assert_eq!(title.kind, BlockKind::Title);
    assert_eq!(title.lines, vec![[2585, 2586]]);
}

#[test]
fn the_decks_of_a_headline_read_apart() {
    let doc = parse("004_4e3ec80c6fe38783.txt");
    let title = doc
        .articles
        .iter()
        .filter_map(|a| a.title())
        .find(|t| t.contains("推向纵深"))
        .expect("the article");
    assert!(!title.contains("纵深王莉霞"), "{title}");
}

#[test]
fn a_title_printed_again_under_a_longer_one_is_its_subtitle() {
    let doc = parse("004_4e3ec80c6fe38783.txt");
    // 《经济日报》权威访谈访…：为推进中国式现代化贡献更多内蒙古力量, then the title alone.
    assert_eq!(block_at(&doc, 5175).kind, BlockKind::Title);
    assert_eq!(block_at(&doc, 5178).kind, BlockKind::Subtitle);
    let title = doc
        .articles
        .iter()
        .filter_map(|a| a.title())
        .find(|t| t.contains("经济日报"))
        .expect("the article");
    assert_eq!(title.matches("为推进中国式现代化").count(), 1, "{title}");
}

#[test]
fn a_caption_set_into_a_sentence_does_not_cut_it() {
    let doc = parse("002_f298dd8e9d14375d.txt");
    // …通过“月 / 江苏省无锡(江阴)援疆工作组… (a photo's caption) / 调季评”…
    assert!(matches!(
        block_at(&doc, 773).kind,
        BlockKind::Caption { .. }
    ));
    let para = block_at(&doc, 769);
    assert_eq!(para.kind, BlockKind::Paragraph);
    assert!(
        para.lines.iter().any(|r| r[0] <= 775 && 775 <= r[1]),
        "{:?}",
        para.lines
    );
}

#[test]
fn names_on_their_own_line_in_a_contents_entry_read_apart_from_its_title() {
    let doc = parse("002_f298dd8e9d14375d.txt");
    let entry = block_at(&doc, 81);
    assert!(
        matches!(entry.kind, BlockKind::TocEntry { .. }),
        "{entry:?}"
    );
    let names = entry
        .content
        .iter()
        .find_map(|i| match i {
            Inline::Span(s) if s.line == 81 => Some(s),
            _ => None,
        })
        .expect("the names' line is in the entry");
    assert!(names.space_before, "{names:?}");
}
