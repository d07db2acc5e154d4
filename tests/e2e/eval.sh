#!/usr/bin/env bash
# Scores may not fall: zhextract over the dev set (../shared/corpus) and over each evaluation set
# (data/eval/*), scored by the shared scorer, must keep precision and F1 at or above the floors,
# set a little below what they reach (dev 1.000 / 1.000; the evaluation sets 0.936 to 1.000 when
# written); on the dev set, every context field (to, from, since, until: score_facts.py --context)
# must also stay at or above 0.95, and on sets 9–66 (every set written with the context) each
# field at or above its floor, set about 0.02 below what it reached (sets 9–12 on 2026-12-03, sets
# 13–24 on 2026-12-04, all raised and sets 25–27 added that evening; sets 28–30 added and tuned that
# night; sets 31–60 added and tuned on 2026-12-05; set52/54 `from` raised when shared district
# names entered the tables; sets 61–66 added and sets 42, 50, 54, 57, 60 raised on the evening of
# 2026-12-05; sets 73–75 raised and 76–78 added and tuned on 2026-12-06; sets 91–93 added and
# tuned and sets 94–96 added and tuned in 2026-12-06's fifth session; sets 106–108 added and
# tuned in the session after the seventh).
# Skipped when ../shared is absent: the scorer lives there.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
source_dir=${ZHREPORT_SOURCE:?}
shared=${ZHREPORT_SHARED:-}
if [ -z "$shared" ] || [ ! -f "$shared/tools/score_facts.py" ]; then
  echo "../shared absent: skipped"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Context floors of the tuned sets: to from since until.
context_floors() {
  case $1 in
    set9) echo "to=0.97 from=0.98 since=0.82 until=0.97" ;;
    set10) echo "to=0.89 from=0.98 since=0.95 until=0.96" ;;
    set11) echo "to=0.96 from=0.98 since=0.88 until=0.93" ;;
    set12) echo "to=0.91 from=0.96 since=0.73 until=0.91" ;;
    set13) echo "to=0.91 from=0.96 since=0.90 until=0.96" ;;
    set14) echo "to=0.93 from=0.90 since=0.85 until=0.98" ;;
    set15) echo "to=0.95 from=0.98 since=0.82 until=0.93" ;;
    set16) echo "to=0.98 from=0.98 since=0.86 until=0.89" ;;
    set17) echo "to=0.95 from=0.98 since=0.95 until=0.98" ;;
    set18) echo "to=0.90 from=0.97 since=0.93 until=0.89" ;;
    set19) echo "to=0.86 from=0.98 since=0.91 until=0.95" ;;
    set20) echo "to=0.96 from=0.93 since=0.90 until=0.94" ;;
    set21) echo "to=0.82 from=0.94 since=0.97 until=0.93" ;;
    set22) echo "to=0.98 from=0.96 since=0.88 until=0.85" ;;
    set23) echo "to=0.98 from=0.97 since=0.94 until=0.97" ;;
    set24) echo "to=0.95 from=0.97 since=0.95 until=0.98" ;;
    set25) echo "to=0.91 from=0.96 since=0.87 until=0.94" ;;
    set26) echo "to=0.93 from=0.95 since=0.90 until=0.96" ;;
    set27) echo "to=0.91 from=0.88 since=0.96 until=0.98" ;;
    set28) echo "to=0.91 from=0.98 since=0.82 until=0.89" ;;
    set29) echo "to=0.98 from=0.98 since=0.77 until=0.94" ;;
    set30) echo "to=0.87 from=0.78 since=0.96 until=0.91" ;;
    set31) echo "to=0.89 from=0.96 since=0.85 until=0.96" ;;
    set32) echo "to=0.97 from=0.84 since=0.96 until=0.97" ;;
    set33) echo "to=0.95 from=0.92 since=0.95 until=0.97" ;;
    set34) echo "to=0.75 from=0.93 since=0.92 until=0.98" ;;
    set35) echo "to=0.92 from=0.87 since=0.84 until=0.98" ;;
    set36) echo "to=0.88 from=0.85 since=0.79 until=0.95" ;;
    set37) echo "to=0.97 from=0.84 since=0.95 until=0.98" ;;
    set38) echo "to=0.93 from=0.98 since=0.94 until=0.94" ;;
    set39) echo "to=0.98 from=0.98 since=0.89 until=0.98" ;;
    set40) echo "to=0.94 from=0.97 since=0.84 until=0.98" ;;
    set41) echo "to=0.81 from=0.95 since=0.85 until=0.93" ;;
    set42) echo "to=0.96 from=0.82 since=0.88 until=0.97" ;;
    set43) echo "to=0.98 from=0.98 since=0.95 until=0.98" ;;
    set44) echo "to=0.98 from=0.98 since=0.91 until=0.98" ;;
    set45) echo "to=0.93 from=0.92 since=0.96 until=0.93" ;;
    set46) echo "to=0.81 from=0.78 since=0.78 until=0.92" ;;
    set47) echo "to=0.93 from=0.63 since=0.84 until=0.87" ;;
    set48) echo "to=0.84 from=0.94 since=0.87 until=0.89" ;;
    set49) echo "to=0.92 from=0.98 since=0.89 until=0.93" ;;
    set50) echo "to=0.96 from=0.98 since=0.98 until=0.87" ;;
    set51) echo "to=0.93 from=0.94 since=0.87 until=0.88" ;;
    set52) echo "to=0.98 from=0.90 since=0.90 until=0.90" ;;
    set53) echo "to=0.95 from=0.98 since=0.89 until=0.94" ;;
    set54) echo "to=0.93 from=0.98 since=0.94 until=0.96" ;;
    set55) echo "to=0.96 from=0.93 since=0.91 until=0.98" ;;
    set56) echo "to=0.96 from=0.94 since=0.88 until=0.96" ;;
    set57) echo "to=0.85 from=0.97 since=0.91 until=0.97" ;;
    set58) echo "to=0.90 from=0.93 since=0.85 until=0.94" ;;
    set59) echo "to=0.96 from=0.90 since=0.82 until=0.92" ;;
    set60) echo "to=0.93 from=0.98 since=0.88 until=0.98" ;;
    set61) echo "to=0.97 from=0.67 since=0.94 until=0.98" ;;
    set62) echo "to=0.82 from=0.94 since=0.93 until=0.96" ;;
    set63) echo "to=0.76 from=0.98 since=0.88 until=0.98" ;;
    set64) echo "to=0.85 from=0.98 since=0.79 until=0.89" ;;
    set65) echo "to=0.89 from=0.93 since=0.81 until=0.94" ;;
    set66) echo "to=0.95 from=0.88 since=0.87 until=0.91" ;;
    set67) echo "to=0.86 from=0.74 since=0.91 until=0.97" ;;
    set68) echo "to=0.97 from=0.97 since=0.92 until=0.95" ;;
    set69) echo "to=0.97 from=0.96 since=0.97 until=0.97" ;;
    set70) echo "to=0.94 from=0.96 since=0.80 until=0.98" ;;
    set71) echo "to=0.91 from=0.91 since=0.85 until=0.96" ;;
    set72) echo "to=0.91 from=0.91 since=0.92 until=0.91" ;;
    set73) echo "to=0.96 from=0.97 since=0.85 until=0.97" ;;
    set74) echo "to=0.90 from=0.84 since=0.92 until=0.98" ;;
    set75) echo "to=0.84 from=0.94 since=0.90 until=0.96" ;;
    set76) echo "to=0.92 from=0.96 since=0.88 until=0.96" ;;
    set77) echo "to=0.93 from=0.91 since=0.88 until=0.90" ;;
    set78) echo "to=0.93 from=0.95 since=0.86 until=0.97" ;;
    set79) echo "to=0.91 from=0.98 since=0.98 until=0.97" ;;
    set80) echo "to=0.98 from=0.97 since=0.96 until=0.95" ;;
    set81) echo "to=0.98 from=0.98 since=0.92 until=0.97" ;;
    set82) echo "to=0.95 from=0.96 since=0.94 until=0.98" ;;
    set83) echo "to=0.78 from=0.75 since=0.82 until=0.95" ;;
    set84) echo "to=0.92 from=0.98 since=0.95 until=0.95" ;;
    set85) echo "to=0.98 from=0.98 since=0.95 until=0.94" ;;
    set86) echo "to=0.97 from=0.97 since=0.92 until=0.94" ;;
    set87) echo "to=0.96 from=0.98 since=0.88 until=0.94" ;;
    set88) echo "to=0.95 from=0.95 since=0.95 until=0.96" ;;
    set89) echo "to=0.94 from=0.85 since=0.97 until=0.98" ;;
    set90) echo "to=0.95 from=0.96 since=0.89 until=0.96" ;;
    set91) echo "to=0.98 from=0.96 since=0.90 until=0.93" ;;
    set92) echo "to=0.98 from=0.98 since=0.94 until=0.88" ;;
    set93) echo "to=0.98 from=0.98 since=0.96 until=0.97" ;;
    set94) echo "to=0.96 from=0.97 since=0.95 until=0.98" ;;
    set95) echo "to=0.92 from=0.66 since=0.70 until=0.83" ;;
    set96) echo "to=0.96 from=0.91 since=0.92 until=0.93" ;;
    set97) echo "to=0.97 from=0.97 since=0.91 until=0.96" ;;
    set98) echo "to=0.97 from=0.98 since=0.95 until=0.94" ;;
    set99) echo "to=0.98 from=0.98 since=0.95 until=0.97" ;;
    set100) echo "to=0.97 from=0.98 since=0.92 until=0.93" ;;
    set101) echo "to=0.94 from=0.97 since=0.80 until=0.98" ;;
    set102) echo "to=0.97 from=0.96 since=0.94 until=0.97" ;;
    set103) echo "to=0.98 from=0.97 since=0.89 until=0.98" ;;
    set104) echo "to=0.89 from=0.46 since=0.90 until=0.98" ;;
    set105) echo "to=0.96 from=0.95 since=0.85 until=0.98" ;;
    set106) echo "to=0.95 from=0.93 since=0.88 until=0.91" ;;
    set107) echo "to=0.91 from=0.94 since=0.94 until=0.97" ;;
    set108) echo "to=0.95 from=0.97 since=0.93 until=0.98" ;;
    *) echo "" ;;
  esac
}

check() {  # NAME GOLD_DIR MIN_PRECISION MIN_F1 [MIN_CONTEXT [FIELD=MIN…]]
  local name=$1 gold=$2 min_precision=$3 min_f1=$4 min_context=${5:-0} floors=${6:-} precision f1
  local inputs=()
  for f in "$gold"/*.txt "$gold"/*.html; do [ -e "$f" ] && inputs+=("$f"); done
  "$bin/zhextract" --quiet --docs "${inputs[@]}" > "$work/$name.jsonl"
  echo "== $name"
  python3 "$shared/tools/score_facts.py" --gold "$gold" --pred "$work/$name.jsonl" \
    --show-errors --context | tee "$work/$name.score"
  awk -v n="$name" -v m="$min_context" -v floors="$floors" 'BEGIN {
    k = split(floors, pairs, " ")
    for (i = 1; i <= k; i++) { split(pairs[i], kv, "="); field[kv[1]] = kv[2] }
  } /^context / {
    min = ($2 in field) ? field[$2] : m
    if ($3 < min) { printf "%s below the floor: context %s %s (min %s)\n", n, $2, $3, min; bad = 1 }
  } END { exit bad }' "$work/$name.score"
  read -r precision f1 < <(awk '/^precision/ {print $2, $6}' "$work/$name.score")
  awk -v p="$precision" -v f="$f1" -v mp="$min_precision" -v mf="$min_f1" -v n="$name" 'BEGIN {
    if (p < mp || f < mf) {
      printf "%s below the floor: precision %s (min %s), f1 %s (min %s)\n", n, p, mp, f, mf
      exit 1
    }
  }'
}

check dev "$shared/corpus" 0.98 0.97 0.95
for set in "$source_dir"/data/eval/*/; do
  name=$(basename "$set")
  check "$name" "${set%/}" 0.92 0.92 0 "$(context_floors "$name")"
done
