//! The convert example as a user runs it: one file to standard output or a
//! file, several formats and inputs into a directory in parallel, failures
//! reported at the end without stopping the others.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `cargo test` builds the examples next to the test binaries' directory.
fn convert() -> Command {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap();
    let bin = dir.join("examples").join(format!("convert{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} missing: run through cargo test, which builds the examples", bin.display());
    Command::new(bin)
}

fn seed(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name)).unwrap()
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
    let o = convert().arg(seed("003")).args(["--to", "markdown"]).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.starts_with("# "), "{}", &md[..200.min(md.len())]);
}

#[test]
fn format_from_the_output_name() {
    let dir = scratch("name");
    let out = dir.join("x.tei.xml");
    let o = convert().arg(seed("004")).arg("-o").arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let tei = std::fs::read_to_string(&out).unwrap();
    assert!(tei.contains("<TEI"), "not TEI");
}

#[test]
fn binary_formats_refuse_a_terminal() {
    let o = convert().arg(seed("004")).args(["--to", "epub"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("give -o"), "{}", stderr(&o));
}

/// The README's first command: one fixture to EPUB, PDF and TEI in a directory.
#[test]
fn several_formats_into_a_directory() {
    let dir = scratch("formats");
    let out = dir.join("out");
    let o = convert().arg(seed("004")).args(["--to", "epub,pdf,tei", "-o"]).arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let stem = seed("004").file_stem().unwrap().to_string_lossy().into_owned();
    for ext in [".epub", ".pdf", ".tei.xml"] {
        let f = out.join(format!("{stem}{ext}"));
        let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert!(bytes.len() > 10_000, "{} is only {} bytes", f.display(), bytes.len());
    }
    assert!(std::fs::read(out.join(format!("{stem}.pdf"))).unwrap().starts_with(b"%PDF-"));
    assert!(std::fs::read(out.join(format!("{stem}.epub"))).unwrap().starts_with(b"PK"));
    // Not a terminal: no progress bar, one summary line.
    assert!(stderr(&o).contains("3 of 3 files written from 1 input"), "{}", stderr(&o));
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
    let bad: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    std::fs::write(input.join("sub/broken.txt"), bad).unwrap();
    std::fs::write(input.join("notes.md"), "not an input").unwrap();
    let out = dir.join("out");
    let o = convert().arg(&input).args(["--to", "layout,tei", "-j", "2", "-o"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("broken.txt") && err.contains("does not look like text"), "{err}");
    assert!(err.contains("1 of 4 inputs failed"), "{err}");
    // Same file names in different folders do not collide.
    for f in ["a.layout.json", "a.tei.xml", "sub/a.tei.xml", "sub/b.tei.xml", "sub/b.layout.json"] {
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
    let o = convert().arg(dir.join("x/same.txt")).arg(dir.join("y/same.txt")).args(["--to", "tei", "-o"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("would both be written to"), "{}", stderr(&o));
    assert!(!out.join("same.tei.xml").exists());
}

#[test]
fn overrides_reach_every_file() {
    let dir = scratch("overrides");
    let o = convert()
        .arg(seed("003"))
        .arg(seed("004"))
        .args(["--to", "json", "--quiet", "--date", "2025-03-17", "--publication", "测试出版社", "-o"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "--quiet printed {}", stderr(&o));
    for name in ["003", "004"] {
        let stem = seed(name).file_stem().unwrap().to_string_lossy().into_owned();
        let json: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join(format!("{stem}.json"))).unwrap()).unwrap();
        assert_eq!(json["meta"]["date"], "2025-03-17");
        assert_eq!(json["meta"]["publication"], "测试出版社");
    }
}

#[test]
fn a_missing_file_is_named() {
    let o = convert().arg("no/such/file.txt").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read no/such/file.txt"), "{}", stderr(&o));
}
