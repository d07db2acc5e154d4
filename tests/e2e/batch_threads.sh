#!/usr/bin/env bash
# -j 1, 2 and 3 give byte-identical output, manifest, stderr and exit code over a mixed set where
# the read-ahead window matters: small reports, a 9 MB report (more than the 8 MiB window on
# its own), a 13 MB one skipped by --max-doc-bytes, random bytes, an empty file, in a directory
# and in a .tar.gz, for zhextract (facts and document records) and zhconv.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
source_dir=${ZHREPORT_SOURCE:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/dir" "$work/tar"
samples=("$source_dir"/data/samples/*.txt)
i=0
slot() {  # slot NAME: $path becomes the next document's, alternately in dir/ and the archive
  i=$((i + 1))
  path=$work/$([ $((i % 2)) -eq 0 ] && echo dir || echo tar)/$(printf %03d "$i")_$1
}
for round in $(seq 1 25); do
  for sample in "${samples[@]}"; do
    slot "$(basename "$sample")"
    { echo "Round ${round}"; cat "$sample"; } > "$path"
  done
  case $round in
    5)
      slot big.txt
      python3 - "${samples[0]}" > "$path" <<'PY'
import sys
text = open(sys.argv[1], "rb").read()
sys.stdout.buffer.write(text * (9000000 // len(text) + 1))
PY
      ;;
    10)
      slot oversize.txt
      head -c 13000000 /dev/zero | tr '\0' 'a' > "$path"
      ;;
    15)
      slot random.bin
      python3 -c 'import random, sys; r = random.Random(3)
sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(5000)))' > "$path"
      ;;
    20)
      slot empty.txt
      : > "$path"
      ;;
  esac
done
tar czf "$work/reports.tar.gz" -C "$work/tar" .

fail() {
  echo "FAIL: $*"
  exit 1
}
run() {  # run TOOL ARGS...: each -j N into $work/TOOL_N.{out,manifest,err,status}
  local tool=$1 jobs part status
  shift
  for jobs in 1 2 3; do
    status=0
    "$bin/$tool" --quiet --max-doc-bytes 12000000 -j "$jobs" \
      --manifest "$work/${tool}_$jobs.manifest" "$@" "$work/dir" "$work/reports.tar.gz" \
      > "$work/${tool}_$jobs.out" 2> "$work/${tool}_$jobs.err" || status=$?
    echo "$status" > "$work/${tool}_$jobs.status"
  done
  for jobs in 2 3; do
    for part in out manifest err status; do
      cmp "$work/${tool}_1.$part" "$work/${tool}_$jobs.$part" ||
        fail "$tool -j $jobs: $part differs from -j 1"
    done
  done
}
run zhextract --docs
run zhconv

# The mix did what it is for: every document accounted for, the big one processed, the
# oversize one skipped.
manifest=$work/zhextract_1.manifest
lines=$(grep -vc '^#\|^id' "$manifest")
[ "$lines" -eq "$i" ] || fail "$lines manifest lines for $i documents"
awk -F'\t' '$1 ~ /big.txt$/ && $2 == "ok" && $4 > 9000000 { found = 1 } END { exit !found }' \
  "$manifest" || fail "the 9 MB report is not ok in the manifest"
awk -F'\t' '$1 ~ /oversize.txt$/ && $2 == "skipped" { found = 1 } END { exit !found }' \
  "$manifest" || fail "the oversize document is not skipped in the manifest"
[ "$(stat -c %s "$work/zhconv_1.out")" -gt 9000000 ] || fail "zhconv left out the 9 MB report"
echo "ok: $i documents, identical output, manifest and stderr with -j 1, 2 and 3"
