"""Convert a directory (or bucket) of texts to EPUB and TEI with PySpark, and
write a per-file summary table (Parquet).

    python python/examples/spark_convert.py INPUT OUTPUT [--master local[2]] [--to epub,tei]

INPUT is a directory or URI (``/data/ocr``, ``hdfs:///ocr``, ``s3a://bucket/ocr``):
its ``*.txt`` files, recursively, are read with Spark's ``binaryFile`` source,
so each file's bytes go through reprint's encoding detection. Each partition
is converted by ``mapInPandas``: the files are parsed and written (``a/b.txt``
gives ``OUTPUT/a/b.epub`` and ``OUTPUT/a/b.tei.xml``, as the Rust ``convert``
command names them), and one summary row per file comes back. The summary
goes to ``OUTPUT/_summary.parquet`` (a Parquet dataset: file, bytes, articles,
headings, paragraphs, warnings, encoding, error, seconds); a file that fails
has its exception's class and message in ``error`` and no outputs. A failure
never stops the job.

Outputs are written with ``pyarrow.fs``, so OUTPUT may be a local or shared
path or an object store URI (``s3://bucket/books``, ``gs://...``,
``hdfs://...``) that every executor can reach.

On a cluster, the same script runs unchanged with ``spark-submit``; what
changes is where it runs and where the files live::

    spark-submit --master spark://HOST:7077 \\
        --conf spark.pyspark.python=/opt/venv/bin/python \\
        python/examples/spark_convert.py s3a://archive/ocr s3://archive/books

- the master: ``--master spark://HOST:7077``, ``yarn`` or ``k8s://https://...``
  given to spark-submit (``--master`` of this script is for plain ``python``
  runs, ``local[2]`` by default, and is ignored under spark-submit);
- the inputs and outputs: storage every executor reads and writes
  (``s3a://``/``hdfs://`` for INPUT as Spark reads it, ``s3://``, ``gs://``,
  ``hdfs://`` or a shared mount for OUTPUT as ``pyarrow.fs`` writes it, with
  the credentials the executors have), not a directory local to the driver;
- the Python of the executors must have ``reprint`` (and pandas, pyarrow):
  ``pip wheel ./python`` builds the wheel once on a machine like the
  executors; install it in their image, or pack a venv (``venv-pack -o
  env.tar.gz``) and ship it with ``--archives env.tar.gz#env --conf
  spark.pyspark.python=./env/bin/python``;
- for many small files, ``--conf spark.sql.files.openCostInBytes=...`` sets
  how many go into one task (1 MB here: about 128 texts of a few KB).

Ray Data would be the same shape: ``ray.data.read_binary_files(INPUT,
include_paths=True).map_batches(...)``; this example uses Spark.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import PurePosixPath
from typing import Iterator
from urllib.parse import urlparse

import pandas as pd

EXTENSIONS = {"epub": ".epub", "tei": ".tei.xml", "pdf": ".pdf", "layout": ".layout.json", "markdown": ".md", "html": ".html"}

SUMMARY_SCHEMA = (
    "file string, bytes long, articles int, headings int, paragraphs int, "
    "warnings int, encoding string, error string, seconds double"
)


def relative(path: str, root: str) -> str:
    """``path`` below ``root``; both may be URIs (Spark writes ``file:/x`` for ``/x``)."""
    p, r = urlparse(path).path, urlparse(root).path.rstrip("/")
    if r and p.startswith(r + "/"):
        return p[len(r) + 1 :]
    return PurePosixPath(p).name


def output_fs(output: str):
    """The pyarrow filesystem of OUTPUT and the path in it."""
    from pyarrow import fs

    if "://" not in output:
        output = os.path.abspath(output)
        return fs.LocalFileSystem(), output
    return fs.FileSystem.from_uri(output)


def convert_one(data: bytes, rel: str, formats: list[str], fs, base: str, made: set) -> dict:
    """Parses one file and writes its formats; the summary row (never raises)."""
    import reprint

    started = time.perf_counter()
    row = {"file": rel, "bytes": len(data), "articles": None, "headings": None, "paragraphs": None,
           "warnings": None, "encoding": None, "error": None}
    try:
        doc = reprint.parse(data, file_name=PurePosixPath(rel).name)
        s = doc.summary()
        row.update(articles=s["articles"], headings=s["headings"], paragraphs=s["paragraphs"],
                   warnings=s["warnings"], encoding=s["encoding"])
        stem = rel[: -len(".txt")] if rel.lower().endswith(".txt") else rel
        parent = PurePosixPath(f"{base}/{stem}").parent.as_posix()
        if parent not in made:
            fs.create_dir(parent, recursive=True)
            made.add(parent)
        for f in formats:
            with fs.open_output_stream(f"{base}/{stem}{EXTENSIONS[f]}") as out:
                if f == "epub":
                    doc.write_epub(out)
                elif f == "tei":
                    doc.write_tei(out)
                elif f == "pdf":
                    doc.write_pdf(out)
                elif f == "layout":
                    out.write(doc.layout_json().encode())
                elif f == "markdown":
                    out.write(doc.to_markdown().encode())
                elif f == "html":
                    out.write(doc.to_html().encode())
    except Exception as e:  # every failure becomes a row, none stops the job
        row["error"] = f"{type(e).__name__}: {e}"
    row["seconds"] = time.perf_counter() - started
    return row


def converter(root: str, output: str, formats: list[str]):
    """The mapInPandas function: batches of (path, content) to summary rows."""

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        fs, base = output_fs(output)
        made: set = set()
        for batch in batches:
            rows = [convert_one(bytes(c), relative(p, root), formats, fs, base, made) for p, c in zip(batch["path"], batch["content"])]
            yield pd.DataFrame(rows, columns=[c.split()[0] for c in SUMMARY_SCHEMA.split(", ")])

    return run


def convert(spark, input: str, output: str, formats: list[str], partitions: int | None = None):
    """Converts every ``*.txt`` under INPUT; returns the summary DataFrame (also written to Parquet)."""
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.txt")
        .load(input)
        .select("path", "content")
    )
    if partitions:
        files = files.repartition(partitions)
    root = input if "://" in input or input.startswith("file:") else os.path.abspath(input)
    summary = files.mapInPandas(converter(root, output, formats), schema=SUMMARY_SCHEMA)
    target = output.rstrip("/") + "/_summary.parquet"
    if "://" not in target:
        target = os.path.abspath(target)
    summary.write.mode("overwrite").parquet(target)
    return spark.read.parquet(target)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Convert texts to EPUB/TEI with reprint on Spark.")
    ap.add_argument("input", help="directory or URI of the .txt files (searched recursively)")
    ap.add_argument("output", help="directory or URI for the books and _summary.parquet")
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[2]"),
                    help="Spark master when run with plain python (default local[2]); spark-submit's --master wins")
    ap.add_argument("--to", default="epub,tei", help=f"formats, comma-separated: {', '.join(EXTENSIONS)}")
    ap.add_argument("--partitions", type=int, help="repartition the files (default: as Spark lists them)")
    a = ap.parse_args(argv)
    formats = [f.strip() for f in a.to.split(",") if f.strip()]  # none: parse and summarise only
    unknown = [f for f in formats if f not in EXTENSIONS]
    if unknown:
        ap.error(f"unknown format(s) {', '.join(unknown)}")

    from pyspark.sql import SparkSession

    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # launched by spark-submit
    if not submitted and a.master.startswith("local"):
        # Local runs: the workers use this interpreter (where reprint is installed).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    begun = time.perf_counter()
    builder = SparkSession.builder.appName("reprint-convert")
    if not submitted:
        builder = builder.master(a.master)
    spark = (
        builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    # Texts are small: at Spark's default "open cost" of 4 MB a task gets 32
    # of them, and the per-task overhead (Python worker, Arrow batches) takes
    # more time than converting them. 1 MB packs about 128 per task (still
    # several tasks per core). A --conf given to spark-submit wins.
    if not spark.sparkContext.getConf().contains("spark.sql.files.openCostInBytes"):
        spark.conf.set("spark.sql.files.openCostInBytes", str(1 << 20))
    started = time.perf_counter()
    print(f"spark_convert: Spark session ready in {started - begun:.1f} s ({spark.sparkContext.master})")
    summary = convert(spark, a.input, a.output, formats, a.partitions)
    total = summary.count()
    failed = summary.filter("error IS NOT NULL").select("file", "error").orderBy("file").collect()
    elapsed = time.perf_counter() - started
    print(f"spark_convert: {total - len(failed)} of {total} files converted in {elapsed:.1f} s; {len(failed)} failed")
    for r in failed:
        print(f"spark_convert: {r.file}: {r.error}")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
