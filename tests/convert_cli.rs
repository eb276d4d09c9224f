//! The `reprint` binary as a user runs it: one file to standard output or a
//! file, standard input, several formats and inputs into a directory in
//! parallel, failures reported at the end without stopping the others, each
//! option, and the exit status (0 ok, 1 a conversion failed, 2 bad usage).
#![cfg(all(
    feature = "cli",
    feature = "epub",
    feature = "pdf",
    feature = "markdown",
    feature = "html",
    feature = "tei"
))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `cargo test` builds the binary for the integration tests.
fn convert() -> Command {
    Command::new(env!("CARGO_BIN_EXE_reprint"))
}

/// Runs reprint with `input` on its standard input.
fn piped(args: &[&str], input: &[u8]) -> Output {
    let mut child = convert()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // reprint may refuse the command line before it reads: a broken pipe then.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn read_seed(name: &str) -> Vec<u8> {
    std::fs::read(seed(name)).unwrap()
}

/// The entries of a zip archive (an EPUB) and their text.
fn epub_entries(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut f, &mut text);
            (f.name().to_string(), text)
        })
        .collect()
}

fn entry<'a>(entries: &'a [(String, String)], name: &str) -> &'a str {
    entries
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.as_str())
        .unwrap_or_else(|| panic!("{name} not in the EPUB"))
}

fn seed(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reprint-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn one_file_to_standard_output() {
    let o = convert()
        .arg(seed("003"))
        .args(["--to", "markdown"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.starts_with("# "), "{}", &md[..200.min(md.len())]);
}

#[test]
fn format_from_the_output_name() {
    let dir = scratch("name");
    let out = dir.join("x.tei.xml");
    let o = convert()
        .arg(seed("004"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let tei = std::fs::read_to_string(&out).unwrap();
    assert!(tei.contains("<TEI"), "not TEI");
}

#[test]
fn binary_formats_need_an_output() {
    let o = convert()
        .arg(seed("004"))
        .args(["--to", "epub"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("give -o"), "{}", stderr(&o));
}

/// The README's first command: one fixture to EPUB, PDF and TEI in a directory.
#[test]
fn several_formats_into_a_directory() {
    let dir = scratch("formats");
    let out = dir.join("out");
    let o = convert()
        .arg(seed("004"))
        .args(["--to", "epub,pdf,tei", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let stem = seed("004")
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    for ext in [".epub", ".pdf", ".tei.xml"] {
        let f = out.join(format!("{stem}{ext}"));
        let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(
            bytes.len() > 10_000,
            "{} is only {} bytes",
            f.display(),
            bytes.len()
        );
    }
    assert!(
        std::fs::read(out.join(format!("{stem}.pdf")))
            .unwrap()
            .starts_with(b"%PDF-")
    );
    assert!(
        std::fs::read(out.join(format!("{stem}.epub")))
            .unwrap()
            .starts_with(b"PK")
    );
    // Not a terminal: no progress bar, one summary line.
    assert!(
        stderr(&o).contains("3 of 3 files written from 1 input"),
        "{}",
        stderr(&o)
    );
}

/// A directory of inputs, one of them not text: the others are converted, the
/// bad one is named at the end, and the exit status says something failed.
#[test]
fn a_directory_keeps_going_past_a_bad_file() {
    let dir = scratch("dir");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    for (name, to) in [("000", "a.txt"), ("003", "sub/b.txt"), ("004", "sub/a.txt")] {
        std::fs::copy(seed(name), input.join(to)).unwrap();
    }
    let bad: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(input.join("sub/broken.txt"), bad).unwrap();
    std::fs::write(input.join("notes.md"), "not an input").unwrap();
    let out = dir.join("out");
    let o = convert()
        .arg(&input)
        .args(["--to", "layout,tei", "-j", "2", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("broken.txt") && err.contains("is not text: binary data at byte"),
        "{err}"
    );
    assert!(err.contains("1 of 4 inputs failed"), "{err}");
    // Same file names in different folders do not collide.
    for f in [
        "a.layout.json",
        "a.tei.xml",
        "sub/a.tei.xml",
        "sub/b.tei.xml",
        "sub/b.layout.json",
    ] {
        assert!(out.join(f).is_file(), "{f} missing; {err}");
    }
    assert!(!out.join("notes.layout.json").exists());
    assert!(!out.join("sub/broken.tei.xml").exists());
}

#[test]
fn clashing_outputs_are_refused_before_anything_is_written() {
    let dir = scratch("clash");
    std::fs::create_dir_all(dir.join("x")).unwrap();
    std::fs::create_dir_all(dir.join("y")).unwrap();
    std::fs::copy(seed("003"), dir.join("x/same.txt")).unwrap();
    std::fs::copy(seed("004"), dir.join("y/same.txt")).unwrap();
    let out = dir.join("out");
    let o = convert()
        .arg(dir.join("x/same.txt"))
        .arg(dir.join("y/same.txt"))
        .args(["--to", "tei", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("would both be written to"),
        "{}",
        stderr(&o)
    );
    assert!(!out.join("same.tei.xml").exists());
}

#[test]
fn overrides_reach_every_file() {
    let dir = scratch("overrides");
    let o = convert()
        .arg(seed("003"))
        .arg(seed("004"))
        .args([
            "--to",
            "json",
            "--quiet",
            "--date",
            "2025-03-17",
            "--publication",
            "测试出版社",
            "-o",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "--quiet printed {}", stderr(&o));
    for name in ["003", "004"] {
        let stem = seed(name)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join(format!("{stem}.json"))).unwrap())
                .unwrap();
        assert_eq!(json["meta"]["date"], "2025-03-17");
        assert_eq!(json["meta"]["publication"], "测试出版社");
    }
}

#[test]
fn a_missing_file_is_named() {
    let o = convert().arg("no/such/file.txt").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot read no/such/file.txt"),
        "{}",
        stderr(&o)
    );
    let dir = scratch("missing");
    let o = convert()
        .arg(seed("003"))
        .arg("no/such/file.txt")
        .args(["--to", "tei", "-o"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        !dir.join(format!(
            "{}.tei.xml",
            seed("003").file_stem().unwrap().to_string_lossy()
        ))
        .exists(),
        "nothing is written on a bad command line"
    );
}

/// Inputs that cannot be converted each get one line that says why, naming
/// the path as given: an empty file, a binary file, a directory without
/// texts.
#[test]
fn unusable_inputs_are_named_in_one_line() {
    let dir = scratch("unusable");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", " \n\u{3000}\n\n".as_bytes()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let o = convert().arg(&path).args(["--to", "tei"]).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{name}: an empty book was written");
        assert_eq!(
            stderr(&o),
            format!("reprint: no text in {}\n", path.display())
        );
    }
    let o = piped(&["-", "--to", "md"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "reprint: no text in standard input\n");
    // An executable: one line, with the path as given and the first byte text never has.
    let mut elf = b"\x7fELF\x02\x01\x01\0".to_vec();
    elf.extend((0..8192u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    let bin = dir.join("sub").join("ls");
    std::fs::create_dir_all(bin.parent().unwrap()).unwrap();
    std::fs::write(&bin, &elf).unwrap();
    let o = convert().arg(&bin).args(["--to", "md"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "reprint: {} is not text: binary data at byte 0\n",
            bin.display()
        )
    );
    // A directory with nothing to convert is not an option error.
    let empty = dir.join("nothing");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("notes.md"), "no text file").unwrap();
    let o = convert()
        .arg(&empty)
        .args(["--to", "tei", "-o"])
        .arg(dir.join("out"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!("reprint: {} holds no .txt files", empty.display()))
            && !err.contains("invalid option")
            && err.lines().count() == 1,
        "{err}"
    );
}

/// `reprint book.txt | head`: the reader closes the pipe early; reprint
/// stops without a word and without failing.
#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = convert()
        .arg(seed("004"))
        .args(["--to", "md"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut head).unwrap();
    // 004 as Markdown is far more than a pipe holds: reprint is still writing.
    drop(stdout);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

#[test]
fn help_and_version_exit_0_and_bad_usage_2() {
    let o = convert().arg("--help").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let help = String::from_utf8(o.stdout).unwrap();
    for flag in [
        "--to",
        "--output",
        "--heading-pattern",
        "--caption-pattern",
        "--column-width",
        "--keep-furniture",
        "--css",
        "--metadata-file",
        "--no-title-page",
        "--toc-depth",
        "--split-level",
        "--cover",
        "--vertical",
        "--generate",
        "Exit status",
    ] {
        assert!(help.contains(flag), "--help does not mention {flag}");
    }
    let o = convert().arg("--version").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("reprint "));
    for bad in [
        &["--no-such-option", "x.txt"][..],
        &[],
        &["x.txt", "--to", "docx"],
        &["x.txt", "--toc-depth", "0"],
        &["x.txt", "--column-width", "many"],
    ] {
        let o = convert().args(bad).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{bad:?}: {}", stderr(&o));
    }
}

/// Not text: the conversion fails (1), not the command line (2).
#[test]
fn a_failed_conversion_exits_1() {
    let dir = scratch("fail");
    let bad: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(dir.join("broken.txt"), bad).unwrap();
    let o = convert()
        .arg(dir.join("broken.txt"))
        .args(["--to", "tei"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is not text: binary data at byte"),
        "{}",
        stderr(&o)
    );
    let o = convert()
        .arg(seed("004"))
        .args(["--to", "pdf", "-o"])
        .arg(dir.join("no/such/dir/x.pdf"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

/// `pdftotext scan.pdf - | reprint - -t epub -o book.epub`, and `-o -`.
#[test]
fn standard_input_and_output() {
    // 004 is a compilation named by its file unless a title is given: the same for both.
    let o = piped(
        &["-", "-t", "epub", "-o", "-", "--title", "文件汇编"],
        &read_seed("004"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        o.stdout.starts_with(b"PK"),
        "not an EPUB on standard output"
    );
    let from_file = convert()
        .arg(seed("004"))
        .args(["-t", "epub", "-o", "-", "--title", "文件汇编"])
        .output()
        .unwrap();
    assert_eq!(
        o.stdout, from_file.stdout,
        "standard input and the file give the same book"
    );

    let dir = scratch("stdin");
    let book = dir.join("book.epub");
    let o = piped(
        &["-", "-t", "epub", "-o", book.to_str().unwrap()],
        &read_seed("003"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&book).unwrap().starts_with(b"PK"));

    let o = piped(
        &["-", "--to", "markdown"],
        "标题\n\n正文第一行，\n第二行。\n".as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "# 标题\n\n正文第一行，第二行。\n"
    );

    let o = piped(&["-", "-t", "pdf", "-o", "-"], &read_seed("003"));
    assert!(
        o.status.success() && o.stdout.starts_with(b"%PDF-"),
        "{}",
        stderr(&o)
    );

    // Several formats from standard input go to a directory, named stdin.*.
    let o = piped(
        &["-", "-t", "tei,markdown", "-q", "-o", dir.to_str().unwrap()],
        &read_seed("003"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("stdin.tei.xml").is_file() && dir.join("stdin.md").is_file());
    // ... but not several outputs to standard output, nor standard input twice.
    let o = piped(&["-", "-t", "tei,markdown", "-o", "-"], b"x\n");
    assert_eq!(o.status.code(), Some(2));
    let o = piped(
        &["-", "-", "-t", "tei", "-o", dir.to_str().unwrap()],
        b"x\n",
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_big5_file_converts() {
    let big5 = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/extra/zh_tw.big5.txt");
    let o = convert()
        .arg(&big5)
        .args(["--to", "markdown"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .starts_with("# 山城書店的最後一個冬天")
    );
}

#[test]
fn parser_options() {
    // Chapter lines long enough to read as the start of a paragraph: the
    // built-in rules join them to the text below.
    let text = "小说\n\n卷上 他出门的那一天下着大雨\n\n他出门了。街上没有人，雨下得很大，他走了很久。\n\n卷下 他回家的那一天出了太阳\n\n他回家了。太阳很好，他走得很快，不久就到了家门口。\n\n照片 大桥\n\n正文。\n";
    let md = |args: &[&str]| {
        let mut all = vec!["-", "--to", "markdown"];
        all.extend_from_slice(args);
        let o = piped(&all, text.as_bytes());
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    };
    let plain = md(&[]);
    assert!(!plain.contains("## 卷上"), "{plain}");
    let chapters = md(&["--heading-pattern", "^卷."]);
    assert!(
        chapters.contains("\n## 卷上\u{3000}他出门")
            && chapters.contains("\n## 卷下\u{3000}他回家"),
        "{chapters}"
    );
    assert!(chapters.contains("\n他出门了。"), "{chapters}");
    let level3 = md(&["--heading-pattern", "^卷.:3"]);
    assert!(level3.contains("\n### 卷下\u{3000}他回家"), "{level3}");
    let articles = md(&["--heading-pattern", "^卷.:1"]);
    assert!(articles.contains("\n# 卷下\u{3000}他回家"), "{articles}");

    let json = |args: &[&str]| {
        let mut all = vec!["--to", "json"];
        all.extend_from_slice(args);
        let o = convert().arg(seed("004")).args(&all).output().unwrap();
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    };
    let furniture =
        |j: &str| j.contains("\"type\": \"milestone\"") || j.contains("\"type\": \"furniture\"");
    let kept = json(&[]);
    assert!(furniture(&kept), "furniture is kept by default");
    assert_eq!(json(&["--keep-furniture"]), kept);
    let dropped = json(&["--keep-furniture=false"]);
    assert!(!furniture(&dropped), "furniture dropped");
    assert_eq!(json(&["--drop-furniture"]), dropped);
    // A column width given changes how lines are joined (or at least is accepted).
    assert!(json(&["--column-width", "16"]).contains("\"articles\""));

    let captions = |args: &[&str]| {
        let mut all = vec!["-", "--to", "layout"];
        all.extend_from_slice(args);
        String::from_utf8(piped(&all, text.as_bytes()).stdout).unwrap()
    };
    assert!(!captions(&[]).contains("\"caption\""));
    // A picture's label the built-in rules do not know (图1 … they do).
    assert!(captions(&["--caption-pattern", "^照片"]).contains("\"caption\""));
    let o = piped(&["-", "--caption-pattern", "(unclosed"], b"x\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--caption-pattern"), "{}", stderr(&o));
}

#[test]
fn metadata_file_yaml_and_json() {
    let dir = scratch("meta");
    std::fs::write(dir.join("meta.yaml"), "---\ntitle: 书名\nauthor:\n  - 张三\n  - name: 李四\nlang: zh-TW\ndate: 2025-03-17\npublisher: 测试出版社\nunknown: 1\n...\n").unwrap();
    std::fs::write(
        dir.join("meta.json"),
        r#"{"title": "另一个书名", "author": "王五"}"#,
    )
    .unwrap();
    let o = convert()
        .arg(seed("003"))
        .args(["--to", "json", "--metadata-file"])
        .arg(dir.join("meta.yaml"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("unknown"),
        "an unknown key is warned about: {}",
        stderr(&o)
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["meta"]["title"], "书名");
    assert_eq!(json["meta"]["authors"], serde_json::json!(["张三", "李四"]));
    assert_eq!(json["meta"]["language"], "zh-TW");
    assert_eq!(json["meta"]["date"], "2025-03-17");
    assert_eq!(json["meta"]["publication"], "测试出版社");
    // The options win over the file.
    let o = convert()
        .arg(seed("003"))
        .args(["--to", "json", "--title", "命令行", "--metadata-file"])
        .arg(dir.join("meta.json"))
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["meta"]["title"], "命令行");
    assert_eq!(json["meta"]["authors"], serde_json::json!(["王五"]));
    std::fs::write(dir.join("bad.yaml"), "title: [unclosed\n").unwrap();
    let o = convert()
        .arg(seed("003"))
        .args(["--to", "json", "--metadata-file"])
        .arg(dir.join("bad.yaml"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn epub_options() {
    let dir = scratch("epub");
    std::fs::write(dir.join("extra.css"), "p { color: #123456; }\n").unwrap();
    let epub = |args: &[&str]| {
        let o = convert()
            .arg(seed("002"))
            .args(["--to", "epub", "-o", "-"])
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        epub_entries(&o.stdout)
    };
    let plain = epub(&[]);
    assert!(entry(&plain, "OEBPS/content.opf").contains("title.xhtml"));
    assert!(!entry(&plain, "OEBPS/stylesheet.css").contains("#123456"));

    let css = epub(&["--css", dir.join("extra.css").to_str().unwrap()]);
    assert!(
        entry(&css, "OEBPS/stylesheet.css")
            .trim_end()
            .ends_with("p { color: #123456; }")
    );

    let untitled = epub(&["--no-title-page"]);
    let opf = entry(&untitled, "OEBPS/content.opf");
    assert!(
        !opf.contains("title.xhtml") && opf.contains("<itemref idref=\"nav\"/>"),
        "{opf}"
    );
    assert!(!untitled.iter().any(|(n, _)| n == "OEBPS/title.xhtml"));

    let toc_links = |e: &[(String, String)]| {
        entry(e, "OEBPS/nav.xhtml")
            .split("<nav epub:type=\"landmarks\"")
            .next()
            .unwrap()
            .matches("<a ")
            .count()
    };
    let shallow = epub(&["--toc-depth", "1"]);
    assert!(
        toc_links(&shallow) < toc_links(&plain),
        "{} vs {}",
        toc_links(&shallow),
        toc_links(&plain)
    );
    assert!(!entry(&shallow, "OEBPS/nav.xhtml").contains("#h1\""));

    let files = |e: &[(String, String)]| e.iter().filter(|(n, _)| n.ends_with(".xhtml")).count();
    let split = epub(&["--split-level", "2"]);
    assert!(
        files(&split) > files(&plain),
        "{} vs {}",
        files(&split),
        files(&plain)
    );

    let vertical = epub(&["--vertical"]);
    assert!(entry(&vertical, "OEBPS/stylesheet.css").contains("writing-mode: vertical-rl"));
    assert!(entry(&vertical, "OEBPS/content.opf").contains("page-progression-direction=\"rtl\""));

    let png = tiny_png();
    std::fs::write(dir.join("cover.png"), &png).unwrap();
    let covered = epub(&["--cover", dir.join("cover.png").to_str().unwrap()]);
    assert!(covered.iter().any(|(n, _)| n == "OEBPS/cover.png"));
}

#[test]
fn html_takes_a_stylesheet() {
    let dir = scratch("html");
    std::fs::write(dir.join("extra.css"), "p > em { color: #654321; }\n").unwrap();
    let o = convert()
        .arg(seed("003"))
        .args(["--to", "html", "--css"])
        .arg(dir.join("extra.css"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.contains("p > em { color: #654321; }"));
    let o = convert()
        .arg(seed("003"))
        .args(["--to", "html", "--css", "no/such.css"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

/// A 2 × 2 grey PNG, made here so the test needs no image file.
fn tiny_png() -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    fn crc32(bytes: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for &b in bytes {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    // Rows: filter 0 and two grey pixels; zlib stored block (no compression).
    let raw = [0u8, 0x40, 0x80, 0, 0xC0, 0xFF];
    let mut z = vec![0x78, 0x01, 1, raw.len() as u8, 0, !(raw.len() as u8), 0xFF];
    z.extend(raw);
    let (mut a, mut b) = (1u32, 0u32);
    for &x in &raw {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    z.extend(((b << 16) | a).to_be_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0]);
    chunk(&mut png, b"IDAT", &z);
    chunk(&mut png, b"IEND", &[]);
    png
}

#[test]
fn pdf_cover_and_reproducible_dates() {
    let dir = scratch("pdf");
    std::fs::write(dir.join("cover.png"), tiny_png()).unwrap();
    let pdf = |args: &[&str]| {
        let o = convert()
            .arg(seed("003"))
            .args(["--to", "pdf", "-o", "-"])
            .args(args)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        o.stdout
    };
    let plain = pdf(&[]);
    assert_eq!(plain, pdf(&[]), "the same input gives the same PDF");
    let covered = pdf(&["--cover", dir.join("cover.png").to_str().unwrap()]);
    let doc = lopdf::Document::load_mem(&covered).unwrap();
    let pages = doc.get_pages();
    assert_eq!(
        pages.len(),
        lopdf::Document::load_mem(&plain).unwrap().get_pages().len() + 1,
        "one page more"
    );
    let first = doc.get_dictionary(pages[&1]).unwrap();
    let resources = first.get(b"Resources").unwrap().as_dict().unwrap();
    assert!(
        resources
            .get(b"XObject")
            .unwrap()
            .as_dict()
            .unwrap()
            .has(b"Cover")
    );
    // The cover counts in the viewer as "cover", the text from 1 as printed.
    assert!(doc.catalog().unwrap().has(b"PageLabels"));
    let dated = pdf(&["--modified", "1700000000"]);
    assert!(String::from_utf8_lossy(&dated).contains("D:20231114221320"));
    std::fs::write(dir.join("cover.gif"), b"GIF89a\x01\x00\x01\x00").unwrap();
    let o = convert()
        .arg(seed("003"))
        .args(["--to", "pdf", "-o", "-", "--cover"])
        .arg(dir.join("cover.gif"))
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "a cover the PDF cannot take fails the conversion"
    );
    assert!(stderr(&o).contains("JPEG or PNG"), "{}", stderr(&o));
}

/// Issue 19: the PDF's dates were the time of writing, so two runs of the
/// same input differed. Written twice more than a second apart (the PDF's
/// dates count seconds), without `SOURCE_DATE_EPOCH`, the PDF and the EPUB
/// are the same bytes.
#[test]
fn pdf_and_epub_are_byte_identical_when_written_at_two_times() {
    let write = |to: &str| {
        let o = convert()
            .arg(seed("002"))
            .args(["--to", to, "-o", "-"])
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        assert!(o.status.success(), "{to}: {}", stderr(&o));
        o.stdout
    };
    let first = (write("pdf"), write("epub"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = (write("pdf"), write("epub"));
    assert!(first.0 == second.0, "the PDF differs between two runs");
    assert!(first.1 == second.1, "the EPUB differs between two runs");
    assert!(first.0.starts_with(b"%PDF-") && first.1.starts_with(b"PK"));
}

#[test]
fn man_page_and_completions() {
    let o = convert().args(["--generate", "man"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let man = String::from_utf8(o.stdout).unwrap();
    assert!(
        man.contains(".TH reprint") && man.contains("heading\\-pattern"),
        "{}",
        &man[..300.min(man.len())]
    );
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = convert().args(["--generate", shell]).output().unwrap();
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("reprint"),
            "{shell}"
        );
    }
    let o = convert()
        .args(["--generate", "man", "x.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "--generate stands alone");
}

/// docs/cli.md's command reference is `reprint --help` as it is now.
#[test]
fn the_command_reference_is_current() {
    let o = convert().arg("--help").output().unwrap();
    let help = String::from_utf8(o.stdout).unwrap();
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/cli.md")).unwrap();
    let block = doc
        .split("`reprint --help`:\n\n```text\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```\n").next())
        .expect("a help block in docs/cli.md");
    assert!(
        block == help.trim_end(),
        "docs/cli.md's command reference differs from reprint --help: paste the new one in"
    );
}
