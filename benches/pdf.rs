//! PDF output per fixture: criterion times for writing the model as a PDF
//! and for text to PDF; in the same run, each fixture once more through
//! `pandoc --pdf-engine=xelatex -V CJKmainfont="Noto Serif CJK SC"` and
//! calibre's `ebook-convert` when they are installed (median of three
//! wall-clock runs: they take seconds, criterion's ten samples would take
//! minutes; set `REPRINT_BENCH_PEERS=0` to leave them out). Sizes and page
//! counts are printed for all three.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use reprint::write::pdf::PdfOptions;
use reprint::{Document, Options};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

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

fn short(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy()[..3].to_string())
        .unwrap_or_default()
}

fn options() -> PdfOptions {
    PdfOptions::default().with_warnings(false)
}

fn pdf(doc: &Document) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(1 << 20);
    let report = doc
        .write_pdf_report(&mut out, &options())
        .expect("write_pdf");
    (out, report.pages)
}

fn pages(path: &Path) -> String {
    Command::new("pdfinfo")
        .arg(path)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_string()))
        })
        .unwrap_or_else(|| "?".into())
}

fn ours(c: &mut Criterion) {
    let mut g = c.benchmark_group("pdf");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
    for path in seeds() {
        let bytes = std::fs::read(&path).expect("seed");
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = reprint::parse_bytes(&bytes, &Options::default().with_file_name(file.clone()))
            .expect("parse");
        let (out, n) = pdf(&doc);
        println!(
            "size {} reprint: input {} bytes, pdf {} bytes, {} pages",
            short(&path),
            bytes.len(),
            out.len(),
            n
        );
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::new("write", short(&path)), &doc, |b, d| {
            b.iter(|| pdf(d))
        });
        g.bench_with_input(
            BenchmarkId::new("text_to_pdf", short(&path)),
            &bytes,
            |b, bytes| {
                b.iter(|| {
                    pdf(&reprint::parse_bytes(
                        bytes,
                        &Options::default().with_file_name(file.clone()),
                    )
                    .expect("parse"))
                })
            },
        );
    }
    // Thousands of pages: the largest fixture ten times over, to show the
    // time grows with the text and not faster.
    if let Some(path) = seeds().last() {
        let bytes = std::fs::read(path).expect("seed");
        let one = reprint::parse_bytes(&bytes, &Options::default()).expect("parse");
        let mut long = one.clone();
        for _ in 1..10 {
            long.articles.extend(one.articles.iter().cloned());
        }
        let (out, n) = pdf(&long);
        println!(
            "size {}x10 reprint: pdf {} bytes, {} pages",
            short(path),
            out.len(),
            n
        );
        g.bench_function(
            BenchmarkId::new("write", format!("{}x10", short(path))),
            |b| b.iter(|| pdf(&long)),
        );
    }
    g.finish();
}

/// Runs a peer three times, prints the median time, size and pages.
fn peer(label: &str, input: &Path, out: &Path, cmd: &mut dyn FnMut() -> Command) {
    let mut times = Vec::new();
    for _ in 0..3 {
        let _ = std::fs::remove_file(out);
        let t = Instant::now();
        match cmd().output() {
            Ok(o) if o.status.success() && out.exists() => times.push(t.elapsed()),
            Ok(o) => {
                println!(
                    "peer {label} {}: failed: {}",
                    short(input),
                    String::from_utf8_lossy(&o.stderr)
                        .lines()
                        .last()
                        .unwrap_or("")
                );
                return;
            }
            Err(e) => {
                println!("peer {label}: not run ({e})");
                return;
            }
        }
    }
    times.sort();
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    println!(
        "peer {label} {}: {:.2} s (median of 3), pdf {} bytes, {} pages",
        short(input),
        times[1].as_secs_f64(),
        size,
        pages(out)
    );
}

fn peers(_: &mut Criterion) {
    if std::env::var("REPRINT_BENCH_PEERS").is_ok_and(|v| v == "0") {
        return;
    }
    let tmp = std::env::temp_dir().join("reprint-bench-pdf");
    std::fs::create_dir_all(&tmp).expect("temp dir");
    for path in seeds() {
        let tex = tmp.join(format!("{}.xelatex.pdf", short(&path)));
        peer("pandoc-xelatex", &path, &tex, &mut || {
            let mut c = Command::new("pandoc");
            c.arg(&path)
                .args([
                    "-f",
                    "markdown",
                    "--pdf-engine=xelatex",
                    "-V",
                    "CJKmainfont=Noto Serif CJK SC",
                    "-o",
                ])
                .arg(&tex);
            c
        });
        let cal = tmp.join(format!("{}.calibre.pdf", short(&path)));
        peer("calibre", &path, &cal, &mut || {
            let mut c = Command::new("ebook-convert");
            c.arg(&path).arg(&cal);
            c.env("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
                .env("QT_QPA_PLATFORM", "offscreen");
            c
        });
    }
}

criterion_group!(benches, ours, peers);
criterion_main!(benches);
