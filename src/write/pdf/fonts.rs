//! Fonts: the bundled faces, the user's, and system faces found for
//! characters neither covers; and the width of every character set.

use super::FontSource;
use crate::{Error, Result};
use printpdf::{FontId, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, TextItem};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The system faces that stand in for the bundled ones when the
/// `bundled-fonts` feature is off: family names in order of preference,
/// for running text and for headings.
#[cfg(not(feature = "bundled-fonts"))]
const SYSTEM_SERIF: &[&str] = &[
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Serif SC",
    "Source Han Serif CN",
    "Noto Serif CJK TC",
    "Noto Sans CJK SC",
];
#[cfg(not(feature = "bundled-fonts"))]
const SYSTEM_SANS: &[&str] = &[
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "Source Han Sans CN",
    "Noto Sans CJK TC",
    "Noto Serif CJK SC",
];

/// Which of the two chosen faces a piece of text asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Role {
    /// Running text, captions, notes.
    Body,
    /// Titles and headings.
    Heading,
}

/// A face that is embedded when it draws at least one glyph.
pub(super) struct Face {
    pub(super) id: FontId,
    /// The same face under a second name whose widths say half an em: the
    /// writer sets a squeezed closing mark (，。」 before another mark, or at
    /// a line end) in it. Squeezing by a negative kern instead would make
    /// glyph boxes overlap, and text extraction (pdftotext) then tears the
    /// line apart; see [`halve_widths`].
    pub(super) half: FontId,
    pub(super) parsed: ParsedFont,
    /// The full name, for the report.
    pub(super) name: String,
    /// The PostScript name, for `/BaseFont` after the subset tag.
    ps_name: String,
    units_per_em: f32,
    /// The ink of its em dash (U+2014) in em: left, right, bottom, top of
    /// the glyph's box, when the face has one.
    pub(super) dash: Option<[f32; 4]>,
}

/// A character resolved to a face: which one, and its advance in em.
#[derive(Debug, Clone, Copy)]
pub(super) struct Glyph {
    pub(super) face: u8,
    pub(super) advance: f32,
}

/// All faces of one document and the memo of which draws what.
pub(super) struct FontSet {
    pub(super) faces: Vec<Face>,
    memo: HashMap<(Role, char), Option<Glyph>>,
    system: Option<System>,
    use_system: bool,
}

/// The system's fonts, scanned only when a character is missing, because
/// loading the database costs tens of milliseconds.
struct System {
    db: fontdb::Database,
    /// Faces already tried and found without the character are not parsed
    /// again for every missing character: we remember which system faces
    /// were loaded, by fontdb id.
    loaded: HashMap<fontdb::ID, u8>,
}

const BODY: u8 = 0;
const HEADING: u8 = 1;

impl FontSet {
    /// Loads the body and heading faces (the user's or the bundled ones).
    pub(super) fn load(
        body: Option<&FontSource>,
        heading: Option<&FontSource>,
        use_system: bool,
    ) -> Result<FontSet> {
        let body = match body {
            Some(src) => parse(&src.bytes()?, src.index(), &src.describe())?,
            None => default_face(Role::Body)?,
        };
        let heading = match heading {
            Some(src) => parse(&src.bytes()?, src.index(), &src.describe())?,
            None => default_face(Role::Heading)?,
        };
        let mut set = FontSet {
            faces: Vec::new(),
            memo: HashMap::new(),
            system: None,
            use_system,
        };
        set.push(body);
        set.push(heading);
        Ok(set)
    }

    fn push(&mut self, parsed: ParsedFont) -> u8 {
        let n = self.faces.len();
        let units_per_em = match parsed.pdf_font_metrics.units_per_em {
            0 => 1000.0,
            u => f32::from(u),
        };
        let name = face_name(&parsed, ttf_parser::name_id::FULL_NAME)
            .unwrap_or_else(|| "unnamed face".into());
        let ps_name = face_name(&parsed, ttf_parser::name_id::POST_SCRIPT_NAME)
            .map(|n| n.chars().filter(|c| c.is_ascii_graphic()).collect())
            .filter(|n: &String| !n.is_empty())
            .unwrap_or_else(|| format!("ReprintFace{n}"));
        let dash = dash_ink(&parsed, units_per_em);
        // Subset tags must be six capital letters; making them from the face's
        // position keeps output reproducible (printpdf would draw them at random).
        let tag: String = (0..6)
            .map(|i| char::from(b'A' + ((n / 26usize.pow(i)) % 26) as u8))
            .rev()
            .collect();
        let half_tag: String = tag
            .chars()
            .map(|c| char::from(b'Z' - (c as u8 - b'A')))
            .collect();
        self.faces.push(Face {
            id: FontId(format!("{tag}RP")),
            half: FontId(format!("{half_tag}HW")),
            parsed,
            name,
            ps_name,
            units_per_em,
            dash,
        });
        n as u8
    }

    /// The face and advance for `ch` in the given role: the role's face, the
    /// other chosen face, then a system face; `None` when nothing has it.
    pub(super) fn glyph(&mut self, role: Role, ch: char) -> Option<Glyph> {
        if let Some(g) = self.memo.get(&(role, ch)) {
            return *g;
        }
        let first = if role == Role::Body { BODY } else { HEADING };
        let mut order: Vec<u8> = vec![first, first ^ 1];
        order.extend(2..self.faces.len() as u8);
        let mut found = order.into_iter().find_map(|i| self.lookup(i, ch));
        if found.is_none() && self.use_system {
            found = self.system_face(ch).and_then(|i| self.lookup(i, ch));
        }
        self.memo.insert((role, ch), found);
        found
    }

    fn lookup(&self, face: u8, ch: char) -> Option<Glyph> {
        let f = &self.faces[face as usize];
        let gid = f.parsed.lookup_glyph_index(ch as u32).filter(|&g| g != 0)?;
        Some(Glyph {
            face,
            advance: f32::from(f.parsed.get_glyph_width(gid).unwrap_or(0)) / f.units_per_em,
        })
    }

    fn system_face(&mut self, ch: char) -> Option<u8> {
        let system = self.system.get_or_insert_with(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            System {
                db,
                loaded: HashMap::new(),
            }
        });
        let candidates: Vec<fontdb::ID> = system.db.faces().map(|f| f.id).collect();
        let id = candidates.into_iter().find(|&id| {
            !system.loaded.contains_key(&id)
                && system
                    .db
                    .with_face_data(id, |data, index| {
                        ttf_parser::Face::parse(data, index)
                            .ok()
                            .and_then(|f| f.glyph_index(ch))
                            .is_some_and(|g| g.0 != 0)
                    })
                    .unwrap_or(false)
        })?;
        let parsed = system.db.with_face_data(id, |data, index| {
            ParsedFont::from_bytes(data, index as usize, &mut Vec::new())
        })??;
        if self.faces.len() >= usize::from(u8::MAX) {
            return None;
        }
        let n = self.push(parsed);
        if let Some(s) = self.system.as_mut() {
            s.loaded.insert(id, n);
        }
        Some(n)
    }

    /// Puts every face and its half-width twin into the PDF under their
    /// reproducible ids, each cut down to the characters `pages` draw with
    /// it.
    pub(super) fn register(&self, pdf: &mut PdfDocument, pages: &[PdfPage]) {
        let used = used_chars(&self.faces, pages);
        for (f, twins) in self.faces.iter().zip(&used) {
            for (id, chars) in [&f.id, &f.half].into_iter().zip(twins) {
                // A face that draws nothing is not embedded by printpdf at all.
                let font = if chars.is_empty() {
                    None
                } else {
                    subset(&f.parsed, chars, &f.name)
                };
                let font = match font {
                    Some(mut sub) => {
                        sub.font_name = Some(format!("{}+{}", &id.0[..6], f.ps_name));
                        sub
                    }
                    None => f.parsed.clone(),
                };
                pdf.resources
                    .fonts
                    .map
                    .insert(id.clone(), PdfFont::new(font));
            }
        }
    }

    /// Whether `ch` of `face` is a full-width glyph that may be set half width.
    pub(super) fn halvable(&self, face: u8) -> bool {
        face < 2
    }

    /// Names of the system faces that had to stand in, for the report.
    pub(super) fn fallback_names(&self) -> Vec<String> {
        self.faces.iter().skip(2).map(|f| f.name.clone()).collect()
    }
}

/// The face used when the options name none: the bundled one.
#[cfg(feature = "bundled-fonts")]
fn default_face(role: Role) -> Result<ParsedFont> {
    match role {
        Role::Body => parse(reprint_fonts::SERIF, 0, "bundled serif"),
        Role::Heading => parse(reprint_fonts::SANS_BOLD, 0, "bundled sans"),
    }
}

/// The face used when the options name none: without the bundled fonts, a
/// Noto CJK or Source Han face of the system (fontdb), bold for headings.
#[cfg(not(feature = "bundled-fonts"))]
fn default_face(role: Role) -> Result<ParsedFont> {
    let (families, weight) = match role {
        Role::Body => (SYSTEM_SERIF, fontdb::Weight::NORMAL),
        Role::Heading => (SYSTEM_SANS, fontdb::Weight::BOLD),
    };
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    for family in families {
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(family)],
            weight,
            ..fontdb::Query::default()
        };
        let Some(id) = db.query(&query) else { continue };
        let found = db.with_face_data(id, |data, index| {
            ParsedFont::from_bytes(data, index as usize, &mut Vec::new())
        });
        if let Some(Some(font)) = found {
            log::debug!("pdf: {family} from the system stands in for the bundled face");
            return Ok(font);
        }
    }
    Err(Error::Output {
        format: "pdf",
        reason: format!(
            "reprint was built without its bundled fonts (feature bundled-fonts) and the system has none of {}: install Noto CJK (Debian: fonts-noto-cjk) or name a font",
            families.join(", ")
        ),
    })
}

fn parse(bytes: &[u8], index: u32, what: &str) -> Result<ParsedFont> {
    let mut warnings = Vec::new();
    let font = ParsedFont::from_bytes(bytes, index as usize, &mut warnings).ok_or_else(|| {
        Error::Output {
            format: "pdf",
            reason: format!("cannot read the font {what} (face {index})"),
        }
    })?;
    if font.lookup_glyph_index('中' as u32).is_none()
        && font.lookup_glyph_index('a' as u32).is_none()
    {
        return Err(Error::Output {
            format: "pdf",
            reason: format!("the font {what} (face {index}) has neither Chinese nor Latin letters"),
        });
    }
    Ok(font)
}

/// The box of a face's em dash in em, from the font program.
fn dash_ink(font: &ParsedFont, units_per_em: f32) -> Option<[f32; 4]> {
    let face = ttf_parser::Face::parse(&font.original_bytes, font.font_index).ok()?;
    let b = face.glyph_bounding_box(face.glyph_index('—')?)?;
    let em = |v: i16| f32::from(v) / units_per_em;
    Some([em(b.x_min), em(b.x_max), em(b.y_min), em(b.y_max)])
}

/// The face's name of the given kind (`ttf_parser::name_id`), in Unicode.
fn face_name(font: &ParsedFont, id: u16) -> Option<String> {
    let face = ttf_parser::Face::parse(&font.original_bytes, font.font_index).ok()?;
    face.names()
        .into_iter()
        .find(|n| n.name_id == id && n.is_unicode())
        .and_then(|n| n.to_string())
}

/// The characters each face, and its half-width twin, draws on `pages`.
fn used_chars(faces: &[Face], pages: &[PdfPage]) -> Vec<[BTreeSet<char>; 2]> {
    let mut by_id: HashMap<&FontId, (usize, usize)> = HashMap::new();
    for (i, f) in faces.iter().enumerate() {
        by_id.insert(&f.id, (i, 0));
        by_id.insert(&f.half, (i, 1));
    }
    let mut used = vec![[BTreeSet::new(), BTreeSet::new()]; faces.len()];
    for page in pages {
        let mut face: Option<(usize, usize)> = None;
        for op in &page.ops {
            let text: &str = match op {
                Op::SetFont { font, .. } => {
                    face = match font {
                        PdfFontHandle::External(id) => by_id.get(id).copied(),
                        PdfFontHandle::Builtin(_) => None,
                    };
                    continue;
                }
                Op::ShowText { items } => {
                    for it in items {
                        if let (TextItem::Text(t), Some((i, twin))) = (it, face) {
                            used[i][twin].extend(t.chars());
                        }
                    }
                    continue;
                }
                Op::MoveToNextLineShowText { text } => text,
                Op::SetSpacingMoveAndShowText { text, .. } => text,
                _ => continue,
            };
            if let Some((i, twin)) = face {
                used[i][twin].extend(text.chars());
            }
        }
    }
    used
}

/// `font` cut down to glyph 0 and the glyphs of `chars`, renumbered in that
/// order, as printpdf (without its `text_layout` feature, which would
/// subset but costs most of a fresh build) embeds it: the subset's glyph
/// ids in the content stream, `/W` from its advances, `/ToUnicode` from
/// `chars`. `None`, and a warning, when allsorts cannot subset the face: it
/// is then embedded whole.
fn subset(font: &ParsedFont, chars: &BTreeSet<char>, what: &str) -> Option<ParsedFont> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};

    let old: BTreeMap<char, u16> = chars
        .iter()
        .filter_map(|&c| Some((c, font.lookup_glyph_index(c as u32).filter(|&g| g != 0)?)))
        .collect();
    let mut ids: Vec<u16> = old
        .values()
        .copied()
        .collect::<BTreeSet<u16>>()
        .into_iter()
        .collect();
    ids.insert(0, 0);
    // allsorts gives requested glyph i the new id i (composite glyphs' parts
    // come after), for TrueType and CFF outlines alike.
    let new: HashMap<u16, u16> = ids
        .iter()
        .enumerate()
        .map(|(i, &g)| (g, i as u16))
        .collect();
    let bytes = std::panic::catch_unwind(|| {
        let data = ReadScope::new(&font.original_bytes)
            .read::<FontData<'_>>()
            .ok()?;
        let provider = data.table_provider(font.font_index as usize).ok()?;
        allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()
    });
    let Ok(Some(bytes)) = bytes else {
        log::warn!("pdf: cannot subset the font {what}: it is embedded whole");
        return None;
    };
    let mut sub = ParsedFont::with_glyph_data(
        bytes,
        0,
        None,
        old.iter().map(|(&c, g)| (c as u32, new[g])).collect(),
        ids.iter()
            .enumerate()
            .map(|(i, &g)| (i as u16, font.get_glyph_width(g).unwrap_or(0)))
            .collect(),
        font.units_per_em,
        font.font_metrics.clone(),
    );
    // The descriptor's metrics (bounding box, slant, weight) stay the full face's.
    sub.font_type = font.font_type;
    sub.pdf_font_metrics = font.pdf_font_metrics.clone();
    Some(sub)
}

/// Gives the half-width twins of the faces their widths: half an em for
/// every glyph (`/DW 500`, no `/W`). PDF readers take glyph widths from the
/// font dictionary, not the font program, so the twin draws the same marks
/// in half the room.
pub(super) fn halve_widths(lo: &mut lopdf::Document, fonts: &FontSet) {
    use lopdf::Object;
    let tags: Vec<Vec<u8>> = fonts
        .faces
        .iter()
        .map(|f| format!("{}+", &f.half.0[..6]).into_bytes())
        .collect();
    for obj in lo.objects.values_mut() {
        let Object::Dictionary(font) = obj else {
            continue;
        };
        let twin = font
            .get(b"BaseFont")
            .ok()
            .and_then(|o| o.as_name().ok())
            .is_some_and(|n| tags.iter().any(|t| n.starts_with(t)));
        if !twin {
            continue;
        }
        if let Ok(Object::Array(desc)) = font.get_mut(b"DescendantFonts")
            && let Some(Object::Dictionary(cid)) = desc.first_mut()
        {
            cid.remove(b"W");
            cid.set("DW", Object::Integer(500));
        }
    }
}

#[cfg(all(test, feature = "bundled-fonts"))]
mod tests {
    use super::*;

    #[test]
    fn a_subset_keeps_every_character_at_its_advance() {
        let full = default_face(Role::Body).unwrap();
        let chars: BTreeSet<char> = "中國文字，。「」《》……—— abcXYZ 0129 é".chars().collect();
        let sub = subset(&full, &chars, "bundled serif").unwrap();
        assert!(
            sub.original_bytes.len() * 50 < full.original_bytes.len(),
            "{} bytes",
            sub.original_bytes.len()
        );
        let whole = ttf_parser::Face::parse(&full.original_bytes, 0).unwrap();
        let cut = ttf_parser::Face::parse(&sub.original_bytes, 0).unwrap();
        assert_eq!(cut.number_of_glyphs() as usize, sub.glyph_widths.len());
        for c in chars {
            let old = whole.glyph_index(c).unwrap();
            let new = sub.lookup_glyph_index(c as u32).unwrap();
            assert_ne!(new, 0, "{c}");
            // The renumbering is the subset program's own: its cmap agrees.
            assert_eq!(cut.glyph_index(c).map(|g| g.0), Some(new), "{c}");
            // The advance is the full face's, as ttf-parser reads it, and
            // the subset program's.
            let advance = whole.glyph_hor_advance(old);
            assert_eq!(sub.get_glyph_width(new), advance, "{c}");
            assert_eq!(full.get_glyph_width(old.0), advance, "{c}");
            assert_eq!(
                cut.glyph_hor_advance(ttf_parser::GlyphId(new)),
                advance,
                "{c}"
            );
        }
    }
}
