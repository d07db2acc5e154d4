#!/usr/bin/env python3
"""Checks of zhstats --format html as Chromium rendered it (tests/e2e/zhstats_report.sh).

  check_page.py dom DOM_FILE JSON_FILE [HOSTILE_MARK]  # the dumped DOM against zhstats json
  check_page.py png PNG_FILE                           # the screenshot's chart area is drawn
"""
import html.parser
import json
import struct
import sys
import zlib


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


class Dom(html.parser.HTMLParser):
    """Elements by id, table rows with their data attributes, the page's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.rows, self.tags, self.text = {}, [], [], []
        self.title, self._in_title, self._skip = None, False, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            self.ids[a["id"]] = a
        if tag == "tr" and a.get("class") == "row":
            self.rows.append(a)
        self._in_title = tag == "title"
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data
        elif not self._skip:
            self.text.append(data)


def check_dom(dom_file, json_file, hostile=None):
    dom = Dom()
    dom.feed(open(dom_file, encoding="utf-8").read())
    root = next((a for t, a in dom.tags if t == "html"), {})
    if "data-pwned" in root:
        fail("a script from the data ran (data-pwned set)")
    if root.get("data-resources") != "0":
        fail("the page loaded resources: data-resources=%r" % root.get("data-resources"))
    if dom.title != "援助医疗统计报告":
        fail("the document title changed: %r" % dom.title)
    errors = dom.ids.get("errors", {})
    if "hidden" not in errors or "data-errors" in errors:
        fail("the page recorded script errors: " + "".join(dom.text)[:400])
    body = next((a for t, a in dom.tags if t == "body"), {})
    if body.get("data-ready") != "1":
        fail("the page script did not finish")
    for chart in ("chart-province", "chart-year", "chart-flows", "map-china", "map-world",
                  "table-province", "table-flows"):
        a = dom.ids.get(chart)
        if a is None:
            fail("no #" + chart)
        if int(a.get("data-items", "0")) <= 0:
            fail("#%s is empty (%s)" % (chart, a.get("data-rendered")))
    summary = dom.ids.get("summary")
    if summary is None:
        fail("no summary")
    # The province table's rows equal zhstats --format json --by metric,to_province.
    want = json.load(open(json_file, encoding="utf-8"))
    metric = body.get("data-metric")
    expected = {(r["metric"], r["to_province"]): r for r in want["rows"] if r["metric"] == metric}
    got = {}
    for row in dom.rows:
        keys = tuple(json.loads(row["data-keys"]))
        if len(keys) == 2 and keys[0] == metric and keys in expected:
            got[keys] = row
    if set(got) != set(expected):
        fail("table rows %s, zhstats json %s" % (sorted(got), sorted(expected)))
    for key, row in got.items():
        w = expected[key]
        for attr, field in (("data-sum", "sum"), ("data-sum-exact", "sum_exact"),
                            ("data-facts", "facts"), ("data-docs", "docs"),
                            ("data-approx", "approx_facts"), ("data-folded", "folded")):
            if abs(float(row[attr]) - float(w[field])) > 1e-6 * max(1, abs(float(w[field]))):
                fail("%s %s: page %s, zhstats %s" % (key, field, row[attr], w[field]))
    if not got:
        fail("no province rows")
    text = "".join(dom.text)
    s = want["summary"]
    for label, field in (("计入事实", "facts"), ("合并的重复表述", "folded_facts"),
                         ("无日期的事实", "facts_without_year"), ("重复文档", "duplicate_documents")):
        cell = next((a for t, a in dom.tags if a.get("data-stat") == label), None)
        if cell is None or cell.get("data-value") != str(s[field]):
            fail("summary %s: page %s, zhstats %s" % (label, cell and cell.get("data-value"), s[field]))
    if hostile:
        for mark in hostile:
            if mark not in text:
                fail("the hostile text is not shown as text: " + mark)
        if any(t == "img" for t, _ in dom.tags):
            fail("an <img> element came from the data")
    print("dom ok: %d rows of %s checked against zhstats json" % (len(got), metric))


def decode_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path + " is not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            if depth != 8 or colour not in (2, 6):
                fail("unexpected PNG format depth %d colour %d" % (depth, colour))
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
    raw, stride = zlib.decompress(idat), width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = prev[x], prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def check_png(path):
    width, height, channels, rows = decode_png(path)
    # The chart area: below the header, the summary and the metric selector.
    top, bottom = height // 4, height
    coloured = 0
    for y in range(top, bottom, 2):
        line = rows[y]
        for x in range(0, width * channels, channels * 2):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if max(r, g, b) - min(r, g, b) > 40:  # a saturated pixel: bars, map fills
                coloured += 1
    if coloured < 500:
        fail("the chart area of the screenshot is blank (%d coloured pixels)" % coloured)
    print("png ok: %dx%d, %d coloured pixels in the chart area" % (width, height, coloured))


if __name__ == "__main__":
    if sys.argv[1] == "dom":
        check_dom(sys.argv[2], sys.argv[3], sys.argv[4:] or None)
    else:
        check_png(sys.argv[2])
