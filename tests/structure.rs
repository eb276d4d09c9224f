//! Structure recovery on the fixtures, scored against the hand-checked gold
//! with the definitions of `fixtures/gold/score.py`.

use reprint::layout::Layout;
use reprint::score::{Outline, OutlineCounts, Scores, score, score_outline};
use std::path::Path;

const SEEDS: [&str; 5] = [
    "000_68a8ba88c7a46940.txt",
    "001_be8482c41ddce61b.txt",
    "002_f298dd8e9d14375d.txt",
    "003_1f8875f60842b7f4.txt",
    "004_4e3ec80c6fe38783.txt",
];

fn fixture(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

fn scores_of(seed: &str) -> Scores {
    let bytes = std::fs::read(fixture(&format!("seeds/{seed}"))).expect("fixture");
    let source = String::from_utf8(bytes.clone()).expect("fixtures are UTF-8");
    let doc = reprint::parse_bytes(&bytes, &reprint::Options::default().with_file_name(seed))
        .expect("parse");
    let gold: Layout = serde_json::from_str(
        &std::fs::read_to_string(fixture(&format!("gold/{seed}.json"))).expect("gold"),
    )
    .expect("gold JSON");
    let pred = doc.to_layout();
    let s = score(&gold, &pred, &source);
    assert!(s.problems.is_empty(), "{seed}: {:?}", s.problems);
    s
}

/// The floor each metric must stay above. `target` is what issue 2 asks for;
/// `floor` is what the parser reached when this line was last changed, so
/// that no change makes it worse. Where floor < target the target is not met
/// yet (README, "Structure scores").
struct Bar {
    metric: &'static str,
    target: f64,
    floor: f64,
}

const BARS: [Bar; 9] = [
    Bar {
        metric: "paragraph boundary",
        target: 0.97,
        floor: 0.97,
    },
    Bar {
        metric: "title|heading",
        target: 0.93,
        floor: 0.965,
    },
    Bar {
        metric: "heading+level",
        target: 0.85,
        floor: 0.88,
    },
    Bar {
        metric: "caption",
        target: 0.90,
        floor: 0.92,
    },
    Bar {
        metric: "artifact",
        target: 0.95,
        floor: 0.99,
    },
    Bar {
        metric: "note",
        target: 0.85,
        floor: 0.99,
    },
    Bar {
        metric: "byline",
        target: 0.85,
        floor: 0.98,
    },
    Bar {
        metric: "line accuracy",
        target: 0.95,
        floor: 0.988,
    },
    Bar {
        metric: "paragraph boundary (each seed)",
        target: 0.93,
        floor: 0.93,
    },
];

fn value(s: &Scores, metric: &str) -> f64 {
    match metric {
        "line accuracy" => s.line_accuracy(),
        "paragraph boundary" => s.paragraph_boundary_f1(),
        m => s.row(m).f1(),
    }
}

#[test]
fn structure_scores_against_the_gold() {
    let mut total = Scores::default();
    let mut failures = Vec::new();
    let per_seed = BARS
        .iter()
        .find(|b| b.metric == "paragraph boundary (each seed)")
        .expect("bar");
    for seed in SEEDS {
        let s = scores_of(seed);
        println!("== {seed}\n{}", s.table());
        let p = s.paragraph_boundary_f1();
        if p < per_seed.floor {
            failures.push(format!(
                "{seed}: paragraph boundary F1 {p:.4} < {}",
                per_seed.floor
            ));
        }
        total.add(&s);
    }
    println!("== all seeds (micro-averaged)\n{}", total.table());
    println!(
        "{:<24}{:>8}{:>8}{:>8}",
        "metric", "value", "target", "floor"
    );
    for bar in BARS.iter().filter(|b| b.metric != per_seed.metric) {
        let v = value(&total, bar.metric);
        let mark = if v >= bar.target {
            ""
        } else {
            "  (below target)"
        };
        println!(
            "{:<24}{v:>8.4}{:>8.2}{:>8.2}{mark}",
            bar.metric, bar.target, bar.floor
        );
        if v < bar.floor.min(bar.target) {
            failures.push(format!(
                "{} {v:.4} fell below {}",
                bar.metric,
                bar.floor.min(bar.target)
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The Python that runs the gold's own scorers; none only outside CI
/// (the check is then skipped, and says so).
fn python() -> Option<&'static str> {
    let python = ["python3", "python"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok()
    });
    if python.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "python3 is needed under CI to check the scorers"
        );
        eprintln!("skipped: no python3");
    }
    python
}

/// The Rust scorer and `score.py` agree on every fixture.
#[test]
fn rust_scorer_agrees_with_score_py() {
    let Some(python) = python() else { return };
    let dir = std::env::temp_dir().join(format!("reprint-score-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut total = Scores::default();
    for seed in SEEDS {
        let bytes = std::fs::read(fixture(&format!("seeds/{seed}"))).expect("fixture");
        let doc = reprint::parse_bytes(&bytes, &reprint::Options::default().with_file_name(seed))
            .expect("parse");
        std::fs::write(dir.join(format!("{seed}.json")), doc.to_layout_json()).expect("write");
        total.add(&scores_of(seed));
    }
    let out = std::process::Command::new(python)
        .arg(fixture("gold/score.py"))
        .args([
            "--gold-dir".as_ref(),
            fixture("gold").as_os_str(),
            "--pred-dir".as_ref(),
            dir.as_os_str(),
            "--source-dir".as_ref(),
            fixture("seeds").as_os_str(),
            "--json".as_ref(),
        ])
        .output()
        .expect("run score.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let py: serde_json::Value = serde_json::from_slice(&out.stdout).expect("score.py JSON");
    let close = |a: f64, b: f64| (a - b).abs() < 1e-4;
    assert!(close(
        py["line_accuracy"].as_f64().unwrap_or(-1.0),
        (total.line_accuracy() * 1e4).round() / 1e4
    ));
    for kind in reprint::score::KINDS
        .iter()
        .copied()
        .chain(["heading+level", "title|heading"])
    {
        let f = py["per_kind"][kind]["f1"].as_f64().unwrap_or(-1.0);
        assert!(
            close(f, (total.row(kind).f1() * 1e4).round() / 1e4),
            "{kind}: score.py {f}, reprint {}",
            total.row(kind).f1()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- The development set (fixtures/dev, README there) ----

/// The folder of one part of the development set ("A" is `fixtures/dev/A`), or of
/// the held-out set (`fixtures/heldout`, PDFs the parser was not tuned on).
fn set_dir(set: &str) -> String {
    if set == "heldout" {
        set.to_string()
    } else {
        format!("dev/{set}")
    }
}

/// The texts of one part of the development set, sorted.
fn dev_texts(set: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture(&set_dir(set)))
        .expect("fixtures/dev")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

fn parse_dev(set: &str, name: &str) -> (String, reprint::layout::Layout) {
    let bytes = std::fs::read(fixture(&format!("{}/{name}", set_dir(set)))).expect("dev text");
    let source = String::from_utf8(bytes.clone()).expect("dev texts are UTF-8");
    let doc = reprint::parse_bytes(&bytes, &reprint::Options::default().with_file_name(name))
        .expect("parse");
    (source, doc.to_layout())
}

/// Dev set B (manual chapters degraded like print, exact gold): the
/// issue's targets and the floors reached (raised as the scores rise).
const DEV_B_BARS: [Bar; 9] = [
    Bar {
        metric: "paragraph boundary",
        target: 0.95,
        floor: 0.945,
    },
    Bar {
        metric: "title|heading",
        target: 0.90,
        floor: 0.955,
    },
    Bar {
        metric: "heading+level",
        target: 0.80,
        floor: 0.955,
    },
    Bar {
        metric: "caption",
        target: 0.80,
        floor: 0.99,
    },
    Bar {
        metric: "note",
        target: 0.80,
        floor: 0.99,
    },
    Bar {
        metric: "aside",
        target: 0.80,
        floor: 0.99,
    },
    Bar {
        metric: "artifact",
        target: 0.95,
        floor: 0.975,
    },
    Bar {
        metric: "line accuracy",
        target: 0.95,
        floor: 0.985,
    },
    Bar {
        metric: "list_item",
        target: 0.0,
        floor: 0.955,
    },
];

#[test]
fn dev_b_scores_against_the_gold() {
    let mut total = Scores::default();
    for name in dev_texts("B") {
        let (source, pred) = parse_dev("B", &name);
        let gold: Layout = serde_json::from_str(
            &std::fs::read_to_string(fixture(&format!("dev/B/{name}.json"))).expect("gold"),
        )
        .expect("gold JSON");
        let s = score(&gold, &pred, &source);
        assert!(s.problems.is_empty(), "{name}: {:?}", s.problems);
        println!(
            "== dev B {name}: paragraph boundary F1 {:.4}",
            s.paragraph_boundary_f1()
        );
        total.add(&s);
    }
    println!("== dev B (micro-averaged)\n{}", total.table());
    let mut failures = Vec::new();
    println!(
        "{:<24}{:>8}{:>8}{:>8}",
        "metric", "value", "target", "floor"
    );
    for bar in &DEV_B_BARS {
        let v = value(&total, bar.metric);
        let mark = if v >= bar.target {
            ""
        } else {
            "  (below target)"
        };
        println!(
            "{:<24}{v:>8.4}{:>8.2}{:>8.3}{mark}",
            bar.metric, bar.target, bar.floor
        );
        if v < bar.floor {
            failures.push(format!(
                "dev B {} {v:.4} fell below {}",
                bar.metric, bar.floor
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Dev sets A (pdftotext of real PDFs) and C (tesseract OCR), and the
/// held-out set (both kinds, from PDFs the parser was not tuned on; a rule that
/// only helps the dev sets shows here), scored against each PDF's own outline:
/// (set, metric, target, floor).
const DEV_OUTLINE_BARS: [(&str, &str, f64, f64); 11] = [
    ("A", "heading recall", 0.90, 0.91),
    ("A", "heading precision", 0.50, 0.60),
    ("A", "furniture recall", 0.90, 0.895),
    ("A", "furniture precision", 0.80, 0.82),
    ("C", "heading recall", 0.85, 0.92),
    ("C", "heading precision", 0.40, 0.52),
    ("C", "furniture recall", 0.80, 0.95),
    ("heldout", "heading recall", 0.90, 0.90),
    ("heldout", "heading precision", 0.50, 0.44),
    ("heldout", "furniture recall", 0.90, 0.90),
    ("heldout", "furniture precision", 0.80, 0.83),
];

fn outline_scores(set: &str) -> (OutlineCounts, Vec<(String, OutlineCounts)>) {
    let mut total = OutlineCounts::default();
    let mut per = Vec::new();
    for name in dev_texts(set) {
        let stem = name.trim_end_matches(".txt");
        let outline: Outline = serde_json::from_str(
            &std::fs::read_to_string(fixture(&format!("{}/{stem}.outline.json", set_dir(set))))
                .expect("outline"),
        )
        .expect("outline JSON");
        let (source, pred) = parse_dev(set, &name);
        // Every non-blank line in exactly one block, as in dev B and the seeds.
        let nonblank = reprint::score::nonblank_lines(&source);
        let mut seen = std::collections::HashSet::new();
        for b in &pred.blocks {
            for n in b
                .lines
                .iter()
                .flat_map(|r| r[0]..=r[1])
                .filter(|n| nonblank.contains(n))
            {
                assert!(
                    seen.insert(n),
                    "dev {set} {name}: line {n} is in two blocks"
                );
            }
        }
        assert_eq!(
            seen.len(),
            nonblank.len(),
            "dev {set} {name}: lines in no block"
        );
        let c = score_outline(&outline, &pred, &source);
        total.add(&c);
        per.push((stem.to_string(), c));
    }
    (total, per)
}

#[test]
fn dev_a_and_c_scores_against_the_outlines() {
    let mut failures = Vec::new();
    for set in ["A", "C", "heldout"] {
        let (total, per) = outline_scores(set);
        let label = set_dir(set).replace('/', " ");
        println!(
            "== {label}\n{:<36} {:>6} {:>6} {:>6} {:>6} {:>5}",
            "file", "h.rec", "h.prec", "a.rec", "a.prec", "swal."
        );
        for (name, c) in &per {
            println!("{}", c.row(name));
        }
        println!("{}", total.row("all"));
        for &(_, metric, target, floor) in DEV_OUTLINE_BARS.iter().filter(|b| b.0 == set) {
            let v = match metric {
                "heading recall" => total.heading_recall(),
                "heading precision" => total.heading_precision(),
                "furniture recall" => total.artifact_recall(),
                _ => total.artifact_precision(),
            };
            let mark = if v >= target { "" } else { "  (below target)" };
            println!("{label} {metric:<22}{v:>8.4}{target:>8.2}{floor:>8.3}{mark}");
            if v < floor {
                failures.push(format!("{label} {metric} {v:.4} fell below {floor}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The Rust outline scorer and `score_outline.py` agree on dev A and C.
#[test]
fn rust_outline_scorer_agrees_with_score_outline_py() {
    let Some(python) = python() else { return };
    for set in ["A", "C", "heldout"] {
        let dir =
            std::env::temp_dir().join(format!("reprint-outline-{set}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        for name in dev_texts(set) {
            let (_, pred) = parse_dev(set, &name);
            std::fs::write(
                dir.join(format!("{name}.json")),
                serde_json::to_string(&pred).expect("layout JSON"),
            )
            .expect("write");
        }
        let out = std::process::Command::new(python)
            .arg(fixture("gold/score_outline.py"))
            .args([
                "--dir".as_ref(),
                fixture(&set_dir(set)).as_os_str(),
                "--pred-dir".as_ref(),
                dir.as_os_str(),
                "--json".as_ref(),
            ])
            .output()
            .expect("run score_outline.py");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let py: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("score_outline.py JSON");
        let (total, _) = outline_scores(set);
        let t = &py["total"];
        let got = [
            total.heading_gold,
            total.heading_found,
            total.pred_heads,
            total.pred_heads_on_outline,
            total.artifact_gold,
            total.artifact_found,
            total.artifact_pred,
            total.artifact_swallowed,
        ];
        let keys = [
            "heading_gold",
            "heading_found",
            "pred_heads",
            "pred_heads_on_outline",
            "artifact_gold",
            "artifact_found",
            "artifact_pred",
            "artifact_swallowed",
        ];
        for (k, v) in keys.iter().zip(got) {
            assert_eq!(t[k].as_u64(), Some(v as u64), "dev {set} {k}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
