#!/usr/bin/env bash
# cmake --install into a staging directory (DESTDIR plus a prefix), then, from there only: each
# installed tool (--version, a real conversion, extraction, validation, statistics), the
# example consumer built against the installed library with CMake and with pkg-config, the man
# pages rendered with man -l, the bash completions, and nothing installed naming the build tree.
set -uo pipefail
build=${ZHREPORT_BUILD:?}
src=${ZHREPORT_SOURCE:?}
# What is installed and packaged is the Release build; a sanitized library would not even load
# into an uninstrumented consumer.
if grep -q '^ZHREPORT_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2> /dev/null; then
  echo "sanitized build: skipped"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/check.bash"
tools=(zhconv zhextract zhvalidate zhstats)
samples=$src/data/samples

DESTDIR=$work/stage cmake --install "$build" --prefix /opt/zhreport > "$work/install.log" 2>&1 \
  || { cat "$work/install.log"; echo "FAIL: cmake --install"; exit 1; }
root=$work/stage/opt/zhreport
libdir=$(dirname "$(find "$root" -name libzhreport.a)")
for f in "${tools[@]/#/bin/}" include/zhreport/pipeline.h include/zhreport/error.h \
         share/man/man1/zhextract.1.gz share/bash-completion/completions/zhextract; do
  [ -e "$root/$f" ] || fail "not installed: $f"
done
for f in libzhreport.a libzhreport.so cmake/zhreport/zhreportConfig.cmake \
         cmake/zhreport/zhreportConfigVersion.cmake pkgconfig/zhreport.pc; do
  [ -e "$libdir/$f" ] || fail "not installed: $libdir/$f"
done
soname=$(objdump -p "$libdir/libzhreport.so" | awk '$1 == "SONAME" { print $2 }')
[[ $soname =~ ^libzhreport\.so\.[0-9]+(\.[0-9]+)?$ ]] || fail "SONAME '$soname'"
[ -e "$libdir/$soname" ] || fail "no $soname"
# Nothing installed names the build tree (no RPATH, no include path, no generated path).
if grep -rlaF "$build" "$root" > "$work/refs"; then fail "build tree named in: $(cat "$work/refs")"; fi
# The tools need no libzhreport.so: linked statically, they run from anywhere.
for tool in "${tools[@]}"; do
  ! objdump -p "$root/bin/$tool" | grep -q 'NEEDED.*libzhreport' || fail "$tool needs libzhreport.so"
done

# The installed tools.
for tool in "${tools[@]}"; do
  "$root/bin/$tool" --version > "$work/version" || fail "$tool --version exits $?"
  grep -q "^$tool (zhreport) [0-9]" "$work/version" || fail "$tool --version: $(cat "$work/version")"
  "$root/bin/$tool" --help > /dev/null || fail "$tool --help exits $?"
done
[ "$(printf '醫療隊派出專家' | "$root/bin/zhconv")" = "医疗队派出专家" ] || fail "installed zhconv"
"$root/bin/zhextract" --docs "$samples"/*.txt > "$work/facts.jsonl" || fail "installed zhextract"
grep -q '"metric":"surgeries"' "$work/facts.jsonl" || fail "installed zhextract: no facts"
(cd / && "$root/bin/zhvalidate" --quiet "$work/facts.jsonl") || fail "installed zhvalidate"
"$root/bin/zhstats" --quiet "$work/facts.jsonl" | grep -q '^surgeries,' || fail "installed zhstats"

# The example consumer: CMake (find_package(zhreport CONFIG)) and pkg-config, same facts as
# zhextract gives for the file.
sample=$samples/02_shigatse_traditional.txt
"$root/bin/zhextract" "$sample" > "$work/expected.jsonl"
if cmake -S "$src/examples" -B "$work/example" -DCMAKE_PREFIX_PATH="$root" \
     -DCMAKE_BUILD_TYPE=Release > "$work/example.log" 2>&1 \
   && cmake --build "$work/example" >> "$work/example.log" 2>&1; then
  "$work/example/extract_facts" "$sample" > "$work/cmake.jsonl" || fail "example (CMake) exits $?"
  cmp -s "$work/expected.jsonl" "$work/cmake.jsonl" || fail "example (CMake): other facts"
else
  cat "$work/example.log"; fail "example with CMake did not build"
fi
if command -v pkg-config > /dev/null; then
  export PKG_CONFIG_PATH=$libdir/pkgconfig
  [ "$(pkg-config --modversion zhreport)" = "$(sed -n 's/.* (zhreport) //p;q' "$work/version")" ] \
    || fail "pkg-config --modversion: $(pkg-config --modversion zhreport)"
  # shellcheck disable=SC2046
  if c++ -std=c++20 -o "$work/extract_facts" "$src/examples/extract_facts.cpp" \
       $(pkg-config --cflags --libs zhreport) 2> "$work/pkg.log"; then
    LD_LIBRARY_PATH=$libdir "$work/extract_facts" "$sample" > "$work/pkg.jsonl" \
      || fail "example (pkg-config) exits $?"
    cmp -s "$work/expected.jsonl" "$work/pkg.jsonl" || fail "example (pkg-config): other facts"
  else
    cat "$work/pkg.log"; fail "example with pkg-config did not build"
  fi
fi

# The man pages render, with the generated options and the hand-written sections.
if command -v man > /dev/null; then
  for tool in "${tools[@]}"; do
    page=$(MANWIDTH=100 man -l "$root/share/man/man1/$tool.1.gz" 2> "$work/man.err") \
      || fail "man -l $tool exits $?"
    [ ! -s "$work/man.err" ] || fail "man $tool warns: $(cat "$work/man.err")"
    for want in "^NAME" "^ *$tool - " "^OPTIONS" "--version" "^EXAMPLES" "^EXIT STATUS"; do
      grep -q -- "$want" <<<"$page" || fail "man $tool: no '$want'"
    done
  done
else
  echo "man not installed: man pages not rendered"
fi

# Bash completion, as bash runs it on TAB: COMP_WORDS/COMP_CWORD in, COMPREPLY out.
complete_words() {  # TOOL WORD...: the completions of the last word
  local tool=$1
  shift
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
           _zhreport_$2 2> /dev/null; printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' \
    _ "$root/share/bash-completion/completions/$tool" "$tool" "$@"
}
[[ $(complete_words zhconv zhconv --con) == "--config " ]] || fail "complete zhconv --con"
[[ $(complete_words zhconv zhconv --config "") == "hk2s t2s tw2s tw2sp " ]] \
  || fail "complete zhconv --config: $(complete_words zhconv zhconv --config "")"
[[ $(complete_words zhextract zhextract --format "") == "csv jsonl table " ]] || fail "zhextract --format"
[[ $(complete_words zhstats zhstats me) == "merge " ]] || fail "complete zhstats me"
[[ $(complete_words zhstats zhstats merge --par) == "--partial " ]] || fail "zhstats merge --par"
[[ $(complete_words zhvalidate zhvalidate --max-l) == "--max-line-bytes " ]] || fail "zhvalidate --max-l"
for tool in "${tools[@]}"; do
  [[ $(complete_words "$tool" "$tool" --vers) == "--version " ]] || fail "complete $tool --vers"
done
(cd "$samples" && [[ $(complete_words zhextract zhextract 03_) == "03_zunyi_gb18030.gold.tsv 03_zunyi_gb18030.txt " ]]) \
  || fail "complete zhextract FILE"

[ "$failures" = 0 ] && echo ok
exit $((failures > 0))
