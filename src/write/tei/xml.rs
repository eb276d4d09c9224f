//! A thin layer over quick-xml: indentation only where TEI ignores white
//! space, and text that is always legal XML 1.0.

use crate::write::xml::escape_text as escape;
pub(super) use crate::write::xml::is_xml_char;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesPI, BytesStart, BytesText, Event};
use std::borrow::Cow;
use std::io::{self, Write};

/// Writes TEI through quick-xml. Whitespace is added only by [`Xml::open`],
/// [`Xml::close`] and [`Xml::line`], which callers use between elements of
/// element-only content, never inside paragraphs, so the text of mixed
/// content is exactly the source's.
pub(super) struct Xml<W: Write> {
    w: Writer<W>,
    depth: usize,
}

impl<W: Write> Xml<W> {
    pub(super) fn new(out: W) -> Self {
        Xml {
            w: Writer::new(out),
            depth: 0,
        }
    }

    pub(super) fn into_inner(self) -> W {
        self.w.into_inner()
    }

    pub(super) fn prolog(&mut self, schema: &str) -> io::Result<()> {
        self.w
            .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        self.raw("\n")?;
        let pi = format!(
            r#"xml-model href="{schema}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0""#
        );
        self.w.write_event(Event::PI(BytesPI::new(pi)))
    }

    /// A new line indented for the current depth.
    pub(super) fn line(&mut self) -> io::Result<()> {
        self.raw("\n")?;
        for _ in 0..self.depth {
            self.raw("  ")?;
        }
        Ok(())
    }

    /// Starts an element of element-only content on its own line.
    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.line()?;
        self.start(name, attrs)?;
        self.depth += 1;
        Ok(())
    }

    /// Ends an element started with [`Xml::open`].
    pub(super) fn close(&mut self, name: &str) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.line()?;
        self.end(name)
    }

    pub(super) fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.w.write_event(Event::Start(element(name, attrs)))
    }

    pub(super) fn end(&mut self, name: &str) -> io::Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.w.write_event(Event::Empty(element(name, attrs)))
    }

    /// A one-line element of the header: its text has forbidden characters replaced.
    pub(super) fn leaf(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> io::Result<()> {
        self.line()?;
        self.start(name, attrs)?;
        self.raw(&escape(&replace_forbidden(text)))?;
        self.end(name)
    }

    /// Text of the edition. A character XML 1.0 forbids cannot be written,
    /// so it leaves a `gap` naming its code point where it stood.
    pub(super) fn text(&mut self, s: &str) -> io::Result<()> {
        let mut rest = s;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| !is_xml_char(c)) {
            self.raw(&escape(&rest[..i]))?;
            let code = format!("U+{:04X}", c as u32);
            self.empty(
                "gap",
                &[
                    ("reason", "forbidden-character"),
                    ("unit", "chars"),
                    ("quantity", "1"),
                    ("n", &code),
                ],
            )?;
            rest = &rest[i + c.len_utf8()..];
        }
        self.raw(&escape(rest))
    }

    fn raw(&mut self, escaped: &str) -> io::Result<()> {
        if escaped.is_empty() {
            return Ok(());
        }
        self.w
            .write_event(Event::Text(BytesText::from_escaped(escaped)))
    }
}

fn element<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute((*k, attribute(v).as_ref()));
    }
    e
}

/// The string with forbidden characters replaced by U+FFFD, for places
/// (header fields, attribute values) where no `gap` can stand.
pub(super) fn replace_forbidden(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
                .collect(),
        )
    }
}

/// Attribute values are normalised by XML parsers (tabs and line ends become
/// spaces), so they are written as spaces to read back the same.
fn attribute(v: &str) -> Cow<'_, str> {
    let v = replace_forbidden(v);
    if v.contains(['\t', '\n', '\r']) {
        Cow::Owned(v.replace(['\t', '\n', '\r'], " "))
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_become_gaps() {
        let mut x = Xml::new(Vec::new());
        x.text("a\u{1}b\u{FFFE}c<\r").unwrap();
        let s = String::from_utf8(x.into_inner()).unwrap();
        assert_eq!(
            s,
            r#"a<gap reason="forbidden-character" unit="chars" quantity="1" n="U+0001"/>b<gap reason="forbidden-character" unit="chars" quantity="1" n="U+FFFE"/>c&lt;&#13;"#
        );
    }

    #[test]
    fn attributes_and_header_text_replace_them() {
        let mut x = Xml::new(Vec::new());
        x.leaf("title", &[("n", "a\u{b}\tb")], "x\u{0}y").unwrap();
        let s = String::from_utf8(x.into_inner()).unwrap();
        assert_eq!(s, "\n<title n=\"a\u{FFFD} b\">x\u{FFFD}y</title>");
    }
}
