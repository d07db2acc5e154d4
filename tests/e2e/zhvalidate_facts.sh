#!/usr/bin/env bash
# zhvalidate on fact files (JSONL and CSV) written here, with a Big5 source report for the
# quote check: every rule fires once, output compared with expected/zhvalidate/facts.txt.
set -euo pipefail
bin=${ZHREPORT_BIN:?}; here=$(cd "$(dirname "$0")" && pwd); expected=$here/expected/zhvalidate
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"

# The source: a Big5 report; the fact spans are byte offsets into it.
prefix='醫療隊在日喀則:'; span='派出36名專家'
{ printf '%s%s' "$prefix" "$span"; printf '。\n'; } | iconv -f utf-8 -t big5 > tw.txt
start=$(printf '%s' "$prefix" | iconv -f utf-8 -t big5 | wc -c)
end=$((start + $(printf '%s' "$span" | iconv -f utf-8 -t big5 | wc -c)))

fact() {  # fact METRIC VALUE EXTRA START END QUOTE
  printf '{"doc":"tw.txt","metric":"%s","value":%s%s,"qualifier":"exact","unit":"名","counted":"专家","start":%s,"end":%s,"quote":"%s"}\n' "$@"
}
{
  printf '{"type":"document","doc":"tw.txt","encoding":"big5","content_hash":"ab"}\n'
  fact experts 36 '' "$start" "$end" '派出36名专家'              # 2: clean
  fact experts 36 '' "$start" "$end" '派出36名医生'              # 3: quote differs
  fact doctors 36 '' "$start" "$end" '派出36名专家'              # 4: metric
  fact experts -1 '' "$start" "$end" '派出36名专家'              # 5: negative
  fact experts 36 ',"value_max":30' "$start" "$end" '派出36名专家'  # 6: value_max < value
  fact experts 36 '' "$end" "$start" '派出36名专家'              # 7: start >= end
  fact experts 36 '' 0 9999 '派出36名专家'                        # 8: past the end
  printf '{"doc":"tw.txt","metric":"experts","value":36}\n'        # 9: missing fields
  printf '{"doc":"tw.txt",\n'                                      # 10: not JSON
  printf '{"doc":"gone.txt","metric":"teams","value":3,"qualifier":"exact","unit":"批","counted":"医疗队","start":0,"end":4,"quote":"3批"}\n'
} > facts.jsonl
{
  echo 'doc,metric,value,value_max,qualifier,unit,counted,start,end,quote'
  echo "tw.txt,experts,36,,exact,名,专家,$start,$end,派出36名专家"
  echo "tw.txt,experts,36,,roughly,名,专家,$start,$end,\"派出36名"
  echo "专家\""
  echo "tw.txt,experts,many,,exact,名,专家,$start,$end,派出36名专家"
} > facts.csv

status=0
"$bin/zhvalidate" --root . facts.jsonl facts.csv > got.txt 2> err.txt || status=$?
[ "$status" = 1 ] || fail "exit $status, want 1 ($(cat err.txt))"
[ -z "${ZHREPORT_UPDATE_EXPECTED:-}" ] || cp got.txt "$expected/facts.txt"  # after review
cmp -s got.txt "$expected/facts.txt" || { diff "$expected/facts.txt" got.txt >&2; fail "output"; }
grep -q 'facts.jsonl: 8 facts, 8 errors, 0 warnings; quotes checked against 1 sources (1 not found)' err.txt \
  || fail "summary: $(cat err.txt)"

# JSONL output: one object per problem.
"$bin/zhvalidate" -q --format json facts.csv > got.json || true
[ "$(wc -l < got.json)" = 3 ] || fail "json lines: $(cat got.json)"  # 2 errors, the zhstats note
grep -q '^{"file":"facts.csv","line":3,"column":1,"severity":"error","message":"unknown qualifier' got.json \
  || fail "json: $(cat got.json)"

# Facts on stdin with --facts.
status=0; "$bin/zhvalidate" -q --facts < facts.jsonl > got.txt || status=$?
[ "$status" = 1 ] && grep -q '^(stdin):4:1: error: metric' got.txt || fail "stdin: $(cat got.txt)"

# A clean fact file exits 0; a missing one exits 2.
head -2 facts.jsonl > clean.jsonl
"$bin/zhvalidate" -q clean.jsonl > /dev/null || fail "clean file: exit $?"
status=0; "$bin/zhvalidate" missing.jsonl > /dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "missing file: exit $status"
echo ok
