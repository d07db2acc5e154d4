#!/usr/bin/env bash
# zhstats --format html rendered in headless Chromium, offline: no script error, no network
# request, every chart and table drawn and non-empty, the table's numbers equal zhstats
# --format json of the same input, the screenshot's chart area drawn; and document text that
# holds </script><script>… or <img onerror=…> is shown as text and runs nothing.
# Skipped (77) without chromium (scripts/bootstrap installs chromium and fonts-noto-cjk).
set -euo pipefail
bin=${ZHREPORT_BIN:?}; here=$(cd "$(dirname "$0")" && pwd); expected=$here/expected/report
tmp=$(mktemp -d); proxy_pid=""
trap '[ -n "$proxy_pid" ] && kill "$proxy_pid" 2> /dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Usage: --manifest is for html; an unreadable or malformed manifest is an error (exit 2).
for args in "--manifest $expected/manifest.tsv" "--format html --manifest $tmp/missing.tsv" \
            "--format html --manifest $expected/facts.jsonl"; do
  status=0
  # shellcheck disable=SC2086  # the words of $args are the flags
  "$bin/zhstats" -q $args "$expected/facts.jsonl" > /dev/null 2>&1 || status=$?
  [ "$status" = 2 ] || fail "zhstats $args: exit $status, want 2"
done
command -v chromium > /dev/null || { echo "chromium missing: skipped"; exit 77; }

# Any request the page (or the browser) makes goes to this logger, which answers nothing.
python3 - "$tmp/requests.log" "$tmp/port" <<'PY' &
import socket, sys, threading
log, server = open(sys.argv[1], "a"), socket.socket()
server.bind(("127.0.0.1", 0)); server.listen(16)
open(sys.argv[2], "w").write(str(server.getsockname()[1]))
server.settimeout(120)
while True:
    try:
        conn, _ = server.accept()
    except socket.timeout:
        break
    conn.settimeout(2)
    try:
        log.write(conn.recv(200).decode("latin-1").split("\r\n")[0] + "\n"); log.flush()
    except OSError:
        pass
    conn.close()
PY
proxy_pid=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || fail "the request logger did not start"

browse() {  # browse PROFILE URL ARGS...: headless Chromium, offline, its console on stderr
  local profile=$1 url=$2; shift 2
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --disable-features=NetworkTimeServiceQuerying \
    --user-data-dir="$tmp/$profile" \
    --proxy-server="127.0.0.1:$(cat "$tmp/port")" --proxy-bypass-list='<-loopback>' \
    --window-size=1200,1300 --virtual-time-budget=5000 "$@" "$url"
}

# The sample facts (hand-written, with context) and the manifest of their run.
"$bin/zhstats" -q --format html --manifest "$expected/manifest.tsv" -o "$tmp/report.html" \
  "$expected/facts.jsonl" || fail "zhstats --format html exited $?"
"$bin/zhstats" -q --format json --by metric,to_province "$expected/facts.jsonl" > "$tmp/stats.json"
size=$(stat -c %s "$tmp/report.html")
[ "$size" -lt 5000000 ] || fail "report of $size bytes"
grep -q 'Apache License' "$tmp/report.html" || fail "the ECharts licence is not in the page"
# Hostile document text: ids, titles, quotes, places and manifest reasons that try to run.
script='</script><script>document.documentElement.setAttribute("data-pwned","1");document.title="pwned"</script>'
img='<img src=x onerror="document.documentElement.setAttribute(\"data-pwned\",\"1\")">'
python3 - "$script" "$img" > "$tmp/hostile.jsonl" <<'PY'
import json, sys
s, i = sys.argv[1], sys.argv[2]
print(json.dumps({"type": "document", "doc": "d/" + s, "title": "T" + i + s, "date": "2022-01-01",
                  "regions": ["新疆维吾尔自治区"], "facts": 2, "content_hash": "aa"}))
print(json.dumps({"doc": "d/" + s, "metric": "experts", "value": 7, "qualifier": "exact",
                  "unit": "名", "counted": "", "start": 0, "end": 3, "quote": "Q" + s + i,
                  "to": "新疆维吾尔自治区", "from": "上海市", "since": "2022", "until": "2022"}))
print(json.dumps({"doc": "d/" + s, "metric": "experts", "value": 3, "qualifier": "about",
                  "unit": "名", "counted": "", "start": 0, "end": 3, "quote": "Q2",
                  "to": i, "from": s, "since": "2021", "until": "2021"}))
PY
cat "$expected/facts.jsonl" >> "$tmp/hostile.jsonl"
printf 'id\tstatus\treason\tbytes\tfacts\nx%s\tskipped\tR%s\t1\t0\n' "$img" "$script" > "$tmp/hostile.tsv"
"$bin/zhstats" -q --format html --manifest "$tmp/hostile.tsv" -o "$tmp/hostile.html" "$tmp/hostile.jsonl"
"$bin/zhstats" -q --format json --by metric,to_province "$tmp/hostile.jsonl" > "$tmp/hostile.json"
# Both pages at once (two browsers: the wall time is mostly waiting).
browse hostile "file://$tmp/hostile.html#all-facts" --dump-dom > "$tmp/hostile-dom.html" \
  2> "$tmp/hostile-console.txt" &
hostile_pid=$!
browse main "file://$tmp/report.html" --screenshot="$tmp/shot.png" --dump-dom > "$tmp/dom.html" \
  2> "$tmp/console.txt" || fail "chromium failed: $(tail -3 "$tmp/console.txt")"
wait "$hostile_pid" || fail "chromium failed on the hostile page: $(tail -3 "$tmp/hostile-console.txt")"
python3 "$here/report/check_page.py" dom "$tmp/dom.html" "$tmp/stats.json"
python3 "$here/report/check_page.py" png "$tmp/shot.png"
python3 "$here/report/check_page.py" dom "$tmp/hostile-dom.html" "$tmp/hostile.json" \
  "Q$script$img" "T$img$script" "R$script" "d/$script"

# Offline: no request reached the logger but Chromium's own background services (network
# time, component updates: Google hosts the page never names); the page itself counts its
# resource loads (check_page.py: data-resources="0").
grep -v -E '^[A-Z]+ (https?://)?[a-z0-9.-]*\.(google\.com|googleapis\.com|gvt1\.com)[:/]' \
  "$tmp/requests.log" > "$tmp/page-requests.log" || true
if [ -s "$tmp/page-requests.log" ]; then fail "network requests: $(head -3 "$tmp/page-requests.log")"; fi
echo "ok"
