#!/usr/bin/env bash
# zhextract --range FROM:TO (how zhreport-dask cuts a big archive into tasks): ranges that cut
# the inputs' bytes anywhere, run one after the other, give together exactly one whole run:
# the facts and document records (their order too), the manifest lines and the messages, and
# merged, the --partial state. Over an archive of reports of varied sizes with a bad member, a
# directory and an uncompressed archive; cuts at random offsets (some inside a document, some on
# its first byte, empty ranges, one past the end). Usage errors: a malformed range, FROM > TO,
# --range with --resume.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
source_dir=${ZHREPORT_SOURCE:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/in/dir"
cp "$source_dir"/data/samples/*.txt "$work/in/dir/"
# Reports of varied sizes (a sample and a numbered line, repeated 1 to 4 times) and one
# binary member, in two archives; the byte offsets of the documents, as --range counts them.
python3 - "$work/in" "$work/offsets" "$source_dir"/data/samples/*.txt << 'EOF'
import io, os, random, sys, tarfile
out, offsets_path, samples = sys.argv[1], sys.argv[2], [open(p, "rb").read() for p in sys.argv[3:]]
rng, i, offsets, at = random.Random(13), 0, [], 0
for name in ("a.tar.gz", "dir", "b.tar"):
    if name == "dir":  # its files, in zhextract's order
        for f in sorted(os.listdir(f"{out}/dir")):
            offsets.append(at)
            at += os.path.getsize(f"{out}/dir/{f}")
        continue
    with tarfile.open(f"{out}/{name}", "w:gz" if name.endswith(".gz") else "w") as tar:
        for _ in range(40):
            i += 1
            data = (f"第{i}篇\n".encode() + rng.choice(samples)) * rng.randint(1, 4)
            if i == 7:
                data = bytes(range(256)) * 8
            member = tarfile.TarInfo(f"reports/r{i:03d}.txt")
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
            offsets.append(at)
            at += len(data)
print(*offsets, file=open(offsets_path, "w"))
print(at, file=open(offsets_path + ".end", "w"))
EOF
inputs=("$work/in/a.tar.gz" "$work/in/dir" "$work/in/b.tar")
read -r -a offsets < "$work/offsets"
end=$(cat "$work/offsets.end")

status_whole=0
"$bin/zhextract" -q --docs --manifest "$work/whole.tsv" "${inputs[@]}" > "$work/whole.jsonl" \
  2> "$work/whole.err" || status_whole=$?
"$bin/zhextract" -q --partial "${inputs[@]}" 2> /dev/null |
  "$bin/zhstats" merge -q --partial > "$work/whole.state" || true
[ -s "$work/whole.err" ] || fail "no message for the binary member"

# cuts LABEL OFFSET...: the ranges between the offsets (the first from 0, the last open), run
# with --docs and with --partial, compared with the whole run.
cuts() {
  local label=$1 from=0 to status worst=0 k=0
  shift
  : > "$work/ranged.jsonl"
  : > "$work/ranged.tsv"
  : > "$work/ranged.err"
  : > "$work/ranged.state"
  for to in "$@" ""; do
    k=$((k + 1))
    status=0
    "$bin/zhextract" -q --docs --range "$from:$to" --manifest "$work/part.tsv" -j 2 \
      "${inputs[@]}" >> "$work/ranged.jsonl" 2>> "$work/ranged.err" || status=$?
    cat "$work/part.tsv" >> "$work/ranged.tsv"
    ((status > worst)) && worst=$status
    "$bin/zhextract" -q --partial --range "$from:$to" "${inputs[@]}" \
      >> "$work/ranged.state" 2> /dev/null || true
    from=$to
  done
  cmp -s "$work/whole.jsonl" "$work/ranged.jsonl" || fail "$label: the facts differ"
  cmp -s "$work/whole.err" "$work/ranged.err" || fail "$label: the messages differ"
  # Each range's manifest has its own header and summary: compare the document lines.
  cmp -s <(grep -v -e '^#' -e $'^id\tstatus' "$work/whole.tsv") \
    <(grep -v -e '^#' -e $'^id\tstatus' "$work/ranged.tsv") ||
    fail "$label: the manifest lines differ"
  ((worst == status_whole)) || fail "$label: worst exit $worst, the whole run $status_whole"
  "$bin/zhstats" merge -q --partial "$work/ranged.state" | cmp -s - "$work/whole.state" ||
    fail "$label: the merged state differs"
  echo "ok: $label ($k ranges)"
}

cuts "one range"
cuts "on a document's first byte" "${offsets[10]}" "${offsets[45]}"
cuts "inside documents" $((offsets[10] + 1)) $((offsets[45] - 1))
cuts "empty ranges and past the end" 0 "${offsets[3]}" "${offsets[3]}" $((end + 100))
for seed in 1 2 3 4 5; do
  mapfile -t random_cuts < <(python3 -c 'import random, sys
rng = random.Random(int(sys.argv[1]))
print(*sorted(rng.randrange(0, int(sys.argv[2])) for _ in range(rng.randint(1, 6))), sep="\n")' \
    "$seed" "$end")
  cuts "random cuts, seed $seed" "${random_cuts[@]}"
done

for args in "--range 5" "--range 5:3" "--range x:" "--range 1: --resume -o $work/out.jsonl"; do
  status=0
  # shellcheck disable=SC2086
  "$bin/zhextract" $args "$work/in/dir" > /dev/null 2> "$work/err" || status=$?
  ((status == 2)) || fail "$args: exit $status, not 2"
  grep -q -- "--range" "$work/err" || fail "$args: $(cat "$work/err")"
done
echo "ok: --range refused when malformed, backwards or with --resume"
