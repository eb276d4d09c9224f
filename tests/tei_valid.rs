//! Validates the TEI of every fixture (both forms) and of the hand-built
//! document against TEI P5 `tei_all` with jing. Skips without jing or the
//! schema, except under CI, where it fails: `.ci/tools.sh` fetches the schema.
#![cfg(feature = "tei")]

mod tei_support;

use reprint::Document;
use std::path::{Path, PathBuf};
use std::process::Command;
use tei_support::*;

fn schema() -> Option<PathBuf> {
    let p = std::env::var_os("REPRINT_TEI_SCHEMA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/tools/tei/tei_all.rng"));
    p.is_file().then_some(p)
}

/// `jing` from Debian, or its jar run by java.
fn jing() -> Option<Command> {
    if Command::new("jing").arg("-h").output().is_ok() {
        return Some(Command::new("jing"));
    }
    let jar = Path::new("/usr/share/java/jing.jar");
    if jar.is_file() && Command::new("java").arg("-version").output().is_ok() {
        let mut c = Command::new("java");
        c.arg("-jar").arg(jar);
        return Some(c);
    }
    None
}

#[test]
fn every_fixture_validates_against_tei_all() {
    let (Some(schema), Some(mut jing)) = (schema(), jing()) else {
        let msg = "TEI validation needs jing (Debian package jing) and tei_all.rng (run .ci/tools.sh or set REPRINT_TEI_SCHEMA)";
        assert!(std::env::var_os("CI").is_none(), "{msg}");
        eprintln!("SKIPPED: {msg}");
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tei-valid");
    std::fs::create_dir_all(&dir).unwrap();
    let mut docs: Vec<(String, Document)> = fixtures()
        .iter()
        .filter_map(|p| {
            Some((
                p.file_stem()?.to_string_lossy().into_owned(),
                parse_fixture(p)?.1,
            ))
        })
        .collect();
    docs.push(("every-kind".into(), every_kind()));
    docs.push(("empty".into(), Document::default()));
    docs.extend((0..40).map(|seed| (format!("random-{seed}"), random_document(seed))));
    let mut files = Vec::new();
    for (name, doc) in &docs {
        for (lb, suffix) in [(false, ""), (true, ".lb")] {
            let f = dir.join(format!("{name}{suffix}.tei.xml"));
            std::fs::write(&f, tei(doc, lb)).unwrap();
            files.push(f);
        }
    }
    // One run for all files: jing's start and the schema's load take seconds.
    let out = jing.arg(&schema).args(&files).output().expect("jing runs");
    let report = String::from_utf8_lossy(&out.stdout);
    let errors: Vec<&str> = report
        .lines()
        .filter(|l| l.contains("error"))
        .take(20)
        .collect();
    assert!(
        out.status.success() && errors.is_empty(),
        "jing found errors:\n{}",
        errors.join("\n")
    );
    eprintln!(
        "jing: {} files valid against {}",
        files.len(),
        schema.display()
    );
}
