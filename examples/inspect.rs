//! Shows what reprint recovered from a text, as an outline a person can
//! check against the source: the metadata found, each article with its line
//! and printed page ranges, its headings indented by level with their line
//! numbers, how many blocks of each kind it has, and the decisions the
//! parser was unsure of.
//!
//! ```sh
//! cargo run --example inspect -- fixtures/seeds/002_f298dd8e9d14375d.txt
//! cargo run --example inspect -- input.txt --below 0.9   # list more uncertain blocks
//! cargo run --example inspect -- input.txt --json        # the same, for programs
//! ```

use clap::Parser;
use reprint::model::{Article, ArticleKind, Block, BlockKind, FurnitureKind, Inline};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Print the structure reprint recovers from a text: metadata, articles,
/// headings, block counts and uncertain decisions.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    /// The input text file (UTF-8, UTF-16 with BOM, or GB18030/GBK; detected).
    input: PathBuf,
    /// List each block whose confidence is below this (0 to 1); the others below 1 are only counted.
    #[arg(long, default_value_t = 0.8)]
    below: f32,
    /// Print JSON instead of the outline.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let name = cli
        .input
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let doc = match std::fs::read(&cli.input)
        .map_err(|e| e.to_string())
        .and_then(|b| {
            reprint::parse_bytes(&b, &reprint::Options::default().with_file_name(name))
                .map_err(|e| e.to_string())
        }) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("inspect: {}: {e}", cli.input.display());
            return ExitCode::FAILURE;
        }
    };
    let report = report(&doc, cli.below);
    if cli.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print!("{}", outline(&report));
    }
    ExitCode::SUCCESS
}

/// Everything the outline shows, as JSON, so both outputs say the same.
fn report(doc: &reprint::Document, below: f32) -> Value {
    let m = &doc.meta;
    let articles: Vec<Value> = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| article(i, a))
        .collect();
    let mut confidence: BTreeMap<String, usize> = BTreeMap::new();
    let mut uncertain = Vec::new();
    for b in doc.blocks().filter(|b| b.confidence < 1.0) {
        *confidence
            .entry(format!("{:.2}", b.confidence))
            .or_default() += 1;
        if b.confidence < below {
            uncertain.push(json!({ "line": first_line(b), "kind": kind_name(&b.kind), "confidence": round(b.confidence), "text": excerpt(&b.text(), 30) }));
        }
    }
    json!({
        "source": { "file": doc.source.file_name, "encoding": doc.source.encoding, "lines": doc.source.line_count, "bytes": doc.source.byte_len },
        "metadata": { "title": m.title, "subtitle": m.subtitle, "authors": m.authors, "date": m.date, "publication": m.publication,
                      "issue": m.issue, "issn": m.issn, "language": m.language, "sources": m.sources },
        "profile": doc.profile,
        "articles": articles,
        "warnings": doc.warnings.iter().map(|w| json!({ "line": w.line, "message": w.message })).collect::<Vec<_>>(),
        "uncertain": { "below": round(below), "counts": confidence, "blocks": uncertain },
    })
}

fn article(i: usize, a: &Article) -> Value {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut headings = Vec::new();
    let mut lines: Vec<u32> = Vec::new();
    let mut pages: Vec<String> = Vec::new();
    for b in blocks_deep(&a.blocks) {
        *counts.entry(kind_name(&b.kind)).or_default() += 1;
        lines.extend(b.lines.iter().flatten());
        if let BlockKind::Heading { level } = b.kind {
            headings.push(json!({ "level": level, "line": first_line(b), "text": b.text() }));
        }
        if let BlockKind::Furniture {
            kind: FurnitureKind::PageNumber { number },
        } = &b.kind
        {
            pages.push(number.clone());
        }
        for inline in &b.content {
            if let Inline::Milestone(m) = inline {
                lines.push(m.span.line);
                if let FurnitureKind::PageNumber { number } = &m.kind {
                    pages.push(number.clone());
                }
            }
        }
    }
    let range = |v: &[u32]| v.iter().min().zip(v.iter().max()).map(|(a, b)| [*a, *b]);
    json!({
        "n": i + 1,
        "kind": if a.kind == ArticleKind::Front { "front" } else { "article" },
        "title": a.title(),
        "lines": range(&lines),
        "pages": pages.first().zip(pages.last()).map(|(a, b)| [a, b]),
        "headings": headings,
        "counts": counts,
    })
}

/// The blocks of an article with the items of its sidebars, however deep.
fn blocks_deep(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::new();
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(b) = stack.pop() {
        out.push(b);
        if let BlockKind::Sidebar { items } = &b.kind {
            stack.extend(items.iter().rev());
        }
    }
    out
}

/// An f32 as the decimal it was written as (0.7, not 0.699999988079071).
fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

fn first_line(b: &Block) -> u32 {
    b.lines.first().map_or(0, |r| r[0])
}

/// The kind's name in the model ([`BlockKind::name`]), spelt for a person.
fn kind_name(k: &BlockKind) -> String {
    k.name().replace('_', " ")
}

fn plural(n: u64, kind: &str) -> String {
    let kinds = match kind {
        _ if n == 1 => kind.to_string(),
        "toc entry" => "toc entries".to_string(),
        "front matter" | "furniture" => kind.to_string(),
        k => format!("{k}s"),
    };
    format!("{n} {kinds}")
}

fn excerpt(s: &str, n: usize) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        s.chars().take(n).chain(['…']).collect()
    }
}

/// The report as text, for a person.
/// What the parser learned of the text's conventions.
fn profile(p: &Value) -> String {
    let mut o = String::from("\nprofile\n");
    let collection = p["collection"].as_bool().unwrap_or(false);
    o += &format!(
        "  {:<12} {}\n",
        "reads as",
        if collection {
            "a collection of articles"
        } else {
            "one document"
        }
    );
    let pages = if p["form_feeds"].as_bool().unwrap_or(false) {
        "marked by form feeds"
    } else {
        "not marked"
    };
    // Documents saved before the field was recorded read as the foot.
    let numbers = p["page_numbers"].as_str().unwrap_or("foot");
    o += &format!(
        "  {:<12} {pages}; numbers at the {numbers}; column {:.1} ems\n",
        "pages",
        p["column_width"].as_f64().unwrap_or(0.0)
    );
    let schemes: Vec<String> = p["numbering"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            format!(
                "{} → level {} ({}×)",
                s["scheme"].as_str().unwrap_or(""),
                s["level"],
                s["headings"]
            )
        })
        .collect();
    o += &format!(
        "  {:<12} {}\n",
        "numbering",
        if schemes.is_empty() {
            "—".to_string()
        } else {
            schemes.join(", ")
        }
    );
    for f in p["furniture"].as_array().into_iter().flatten() {
        o += &format!(
            "  {:<12} {} × {}: {}\n",
            "furniture",
            f["lines"],
            f["kind"].as_str().unwrap_or(""),
            excerpt(f["example"].as_str().unwrap_or(""), 40)
        );
    }
    o
}

fn outline(r: &Value) -> String {
    let mut o = String::new();
    let s = &r["source"];
    o += &format!(
        "{}: {} lines, {} bytes, {}\n\n",
        s["file"].as_str().unwrap_or("input"),
        s["lines"],
        s["bytes"],
        s["encoding"].as_str().unwrap_or("")
    );
    o += "metadata\n";
    for key in [
        "title",
        "subtitle",
        "authors",
        "date",
        "publication",
        "issue",
        "issn",
        "language",
        "sources",
    ] {
        let v = &r["metadata"][key];
        let shown = match v {
            Value::Null => "—".to_string(),
            Value::Array(a) if a.is_empty() => "—".to_string(),
            Value::Array(a) => {
                let names: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
                let more = if names.len() > 8 {
                    format!(" … ({} in all)", names.len())
                } else {
                    String::new()
                };
                format!("{}{more}", names[..names.len().min(8)].join("、"))
            }
            v => v.as_str().unwrap_or_default().to_string(),
        };
        o += &format!("  {key:<12} {shown}\n");
    }
    o += &profile(&r["profile"]);
    let articles = r["articles"].as_array().cloned().unwrap_or_default();
    o += &format!("\narticles: {}\n", articles.len());
    for a in &articles {
        let lines = a["lines"]
            .as_array()
            .map_or("—".to_string(), |l| format!("lines {}-{}", l[0], l[1]));
        let pages = a["pages"].as_array().map_or(String::new(), |p| {
            let (f, l) = (p[0].as_str().unwrap_or(""), p[1].as_str().unwrap_or(""));
            if f == l {
                format!(", page {f}")
            } else {
                format!(", pages {f}-{l}")
            }
        });
        let title = a["title"]
            .as_str()
            .map_or("(no title)".to_string(), |t| excerpt(t, 40));
        o += &format!(
            "\n{:>3} {:<7} {lines}{pages}\n    {title}\n",
            a["n"].as_u64().unwrap_or(0),
            a["kind"].as_str().unwrap_or("")
        );
        for h in a["headings"].as_array().into_iter().flatten() {
            let level = h["level"].as_u64().unwrap_or(2) as usize;
            o += &format!(
                "    {:>5}  {}{} {}\n",
                h["line"].as_u64().unwrap_or(0),
                "  ".repeat(level.saturating_sub(2)),
                "#".repeat(level),
                excerpt(h["text"].as_str().unwrap_or(""), 40)
            );
        }
        let counts: Vec<String> = a["counts"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| *k != "heading" && *k != "title")
            .map(|(k, v)| plural(v.as_u64().unwrap_or(0), k))
            .collect();
        o += &format!("    {}\n", counts.join(", "));
    }
    let warnings = r["warnings"].as_array().cloned().unwrap_or_default();
    o += &format!("\nwarnings: {}\n", warnings.len());
    for w in &warnings {
        o += &format!(
            "  line {:>5}  {}\n",
            w["line"].as_u64().unwrap_or(0),
            w["message"].as_str().unwrap_or("")
        );
    }
    let u = &r["uncertain"];
    let counts: Vec<String> = u["counts"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| format!("{v} at {k}"))
        .collect();
    let blocks = u["blocks"].as_array().cloned().unwrap_or_default();
    o += &format!(
        "\nblocks with confidence below 1: {}\n",
        if counts.is_empty() {
            "none".to_string()
        } else {
            counts.join(", ")
        }
    );
    if !blocks.is_empty() {
        o += &format!("below {}:\n", u["below"]);
        for b in &blocks {
            o += &format!(
                "  line {:>5}  {:<10} {:.1}  {}\n",
                b["line"].as_u64().unwrap_or(0),
                b["kind"].as_str().unwrap_or(""),
                b["confidence"].as_f64().unwrap_or(0.0),
                b["text"].as_str().unwrap_or("")
            );
        }
    }
    o
}
