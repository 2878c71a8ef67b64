// app.js — the page's state lives in its address (/?q=...&type=...&page=2,
// /?person=NAME, /?organization=NAME), so that a search can be shared: the form writes the
// address, the address says what to show. Every view asks the JSON API of the same server.
'use strict';

const PER_PAGE = 10;
const FIELDS = ['q', 'speaker', 'org', 'agency', 'from', 'to', 'percent'];

// What the address asks for.
function readState() {
  const p = new URLSearchParams(location.search);
  const st = {params: {}, person: p.get('person'), organization: p.get('organization')};
  for (const k of FIELDS)
    if (p.get(k))
      st.params[k] = p.get(k);
  st.type = p.get('type') || 'statements'; // 'all' for every type
  if (p.get('type'))
    st.params.type = st.type;
  const page = parseInt(kh.ascii(p.get('page') || '1'), 10);
  st.page = page > 0 && page < 100000 ? page : 1;
  return st;
}

// The form shows the search the address holds.
function fillForm(st) {
  const set = (id, v) => { document.getElementById(id).value = v || ''; };
  set('f-q', st.params.q);
  set('f-speaker', st.params.speaker);
  set('f-org', st.params.org);
  set('f-agency', st.params.agency);
  set('f-from', st.params.from);
  set('f-to', st.params.to);
  const [lo, hi] = (st.params.percent || '').split('..');
  set('f-pmin', lo);
  set('f-pmax', hi);
  document.getElementById('f-type').value = st.type === 'all' ? '' : st.type;
  if (['speaker', 'org', 'agency', 'from', 'to', 'percent'].some((k) => st.params[k]))
    document.getElementById('more').open = true;
}

// The form's fields as an address: only what was filled in.
function formAddress() {
  const v = (id) => document.getElementById(id).value.trim();
  const lo = kh.ascii(v('f-pmin')), hi = kh.ascii(v('f-pmax'));
  return kh.link({
    q: v('f-q'), type: v('f-type') || 'all', speaker: v('f-speaker'), org: v('f-org'),
    agency: v('f-agency'), from: kh.ascii(v('f-from')), to: kh.ascii(v('f-to')),
    percent: lo || hi ? lo + '..' + hi : '',
  });
}

function loading(view) {
  kh.show(view, kh.el('p', {class: 'loading'}, 'در حال جستجو…'));
}

async function showSearch(view, st) {
  const q = {...st.params, limit: PER_PAGE, offset: (st.page - 1) * PER_PAGE};
  if (st.type === 'all')
    delete q.type;
  else
    q.type = st.type;
  const data = await kh.api('/api/search', q);
  document.title = (st.params.q || st.params.speaker || st.params.org || 'جستجو') + ' — خبر';
  kh.show(view, kh.searchView(data, st, PER_PAGE));
}

async function showPerson(view, st) {
  document.title = st.person + ' — خبر';
  const data = await kh.api('/api/person', {name: st.person});
  kh.show(view, kh.personView(data, st, 20));
}

async function showOrganization(view, st) {
  document.title = st.organization + ' — خبر';
  const data = await kh.api('/api/search', {type: 'facts', org: st.organization, limit: 1000});
  kh.show(view, kh.orgView(st.organization, data, st, 20));
}

async function showHome(view) {
  const stats = await kh.api('/api/stats', {});
  kh.show(view, kh.homeView(stats));
}

async function render() {
  const view = document.getElementById('view');
  const st = readState();
  fillForm(st);
  loading(view);
  try {
    if (st.person)
      await showPerson(view, st);
    else if (st.organization)
      await showOrganization(view, st);
    else if (Object.keys(st.params).some((k) => k !== 'type'))
      await showSearch(view, st);
    else
      await showHome(view);
  } catch (e) {
    kh.show(view, kh.errorView(e.status === 400 ? 'جستجو را نفهمیدم: ' + e.message :
      e.status === 501 ? 'هنوز ساخته نشده: ' + e.message : 'خطا: ' + e.message));
  }
  document.body.dataset.ready = '1'; // for the browser tests: the view is drawn
}

document.getElementById('search').addEventListener('submit', (ev) => {
  ev.preventDefault();
  location.assign(formAddress());
});
render();
