#!/bin/sh
# Converts every seed fixture with reprint (the `convert` example, release
# build), calibre's `ebook-convert` and pandoc, in one run on this machine,
# and prints a Markdown table of median wall times and of each peer's time
# over reprint's (higher: reprint is faster). Whole processes are timed,
# start-up included, as a user runs them.
#
#   EPUB: reprint --to epub | ebook-convert X.txt X.epub | pandoc -f markdown -t epub3
#   TEI:  reprint --to tei  | pandoc -f markdown -s -t tei
#   PDF:  reprint --to pdf  | ebook-convert X.txt X.pdf  | pandoc --pdf-engine=xelatex
#         (pandoc only where xelatex is installed; calibre's PDF output runs
#         Qt WebEngine, which as root needs QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox)
#
# Times are medians over RUNS runs (RUNS_SLOW for calibre and xelatex),
# measured with hyperfine when it is installed, else with date(1).
# Usage: scripts/compare-peers.sh [FIXTURE.txt...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${RUNS:-10}
runs_slow=${RUNS_SLOW:-3}
[ $# -gt 0 ] || set -- fixtures/seeds/*.txt
cargo build --release --quiet --bin reprint
convert=${CARGO_TARGET_DIR:-$root/target}/release/reprint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ "$(id -u)" = 0 ] && export QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:---no-sandbox}"
have() { command -v "$1" > /dev/null 2>&1; }

# median N COMMAND...: the median wall time of N runs, in seconds ("-" if it fails).
median() {
    n=$1
    shift
    "$@" > /dev/null 2>&1 || { echo -; return; }
    if have hyperfine; then
        hyperfine -N --style none --warmup 1 --runs "$n" --export-json "$tmp/h.json" -- "$(quote "$@")" > /dev/null 2>&1 || { echo -; return; }
        sed -n 's/.*"median": *\([0-9.e+-]*\).*/\1/p' "$tmp/h.json" | head -n 1
    else
        i=0
        while [ $i -lt "$n" ]; do
            t0=$(date +%s%N)
            "$@" > /dev/null 2>&1
            t1=$(date +%s%N)
            echo $(((t1 - t0) / 1000))
            i=$((i + 1))
        done | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m / 1e6 }'
    fi
}

# The arguments as one command line for hyperfine (which splits it like a shell).
quote() {
    for a in "$@"; do printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"; done
}

ms() { [ "$1" = - ] && echo - || awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
ratio() { { [ "$1" = - ] || [ "$2" = - ]; } && echo - || awk -v p="$1" -v r="$2" 'BEGIN { printf "%.1f×", p / r }'; }

echo "Machine: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1); $(date -u +%Y-%m-%d)"
echo "reprint $(git describe --always --dirty 2>/dev/null || echo '?'), $(ebook-convert --version 2>/dev/null | head -n 1 || echo 'calibre not installed'), $(pandoc --version 2>/dev/null | head -n 1 || echo 'pandoc not installed')"
echo "Median wall time in ms over $runs runs ($runs_slow for calibre and xelatex); ×: the peer's time over reprint's."
echo
echo "| fixture | KB | reprint EPUB | calibre EPUB | × | pandoc EPUB | × | reprint TEI | pandoc TEI | × | reprint PDF | calibre PDF | × | pandoc+xelatex PDF | × |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for f in "$@"; do
    name=$(basename "$f" .txt)
    kb=$(($(wc -c < "$f") / 1000))
    r_epub=$(median "$runs" "$convert" "$f" --to epub -o "$tmp/r.epub")
    r_tei=$(median "$runs" "$convert" "$f" --to tei -o "$tmp/r.xml")
    r_pdf=$(median "$runs" "$convert" "$f" --to pdf -o "$tmp/r.pdf")
    c_epub=-
    c_pdf=-
    if have ebook-convert; then
        c_epub=$(median "$runs_slow" ebook-convert "$f" "$tmp/c.epub")
        c_pdf=$(median "$runs_slow" ebook-convert "$f" "$tmp/c.pdf")
    fi
    p_epub=-
    p_tei=-
    p_pdf=-
    if have pandoc; then
        p_epub=$(median "$runs" pandoc -f markdown -t epub3 -o "$tmp/p.epub" "$f")
        p_tei=$(median "$runs" pandoc -f markdown -s -t tei -o "$tmp/p.xml" "$f")
        if have xelatex; then
            p_pdf=$(median "$runs_slow" pandoc -f markdown --pdf-engine=xelatex -V CJKmainfont="Noto Serif CJK SC" -o "$tmp/p.pdf" "$f")
        fi
    fi
    echo "| ${name%%_*} | $kb | $(ms "$r_epub") | $(ms "$c_epub") | $(ratio "$c_epub" "$r_epub") | $(ms "$p_epub") | $(ratio "$p_epub" "$r_epub") | $(ms "$r_tei") | $(ms "$p_tei") | $(ratio "$p_tei" "$r_tei") | $(ms "$r_pdf") | $(ms "$c_pdf") | $(ratio "$c_pdf" "$r_pdf") | $(ms "$p_pdf") | $(ratio "$p_pdf" "$r_pdf") |"
done
have xelatex || { echo; echo "pandoc to PDF not measured: xelatex is not installed."; }
have ebook-convert || { echo; echo "calibre not measured: ebook-convert is not installed."; }
have pandoc || { echo; echo "pandoc not measured: it is not installed."; }
