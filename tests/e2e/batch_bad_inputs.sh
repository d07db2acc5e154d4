#!/usr/bin/env bash
# Bad inputs, generated here: each gets a clear stderr line and a manifest line, and the good
# documents of the same run are still processed. Inputs: truncated GB18030 and Big5, random
# bytes, an empty file, a 100 MB single line (made in /tmp, removed after), NUL bytes,
# overlong and surrogate UTF-8, a zip bomb, a tar with ../ and absolute names, a corrupt and
# a truncated gzip.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
in=$work/in
mkdir -p "$in"

python3 - "$in" <<'EOF'
import io, os, random, sys, tarfile, zipfile
d = sys.argv[1]
def write(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
text = "援藏医疗队共派出专家三十名，诊治患者一千余人次。\n" * 20
write("good.txt", text.encode())
gb = text.encode("gb18030")
write("truncated_gb18030.txt", gb[:-2])  # the newline gone, "。" cut in half
big5 = "醫療隊共派出專家三十名，診治患者一千餘人次。\n".encode("big5") * 10
write("truncated_big5.txt", big5[:-2])   # '。' cut in half, the newline gone
rng = random.Random(5)
write("random.bin", bytes(rng.randrange(256) for _ in range(4096)))
write("empty.txt", b"")
write("nul.txt", "专家三十名\x00患者".encode())
write("overlong.txt", b"\xc0\xaf\xe0\x80\xaf" + "专家三十名".encode())
write("surrogate.txt", b"\xed\xa0\x80\xed\xbf\xbf" + "专家三十名".encode())
# A zip bomb: 4 members of 30 MiB of zeros, 120 KiB compressed.
with zipfile.ZipFile(os.path.join(d, "bomb.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    for i in range(4):
        z.writestr(f"zeros{i}.txt", b"\0" * (30 << 20))
with tarfile.open(os.path.join(d, "escape.tar"), "w") as t:
    for name in ["../escape.txt", "/etc/absolute.txt", "ok/inside.txt"]:
        info = tarfile.TarInfo(name)
        info.size = len(text.encode())
        t.addfile(info, io.BytesIO(text.encode()))
buffer = io.BytesIO()
with tarfile.open(fileobj=buffer, mode="w:gz") as t:
    data = (text * 300).encode()
    info = tarfile.TarInfo("inside.txt")
    info.size = len(data)
    t.addfile(info, io.BytesIO(data))
write("truncated.tar.gz", buffer.getvalue()[: len(buffer.getvalue()) // 2])
write("corrupt.tar.gz", b"\x1f\x8b\x08\x00" + bytes(rng.randrange(256) for _ in range(200)))
EOF
# 100 MB on one line, no newline: over the 64 MiB default limit.
head -c 100000000 /dev/zero | tr '\0' 'a' > "$in/long_line.txt"

status=0
"$bin/zhextract" --quiet --manifest "$work/manifest.tsv" -j 2 "$in" \
  > "$work/facts.jsonl" 2> "$work/stderr" || status=$?
rm -f "$in/long_line.txt"

fail() {
  echo "FAIL: $*"
  echo "--- manifest"; cat "$work/manifest.tsv"
  echo "--- stderr"; cat "$work/stderr"
  exit 1
}
[ "$status" -eq 1 ] || fail "exit code $status, expected 1 (problems in the data)"

# manifest_field ID COLUMN: a column (2 status, 3 reason, 5 facts) of the line for ID.
manifest_field() { awk -F'\t' -v id="$in/$1" -v c="$2" '$1 == id { print $c }' "$work/manifest.tsv"; }
expect() {  # ID STATUS REASON-SUBSTRING
  local status reason
  status=$(manifest_field "$1" 2)
  reason=$(manifest_field "$1" 3)
  [ "$status" = "$2" ] || fail "$1: status '$status', expected '$2'"
  [[ "$reason" == *"$3"* ]] || fail "$1: reason '$reason' lacks '$3'"
  if [ "$2" != ok ] || [ -n "$3" ]; then
    grep -qF "zhextract: $in/$1: " "$work/stderr" || fail "$1: no stderr line"
  fi
}
expect good.txt ok ""
expect escape.tar!ok/inside.txt ok ""
expect truncated_gb18030.txt ok "invalid byte"
expect truncated_big5.txt ok "invalid byte"
expect overlong.txt ok "invalid byte"
expect surrogate.txt ok "invalid byte"
expect empty.txt ok "empty document"
expect nul.txt failed "binary"
expect random.bin failed ""
expect long_line.txt skipped "over the limit"
expect "escape.tar!../escape.txt" skipped "unsafe member path"
expect "escape.tar!/etc/absolute.txt" skipped "unsafe member path"
expect truncated.tar.gz!inside.txt failed "corrupt archive"
expect corrupt.tar.gz failed "corrupt archive"
grep -q "bomb.zip!.*	skipped	.*zip bomb" "$work/manifest.tsv" || fail "zip bomb not stopped"

# The good documents were processed.
[ "$(manifest_field good.txt 5)" -gt 0 ] || fail "no facts from good.txt"
grep -qF "\"doc\":\"$in/good.txt\"" "$work/facts.jsonl" || fail "good.txt facts missing"
grep -qF "\"doc\":\"$in/escape.tar!ok/inside.txt\"" "$work/facts.jsonl" || fail "member facts missing"

# The summary counts add up to the lines.
lines=$(grep -vc '^#' "$work/manifest.tsv")
read -r total ok skipped failed < <(sed -n 's/^# \([0-9]*\) documents: \([0-9]*\) ok, \([0-9]*\) skipped, \([0-9]*\) failed$/\1 \2 \3 \4/p' "$work/manifest.tsv")
[ "$((lines - 1))" -eq "$total" ] || fail "summary total $total, manifest has $((lines - 1)) lines"
[ "$((ok + skipped + failed))" -eq "$total" ] || fail "summary counts do not add up"
echo "ok: $total documents ($ok ok, $skipped skipped, $failed failed)"
