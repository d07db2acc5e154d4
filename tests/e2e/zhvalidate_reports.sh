#!/usr/bin/env bash
# zhvalidate on report files written here: clean (GB18030), empty, binary, invalid UTF-8,
# literal U+FFFD, mojibake, a long line; output compared with expected/zhvalidate/reports.txt.
set -euo pipefail
bin=${ZHREPORT_BIN:?}; here=$(cd "$(dirname "$0")" && pwd); expected=$here/expected/zhvalidate
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp"; mkdir r

printf '援疆医疗队\n共派出36名专家,完成手术1200余台。\n' | iconv -f utf-8 -t gb18030 > r/1_clean_gb18030.txt
: > r/2_empty.txt
printf 'title\nab\0cd\n' > r/3_binary.txt
printf '第一行医疗队\n专家\377组\n\357\277\275丢失的字\n' > r/4_invalid.txt
# UTF-8 bytes read as GBK, written back as UTF-8: the classic mojibake.
printf '编者按:%s\n' "$(printf '医院派出专家组开展义诊活动' | iconv -c -f gb18030 -t utf-8 2>/dev/null)" > r/5_mojibake.txt
{ printf '长行:'; head -c 300 /dev/zero | tr '\0' 'x'; printf '\n'; } > r/6_long_line.txt

status=0
"$bin/zhvalidate" --max-line-bytes 200 r > got.txt 2> err.txt || status=$?
[ "$status" = 1 ] || fail "exit $status, want 1 ($(cat err.txt))"
[ -z "${ZHREPORT_UPDATE_EXPECTED:-}" ] || cp got.txt "$expected/reports.txt"  # after review
cmp -s got.txt "$expected/reports.txt" || { diff "$expected/reports.txt" got.txt >&2; fail "output"; }

"$bin/zhvalidate" -q r/1_clean_gb18030.txt > /dev/null || fail "clean report: exit $?"
"$bin/zhvalidate" -q --format json r/3_binary.txt > got.json || true
grep -q '^{"file":"r/3_binary.txt","line":2,"column":3,"severity":"error","message":"binary content' got.json \
  || fail "json: $(cat got.json)"
echo ok
