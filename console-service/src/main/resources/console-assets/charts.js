/* Line charts as inline SVG, drawn from the live samples; no library. */
(function () {
  'use strict';
  const NS = 'http://www.w3.org/2000/svg';
  const COLORS = ['#0b5cad', '#a4161a', '#8a5a00', '#1b6e3a', '#6f3fa0', '#006d77', '#4a5560', '#b3006b'];

  function svg(tag, attrs) {
    const node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function format(value) {
    if (value === null || value === undefined || isNaN(value)) { return '–'; }
    if (value >= 100) { return String(Math.round(value)); }
    if (value >= 10) { return value.toFixed(1); }
    return value.toFixed(2);
  }

  /**
   * Draws series = [{name, points: [[time, value|null], ...]}] into container, replacing what was there.
   * label: the accessible name; unit: appended to values.
   */
  function line(container, series, options) {
    const width = 320, height = 140, left = 38, bottom = 18, top = 8, right = 6;
    const all = [];
    series.forEach(function (s) { s.points.forEach(function (p) { if (p[1] !== null) { all.push(p); } }); });
    const times = [];
    series.forEach(function (s) { s.points.forEach(function (p) { times.push(p[0]); }); });
    const t0 = times.length ? Math.min.apply(null, times) : 0;
    const t1 = times.length ? Math.max.apply(null, times) : 1;
    let max = all.length ? Math.max.apply(null, all.map(function (p) { return p[1]; })) : 0;
    max = max <= 0 ? 1 : max * 1.1;
    const x = function (t) { return left + (t1 === t0 ? 0 : (t - t0) / (t1 - t0)) * (width - left - right); };
    const y = function (v) { return top + (1 - v / max) * (height - top - bottom); };
    const chart = svg('svg', {viewBox: '0 0 ' + width + ' ' + height, role: 'img', preserveAspectRatio: 'none'});
    const title = svg('title', {});
    const latest = series.map(function (s) {
      const last = s.points.length ? s.points[s.points.length - 1][1] : null;
      return s.name + ' ' + format(last) + (options.unit ? ' ' + options.unit : '');
    });
    title.textContent = options.label + ': ' + (latest.length ? latest.join(', ') : options.empty);
    chart.appendChild(title);
    [0, 0.5, 1].forEach(function (f) {
      const v = max * f;
      chart.appendChild(svg('line', {x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#c9d1d9',
        'stroke-width': 1}));
      const text = svg('text', {x: left - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#4a5560'});
      text.textContent = format(v);
      chart.appendChild(text);
    });
    if (times.length) {
      [[t0, 'start'], [t1, 'end']].forEach(function (pair) {
        const text = svg('text', {x: pair[1] === 'start' ? left : width - right, y: height - 4,
          'text-anchor': pair[1], 'font-size': 10, fill: '#4a5560'});
        text.textContent = new Date(pair[0]).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
        chart.appendChild(text);
      });
    }
    series.forEach(function (s, i) {
      let d = '';
      let pen = false;
      s.points.forEach(function (p) {
        if (p[1] === null) { pen = false; return; }
        d += (pen ? 'L' : 'M') + x(p[0]).toFixed(1) + ' ' + y(p[1]).toFixed(1) + ' ';
        pen = true;
      });
      if (d) {
        chart.appendChild(svg('path', {d: d, fill: 'none', stroke: COLORS[i % COLORS.length], 'stroke-width': 2,
          'vector-effect': 'non-scaling-stroke'}));
      }
    });
    const legend = document.createElement('ul');
    legend.className = 'legend';
    series.forEach(function (s, i) {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      swatch.style.background = COLORS[i % COLORS.length];
      item.appendChild(swatch);
      const last = s.points.length ? s.points[s.points.length - 1][1] : null;
      item.appendChild(document.createTextNode(s.name + ': ' + format(last) + (options.unit ? ' ' + options.unit : '')));
      legend.appendChild(item);
    });
    container.replaceChildren(chart, legend);
  }

  window.LanyardCharts = {line: line, format: format};
}());
