//! Properties of any input (issue 6): the parser never panics, every
//! non-blank line is in exactly one block and its spans give it back, TEI,
//! EPUB and HTML are well-formed, and no character of the source is missing
//! from the TEI text. Inputs are text-like (CJK runs, Latin words, digits,
//! Chinese punctuation, headings, page numbers, notes, CRLF, form feeds) or
//! arbitrary bytes. The checks are those of `robust_support`, tried on the
//! fixtures first so that a failure here is the parser's, not the check's.
#![cfg(all(
    feature = "epub",
    feature = "tei",
    feature = "pdf",
    feature = "markdown",
    feature = "html",
    feature = "review"
))]

mod epub_support;
mod robust_support;
mod support;
mod tei_support;

use proptest::prelude::*;
use reprint::Options;
use robust_support::*;

/// A run of text within a line.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[一-龥]{1,12}",
        2 => "[A-Za-z]{1,8}",
        1 => "[0-9]{1,4}",
        2 => prop::sample::select(vec!["。", "，", "、", "：", "（", "）", "《", "》", "——", "…", "“", "”", "-", "·", "；", "！", "？"]).prop_map(String::from),
        1 => prop::sample::select(vec![" ", "  ", "\u{3000}", "\t"]).prop_map(String::from),
        1 => prop::sample::select(vec!["&", "<", ">", "]]>", "\"", "'", "*", "_", "`", "[", "]", "#", "|", "\\"]).prop_map(String::from),
        1 => prop::sample::select(vec!["\u{202E}", "\u{200F}", "\u{0}", "\u{1}", "\u{FFFE}", "\u{FEFF}", "\u{FFFD}", "𠀀", "😀", "\u{1c}", "\u{b}"]).prop_map(String::from),
    ]
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..8).prop_map(|v| v.concat())
}

/// One line, without its line end.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (prop::sample::select(vec!["", "\u{3000}\u{3000}", "  ", "\u{c}"]), words()).prop_map(|(lead, w)| format!("{lead}{w}")),
        3 => prop::sample::select(vec!["", " ", "\u{3000}", "\t", "\u{c}"]).prop_map(String::from),
        2 => (1u32..400, prop::sample::select(vec!["{}", "- {} -", "第{}页", "\u{c}{}", "  {}  "])).prop_map(|(n, f)| f.replace("{}", &n.to_string())),
        2 => (prop::sample::select(vec!["# ", "## ", "### ", "一、", "二、", "（一）", "（二）", "1. ", "2.", "（1）", "①", "第一章 ", "第二节 "]), words()).prop_map(|(m, w)| format!("{m}{w}")),
        1 => (prop::sample::select(vec!["- ", "• ", "◆ ", "——", "□", "本报记者 ", "作者：", "（据新华社", "[责任编辑:", "（下转第4页）", "新华社记者 "]), words()).prop_map(|(m, w)| format!("{m}{w}")),
        1 => words().prop_map(|w| format!("{w}/摄")),
        1 => "\\PC{0,30}",
    ]
}

/// A text of lines, `\n` or `\r\n` ended, the last maybe without one.
fn text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((line(), prop::bool::weighted(0.1)), 0..50),
        any::<bool>(),
    )
        .prop_map(|(lines, last_newline)| {
            let mut s = String::new();
            for (i, (l, crlf)) in lines.iter().enumerate() {
                s += l;
                if i + 1 < lines.len() || last_newline {
                    s += if *crlf { "\r\n" } else { "\n" };
                }
            }
            s
        })
}

/// Bytes: anything, or a text encoded and then damaged.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        (
            text(),
            0..4usize,
            prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4)
        )
            .prop_map(|(t, enc, damage)| {
                let mut b: Vec<u8> = match enc {
                    0 => t.into_bytes(),
                    1 => encoding_rs::GB18030.encode(&t).0.into_owned(),
                    2 => [0xFF, 0xFE]
                        .into_iter()
                        .chain(t.encode_utf16().flat_map(u16::to_le_bytes))
                        .collect(),
                    _ => t.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                };
                if !b.is_empty() {
                    for (at, byte) in damage {
                        let i = at.index(b.len());
                        b[i] = byte;
                    }
                }
                b
            }),
    ]
}

fn parse(text: &str) -> reprint::Document {
    reprint::parse(text, &Options::default().with_file_name("prop.txt"))
        .expect("parse never fails on text")
}

#[test]
fn the_checks_hold_on_the_fixtures() {
    for path in tei_support::fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = parse(&text);
        if let Err(e) = check_everything(&text, &doc, Pdf::Without) {
            panic!("{}: {e}", path.display());
        }
    }
}

/// Found by `any_bytes_convert_or_are_refused_with_a_reason`: a chapter's
/// label and its words with a page number between them (第一章 / 1 / 一) made
/// one title that dropped the page number.
#[test]
fn a_page_number_between_a_title_and_its_words_stays_in_the_model() {
    let text = "第一章  \n\n\n\n1\n一\n丁丁丁丁丁丁丁丁\n";
    let doc = parse(text);
    if let Err(e) = every_line_in_one_block(text, &doc) {
        panic!("{e}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn every_line_is_in_exactly_one_block(text in text()) {
        let doc = parse(&text);
        every_line_in_one_block(&text, &doc).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_bytes_convert_or_are_refused_with_a_reason(bytes in bytes()) {
        match reprint::parse_bytes(&bytes, &Options::default().with_file_name("prop.bin")) {
            Ok(doc) => {
                let text = reprint::decode(&bytes, None, "prop.bin").expect("decoded once, decodes again").text;
                every_line_in_one_block(&text, &doc).map_err(TestCaseError::fail)?;
            }
            Err(e) => prop_assert!(e.to_string().starts_with("prop.bin does not look like text") || e.to_string().starts_with("prop.bin is not text: binary data at byte "), "{e}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// TEI and EPUB (and HTML) well-formed, the TEI text every character of the source.
    #[test]
    fn outputs_are_well_formed_and_keep_every_character(text in text()) {
        let doc = parse(&text);
        check_everything(&text, &doc, Pdf::Without).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    // A PDF takes tens of milliseconds: a few cases, for panics in setting and paginating.
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn pdf_of_any_text_loads(text in text()) {
        let doc = parse(&text);
        let out = write_all(&doc, Pdf::With).map_err(TestCaseError::fail)?;
        outputs_are_sound(&text, &doc, &out).map_err(TestCaseError::fail)?;
    }
}
