#!/usr/bin/env bash
# zhconv end to end: conversion, encodings, -o, and how each kind of bad input is reported
# (one line naming the file, the other inputs still converted, the right exit code).
set -uo pipefail
zhconv=${ZHREPORT_BIN:?}/zhconv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/check.bash"

traditional='援藏醫療隊為當地培訓了三百名醫生，藉此機會回覆了專家。'
simplified='援藏医疗队为当地培训了三百名医生，借此机会回复了专家。'
printf '%s\n' "$traditional" > "$work/good.txt"

# Plain conversion: file, stdin, "-", -o.
check file "$simplified" "$("$zhconv" "$work/good.txt")"
check stdin "$simplified" "$(printf '%s\n' "$traditional" | "$zhconv")"
check dash "$simplified" "$("$zhconv" - < "$work/good.txt")"
"$zhconv" -o "$work/out.txt" "$work/good.txt"
check "-o exit" 0 $?
check "-o content" "$simplified" "$(cat "$work/out.txt")"
check "no newline added" "$(printf '医生' | od -An -tx1)" "$(printf '醫生' | "$zhconv" | od -An -tx1)"
check "UTF-8 BOM kept, as opencc keeps it" "efbbbfe58cbbe7949f" \
  "$(printf '\xef\xbb\xbf醫生' | "$zhconv" | od -An -tx1 | tr -d ' \n')"
check configs "鼠标与软件" "$(printf '滑鼠與軟體' | "$zhconv" --config tw2sp)"
check "OpenCC 1.4.2's place names" "吉林省乾安县" "$(printf '吉林省乾安縣' | "$zhconv")"
check "rare forms only with --rare-forms" "㑮 𫝈" \
  "$(printf '㑮' | "$zhconv") $(printf '㑮' | "$zhconv" --rare-forms --config hk2s)"
check "unknown config exit" 2 "$("$zhconv" --config s2t < /dev/null 2>/dev/null; echo $?)"

# A missing file among good ones: its line on stderr, the others converted, exit 2.
out=$("$zhconv" "$work/missing.txt" "$work/good.txt" 2> "$work/err")
check "missing exit" 2 $?
check "missing still converts the rest" "$simplified" "$out"
check "missing message" "zhconv: $work/missing.txt: no such file or directory" "$(cat "$work/err")"

# A directory.
"$zhconv" "$work" > /dev/null 2> "$work/err"
check "directory exit" 2 $?
check "directory message" "zhconv: $work: is a directory" "$(cat "$work/err")"

# A binary file (NUL bytes), with a good file after it.
{ printf '%s' "$traditional"; printf '\0\0\0\1\2'; printf '%s\n' "$traditional"; } > "$work/binary.dat"
out=$("$zhconv" "$work/binary.dat" "$work/good.txt" 2> "$work/err")
check "binary exit" 2 $?
check "binary still converts the rest" "$simplified" "$out"
check "binary message" 1 "$(grep -c "^zhconv: $work/binary.dat: binary content (NUL byte at offset 81)$" "$work/err")"

# One invalid byte: replaced by U+FFFD, reported with its offset, exit 1 (never an empty
# output with exit 0, as Debian's opencc 1.1.6 gives; OpenCC 1.4.2 stops at the byte).
{ printf '%s' "$traditional"; printf '\xff'; printf '%s\n' "$traditional"; } > "$work/invalid.txt"
out=$("$zhconv" "$work/invalid.txt" 2> "$work/err")
check "invalid exit" 1 $?
check "invalid output" "${simplified}"$'\xef\xbf\xbd'"${simplified}" "$out"
check "invalid message" "zhconv: $work/invalid.txt: invalid UTF-8 at byte 81" "$(cat "$work/err")"

# Big5 and GB18030 bytes made by iconv: --from, and detection.
if command -v iconv > /dev/null; then
  iconv -f UTF-8 -t BIG5 < "$work/good.txt" > "$work/big5.txt"
  check "--from big5" "$simplified" "$("$zhconv" --from big5 "$work/big5.txt")"
  check "big5 detected" "$simplified" "$("$zhconv" "$work/big5.txt")"
  iconv -f UTF-8 -t GB18030 < "$work/good.txt" > "$work/gb.txt"
  check "--from gbk" "$simplified" "$("$zhconv" --from gbk "$work/gb.txt")"
  check "unknown encoding exit" 2 "$("$zhconv" --from klingon "$work/gb.txt" 2>/dev/null; echo $?)"
fi

# --clean repairs artifacts before converting.
check "--clean" "医学" "$(printf '醫(yī)學(xué)\n' | "$zhconv" --clean)"
check "without --clean" "医(yī)学(xué)" "$(printf '醫(yī)學(xué)\n' | "$zhconv")"

# Larger than one read (1 MiB): streamed, same as converting each copy.
for _ in $(seq 20000); do printf '%s\n' "$traditional"; done > "$work/big.txt"
check "streamed" "20000 $simplified" "$("$zhconv" < "$work/big.txt" | sort | uniq -c | sed 's/^ *//')"

# Big converted chunks are written past the output buffer: order kept between documents, to a
# file (-o) as to stdout, small ones before and after a streamed one.
printf '前後\n' > "$work/small.txt"
expected=$(printf '前后\n'; "$zhconv" < "$work/big.txt"; printf '前后\n')
check "order around a streamed input" "$expected" \
  "$("$zhconv" "$work/small.txt" "$work/big.txt" "$work/small.txt")"
"$zhconv" -o "$work/order.txt" "$work/small.txt" "$work/big.txt" "$work/small.txt"
check "order around a streamed input, -o" "$expected" "$(cat "$work/order.txt")"

exit $((failures > 0))
