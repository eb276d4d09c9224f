#!/usr/bin/env bash
# Scores the parser on the seeds and the development set with the gold's own
# scripts (fixtures/gold/score.py, score_outline.py): the numbers of
# docs/structure.md, and the held-out set (fixtures/heldout).
# Usage: scripts/dev-scores.sh [CONVERT-BINARY]
# KEEP=DIR keeps the predictions there.
set -euo pipefail
cd "$(dirname "$0")/.."
conv=${1:-target/release/reprint}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/seeds" "$out/B" "$out/A" "$out/C" "$out/heldout"
for f in fixtures/seeds/*.txt; do "$conv" "$f" --to layout --quiet -o "$out/seeds/$(basename "$f").json"; done
for set in B A C; do
  for f in fixtures/dev/$set/*.txt; do "$conv" "$f" --to layout --quiet -o "$out/$set/$(basename "$f").json"; done
done
for f in fixtures/heldout/*.txt; do "$conv" "$f" --to layout --quiet -o "$out/heldout/$(basename "$f").json"; done
echo "== seeds"; python3 fixtures/gold/score.py --gold-dir fixtures/gold --pred-dir "$out/seeds" --source-dir fixtures/seeds
echo "== dev B"; python3 fixtures/gold/score.py --gold-dir fixtures/dev/B --pred-dir "$out/B" --source-dir fixtures/dev/B
echo "== dev A"; python3 fixtures/gold/score_outline.py --dir fixtures/dev/A --pred-dir "$out/A"
echo "== dev C"; python3 fixtures/gold/score_outline.py --dir fixtures/dev/C --pred-dir "$out/C"
echo "== heldout"; python3 fixtures/gold/score_outline.py --dir fixtures/heldout --pred-dir "$out/heldout"
if [ -n "${KEEP:-}" ]; then rm -rf "$KEEP"; cp -r "$out" "$KEEP"; fi
