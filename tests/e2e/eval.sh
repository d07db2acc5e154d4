#!/usr/bin/env bash
# The dev set's score may not fall: zhextract over ../shared/corpus, scored by the shared
# scorer, must keep F1 and precision at or above the floors (set a little below what it reaches:
# 1.000 / 1.000 when written). Skipped when ../shared is absent.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
shared=${ZHREPORT_SHARED:-}
if [ -z "$shared" ] || [ ! -f "$shared/tools/score_facts.py" ]; then
  echo "../shared absent: skipped"
  exit 77
fi
min_f1=0.97
min_precision=0.98
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/zhextract" --quiet "$shared"/corpus/*.txt > "$work/facts.jsonl"
python3 "$shared/tools/score_facts.py" --gold "$shared/corpus" --pred "$work/facts.jsonl" \
  --show-errors --per-metric | tee "$work/score"
read -r precision f1 < <(awk '/^precision/ {print $2, $6}' "$work/score")
awk -v p="$precision" -v f="$f1" -v mp="$min_precision" -v mf="$min_f1" 'BEGIN {
  if (p < mp || f < mf) { printf "below the floor: precision %s (min %s), f1 %s (min %s)\n", p, mp, f, mf; exit 1 }
}'
