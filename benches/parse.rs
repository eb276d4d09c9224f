//! Parsing throughput: synthetic 50, 10 and 1 MB inputs, then each fixture
//! made by concatenating the fixtures (as `scripts/make-input.sh` does), to
//! show that the time grows linearly with the input. The parse is from bytes
//! (`parse_bytes`: encoding detection and UTF-8 validation included). The
//! document is freed outside the measured time (`iter_with_large_drop`): a
//! caller keeps it to write it, and freeing the model of 50 MB of text takes
//! some 40 ms of its own.

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use reprint::Options;
use std::time::Duration;

#[path = "support/seeds.rs"]
mod support;
use support::{seeds, short};

/// The fixtures in name order, a blank line after each, round after round
/// until the text holds at least `bytes` bytes.
fn synthetic(bytes: usize) -> Vec<u8> {
    let seeds: Vec<Vec<u8>> = seeds()
        .iter()
        .map(|p| std::fs::read(p).expect("seed"))
        .collect();
    let mut out = Vec::with_capacity(bytes + (1 << 20));
    'fill: loop {
        for s in &seeds {
            out.extend_from_slice(s);
            out.push(b'\n');
            if out.len() >= bytes {
                break 'fill;
            }
        }
    }
    out
}

fn parse(bytes: &[u8]) -> reprint::Document {
    reprint::parse_bytes(bytes, &Options::default()).expect("parse")
}

fn fixtures(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for path in seeds() {
        let bytes = std::fs::read(&path).expect("seed");
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(short(&path)),
            &bytes,
            |b, bytes| b.iter_with_large_drop(|| parse(bytes)),
        );
    }
    g.finish();
}

fn sizes(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse_size");
    // One parse of 50 MB takes about a second: few samples, one iteration each.
    g.sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1));
    for mb in [50usize, 10, 1] {
        let input = synthetic(mb * 1_000_000);
        let (samples, secs) = match mb {
            1 => (30, 4),
            10 => (10, 8),
            _ => (10, 20),
        };
        g.sample_size(samples)
            .measurement_time(Duration::from_secs(secs));
        g.throughput(Throughput::Bytes(input.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &input,
            |b, input| b.iter_with_large_drop(|| parse(input)),
        );
    }
    g.finish();
}

// The sizes first, the largest first: after thousands of small parses the
// heap is fragmented, and a 50 MB parse run then takes some 4 % longer (see
// docs/performance.md); run first, it sees the heap a process converting
// one large file sees.
criterion_group!(benches, sizes, fixtures);
criterion_main!(benches);
