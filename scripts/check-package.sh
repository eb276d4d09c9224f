#!/usr/bin/env bash
# Packs every crate of the workspace as `cargo publish` would and checks
# that each .crate is under crates.io's 10 MiB limit, and that it holds only
# what belongs in it (no fixtures, tests, benches, screenshots or CI tools).
# Prints one line per crate: name, files, packed size.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=$((10 * 1024 * 1024))
target=${CARGO_TARGET_DIR:-target}
# --workspace packs the crates together, so reprint can name reprint-fonts
# before it is published; --no-verify: the test suite builds them anyway.
# reprint-py is not published (publish = false): only the crates that are.
cargo package -p reprint -p reprint-fonts --no-verify --allow-dirty --quiet
status=0
for crate in reprint reprint-fonts; do
  version=$(cargo metadata --no-deps --format-version 1 | python3 -c "import json,sys; print(next(p['version'] for p in json.load(sys.stdin)['packages'] if p['name']=='$crate'))")
  file="$target/package/$crate-$version.crate"
  size=$(stat -c %s "$file")
  files=$(cargo package --list --allow-dirty -p "$crate" 2>/dev/null)
  count=$(printf '%s\n' "$files" | wc -l)
  printf '%-14s %5d files %10d bytes (%.2f MiB)\n' "$crate" "$count" "$size" "$(awk "BEGIN { print $size / 1048576 }")"
  if [ "$size" -ge "$limit" ]; then
    echo "error: $file is $size bytes, over crates.io's limit of $limit" >&2
    status=1
  fi
  stray=$(printf '%s\n' "$files" | grep -E '^(fixtures|tests|benches|fuzz|scripts|\.ci)/|\.png$' || true)
  if [ -n "$stray" ]; then
    echo "error: $crate packs files that do not belong in it:" >&2
    printf '%s\n' "$stray" >&2
    status=1
  fi
done
exit $status
