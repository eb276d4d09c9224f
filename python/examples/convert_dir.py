"""Convert a directory of texts to EPUB and TEI in one Python process, with
threads (reprint releases the GIL while it parses and writes).

    python python/examples/convert_dir.py INPUT OUTPUT [--threads 2] [--to epub,tei]

``a/b.txt`` gives ``OUTPUT/a/b.epub`` and ``OUTPUT/a/b.tei.xml``, as the Rust
``convert`` command names them. Prints files/s, MB/s and the time spent in
each stage (read, parse, each writer, file writes), summed over the threads.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import reprint

EXTENSIONS = {"epub": ".epub", "tei": ".tei.xml", "pdf": ".pdf"}


def convert(src: Path, root: Path, out: Path, formats: list[str]) -> tuple[int, dict[str, float], str | None]:
    stages: dict[str, float] = {}
    t = time.perf_counter()
    data = src.read_bytes()
    stages["read"] = time.perf_counter() - t
    try:
        t = time.perf_counter()
        doc = reprint.parse(data, file_name=src.name)
        stages["parse"] = time.perf_counter() - t
        stem = out / src.relative_to(root).with_suffix("")
        stem.parent.mkdir(parents=True, exist_ok=True)
        for f in formats:
            t = time.perf_counter()
            buf = io.BytesIO()
            getattr(doc, f"write_{f}")(buf)
            stages[f] = time.perf_counter() - t
            t = time.perf_counter()
            Path(str(stem) + EXTENSIONS[f]).write_bytes(buf.getvalue())
            stages["write files"] = stages.get("write files", 0.0) + time.perf_counter() - t
        return len(data), stages, None
    except reprint.ReprintError as e:
        return len(data), stages, f"{src}: {type(e).__name__}: {e}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--to", default="epub,tei")
    a = ap.parse_args()
    formats = a.to.split(",")
    files = sorted(a.input.rglob("*.txt"))
    started = time.perf_counter()
    with ThreadPoolExecutor(a.threads) as pool:
        results = list(pool.map(lambda f: convert(f, a.input, a.output, formats), files))
    elapsed = time.perf_counter() - started
    total = sum(r[0] for r in results)
    stages: dict[str, float] = defaultdict(float)
    for _, s, _ in results:
        for k, v in s.items():
            stages[k] += v
    failures = [r[2] for r in results if r[2]]
    print(f"convert_dir: {len(files)} files, {total / 1e6:.1f} MB in {elapsed:.2f} s with {a.threads} thread(s): "
          f"{len(files) / elapsed:.0f} files/s, {total / 1e6 / elapsed:.2f} MB/s; {len(failures)} failed")
    busy = sum(stages.values())
    print("convert_dir: time by stage (summed over threads): " + ", ".join(f"{k} {v:.2f} s ({100 * v / busy:.0f}%)" for k, v in stages.items()))
    for f in failures:
        print(f"convert_dir: {f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
