//! The container as it is written: epub-builder's archive repacked with fixed
//! timestamps, and with the package files it cannot make right patched.
//!
//! epub-builder keeps its `Zip` trait private and stamps every entry with the
//! current time, so a book would differ from run to run; it also gives
//! `dc:language` and `dc:creator` the same ids (0.8.3), has no `dc:source`, writes a navigation
//! document without language or page list, and an NCX without `dtb:uid`.
//! Repacking fixes all of that in one pass.

use crate::{Error, Result};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// What the repack puts in place of epub-builder's files.
pub(super) struct Patches {
    /// The complete navigation document.
    pub nav: String,
    /// The spine item the navigation document follows (its idref); first in the spine when empty.
    pub nav_after: String,
    /// The book's identifier, as `urn:uuid:…`.
    pub uid: String,
    /// The book's language, for the package element.
    pub language: String,
    /// OPF metadata epub-builder has no setter for (`dc:source`, `dc:date`, a subtitle), as XML.
    pub metadata: Vec<String>,
    /// The book's title, the NCX's `docTitle` (epub-builder puts the name of
    /// the contents there).
    pub title: String,
    /// How deep the NCX's navMap nests, its `dtb:depth` (epub-builder says 1).
    pub depth: usize,
}

fn fail(source: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::library("epub", source)
}

/// Rewrites the archive `built` into `out`.
pub(super) fn repack<W: Write>(built: &[u8], patches: &Patches, mut out: W) -> Result<()> {
    let mut archive = ZipArchive::new(Cursor::new(built)).map_err(fail)?;
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(built.len() + 4096)));
    let fixed = SimpleFileOptions::default().last_modified_time(DateTime::default());
    // The OCF wants `mimetype` first and stored, whatever order the builder used.
    zip.start_file(
        "mimetype",
        fixed.compression_method(CompressionMethod::Stored),
    )
    .map_err(fail)?;
    zip.write_all(b"application/epub+zip").map_err(fail)?;
    for i in 0..archive.len() {
        let name = archive.by_index_raw(i).map_err(fail)?.name().to_string();
        let patched = match name.as_str() {
            "mimetype" => continue,
            "OEBPS/nav.xhtml" => patches.nav.clone(),
            "OEBPS/content.opf" => patch_opf(&read(&mut archive, i)?, patches),
            "OEBPS/toc.ncx" => patch_ncx(&read(&mut archive, i)?, patches),
            _ => {
                // Unchanged entries keep their compressed bytes; only the time changes.
                let entry = archive.by_index_raw(i).map_err(fail)?;
                zip.raw_copy_file_touch(entry, DateTime::default(), None)
                    .map_err(fail)?;
                continue;
            }
        };
        zip.start_file(name, fixed.compression_method(CompressionMethod::Deflated))
            .map_err(fail)?;
        zip.write_all(patched.as_bytes()).map_err(fail)?;
    }
    let bytes = zip.finish().map_err(fail)?.into_inner();
    out.write_all(&bytes).map_err(|source| Error::Write {
        what: "epub".into(),
        source,
    })
}

fn read(archive: &mut ZipArchive<Cursor<&[u8]>>, i: usize) -> Result<String> {
    let mut text = String::new();
    archive
        .by_index(i)
        .map_err(fail)?
        .read_to_string(&mut text)
        .map_err(fail)?;
    Ok(text)
}

fn patch_opf(opf: &str, p: &Patches) -> String {
    let lang = crate::write::xhtml::escape(&p.language);
    let nav_anchor = if p.nav_after.is_empty() {
        // The spine's start tag as epub-builder writes it, whatever its attributes.
        opf.find("<spine")
            .and_then(|at| {
                opf[at..]
                    .find('>')
                    .map(|end| opf[at..=at + end].to_string())
            })
            .unwrap_or_else(|| "<spine>".into())
    } else {
        format!("<itemref idref=\"{}\"/>", p.nav_after)
    };
    opf.replace(
        "<dc:language id=\"epub-creator-",
        "<dc:language id=\"epub-language-",
    )
    .replacen(
        "<package version=\"3.0\"",
        &format!("<package version=\"3.0\" xml:lang=\"{lang}\""),
        1,
    )
    // The contents landmark needs the navigation document in the spine: after the title page.
    .replacen(
        &nav_anchor,
        &format!("{nav_anchor}\n    <itemref idref=\"nav\"/>"),
        1,
    )
    .replacen(
        "</metadata>",
        &format!(
            "{}</metadata>",
            p.metadata
                .iter()
                .map(|m| format!("  {m}\n  "))
                .collect::<String>()
        ),
        1,
    )
    // Blank lines the template leaves where optional metadata was absent.
    .lines()
    .filter(|l| !l.trim().is_empty())
    .collect::<Vec<_>>()
    .join("\n")
        + "\n"
}

fn patch_ncx(ncx: &str, p: &Patches) -> String {
    use crate::write::xhtml::escape;
    let uid = escape(&p.uid);
    let ncx = ncx
        .replacen(
            "<head>",
            &format!("<head>\n    <meta name=\"dtb:uid\" content=\"{uid}\" />"),
            1,
        )
        .replacen(
            "<meta name=\"dtb:depth\" content=\"1\" />",
            &format!("<meta name=\"dtb:depth\" content=\"{}\" />", p.depth.max(1)),
            1,
        );
    // The document title: the text between `<docTitle>` and `</docTitle>`.
    match (ncx.find("<docTitle>"), ncx.find("</docTitle>")) {
        (Some(a), Some(b)) if a < b => format!(
            "{}<docTitle>\n    <text>{}</text>\n  {}",
            &ncx[..a],
            escape(&p.title),
            &ncx[b..]
        ),
        _ => ncx,
    }
}
