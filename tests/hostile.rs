//! Hostile inputs (issue 6): each converts to every format, with sound output,
//! or fails with an error that names the problem; never a panic, a hang, or
//! memory out of proportion to the input.
//!
//! A hang is a case that takes more than [`HANG`]; nothing here times the
//! code otherwise. Memory is the heap the case's own thread allocates, counted
//! by the allocator below, so cases running in parallel do not blur it.
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

use reprint::model::{BlockKind, FurnitureKind, Inline};
use reprint::{Document, Options};
use robust_support::*;
use std::time::Duration;

/// Longer than any case takes on a busy machine: a minute in a release
/// build (the README's test command), five in a debug build, where the
/// 10 MB line alone takes some 85 s.
const HANG: Duration = Duration::from_secs(if cfg!(debug_assertions) { 300 } else { 60 });

mod heap {
    //! The heap each thread has in use, and its peak.
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    struct Counting;

    thread_local! {
        // `const` thread-locals without destructors allocate nothing themselves.
        static LIVE: Cell<isize> = const { Cell::new(0) };
        static PEAK: Cell<isize> = const { Cell::new(0) };
    }

    fn add(delta: isize) {
        let _ = LIVE.try_with(|live| {
            let now = live.get() + delta;
            live.set(now);
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
        });
    }

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc(layout) };
            if !p.is_null() {
                add(layout.size() as isize);
            }
            p
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc_zeroed(layout) };
            if !p.is_null() {
                add(layout.size() as isize);
            }
            p
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) };
            add(-(layout.size() as isize));
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = unsafe { System.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                add(new_size as isize - layout.size() as isize);
            }
            p
        }
    }

    #[global_allocator]
    static COUNTING: Counting = Counting;

    /// `f`'s value and the most heap this thread had in use above what it had before.
    pub fn peak<T>(f: impl FnOnce() -> T) -> (T, usize) {
        let base = LIVE.with(Cell::get);
        PEAK.with(|p| p.set(base));
        let value = f();
        (value, (PEAK.with(Cell::get) - base).max(0) as usize)
    }
}

/// Runs `f` on a thread of its own, failing if it panics or takes longer
/// than [`HANG`]; gives its value and its peak heap (what `f` allocates,
/// the checks included; the input was allocated before).
fn bounded<T: Send + 'static>(name: &str, f: impl FnOnce() -> T + Send + 'static) -> (T, usize) {
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || tx.send(heap::peak(f)))
        .unwrap();
    match rx.recv_timeout(HANG) {
        Ok(done) => done,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: no answer after {HANG:?}: a hang")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => match thread.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(_) => unreachable!("the thread ended without sending"),
        },
    }
}

/// What a case gave: the document and the outputs, or the error's message.
struct Converted {
    doc: Document,
    text: String,
    out: Outputs,
    peak: usize,
}

/// Parses `bytes` as the file `name` and writes every format, checking the
/// parse and each output; `Err` is the parser's refusal, as a message.
fn convert(name: &str, bytes: Vec<u8>, pdf: Pdf) -> Result<Converted, String> {
    let owned = name.to_string();
    let len = bytes.len();
    let (result, peak) = bounded(name, move || -> Result<_, String> {
        let doc = reprint::parse_bytes(&bytes, &Options::default().with_file_name(&owned))
            .map_err(|e| e.to_string())?;
        let text = reprint::decode(&bytes, None, &owned)
            .expect("parse_bytes decoded it")
            .text;
        let out = check_everything(&text, &doc, pdf).unwrap_or_else(|e| panic!("{owned}: {e}"));
        Ok((doc, text, out))
    });
    let (doc, text, out) = result?;
    // Output and memory grow with the input, by the byte and by the line
    // (markup, a PDF page per short article), plus what any document needs
    // (fonts, the stylesheet, the review page's script). The worst cases,
    // at about half these bounds, are the PDF of heading-dense text and of one
    // long line; `memory_grows_linearly` checks the growth itself.
    let lines = doc.source.line_count as usize;
    let allowed_out = 16 * len + 2048 * lines + (1 << 20);
    assert!(
        out.total_len() <= allowed_out,
        "{name}: {} bytes of output for {len} bytes, {lines} lines of input",
        out.total_len()
    );
    let allowed_heap = 128 * len + 8192 * lines + (64 << 20);
    assert!(
        peak <= allowed_heap,
        "{name}: {} MB of heap for {len} bytes, {lines} lines of input",
        peak >> 20
    );
    Ok(Converted {
        doc,
        text,
        out,
        peak,
    })
}

fn converts(name: &str, bytes: Vec<u8>, pdf: Pdf) -> Converted {
    convert(name, bytes, pdf).unwrap_or_else(|e| panic!("{name} was refused: {e}"))
}

fn refused(name: &str, bytes: Vec<u8>) -> String {
    match convert(name, bytes, Pdf::Without) {
        Ok(c) => panic!(
            "{name} was taken for text: {} blocks",
            c.doc.blocks().count()
        ),
        Err(e) => e,
    }
}

/// Pseudo-random bytes, the same on every run.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 56) as u8
        })
        .collect()
}

const PROSE: &str = "标题\n\n\u{3000}\u{3000}第一段的第一行，很长很长很长很长很长很长很长很长很长很长很长\n第二行。\n\n（一）小标题\n\n\u{3000}\u{3000}第二段，English words 和数字 2025 年。\n";

#[test]
fn empty_and_blank_files_give_empty_documents() {
    for (name, text) in [
        ("empty.txt", String::new()),
        (
            "blank.txt",
            "\n \n\t\n\u{3000}\u{3000}\r\n\x0c\n\x0b\n".repeat(1000),
        ),
        ("newline.txt", "\n".into()),
    ] {
        let c = converts(name, text.clone().into_bytes(), Pdf::With);
        assert_eq!(c.doc.blocks().count(), 0, "{name}");
        assert_eq!(
            c.doc.source.line_count as usize,
            source_lines(&text).len(),
            "{name}"
        );
        assert!(
            c.out.markdown.trim().is_empty(),
            "{name}: {:?}",
            c.out.markdown
        );
    }
}

#[test]
fn a_ten_megabyte_line_is_one_paragraph() {
    let unit = "中文字符和 Latin words，数字 12345。";
    let line = unit.repeat((10 << 20) / unit.len());
    let c = converts("one-line.txt", line.clone().into_bytes(), Pdf::With);
    let blocks: Vec<_> = c.doc.blocks().collect();
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0].text(), line);
    println!(
        "10 MB line: {} MB heap at most, {} MB of output",
        c.peak >> 20,
        c.out.total_len() >> 20
    );
}

#[test]
fn binary_data_is_refused_with_a_reason() {
    let err = refused("noise.bin", noise(1 << 20, 1));
    assert_eq!(err, "noise.bin is not text: binary data at byte 7");
    // An image: a PNG header, then compressed data.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(noise(4096, 2));
    let err = refused("cover.png", png);
    assert_eq!(err, "cover.png is not text: binary data at byte 6");
    // Control characters without a NUL: not text, and perhaps an encoding the guess missed.
    let err = refused("controls.txt", b"\x01\x02\x03\x04 text\n".repeat(200));
    assert!(
        err.starts_with("controls.txt does not look like text")
            && err.contains("give the encoding explicitly"),
        "{err}"
    );
}

#[test]
fn nul_bytes() {
    // Text with NUL in every line is binary: the message says where the first is.
    let err = refused(
        "nul.txt",
        "第一行文字\n第二行\0\0文字\n".repeat(100).into_bytes(),
    );
    assert_eq!(err, "nul.txt is not text: binary data at byte 25");
    // A stray NUL in text is kept: TEI writes it as a gap, the readers' formats drop it.
    let text = format!("{PROSE}\n\u{3000}\u{3000}损坏的\0一行。\n").repeat(20);
    let c = converts("stray-nul.txt", text.into_bytes(), Pdf::With);
    assert!(
        c.out.tei.contains(
            "<gap reason=\"forbidden-character\" unit=\"chars\" quantity=\"1\" n=\"U+0000\"/>"
        ),
        "no gap for NUL"
    );
    let epub = epub_support::unzip(&c.out.epub)
        .into_iter()
        .map(|(name, data)| (name, String::from_utf8(data).unwrap_or_default()));
    for (what, out) in epub.chain([
        ("HTML".into(), c.out.html),
        ("Markdown".into(), c.out.markdown),
    ]) {
        assert!(!out.contains('\0'), "{what} has a NUL");
    }
}

#[test]
fn invalid_utf8_in_the_middle_is_replaced_and_said_where() {
    let mut bytes = PROSE.repeat(50).into_bytes();
    let line = 123;
    let at = bytes
        .iter()
        .enumerate()
        .filter(|&(_, b)| *b == b'\n')
        .nth(line - 2)
        .unwrap()
        .0
        + 4;
    bytes.splice(at..at, [0xFF, 0xFE, 0xC0, 0x80, 0xE4, 0xB8]);
    let c = converts("damaged.txt", bytes, Pdf::With);
    assert_eq!(c.doc.source.encoding, "UTF-8");
    let w = &c.doc.warnings[0];
    assert_eq!(w.line, line as u32, "{w:?}");
    assert!(
        w.message.contains("replaced by U+FFFD, first on line 123"),
        "{w:?}"
    );
    assert!(source_lines(&c.text)[line - 1].contains('\u{FFFD}'));
    // Every other line is as it was.
    let clean = PROSE.repeat(50);
    let clean_lines = source_lines(&clean);
    for (i, l) in source_lines(&c.text)
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != line - 1)
    {
        assert_eq!(*l, clean_lines[i], "line {}", i + 1);
    }
}

/// The layout of the same text given as UTF-8.
fn layout_of_utf8(text: &str) -> Vec<reprint::layout::LayoutBlock> {
    reprint::parse(text, &Options::default())
        .unwrap()
        .to_layout()
        .blocks
}

#[test]
fn gb18030_and_utf16_give_what_utf8_gives() {
    let text = PROSE.repeat(30) + "生僻字：𠀀𪚥，一二三。\n";
    let want = layout_of_utf8(&text);
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let le = |bom: bool| -> Vec<u8> {
        (if bom { vec![0xFF, 0xFE] } else { vec![] })
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()
    };
    let be = |bom: bool| -> Vec<u8> {
        (if bom { vec![0xFE, 0xFF] } else { vec![] })
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect()
    };
    for (name, bytes, encoding) in [
        ("gb18030.txt", gb.into_owned(), "GB18030"),
        ("utf16le-bom.txt", le(true), "UTF-16LE"),
        ("utf16be-bom.txt", be(true), "UTF-16BE"),
        ("utf16le.txt", le(false), "UTF-16LE"),
        ("utf16be.txt", be(false), "UTF-16BE"),
    ] {
        let c = converts(name, bytes, Pdf::Without);
        assert_eq!(c.doc.source.encoding, encoding, "{name}");
        assert_eq!(c.text, text, "{name}");
        assert_eq!(c.doc.to_layout().blocks, want, "{name}");
    }
    // The text's own encoding can always be given.
    let odd: Vec<u8> = "短\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let doc = reprint::parse_bytes(&odd, &Options::default().with_encoding("utf-16le")).unwrap();
    assert_eq!(doc.blocks().next().unwrap().text(), "短");
    let err = reprint::parse_bytes(&odd, &Options::default().with_encoding("utf-17"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("unknown encoding \"utf-17\"") && err.contains("utf-16le"),
        "{err}"
    );
}

#[test]
fn a_file_of_page_numbers_is_all_furniture() {
    let mut text = String::new();
    // Up to 9999: a five-digit number is more likely a year or a count than a folio.
    for n in 1..=9_999 {
        text += &match n % 4 {
            0 => format!("{n}\n\n"),
            1 => format!("- {n} -\n\n"),
            2 => format!("\x0c{n}\n"),
            _ => format!("第{n}页\n\n"),
        };
    }
    let c = converts("pages.txt", text.into_bytes(), Pdf::With);
    let reading: Vec<String> = c
        .doc
        .blocks()
        .filter(|b| !matches!(b.kind, BlockKind::Furniture { .. }))
        .flat_map(|b| b.content.iter())
        .filter_map(|i| {
            if let Inline::Span(s) = i {
                Some(s.text().to_string())
            } else {
                None
            }
        })
        .collect();
    // Most are page numbers; whatever the parser kept as text is still in exactly one block (checked above).
    let pages = c
        .doc
        .blocks()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Furniture {
                    kind: FurnitureKind::PageNumber { .. }
                }
            )
        })
        .count()
        + c.doc.blocks().flat_map(|b| b.milestones()).count();
    assert!(
        pages >= 9_000,
        "only {pages} page numbers; text kept: {:?}",
        &reading[..reading.len().min(10)]
    );
}

#[test]
fn a_hundred_thousand_one_character_lines() {
    let text: String = (0..100_000)
        .map(|i| ["字\n", "a\n", "。\n", "1\n", "\u{3000}\n"][i % 5])
        .collect();
    let c = converts("one-char-lines.txt", text.into_bytes(), Pdf::With);
    assert_eq!(c.doc.source.line_count, 100_000);
}

#[test]
fn deeply_repeated_headings_nest_no_deeper_than_their_levels() {
    let marks = [
        "# ",
        "## ",
        "### ",
        "#### ",
        "##### ",
        "###### ",
        "一、",
        "（一）",
        "1. ",
        "（1）",
        "①",
        "第一章 ",
        "第一节 ",
    ];
    let mut text = String::new();
    for n in 0..3000 {
        for m in marks {
            text += &format!("{m}第{n}层标题\n");
        }
        if n % 10 == 0 {
            text += "\n正文一行。\n\n";
        }
    }
    let c = converts("headings.txt", text.into_bytes(), Pdf::With);
    let tei = roxmltree::Document::parse(&c.out.tei).unwrap();
    let depth = tei
        .descendants()
        .filter(|n| n.has_tag_name("div"))
        .map(|n| n.ancestors().filter(|a| a.has_tag_name("div")).count())
        .max()
        .unwrap_or(0);
    assert!(depth <= 8, "divs nested {depth} deep");
}

#[test]
fn xml_metacharacters_and_cdata_ends_stay_text() {
    let nasty = "<title>&amp; ]]> <![CDATA[ x ]]> <?php ?> <!-- c --> \"'` &#0; &nbsp; <script>alert(1)</script>";
    let text = format!("# {nasty}\n\n{nasty}\n\n- {nasty}\n\n| a | b |\n\n[link](javascript:alert(1)) *em* _u_ `code` \\\n").repeat(50);
    let c = converts("xml.txt", text.into_bytes(), Pdf::With);
    for (what, xml) in [
        ("TEI", &c.out.tei),
        ("TEI with line breaks", &c.out.tei_lb),
        ("HTML", &c.out.html),
    ] {
        assert!(!xml.contains("]]>"), "{what}: a raw ]]>");
        assert!(
            !xml.contains("<script>alert"),
            "{what}: markup from the text"
        );
    }
    let files = epub_support::unzip(&c.out.epub);
    for (name, data) in files.iter().filter(|(n, _)| n.ends_with(".xhtml")) {
        let page = String::from_utf8_lossy(data);
        assert!(
            !page.contains("]]>") && !page.contains("<script>alert"),
            "{name}"
        );
    }
    assert!(tei_support::body_text(&c.out.tei).contains(nasty));
}

#[test]
fn bidirectional_controls_are_kept_and_harmless() {
    let text = "标题\u{202E}反转\u{202C}\n\n正文\u{2066}isolate\u{2069} \u{200F}\u{200E}\u{061C} abc\u{202D}def\u{202A}\u{202B}\u{2067}\u{2068}\n\n\u{202E}\n"
        .repeat(100);
    let c = converts("bidi.txt", text.into_bytes(), Pdf::With);
    let kept = tei_support::body_text(&c.out.tei);
    for ch in ['\u{202E}', '\u{2066}', '\u{200F}', '\u{061C}'] {
        assert!(kept.contains(ch), "TEI lost U+{:04X}", ch as u32);
    }
}

#[test]
fn old_mac_line_ends_and_lone_carriage_returns() {
    // Only `\n` ends a line: a file with `\r` alone is one long line.
    let c = converts(
        "mac.txt",
        PROSE.replace('\n', "\r").repeat(200).into_bytes(),
        Pdf::With,
    );
    assert_eq!(c.doc.source.line_count, 1);
    let c = converts(
        "crlf.txt",
        PROSE.replace('\n', "\r\n").repeat(200).into_bytes(),
        Pdf::With,
    );
    assert_eq!(c.doc.to_layout().blocks, layout_of_utf8(&PROSE.repeat(200)));
}

/// Memory grows in proportion to the input: from n to 2n and from 2n to 4n
/// the heap grows by about the same step and its double, where a quadratic
/// cost would quadruple it.
#[test]
fn memory_grows_linearly() {
    type Text = fn(usize) -> String;
    let shapes: [(&str, Text); 3] = [
        ("one line", |n| "中文 Latin，".repeat(n)),
        ("many lines", |n| {
            "第一段的第一行，很长很长\n第二行。\n\n12\n\n".repeat(n / 4)
        }),
        ("headings", |n| {
            "# 标题\n## 一、标题\n（一）标题\n正文。\n".repeat(n / 8)
        }),
    ];
    for (name, make) in shapes {
        let [a, b, c] = [20_000, 40_000, 80_000]
            .map(|n| convert(name, make(n).into_bytes(), Pdf::With).unwrap().peak);
        let (first, second) = (b.saturating_sub(a), c.saturating_sub(b));
        println!("{name}: {} KB, {} KB, {} KB", a >> 10, b >> 10, c >> 10);
        assert!(
            second <= first * 5 / 2 + (1 << 20),
            "{name}: the heap grew by {} KB from n to 2n, by {} KB from 2n to 4n",
            first >> 10,
            second >> 10
        );
    }
}

/// Thousands of contents lines, articles and source notes: each contents
/// line is looked up among the titles and each source among those seen, so
/// a search through all of them each time would be quadratic (it was).
#[test]
fn a_long_table_of_contents_and_many_sources() {
    let n = 6000;
    let mut text: String = (0..n)
        .map(|i| format!("{:02} 目录项第{i}条\n\n", i % 90 + 10))
        .collect();
    for i in 0..n {
        text += &format!("\n# 第{i}篇文章的题目\n\n正文第{i}段。\n\n（据新华社{i}电）\n\n1\n");
    }
    let c = converts("contents.txt", text.into_bytes(), Pdf::With);
    // A collection's source notes are its articles', not the document's.
    let notes = c
        .doc
        .blocks()
        .filter(|b| {
            matches!(
                b.kind,
                reprint::model::BlockKind::Note {
                    kind: reprint::model::NoteKind::Source
                }
            )
        })
        .count();
    assert!(notes >= n / 2, "{notes} source notes");
    assert!(
        c.doc.meta.sources.is_empty(),
        "{:?}",
        &c.doc.meta.sources[..3]
    );
    assert!(
        c.doc
            .blocks()
            .filter(|b| matches!(b.kind, BlockKind::TocEntry { .. }))
            .count()
            >= n / 2
    );
}

/// Options at their extremes: column widths of nothing and of everything,
/// patterns that match every line, at levels no heading has.
#[test]
fn extreme_options() {
    let text = PROSE.repeat(20);
    let every = || regex::Regex::new("").unwrap();
    let variants = [
        Options::default().with_column_width(0),
        Options::default().with_column_width(1),
        Options::default().with_column_width(usize::MAX),
        Options::default().with_heading_pattern(every(), 0),
        Options::default().with_heading_pattern(every(), 255),
        Options::default().with_caption_pattern(every()),
        Options::default().with_credit_pattern(every()),
        Options::default()
            .with_language("not a tag!")
            .with_encoding(" UTF-8 "),
    ];
    for (i, options) in variants.into_iter().enumerate() {
        let name = format!("options-{i}");
        let text = text.clone();
        let (result, _) = bounded(&name, move || {
            let mut options = options;
            options.keep_furniture = i % 2 == 0;
            let doc = reprint::parse_bytes(text.as_bytes(), &options).unwrap();
            if options.keep_furniture {
                check_everything(&text, &doc, Pdf::With).map(drop)
            } else {
                write_all(&doc, Pdf::With).map(drop)
            }
        });
        result.unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
