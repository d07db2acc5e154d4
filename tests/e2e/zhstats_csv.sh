#!/usr/bin/env bash
# zhstats over a hand-written fact file: every table format against expected files, the
# summary on stderr, and bad input (stop with FILE:LINE and exit 2, or --skip-bad and exit 1).
set -euo pipefail
bin=${ZHREPORT_BIN:?}; here=$(cd "$(dirname "$0")" && pwd); expected=$here/expected/zhstats
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

check() {  # check EXPECTED_FILE ARGS...: stdout must equal the file byte for byte
  local want=$1; shift
  "$bin/zhstats" -q "$@" > "$tmp/got" || fail "zhstats $* exited $?"
  cmp -s "$tmp/got" "$expected/$want" || { diff "$expected/$want" "$tmp/got" >&2; fail "$want"; }
}
check by_metric.csv "$expected/facts.jsonl"
check by_region_year.csv --by region,year "$expected/facts.jsonl"
check by_year_metric_doc.csv --by year,metric,doc "$expected/facts.jsonl"
check by_metric_region.json --format json --by metric,region "$expected/facts.jsonl"
check by_doc.md --format markdown --by doc "$expected/facts.jsonl"
check by_metric.csv < "$expected/facts.jsonl"  # stdin

"$bin/zhstats" "$expected/facts.jsonl" 2> "$tmp/err" > /dev/null
grep -q '1 duplicate documents dropped (4 facts)' "$tmp/err" || fail "summary: $(cat "$tmp/err")"

# A malformed line stops the run, naming file and line.
{ head -3 "$expected/facts.jsonl"; echo '{"doc":"x","metric":"experts"'; } > "$tmp/bad.jsonl"
if "$bin/zhstats" "$tmp/bad.jsonl" > /dev/null 2> "$tmp/err"; then fail "bad line accepted"; fi
status=0; "$bin/zhstats" "$tmp/bad.jsonl" > /dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "bad line: exit $status, want 2"
grep -q "^zhstats: $tmp/bad.jsonl:4: not JSON" "$tmp/err" || fail "message: $(cat "$tmp/err")"

# --skip-bad: counted in the summary and in json, exit 1.
{ cat "$expected/facts.jsonl"; echo '{"doc":"x","metric":"experts","value":-'; } > "$tmp/skip.jsonl"
status=0; "$bin/zhstats" --skip-bad --format json "$tmp/skip.jsonl" > "$tmp/out.json" 2> "$tmp/err" || status=$?
[ "$status" = 1 ] || fail "--skip-bad: exit $status, want 1"
grep -q '"bad_lines_skipped":1' "$tmp/out.json" || fail "json summary lacks the skipped line"
grep -q '1 bad lines skipped' "$tmp/err" || fail "stderr summary lacks the skipped line"

# Many copies (distinct ids and hashes; broken.pdf keeps its id, so its 499 copies are
# duplicates too), several MiB: lines cross the reader's 1 MiB blocks.
awk '{ lines[NR] = $0 }
     END { for (k = 0; k < 500; k++) for (i = 1; i <= NR; i++) { line = lines[i]
             gsub(/\.txt"/, ".txt#" k "\"", line); gsub(/"content_hash":"[0-9a-f]+/, "&-" k, line)
             print line } }' "$expected/facts.jsonl" > "$tmp/many.jsonl"
[ "$(wc -c < "$tmp/many.jsonl")" -gt 2000000 ] || fail "many.jsonl is too small"
"$bin/zhstats" -q --format json "$tmp/many.jsonl" > "$tmp/many.json"
grep -q '"facts_read":8500,"documents_read":3000,"bad_lines_skipped":0,"duplicate_documents":999,"duplicate_facts":2000' "$tmp/many.json" \
  || fail "many copies: $(grep -o '"summary".*' "$tmp/many.json")"
grep -q '{"metric":"experts","facts":2000,"docs":2000,"sum":36000,"sum_exact":33500,' "$tmp/many.json" \
  || fail "many copies: $(head -c 300 "$tmp/many.json")"

# Usage errors exit 2.
status=0; "$bin/zhstats" --by province "$expected/facts.jsonl" > /dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "--by province: exit $status"
status=0; "$bin/zhstats" "$tmp/missing.jsonl" > /dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "missing file: exit $status"
echo "ok"
