#!/usr/bin/env bash
# zhextract --resume (issue 13): a run over an archive is killed with SIGKILL at random moments
# and resumed by the same command until it completes; the output and the manifest are then
# byte-identical to an uninterrupted run's, with -j 1 and -j 2, in JSONL and CSV. After each
# kill a file with the final name is a complete one (else only OUT.part / M.part exist), and
# with -j 1 the journal trails the manifest by at most the one document in flight. Also: a finished run resumed is a
# no-op, a journal of another command is refused, a missing input still completes the run,
# --resume needs -o.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
source_dir=${ZHREPORT_SOURCE:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# ~1600 reports: the samples, each copy with a numbered first line (ASCII fits every encoding).
mkdir "$work/src"
i=0
for round in $(seq 1 400); do
  for sample in "$source_dir"/data/samples/*.txt; do
    i=$((i + 1))
    { echo "Round ${round}, report ${i}"; cat "$sample"; } > "$work/src/report_$i.txt"
  done
done
tar czf "$work/reports.tar.gz" -C "$work/src" .
rm -rf "$work/src"
input=$work/reports.tar.gz

kills_total=0
check() {  # check LABEL ARGS...: kill-and-resume until complete, compare with one plain run
  local label=$1 start end duration kills=0 rounds=0 status
  shift
  local out=$work/out m=$work/m.tsv
  "$bin/zhextract" -q "$@" --manifest "$work/ref.tsv" -o "$work/ref" "$input" || true
  rm -f "$out" "$m" "$out".* "$m".*
  start=$(date +%s%N)
  "$bin/zhextract" -q "$@" --manifest "$work/whole.tsv" -o "$work/whole" --resume "$input" || true
  end=$(date +%s%N)
  cmp -s "$work/ref" "$work/whole" || fail "$label: --resume run differs from a plain one"
  cmp -s "$work/ref.tsv" "$work/whole.tsv" || fail "$label: --resume manifest differs"
  duration=$(((end - start) / 1000000))  # ms
  while :; do
    rounds=$((rounds + 1))
    "$bin/zhextract" -q "$@" --manifest "$m" -o "$out" --resume "$input" &
    local pid=$!
    # Anywhere in the run, start-up included; after 8 kills the run may finish (bounded time
    # on a loaded machine, where a resumed run can take longer than the whole one measured).
    sleep "$(awk -v r="$RANDOM" -v d="$duration" 'BEGIN {printf "%.3f", r / 32768 * d * 0.7 / 1000}')"
    if ((kills < 8)) && kill -9 "$pid" 2> /dev/null; then
      status=0
      wait "$pid" || status=$?
      if ((status == 137)); then
        kills=$((kills + 1))
        # A file with the final name is a complete one (the kill may land after the renames).
        if [[ -e $out || -e $m ]]; then
          cmp -s "$work/ref" "$out" && cmp -s "$work/ref.tsv" "$m" ||
            fail "$label: a killed run left an incomplete file with the final name"
        fi
        if [[ $label == *"-j 1"* && -s $m.part && -s $out.journal ]]; then
          local lines docs
          lines=$(($(wc -l < "$m.part") - 1))
          docs=$(awk -F '\t' '$1 == "C" {d = $2} END {print d + 0}' "$out.journal")
          ((lines - docs <= 1)) || fail "$label: journal $docs documents behind manifest $lines"
        fi
        continue
      fi
    else
      wait "$pid" || true
    fi
    [[ -e $out ]] && break
  done
  cmp "$work/ref" "$out" || fail "$label: resumed output differs after $kills kills"
  cmp "$work/ref.tsv" "$m" || fail "$label: resumed manifest differs after $kills kills"
  [[ ! -e $out.part && ! -e $m.part ]] || fail "$label: .part files left behind"
  echo "ok: $label: identical after $kills kills in $rounds rounds (a whole run: ${duration} ms)"
  kills_total=$((kills_total + kills))
}

check "jsonl -j 1" --docs -j 1
check "jsonl -j 2" --docs -j 2
check "csv -j 2" --format csv -j 2
((kills_total >= 5)) || fail "only $kills_total runs were killed mid-way"

# A finished run resumed does nothing and keeps its exit code; the files stay as they are.
before=$(md5sum < "$work/out")
"$bin/zhextract" -q --format csv -j 2 --manifest "$work/m.tsv" -o "$work/out" --resume "$input" \
  || fail "resuming a finished run failed"
[[ $(md5sum < "$work/out") == "$before" ]] || fail "resuming a finished run changed the output"

# Another command (other flags) does not resume an unfinished journal; after a finished one it
# starts over.
rm -f "$work/out"* "$work/m.tsv"*
"$bin/zhextract" -q -j 1 --docs --manifest "$work/m.tsv" -o "$work/out" --resume "$input" &
pid=$!
# killed once its journal exists (a slow start, as under ASan on a busy machine, left none to
# refuse after a fixed 0.1 s)
for _ in $(seq 200); do
  [[ -s $work/out.journal ]] && break
  kill -0 "$pid" 2> /dev/null || break
  sleep 0.05
done
kill -9 "$pid" 2> /dev/null || true
wait "$pid" 2> /dev/null || true
if [[ ! -e $work/out && -e $work/out.journal ]]; then
  status=0
  "$bin/zhextract" -q --manifest "$work/m.tsv" -o "$work/out" --resume "$input" \
    2> "$work/err" || status=$?
  ((status == 2)) || fail "a journal of another command: exit $status, expected 2"
  grep -q "journal of another command" "$work/err" || fail "no message for a foreign journal"
fi
"$bin/zhextract" -q -j 2 --docs --manifest "$work/m.tsv" -o "$work/out" --resume "$input" || true
"$bin/zhextract" -q -j 2 --manifest "$work/m.tsv" -o "$work/out" --resume "$input" || true
"$bin/zhextract" -q -j 2 --manifest "$work/ref.tsv" -o "$work/ref" "$input" || true
cmp -s "$work/ref" "$work/out" || fail "a new command after a finished run did not start over"

# An unreadable input is a record and a message, not a broken run: the files get their final
# names and the exit code is a plain run's.
rm -f "$work/out"* "$work/m.tsv"*
plain=0
"$bin/zhextract" -q --docs -o "$work/ref" --manifest "$work/ref.tsv" "$input" "$work/missing" \
  2> /dev/null || plain=$?
status=0
"$bin/zhextract" -q --docs -o "$work/out" --manifest "$work/m.tsv" --resume "$input" \
  "$work/missing" 2> /dev/null || status=$?
((status == plain && plain != 0)) || fail "a missing input: exit $status, a plain run $plain"
cmp -s "$work/ref" "$work/out" && cmp -s "$work/ref.tsv" "$work/m.tsv" ||
  fail "a run with a missing input did not complete under its final names"

status=0
"$bin/zhextract" -q --resume "$input" > /dev/null 2>&1 || status=$?
((status == 2)) || fail "--resume without -o: exit $status, expected 2"
echo "ok: zhextract --resume"
