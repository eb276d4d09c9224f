#!/usr/bin/env python3
"""Make outline gold for a PDF: the texts pdftotext gives and, for each, the PDF's own
outline located on its page and the page furniture found from the PDF's geometry.

    outline-gold.py PDF NAME [--out DIR] [--package PKG] [--pdf-label PATH]
    outline-gold.py PDF --ocr OCR.txt --first N [--out DIR] ...   (writes OCR.outline.json)

Writes DIR/NAME.plain.txt (`pdftotext PDF`), DIR/NAME.layout.txt (`pdftotext -layout
PDF`) and for each DIR/NAME.{plain,layout}.outline.json in the format of
fixtures/dev/A (read by fixtures/gold/score_outline.py):

headings: every outline (bookmark) entry in order, from pypdf: text, level (1 = top),
  page (1-based physical page), and line: the 1-based line of the text file where the
  entry is printed on its page (page = 1 + form feeds before the line), or null. A line
  matches when, without spaces (and case if need be), it or it joined with the next
  1-3 non-blank lines of the page is the entry's text, or, for an entry without a
  number of its own, a section number ("2.1", "第 3 章", "Chapter 4", "附录 B")
  followed by it (failing that, an entry "2.1 Title" may match "Title" alone); in -layout text also one cell of a
  line (cells split at 3+ spaces). Furniture lines are never taken, and a page's
  entries are located in order (the first match after the previous entry's line).
  An entry not found on its page is looked for among the first six lines of the next
  (hyperref may set the anchor at the foot of the page before the heading).
artifact_lines: the lines of page furniture. From `pdftotext -bbox-layout`, each page's
  lines are grouped into rows (lines overlapping in height). The page's top row (bottom
  row) in the outer fifth of the page is furniture when it stands apart from the body
  (a gap of at least 0.3 of its lines' height to the next row), is no contents line
  (". . . . 15"), and either it is a page number alone ("12", "xii", "- 12 -",
  "12 / 55", "第 12 页"), or it recurs at the same height (1.5 pt) as the top (bottom)
  row of at least max(3, 15 %) of the pages, at least half of the rows at that height
  being a page number or holding a piece of text (digits aside) that three of them
  repeat. (So the body's first line, which often starts at the same height page after
  page, is not taken for a running head, nor a footnote for a running foot.) Each
  furniture line is then found in the text of its page: in plain text by walking the
  page's -bbox-layout lines and its text lines together (pdftotext writes both in one
  order), else, as in -layout text, the first line holding it for a head, the last for
  a foot (a whole line, or one or more cells of a -layout line).

With --ocr, the text is OCR output of pages FIRST.. of PDF joined by form feeds (as
tesseract joins them): headings are located by fuzzy match (difflib ratio >= 0.75 of
1-3 lines of the page, without spaces, against the entry), furniture lines are the
OCR lines that match (ratio >= 0.6) a furniture row found in the PDF's geometry as
above, looked for among the first/last 3 non-blank lines of the OCR page.
"""
import argparse
import difflib
import html
import json
import os
import re
import subprocess
import sys

try:
    import pypdf
except ImportError:  # Debian's python3-pypdf under another interpreter
    sys.path.append("/usr/lib/python3/dist-packages")
    import pypdf

NUM_PREFIX = re.compile(
    r"(第[0-9一二三四五六七八九十百零〇]+[章节篇部分讲]?|附录[A-Z0-9]?\.?|chapter[0-9]+\.?|appendix[A-Z]\.?|"
    r"part[0-9IVX]+\.?|(\d{1,3}|[A-Z])(\.[0-9A-Z]{1,3})*\.?[、．]?)?", re.I)
OWN_NUMBER = re.compile(r"\s*(第\s*[0-9一二三四五六七八九十百零〇]+\s*[章节篇部分讲]|附录\s*[A-Z0-9]|chapter\s+\d+|appendix\s+[A-Z]|"
                        r"(\d{1,3}|[A-Z])(\.[0-9A-Z]{1,3})*\.?)(\s+|$)", re.I)
LEADER = re.compile(r"(\.\s*){4}|(…\s*){2}|·{3}|_{4}")
WORD_PREFIX = re.compile(r"(第[0-9一二三四五六七八九十百零〇]+[章篇部分讲]|附录[A-Z0-9]?\.?|chapter[0-9]+\.?|appendix[A-Z]\.?|"
                         r"part[0-9IVX]+\.?)", re.I)
PAGE_NUM = re.compile(
    r"(?:[-–—]\s*)?(?:\d{1,4}|[ivxlc]{1,7}|[IVXLC]{1,7})(?:\s*[-–—])?|\d{1,4}\s*/\s*\d{1,4}|"
    r"第\s*[0-9一二三四五六七八九十百零〇]+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|page\s*\d+(?:\s*of\s*\d+)?|"
    r"\d{1,4}\s*页", re.I)


def norm(s):
    return re.sub(r"\s+", "", s.replace("\f", ""))


def outline_entries(reader):
    out = []

    def walk(items, level):
        for it in items:
            if isinstance(it, list):
                walk(it, level + 1)
                continue
            try:
                page = reader.get_destination_page_number(it) + 1
            except Exception:
                page = None
            title = it.title if hasattr(it, "title") else str(it.get("/Title", ""))
            out.append({"text": title, "level": level, "page": page})

    walk(reader.outline, 1)
    return out


def bbox_pages(pdf):
    s = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True).stdout.decode("utf-8")
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', s, re.S):
        lines = []
        for lm in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
                              pm.group(3), re.S):
            words = [html.unescape(w) for w in re.findall(r"<word[^>]*>(.*?)</word>", lm.group(5), re.S)]
            text = " ".join(words)
            if text.strip():
                lines.append({"idx": len(lines), "x0": float(lm.group(1)), "y0": float(lm.group(2)), "x1": float(lm.group(3)),
                              "y1": float(lm.group(4)), "text": text})
        pages.append({"W": float(pm.group(1)), "H": float(pm.group(2)), "lines": lines})
    return pages


def rows_of(lines):
    rows = []
    for ln in sorted(lines, key=lambda l: (l["y0"], l["x0"])):
        for r in rows:
            ov = min(r["y1"], ln["y1"]) - max(r["y0"], ln["y0"])
            if ov > 0.5 * min(r["y1"] - r["y0"], ln["y1"] - ln["y0"]):
                r["lines"].append(ln)
                r["y0"], r["y1"] = min(r["y0"], ln["y0"]), max(r["y1"], ln["y1"])
                break
        else:
            rows.append({"y0": ln["y0"], "y1": ln["y1"], "lines": [ln]})
    rows.sort(key=lambda r: r["y0"])
    for r in rows:
        r["lines"].sort(key=lambda l: l["x0"])
        r["text"] = " ".join(l["text"] for l in r["lines"])
    return rows


def is_page_number(text):
    return bool(PAGE_NUM.fullmatch(text.strip()))


def furniture_rows(pages):
    """Per page, the list of furniture rows: (side, row)."""
    n = len(pages)
    need = max(3, int(0.15 * n + 0.999))
    edges = []
    for p in pages:
        rows = rows_of(p["lines"])
        top = bot = None
        if len(rows) >= 2:
            r0, r1 = rows[0], rows[1]
            h = min(l["y1"] - l["y0"] for l in r0["lines"])
            if r1["y0"] - r0["y1"] >= 0.3 * h and r0["y1"] < 0.2 * p["H"]:
                top = r0
            r0, r1 = rows[-1], rows[-2]
            h = min(l["y1"] - l["y0"] for l in r0["lines"])
            if r0["y0"] - r1["y1"] >= 0.3 * h and r0["y0"] > 0.8 * p["H"]:
                bot = r0
        edges.append((top, bot))
    def key(text):
        return re.sub(r"\d+", "#", norm(text))

    out = [[] for _ in pages]
    for side in (0, 1):
        rows = [(pi, e[side]) for pi, e in enumerate(edges) if e[side] is not None]
        y = "y0" if side == 0 else "y1"
        for pi, r in rows:
            peers = [q for _, q in rows if abs(q[y] - r[y]) <= 1.5]
            seen = {}
            for q in peers:
                for k in {key(l["text"]) for l in q["lines"]}:
                    seen[k] = seen.get(k, 0) + 1

            def recurs(q):
                if LEADER.search(q["text"]):
                    return False
                return is_page_number(q["text"]) or any(
                    not is_page_number(l["text"]) and seen[key(l["text"])] >= 3 for l in q["lines"])

            if LEADER.search(r["text"]):
                continue  # a contents line ". . . . 15"
            if is_page_number(r["text"]) or (len(peers) >= need and 2 * sum(map(recurs, peers)) >= len(peers)):
                out[pi].append(("top" if side == 0 else "bottom", r))
    return out


def split_pages(text):
    """1-based line number -> page, and page -> list of line numbers."""
    lines = text.split("\n")
    page_of, by_page, p = [], {}, 1
    for i, ln in enumerate(lines):
        p += ln.count("\f")
        page_of.append(p)
        by_page.setdefault(p, []).append(i + 1)
    return lines, page_of, by_page


def cells(line):
    return [c for c in re.split(r"\s{3,}", line.replace("\f", "").strip()) if c]


def align(page_lines, nums, lines):
    """Plain text holds a page's -bbox-layout lines in the same order, one per line, except
    that a word broken by a hyphen is joined: bbox line idx -> text line number."""
    out, j, acc = {}, 0, ""
    for bl in page_lines:
        if j >= len(nums):
            break
        t = norm(bl["text"])
        want = norm(lines[nums[j] - 1])
        if want == acc + t:
            out[bl["idx"]], j, acc = nums[j], j + 1, ""
        elif t.endswith("-") and want.startswith(acc + t[:-1]) or want.startswith(acc + t):
            out[bl["idx"]] = nums[j]
            acc += t[:-1] if t.endswith("-") and not want.startswith(acc + t) else t
        else:
            return None
    return out


def locate_furniture(lines, by_page, furn, layout, pages):
    found = set()
    for pi, rows in enumerate(furn):
        nums = [i for i in by_page.get(pi + 1, []) if lines[i - 1].strip()]
        used = set()  # in plain text one line per row line: a head "目录 ... 目录" is two lines
        amap = None if layout else align(pages[pi]["lines"], nums, lines)
        for side, r in rows:
            order = nums if side == "top" else list(reversed(nums))
            for bl in r["lines"]:
                t = norm(bl["text"])
                hit = None
                if amap and bl["idx"] in amap:
                    found.add(amap[bl["idx"]])
                    used.add(amap[bl["idx"]])
                    continue
                for i in order:
                    ln = lines[i - 1]
                    if not layout and i in used:
                        continue
                    if norm(ln) == t or (layout and (t in [norm(c) for c in cells(ln)] or
                                                     (t in norm(ln) and len(t) >= 4))):
                        hit = i
                        break
                if hit is None and not layout:
                    for i in order:
                        if i not in used and t and t in norm(lines[i - 1]) and len(t) >= 4:
                            hit = i
                            break
                if hit is None and layout:
                    for i in order:
                        if t and t in norm(lines[i - 1]):
                            hit = i
                            break
                if hit:
                    found.add(hit)
                    used.add(hit)
    return found


def title_match(cand, title, fold, own):
    if fold:
        cand, title = cand.lower(), title.lower()
    if not title or not cand.endswith(title):
        return False
    if own:
        return cand == title  # the entry has its number: no other before it
    return bool(NUM_PREFIX.fullmatch(cand[:len(cand) - len(title)]))


def find_title(e, nums, start, lines, layout):
    t = norm(e["text"])
    m = OWN_NUMBER.match(e["text"])
    bare = norm(e["text"][m.end():]) if m and e["text"][m.end():].strip() else None
    for want, fold in ((t, False), (t, True), (bare, True)):
        if not want:
            continue
        own = bool(m) and want == t
        for after in (start, 0):
            for k, i in enumerate(nums):
                if i <= after:
                    continue
                joined = ""
                for n, j in enumerate(nums[k:k + 4]):
                    if n and WORD_PREFIX.fullmatch(norm(lines[i - 1])):
                        break  # "Chapter 3" alone on its line: the title's own line is the heading's
                    joined += norm(lines[j - 1])
                    if title_match(joined, want, fold, own):
                        return i
                if layout:
                    cs = [norm(c) for c in cells(lines[i - 1])]
                    for c in range(len(cs)):
                        if title_match(cs[c], want, fold, own) or (
                                c + 1 < len(cs) and title_match(cs[c] + cs[c + 1], want, fold, own)):
                            return i
    return None


def locate_headings(entries, lines, by_page, artifacts, layout):
    prev_page, prev_line = None, 0
    for e in entries:
        e["line"] = None
        if e["page"] is None:
            continue
        nums = [i for i in by_page.get(e["page"], []) if lines[i - 1].strip() and i not in artifacts]
        hit = find_title(e, nums, prev_line if prev_page == e["page"] else 0, lines, layout)
        if hit is None:
            # The outline's anchor at the foot of the page before the heading's.
            nxt = [i for i in by_page.get(e["page"] + 1, []) if lines[i - 1].strip() and i not in artifacts]
            hit = find_title(e, nxt[:6], 0, lines, layout)
        e["line"] = hit
        if hit:
            prev_page, prev_line = e["page"], hit


def fuzzy(a, b):
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def locate_ocr(entries, lines, by_page, furn, first, last):
    """OCR text of pages first..last: fuzzy matches."""
    artifacts = set()
    for pi in range(first - 1, last):
        ocr_page = pi - first + 2
        nums = [i for i in by_page.get(ocr_page, []) if lines[i - 1].strip()]
        for side, r in furn[pi]:
            order = nums[:3] if side == "top" else list(reversed(nums[-3:]))
            for bl in r["lines"]:
                t = norm(bl["text"])
                best, bi = 0.0, None
                for i in order:
                    for piece in [norm(lines[i - 1])] + [norm(c) for c in cells(lines[i - 1])] + norm(lines[i - 1]).split():
                        s = fuzzy(t, piece) if len(t) > 2 else (1.0 if t == piece else 0.0)
                        if s > best:
                            best, bi = s, i
                    # a short page number read inside a longer line
                    if len(t) <= 4 and re.search(r"(^|\s)" + re.escape(bl["text"].strip()) + r"(\s|$)", lines[i - 1]):
                        best, bi = max(best, 0.99), (bi if best >= 0.99 else i)
                if best >= 0.6 and bi:
                    artifacts.add(bi)
    out = []
    prev_page, prev_line = None, 0
    for e in entries:
        if e["page"] is None or not first <= e["page"] <= last:
            continue
        e = dict(e)
        ocr_page = e["page"] - first + 1
        t = norm(e["text"])
        nums = [i for i in by_page.get(ocr_page, []) if lines[i - 1].strip() and i not in artifacts]
        start = prev_line if prev_page == ocr_page else 0
        best, bi = 0.0, None
        for k, i in enumerate(nums):
            joined = ""
            for j in nums[k:k + (1 if WORD_PREFIX.fullmatch(norm(lines[i - 1])) else 3)]:
                joined += norm(lines[j - 1])
                cands = [joined]
                m = NUM_PREFIX.match(joined)
                if m.end() and not OWN_NUMBER.match(e["text"]):
                    cands.append(joined[m.end():])
                for c in cands:
                    s = fuzzy(c, t)
                    if i > start:
                        s += 1e-6  # prefer a line after the previous entry
                    if s > best + 1e-9:
                        best, bi = s, i
        e["line"] = bi if best >= 0.75 else None
        e["match"] = round(min(best, 1.0), 3)
        if e["line"]:
            prev_page, prev_line = ocr_page, e["line"]
        out.append(e)
    return out, artifacts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdf")
    ap.add_argument("name", nargs="?")
    ap.add_argument("--out", default=".")
    ap.add_argument("--package", default=None)
    ap.add_argument("--pdf-label", default=None, help="the PDF's path as the json records it")
    ap.add_argument("--ocr", help="an OCR text of pages --first.. of the PDF; writes NAME.ocr.outline.json")
    ap.add_argument("--first", type=int, default=1)
    a = ap.parse_args()
    name = a.name or os.path.splitext(os.path.basename(a.pdf))[0]
    os.makedirs(a.out, exist_ok=True)
    reader = pypdf.PdfReader(a.pdf)
    entries = outline_entries(reader)
    pages = bbox_pages(a.pdf)
    furn = furniture_rows(pages)
    label = a.pdf_label or a.pdf
    if a.ocr:
        text = open(a.ocr, encoding="utf-8").read()
        lines, page_of, by_page = split_pages(text)
        npages = text.count("\f") + (0 if text.endswith("\f") else 1)
        last = a.first + npages - 1
        heads, arts = locate_ocr(entries, lines, by_page, furn, a.first, last)
        gold = {"source": os.path.basename(a.ocr), "pdf": label, "package": a.package,
                "extractor": "pdftoppm -r 150 -gray + tesseract chi_sim+eng", "pages": [a.first, last],
                "headings": heads, "artifact_lines": sorted(arts),
                "notes": {"headings": "outline entries on the OCR'd pages; page = physical page of the PDF (the "
                                      "OCR text's page is page - first + 1); "
                                      "line = best fuzzy match (>= 0.75) of 1-3 lines on the entry's page, "
                                      "null if none (scripts/outline-gold.py)",
                          "artifact_lines": "OCR lines at a page's edge matching (>= 0.6) the page numbers and "
                                            "running heads found in the PDF's geometry (scripts/outline-gold.py)"}}
        base = os.path.basename(a.ocr)
        base = base[:-4] if base.endswith(".txt") else base
        with open(os.path.join(a.out, base + ".outline.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
        return 0
    for kind, args in (("plain", []), ("layout", ["-layout"])):
        src = "%s.%s.txt" % (name, kind)
        path = os.path.join(a.out, src)
        subprocess.run(["pdftotext", *args, a.pdf, path], check=True)
        text = open(path, encoding="utf-8", newline="").read()
        lines, page_of, by_page = split_pages(text)
        arts = locate_furniture(lines, by_page, furn, kind == "layout", pages)
        heads = [dict(e) for e in entries]
        locate_headings(heads, lines, by_page, arts, kind == "layout")
        gold = {"source": src, "pdf": label, "package": a.package,
                "extractor": "pdftotext%s (poppler-utils)" % (" -layout" if args else ""),
                "pages": len(pages), "headings": heads, "artifact_lines": sorted(arts),
                "notes": {"headings": "all outline entries in order; text/level/page from the PDF outline (pypdf); "
                                      "page = 1-based physical page = 1 + number of form feeds before the line; "
                                      "level 1 = top outline level. 'line' = 1-based line in source where the entry "
                                      "was found on its page (null if not found; outline titles may differ from the "
                                      "printed text). Made by scripts/outline-gold.py.",
                          "artifact_lines": "1-based lines of running heads, running feet and page numbers, located "
                                            "from pdftotext -bbox-layout (a page's top or bottom row, apart from the "
                                            "body, recurring at the same height across pages, or a page number). A "
                                            "parser should label these 'artifact' (or drop them)."}}
        with open(os.path.join(a.out, "%s.%s.outline.json" % (name, kind)), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
