#!/usr/bin/env python3
"""Cuts reprint's bundled PDF fonts out of Noto Serif CJK SC and Noto Sans CJK SC.

The PDF writer embeds only the glyphs a document uses, but it has to ship a
font that works on a machine with nothing installed. The full Noto CJK faces
are 20-27 MB each; this keeps what Chinese print needs: every character GBK
can encode (all 21,886 of its Han characters, so 劼 旻 勠 镕 are in, plus its
symbols, kana, Greek, Cyrillic and box drawing), Latin-1, general punctuation,
CJK and full-width punctuation. Hinting and OpenType layout tables go: the
writer places glyphs itself and PDF viewers do not use CFF hints at print
sizes anyway.

Usage: pip install fonttools && python3 fonts/make_fonts.py [NOTO_DIR]
(NOTO_DIR defaults to Debian's /usr/share/fonts/opentype/noto, package
fonts-noto-cjk; face index 2 of each .ttc is the SC one).
"""

import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
FACE_SC = 2

# (source collection, output file, new family name, style)
CUTS = [
    ("NotoSerifCJK-Regular.ttc", "ReprintSerifSC-Regular.otf", "Reprint Serif SC", "Regular"),
    ("NotoSansCJK-Bold.ttc", "ReprintSansSC-Bold.otf", "Reprint Sans SC", "Bold"),
]

EXTRA_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1 and Latin Extended-A
    (0x2000, 0x206F),  # general punctuation: — … ‘’ “” · ‰ ※
    (0x2100, 0x218F),  # letterlike symbols, Roman numerals
    (0x2460, 0x24FF),  # enclosed alphanumerics ①
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms
]


def gbk_chars():
    """Every character GBK (CP936) encodes, found by decoding its code space."""
    out = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                out.add(ord(bytes([lead, trail]).decode("gbk")))
            except UnicodeDecodeError:
                pass
    return out


def unicodes():
    cps = gbk_chars()
    for lo, hi in EXTRA_RANGES:
        cps.update(range(lo, hi + 1))
    return sorted(cps)


def rename(font, family, style):
    """A cut is a modified version: give it its own name (the OFL asks no
    more of Noto, which has no reserved font name, but a distinct name keeps
    it from shadowing a full Noto install)."""
    ps = family.replace(" ", "") + "-" + style
    names = {1: family, 2: style, 3: ps + ";subset", 4: family + " " + style, 6: ps, 16: family, 17: style}
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in names]
    for nid, text in names.items():
        table.setName(text, nid, 3, 1, 0x409)
        table.setName(text, nid, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [ps]
        top = cff.topDictIndex[0]
        top.FullName = family + " " + style
        top.FamilyName = family


def cut(src_dir, src, dst, family, style, cps):
    options = subset.Options()
    options.font_number = FACE_SC
    options.hinting = False
    options.desubroutinize = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(os.path.join(src_dir, src), fontNumber=FACE_SC, lazy=False)
    sub = subset.Subsetter(options)
    sub.populate(unicodes=cps)
    sub.subset(font)
    rename(font, family, style)
    out = os.path.join(HERE, dst)
    font.save(out)
    print(f"{dst}: {len(font.getBestCmap())} characters, {os.path.getsize(out) / 1e6:.2f} MB")


def main():
    src_dir = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/opentype/noto"
    cps = unicodes()
    for src, dst, family, style in CUTS:
        cut(src_dir, src, dst, family, style, cps)


if __name__ == "__main__":
    main()
