#!/usr/bin/env bash
# tools/opencc_derive: the dictionaries OpenCC's build derives (TWVariantsRev, HKVariantsRev,
# TSCharactersExt), on small dictionaries written here in OpenCC's text format.
set -uo pipefail
derive=${ZHREPORT_BIN:?}/../tools/zhreport_opencc_derive
[[ -x $derive ]] || { echo "no $derive: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/check.bash"

# Reverse: value → keys in file order, the preferred one first, sorted by key; comments and
# blank lines skipped.
printf '%s\n' '# a comment' '' '甲	乙' '# @reverse-prefer: 乙 丁' '丙	乙 戊' '丁	乙' '己	庚' > "$work/variants.txt"
"$derive" reverse "$work/variants.txt" "$work/reversed.txt"
check "reverse exit" 0 $?
check "reverse" "$(printf '%s\n' '乙	丁 甲 丙' '庚	己' '戊	丙')" "$(grep -v '^#' "$work/reversed.txt")"
check "generated-from line" "# generated from variants.txt by tools/opencc_derive reverse" \
  "$(head -1 "$work/reversed.txt")"

# A preference naming no mapping is an error, as in OpenCC's reverse.py.
printf '%s\n' '# @reverse-prefer: 乙 癸' '甲	乙' > "$work/bad.txt"
"$derive" reverse "$work/bad.txt" "$work/out.txt" 2> /dev/null
check "unmatched preference exit" 2 $?

# Tofu risk: the mapping after each "# @tofu-risk:" line, without the key as first value.
printf '%s\n' '甲	乙' '# @tofu-risk: rare' '丙	丙 丁' '戊	己' '# @tofu-risk: rare' '庚	辛' > "$work/chars.txt"
"$derive" tofu-risk "$work/chars.txt" "$work/ext.txt"
check "tofu-risk exit" 0 $?
check "tofu-risk" "$(printf '%s\n' '丙	丁' '庚	辛')" "$(grep -v '^#' "$work/ext.txt")"

exit $((failures > 0))
