//! Time to write each fixture's review page, with and without its gold
//! layout. Page sizes are printed before the timings.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use reprint::layout::Layout;
use reprint::write::review::ReviewOptions;
use reprint::{Document, Options};
use std::path::PathBuf;
use std::time::Duration;

fn fixtures() -> Vec<(String, Document, Option<Layout>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("fixtures/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let file = p.file_name()?.to_string_lossy().into_owned();
            let name = file.chars().take(3).collect::<String>();
            let bytes = std::fs::read(&p).ok()?;
            let gold =
                std::fs::read_to_string(root.join("fixtures/gold").join(format!("{file}.json")))
                    .ok()
                    .and_then(|j| serde_json::from_str(&j).ok());
            match std::panic::catch_unwind(|| {
                reprint::parse_bytes(&bytes, &Options::default().with_file_name(file.clone()))
            }) {
                Ok(Ok(doc)) => Some((name, doc, gold)),
                _ => {
                    eprintln!("{name}: the parser failed; not measured");
                    None
                }
            }
        })
        .collect()
}

fn review(doc: &Document, options: &ReviewOptions) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 20);
    doc.write_review(&mut out, options).unwrap();
    out
}

fn bench(c: &mut Criterion) {
    let docs = fixtures();
    println!("fixture  lines  source  review  review+gold (bytes)");
    for (name, doc, gold) in &docs {
        let with_gold = gold.as_ref().map_or("-".to_string(), |g| {
            review(doc, &ReviewOptions::default().with_gold(g.clone()))
                .len()
                .to_string()
        });
        println!(
            "{name}  {}  {}  {}  {with_gold}",
            doc.source.line_count,
            doc.source.byte_len,
            review(doc, &ReviewOptions::default()).len()
        );
    }
    let mut g = c.benchmark_group("review");
    g.measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    for (name, doc, gold) in &docs {
        g.bench_with_input(BenchmarkId::new("write", name), doc, |b, d| {
            b.iter(|| review(d, &ReviewOptions::default()))
        });
        if let Some(gold) = gold {
            let options = ReviewOptions::default().with_gold(gold.clone());
            g.bench_with_input(BenchmarkId::new("write_gold", name), doc, |b, d| {
                b.iter(|| review(d, &options))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
