#!/bin/sh
# Peak memory and time of a whole conversion to layout JSON
# (`convert FILE --to layout`) for 1, 10 and 50 MB inputs made by
# concatenating the seed fixtures (scripts/make-input.sh). Peak resident set
# from GNU time (`/usr/bin/time -v`), wall time the median of three runs.
# Prints, per size: input bytes, peak RSS, its ratio to the input, wall
# time and throughput; the RSS of a one-line input (what the program takes
# before any text); and how the time per MB grows from the first size to
# the last.
# Usage: scripts/memory.sh [SIZES...]   (default: 1 10 50)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=${*:-1 10 50}
[ -x /usr/bin/time ] || { echo "memory.sh: GNU time (/usr/bin/time) is needed" >&2; exit 1; }
cargo build --release --quiet --bin reprint
convert=${CARGO_TARGET_DIR:-$root/target}/release/reprint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rss() { # peak RSS in kB of converting $1
    /usr/bin/time -v "$convert" "$1" --to layout -o "$tmp/out.json" 2> "$tmp/time.txt"
    sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time.txt"
}
wall() { # median wall time in seconds of three conversions of $1
    for _ in 1 2 3; do
        t0=$(date +%s%N)
        "$convert" "$1" --to layout -o "$tmp/out.json"
        t1=$(date +%s%N)
        echo $(((t1 - t0) / 1000))
    done | sort -n | sed -n 2p | awk '{ print $1 / 1e6 }'
}

echo "标题" > "$tmp/empty.txt"
printf 'baseline (one-line input): peak RSS %s kB\n' "$(rss "$tmp/empty.txt")"
printf '%-6s %12s %12s %7s %8s %8s\n' size input_bytes peak_rss_kB ratio wall_s MB/s
first=""
for mb in $sizes; do
    scripts/make-input.sh "$mb" "$tmp/in$mb.txt"
    bytes=$(wc -c < "$tmp/in$mb.txt")
    r=$(rss "$tmp/in$mb.txt")
    s=$(wall "$tmp/in$mb.txt")
    awk -v mb="${mb}MB" -v b="$bytes" -v r="$r" -v s="$s" 'BEGIN {
        printf "%-6s %12d %12d %7.2f %8.3f %8.1f\n", mb, b, r, r * 1024 / b, s, b / 1e6 / s }'
    per_mb=$(awk -v b="$bytes" -v s="$s" 'BEGIN { print s / (b / 1e6) }')
    [ -n "$first" ] || { first=$mb; first_per_mb=$per_mb; }
    last=$mb
    last_per_mb=$per_mb
done
awk -v a="$first_per_mb" -v b="$last_per_mb" -v f="$first" -v l="$last" 'BEGIN {
    if (f != l) printf "time per MB at %s MB / at %s MB: %.2f (1.00 is linear)\n", l, f, b / a }'
