//! The book's metadata: what the options say, else what the model found,
//! else what can be derived from the text itself.

use super::EpubOptions;
use super::text::{Flow, escape, is_han, tidy};
use crate::model::{BlockKind, Document, Inline};
use crate::{Error, Result};

/// `dcterms:modified` when the caller does not ask for another: fixed, so
/// the same input gives the same bytes.
pub(super) const FIXED_MODIFIED: i64 = 946_684_800; // 2000-01-01T00:00:00Z

/// Metadata of the book, resolved.
pub(super) struct BookMeta {
    pub title: String,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    pub language: String,
    pub identifier: uuid::Uuid,
    pub modified: chrono::DateTime<chrono::Utc>,
    /// W3C date (`2025-01-17`, `2025-01`, `2025`).
    pub date: Option<String>,
    /// Publication and issue, as the title page shows them.
    pub publication: Option<String>,
    /// `dc:source` values.
    pub sources: Vec<String>,
}

impl BookMeta {
    pub fn resolve(doc: &Document, options: &EpubOptions) -> Result<BookMeta> {
        let language = match &options.language {
            Some(l) if is_language_tag(l) => l.clone(),
            Some(l) => return Err(invalid("language", format!("{l:?} is not a BCP 47 language tag"))),
            None if is_language_tag(&doc.meta.language) => doc.meta.language.clone(),
            None => detect_language(doc),
        };
        let labels = super::labels::for_language(&language);
        let title = first_text([options.title.as_deref(), doc.meta.title.as_deref()])
            .or_else(|| doc.articles.iter().find_map(|a| a.title()).map(|t| tidy(&t, Flow::Display)).filter(|t| !t.is_empty()))
            .or_else(|| doc.source.file_name.as_deref().map(file_stem).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| labels.untitled.to_string());
        let subtitle = first_text([options.subtitle.as_deref(), doc.meta.subtitle.as_deref()]);
        let authors = names(if options.authors.is_empty() { byline_authors(doc) } else { options.authors.clone() }, Some(Flow::Display));
        let date = match &options.date {
            Some(d) if is_w3c_date(d) => Some(d.clone()),
            Some(d) => return Err(invalid("date", format!("{d:?} is not a date like 2025-01-17, 2025-01 or 2025"))),
            None => doc.meta.date.as_deref().and_then(w3c_date),
        };
        let publication = {
            let parts: Vec<String> = [&doc.meta.publication, &doc.meta.issue].into_iter().flatten().map(|s| tidy(s, Flow::Display)).filter(|s| !s.is_empty()).collect();
            if parts.is_empty() { None } else { Some(parts.join("\u{3000}")) }
        };
        let sources = if options.sources.is_empty() {
            let mut v: Vec<String> = publication.iter().cloned().collect();
            v.extend(doc.meta.issn.iter().map(|i| format!("urn:issn:{}", tidy(i, Flow::Display))));
            v.extend(doc.meta.sources.iter().map(|s| tidy(s, Flow::Running)));
            names(v, None)
        } else {
            names(options.sources.clone(), Some(Flow::Running))
        };
        let identifier = match &options.identifier {
            Some(id) => uuid::Uuid::parse_str(id.trim_start_matches("urn:uuid:")).map_err(|e| invalid("identifier", format!("{id:?} is not a UUID: {e}")))?,
            None => content_uuid(doc, &title, &authors, &language),
        };
        let secs = options.modified.unwrap_or(FIXED_MODIFIED);
        let modified = chrono::DateTime::from_timestamp(secs, 0).ok_or_else(|| invalid("modified", format!("{secs} seconds is out of range")))?;
        Ok(BookMeta { title, subtitle, authors, language, identifier, modified, date, publication, sources })
    }

    /// OPF metadata that epub-builder has no setter for, as raw XML.
    pub fn opf_extras(&self) -> Vec<String> {
        let mut v = Vec::new();
        if let Some(s) = &self.subtitle {
            v.push(format!("<dc:title id=\"subtitle\">{}</dc:title>", escape(s)));
            v.push("<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>".into());
        }
        if let Some(d) = &self.date {
            v.push(format!("<dc:date>{}</dc:date>", escape(d)));
        }
        for s in &self.sources {
            v.push(format!("<dc:source>{}</dc:source>", escape(s)));
        }
        v
    }
}

fn invalid(name: &str, reason: String) -> Error {
    Error::InvalidOption { name: format!("epub {name}"), reason }
}

fn first_text<'a>(candidates: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    candidates.into_iter().flatten().map(|s| tidy(s, Flow::Display)).find(|s| !s.is_empty())
}

fn file_stem(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    tidy(base.split('.').next().unwrap_or(base), Flow::Display)
}

/// Non-empty, each once, in order; tidied as `flow` says unless already tidy.
fn names(v: Vec<String>, flow: Option<Flow>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in v {
        let n = match flow {
            Some(f) => tidy(&n, f),
            None => n,
        };
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

fn byline_authors(doc: &Document) -> Vec<String> {
    if !doc.meta.authors.is_empty() {
        return doc.meta.authors.clone();
    }
    doc.blocks()
        .filter_map(|b| match &b.kind {
            BlockKind::Byline { authors } => Some(authors.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

/// Well-formed enough for `dc:language` and `xml:lang`: `zh`, `zh-CN`, `zh-Hant-TW`, `en`.
pub(super) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

const SIMPLIFIED: &str = "这国说时会为发经对个来们学与进过还动现实门问见长开关样书东车马鸟应该认识让议论员区务";
const TRADITIONAL: &str = "這國說時會為發經對個來們學與進過還動現實門問見長開關樣書東車馬鳥應該認識讓議論員區務";

/// Guesses the language from the characters of the text.
pub(super) fn detect_language(doc: &Document) -> String {
    let (mut han, mut kana, mut hangul, mut latin, mut simp, mut trad) = (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let spans = doc.blocks().flat_map(|b| b.content.iter()).filter_map(|i| match i {
        Inline::Span(s) => Some(&s.text),
        Inline::Milestone(_) => None,
    });
    for c in spans.flat_map(|t| t.chars()).take(200_000) {
        match c {
            '\u{3040}'..='\u{30FF}' => kana += 1,
            '\u{AC00}'..='\u{D7AF}' => hangul += 1,
            c if is_han(c) => {
                han += 1;
                simp += usize::from(SIMPLIFIED.contains(c));
                trad += usize::from(TRADITIONAL.contains(c));
            }
            c if c.is_alphabetic() => latin += 1,
            _ => {}
        }
    }
    if kana * 10 > han && kana > 0 {
        "ja".into()
    } else if hangul > han && hangul > latin {
        "ko".into()
    } else if han >= latin && han > 0 {
        if trad > simp { "zh-TW".into() } else { "zh-CN".into() }
    } else if latin > 0 {
        "en".into()
    } else {
        "und".into()
    }
}

/// A stable identifier: the same text, title, authors and language give the same UUID.
fn content_uuid(doc: &Document, title: &str, authors: &[String], language: &str) -> uuid::Uuid {
    let mut name = Vec::with_capacity(doc.source.byte_len as usize + 256);
    for part in [title, &authors.join("\u{1}"), language] {
        name.extend_from_slice(part.as_bytes());
        name.push(0);
    }
    for b in doc.blocks() {
        for i in &b.content {
            let s = match i {
                Inline::Span(s) => s,
                Inline::Milestone(m) => &m.span,
            };
            name.extend_from_slice(s.raw().as_bytes());
            name.push(b'\n');
        }
        if let BlockKind::Caption { credit } = &b.kind {
            for i in credit {
                if let Inline::Span(s) = i {
                    name.extend_from_slice(s.raw().as_bytes());
                }
            }
        }
    }
    let ns = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, b"https://crates.io/crates/reprint/epub");
    uuid::Uuid::new_v5(&ns, &name)
}

fn is_w3c_date(d: &str) -> bool {
    let p: Vec<&str> = d.split('-').collect();
    let num = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match p.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => num(y, 4) && num(m, 2) && num(d, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)) && (1..=31).contains(&d.parse::<u8>().unwrap_or(0)),
        _ => false,
    }
}

/// A printed date (`2025 年 1 月 17 日`, `二〇二五年一月八日`, `2025.1.17`)
/// as a W3C date, when it has a year.
pub(super) fn w3c_date(printed: &str) -> Option<String> {
    let digits: String = printed
        .chars()
        .map(|c| match "〇一二三四五六七八九".chars().position(|d| d == c) {
            Some(n) => char::from(b'0' + n as u8),
            None if c == '零' => '0',
            None => c,
        })
        .collect();
    let tens = regex::Regex::new(r"(\d)?十(\d)?").ok()?;
    let digits = tens.replace_all(&digits, |c: &regex::Captures| {
        format!("{}{}", c.get(1).map_or("1", |m| m.as_str()), c.get(2).map_or("0", |m| m.as_str()))
    });
    let re = regex::Regex::new(r"(\d{4})\s*[年./-]\s*(?:(\d{1,2})\s*[月./-]?\s*(?:(\d{1,2})\s*日?)?)?").ok()?;
    let c = re.captures(&digits)?;
    let mut out = c[1].to_string();
    if let Some(m) = c.get(2) {
        out.push_str(&format!("-{:02}", m.as_str().parse::<u8>().ok()?));
        if let Some(d) = c.get(3) {
            out.push_str(&format!("-{:02}", d.as_str().parse::<u8>().ok()?));
        }
    }
    is_w3c_date(&out).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_dates() {
        assert_eq!(w3c_date("（2025 年 1 月 17 日）").as_deref(), Some("2025-01-17"));
        assert_eq!(w3c_date("二〇二五年一月八日").as_deref(), Some("2025-01-08"));
        assert_eq!(w3c_date("2024年十二月二十六日").as_deref(), Some("2024-12-26"));
        assert_eq!(w3c_date("3月6日"), None);
        assert_eq!(w3c_date("2025年13月"), None);
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("zh-CN") && is_language_tag("zh-Hant-TW") && is_language_tag("en"));
        assert!(!is_language_tag("") && !is_language_tag("zh_CN") && !is_language_tag("中文"));
    }
}
