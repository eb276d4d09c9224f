//! A cover image on a page of its own before the text: JPEG as it is
//! (`DCTDecode`), PNG without decoding (its compressed rows are a
//! `FlateDecode` stream with the PNG predictor), so no image library is needed.

use crate::{Error, Result};
use lopdf::{Dictionary, Document as Lo, Object, Stream};

/// A cover image for the PDF: a JPEG (greyscale, RGB or CMYK) or an 8-bit
/// greyscale or RGB PNG, not interlaced and without transparency.
///
/// ```
/// let err = reprint::write::pdf::PdfCover::new(b"GIF89a....".to_vec()).unwrap_err();
/// assert!(err.to_string().contains("JPEG or PNG"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfCover {
    width: u32,
    height: u32,
    /// `DeviceGray`, `DeviceRGB` or `DeviceCMYK`.
    space: &'static str,
    kind: Kind,
    data: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Jpeg,
    /// The PNG's concatenated IDAT data; colours per pixel.
    Png(u8),
}

fn refuse(reason: impl Into<String>) -> Error {
    Error::InvalidOption {
        name: "pdf cover".into(),
        reason: reason.into(),
    }
}

impl PdfCover {
    /// Reads the image's size and colours; other formats and the PNGs a PDF
    /// cannot take as they are are an [`Error::InvalidOption`].
    pub fn new(bytes: Vec<u8>) -> Result<PdfCover> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            let (width, height, components) =
                jpeg_size(&bytes).ok_or_else(|| refuse("a JPEG without a frame header (SOF)"))?;
            let space = match components {
                1 => "DeviceGray",
                3 => "DeviceRGB",
                4 => "DeviceCMYK",
                n => return Err(refuse(format!("a JPEG with {n} colour components"))),
            };
            return Ok(PdfCover {
                width,
                height,
                space,
                kind: Kind::Jpeg,
                data: bytes,
            });
        }
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return png(&bytes);
        }
        Err(refuse("the PDF takes a JPEG or PNG cover"))
    }

    /// The image's size in pixels.
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }
}

/// Width, height and components from the first start-of-frame marker.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32, u8)> {
    let mut at = 2;
    while at + 4 <= b.len() {
        if b[at] != 0xFF {
            return None;
        }
        let marker = b[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[at + 2], b[at + 3]]));
        let is_sof = (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof {
            let f = b.get(at + 4..at + 10)?;
            let height = u32::from(u16::from_be_bytes([f[1], f[2]]));
            let width = u32::from(u16::from_be_bytes([f[3], f[4]]));
            return (width > 0 && height > 0).then_some((width, height, f[5]));
        }
        at += 2 + len;
    }
    None
}

fn png(b: &[u8]) -> Result<PdfCover> {
    let mut at = 8;
    let mut header = None;
    let mut data = Vec::new();
    while at + 8 <= b.len() {
        let len = u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize;
        let kind = &b[at + 4..at + 8];
        let body = b
            .get(at + 8..at + 8 + len)
            .ok_or_else(|| refuse("a PNG cut short"))?;
        match kind {
            b"IHDR" if len >= 13 => {
                header = Some((
                    u32::from_be_bytes([body[0], body[1], body[2], body[3]]),
                    u32::from_be_bytes([body[4], body[5], body[6], body[7]]),
                    body[8],
                    body[9],
                    body[12],
                ))
            }
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    let (width, height, depth, colour, interlace) =
        header.ok_or_else(|| refuse("a PNG without a header"))?;
    let (space, colours) = match colour {
        0 => ("DeviceGray", 1),
        2 => ("DeviceRGB", 3),
        3 => return Err(refuse("a PNG with a palette: save it as RGB or as a JPEG")),
        _ => {
            return Err(refuse(
                "a PNG with transparency: flatten it or save it as a JPEG",
            ));
        }
    };
    if depth != 8 || interlace != 0 || width == 0 || height == 0 || data.is_empty() {
        return Err(refuse(
            "the PDF takes 8-bit, non-interlaced PNGs: save it so or as a JPEG",
        ));
    }
    Ok(PdfCover {
        width,
        height,
        space,
        kind: Kind::Png(colours),
        data,
    })
}

/// Puts the cover on a new first page of `lo`, scaled to fit the page and
/// centred, and labels the pages so that the viewer's numbers stay the
/// printed ones (the cover is "cover", the text starts at 1).
pub(super) fn insert(
    lo: &mut Lo,
    cover: &PdfCover,
    page_width: f32,
    page_height: f32,
) -> Result<()> {
    let fail = || Error::Output {
        format: "pdf",
        reason: "the PDF has no page tree to put the cover in".into(),
    };
    let mut image = Dictionary::new();
    image.set("Type", Object::Name(b"XObject".to_vec()));
    image.set("Subtype", Object::Name(b"Image".to_vec()));
    image.set("Width", Object::Integer(i64::from(cover.width)));
    image.set("Height", Object::Integer(i64::from(cover.height)));
    image.set("ColorSpace", Object::Name(cover.space.as_bytes().to_vec()));
    image.set("BitsPerComponent", Object::Integer(8));
    match cover.kind {
        Kind::Jpeg => image.set("Filter", Object::Name(b"DCTDecode".to_vec())),
        Kind::Png(colours) => {
            image.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            let mut parms = Dictionary::new();
            parms.set("Predictor", Object::Integer(15));
            parms.set("Colors", Object::Integer(i64::from(colours)));
            parms.set("BitsPerComponent", Object::Integer(8));
            parms.set("Columns", Object::Integer(i64::from(cover.width)));
            image.set("DecodeParms", Object::Dictionary(parms));
        }
    }
    let image_id = lo.add_object(Stream::new(image, cover.data.clone()).with_compression(false));

    let scale = (page_width / cover.width as f32).min(page_height / cover.height as f32);
    let (w, h) = (cover.width as f32 * scale, cover.height as f32 * scale);
    let ops = format!(
        "q {w:.3} 0 0 {h:.3} {:.3} {:.3} cm /Cover Do Q",
        (page_width - w) / 2.0,
        (page_height - h) / 2.0
    );
    let contents = lo.add_object(Stream::new(Dictionary::new(), ops.into_bytes()));

    let pages_id = lo
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|p| p.as_reference().ok())
        .ok_or_else(fail)?;
    let mut xobjects = Dictionary::new();
    xobjects.set("Cover", Object::Reference(image_id));
    let mut resources = Dictionary::new();
    resources.set("XObject", Object::Dictionary(xobjects));
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(pages_id));
    page.set(
        "MediaBox",
        Object::Array(vec![
            0.into(),
            0.into(),
            Object::Real(page_width),
            Object::Real(page_height),
        ]),
    );
    page.set("Resources", Object::Dictionary(resources));
    page.set("Contents", Object::Reference(contents));
    let page_id = lo.add_object(Object::Dictionary(page));

    let pages = lo
        .get_object_mut(pages_id)
        .and_then(Object::as_dict_mut)
        .map_err(|_| fail())?;
    let Ok(Object::Array(kids)) = pages.get_mut(b"Kids") else {
        return Err(fail());
    };
    kids.insert(0, Object::Reference(page_id));
    let count = pages.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    pages.set("Count", Object::Integer(count + 1));

    let label = |d: &[(&str, Object)]| {
        let mut dict = Dictionary::new();
        for (k, v) in d {
            dict.set(*k, v.clone());
        }
        Object::Dictionary(dict)
    };
    let nums = vec![
        Object::Integer(0),
        label(&[(
            "P",
            Object::String(b"cover".to_vec(), lopdf::StringFormat::Literal),
        )]),
        Object::Integer(1),
        label(&[
            ("S", Object::Name(b"D".to_vec())),
            ("St", Object::Integer(1)),
        ]),
    ];
    if let Ok(catalog) = lo.catalog_mut() {
        catalog.set("PageLabels", label(&[("Nums", Object::Array(nums))]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_and_png_headers_are_read() {
        // SOI, APP0 of length 4, SOF0 of a 3 × 2 RGB image.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 17, 8, 0, 2, 0, 3, 3,
        ]
        .to_vec();
        let c = PdfCover::new(jpeg).unwrap();
        assert_eq!((c.size(), c.space), ((3, 2), "DeviceRGB"));
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend([0, 0, 0, 13]);
        png.extend(b"IHDR");
        png.extend([0, 0, 0, 5, 0, 0, 0, 7, 8, 6, 0, 0, 0]);
        png.extend([0; 4]);
        assert!(
            PdfCover::new(png)
                .unwrap_err()
                .to_string()
                .contains("transparency")
        );
    }
}
