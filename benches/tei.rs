//! Time to write each fixture as TEI (joined text and with `<lb/>`), next to
//! `pandoc -s -t tei` on the same file when pandoc is installed. Output sizes
//! are printed before the timings.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use reprint::write::tei::TeiOptions;
use reprint::{Document, Options};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

fn fixtures() -> Vec<(String, PathBuf, Document)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let name = p
                .file_stem()?
                .to_string_lossy()
                .chars()
                .take(3)
                .collect::<String>();
            let bytes = std::fs::read(&p).ok()?;
            let parsed = std::panic::catch_unwind(|| {
                reprint::parse_bytes(&bytes, &Options::default().with_file_name(name.clone()))
            });
            match parsed {
                Ok(Ok(doc)) => Some((name, p, doc)),
                _ => {
                    eprintln!("{name}: the parser failed; not measured");
                    None
                }
            }
        })
        .collect()
}

fn tei(doc: &Document, line_breaks: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 20);
    doc.write_tei(
        &mut out,
        &TeiOptions::default().with_line_breaks(line_breaks),
    )
    .unwrap();
    out
}

fn pandoc(path: &PathBuf) -> Option<Vec<u8>> {
    let out = Command::new("pandoc")
        .args(["-s", "-t", "tei"])
        .arg(path)
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout)
}

fn bench(c: &mut Criterion) {
    let docs = fixtures();
    println!("fixture  source  tei  tei+lb  pandoc (bytes)");
    for (name, path, doc) in &docs {
        let src = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let p = pandoc(path).map_or("-".to_string(), |o| o.len().to_string());
        println!(
            "{name}  {src}  {}  {}  {p}",
            tei(doc, false).len(),
            tei(doc, true).len()
        );
    }
    let mut g = c.benchmark_group("tei");
    g.measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    for (name, _, doc) in &docs {
        g.bench_with_input(BenchmarkId::new("write", name), doc, |b, d| {
            b.iter(|| tei(d, false))
        });
        g.bench_with_input(BenchmarkId::new("write_lb", name), doc, |b, d| {
            b.iter(|| tei(d, true))
        });
    }
    g.finish();
    if Command::new("pandoc").arg("--version").output().is_err() {
        eprintln!("pandoc not found: no comparison");
        return;
    }
    let mut g = c.benchmark_group("pandoc");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    for (name, path, _) in &docs {
        g.bench_with_input(BenchmarkId::new("tei", name), path, |b, p| {
            b.iter(|| pandoc(p))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
