#!/usr/bin/env bash
# The Debian package (cmake/package.cmake, built here with cpack as scripts/package does): its
# control data (dependencies found by dpkg-shlibdeps, shlibs, ldconfig trigger), its contents,
# the tools run from the extracted package, lintian (when installed: errors fail, warnings are
# allowed). With ZHREPORT_TEST_DPKG=1, as root, and zhreport not already installed, also a real
# dpkg -i, a run of the installed tools and man page, and dpkg -r / dpkg -P leaving nothing.
set -uo pipefail
build=${ZHREPORT_BUILD:?}
# What is installed and packaged is the Release build; a sanitized library would not even load
# into an uninstrumented consumer.
if grep -q '^ZHREPORT_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2> /dev/null; then
  echo "sanitized build: skipped"
  exit 77
fi
for tool in cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" > /dev/null || { echo "$tool missing: skipped"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/check.bash"
tools=(zhconv zhextract zhvalidate zhstats)

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out") \
  > "$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$work"/out/zhreport_*.deb 2> /dev/null)
[[ $(basename "$deb") =~ ^zhreport_[0-9.]+_[a-z0-9]+\.deb$ ]] || { echo "FAIL: package '$deb'"; exit 1; }

dpkg-deb -I "$deb" > "$work/info"
for want in "Package: zhreport" "Recommends: .*bash-completion" "Depends: .*libicu" \
            "Depends: .*libarchive" "Depends: .*libstdc++" "shlibs" "triggers"; do
  grep -q -- "$want" "$work/info" || fail "dpkg-deb -I: no '$want'"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$("$build/bin/zhconv" --version | sed -n 's/.* (zhreport) //p;q')" ] \
  || fail "package version differs from zhconv --version"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./triggers 2> /dev/null | grep -qx 'activate-noawait ldconfig' \
  || fail "no ldconfig trigger"

dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' > "$work/contents"
for path in "${tools[@]/#//usr/bin/}" "${tools[@]/#//usr/share/man/man1/}" \
            /usr/include/zhreport/pipeline.h /usr/share/doc/zhreport/copyright \
            /usr/share/doc/zhreport/changelog.gz; do
  [[ $path == */man1/* ]] && path=$path.1.gz
  grep -qx -- "$path" "$work/contents" || fail "not in the package: $path"
done
for pattern in '/libzhreport\.a$' '/libzhreport\.so\.[0-9.]*$' '/cmake/zhreport/zhreportConfig\.cmake$' \
               '/pkgconfig/zhreport\.pc$' '^/usr/share/bash-completion/completions/zhstats$'; do
  grep -q -- "$pattern" "$work/contents" || fail "not in the package: $pattern"
done
! grep -qv '^/usr/' "$work/contents" || fail "outside /usr: $(grep -v '^/usr/' "$work/contents")"

# The extracted package runs as installed: the tools need none of the build tree.
dpkg-deb -x "$deb" "$work/root"
if grep -rlaF "$build" "$work/root" > "$work/refs"; then fail "build tree named in: $(cat "$work/refs")"; fi
for tool in "${tools[@]}"; do
  "$work/root/usr/bin/$tool" --version | grep -q "^$tool (zhreport)" || fail "extracted $tool --version"
done
[ "$(printf '醫療隊' | "$work/root/usr/bin/zhconv")" = "医疗队" ] || fail "extracted zhconv"
if command -v man > /dev/null; then
  MANWIDTH=80 man -l "$work/root/usr/share/man/man1/zhextract.1.gz" 2> /dev/null \
    | grep -q '^EXIT STATUS' || fail "extracted man page"
fi

if command -v lintian > /dev/null; then
  lintian --tag-display-limit 0 "$deb" > "$work/lintian" 2>&1
  if grep -q '^E: ' "$work/lintian"; then fail "lintian errors: $(grep '^E: ' "$work/lintian")"; fi
else
  echo "lintian not installed: not run"
fi

# A real install and removal on this machine: opt-in.
if [ "${ZHREPORT_TEST_DPKG:-0}" = 1 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "ZHREPORT_TEST_DPKG=1 needs root: dpkg -i not run"
  elif dpkg-query -W -f='${Status}' zhreport 2> /dev/null | grep -q installed; then
    echo "zhreport already installed: dpkg -i not run"
  else
    dpkg -i "$deb" > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i"; }
    for tool in "${tools[@]}"; do
      [ "$(command -v "$tool")" = "/usr/bin/$tool" ] || fail "$tool not on PATH after dpkg -i"
      "/usr/bin/$tool" --version > /dev/null || fail "installed $tool --version"
    done
    [ "$(printf '醫療隊' | /usr/bin/zhconv)" = "医疗队" ] || fail "installed zhconv"
    if command -v man > /dev/null; then
      MANWIDTH=80 man zhextract 2> /dev/null | grep -q '^EXIT STATUS' || fail "man zhextract"
    fi
    dpkg -r zhreport > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -r"; }
    dpkg -P zhreport > "$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -P"; }
    for path in $(grep -v '/$' "$work/contents"); do
      [ ! -e "$path" ] && [ ! -L "$path" ] || fail "left after dpkg -r: $path"
    done
  fi
fi

[ "$failures" = 0 ] && echo ok
exit $((failures > 0))
