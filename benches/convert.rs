//! Whole conversions, text to book, per fixture and single-threaded: the
//! bytes parsed and the model written as EPUB, TEI and PDF, as the
//! `convert` example does without the file system.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use reprint::Options;
use reprint::write::{epub::EpubOptions, pdf::PdfOptions, tei::TeiOptions};
use std::time::Duration;

#[path = "support/seeds.rs"]
mod support;
use support::{seeds, short};

fn convert(bytes: &[u8], file: &str, to: &str) -> Vec<u8> {
    let doc = reprint::parse_bytes(bytes, &Options::default().with_file_name(file)).expect("parse");
    let mut out = Vec::with_capacity(1 << 20);
    match to {
        "epub" => doc
            .write_epub(&mut out, &EpubOptions::default())
            .expect("epub"),
        "tei" => doc
            .write_tei(&mut out, &TeiOptions::default())
            .expect("tei"),
        _ => doc
            .write_pdf(&mut out, &PdfOptions::default().with_warnings(false))
            .expect("pdf"),
    }
    out
}

fn bench(c: &mut Criterion) {
    for to in ["epub", "tei", "pdf"] {
        let mut g = c.benchmark_group(format!("convert_{to}"));
        let secs = if to == "pdf" { 8 } else { 3 };
        g.sample_size(if to == "pdf" { 10 } else { 30 })
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(secs));
        for path in seeds() {
            let bytes = std::fs::read(&path).expect("seed");
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            g.throughput(Throughput::Bytes(bytes.len() as u64));
            g.bench_with_input(
                BenchmarkId::from_parameter(short(&path)),
                &bytes,
                |b, bytes| b.iter(|| convert(bytes, &file, to)),
            );
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
