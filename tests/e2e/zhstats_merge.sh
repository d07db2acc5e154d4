#!/usr/bin/env bash
# Mergeable statistics: the fact file split into 1, 2 and 5 shards (at document boundaries,
# round-robin), each shard through `zhstats --partial` in its own process (in parallel, the
# map-reduce shape), then `zhstats merge`: byte for byte the single run, for several groupings
# and formats, also after concatenating and line-sorting the states (Hadoop Streaming's
# shuffle). Then issue 13: cuts at ANY line (split -n l/3, random cuts, one document's record
# and facts in three shards), the states concatenated, shuffled and line-sorted: still byte for
# byte the single run. Then the same over `zhextract ../shared/corpus` when both are available.
set -euo pipefail
bin=${ZHREPORT_BIN:?}; here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# shard FILE N DIR: document runs (consecutive lines with one "doc") dealt round-robin.
shard() {
  awk -v n="$2" -v dir="$3" '
    match($0, /"doc":"([^"\\]|\\.)*"/) { id = substr($0, RSTART, RLENGTH) }
    id != last { run++; last = id }
    { print > (dir "/shard" (run % n) ".jsonl") }' "$1"
}

check_merge() {  # check_merge FACTS LABEL
  local facts=$1 label=$2
  for n in 1 2 5; do
    rm -rf "$tmp/s"; mkdir "$tmp/s"
    shard "$facts" "$n" "$tmp/s"
    local pids=()
    for f in "$tmp"/s/shard*.jsonl; do
      "$bin/zhstats" -q --partial -o "${f%.jsonl}.state" "$f" & pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || fail "$label: a --partial process failed"; done
    for args in "--by metric" "--by region,year" "--by doc,metric" "--by year --format json" \
                "--by region --format markdown"; do
      # shellcheck disable=SC2086
      "$bin/zhstats" -q $args "$facts" > "$tmp/single"
      # shellcheck disable=SC2086
      "$bin/zhstats" merge -q $args "$tmp"/s/*.state > "$tmp/merged"
      cmp -s "$tmp/single" "$tmp/merged" || { diff "$tmp/single" "$tmp/merged" >&2; fail "$label: $n shards, $args"; }
      # shellcheck disable=SC2086
      cat "$tmp"/s/*.state | LC_ALL=C sort | "$bin/zhstats" merge -q $args > "$tmp/sorted"
      cmp -s "$tmp/single" "$tmp/sorted" || fail "$label: $n shards line-sorted, $args"
    done
    # Merge order does not matter, and a merged state equals the single run's state.
    "$bin/zhstats" -q --partial "$facts" > "$tmp/single.state"
    # shellcheck disable=SC2046
    "$bin/zhstats" merge -q --partial $(ls "$tmp"/s/*.state | sort -r) > "$tmp/merged.state"
    cmp -s "$tmp/single.state" "$tmp/merged.state" || fail "$label: $n shards, merged state"
  done
  echo "ok: $label"
}

# check_cuts FACTS LABEL: line cuts anywhere; each part through --partial, then merged.
check_cuts() {
  local facts=$1 label=$2 lines trial
  lines=$(wc -l < "$facts")
  "$bin/zhstats" -q --partial "$facts" > "$tmp/single.state"
  for trial in split 1 2 3 4 5 6 three; do
    rm -rf "$tmp/c"; mkdir "$tmp/c"
    case $trial in
      split) (cd "$tmp/c" && split -n l/3 "$facts" part.) ;;
      three) # the first document's record and facts in three shards
        head -1 "$facts" > "$tmp/c/part.a"; sed -n 2p "$facts" > "$tmp/c/part.b"
        tail -n +3 "$facts" > "$tmp/c/part.c" ;;
      *) awk -v seed="$trial" -v n="$lines" -v dir="$tmp/c" '
           BEGIN { srand(seed); k = 2 + int(rand() * 4); for (i = 0; i < k; i++) cut[int(rand() * n) + 1] = 1 }
           { if (NR in cut) part++; print > (dir "/part." part) }' "$facts" ;;
    esac
    for f in "$tmp"/c/part.*; do "$bin/zhstats" -q --partial -o "$f.state" "$f"; done
    cat "$tmp"/c/*.state > "$tmp/all.state"
    for args in "--by metric,region" "--by metric,from,to" "--by year,doc --format json" \
                "--by to_province,region --format markdown"; do
      # shellcheck disable=SC2086
      "$bin/zhstats" -q $args "$facts" > "$tmp/single"
      # shellcheck disable=SC2086
      "$bin/zhstats" merge -q $args "$tmp"/c/*.state > "$tmp/merged"
      cmp -s "$tmp/single" "$tmp/merged" || { diff "$tmp/single" "$tmp/merged" >&2; fail "$label: cuts $trial, $args"; }
      # shellcheck disable=SC2086
      shuf "$tmp/all.state" | "$bin/zhstats" merge -q $args > "$tmp/shuffled"
      cmp -s "$tmp/single" "$tmp/shuffled" || fail "$label: cuts $trial shuffled, $args"
      # shellcheck disable=SC2086
      LC_ALL=C sort "$tmp/all.state" | "$bin/zhstats" merge -q $args > "$tmp/sorted"
      cmp -s "$tmp/single" "$tmp/sorted" || fail "$label: cuts $trial line-sorted, $args"
    done
    "$bin/zhstats" merge -q --partial "$tmp/all.state" > "$tmp/merged.state"
    cmp -s "$tmp/single.state" "$tmp/merged.state" || fail "$label: cuts $trial, merged state"
  done
  echo "ok: $label, line cuts"
}

check_merge "$here/expected/zhstats/facts.jsonl" fixture
cat "$here/expected/zhstats/facts.jsonl" "$here/expected/zhstats/programme.jsonl" > "$tmp/both.jsonl"
check_cuts "$tmp/both.jsonl" fixtures

corpus=${ZHREPORT_SHARED:-}/corpus
if [ -x "$bin/zhextract" ] && [ -d "$corpus" ]; then
  "$bin/zhextract" --docs "$corpus" > "$tmp/corpus.jsonl" 2> "$tmp/extract.err" || true
  if [ -s "$tmp/corpus.jsonl" ]; then
    check_merge "$tmp/corpus.jsonl" corpus
    check_cuts "$tmp/corpus.jsonl" corpus
  else
    echo "skipped corpus part: zhextract produced nothing ($(head -1 "$tmp/extract.err"))"
  fi
else
  echo "skipped corpus part: no zhextract or no ../shared/corpus"
fi

# A broken state is refused with the file and line named.
printf 'zhstats-state\t3\ndoc\tbroken\n' > "$tmp/broken.state"
status=0; "$bin/zhstats" merge "$tmp/broken.state" > /dev/null 2> "$tmp/err" || status=$?
[ "$status" = 2 ] || fail "broken state: exit $status"
grep -q "broken.state: line 2: malformed document line" "$tmp/err" || fail "$(cat "$tmp/err")"
echo "ok"
