//! The inputs the fuzzers found (`tests/fuzz_regressions/TARGET/NAME`, each
//! a crash, a timeout or an out-of-memory once), run through the code of the
//! fuzz targets (`fuzz/src/lib.rs`): the parse with its checks, then every
//! writer with the checks of its output, whichever target found it.
#![cfg(all(
    feature = "epub",
    feature = "tei",
    feature = "pdf",
    feature = "markdown",
    feature = "html",
    feature = "review"
))]

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzz_support;

use std::path::PathBuf;
use std::time::Duration;

/// The fuzzers call an input a hang after 10 s; a debug build gets more.
const HANG: Duration = Duration::from_secs(60);

fn inputs() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|f| f.path())
        .collect();
    v.sort();
    v
}

#[test]
fn every_found_input_converts_to_every_format() {
    let inputs = inputs();
    assert!(!inputs.is_empty(), "no inputs in tests/fuzz_regressions");
    let mut failed = Vec::new();
    for path in inputs {
        let data = std::fs::read(&path).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let r = std::panic::catch_unwind(|| {
                if let Some((doc, input)) = fuzz_support::parse(&data) {
                    for (_, write) in fuzz_support::WRITERS {
                        write(&doc, &input);
                    }
                }
            });
            let _ = tx.send(r.is_ok());
        });
        let name = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&path)
            .display()
            .to_string();
        match rx.recv_timeout(HANG) {
            Ok(true) => {}
            Ok(false) => failed.push(format!("{name}: panicked (above)")),
            Err(_) => failed.push(format!("{name}: no answer after {HANG:?}")),
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
