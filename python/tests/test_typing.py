"""The type stubs: stubtest finds them in line with the extension module, and
mypy --strict accepts typical code. Skipped without mypy, except under CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest


@pytest.fixture(scope="module", autouse=True)
def mypy():
    try:
        import mypy  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("mypy must be installed under CI")
        pytest.skip("mypy is not installed")


def test_stubtest():
    run = subprocess.run([sys.executable, "-m", "mypy.stubtest", "reprint._reprint"], capture_output=True, text=True)
    errors = [line for line in run.stdout.splitlines() if line.startswith("error:")]
    # Aliases and TypedDicts exist for type checkers only; anything else is a mismatch.
    real = [e for e in errors if not e.endswith("is not present at runtime")]
    assert not real, run.stdout
    stub_only = {"BytesLike", "Font", "Layout", "LayoutBlock", "Metadata", "MetadataOverride", "MissingGlyph",
                 "ParseWarning", "PdfReport", "SourceInfo", "StrPath", "Summary", "Target"}
    assert {e.split()[1].removeprefix("reprint._reprint.") for e in errors} <= stub_only, run.stdout


def test_mypy_strict_accepts_typical_code(tmp_path):
    code = tmp_path / "use.py"
    code.write_text(textwrap.dedent('''
        import io
        from typing import Optional
        import reprint

        doc: reprint.Document = reprint.parse(b"text", file_name="a.txt", heading_patterns=[("^x", 2)])
        n: int = doc.summary()["paragraphs"]
        title: Optional[str] = doc.metadata["title"]
        pages: int = doc.write_pdf(io.BytesIO(), page=(130.0, 184.0))["pages"]
        doc.write_epub("a.epub", authors=["x"], modified=0)
        lines: list[int] = [w["line"] for w in doc.warnings]
        kinds: list[str] = [b["kind"] for b in doc.layout()["blocks"]]
        try:
            reprint.parse_file("missing.txt")
        except reprint.ReadError as e:
            message: str = str(e)
    '''))
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(code)], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    bad = tmp_path / "bad.py"
    bad.write_text("import reprint\nreprint.parse(b'x').write_tei(3.5)\nx: int = reprint.parse('x').title\n")
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(bad)], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1, run.stdout
    assert 'bad.py:2: error: Argument 1 to "write_tei" of "Document" has incompatible type "float"' in run.stdout, run.stdout
    assert "bad.py:3: error: Incompatible types in assignment" in run.stdout, run.stdout
