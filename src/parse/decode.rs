//! Stage 1: bytes to text, with the encoding detected and named.

use crate::{Error, Result};
use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and the name of the encoding it was decoded from.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// `UTF-8`, `GB18030`, `UTF-16LE`...
    pub encoding: &'static str,
    /// Whether bytes that are invalid in that encoding were replaced by U+FFFD.
    pub lossy: bool,
}

/// Decodes `bytes`: a BOM wins, then the label the user gave, then valid
/// UTF-8, then BOM-less UTF-16, then GB18030 (a superset of GBK and GB2312,
/// still common for Chinese TXT files), then UTF-8 with replacements.
pub fn decode(bytes: &[u8], label: Option<&str>, what: &str) -> Result<Decoded> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(run(enc, &bytes[bom_len..]));
    }
    if let Some(label) = label {
        let enc = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Error::UnknownEncoding(label.to_string()))?;
        return Ok(run(enc, bytes));
    }
    let nuls = Nuls::count(bytes);
    // Before UTF-8: BOM-less UTF-16 of ASCII text is valid UTF-8 full of NULs.
    if let Some(enc) = nuls.ascii_utf16() {
        let d = run(enc, bytes);
        check_text(&d.text, what, &nuls)?;
        return Ok(d);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        check_text(s, what, &nuls)?;
        return Ok(Decoded { text: s.to_string(), encoding: "UTF-8", lossy: false });
    }
    if let Some(enc) = nuls.cjk_utf16(bytes) {
        let d = run(enc, bytes);
        check_text(&d.text, what, &nuls)?;
        return Ok(d);
    }
    let (utf8_bad, utf8_multi) = utf8_stats(bytes);
    // A few bad bytes inside text that is otherwise UTF-8 (a damaged file) stay UTF-8.
    if utf8_multi > 0 && utf8_bad * 50 < utf8_multi {
        let d = run(UTF_8, bytes);
        check_text(&d.text, what, &nuls)?;
        return Ok(d);
    }
    let (gb, gb_bad) = GB18030.decode_without_bom_handling(bytes);
    if !gb_bad {
        check_text(&gb, what, &nuls)?;
        return Ok(Decoded { text: gb.into_owned(), encoding: "GB18030", lossy: false });
    }
    let d = run(UTF_8, bytes);
    check_text(&d.text, what, &nuls)?;
    Ok(d)
}

fn run(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, lossy) = enc.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: enc.name(), lossy }
}

/// NUL bytes at even and odd offsets of the first 4 KiB (rounded to pairs):
/// UTF-16 without a BOM gives itself away by them.
struct Nuls {
    pairs: usize,
    even: usize,
    odd: usize,
}

impl Nuls {
    fn count(bytes: &[u8]) -> Nuls {
        let n = bytes.len().min(4096) & !1;
        let (mut even, mut odd) = (0, 0);
        for pair in bytes[..n].chunks_exact(2) {
            even += (pair[0] == 0) as usize;
            odd += (pair[1] == 0) as usize;
        }
        Nuls { pairs: n / 2, even, odd }
    }

    /// ASCII text in UTF-16 has a NUL in nearly every pair, on one side.
    fn ascii_utf16(&self) -> Option<&'static Encoding> {
        let half = self.pairs;
        if half < 2 {
            None
        } else if self.odd * 3 > half && self.even * 10 < half {
            Some(UTF_16LE)
        } else if self.even * 3 > half && self.odd * 10 < half {
            Some(UTF_16BE)
        } else {
            None
        }
    }

    /// The byte order NULs mostly on one side point to, when there are enough
    /// of them to tell (the other side has some: 一 is U+4E00).
    fn one_sided(&self) -> Option<&'static Encoding> {
        match (self.even, self.odd) {
            (e, o) if o >= 8 && e * 4 <= o => Some(UTF_16LE),
            (e, o) if e >= 8 && o * 4 <= e => Some(UTF_16BE),
            _ => None,
        }
    }

    /// Chinese text in UTF-16 has NULs where it has ASCII (line ends at
    /// least) and in characters like 一 (U+4E00); it is seldom valid UTF-8.
    /// It is taken for UTF-16 when one byte order decodes it without error
    /// to line-broken text; the other gives no line ends.
    fn cjk_utf16(&self, bytes: &[u8]) -> Option<&'static Encoding> {
        if self.pairs < 64 || self.even + self.odd < 8 || (self.even + self.odd) * 100 < self.pairs {
            return None;
        }
        [UTF_16LE, UTF_16BE].into_iter().find(|enc| {
            let (text, bad) = enc.decode_without_bom_handling(&bytes[..self.pairs * 2]);
            // The 4 KiB cut may split a surrogate pair: one replacement at the end is no evidence.
            let bad = bad && text.strip_suffix('\u{FFFD}').is_none_or(|t| t.contains('\u{FFFD}'));
            let texty = text.chars().filter(|&c| c.is_ascii_graphic() || c.is_whitespace() || super::lines::is_wide(c)).count();
            !bad && text.contains('\n') && texty * 10 >= text.chars().count() * 9
        })
    }
}

/// Counts invalid sequences and valid multi-byte characters in `bytes` read as UTF-8.
fn utf8_stats(mut bytes: &[u8]) -> (usize, usize) {
    let (mut bad, mut multi) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                multi += s.chars().filter(|c| !c.is_ascii()).count();
                return (bad, multi);
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                // SAFETY-free: `good` is valid UTF-8 by construction.
                multi += std::str::from_utf8(good).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                bad += 1;
                let skip = e.error_len().unwrap_or(rest.len()).max(1);
                bytes = &rest[skip.min(rest.len())..];
                if bytes.is_empty() {
                    return (bad, multi);
                }
            }
        }
    }
}

/// Refuses input that is mostly control characters: binary, not text. The
/// reason says where the first one is, and when NULs suggest UTF-16, which.
fn check_text(s: &str, what: &str, nuls: &Nuls) -> Result<()> {
    let mut total = 0usize;
    let mut control = 0usize;
    let mut first = None;
    let (mut line, mut column) = (1usize, 0usize);
    for c in s.chars().take(1 << 16) {
        total += 1;
        column += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c' | '\x0b') {
            control += 1;
            first.get_or_insert((c, line, column));
        }
        if c == '\n' {
            (line, column) = (line + 1, 0);
        }
    }
    if total == 0 || control * 10 <= total {
        return Ok(());
    }
    let mut reason = format!("{control} control characters in the first {total} characters");
    if let Some((c, line, column)) = first {
        reason += &format!(", the first (U+{:04X}) at line {line}, character {column}", c as u32);
    }
    if let Some(enc) = nuls.one_sided() {
        reason +=
            &format!("; its NUL bytes are mostly at {} offsets, as in {} without a byte order mark", if enc == UTF_16LE { "odd" } else { "even" }, enc.name());
    }
    Err(Error::NotText { what: what.to_string(), reason })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("中文".as_bytes(), None, "t").unwrap().encoding, "UTF-8");
        let d = decode(b"\xEF\xBB\xBF\xE4\xB8\xAD", None, "t").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("中", "UTF-8"));
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode("中华人民共和国成立了。劼旻");
        let d = decode(&bytes, None, "t").unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "中华人民共和国成立了。劼旻");
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let mut le = vec![0xFF, 0xFE];
        for u in "ab中".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le, None, "t").unwrap().text, "ab中");
        let bare: Vec<u8> = "plain ascii text here".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&bare, None, "t").unwrap().text, "plain ascii text here");
    }

    #[test]
    fn chinese_utf16_without_bom_is_detected() {
        let text = "第一段的第一行，\n第二行。\n\n".repeat(30);
        for (enc, bytes) in [
            ("UTF-16LE", text.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()),
            ("UTF-16BE", text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        ] {
            let d = decode(&bytes, None, "t").unwrap();
            assert_eq!((d.encoding, d.text.as_str()), (enc, text.as_str()));
        }
    }

    #[test]
    fn refusals_say_where_and_suggest_utf16() {
        let err = decode("第一行\n第二行\0\0\0\0\n".as_bytes(), None, "a.txt").unwrap_err().to_string();
        assert!(err.starts_with("a.txt does not look like text") && err.contains("the first (U+0000) at line 2, character 4"), "{err}");
        assert!(!err.contains("UTF-16"), "{err}");
        let bytes: Vec<u8> = "\u{1}\u{2}\u{3}\u{4}\n".repeat(10).encode_utf16().flat_map(u16::to_le_bytes).collect();
        let err = decode(&bytes, None, "b.txt").unwrap_err().to_string();
        assert!(err.contains("NUL bytes are mostly at odd offsets, as in UTF-16LE without a byte order mark"), "{err}");
    }

    #[test]
    fn binary_is_refused_with_a_reason() {
        let bin: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        let err = decode(&bin, None, "blob.bin").unwrap_err().to_string();
        assert!(err.contains("blob.bin"), "{err}");
    }

    #[test]
    fn a_bad_byte_in_utf8_is_replaced() {
        let mut b = "第一行中文内容很长很长。\n".repeat(20).into_bytes();
        b.insert(30, 0xFF);
        let d = decode(&b, None, "t").unwrap();
        assert!(d.lossy && d.encoding == "UTF-8");
    }

    #[test]
    fn label_is_honoured_and_unknown_label_errors() {
        let (bytes, _, _) = GB18030.encode("中文");
        assert_eq!(decode(&bytes, Some("gbk"), "t").unwrap().text, "中文");
        assert!(matches!(decode(b"x", Some("klingon"), "t"), Err(Error::UnknownEncoding(_))));
    }
}
