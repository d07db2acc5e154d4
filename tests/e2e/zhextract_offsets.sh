#!/usr/bin/env bash
# zhextract: every fact's start/end, sliced out of the ORIGINAL file bytes (UTF-8, GB18030,
# Big5; Traditional and Simplified), decodes cleanly and, converted to Simplified, holds the
# fact's number. The fixture report is written here; iconv makes the legacy encodings.
set -euo pipefail
bin=${ZHREPORT_BIN:?}
command -v iconv >/dev/null || { echo "iconv missing: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/traditional.txt" <<'TEXT'
當前位置:首頁 > 對口支援
江南省援藏醫療隊工作總結
發布時間:2023-09-01 閱讀數:1024
  十年來,江南省先後選派8批醫療隊共計２１６名專家赴西藏,其中內科專家45名。
  醫療隊累計開展手術3200餘臺次,搶救危重患者約1500人次,開展新技術、新項目六十二項。
  醫療隊還組織義診活動40次,培訓基層醫務人員近9000人次,發表論文30篇。
圖1 醫療隊員在查房
文/李明
TEXT
"$bin/zhconv" "$work/traditional.txt" > "$work/simplified.txt"
iconv -f UTF-8 -t GB18030 "$work/simplified.txt" > "$work/simplified_gb18030.txt"
iconv -f UTF-8 -t BIG5 "$work/traditional.txt" > "$work/traditional_big5.txt"
# A pinyin annotation, as web converters leave them, shifts every later offset.
sed 's/醫療隊/醫(yī)療隊/' "$work/traditional.txt" > "$work/traditional_pinyin.txt"

"$bin/zhextract" --quiet "$work"/*.txt > "$work/facts.jsonl"

python3 - "$work/facts.jsonl" "$bin/zhconv" <<'PY'
import collections, json, re, subprocess, sys
encodings = {"gb18030": "gb18030", "big5": "big5"}
numeral = re.compile(r"[0-9][0-9.,]*|[一二三四五六七八九十百千万两]+")
per_doc = collections.Counter()
bad = 0
for line in open(sys.argv[1], encoding="utf-8"):
    fact = json.loads(line)
    doc = fact["doc"]
    encoding = next((e for k, e in encodings.items() if k in doc), "utf-8")
    data = open(doc, "rb").read()[fact["start"]:fact["end"]]
    try:
        text = data.decode(encoding)  # strict: the span must start and end on characters
    except UnicodeDecodeError as e:
        print(f"{doc}: {fact['quote']}: slice is not whole characters: {e}")
        bad += 1
        continue
    simplified = subprocess.run([sys.argv[2]], input=text, capture_output=True,
                                text=True, check=True).stdout
    number = numeral.search(fact["quote"]).group()
    if number not in simplified.replace("２１６", "216"):
        print(f"{doc}: quote {fact['quote']!r} but bytes {fact['start']}..{fact['end']} hold {simplified!r}")
        bad += 1
    per_doc[doc] += 1
for doc, n in sorted(per_doc.items()):
    print(f"{doc}: {n} facts checked")
if len(per_doc) != 5 or set(per_doc.values()) != {9}:
    print("expected 9 facts in each of the 5 files")
    bad += 1
sys.exit(1 if bad else 0)
PY
