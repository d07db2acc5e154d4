#!/usr/bin/env bash
# zhconv is linked against the static archives of its dependencies (lib/CMakeLists.txt,
# zhreport_standalone): its start-up is part of its speed target (issue 14), and every shared
# library costs the loader mappings, relocations and page faults. This checks that ICU,
# libarchive and its compressors, gumbo and utf8proc are not loaded, and that what they do still
# works from the copies built in: ICU's converters and data (Big5, GB18030, UTF-16 detection) and
# every archive format and compression zhconv reads.
set -uo pipefail
zhconv=${ZHREPORT_BIN:?}/zhconv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/check.bash"
command -v readelf > /dev/null || { echo "readelf missing: skipped"; exit 77; }

needed=$(readelf -d "$zhconv" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for library in libicuuc libicui18n libicudata libarchive libgumbo libutf8proc libnettle liblzma \
               libzstd liblz4 libxml2 libacl; do
  grep -q "^$library\.so" <<< "$needed" && fail "zhconv needs $library: $(tr '\n' ' ' <<< "$needed")"
done

traditional='援藏醫療隊為當地培訓了三百名醫生。'
simplified='援藏医疗队为当地培训了三百名医生。'
printf '%s\n' "$traditional" > "$work/utf8.txt"
check "UTF-8" "$simplified" "$("$zhconv" "$work/utf8.txt")"
for encoding in BIG5 GB18030 UTF-16; do
  iconv -f UTF-8 -t "$encoding" < "$work/utf8.txt" > "$work/$encoding.txt"
  check "$encoding detected" "$simplified" "$("$zhconv" "$work/$encoding.txt")"
done
check "--from big5" "$simplified" "$("$zhconv" --from big5 "$work/BIG5.txt")"

# One member in each archive zhconv reads (python3's tarfile and zipfile write them; zstd when
# the zstd tool is there).
mkdir "$work/tree"
cp "$work/utf8.txt" "$work/tree/report.txt"
python3 - "$work" << 'EOF' || fail "python3 could not write the archives"
import os, sys, tarfile, zipfile
work = sys.argv[1]
member = os.path.join(work, "tree", "report.txt")
for suffix, mode in [("tar", "w"), ("tar.gz", "w:gz"), ("tar.bz2", "w:bz2"), ("tar.xz", "w:xz")]:
    with tarfile.open(os.path.join(work, "reports." + suffix), mode) as tar:
        tar.add(member, "report.txt")
with zipfile.ZipFile(os.path.join(work, "reports.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.write(member, "report.txt")
EOF
archives=(tar tar.gz tar.bz2 tar.xz zip)
if command -v zstd > /dev/null; then
  zstd -q -o "$work/reports.tar.zst" "$work/reports.tar" && archives+=(tar.zst)
fi
for suffix in "${archives[@]}"; do
  check "reports.$suffix" "$simplified" "$("$zhconv" "$work/reports.$suffix")"
done

((failures == 0)) || exit 1
echo "ok: zhconv needs only $(tr '\n' ' ' <<< "$needed")"
