"""The Python API of reprint: parsing, the model, the writers, the errors."""

from __future__ import annotations

import io
import json
import threading
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import reprint

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
TEXT = "标题\n\n第一段的第一行，\n第二行。\n"


@pytest.fixture(scope="module")
def seed_doc() -> reprint.Document:
    return reprint.parse_file(SEEDS[0])


def test_parse_str():
    doc = reprint.parse(TEXT)
    assert isinstance(doc, reprint.Document)
    s = doc.summary()
    assert s["articles"] == 1 and s["paragraphs"] == 1 and s["encoding"] == "UTF-8"
    assert doc.title == "标题" == doc.metadata["title"]
    assert doc.metadata["language"] == "zh-CN"
    assert doc.source == {"file_name": None, "encoding": "UTF-8", "line_count": 4, "byte_len": len(TEXT.encode())}
    assert "articles=1" in repr(doc)


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (TEXT.encode("gb18030"), "GB18030"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "UTF-16LE"),
        (bytearray(TEXT.encode("gb18030")), "GB18030"),
        (memoryview(TEXT.encode("utf-8")), "UTF-8"),
    ],
)
def test_parse_bytes_detects_the_encoding(data, encoding):
    doc = reprint.parse(data, file_name="x.txt")
    assert doc.source["encoding"] == encoding
    assert doc.source["file_name"] == "x.txt"
    assert doc.title == "标题"


def test_parse_bytes_with_a_given_encoding():
    doc = reprint.parse("標題\n\n正文。\n".encode("big5"), encoding="big5")
    assert doc.title == "標題"


def test_parse_options():
    doc = reprint.parse("第一节 总则\n\n正文。\n", heading_patterns=[(r"^第.+节", 3)])
    blocks = doc.to_dict()["articles"][0]["blocks"]
    assert blocks[0]["kind"] == {"type": "heading", "level": 3}
    doc = reprint.parse("正文第一段。\n\n图1 会场\n\n正文第二段。\n", caption_patterns=[r"^图\d+"])
    assert doc.to_dict()["articles"][0]["blocks"][1]["kind"]["type"] == "caption"
    assert reprint.parse(TEXT, language="zh-TW").metadata["language"] == "zh-TW"


def test_parse_file(tmp_path):
    p = tmp_path / "文章.txt"
    p.write_bytes(TEXT.encode("gb18030"))
    doc = reprint.parse_file(p)
    assert doc.source["file_name"] == "文章.txt" and doc.source["encoding"] == "GB18030"
    assert reprint.parse_file(str(p), file_name="other.txt").source["file_name"] == "other.txt"


def test_model_as_python_data(seed_doc):
    d = seed_doc.to_dict()
    assert set(d) == {"meta", "source", "articles", "warnings", "profile"}
    assert d == json.loads(seed_doc.to_json()) == json.loads(seed_doc.to_json(indent=2))
    assert d["meta"] == seed_doc.metadata
    assert d["warnings"] == seed_doc.warnings
    assert all(set(w) == {"line", "message"} for w in seed_doc.warnings)
    blocks = [b for a in d["articles"] for b in a["blocks"]]
    assert sum(b["kind"]["type"] == "paragraph" for b in blocks) <= seed_doc.summary()["paragraphs"]


def test_layout(seed_doc):
    layout = seed_doc.layout()
    assert layout == json.loads(seed_doc.layout_json())
    assert layout["source"] == SEEDS[0].name
    assert layout["blocks"] and all(b["lines"] and b["lines"][0][0] >= 1 for b in layout["blocks"])
    # The hand-checked gold file has the same shape.
    gold = ROOT / "fixtures" / "gold" / (SEEDS[0].stem + ".layout.json")
    if gold.exists():
        assert set(json.loads(gold.read_text())) == set(layout)


def test_write_epub(seed_doc, tmp_path):
    path = tmp_path / "a.epub"
    assert seed_doc.write_epub(path) is None
    buf = io.BytesIO()
    seed_doc.write_epub(buf)
    assert path.read_bytes() == buf.getvalue()  # reproducible, path or file alike
    with zipfile.ZipFile(path) as z:
        assert z.read("mimetype") == b"application/epub+zip"
    seed_doc.write_epub(path, title="书名", authors=["甲", "乙"], language="zh-CN", modified=86400)
    with zipfile.ZipFile(path) as z:
        opf = next(z.read(n).decode() for n in z.namelist() if n.endswith(".opf"))
    assert "书名" in opf and "甲" in opf and "1970-01-02" in opf


def test_write_tei(seed_doc, tmp_path):
    path = tmp_path / "a.tei.xml"
    seed_doc.write_tei(str(path))
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    assert path.read_text(encoding="utf-8") == seed_doc.to_tei()
    assert "<lb " in seed_doc.to_tei(line_breaks=True)


def test_write_pdf(tmp_path):
    doc = reprint.parse(TEXT)
    buf = io.BytesIO()
    report = doc.write_pdf(buf, system_fonts=False, page="a4")
    assert buf.getvalue().startswith(b"%PDF")
    assert report["pages"] >= 1 and report["missing"] == []
    report = doc.write_pdf(tmp_path / "a.pdf", page=(130, 184), body_size=12, line_spacing=1.5, system_fonts=False)
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


def test_markdown_and_html(seed_doc):
    assert reprint.parse(TEXT).to_markdown() == "# 标题\n\n第一段的第一行，第二行。\n"
    fm = seed_doc.to_markdown(front_matter=True, metadata={"title": "另一个标题", "authors": ["某人"]})
    assert fm.startswith("---\n") and "另一个标题" in fm and "某人" in fm
    html = seed_doc.to_html(metadata={"title": "书名"})
    assert html.lstrip().lower().startswith("<!doctype html>") and "<title>书名</title>" in html
    assert "<html" in seed_doc.to_review_html()


# Errors: Python exceptions carrying the library's message.


@pytest.mark.parametrize("data", [b"\x00" * 100, b"\x7fELF\x02\x01\x01" + bytes(2000), bytes(range(32)) * 10])
def test_binary_input_is_not_text(data):
    with pytest.raises(reprint.NotTextError, match="is not text: binary data at byte 0") as e:
        reprint.parse(data, file_name="bin.txt")
    assert isinstance(e.value, reprint.ReprintError)
    assert str(e.value).startswith("bin.txt is not text")


def test_unknown_encoding():
    with pytest.raises(reprint.UnknownEncodingError, match=r'unknown encoding "nope": use a WHATWG label'):
        reprint.parse(b"abc", encoding="nope")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"heading_patterns": [("(", 2)]}, "invalid option heading_patterns"),
        ({"heading_patterns": [("^x", 0)]}, "level 0"),
        ({"caption_patterns": ["[z-a]"]}, "invalid option caption_patterns"),
        ({"encoding": "gbk"}, "invalid option encoding: only bytes are decoded"),
        ({"column_width": 0}, "invalid option column_width"),
    ],
)
def test_invalid_options(kwargs, message):
    with pytest.raises(reprint.InvalidOptionError, match=message):
        reprint.parse(TEXT, **kwargs)


def test_type_errors():
    with pytest.raises(TypeError, match="str or bytes"):
        reprint.parse(42)
    with pytest.raises(TypeError):
        reprint.parse(TEXT, caption_patterns="^x")  # a str is not a list of patterns
    with pytest.raises(TypeError, match="path or a binary file object"):
        reprint.parse(TEXT).write_tei(3.5)


def test_writer_errors(tmp_path):
    doc = reprint.parse(TEXT)
    with pytest.raises(reprint.WriteError, match="cannot write .*missing"):
        doc.write_epub(tmp_path / "missing" / "a.epub")
    with pytest.raises(reprint.InvalidOptionError, match="invalid option page"):
        doc.write_pdf(io.BytesIO(), page="a7")
    with pytest.raises(reprint.ReadError, match="cannot read .*nofont.ttf"):
        doc.write_pdf(io.BytesIO(), font=str(tmp_path / "nofont.ttf"))
    with pytest.raises(reprint.InvalidOptionError, match="unknown key"):
        doc.to_markdown(metadata={"titel": "x"})
    with pytest.raises(reprint.ReprintError, match="cannot read"):
        reprint.parse_file(tmp_path / "nothing.txt")
    with pytest.raises(reprint.InvalidOptionError):
        doc.write_epub(io.BytesIO(), cover=b"not an image")


def test_errors_are_exported():
    for name in ["NotTextError", "TooLargeError", "UnknownEncodingError", "InvalidOptionError", "ReadError", "WriteError", "OutputError"]:
        assert issubclass(getattr(reprint, name), reprint.ReprintError)
    assert issubclass(reprint.ReprintError, Exception)


def test_the_gil_is_released_while_parsing():
    # A long parse and write in a thread: with the GIL released, this thread keeps
    # running meanwhile; held, it would stall for the whole parse.
    big = SEEDS[-1].read_bytes() * 150  # 37 MB

    def work():
        reprint.parse(big).write_tei(io.BytesIO())

    started = time.perf_counter()
    work()
    alone = time.perf_counter() - started
    done = threading.Event()
    t = threading.Thread(target=lambda: (work(), done.set()))
    ticks = []
    t.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    t.join()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > 10, f"a parse of {alone:.2f} s let this thread run only {len(ticks)} times"
    assert max(gaps) < max(alone / 2, 0.1), f"this thread stalled {max(gaps):.2f} s during a parse of {alone:.2f} s"


def test_threads_give_the_same_documents():
    from concurrent.futures import ThreadPoolExecutor

    data = [p.read_bytes() for p in SEEDS]
    one = [reprint.parse(d).to_json() for d in data]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda d: reprint.parse(d).to_json(), data * 2)) == one * 2


def test_stubs_match_the_module():
    stub = (Path(reprint.__file__).parent / "_reprint.pyi").read_text()
    for name in reprint.__all__:
        if name != "__version__":
            assert f"def {name}(" in stub or f"class {name}(" in stub or f"class {name}:" in stub, name
    for method in [m for m in dir(reprint.Document) if not m.startswith("_")]:
        assert f"def {method}(" in stub, method
    assert (Path(reprint.__file__).parent / "py.typed").exists()
    assert reprint.parse.__doc__ and reprint.Document.write_epub.__doc__


def test_the_readme_example_runs(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(code.strip().splitlines()) == 5
    seeds = tmp_path / "fixtures" / "seeds"
    seeds.mkdir(parents=True)
    for p in SEEDS:
        (seeds / p.name).write_bytes(p.read_bytes())
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    for out in ["out.epub", "out.tei.xml", "out.pdf"]:
        assert (tmp_path / out).stat().st_size > 0
