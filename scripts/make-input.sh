#!/bin/sh
# Usage: scripts/make-input.sh MEGABYTES OUT
# Concatenates the seed fixtures, in name order and a blank line between
# copies, until OUT holds at least MEGABYTES MB (10^6 bytes): the synthetic
# large input of benches/parse.rs and scripts/memory.sh.
set -eu
mb=$1
out=$2
dir=$(dirname "$0")/../fixtures/seeds
want=$((mb * 1000000))
: > "$out"
while [ "$(wc -c < "$out")" -lt "$want" ]; do
    for f in "$dir"/*.txt; do
        cat "$f" >> "$out"
        printf '\n' >> "$out"
        [ "$(wc -c < "$out")" -ge "$want" ] && break
    done
done
