//! Times parsing (and optionally writing) of the files given, for profiling
//! and for the numbers in docs/performance.md:
//! `timing [--runs N] [--to layout|epub|tei|pdf] FILE...` prints, per file, its
//! size, the median time over N runs and the throughput.

use reprint::{Document, Options};
use std::time::{Duration, Instant};

fn write(doc: &Document, to: &str) -> usize {
    let mut out = Vec::new();
    match to {
        "epub" => doc.write_epub(&mut out, &Default::default()).expect("epub"),
        "tei" => doc.write_tei(&mut out, &Default::default()).expect("tei"),
        "pdf" => doc.write_pdf(&mut out, &Default::default()).expect("pdf"),
        "layout" => out = doc.to_layout_json().into_bytes(),
        _ => {}
    }
    out.len()
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let (mut runs, mut to) = (5usize, String::from("parse"));
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--to" => to = args.next().expect("--to FORMAT"),
            _ => files.push(a),
        }
    }
    for f in files {
        let bytes = std::fs::read(&f).expect("input");
        let mut times: Vec<Duration> = (0..runs.max(1))
            .map(|_| {
                let t = Instant::now();
                let doc = reprint::parse_bytes(&bytes, &Options::default()).expect("parse");
                std::hint::black_box(write(&doc, &to));
                t.elapsed()
            })
            .collect();
        times.sort();
        let median = times[times.len() / 2];
        let mb = bytes.len() as f64 / 1e6;
        println!(
            "{f}\t{} bytes\t{to}\t{:.2} ms\t{:.1} MB/s",
            bytes.len(),
            median.as_secs_f64() * 1e3,
            mb / median.as_secs_f64()
        );
    }
}
