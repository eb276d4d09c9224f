//! What the command line asks for, read and checked once before any input
//! is converted: the parser's options, the metadata (file and options), and
//! the files the writers take (stylesheet, cover). A mistake here is a bad
//! command line (exit status 2), found before anything is written.

use crate::Cli;
use reprint::Options;
use reprint::model::Metadata;
use serde_json::Value;
use std::path::Path;

/// The command line, checked and with its files read.
pub struct Settings {
    /// The parser's options.
    pub parser: Options,
    /// Metadata that replaces what the text says.
    pub metadata: Overrides,
    /// The user's stylesheet (EPUB, HTML).
    pub css: Option<String>,
    /// The cover image's bytes (EPUB, PDF).
    pub cover: Option<Vec<u8>>,
    /// `--modified`, in seconds since 1970.
    pub modified: Option<i64>,
}

/// Metadata fields to set on every document, from the metadata file and then the options.
#[derive(Debug, Default)]
pub struct Overrides {
    title: Option<String>,
    subtitle: Option<String>,
    authors: Vec<String>,
    language: Option<String>,
    date: Option<String>,
    publication: Option<String>,
    issue: Option<String>,
    issn: Option<String>,
    sources: Vec<String>,
    /// The EPUB's identifier (a UUID).
    pub identifier: Option<String>,
}

fn invalid(name: &str, reason: impl Into<String>) -> reprint::Error {
    reprint::Error::InvalidOption {
        name: name.into(),
        reason: reason.into(),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, reprint::Error> {
    std::fs::read(path).map_err(|source| reprint::Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

impl Settings {
    pub fn from_cli(cli: &Cli) -> Result<Settings, reprint::Error> {
        let mut parser = Options::default();
        if let Some(e) = &cli.encoding {
            if encoding_rs::Encoding::for_label(e.trim().as_bytes()).is_none() {
                return Err(reprint::Error::UnknownEncoding(e.clone()));
            }
            parser = parser.with_encoding(e.clone());
        }
        for spec in &cli.heading_patterns {
            let (regex, level) = heading_pattern(spec)?;
            parser = parser.with_heading_pattern(regex, level);
        }
        for p in &cli.caption_patterns {
            parser = parser.with_caption_pattern(regex(p, "--caption-pattern")?);
        }
        for p in &cli.credit_patterns {
            parser = parser.with_credit_pattern(regex(p, "--credit-pattern")?);
        }
        if let Some(w) = cli.column_width {
            parser = parser.with_column_width(w as usize);
        }
        parser.keep_furniture = !cli.drop_furniture && cli.keep_furniture.unwrap_or(true);

        let mut metadata = match &cli.metadata_file {
            Some(path) => Overrides::from_file(path)?,
            None => Overrides::default(),
        };
        metadata.title = cli.title.clone().or(metadata.title);
        if !cli.authors.is_empty() {
            metadata.authors = cli.authors.clone();
        }
        metadata.language = cli.lang.clone().or(metadata.language);
        metadata.date = cli.date.clone().or(metadata.date);
        metadata.publication = cli.publication.clone().or(metadata.publication);
        if let Some(l) = &metadata.language {
            parser = parser.with_language(l.clone());
        }

        let css = match &cli.css {
            Some(path) => Some(
                String::from_utf8(read_file(path)?)
                    .map_err(|_| invalid("--css", format!("{} is not UTF-8", path.display())))?,
            ),
            None => None,
        };
        let cover = cli.cover.as_deref().map(read_file).transpose()?;
        let modified = match cli.modified.as_deref() {
            None => None,
            Some("now") => Some(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64),
            ),
            Some(s) => Some(s.trim().parse().map_err(|_| {
                invalid(
                    "--modified",
                    format!("{s:?} is neither seconds since 1970 nor `now`"),
                )
            })?),
        };
        Ok(Settings {
            parser,
            metadata,
            css,
            cover,
            modified,
        })
    }
}

fn regex(pattern: &str, option: &str) -> Result<regex::Regex, reprint::Error> {
    regex::Regex::new(pattern).map_err(|e| {
        invalid(
            option,
            format!("{pattern:?} is not a regular expression: {e}"),
        )
    })
}

/// `REGEX[:LEVEL]`: a level is a last `:` and one digit 1-6; anything else
/// is part of the regex (which may hold colons: `^第.+章：` or `^Chapter \d+:`).
fn heading_pattern(spec: &str) -> Result<(regex::Regex, u8), reprint::Error> {
    let (pattern, level) = match spec.rsplit_once(':') {
        Some((p, l)) if !p.is_empty() && l.len() == 1 && matches!(l.as_bytes()[0], b'1'..=b'6') => {
            (p, l.as_bytes()[0] - b'0')
        }
        _ => (spec, 2),
    };
    Ok((regex(pattern, "--heading-pattern")?, level))
}

impl Overrides {
    /// Reads a YAML or JSON metadata file (JSON by its `.json` extension;
    /// YAML otherwise, which takes JSON too), pandoc's keys and reprint's.
    fn from_file(path: &Path) -> Result<Overrides, reprint::Error> {
        let bytes = read_file(path)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            invalid(
                "--metadata-file",
                format!("{} is not UTF-8", path.display()),
            )
        })?;
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let value: Value = if is_json {
            serde_json::from_str(&text).map_err(|e| {
                invalid(
                    "--metadata-file",
                    format!("{} is not JSON: {e}", path.display()),
                )
            })?
        } else {
            // A pandoc metadata block may be fenced with --- and ... lines.
            let body: String = text
                .lines()
                .filter(|l| !matches!(l.trim_end(), "---" | "..."))
                .collect::<Vec<_>>()
                .join("\n");
            serde_yaml_ng::from_str(&body).map_err(|e| {
                invalid(
                    "--metadata-file",
                    format!("{} is not YAML: {e}", path.display()),
                )
            })?
        };
        let Value::Object(map) = value else {
            return Err(invalid(
                "--metadata-file",
                format!(
                    "{} is not a mapping of keys (title: …, author: …)",
                    path.display()
                ),
            ));
        };
        let mut o = Overrides::default();
        for (key, v) in &map {
            let what = format!("{} key {key}", path.display());
            match key.to_lowercase().as_str() {
                "title" => o.title = Some(one(v, &what)?),
                "subtitle" => o.subtitle = Some(one(v, &what)?),
                "author" | "authors" | "creator" => o.authors = many(v, &what)?,
                "lang" | "language" => o.language = Some(one(v, &what)?),
                "date" => o.date = Some(one(v, &what)?),
                "publisher" | "publication" => o.publication = Some(one(v, &what)?),
                "issue" => o.issue = Some(one(v, &what)?),
                "issn" => o.issn = Some(one(v, &what)?),
                "source" | "sources" => o.sources = many(v, &what)?,
                "identifier" | "uuid" => o.identifier = Some(one(v, &what)?),
                _ => log::warn!("{what} is not a metadata field reprint uses: ignored"),
            }
        }
        Ok(o)
    }

    /// Sets the fields given on `meta`.
    pub fn apply(&self, meta: &mut Metadata) {
        let set = |field: &mut Option<String>, value: &Option<String>| {
            if value.is_some() {
                field.clone_from(value);
            }
        };
        set(&mut meta.title, &self.title);
        set(&mut meta.subtitle, &self.subtitle);
        set(&mut meta.date, &self.date);
        set(&mut meta.publication, &self.publication);
        set(&mut meta.issue, &self.issue);
        set(&mut meta.issn, &self.issn);
        if !self.authors.is_empty() {
            meta.authors.clone_from(&self.authors);
        }
        if !self.sources.is_empty() {
            meta.sources.clone_from(&self.sources);
        }
        if let Some(l) = &self.language {
            meta.language.clone_from(l);
        }
    }
}

/// A string, or a number or date YAML read as one (`date: 2025-03-17`, `issn: 12345678`).
fn one(v: &Value, what: &str) -> Result<String, reprint::Error> {
    match v {
        Value::String(s) => Ok(s.trim().to_string()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Object(m) => m.get("name").or_else(|| m.get("text")).map_or_else(
            || Err(invalid("--metadata-file", format!("{what}: expected text"))),
            |n| one(n, what),
        ),
        _ => Err(invalid("--metadata-file", format!("{what}: expected text"))),
    }
}

/// One or a list of strings (or of `{name: …}`, as pandoc writes authors).
fn many(v: &Value, what: &str) -> Result<Vec<String>, reprint::Error> {
    match v {
        Value::Array(items) => items.iter().map(|i| one(i, what)).collect(),
        other => Ok(vec![one(other, what)?]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_patterns_take_a_level_after_the_last_colon() {
        let (r, l) = heading_pattern("^第.+章:1").unwrap();
        assert_eq!((r.as_str(), l), ("^第.+章", 1));
        let (r, l) = heading_pattern(r"^Chapter \d+:").unwrap();
        assert_eq!((r.as_str(), l), (r"^Chapter \d+:", 2));
        let (r, l) = heading_pattern("^第.+节").unwrap();
        assert_eq!((r.as_str(), l), ("^第.+节", 2));
        assert!(heading_pattern("(:3").is_err());
    }
}
