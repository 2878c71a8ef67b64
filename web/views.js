// views.js — what the page shows: search results (statements, facts, articles), an
// official's page, an organization's page, the home page. Every string from the database
// goes in through kh.el as text.
'use strict';

const TYPE_NAMES = {statement: 'گفته', fact: 'آمار', article: 'خبر'};

// «date · title · host» under a hit, the title linking to the article when it may.
kh.meta = function (r) {
  const bits = [];
  if (r.jalali || r.date)
    bits.push(kh.el('time', {datetime: r.date || null}, r.jalali ? kh.jalali(r.jalali) : r.date));
  if (r.title && r.type !== 'article')
    bits.push(kh.el('a', {class: 'source', href: r.url, rel: 'noopener noreferrer', target: '_blank'},
      r.title));
  const host = r.url ? kh.host(r.url) : '';
  if (host)
    bits.push(kh.el('span', {class: 'host'}, host));
  const out = kh.el('p', {class: 'meta'});
  bits.forEach((b, i) => kh.append(out, [i ? ' · ' : null, b]));
  return out;
};

// «the other sites of the story», when the record names them (stories: `sites`, a list of
// names or of {site, url}; `copies`, how many).
kh.sites = function (r) {
  const sites = Array.isArray(r.sites) ? r.sites : [];
  if (!sites.length && !(r.copies > 1))
    return null;
  const p = kh.el('p', {class: 'sites'}, 'همین خبر در ' +
    (r.copies > 1 ? kh.fa(r.copies) + ' جا' : '') + (sites.length ? ': ' : ''));
  sites.forEach((s, i) => {
    const name = typeof s === 'string' ? s : (s && (s.site || kh.host(s.url || ''))) || '';
    const url = s && typeof s === 'object' ? s.url : null;
    kh.append(p, [i ? '، ' : null, url ? kh.el('a', {href: url, rel: 'noopener noreferrer',
      target: '_blank'}, name || url) : name]);
  });
  return p;
};

kh.statement = function (r) {
  return kh.el('article', {class: 'hit statement'},
    kh.el('p', {class: 'said'},
      r.speaker ? kh.el('a', {class: 'speaker', href: kh.link({person: r.speaker})}, r.speaker) :
        kh.el('span', {class: 'speaker'}, 'بی‌نام'),
      r.role ? kh.el('span', {class: 'role'}, ' (' + r.role + ')') : null,
      ': ',
      kh.el('q', {class: 'content'}, r.content || '')),
    kh.meta(r), kh.sites(r));
};

kh.fact = function (r) {
  return kh.el('article', {class: 'hit fact'},
    kh.el('p', {class: 'figure'},
      r.organization ? kh.el('a', {class: 'org', href: kh.link({organization: r.organization})},
        r.organization) : kh.el('span', {class: 'org'}, '—'),
      ': ', kh.el('b', {class: 'value'}, kh.num(r.value) + '٪'),
      r.surface ? kh.el('span', {class: 'surface'}, ' («' + r.surface + '»)') : null),
    r.sentence ? kh.el('p', {class: 'sentence'}, r.sentence) : null,
    kh.meta(r), kh.sites(r));
};

kh.article = function (r) {
  return kh.el('article', {class: 'hit article'},
    kh.el('h3', {class: 'title'}, r.url && kh.safeHref(r.url) ?
      kh.el('a', {href: r.url, rel: 'noopener noreferrer', target: '_blank'}, r.title || r.url) :
      (r.title || 'بی‌عنوان')),
    r.snippet ? kh.el('p', {class: 'snippet'}, r.snippet) : null,
    r.agency ? kh.el('p', {class: 'agency'}, 'به گزارش ', kh.el('span', {}, r.agency)) : null,
    kh.meta(r), kh.sites(r));
};

kh.hit = function (r) {
  if (!r || typeof r !== 'object')
    return null;
  return r.type === 'statement' ? kh.statement(r) : r.type === 'fact' ? kh.fact(r) : kh.article(r);
};

// «prev 1 2 [3] 4 next» for `total` hits, `per` a page; `href(page)` makes the links.
kh.pager = function (total, page, per, href) {
  const last = Math.max(1, Math.ceil(total / per));
  if (last === 1)
    return null;
  const nav = kh.el('nav', {class: 'pager', 'aria-label': 'صفحه‌ها'});
  const add = (p, label, rel) => kh.append(nav, [p === page ?
    kh.el('span', {class: 'current', 'aria-current': 'page'}, label) :
    kh.el('a', {href: href(p), rel: rel || null}, label)]);
  if (page > 1)
    add(page - 1, 'قبلی', 'prev');
  const from = Math.max(1, page - 3), to = Math.min(last, page + 3);
  for (let p = from; p <= to; p++)
    add(p, kh.fa(p));
  if (page < last)
    add(page + 1, 'بعدی', 'next');
  return nav;
};

kh.searchView = function (data, state, per) {
  const results = Array.isArray(data.results) ? data.results : [];
  const first = (state.page - 1) * per + 1;
  const head = kh.el('p', {class: 'count'}, data.total ?
    'نتیجه‌های ' + kh.fa(first) + ' تا ' + kh.fa(first + results.length - 1) + ' از ' +
      (data.total > first + results.length - 1 ? 'حدود ' : '') + kh.fa(data.total) :
    'نتیجه‌ای پیدا نشد.');
  const list = kh.el('section', {class: 'results', 'aria-label': 'نتیجه‌ها'},
    results.map(kh.hit));
  return [head, list, kh.pager(data.total, state.page, per,
    (p) => kh.link({...state.params, page: p > 1 ? p : null}))];
};

// An official: the forms of the name, the roles over time, statements a month, and the
// statements in date order (`per` a page).
kh.personView = function (d, state, per) {
  const out = [kh.el('h2', {class: 'person-name'}, d.name || state.person)];
  const others = (d.aliases || []).map((a) => a.name).filter((n) => n && n !== d.name);
  if (others.length)
    out.push(kh.el('p', {class: 'aliases'}, 'به این نام‌ها هم: ', others.join('، ')));
  out.push(kh.el('p', {class: 'counts'}, kh.fa(d.statements || 0) + ' گفته در ' +
    kh.fa(d.articles || 0) + ' خبر' + (d.truncated ? ' (نمایش ' + kh.fa((d.results || []).length) +
    ' گفتهٔ نخست)' : '')));
  const roles = d.roles || [];
  if (roles.length) {
    out.push(kh.el('h3', {}, 'سمت‌ها'));
    out.push(kh.el('table', {class: 'roles'},
      kh.el('thead', {}, kh.el('tr', {}, kh.el('th', {}, 'سمت'), kh.el('th', {}, 'از'),
        kh.el('th', {}, 'تا'), kh.el('th', {}, 'گفته‌ها'))),
      kh.el('tbody', {}, roles.map((r) => kh.el('tr', {},
        kh.el('td', {class: 'role'}, r.role || ''),
        kh.el('td', {}, r.first ? kh.jalali(r.first) : '—'),
        kh.el('td', {}, r.last ? kh.jalali(r.last) : '—'),
        kh.el('td', {}, kh.fa(r.statements || 0)))))));
  }
  if ((d.timeline || []).length) {
    out.push(kh.el('h3', {}, 'گفته‌ها در هر ماه'));
    out.push(kh.el('figure', {class: 'chart-box'}, kh.timelineChart(d.timeline)));
  }
  const all = d.results || [];
  out.push(kh.el('h3', {}, 'گفته‌ها به ترتیب تاریخ'));
  const page = all.slice((state.page - 1) * per, state.page * per);
  out.push(kh.el('section', {class: 'results'}, page.map(kh.statement)));
  out.push(kh.pager(all.length, state.page, per,
    (p) => kh.link({person: state.person, page: p > 1 ? p : null})));
  if (d.source === 'speaker')
    out.push(kh.el('p', {class: 'note'}, 'گفته‌هایی که به این نام نسبت داده شده‌اند (با هر املایی از نام).'));
  return out;
};

// An organization: its percentages over time as a chart, then the facts in date order.
kh.orgView = function (name, data, state, per) {
  const facts = (data.results || []).filter((r) => typeof r.value === 'number')
    .map((r, i) => ({r, i, t: kh.isoTime(r.date)}))
    .sort((a, b) => (isNaN(a.t) - isNaN(b.t)) || (a.t - b.t) || (a.i - b.i));
  const out = [kh.el('h2', {class: 'org-name'}, name),
    kh.el('p', {class: 'counts'}, kh.fa(data.total || 0) + ' رقم درصدی' +
      (data.total > facts.length ? ' (نمایش ' + kh.fa(facts.length) + ')' : ''))];
  const dated = facts.filter((f) => !isNaN(f.t));
  if (dated.length) {
    out.push(kh.el('h3', {}, 'درصدها در گذر زمان'));
    out.push(kh.el('figure', {class: 'chart-box'}, kh.factsChart(dated.map((f) =>
      ({t: f.t, v: f.r.value, date: f.r.jalali || f.r.date, text: f.r.sentence || ''})))));
  }
  out.push(kh.el('h3', {}, 'همهٔ درصدها به ترتیب تاریخ'));
  const page = facts.slice((state.page - 1) * per, state.page * per);
  out.push(kh.el('section', {class: 'results'}, page.map((f) => kh.fact(f.r))));
  out.push(kh.pager(facts.length, state.page, per,
    (p) => kh.link({organization: name, page: p > 1 ? p : null})));
  return out;
};

// The home page: what the database holds, and where to start.
kh.homeView = function (s) {
  const list = (items, key) => kh.el('ul', {class: 'tops'}, (items || []).map((t) =>
    kh.el('li', {}, kh.el('a', {href: kh.link({[key]: t.name})}, t.name), ' ',
      kh.el('span', {class: 'n'}, kh.fa(t.documents)))));
  return [
    kh.el('p', {class: 'counts'}, 'در این پایگاه: ' + kh.fa(s.articles || 0) + ' خبر، ' +
      kh.fa(s.statements || 0) + ' گفته، ' + kh.fa(s.facts || 0) + ' رقم درصدی.'),
    kh.el('div', {class: 'columns'},
      kh.el('section', {}, kh.el('h3', {}, 'بیشترین گفته‌ها'), list(s.top_speakers, 'person')),
      kh.el('section', {}, kh.el('h3', {}, 'سازمان‌ها'), list(s.top_organizations, 'organization')))];
};

kh.errorView = function (msg) {
  return kh.el('p', {class: 'error', role: 'alert'}, msg);
};

kh.typeName = (t) => TYPE_NAMES[t] || t;
