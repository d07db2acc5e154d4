#!/usr/bin/env bash
# -j N changes nothing but speed: zhextract over a directory and a .tar.gz of generated reports
# writes the same facts, document records and manifest with 1, 2 and 4 worker threads.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
source_dir=${ZHREPORT_SOURCE:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/dir" "$work/tar"
i=0
for round in 1 2 3 4 5 6; do
  for sample in "$source_dir"/data/samples/*.txt; do
    i=$((i + 1))
    # Vary each copy a little so documents differ: a numbered ASCII line fits every encoding.
    { echo "Round ${round}, report ${i}"; cat "$sample"; } > "$work/$([ $((i % 2)) -eq 0 ] && echo dir || echo tar)/report_$i.txt"
  done
done
tar czf "$work/reports.tar.gz" -C "$work/tar" .
for jobs in 1 2 4; do
  "$bin/zhextract" --quiet --docs -j "$jobs" --manifest "$work/manifest_$jobs.tsv" \
    "$work/dir" "$work/reports.tar.gz" > "$work/out_$jobs.jsonl"
done
for jobs in 2 4; do
  cmp "$work/out_1.jsonl" "$work/out_$jobs.jsonl" || { echo "FAIL: -j $jobs output differs"; exit 1; }
  cmp "$work/manifest_1.tsv" "$work/manifest_$jobs.tsv" || { echo "FAIL: -j $jobs manifest differs"; exit 1; }
done
documents=$(grep -c '"type":"document"' "$work/out_1.jsonl")
[ "$documents" -eq "$i" ] || { echo "FAIL: $documents document records for $i reports"; exit 1; }
echo "ok: $i documents, identical output with -j 1, 2 and 4"
