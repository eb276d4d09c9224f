#!/usr/bin/env bash
# Throughput of the same corpus through the Rust batch command, the Python
# package in one process (1 and 2 threads) and PySpark in local[2]:
# wall time, CPU time and peak RSS of the whole process tree (tree-peak-rss.py).
#
#   scripts/bench-python.sh [RUNS] [FILES]      (defaults 3 and 2000)
#
# Needs a venv with the package and pyspark (PY=path/to/python, default python3)
# and the convert example built (cargo build --release --example convert).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
FILES=${2:-2000}
PY=${PY:-python3}
TARGET=${CARGO_TARGET_DIR:-target}
WORK=${WORK:-$(mktemp -d)}
"$PY" python/examples/make_corpus.py "$WORK/in" --files "$FILES"
measure() {
  local label=$1; shift
  for i in $(seq "$RUNS"); do
    rm -rf "$WORK/out"
    echo "== $label, run $i"
    "$PY" scripts/tree-peak-rss.py --by-name "$@" 2>&1 | grep -E "^(tree-peak-rss|convert|convert_dir|spark_convert): " | grep -v "NotTextError\|does not look like text" || true
  done
}
measure "Rust convert -j 2" "$TARGET/release/examples/convert" "$WORK/in" --to epub,tei -o "$WORK/out" -j 2
measure "Rust convert -j 1" "$TARGET/release/examples/convert" "$WORK/in" --to epub,tei -o "$WORK/out" -j 1
measure "Python, 1 thread" "$PY" python/examples/convert_dir.py "$WORK/in" "$WORK/out" --threads 1
measure "Python, 2 threads" "$PY" python/examples/convert_dir.py "$WORK/in" "$WORK/out" --threads 2
measure "PySpark local[2]" "$PY" python/examples/spark_convert.py "$WORK/in" "$WORK/out" --master "local[2]"
measure "PySpark local[2], parse only" "$PY" python/examples/spark_convert.py "$WORK/in" "$WORK/out" --master "local[2]" --to ""
