#!/usr/bin/env bash
# Checks the rust-version of the workspace (Cargo.toml) as far as one
# toolchain can: no other toolchain can be installed on this project's
# machines (see docs/cli.md, "Minimum Rust version").
#  1. every package in Cargo.lock declares a rust-version no newer than ours
#     (what cargo's MSRV-aware resolver keeps to when it updates the lock);
#  2. clippy's incompatible_msrv lint, as an error: no standard library API
#     newer than our rust-version is called;
#  3. the language: let-chains, the newest feature the code uses, need 1.88.
set -euo pipefail
cd "$(dirname "$0")/.."
msrv=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml | head -1)
echo "rust-version: $msrv"
cargo metadata --format-version 1 --locked | python3 -c '
import json, sys
def ver(s):
    v = [int(x) for x in s.split(".")]
    return tuple(v + [0] * (3 - len(v)))
msrv = ver(sys.argv[1])
meta = json.load(sys.stdin)
bad, top = [], (0,)
for p in meta["packages"]:
    rv = p.get("rust_version")
    if not rv:
        continue
    v = ver(rv)
    top = max(top, v)
    if v > msrv:
        bad.append("%s %s needs %s" % (p["name"], p["version"], rv))
print("newest rust-version among the dependencies:", ".".join(map(str, top)))
for b in bad:
    print("error:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
' "$msrv"
for crate in reprint-fonts/Cargo.toml; do
  grep -q "^rust-version = \"$msrv\"" "$crate" || { echo "error: $crate does not say rust-version = \"$msrv\"" >&2; exit 1; }
done
# -D warnings: clippy's incompatible_msrv is a warning by default, and so
# is every other lint the code is kept clean of.
cargo clippy --workspace --all-targets --locked --quiet -- -D warnings -D clippy::incompatible_msrv
echo "msrv check passed (Cargo.lock and std APIs against $msrv)"
