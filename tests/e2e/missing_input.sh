#!/usr/bin/env bash
# One behaviour across the tools (issue 15): a missing input file is an I/O error, reported as
# "TOOL: PATH: no such file or directory" on stderr, exit 2, whatever the tool; and every tool
# answers --version with its name, the project version and the OpenCC dictionaries.
set -uo pipefail
bin=${ZHREPORT_BIN:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/check.bash"

missing=$work/missing.txt
printf '援藏医疗队共派出专家三十名。\n' > "$work/good.txt"
# tool, then its arguments around the missing file.
while IFS='|' read -r tool args; do
  # shellcheck disable=SC2086
  "$bin/$tool" $args "$missing" > "$work/out" 2> "$work/err"
  code=$?
  [ "$code" = 2 ] || fail "$tool $args: missing input exits $code, expected 2"
  grep -qxF "$tool: $missing: no such file or directory" "$work/err" \
    || fail "$tool $args: stderr: $(cat "$work/err")"
done <<EOF_CASES
zhconv|
zhextract|--quiet
zhvalidate|--quiet
zhvalidate|--quiet --facts
zhstats|
zhstats|merge
EOF_CASES

# The batch tools still process the other inputs; zhextract still records the missing one.
out=$("$bin/zhconv" "$missing" "$work/good.txt" 2> /dev/null)
[ "$out" = "援藏医疗队共派出专家三十名。" ] || fail "zhconv did not go on: $out"
out=$("$bin/zhextract" --quiet "$missing" "$work/good.txt" 2> /dev/null)
grep -q '"doc":"[^"]*missing.txt".*"error":' <<<"$out" || fail "zhextract: no error record"
grep -q '"metric":"experts"' <<<"$out" || fail "zhextract did not go on: $out"

version=$(sed -n 's/^project(zhreport VERSION \([0-9.]*\).*/\1/p' "${ZHREPORT_SOURCE:?}/CMakeLists.txt")
for tool in zhconv zhextract zhvalidate zhstats; do
  out=$("$bin/$tool" --version)
  code=$?
  [ "$code" = 0 ] || fail "$tool --version exits $code"
  [ "$(head -1 <<<"$out")" = "$tool (zhreport) $version" ] || fail "$tool --version: $out"
  grep -q '^OpenCC dictionaries [0-9]' <<<"$out" || fail "$tool --version: no dictionaries: $out"
  if git -C "$ZHREPORT_SOURCE" rev-parse --git-dir > /dev/null 2>&1; then
    grep -Eq '^git revision [0-9a-f]{12}' <<<"$out" || fail "$tool --version: no revision: $out"
  fi
done
[ "$failures" = 0 ] && echo ok
exit $((failures > 0))
