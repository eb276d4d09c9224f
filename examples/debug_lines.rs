//! Prints, for each non-blank line of a text, what the parser's early stages
//! made of it: its unit, width, the column width learned around it, its cue
//! and the kind it was classified as. For tuning the parser.
//!
//! ```sh
//! cargo run --release --example debug_lines -- FILE            # every line
//! cargo run --release --example debug_lines -- FILE 1035 1047  # lines 1035 to 1047
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: debug_lines FILE [FROM TO]   (1-based line numbers, both included)";
    let (path, range) = match args.as_slice() {
        [path] => (path, None),
        [path, from, to] => match (from.parse::<u32>(), to.parse::<u32>()) {
            (Ok(from), Ok(to)) => (path, Some((from, to))),
            _ => {
                eprintln!("debug_lines: FROM and TO must be line numbers\n{usage}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("debug_lines: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The same decoding as the library's (UTF-16 with BOM, GB18030).
    let text = match reprint::decode(&bytes, None, path) {
        Ok(d) => d.text,
        Err(e) => {
            eprintln!("debug_lines: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for line in reprint::debug_lines(&text, &reprint::Options::default()).lines() {
        // Each line opens with its number, right-aligned in five columns.
        let n: u32 = line
            .get(..5)
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        if range.is_none_or(|(from, to)| (from..=to).contains(&n)) {
            println!("{line}");
        }
    }
    ExitCode::SUCCESS
}
