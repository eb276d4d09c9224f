"""The scale-out example: thousands of texts through PySpark in local mode.

The corpus size is REPRINT_SPARK_FILES (2000 by default). Without pyspark or
Java the test is skipped, except under CI=true, where it fails instead.
"""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
sys.path.insert(0, str(EXAMPLES))
import make_corpus  # noqa: E402

FILES = int(os.environ.get("REPRINT_SPARK_FILES", "2000"))
BROKEN = 12


def _missing() -> str | None:
    for module in ["pyspark", "pyarrow", "pandas"]:
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java for Spark"
    return None


@pytest.fixture(scope="module")
def spark_run(tmp_path_factory):
    why = _missing()
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the scale-out test must run under CI: {why}")
        pytest.skip(why)
    base = tmp_path_factory.mktemp("scaleout")
    corpus, out = base / "in", base / "out"
    expected = make_corpus.make(corpus, files=FILES, seed=18, broken_files=BROKEN)
    # A file that is not .txt is not an input.
    (corpus / "part_000" / "notes.md").write_text("not an input\n")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / "spark_convert.py"), str(corpus), str(out), "--master", "local[2]", "--to", "epub,tei"],
        env=env, capture_output=True, text=True, timeout=1800,
    )
    assert run.returncode == 0, f"spark_convert failed:\n{run.stdout}\n{run.stderr[-5000:]}"
    import pandas as pd

    summary = pd.read_parquet(out / "_summary.parquet")
    return expected, out, summary, run.stdout


def test_every_file_is_converted_or_listed_as_failed(spark_run):
    expected, out, summary, stdout = spark_run
    assert len(summary) == len(expected) == FILES
    assert sorted(summary["file"]) == sorted(expected)
    rows = summary.set_index("file")
    for rel, encoding in expected.items():
        r = rows.loc[rel]
        stem = out / rel[: -len(".txt")]
        books = [Path(str(stem) + ".epub"), Path(str(stem) + ".tei.xml")]
        if encoding == "broken":
            assert isinstance(r["error"], str) and r["error"].startswith("NotTextError: ") and ("is not text: binary data at byte " in r["error"] or "does not look like text" in r["error"]), (rel, r["error"])
            assert not any(b.exists() for b in books), rel
            assert f"{rel}: NotTextError" in stdout
        else:
            assert r["error"] is None, (rel, r["error"])
            assert r["encoding"] == encoding, rel
            assert r["articles"] >= 0 and r["paragraphs"] + r["headings"] >= 0 and r["warnings"] >= 0
            assert all(b.stat().st_size > 0 for b in books), rel
    assert (summary["error"].notna()).sum() == BROKEN
    assert f"{FILES - BROKEN} of {FILES} files converted" in stdout
    assert summary.loc[summary["error"].isna(), "paragraphs"].sum() > FILES  # real structure, not empty books


def test_the_books_are_well_formed(spark_run):
    expected, out, summary, _ = spark_run
    good = sorted(rel for rel, e in expected.items() if e != "broken")
    for rel in random.Random(1).sample(good, 25):
        stem = str(out / rel[: -len(".txt")])
        with zipfile.ZipFile(stem + ".epub") as z:
            assert z.read("mimetype") == b"application/epub+zip"
            assert z.testzip() is None
        assert ET.parse(stem + ".tei.xml").getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"


def test_the_summary_matches_a_conversion_in_this_process(spark_run):
    import reprint

    expected, out, summary, _ = spark_run
    rows = summary.set_index("file")
    corpus = out.parent / "in"
    for rel in sorted(r for r, e in expected.items() if e != "broken")[:40]:
        s = reprint.parse((corpus / rel).read_bytes()).summary()
        r = rows.loc[rel]
        assert (r["articles"], r["headings"], r["paragraphs"], r["warnings"], r["encoding"]) == (
            s["articles"], s["headings"], s["paragraphs"], s["warnings"], s["encoding"]), rel
