//! Python bindings of reprint: the `reprint._reprint` extension module that
//! the `reprint` Python package (`python/`) re-exports.
//!
//! Everything heavy (decoding, parsing, serialising, writing) runs with the
//! GIL released, so Python threads converting different files run in parallel.
//! Results cross into Python as JSON parsed by the `json` module: the model's
//! serde form is the one documented for the Rust crate.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMemoryView, PyString};
use reprint::model::{ArticleKind, BlockKind, Metadata};
use reprint::write::epub::{Cover, EpubOptions};
use reprint::write::html::HtmlOptions;
use reprint::write::markdown::MarkdownOptions;
use reprint::write::pdf::{FontSource, PageSize, PdfOptions};
use reprint::write::review::ReviewOptions;
use reprint::write::tei::TeiOptions;
use std::path::PathBuf;

create_exception!(
    reprint,
    ReprintError,
    PyException,
    "Base class of the errors reprint raises; the message is the library's."
);
create_exception!(
    reprint,
    NotTextError,
    ReprintError,
    "The bytes are not text in any encoding reprint recognises (binary data, NUL bytes)."
);
create_exception!(
    reprint,
    TooLargeError,
    ReprintError,
    "The input is larger than the parser takes (4 GiB of text)."
);
create_exception!(
    reprint,
    UnknownEncodingError,
    ReprintError,
    "An encoding label given by the caller is unknown."
);
create_exception!(
    reprint,
    InvalidOptionError,
    ReprintError,
    "An option has a value that cannot be used (a bad regex, paper size, language tag...)."
);
create_exception!(
    reprint,
    ReadError,
    ReprintError,
    "An input file could not be read."
);
create_exception!(
    reprint,
    WriteError,
    ReprintError,
    "An output could not be written."
);
create_exception!(
    reprint,
    OutputError,
    ReprintError,
    "A writer failed for a reason of its own (a font that cannot be loaded, say)."
);

/// The library's error as the matching Python exception, with its message.
fn err(e: reprint::Error) -> PyErr {
    let msg = e.to_string();
    match e {
        reprint::Error::NotText { .. } | reprint::Error::Binary { .. } => {
            NotTextError::new_err(msg)
        }
        reprint::Error::TooLarge { .. } => TooLargeError::new_err(msg),
        reprint::Error::UnknownEncoding(_) => UnknownEncodingError::new_err(msg),
        reprint::Error::InvalidOption { .. } => InvalidOptionError::new_err(msg),
        reprint::Error::Read { .. } => ReadError::new_err(msg),
        reprint::Error::Write { .. } => WriteError::new_err(msg),
        reprint::Error::Output { .. } => OutputError::new_err(msg),
        _ => ReprintError::new_err(msg),
    }
}

fn invalid(name: &str, reason: impl Into<String>) -> PyErr {
    err(reprint::Error::InvalidOption {
        name: name.into(),
        reason: reason.into(),
    })
}

/// Parses JSON text into Python data with the standard `json` module.
fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T, what: &'static str) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| {
        err(reprint::Error::Output {
            format: what,
            reason: e.to_string(),
        })
    })
}

fn compile(name: &str, pattern: &str) -> PyResult<regex::Regex> {
    regex::Regex::new(pattern).map_err(|e| {
        invalid(
            name,
            format!("{pattern:?} is not a regular expression: {e}"),
        )
    })
}

/// Parser options from the keyword arguments shared by `parse` and `parse_file`.
#[allow(clippy::too_many_arguments)]
fn options(
    file_name: Option<String>,
    language: Option<String>,
    encoding: Option<String>,
    column_width: Option<usize>,
    keep_furniture: bool,
    heading_patterns: Option<Vec<(String, u8)>>,
    caption_patterns: Option<Vec<String>>,
    credit_patterns: Option<Vec<String>>,
) -> PyResult<reprint::Options> {
    let mut o = reprint::Options::default();
    o.file_name = file_name;
    o.language = language;
    o.encoding = encoding;
    if column_width == Some(0) {
        return Err(invalid("column_width", "must be at least 1"));
    }
    o.column_width = column_width;
    o.keep_furniture = keep_furniture;
    for (pattern, level) in heading_patterns.unwrap_or_default() {
        if !(1..=6).contains(&level) {
            return Err(invalid(
                "heading_patterns",
                format!(
                    "level {level} of {pattern:?} is not 1 to 6 (1 = article title, 2 = top section)"
                ),
            ));
        }
        o.heading_patterns
            .push((compile("heading_patterns", &pattern)?, level));
    }
    for p in caption_patterns.unwrap_or_default() {
        o.caption_patterns.push(compile("caption_patterns", &p)?);
    }
    for p in credit_patterns.unwrap_or_default() {
        o.credit_patterns.push(compile("credit_patterns", &p)?);
    }
    Ok(o)
}

/// Parse a text into a :class:`Document`.
///
/// ``source`` is a ``str`` (parsed as is) or bytes-like (``bytes``,
/// ``bytearray``, ``memoryview``): bytes are decoded with the encoding
/// detection of the library (BOM, UTF-8, UTF-16, GB18030) unless
/// ``encoding`` names one, and ``Document.source["encoding"]`` says which was
/// used. The GIL is released while parsing.
///
/// Options: ``file_name`` (recorded as the source), ``language`` (a BCP 47
/// tag instead of the detected one), ``encoding`` (a WHATWG label, bytes
/// only), ``column_width`` (characters per printed line, detected when not
/// given), ``keep_furniture`` (keep page numbers and running heads as
/// milestones), ``heading_patterns`` (``[(regex, level)]``: a line matching
/// the regex is a heading of that level, 1 = article title),
/// ``caption_patterns`` and ``credit_patterns`` (lists of regexes).
///
/// Raises :class:`NotTextError` for bytes that are not text,
/// :class:`UnknownEncodingError`, :class:`InvalidOptionError`.
#[pyfunction]
#[pyo3(signature = (source, *, file_name=None, language=None, encoding=None, column_width=None, keep_furniture=true, heading_patterns=None, caption_patterns=None, credit_patterns=None))]
#[allow(clippy::too_many_arguments)]
fn parse(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    file_name: Option<String>,
    language: Option<String>,
    encoding: Option<String>,
    column_width: Option<usize>,
    keep_furniture: bool,
    heading_patterns: Option<Vec<(String, u8)>>,
    caption_patterns: Option<Vec<String>>,
    credit_patterns: Option<Vec<String>>,
) -> PyResult<Document> {
    let opts = options(
        file_name,
        language,
        encoding,
        column_width,
        keep_furniture,
        heading_patterns,
        caption_patterns,
        credit_patterns,
    )?;
    let doc = if let Ok(s) = source.cast::<PyString>() {
        if opts.encoding.is_some() {
            return Err(invalid(
                "encoding",
                "only bytes are decoded: a str is text already",
            ));
        }
        let text = s.to_str()?;
        py.detach(|| reprint::parse(text, &opts))
    } else if let Ok(b) = source.cast::<PyBytes>() {
        // bytes are immutable, and `source` keeps them alive: read without the GIL.
        let bytes = b.as_bytes();
        py.detach(|| reprint::parse_bytes(bytes, &opts))
    } else if source.cast::<PyByteArray>().is_ok() || source.cast::<PyMemoryView>().is_ok() {
        // Mutable buffers are copied first: another thread could change them.
        let bytes: Vec<u8> = source
            .call_method0("__bytes__")
            .or_else(|_| py.import("builtins")?.getattr("bytes")?.call1((source,)))?
            .extract()?;
        py.detach(|| reprint::parse_bytes(&bytes, &opts))
    } else {
        return Err(PyTypeError::new_err(format!(
            "parse() takes str or bytes, not {}",
            source.get_type().name()?
        )));
    };
    Ok(Document {
        doc: doc.map_err(err)?,
    })
}

/// Read and parse a text file into a :class:`Document` (bytes decoded as by
/// :func:`parse`; the file name is recorded unless ``file_name`` is given).
///
/// Takes the options of :func:`parse`. Raises :class:`ReadError` when the
/// file cannot be read. The GIL is released while reading and parsing.
#[pyfunction]
#[pyo3(signature = (path, *, file_name=None, language=None, encoding=None, column_width=None, keep_furniture=true, heading_patterns=None, caption_patterns=None, credit_patterns=None))]
#[allow(clippy::too_many_arguments)]
fn parse_file(
    py: Python<'_>,
    path: PathBuf,
    file_name: Option<String>,
    language: Option<String>,
    encoding: Option<String>,
    column_width: Option<usize>,
    keep_furniture: bool,
    heading_patterns: Option<Vec<(String, u8)>>,
    caption_patterns: Option<Vec<String>>,
    credit_patterns: Option<Vec<String>>,
) -> PyResult<Document> {
    let opts = options(
        file_name,
        language,
        encoding,
        column_width,
        keep_furniture,
        heading_patterns,
        caption_patterns,
        credit_patterns,
    )?;
    let doc = py
        .detach(|| reprint::parse_file(&path, &opts))
        .map_err(err)?;
    Ok(Document { doc })
}

/// Where an output goes: a path, or a binary file object (anything with `write`).
enum Target<'py> {
    Path(PathBuf),
    File(Bound<'py, PyAny>),
}

impl<'py> Target<'py> {
    fn of(target: &Bound<'py, PyAny>) -> PyResult<Self> {
        if target.hasattr("write")? {
            return Ok(Target::File(target.clone()));
        }
        match target.extract::<PathBuf>() {
            Ok(p) => Ok(Target::Path(p)),
            Err(_) => Err(PyTypeError::new_err(format!(
                "expected a path or a binary file object, not {}",
                target.get_type().name()?
            ))),
        }
    }

    /// Renders the output with the GIL released, then writes it.
    fn write(
        self,
        py: Python<'py>,
        render: impl FnOnce() -> reprint::Result<Vec<u8>> + Send,
    ) -> PyResult<()> {
        match self {
            Target::Path(path) => py
                .detach(|| {
                    let bytes = render()?;
                    std::fs::write(&path, bytes).map_err(|source| reprint::Error::Write {
                        what: path.display().to_string(),
                        source,
                    })
                })
                .map_err(err),
            Target::File(f) => {
                let bytes = py.detach(render).map_err(err)?;
                f.call_method1("write", (PyBytes::new(py, &bytes),))?;
                Ok(())
            }
        }
    }
}

/// Metadata overrides from a dict with the keys of `Document.metadata`.
fn metadata_of(py: Python<'_>, over: Option<&Bound<'_, PyDict>>) -> PyResult<Metadata> {
    let Some(over) = over else {
        return Ok(Metadata::default());
    };
    let json: String = py
        .import("json")?
        .call_method1("dumps", (over,))?
        .extract()?;
    let given: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&json).map_err(|e| invalid("metadata", e.to_string()))?;
    let mut meta = serde_json::to_value(Metadata::default())
        .map_err(|e| invalid("metadata", e.to_string()))?;
    let fields = meta
        .as_object_mut()
        .expect("Metadata serialises as an object");
    for (k, v) in given {
        if !fields.contains_key(&k) {
            let known: Vec<&str> = fields.keys().map(String::as_str).collect();
            return Err(invalid(
                "metadata",
                format!("unknown key {k:?} (known: {})", known.join(", ")),
            ));
        }
        // None means "not given", as a missing key does.
        if !v.is_null() {
            fields.insert(k, v);
        }
    }
    serde_json::from_value(meta).map_err(|e| invalid("metadata", e.to_string()))
}

/// A PDF font option: a path (`FILE` or `FILE:FACE`), font bytes, or a
/// `(path or bytes, face index)` pair.
fn font_of(name: &str, font: &Bound<'_, PyAny>) -> PyResult<FontSource> {
    let (src, index) = match font.extract::<(Bound<'_, PyAny>, u32)>() {
        Ok((src, index)) => (src, Some(index)),
        Err(_) => (font.clone(), None),
    };
    if let Ok(b) = src.cast::<PyBytes>() {
        return Ok(FontSource::Bytes {
            data: b.as_bytes().into(),
            index: index.unwrap_or(0),
        });
    }
    if let Ok(s) = src.extract::<String>()
        && index.is_none()
    {
        return Ok(FontSource::from_spec(&s));
    }
    match src.extract::<PathBuf>() {
        Ok(path) => Ok(FontSource::File {
            path,
            index: index.unwrap_or(0),
        }),
        Err(_) => Err(invalid(
            name,
            "expected a font file path, font bytes, or a (path or bytes, face index) pair",
        )),
    }
}

fn page_of(page: &Bound<'_, PyAny>) -> PyResult<PageSize> {
    if let Ok((width_mm, height_mm)) = page.extract::<(f32, f32)>() {
        if !(width_mm > 0.0 && height_mm > 0.0) {
            return Err(invalid(
                "page",
                "width and height must be positive millimetres",
            ));
        }
        return Ok(PageSize::Custom {
            width_mm,
            height_mm,
        });
    }
    let name: String = page.extract().map_err(|_| {
        invalid(
            "page",
            "expected \"a5\", \"a4\", \"letter\" or (width_mm, height_mm)",
        )
    })?;
    match name.to_lowercase().as_str() {
        "a5" => Ok(PageSize::A5),
        "a4" => Ok(PageSize::A4),
        "letter" => Ok(PageSize::Letter),
        _ => Err(invalid(
            "page",
            format!("{name:?} is not \"a5\", \"a4\", \"letter\" or (width_mm, height_mm)"),
        )),
    }
}

/// A text format written into memory with the GIL released, as a string.
fn render(
    py: Python<'_>,
    write: impl FnOnce(&mut Vec<u8>) -> reprint::Result<()> + Send,
) -> PyResult<String> {
    py.detach(|| {
        let mut out = Vec::new();
        write(&mut out).map(|()| utf8(out))
    })
    .map_err(err)
}

fn utf8(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A parsed document: metadata, articles and their blocks, warnings.
///
/// Made by :func:`parse` or :func:`parse_file`; immutable. Writers take a
/// path (``str`` or ``os.PathLike``) or a binary file object, and release
/// the GIL while they work.
#[pyclass(frozen, module = "reprint")]
pub struct Document {
    doc: reprint::Document,
}

#[pymethods]
impl Document {
    /// The whole model as Python data (dicts and lists), as the Rust crate
    /// serialises it: ``meta``, ``source``, ``articles`` (each with ``kind``
    /// and ``blocks``), ``warnings``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = py.detach(|| to_json(&self.doc, "json"))?;
        json_to_py(py, &json)
    }

    /// The whole model as JSON text (``indent`` spaces per level, compact when ``None``).
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        py.detach(|| match indent {
            None => to_json(&self.doc, "json"),
            Some(n) => {
                let mut out = Vec::new();
                let pad = vec![b' '; n];
                let fmt = serde_json::ser::PrettyFormatter::with_indent(&pad);
                let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
                serde::Serialize::serialize(&self.doc, &mut ser).map_err(|e| {
                    err(reprint::Error::Output {
                        format: "json",
                        reason: e.to_string(),
                    })
                })?;
                Ok(utf8(out))
            }
        })
    }

    /// The layout JSON as Python data: ``{"source": name, "blocks": [{"kind",
    /// "level" (headings only), "lines": [[first, last], ...]}, ...]}``, the
    /// format of the hand-checked gold files.
    fn layout<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = py.detach(|| self.doc.to_layout_json());
        json_to_py(py, &json)
    }

    /// The layout JSON as text, as the ``convert`` command writes it.
    fn layout_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.doc.to_layout_json())
    }

    /// Decisions the parser was unsure about: ``[{"line": 12, "message": "..."}]``.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(&self.doc.warnings, "json")?)
    }

    /// What the text says about itself: ``title``, ``subtitle``, ``authors``,
    /// ``language``, ``date``, ``publication``, ``issue``, ``issn``, ``sources``.
    #[getter]
    fn metadata<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(&self.doc.meta, "json")?)
    }

    /// Where the text came from: ``file_name``, ``encoding`` (``UTF-8``,
    /// ``GB18030``, ``UTF-16LE``...), ``line_count``, ``byte_len``.
    #[getter]
    fn source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(&self.doc.source, "json")?)
    }

    /// The document's title, when it has one.
    #[getter]
    fn title(&self) -> Option<String> {
        self.doc.meta.title.clone()
    }

    /// Counts of the structure: ``articles`` (articles proper), ``front``
    /// (runs of front matter), ``blocks``, ``headings`` (section headings of
    /// every level), ``paragraphs``, ``warnings``, ``lines``; and ``encoding``.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = &self.doc;
        let (mut blocks, mut headings, mut paragraphs) = (0usize, 0usize, 0usize);
        for b in d.blocks() {
            blocks += 1;
            match b.kind {
                BlockKind::Heading { .. } => headings += 1,
                BlockKind::Paragraph => paragraphs += 1,
                _ => {}
            }
        }
        let out = PyDict::new(py);
        out.set_item(
            "articles",
            d.articles
                .iter()
                .filter(|a| a.kind == ArticleKind::Article)
                .count(),
        )?;
        out.set_item(
            "front",
            d.articles
                .iter()
                .filter(|a| a.kind == ArticleKind::Front)
                .count(),
        )?;
        out.set_item("blocks", blocks)?;
        out.set_item("headings", headings)?;
        out.set_item("paragraphs", paragraphs)?;
        out.set_item("warnings", d.warnings.len())?;
        out.set_item("lines", d.source.line_count)?;
        out.set_item("encoding", &d.source.encoding)?;
        Ok(out)
    }

    /// Write an EPUB 3 book to ``target`` (a path or a binary file object).
    ///
    /// Metadata given here replaces what the text says: ``title``,
    /// ``subtitle``, ``authors``, ``language`` (BCP 47), ``identifier`` (a
    /// UUID), ``date`` (W3C date), ``sources``; ``modified`` is
    /// ``dcterms:modified`` in seconds since 1970 (a fixed date by default, so
    /// the same input gives the same bytes); ``cover`` is an image (PNG, JPEG,
    /// GIF, WebP or SVG) as bytes or a path.
    #[pyo3(signature = (target, *, title=None, subtitle=None, authors=None, language=None, identifier=None, date=None, sources=None, modified=None, cover=None))]
    #[allow(clippy::too_many_arguments)]
    fn write_epub(
        &self,
        py: Python<'_>,
        target: &Bound<'_, PyAny>,
        title: Option<String>,
        subtitle: Option<String>,
        authors: Option<Vec<String>>,
        language: Option<String>,
        identifier: Option<String>,
        date: Option<String>,
        sources: Option<Vec<String>>,
        modified: Option<i64>,
        cover: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let mut o = EpubOptions::default();
        o.title = title;
        o.subtitle = subtitle;
        o.authors = authors.unwrap_or_default();
        o.language = language;
        o.identifier = identifier;
        o.date = date;
        o.sources = sources.unwrap_or_default();
        o.modified = modified;
        if let Some(c) = cover {
            let bytes = if let Ok(b) = c.cast::<PyBytes>() {
                b.as_bytes().to_vec()
            } else {
                let path: PathBuf = c
                    .extract()
                    .map_err(|_| invalid("cover", "expected image bytes or a path"))?;
                py.detach(|| {
                    std::fs::read(&path).map_err(|source| reprint::Error::Read {
                        path: path.clone(),
                        source,
                    })
                })
                .map_err(err)?
            };
            o.cover = Some(Cover::new(bytes).map_err(err)?);
        }
        Target::of(target)?.write(py, || {
            let mut out = Vec::new();
            self.doc.write_epub(&mut out, &o)?;
            Ok(out)
        })
    }

    /// Write a typeset PDF to ``target`` (a path or a binary file object) and
    /// return a report: ``{"pages": n, "missing": [{"char", "line", "page"}],
    /// "fallback_fonts": [...]}`` (characters no font could draw).
    ///
    /// ``page`` is ``"a5"`` (default), ``"a4"``, ``"letter"`` or
    /// ``(width_mm, height_mm)``; ``body_size`` in points, ``line_spacing`` as
    /// a multiple of it; ``font`` and ``heading_font`` a font file path
    /// (``FILE`` or ``FILE:FACE``), font bytes, or ``(path or bytes, face)``;
    /// ``system_fonts`` looks in the system's fonts for missing characters.
    #[pyo3(signature = (target, *, page=None, body_size=10.5, line_spacing=1.7, font=None, heading_font=None, system_fonts=true, article_per_page=true))]
    #[allow(clippy::too_many_arguments)]
    fn write_pdf<'py>(
        &self,
        py: Python<'py>,
        target: &Bound<'py, PyAny>,
        page: Option<&Bound<'_, PyAny>>,
        body_size: f32,
        line_spacing: f32,
        font: Option<&Bound<'_, PyAny>>,
        heading_font: Option<&Bound<'_, PyAny>>,
        system_fonts: bool,
        article_per_page: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        if !(body_size > 0.0 && body_size.is_finite()) {
            return Err(invalid(
                "body_size",
                format!("{body_size} is not a positive size in points"),
            ));
        }
        if !(line_spacing > 0.0 && line_spacing.is_finite()) {
            return Err(invalid(
                "line_spacing",
                format!("{line_spacing} is not a positive multiple of the body size"),
            ));
        }
        let mut o = PdfOptions::default()
            .with_body(body_size, line_spacing)
            .with_system_fonts(system_fonts)
            .with_article_per_page(article_per_page)
            .with_warnings(false);
        if let Some(p) = page {
            o = o.with_page(page_of(p)?);
        }
        if let Some(f) = font {
            o = o.with_font(font_of("font", f)?);
        }
        if let Some(f) = heading_font {
            o = o.with_heading_font(font_of("heading_font", f)?);
        }
        let mut report = None;
        Target::of(target)?.write(py, || {
            let mut out = Vec::new();
            report = Some(self.doc.write_pdf_report(&mut out, &o)?);
            Ok(out)
        })?;
        let report = report.expect("written");
        let out = PyDict::new(py);
        out.set_item("pages", report.pages)?;
        let missing = pyo3::types::PyList::empty(py);
        for m in &report.missing {
            let d = PyDict::new(py);
            d.set_item("char", m.ch.to_string())?;
            d.set_item("line", m.line)?;
            d.set_item("page", m.page)?;
            missing.append(d)?;
        }
        out.set_item("missing", missing)?;
        out.set_item("fallback_fonts", &report.fallback_fonts)?;
        Ok(out)
    }

    /// Write TEI P5 XML (UTF-8) to ``target`` (a path or a binary file
    /// object). ``line_breaks`` marks every source line with ``<lb n="LINE"/>``
    /// and keeps each line exactly as it was.
    #[pyo3(signature = (target, *, line_breaks=false))]
    fn write_tei(
        &self,
        py: Python<'_>,
        target: &Bound<'_, PyAny>,
        line_breaks: bool,
    ) -> PyResult<()> {
        let o = TeiOptions::default().with_line_breaks(line_breaks);
        Target::of(target)?.write(py, || {
            let mut out = Vec::new();
            self.doc.write_tei(&mut out, &o)?;
            Ok(out)
        })
    }

    /// The TEI P5 XML as a string (see :meth:`write_tei`).
    #[pyo3(signature = (*, line_breaks=false))]
    fn to_tei(&self, py: Python<'_>, line_breaks: bool) -> PyResult<String> {
        let o = TeiOptions::default().with_line_breaks(line_breaks);
        render(py, |out| self.doc.write_tei(out, &o))
    }

    /// The document as CommonMark. ``page_breaks`` keeps printed page breaks
    /// as HTML comments; ``front_matter`` starts with a YAML metadata block;
    /// ``metadata`` (a dict with keys of :attr:`metadata`) replaces what the
    /// text says in it.
    #[pyo3(signature = (*, page_breaks=true, front_matter=false, metadata=None))]
    fn to_markdown(
        &self,
        py: Python<'_>,
        page_breaks: bool,
        front_matter: bool,
        metadata: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<String> {
        let o = MarkdownOptions::default()
            .with_page_breaks(page_breaks)
            .with_front_matter(front_matter)
            .with_metadata(metadata_of(py, metadata)?);
        render(py, |out| self.doc.write_markdown(out, &o))
    }

    /// The document as one self-contained HTML5 page. ``contents`` adds a
    /// table of contents (four entries or more); ``page_numbers`` shows the
    /// printed page numbers; ``metadata`` as for :meth:`to_markdown`.
    #[pyo3(signature = (*, contents=true, page_numbers=false, metadata=None))]
    fn to_html(
        &self,
        py: Python<'_>,
        contents: bool,
        page_numbers: bool,
        metadata: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<String> {
        let o = HtmlOptions::default()
            .with_contents(contents)
            .with_page_numbers(page_numbers)
            .with_metadata(metadata_of(py, metadata)?);
        render(py, |out| self.doc.write_html(out, &o))
    }

    /// The review page (source lines beside the reconstructed text) as HTML;
    /// ``gold`` is a hand-checked layout JSON text of the same input to
    /// score against.
    #[pyo3(signature = (*, gold=None))]
    fn to_review_html(&self, py: Python<'_>, gold: Option<String>) -> PyResult<String> {
        let o = match gold {
            Some(g) => ReviewOptions::default().with_gold_json(&g).map_err(err)?,
            None => ReviewOptions::default(),
        };
        render(py, |out| self.doc.write_review(out, &o))
    }

    fn __repr__(&self) -> String {
        let articles = self
            .doc
            .articles
            .iter()
            .filter(|a| a.kind == ArticleKind::Article)
            .count();
        let name = self
            .doc
            .source
            .file_name
            .as_deref()
            .map(|n| format!(" file={n:?}"))
            .unwrap_or_default();
        let title = self
            .doc
            .meta
            .title
            .as_deref()
            .map(|t| format!(" title={t:?}"))
            .unwrap_or_default();
        format!(
            "<reprint.Document{name}{title} articles={articles} warnings={}>",
            self.doc.warnings.len()
        )
    }
}

/// reprint: the raw text of printed Chinese documents (OCR, PDF extraction)
/// into structured books: EPUB 3, PDF, TEI P5, Markdown, HTML.
#[pymodule]
fn _reprint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file, m)?)?;
    m.add_class::<Document>()?;
    m.add("ReprintError", py.get_type::<ReprintError>())?;
    m.add("NotTextError", py.get_type::<NotTextError>())?;
    m.add("TooLargeError", py.get_type::<TooLargeError>())?;
    m.add(
        "UnknownEncodingError",
        py.get_type::<UnknownEncodingError>(),
    )?;
    m.add("InvalidOptionError", py.get_type::<InvalidOptionError>())?;
    m.add("ReadError", py.get_type::<ReadError>())?;
    m.add("WriteError", py.get_type::<WriteError>())?;
    m.add("OutputError", py.get_type::<OutputError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
