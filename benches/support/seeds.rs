//! The fixtures the benchmarks run on, shared by the bench files.

use std::path::{Path, PathBuf};

/// Every seed text, in name order.
pub fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures/seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// The seed's number (000, 001…), for benchmark ids.
pub fn short(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().chars().take(3).collect())
        .unwrap_or_default()
}
