// dom.js — the small tools every view uses. Text from articles is hostile: it only ever
// becomes text nodes (textContent) or attribute values set one by one, never markup, and
// a link is made only to an http(s) address.
'use strict';

const kh = {};

// el('p', {class: 'x'}, 'text', child, [more]) — strings become text nodes; null and
// false are skipped. Attributes are set one by one; `href` only when it is safe.
kh.el = function (tag, attrs, ...kids) {
  const e = document.createElement(tag);
  kh.attrs(e, attrs);
  kh.append(e, kids);
  return e;
};

// The same in the SVG namespace (for the charts).
kh.svg = function (tag, attrs, ...kids) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  kh.attrs(e, attrs);
  kh.append(e, kids);
  return e;
};

kh.attrs = function (e, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false)
      continue;
    if (k === 'href') {
      const safe = kh.safeHref(String(v));
      if (safe)
        e.setAttribute('href', safe);
    } else if (k === 'text') {
      e.textContent = String(v);
    } else if (/^on/i.test(k)) {
      throw new Error('no handlers as attributes: ' + k);
    } else {
      e.setAttribute(k, String(v));
    }
  }
};

kh.append = function (e, kids) {
  for (const k of kids.flat(Infinity)) {
    if (k === null || k === undefined || k === false)
      continue;
    e.appendChild(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
};

// A link target: our own page («/» and its queries, as kh.link makes them), or an
// absolute http(s) address. Anything else (javascript:, data:, «//host», «/\host», a
// path) gives null.
kh.safeHref = function (u) {
  if (u === '/' || u.startsWith('/?'))
    return u;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
};

// A page of ours: «/?person=...» built with URLSearchParams (every value encoded).
kh.link = function (params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== '')
      p.set(k, String(v));
  const s = p.toString();
  return '/' + (s ? '?' + s : '');
};

// Digits in Persian, and back to ASCII (for what a person types).
const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
kh.fa = function (s) {
  return String(s).replace(/[0-9]/g, (d) => FA_DIGITS[d.charCodeAt(0) - 48]);
};
kh.ascii = function (s) {
  return String(s)
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/٫/g, '.');
};

// A number as a Persian reader writes it: Persian digits, «٫» for the decimal point.
kh.num = function (x) {
  if (typeof x !== 'number' || !isFinite(x))
    return '—';
  const r = Math.round(x * 100) / 100;
  return kh.fa(String(r).replace('.', '٫'));
};

kh.MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر',
  'دی', 'بهمن', 'اسفند'];

// «1402-09-05» → «۵ آذر ۱۴۰۲»; «1402-09» → «آذر ۱۴۰۲».
kh.jalali = function (s) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s || '');
  if (!m || +m[2] < 1 || +m[2] > 12)
    return s ? kh.fa(s) : '';
  const month = kh.MONTHS[+m[2] - 1] + ' ' + kh.fa(+m[1]);
  return m[3] ? kh.fa(+m[3]) + ' ' + month : month;
};

// The Jalali year and month of an ISO date, by the browser's own Persian calendar.
const PERSIAN = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn',
  {year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC'});
kh.toJalali = function (ms) {
  const parts = {};
  for (const p of PERSIAN.formatToParts(new Date(ms)))
    parts[p.type] = p.value;
  return {y: parseInt(parts.year, 10), m: parseInt(parts.month, 10), d: parseInt(parts.day, 10)};
};

// «2023-11-26» → milliseconds (UTC), or NaN.
kh.isoTime = function (s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || '');
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
};

// The host of an address, for «· tasnimnews.ir», or ''.
kh.host = function (u) {
  try {
    return new URL(u).host;
  } catch (e) {
    return '';
  }
};

// GET /api/...: the JSON answer, or an Error with the server's one-line message.
kh.api = async function (path, params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {}))
    if (v !== null && v !== undefined && v !== '')
      p.set(k, String(v));
  const res = await fetch(path + '?' + p.toString(), {headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await res.json();
  } catch (e) {
    body = null;
  }
  if (!res.ok) {
    const err = new Error(body && typeof body.error === 'string' ? body.error : 'HTTP ' + res.status);
    err.status = res.status;
    throw err;
  }
  return body;
};

// Replaces what `parent` shows by `nodes`.
kh.show = function (parent, ...nodes) {
  parent.replaceChildren();
  kh.append(parent, nodes);
};
