#!/usr/bin/env bash
# scripts/missing-packages: which Debian packages scripts/bootstrap must install, by dpkg's status.
# Regression: a package whose triggers were pending while another apt-get ran (man-db, during
# check-fresh-debian's install) was taken for missing, and bootstrap then failed on the dpkg lock.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); missing=$here/../../scripts/missing-packages
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
source "$here/check.bash"

mkdir -p "$tmp/bin"
cat > "$tmp/bin/dpkg-query" << 'EOS'
#!/usr/bin/env bash
# A fake dpkg-query -W -f='${Status}' PACKAGE: each package's status by its name.
case ${!#} in
  installed) printf 'install ok installed' ;;
  pending) printf 'install ok triggers-pending' ;;
  awaited) printf 'install ok triggers-awaited' ;;
  removed) printf 'deinstall ok config-files' ;;
  half) printf 'install ok half-configured' ;;
  unpacked) printf 'install ok unpacked' ;;
  *) echo "dpkg-query: no packages found matching ${!#}" >&2; exit 1 ;;
esac
EOS
chmod +x "$tmp/bin/dpkg-query"
got=$(PATH=$tmp/bin:$PATH "$missing" installed pending awaited removed half unpacked unknown)
check "missing packages" "$(printf '%s\n' removed half unpacked unknown)" "$got"
got=$(PATH=$tmp/bin:$PATH "$missing" installed pending)
check "nothing missing" "" "$got"
exit $((failures > 0))
