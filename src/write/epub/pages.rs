//! Whole XHTML documents: the wrapper every content document shares, the
//! generated title and cover pages, and the navigation document.

use super::meta::BookMeta;
use crate::write::xhtml::{Labels, NavPoint, PageTarget, escape};
use std::fmt::Write as _;

/// Wraps a body in an XHTML 5 document of the book's language.
pub(super) fn document(lang: &str, title: &str, body_type: &str, body: &str) -> String {
    let lang = escape(lang);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"{lang}\" lang=\"{lang}\">\n\
         <head>\n<title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"stylesheet.css\"/>\n</head>\n\
         <body epub:type=\"{body_type}\">\n{body}</body>\n</html>\n",
        escape(title)
    )
}

/// The generated title page: title, subtitle, authors, publication, date, sources.
pub(super) fn title_page(meta: &BookMeta, labels: &Labels) -> String {
    let mut b = String::from("<section class=\"titlepage\" epub:type=\"titlepage\">\n");
    let _ = writeln!(b, "<h1 class=\"book-title\">{}</h1>", escape(&meta.title));
    if let Some(s) = &meta.subtitle {
        let _ = writeln!(b, "<p class=\"book-subtitle\">{}</p>", escape(s));
    }
    if !meta.authors.is_empty() {
        let names: Vec<String> = meta
            .authors
            .iter()
            .map(|a| format!("<span class=\"author\">{}</span>", escape(a)))
            .collect();
        let _ = writeln!(
            b,
            "<p class=\"book-authors\">{}</p>",
            names.join("\u{3000}")
        );
    }
    if let Some(p) = &meta.publication {
        let _ = writeln!(b, "<p class=\"book-publication\">{}</p>", escape(p));
    }
    if let Some(d) = &meta.date {
        let _ = writeln!(
            b,
            "<p class=\"book-date\"><time datetime=\"{0}\">{0}</time></p>",
            escape(d)
        );
    }
    let others: Vec<&String> = meta
        .sources
        .iter()
        .filter(|s| Some(*s) != meta.publication.as_ref())
        .collect();
    if !others.is_empty() {
        b.push_str("<ul class=\"book-sources\">\n");
        for s in others {
            let shown = s
                .strip_prefix("urn:issn:")
                .map_or_else(|| s.to_string(), |n| format!("ISSN {n}"));
            let _ = writeln!(b, "<li>{}</li>", escape(&shown));
        }
        b.push_str("</ul>\n");
    }
    b.push_str("</section>\n");
    document(&meta.language, labels.title_page, "frontmatter", &b)
}

/// A page showing the cover image alone.
pub(super) fn cover_page(meta: &BookMeta, labels: &Labels, image: &str) -> String {
    let body = format!(
        "<section class=\"cover\" epub:type=\"cover\">\n<img src=\"{}\" alt=\"{}\"/>\n</section>\n",
        escape(image),
        escape(&meta.title)
    );
    document(&meta.language, labels.cover, "cover", &body)
}

/// Landmarks of the book: (epub:type, href, label).
pub(super) type Landmark = (&'static str, String, String);

/// The EPUB 3 navigation document: contents, landmarks and the printed page list.
pub(super) fn nav(
    meta: &BookMeta,
    labels: &Labels,
    toc: &[NavPoint],
    landmarks: &[Landmark],
    pages: &[PageTarget],
) -> String {
    let mut b = format!(
        "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>{}</h1>\n",
        escape(labels.contents)
    );
    nav_list(&mut b, toc);
    b.push_str("</nav>\n");
    let _ = writeln!(
        b,
        "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>{}</h2>\n<ol>",
        escape(labels.landmarks)
    );
    for (kind, href, label) in landmarks {
        let _ = writeln!(
            b,
            "<li><a epub:type=\"{kind}\" href=\"{}\">{}</a></li>",
            escape(href),
            escape(label)
        );
    }
    b.push_str("</ol>\n</nav>\n");
    if !pages.is_empty() {
        let _ = writeln!(
            b,
            "<nav epub:type=\"page-list\" id=\"page-list\" hidden=\"hidden\">\n<h2>{}</h2>\n<ol>",
            escape(labels.pages)
        );
        for p in pages {
            let _ = writeln!(
                b,
                "<li><a href=\"{}\">{}</a></li>",
                escape(&p.href),
                escape(&p.label)
            );
        }
        b.push_str("</ol>\n</nav>\n");
    }
    document(&meta.language, labels.contents, "frontmatter", &b)
}

fn nav_list(b: &mut String, points: &[NavPoint]) {
    b.push_str("<ol>\n");
    for p in points {
        let _ = write!(
            b,
            "<li><a href=\"{}\">{}</a>",
            escape(&p.href),
            escape(&p.label)
        );
        if !p.children.is_empty() {
            b.push('\n');
            nav_list(b, &p.children);
        }
        b.push_str("</li>\n");
    }
    b.push_str("</ol>\n");
}
