//! Bytes to text, with the encoding detected and named.

use crate::{Error, Result};
use encoding_rs::{
    BIG5, EUC_JP, EUC_KR, Encoding, GB18030, GBK, ISO_2022_JP, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE,
};
use std::borrow::Cow;

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
/// UTF-8, then BOM-less UTF-16, then a legacy encoding: Big5, Shift_JIS,
/// EUC-JP, EUC-KR or ISO-2022-JP when `chardetng` says so and the bytes are
/// valid in it, else GB18030 (a superset of GBK and GB2312, still common for
/// Chinese TXT files), else chardetng's guess if the bytes are valid in it,
/// then UTF-8 with replacements.
pub fn decode(bytes: &[u8], label: Option<&str>, what: &str) -> Result<Decoded> {
    let (text, encoding, lossy) = decode_in_place(bytes, label, what)?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding,
        lossy,
    })
}

/// As [`decode`], but text that is valid UTF-8 already is borrowed, not
/// copied: the parser needs no copy of a large input.
pub(crate) fn decode_in_place<'a>(
    bytes: &'a [u8],
    label: Option<&str>,
    what: &str,
) -> Result<(Cow<'a, str>, &'static str, bool)> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(run(enc, &bytes[bom_len..]));
    }
    if let Some(label) = label {
        let enc = Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| Error::UnknownEncoding(label.to_string()))?;
        return Ok(run(enc, bytes));
    }
    // Before UTF-8: BOM-less UTF-16 of ASCII text is valid UTF-8 full of NULs.
    if let Some(enc) = sniff_utf16(bytes) {
        let d = run(enc, bytes);
        check_text(&d.0, bytes, what)?;
        return Ok(d);
    }
    // SIMD: several times faster than `str::from_utf8` (and encoding_rs) on Chinese text.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        check_text(s, bytes, what)?;
        return Ok((Cow::Borrowed(s), "UTF-8", false));
    }
    let (utf8_bad, utf8_multi) = utf8_stats(bytes);
    // A few bad bytes inside text that is otherwise UTF-8 (a damaged file) stay UTF-8.
    if utf8_multi > 0 && utf8_bad * 50 < utf8_multi {
        let d = run(UTF_8, bytes);
        check_text(&d.0, bytes, what)?;
        return Ok(d);
    }
    // A legacy encoding: chardetng tells Big5, Shift_JIS, EUC-KR and the rest
    // apart. Big5 bytes are nearly always valid GB18030 too, so the guess
    // comes first when it is another CJK encoding; any other guess (a
    // single-byte encoding) only when the bytes are not GB18030.
    let guess = guess_legacy(bytes);
    let cjk = [BIG5, SHIFT_JIS, EUC_JP, EUC_KR, ISO_2022_JP];
    if cjk.contains(&guess) {
        let (text, bad) = guess.decode_without_bom_handling(bytes);
        if !bad {
            check_text(&text, bytes, what)?;
            return Ok((text, guess.name(), false));
        }
    }
    let (gb, gb_bad) = GB18030.decode_without_bom_handling(bytes);
    if !gb_bad {
        check_text(&gb, bytes, what)?;
        return Ok((gb, "GB18030", false));
    }
    if guess != GBK && guess != GB18030 && guess != UTF_8 {
        let (text, bad) = guess.decode_without_bom_handling(bytes);
        if !bad {
            check_text(&text, bytes, what)?;
            return Ok((text, guess.name(), false));
        }
    }
    let d = run(UTF_8, bytes);
    check_text(&d.0, bytes, what)?;
    Ok(d)
}

/// chardetng's guess from the first MiB (a guess settles long before).
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let head = &bytes[..bytes.len().min(1 << 20)];
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(head, head.len() == bytes.len());
    detector.guess(None, false)
}

fn run<'a>(enc: &'static Encoding, bytes: &'a [u8]) -> (Cow<'a, str>, &'static str, bool) {
    let (text, lossy) = enc.decode_without_bom_handling(bytes);
    (text, enc.name(), lossy)
}

/// UTF-16 without a BOM shows as NUL in every other byte of ASCII text.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes[..n].chunks_exact(2) {
        even += (pair[0] == 0) as usize;
        odd += (pair[1] == 0) as usize;
    }
    let half = n / 2;
    if odd * 3 > half && even * 10 < half {
        Some(UTF_16LE)
    } else if even * 3 > half && odd * 10 < half {
        Some(UTF_16BE)
    } else {
        // Chinese text has fewer NULs: one per ASCII character (line ends at least).
        cjk_utf16(&bytes[..n], even + odd)
    }
}

/// Chinese text in UTF-16 without a BOM has NULs where it has ASCII and in
/// characters like 一 (U+4E00), and is seldom valid UTF-8. It is taken for
/// UTF-16 when one byte order decodes it without error to line-broken text
/// of mostly ideographs and ASCII; the other byte order gives no line ends.
fn cjk_utf16(head: &[u8], nuls: usize) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 64 || nuls < 8 || nuls * 100 < pairs {
        return None;
    }
    // Valid UTF-8 up to a character the 4 KiB cut may have split is UTF-8.
    if std::str::from_utf8(head).map_or_else(|e| e.error_len().is_none(), |_| true) {
        return None;
    }
    [UTF_16LE, UTF_16BE].into_iter().find(|enc| {
        let (text, bad) = enc.decode_without_bom_handling(head);
        // The cut may split a surrogate pair: one replacement at the end is no evidence.
        let bad = bad
            && text
                .strip_suffix('\u{FFFD}')
                .is_none_or(|t| t.contains('\u{FFFD}'));
        let texty = text
            .chars()
            .filter(|&c| c.is_ascii_graphic() || c.is_whitespace() || super::lines::is_wide(c))
            .count();
        !bad && text.contains('\n') && texty * 10 >= text.chars().count() * 9
    })
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
                multi += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
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

/// Refuses input that is mostly control characters: binary data (one with
/// a NUL, which text never has), or not text.
fn check_text(s: &str, bytes: &[u8], what: &str) -> Result<()> {
    // The first 2^16 characters lie within the first 2^18 bytes. Text
    // without a byte that can start a control character has none to count:
    // one quick pass, which the compiler can vectorise, tells.
    let head = &s.as_bytes()[..s.len().min(1 << 18)];
    // Bitwise, without branches, so that it is vectorised: C0 controls but
    // \t \n \x0b \x0c \r (bits 9..=13 of the mask), DEL, and C1 controls
    // (C2 80..=C2 9F; C2 is also the lead byte of ·).
    const ALLOWED: u32 = 0b11111 << 9;
    let single = |x: u8| (x < 0x20) & (ALLOWED >> (x & 0x1F) & 1 == 0) | (x == 0x7F);
    let pairs = head
        .iter()
        .zip(head.get(1..).unwrap_or_default())
        .fold(false, |any, (&x, &y)| {
            any | single(x) | ((x == 0xC2) & (y < 0xA0))
        });
    if !pairs && !head.last().is_some_and(|&x| single(x)) {
        return Ok(());
    }
    let (total, control, first_nul) = control_characters(s);
    if total > 0 && control * 10 > total {
        if first_nul.is_some() {
            // Where it shows in the bytes as given: the first byte no text has.
            let at = bytes
                .iter()
                .position(|&x| x == 0 || x == 0x7F || x < 0x20 && ALLOWED >> x & 1 == 0)
                .unwrap_or(0);
            return Err(Error::Binary {
                what: what.to_string(),
                at: at as u64,
            });
        }
        let reason = format!("{control} control characters in the first {total}");
        return Err(Error::NotText {
            what: what.to_string(),
            reason,
        });
    }
    Ok(())
}

/// Among the first 2^16 characters: how many there are, how many are
/// control characters other than line ends and tabs, and where the first NUL is.
fn control_characters(s: &str) -> (usize, usize, Option<usize>) {
    let (mut total, mut control, mut first_nul) = (0usize, 0usize, None);
    // Read as bytes, not decoded: a control character (U+0000..=U+001F,
    // U+007F..=U+009F) is one byte, or C2 and 80..=9F; a character starts
    // at every byte that is not a continuation byte.
    let b = s.as_bytes();
    for (i, &x) in b.iter().enumerate() {
        if x & 0xC0 == 0x80 {
            continue;
        }
        if total == 1 << 16 {
            break;
        }
        total += 1;
        let here = match x {
            b'\n' | b'\r' | b'\t' | 0x0c | 0x0b => false,
            0x00..=0x1F | 0x7F => true,
            0xC2 => matches!(b.get(i + 1), Some(0x80..=0x9F)),
            _ => false,
        };
        if here {
            control += 1;
            if x == 0 && first_nul.is_none() {
                first_nul = Some(i);
            }
        }
    }
    (total, control, first_nul)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `check_text` counted before it read bytes.
    fn by_chars(s: &str) -> (usize, usize, Option<usize>) {
        let (mut total, mut control, mut first_nul) = (0, 0, None);
        for (i, c) in s.char_indices().take(1 << 16) {
            total += 1;
            if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c' | '\x0b') {
                control += 1;
                if c == '\0' && first_nul.is_none() {
                    first_nul = Some(i);
                }
            }
        }
        (total, control, first_nul)
    }

    #[test]
    fn control_characters_are_counted_from_bytes_as_from_chars() {
        let all: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        let mut cases: Vec<String> = all
            .chars()
            .collect::<Vec<_>>()
            .chunks(1000)
            .map(|c| c.iter().collect())
            .collect();
        cases.extend([
            "正文\n\0x".to_string(),
            "\u{85}\u{9f}\u{a0}ab".into(),
            "\u{1}".repeat(70_000),
            format!("{}\0", "字".repeat(1 << 16)),
        ]);
        for s in &cases {
            assert_eq!(control_characters(s), by_chars(s), "{:?}", s.chars().next());
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("中文".as_bytes(), None, "t").unwrap().encoding,
            "UTF-8"
        );
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
        let bare: Vec<u8> = "plain ascii text here"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(
            decode(&bare, None, "t").unwrap().text,
            "plain ascii text here"
        );
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
        assert!(matches!(
            decode(b"x", Some("klingon"), "t"),
            Err(Error::UnknownEncoding(_))
        ));
    }
}
