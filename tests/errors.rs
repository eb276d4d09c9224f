//! Every public fallible function fails with a [`reprint::Error`] whose
//! message says what went wrong and where: the file, the line, the option
//! and the value given, the output being written.
#![cfg(all(
    feature = "epub",
    feature = "tei",
    feature = "pdf",
    feature = "markdown",
    feature = "html",
    feature = "review"
))]

use reprint::model::Metadata;
use reprint::write::epub::{Cover, EpubOptions};
use reprint::write::html::HtmlOptions;
use reprint::write::markdown::MarkdownOptions;
use reprint::write::pdf::{FontSource, PageSize, PdfOptions};
use reprint::write::review::ReviewOptions;
use reprint::write::tei::TeiOptions;
use reprint::{Document, Error, Options};
use std::io::{self, Write};

fn message<T: std::fmt::Debug>(r: reprint::Result<T>) -> String {
    r.expect_err("an error").to_string()
}

fn assert_says(msg: &str, parts: &[&str]) {
    for p in parts {
        assert!(msg.contains(p), "{msg:?} does not say {p:?}");
    }
}

fn doc() -> Document {
    reprint::parse(
        "标题\n\n正文第一行，\n第二行。\n\n12\n\n正文。\n",
        &Options::default(),
    )
    .unwrap()
}

#[test]
fn decoding_says_which_file_and_where() {
    let named = Options::default().with_file_name("scan-042.txt");
    let msg = message(reprint::parse_bytes(
        "第一行\n第二行\0\0\0文字\n".repeat(20).as_bytes(),
        &named,
    ));
    assert_says(&msg, &["scan-042.txt is not text: binary data at byte 19"]);
    let msg = message(reprint::parse_bytes(
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0",
        &Options::default(),
    ));
    assert_says(&msg, &["input is not text: binary data at byte 6"]);
    let msg = message(reprint::parse_bytes(
        b"text",
        &named.clone().with_encoding("latin-9x"),
    ));
    assert_says(&msg, &["unknown encoding \"latin-9x\"", "gb18030"]);
    let msg = message(reprint::decode(b"x", Some("nope"), "a.txt"));
    assert_says(&msg, &["unknown encoding \"nope\""]);
    assert!(matches!(
        reprint::parse_bytes(&[0; 64], &named),
        Err(Error::Binary { at: 0, .. })
    ));
}

/// A sink that refuses every byte, as a full disk does.
struct Full;

impl Write for Full {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "no space left on device",
        ))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn write_errors_name_the_output_and_the_cause() {
    let d = doc();
    for (format, r) in [
        ("TEI", d.write_tei(Full, &TeiOptions::default())),
        ("epub", d.write_epub(Full, &EpubOptions::default())),
        ("HTML", d.write_html(Full, &HtmlOptions::default())),
        (
            "Markdown",
            d.write_markdown(Full, &MarkdownOptions::default()),
        ),
        (
            "review page",
            d.write_review(Full, &ReviewOptions::default()),
        ),
        (
            "pdf",
            d.write_pdf(Full, &PdfOptions::default().with_system_fonts(false)),
        ),
    ] {
        let msg = message(r);
        assert_says(&msg, &["cannot write", format, "no space left on device"]);
    }
}

#[test]
fn option_errors_name_the_option_and_the_value() {
    let d = doc();
    let lang = Metadata {
        language: "not a tag!".into(),
        ..Default::default()
    };
    assert_says(
        &message(d.write_html(io::sink(), &HtmlOptions::default().with_metadata(lang))),
        &["invalid option html language", "\"not a tag!\"", "BCP 47"],
    );
    let epub = |o: EpubOptions| message(d.write_epub(io::sink(), &o));
    assert_says(
        &epub(EpubOptions::default().with_language("x y")),
        &["epub language", "\"x y\""],
    );
    assert_says(
        &epub(EpubOptions::default().with_identifier("1234")),
        &["epub identifier", "\"1234\" is not a UUID"],
    );
    assert_says(
        &epub(EpubOptions::default().with_date("17.1.2025")),
        &["epub date", "\"17.1.2025\"", "2025-01-17"],
    );
    assert_says(
        &epub(EpubOptions::default().with_modified(i64::MAX)),
        &["epub modified", "out of range"],
    );
    assert_says(
        &message(Cover::new(b"%PDF-1.7".to_vec())),
        &["invalid option cover", "not a PNG", "25 50 44 46"],
    );
    assert_says(&message(Cover::new(Vec::new())), &["cover", "empty"]);
    let pdf = |o: PdfOptions| message(d.write_pdf(io::sink(), &o.with_system_fonts(false)));
    assert_says(
        &pdf(PdfOptions::default().with_body(100.0, 1.5)),
        &["invalid option body_size", "100 points", "between 4 and 72"],
    );
    assert_says(
        &pdf(PdfOptions::default().with_body(10.0, f32::NAN)),
        &["line_spacing", "NaN"],
    );
    assert_says(
        &pdf(PdfOptions::default().with_page(PageSize::Custom {
            width_mm: 50.0,
            height_mm: 70.0,
        })),
        &["invalid option page", "50 × 70 mm", "10.5 pt"],
    );
    assert_says(
        &message(
            ReviewOptions::default()
                .with_gold_json("{\"source\": \"a.txt\",\n \"blocks\": [{\"kind\": 3}]}"),
        ),
        &["invalid option gold", "not layout JSON", "line 2"],
    );
}

#[test]
fn font_errors_name_the_font() {
    let d = doc();
    let pdf = |f: FontSource| {
        message(d.write_pdf(
            io::sink(),
            &PdfOptions::default().with_system_fonts(false).with_font(f),
        ))
    };
    assert_says(
        &pdf(FontSource::from_spec("/nonexistent/NotoSerif.ttf")),
        &["cannot read /nonexistent/NotoSerif.ttf"],
    );
    assert_says(
        &pdf(FontSource::Bytes {
            data: b"not a font".to_vec().into(),
            index: 0,
        }),
        &["pdf output failed", "font given in memory", "face 0"],
    );
}
