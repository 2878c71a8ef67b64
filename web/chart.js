// chart.js — the two charts of the page, drawn as SVG by our own code: an official's
// statements a month (bars), and an organization's percentages over time (points).
// Labels are text nodes; time runs from left to right.
'use strict';

// Round steps for an axis from lo to hi: about `n` ticks.
kh.ticks = function (lo, hi, n) {
  if (!(hi > lo))
    hi = lo + 1;
  const raw = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw);
  const out = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step / 2; v += step)
    out.push(Math.round(v * 1e6) / 1e6);
  return out;
};

// The months from «1402-08» to «1403-02», each once.
kh.monthRange = function (first, last) {
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  const out = [];
  while ((y < ly || (y === ly && m <= lm)) && out.length < 1200) {
    out.push(y + '-' + String(m).padStart(2, '0'));
    if (++m > 12)
      m = 1, y++;
  }
  return out;
};

// [{month: '1402-08', statements: 3}, ...] (sorted, months missing allowed) → bars.
kh.timelineChart = function (timeline) {
  const W = 760, H = 220, L = 44, R = 12, T = 14, B = 46;
  const counts = new Map(timeline.map((t) => [t.month, t.statements]));
  const months = timeline.length ?
    kh.monthRange(timeline[0].month, timeline[timeline.length - 1].month) : [];
  const max = Math.max(1, ...timeline.map((t) => t.statements));
  const ys = kh.ticks(0, max, 4).filter((v) => Number.isInteger(v));
  const top = ys[ys.length - 1];
  const y = (v) => T + (H - T - B) * (1 - v / top);
  const bw = (W - L - R) / Math.max(1, months.length);
  const svg = kh.svg('svg', {class: 'chart timeline', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': 'شمار گفته‌ها در هر ماه', direction: 'ltr'});
  for (const v of ys) {
    svg.appendChild(kh.svg('line', {class: 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v)}));
    svg.appendChild(kh.svg('text', {class: 'tick', x: L - 6, y: y(v) + 4, 'text-anchor': 'end'},
      kh.fa(v)));
  }
  const every = Math.ceil(months.length / 10);
  months.forEach((mo, i) => {
    const n = counts.get(mo) || 0, x = L + i * bw;
    const bar = kh.svg('rect', {class: 'bar', x: x + bw * 0.12, width: Math.max(1, bw * 0.76),
      y: y(n), height: Math.max(0, y(0) - y(n)), 'data-month': mo, 'data-count': n},
      kh.svg('title', {}, kh.jalali(mo) + ': ' + kh.fa(n) + ' گفته'));
    svg.appendChild(bar);
    if (i % every === 0)
      svg.appendChild(kh.svg('text', {class: 'tick', x: x + bw / 2, y: H - B + 18,
        'text-anchor': 'middle'}, kh.jalali(mo)));
  });
  svg.appendChild(kh.svg('line', {class: 'axis', x1: L, x2: W - R, y1: y(0), y2: y(0)}));
  return svg;
};

// [{t: ms, v: percent, date: '1402-09-05', text}] → points over time, with a grid.
kh.factsChart = function (points) {
  const W = 760, H = 300, L = 50, R = 20, T = 16, B = 46;
  let t0 = Math.min(...points.map((p) => p.t)), t1 = Math.max(...points.map((p) => p.t));
  if (!(t1 > t0))
    t0 -= 15 * 864e5, t1 += 15 * 864e5;
  const pad = (t1 - t0) * 0.04;
  t0 -= pad, t1 += pad;
  const vs = kh.ticks(Math.min(0, ...points.map((p) => p.v)), Math.max(...points.map((p) => p.v)), 5);
  const v0 = vs[0], v1 = vs[vs.length - 1];
  const x = (t) => L + (W - L - R) * (t - t0) / (t1 - t0);
  const y = (v) => T + (H - T - B) * (1 - (v - v0) / (v1 - v0));
  const svg = kh.svg('svg', {class: 'chart facts', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': 'درصدها در گذر زمان', direction: 'ltr'});
  for (const v of vs) {
    svg.appendChild(kh.svg('line', {class: v === 0 ? 'axis' : 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v)}));
    svg.appendChild(kh.svg('text', {class: 'tick', x: L - 6, y: y(v) + 4, 'text-anchor': 'end'},
      kh.num(v) + '٪'));
  }
  // five dates along the bottom, in the Persian calendar
  for (let i = 0; i <= 4; i++) {
    const t = t0 + (t1 - t0) * (0.05 + 0.9 * i / 4), j = kh.toJalali(t);
    svg.appendChild(kh.svg('line', {class: 'grid', x1: x(t), x2: x(t), y1: T, y2: H - B}));
    svg.appendChild(kh.svg('text', {class: 'tick', x: x(t), y: H - B + 18, 'text-anchor': 'middle'},
      kh.jalali(j.y + '-' + String(j.m).padStart(2, '0'))));
  }
  for (const p of points) {
    const tip = (p.date ? kh.jalali(p.date) + ': ' : '') + kh.num(p.v) + '٪' +
      (p.text ? ' — ' + p.text.slice(0, 160) : '');
    svg.appendChild(kh.svg('circle', {class: 'point', cx: x(p.t), cy: y(p.v), r: 5,
      'data-value': p.v, 'data-date': p.date || ''}, kh.svg('title', {}, tip)));
  }
  return svg;
};
