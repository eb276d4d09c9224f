//! EPUB output per fixture: time to write the model, time from bytes to book,
//! and in the same run the time calibre's `ebook-convert` and pandoc take to
//! make an EPUB of the same text file (when they are installed; set
//! `REPRINT_BENCH_PEERS=0` to leave them out). Sizes are printed.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use reprint::write::epub::EpubOptions;
use reprint::{Document, Options};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures/seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

fn name(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy()[..3].to_string())
        .unwrap_or_default()
}

fn parse(bytes: &[u8], file: &str) -> Option<Document> {
    let options = Options::default().with_file_name(file);
    match std::panic::catch_unwind(|| reprint::parse_bytes(bytes, &options)) {
        Ok(Ok(doc)) => Some(doc),
        _ => {
            eprintln!("{file}: the parser failed; left out");
            None
        }
    }
}

fn book(doc: &Document) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    doc.write_epub(&mut out, &EpubOptions::default())
        .expect("write_epub");
    out
}

fn ours(c: &mut Criterion) {
    let mut g = c.benchmark_group("epub");
    g.sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for path in seeds() {
        let bytes = std::fs::read(&path).expect("seed");
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(doc) = parse(&bytes, &file) else {
            continue;
        };
        let out = book(&doc);
        println!(
            "size {}: input {} bytes, epub {} bytes",
            name(&path),
            bytes.len(),
            out.len()
        );
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::new("write", name(&path)), &doc, |b, doc| {
            b.iter(|| book(doc))
        });
        g.bench_with_input(
            BenchmarkId::new("parse+write", name(&path)),
            &bytes,
            |b, bytes| b.iter(|| parse(bytes, &file).map(|d| book(&d))),
        );
    }
    g.finish();
}

/// A peer converter: program, arguments before the input, and output file.
fn peer(c: &mut Criterion, group: &str, program: &str, args: &dyn Fn(&Path, &Path) -> Vec<String>) {
    if std::env::var("REPRINT_BENCH_PEERS").is_ok_and(|v| v == "0")
        || Command::new(program).arg("--version").output().is_err()
    {
        eprintln!("{program} not run");
        return;
    }
    let dir = std::env::temp_dir().join(format!("reprint-bench-{group}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut g = c.benchmark_group(group);
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(8));
    for path in seeds() {
        let out = dir.join(format!("{}.epub", name(&path)));
        let run = || {
            Command::new(program)
                .args(args(&path, &out))
                .output()
                .map(|o| o.status.success())
                .unwrap_or(false)
        };
        if !run() {
            eprintln!("{program} failed on {}", path.display());
            continue;
        }
        println!(
            "size {group} {}: epub {} bytes",
            name(&path),
            std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0)
        );
        g.bench_function(name(&path), |b| b.iter(run));
    }
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

fn peers(c: &mut Criterion) {
    peer(c, "calibre", "ebook-convert", &|input, out| {
        vec![input.display().to_string(), out.display().to_string()]
    });
    peer(c, "pandoc", "pandoc", &|input, out| {
        ["-f", "markdown", "-t", "epub3", "-o"]
            .iter()
            .map(|s| s.to_string())
            .chain([out.display().to_string(), input.display().to_string()])
            .collect()
    });
}

criterion_group!(benches, ours, peers);
criterion_main!(benches);
