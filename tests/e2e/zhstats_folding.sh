#!/usr/bin/env bash
# Issue 12, a user's check: an archive of reports of one programme (上海市 → 日喀则市) written in
# successive years restates the running total of experts (240 twice in one report, 262, 286,
# 310) and gives yearly surgeries (2019年度 35, 2020年度 40); one report is archived twice.
# zhstats --by metric,from,to must give the latest running total, not the sum, and add the
# yearly figures; the JSON summary says how many facts were folded and lack a to or a year;
# --excel writes a byte-order mark and CRLF.
set -euo pipefail
bin=${ZHREPORT_BIN:?}; here=$(cd "$(dirname "$0")" && pwd); facts=$here/expected/zhstats/programme.jsonl
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin/zhstats" -q --by metric,from,to "$facts" > "$tmp/table.csv"
grep -qx 'experts,上海市,日喀则市,1,1,310,310,0,310,310,4' "$tmp/table.csv" \
  || fail "running total: $(grep experts "$tmp/table.csv")"
grep -qx 'surgeries,上海市,日喀则市,2,2,75,75,0,35,40,0' "$tmp/table.csv" \
  || fail "yearly figures: $(grep surgeries "$tmp/table.csv")"
# What a new user would have got by adding every experts fact of the programme.
naive=$(grep '"from":"上海市"' "$facts" | grep '"metric":"experts"' | grep -o '"value":[0-9]*' | awk -F: '{ s += $2 } END { print s }')
[ "$naive" = 1648 ] || fail "the fixture changed: naive sum $naive"

"$bin/zhstats" -q --by metric,year "$facts" > "$tmp/years.csv"
grep -qx 'surgeries,2019,1,1,35,35,0,35,35,0' "$tmp/years.csv" || fail "year of until: $(cat "$tmp/years.csv")"
grep -qx 'experts,2023,2,2,430,430,0,120,310,4' "$tmp/years.csv" || fail "year of the kept fact: $(cat "$tmp/years.csv")"

"$bin/zhstats" -q --by to_province,metric --format json "$facts" > "$tmp/table.json"
python3 - "$tmp/table.json" <<'PY' || fail "json: $(cat "$tmp/table.json")"
import json, sys
t = json.load(open(sys.argv[1]))
s = t["summary"]
assert t["by"] == ["to_province", "metric"], t["by"]
assert {"to_province": "西藏自治区", "metric": "experts", "facts": 1, "docs": 1, "sum": 310,
        "sum_exact": 310, "approx_facts": 0, "min": 310, "max": 310, "folded": 4} in t["rows"]
assert t["totals"]["facts"] == 6 and t["totals"]["folded"] == 4 and t["totals"]["sum"] == 7005
assert (s["folded_facts"], s["facts_without_to"], s["facts_without_year"]) == (4, 1, 0), s
assert (s["duplicate_documents"], s["duplicate_facts"]) == (1, 2), s
assert s["facts_read"] == s["facts"] + s["folded_facts"] + s["duplicate_facts"], s
PY
"$bin/zhstats" --by metric "$facts" 2>&1 > /dev/null | grep -q '1 without a to, 0 without a year), 4 folded' \
  || fail "stderr summary"

# zhvalidate notes the same counts.
"$bin/zhvalidate" -q "$facts" > "$tmp/validate.txt" || fail "zhvalidate: exit $?"
grep -q 'note: zhstats would count 6 of 12 facts (4 folded as restatements, 2 duplicates); of those counted, 1 have no to and 0 no year' \
  "$tmp/validate.txt" || fail "zhvalidate note: $(cat "$tmp/validate.txt")"

# Excel: BOM, CRLF on every line, same cells.
"$bin/zhstats" -q --excel --by metric,from,to "$facts" > "$tmp/excel.csv"
[ "$(head -c 3 "$tmp/excel.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no byte-order mark"
[ "$(grep -c $'\r$' "$tmp/excel.csv")" = "$(wc -l < "$tmp/excel.csv")" ] || fail "not CRLF"
tail -c +4 "$tmp/excel.csv" | tr -d '\r' | cmp -s - "$tmp/table.csv" || fail "excel cells differ"
status=0; "$bin/zhstats" -q --excel --format json "$facts" > /dev/null 2>&1 || status=$?
[ "$status" = 2 ] || fail "--excel with json: exit $status"
"$bin/zhstats" --help | grep -q -- '--excel' || fail "--excel not in --help"
echo "ok"
