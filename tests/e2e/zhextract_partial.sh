#!/usr/bin/env bash
# zhextract --partial (what zhreport-dask runs on its workers): each document's zhstats state
# instead of its facts. Over the samples, the HTML pages, an archive holding a report twice and
# bad inputs (binary, empty, a missing file), with -j 1 and -j 2: merged, the state is byte for
# byte that of `zhextract --docs | zhstats --partial`, the tables of every grouping are those of
# `zhstats` over the facts, and the exit code and messages are zhextract's. The state merges
# with states made the other way, and --metrics keeps its meaning. Then ../shared/corpus when
# present. Usage errors: --partial with --format csv, with --resume.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
source_dir=${ZHREPORT_SOURCE:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/in"
cp "$source_dir"/data/samples/*.txt "$work/in/"
cp -r "$source_dir/tests/pages" "$work/in/pages"
python3 - "$work/in" "$source_dir"/data/samples/01_aksu_simplified.txt << 'EOF'
import io, os, sys, tarfile
d, sample = sys.argv[1], open(sys.argv[2], "rb").read()
with tarfile.open(os.path.join(d, "twice.tar.gz"), "w:gz") as tar:
    for name in ("a/copy1.txt", "b/copy2.txt"):  # one report archived twice: counted once
        member = tarfile.TarInfo(name)
        member.size = len(sample)
        tar.addfile(member, io.BytesIO(sample))
open(os.path.join(d, "binary.bin"), "wb").write(bytes(range(256)) * 16)
open(os.path.join(d, "empty.txt"), "wb").close()
EOF
inputs=("$work/in" "$work/missing.txt")

check() {  # check LABEL ZHEXTRACT-ARGS...
  local label=$1 status_facts=0 status_state=0 by
  shift
  "$bin/zhextract" -q --docs "$@" "${inputs[@]}" > "$work/facts.jsonl" \
    2> "$work/facts.err" || status_facts=$?
  "$bin/zhextract" -q --partial "$@" "${inputs[@]}" > "$work/doc.state" \
    2> "$work/state.err" || status_state=$?
  ((status_facts == status_state)) || fail "$label: exit $status_state, not $status_facts"
  cmp -s "$work/facts.err" "$work/state.err" || fail "$label: other messages"
  "$bin/zhstats" -q --partial "$work/facts.jsonl" > "$work/reference.state"
  "$bin/zhstats" merge -q --partial "$work/doc.state" | cmp -s - "$work/reference.state" ||
    fail "$label: the merged state differs from zhstats --partial's"
  for by in metric "metric,region,year" "doc,metric" "to,from_province" "year --format json"; do
    # shellcheck disable=SC2086
    "$bin/zhstats" -q --by $by "$work/facts.jsonl" > "$work/single"
    # shellcheck disable=SC2086
    "$bin/zhstats" merge -q --by $by "$work/doc.state" > "$work/merged"
    cmp -s "$work/single" "$work/merged" || { diff "$work/single" "$work/merged" >&2; fail "$label: --by $by"; }
  done
  echo "ok: $label (exit $status_state)"
}

check "-j 1" -j 1
check "-j 2" -j 2
check "--metrics experts,patients" -j 2 --metrics experts,patients
[ -s "$work/state.err" ] || fail "no messages for the bad inputs"

# Mixed with a state made the other way (half the inputs each way): one table.
"$bin/zhextract" -q --partial "$work/in/pages" > "$work/a.state" 2> /dev/null || true
"$bin/zhextract" -q --docs "$work/in/twice.tar.gz" "$work/in"/0*.txt 2> /dev/null |
  "$bin/zhstats" -q --partial > "$work/b.state"
"$bin/zhextract" -q --docs "$work/in/pages" "$work/in/twice.tar.gz" "$work/in"/0*.txt \
  2> /dev/null | "$bin/zhstats" -q --by metric,region > "$work/single" || true
"$bin/zhstats" merge -q --by metric,region "$work/a.state" "$work/b.state" > "$work/merged"
cmp -s "$work/single" "$work/merged" || fail "a --partial state and a zhstats one do not merge"
echo "ok: merges with zhstats --partial states"

corpus=${ZHREPORT_SHARED:-}/corpus
if [ -d "$corpus" ]; then
  inputs=("$corpus")
  check "../shared/corpus" -j 2
else
  echo "skipped corpus part: no ../shared/corpus"
fi

for args in "--format csv" "--resume -o $work/out.state"; do
  status=0
  # shellcheck disable=SC2086
  "$bin/zhextract" --partial $args "$work/in" > /dev/null 2> "$work/err" || status=$?
  ((status == 2)) || fail "--partial $args: exit $status, not 2"
  grep -q -- "--partial" "$work/err" || fail "--partial $args: $(cat "$work/err")"
done
echo "ok: --partial refused with --format csv and with --resume"
