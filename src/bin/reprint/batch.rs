//! Many inputs, many formats: plan the output files, convert the inputs in
//! parallel, keep going past failures and report them at the end.

use crate::formats::{self, Format};
use crate::settings::Settings;
use crate::{Cli, Failure, is_dash, read};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// One input and where each of its formats goes.
struct Job {
    input: PathBuf,
    outputs: Vec<(Format, PathBuf)>,
}

/// What went wrong with one input (and format, when parsing succeeded).
struct Failed {
    input: PathBuf,
    format: Option<Format>,
    error: reprint::Error,
}

pub fn run(cli: &Cli, settings: &Settings) -> Result<ExitCode, Failure> {
    let usage = |reason: String| {
        Failure::usage(reprint::Error::InvalidOption {
            name: "--output".into(),
            reason,
        })
    };
    let Some(dir) = cli.output.as_ref().filter(|d| !is_dash(d)) else {
        return Err(usage(
            "several inputs, a directory or several formats write several files: give -o DIR"
                .into(),
        ));
    };
    if dir.is_file() {
        return Err(usage(format!(
            "{} is a file; several outputs need a directory",
            dir.display()
        )));
    }
    if cli.inputs.iter().filter(|i| is_dash(i)).count() > 1 {
        return Err(usage("standard input (-) can be read only once".into()));
    }
    if let Some(missing) = cli.inputs.iter().find(|i| !is_dash(i) && !i.exists()) {
        return Err(Failure::usage(reprint::Error::Read {
            path: missing.clone(),
            source: std::io::ErrorKind::NotFound.into(),
        }));
    }
    let formats = if cli.to.is_empty() {
        vec![Format::Layout]
    } else {
        dedup(&cli.to)
    };
    let jobs = plan(&cli.inputs, &formats, dir).map_err(Failure::usage)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cli.jobs.unwrap_or(0))
        .build()
        .map_err(|e| {
            Failure::usage(reprint::Error::InvalidOption {
                name: "--jobs".into(),
                reason: e.to_string(),
            })
        })?;
    let bar = progress(cli, jobs.len());
    let started = Instant::now();
    let failures: Vec<Failed> = pool.install(|| {
        jobs.par_iter()
            .flat_map_iter(|job| {
                let failures = convert(cli, settings, job);
                bar.inc(1);
                failures
            })
            .collect()
    });
    bar.finish_and_clear();
    let written = jobs.iter().map(|j| j.outputs.len()).sum::<usize>()
        - failures
            .iter()
            .map(|f| if f.format.is_some() { 1 } else { formats.len() })
            .sum::<usize>();
    if !cli.quiet {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        eprintln!(
            "reprint: {} of {} written from {} in {:.2} s",
            written,
            plural(jobs.len() * formats.len(), "file"),
            plural(jobs.len(), "input"),
            started.elapsed().as_secs_f64()
        );
    }
    for f in &failures {
        match f.format {
            Some(format) => eprintln!("reprint: {} → {format:?}: {}", f.input.display(), f.error),
            None => eprintln!("reprint: {}: {}", f.input.display(), f.error),
        }
    }
    if failures.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "reprint: {} of {} inputs failed",
            failures
                .iter()
                .map(|f| &f.input)
                .collect::<std::collections::HashSet<_>>()
                .len(),
            jobs.len()
        );
        Ok(ExitCode::FAILURE)
    }
}

/// Parses once, writes every format; each failure is kept, none stops the rest.
fn convert(cli: &Cli, settings: &Settings, job: &Job) -> Vec<Failed> {
    let doc = match read(settings, &job.input) {
        Ok(doc) => doc,
        Err(error) => {
            return vec![Failed {
                input: job.input.clone(),
                format: None,
                error,
            }];
        }
    };
    let mut failures = Vec::new();
    for (format, path) in &job.outputs {
        let mut out = Vec::new();
        let result = formats::write(&doc, cli, settings, *format, &mut out)
            .and_then(|()| write_file(path, &out));
        if let Err(error) = result {
            failures.push(Failed {
                input: job.input.clone(),
                format: Some(*format),
                error,
            });
        }
    }
    failures
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), reprint::Error> {
    let err = |source| reprint::Error::Write {
        what: path.display().to_string(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(err)?;
    }
    std::fs::write(path, bytes).map_err(err)
}

/// Expands directories to their .txt files and names every output. Inputs
/// found in a directory keep their path below it, so that two `a.txt` in
/// different folders do not overwrite each other; a clash that remains is an
/// error before anything is written.
fn plan(inputs: &[PathBuf], formats: &[Format], dir: &Path) -> Result<Vec<Job>, reprint::Error> {
    let mut jobs = Vec::new();
    let mut taken: HashMap<PathBuf, PathBuf> = HashMap::new();
    for input in inputs {
        let found: Vec<(PathBuf, PathBuf)> = if !is_dash(input) && input.is_dir() {
            let mut files = Vec::new();
            text_files(input, &mut files).map_err(|source| reprint::Error::Read {
                path: input.clone(),
                source,
            })?;
            if files.is_empty() {
                return Err(reprint::Error::NoInputFiles {
                    what: input.display().to_string(),
                });
            }
            files.sort();
            files
                .into_iter()
                .map(|f| (f.strip_prefix(input).unwrap_or(&f).with_extension(""), f))
                .collect()
        } else if is_dash(input) {
            vec![(PathBuf::from("stdin"), input.clone())]
        } else {
            vec![(
                PathBuf::from(input.file_stem().unwrap_or(input.as_os_str())),
                input.clone(),
            )]
        };
        for (stem, file) in found {
            let mut outputs = Vec::new();
            for &format in formats {
                let mut name = dir.join(&stem).into_os_string();
                name.push(format.extension());
                let out = PathBuf::from(name);
                if let Some(other) = taken.insert(out.clone(), file.clone()) {
                    return Err(reprint::Error::InvalidOption {
                        name: "INPUT".into(),
                        reason: format!(
                            "{} and {} would both be written to {}",
                            other.display(),
                            file.display(),
                            out.display()
                        ),
                    });
                }
                outputs.push((format, out));
            }
            jobs.push(Job {
                input: file,
                outputs,
            });
        }
    }
    Ok(jobs)
}

fn text_files(dir: &Path, into: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            text_files(&path, into)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            into.push(path);
        }
    }
    Ok(())
}

fn dedup(formats: &[Format]) -> Vec<Format> {
    let mut out = Vec::new();
    for &f in formats {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

/// A bar on a terminal only: logs and pipes get the summary line instead.
fn progress(cli: &Cli, len: usize) -> ProgressBar {
    if cli.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:40}] {pos}/{len} files, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar
}
