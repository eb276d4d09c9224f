#!/usr/bin/env bash
# Runs every cargo-fuzz target for a while: scripts/fuzz.sh [SECONDS [TARGET...]]
#
# SECONDS per target (default 120); TARGETs default to all of fuzz/Cargo.toml.
# Manual, not part of CI: it needs a nightly toolchain and cargo-fuzz (installed
# here when missing). The corpus starts from slices of fixtures/seeds and grows
# in fuzz/corpus/TARGET; crashes, timeouts and OOMs are kept in
# fuzz/artifacts/TARGET. Copy each one to tests/fuzz_regressions/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-120}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^reprint-fuzz$')
fi
# Release code with debug assertions and overflow checks: an overflow is a finding too.
# No sanitizer by default: reprint is safe Rust, and AddressSanitizer makes
# the PDF target ten times slower (FUZZ_SANITIZER=address to have it).
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}
san=${FUZZ_SANITIZER:-none}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz

# Seeds: each fixture cut into pieces of 30 lines, behind the two option
# bytes every target reads first (0, 0: the default options).
seed() {
  local dir=fuzz/corpus/$1
  [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return
  mkdir -p "$dir"
  local tmp
  tmp=$(mktemp -d)
  for f in fixtures/seeds/*.txt fixtures/extra/*.txt; do
    split -l 30 -a 4 "$f" "$tmp/$(basename "$f" .txt)-"
  done
  for p in "$tmp"/*; do
    { printf '\0\0'; cat "$p"; } > "$dir/$(basename "$p")"
  done
  rm -rf "$tmp"
}

cargo +nightly fuzz build -O -a -s "$san"
for t in "${targets[@]}"; do
  seed "$t"
  echo "== $t: $secs s" >&2
  # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: memory out of
  # proportion to an input of at most 16 KB is a bug.
  cargo +nightly fuzz run -O -a -s "$san" "$t" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 2>&1 | tee "fuzz/$t.log" | grep -E '^(#[0-9]+.*(DONE|pulse)|==[0-9]+==|SUMMARY|stat::|artifact_prefix|Test unit written)' || true
  echo "corpus: $(ls fuzz/corpus/"$t" | wc -l) files; artifacts: $(ls fuzz/artifacts/"$t" 2>/dev/null | wc -l)" >&2
done
