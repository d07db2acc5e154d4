#!/usr/bin/env bash
# zhextract's command line: stdin, directories, CSV, --docs, --metrics, and a document that
# cannot be decoded (reported, recorded, the run goes on, exit 1).
set -euo pipefail
bin=${ZHREPORT_BIN:?}/zhextract
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$work/in/sub"
printf '援疆工作总结\n共派出12名专家,开展手术300台次,培训医生2000人次。\n' > "$work/in/a.txt"
printf '醫療隊診治患者約5000人次。\n' > "$work/in/sub/b.txt"

# stdin
out=$(printf '派驻3名挂职副院长和17名专家。\n' | "$bin")
[ "$(grep -c '"metric":"experts"' <<<"$out")" = 2 ] || fail "stdin: $out"
grep -q '"doc":"-"' <<<"$out" || fail "stdin doc id: $out"

# a directory, recursively, in path order; --docs adds one record per document
out=$("$bin" --quiet --docs "$work/in")
[ "$(grep -c '"type":"document"' <<<"$out")" = 2 ] || fail "--docs: $out"
grep -q '"title":"援疆工作总结"' <<<"$out" || fail "title: $out"
grep -q '"metric":"patients","value":5000,"qualifier":"about"' <<<"$out" || fail "traditional: $out"

# --metrics filters; an unknown metric is a usage error
out=$("$bin" --quiet --metrics surgeries,training_attendances "$work/in/a.txt")
[ "$(wc -l <<<"$out")" = 2 ] || fail "--metrics: $out"
if "$bin" --metrics surgery "$work/in/a.txt" 2>"$work/err"; then fail "unknown metric accepted"; else
  [ $? = 2 ] || fail "unknown metric: exit code"
fi
grep -q "unknown metric 'surgery'" "$work/err" || fail "unknown metric message: $(cat "$work/err")"

# CSV: RFC 4180 with a header row
out=$("$bin" --quiet --format csv "$work/in/a.txt")
head -1 <<<"$out" | grep -q '^doc,metric,value' || fail "csv header: $out"
[ "$(wc -l <<<"$out")" = 4 ] || fail "csv rows: $out"

# table: a header and one aligned row per fact, for people
out=$("$bin" --quiet --format table "$work/in/a.txt")
head -1 <<<"$out" | grep -q '^doc .*metric .*quote$' || fail "table header: $out"
grep -q 'surgeries .* 300 exact .*手术300台次$' <<<"$out" || fail "table row: $out"

# an undecodable (binary) document: stderr line naming it, a record with its error, exit 1
printf 'abc\0def' > "$work/in/binary.txt"
set +e
"$bin" --quiet "$work/in/binary.txt" "$work/in/a.txt" > "$work/out" 2> "$work/err"
code=$?
set -e
[ "$code" = 1 ] || fail "binary input: exit $code"
grep -q 'binary.txt' "$work/err" || fail "binary input not reported: $(cat "$work/err")"
grep -q '"error":' "$work/out" || fail "no error record: $(cat "$work/out")"
grep -q '"metric":"surgeries"' "$work/out" || fail "run did not go on: $(cat "$work/out")"
# a missing file: reported, recorded, the run goes on, but exit 2 (an I/O error, as in every
# tool: issue 15)
set +e
"$bin" --quiet "$work/in/missing.txt" "$work/in/a.txt" > "$work/out" 2> "$work/err"
code=$?
set -e
[ "$code" = 2 ] || fail "missing input: exit $code"
grep -q 'missing.txt' "$work/err" || fail "missing input not reported: $(cat "$work/err")"
grep -q '"doc":"[^"]*missing.txt".*"error":' "$work/out" || fail "no error record: $(cat "$work/out")"
grep -q '"metric":"surgeries"' "$work/out" || fail "run did not go on: $(cat "$work/out")"
echo "ok"
