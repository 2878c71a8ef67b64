#!/usr/bin/env python3
"""The page of `khabar serve` in headless Chromium (Debian's `chromium`, driven over its
DevTools pipe by cdp.py), as a person sees it: a search typed into the box, the advanced
fields, pages of results, an official's page with its timeline, an organization's page with
its chart, an error; and a hostile article whose markup and script show as text: nothing of
it runs, loads or becomes an element. With a directory, writes a screenshot of each page
there (`make screenshots`). Skips (77) without Chromium.
Usage: browser_test.py KHABAR FIXTURES [SCREENSHOT_DIR]"""
import json
import os
import shutil
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, find_chromium  # noqa: E402
from server import Server  # noqa: E402
import make_db  # noqa: E402
import subprocess  # noqa: E402

khabar, fixtures = sys.argv[1], sys.argv[2]
shots = sys.argv[3] if len(sys.argv) > 3 else None
chromium = find_chromium()
if not chromium:
    print("SKIP: chromium not installed (scripts/install-deps.sh installs it for make test)")
    sys.exit(77)
tmp = tempfile.mkdtemp(prefix="kh-browser-")
fails = checks = 0


def check(ok, what):
    global fails, checks
    checks += 1
    print(("ok - " if ok else "not ok - ") + what)
    if not ok:
        fails += 1


made = os.path.join(tmp, "made.jsonl")
make_db.main(made)
db = os.path.join(tmp, "db")
subprocess.run([khabar, "index", "-q", db, made] + [os.path.join(fixtures, f) for f in
               ("seed-article.html", "news-lead.html", "news-table-layout.html")], check=True)
srv = Server(khabar, db, os.path.join(tmp, "log"))
chrome_log = open(os.path.join(tmp, "chromium.log"), "wb")
b = Browser(chromium, log=chrome_log)


def page(**params):
    return srv.base + "/" + ("?" + urllib.parse.urlencode(params) if params else "")


def api(path, **params):
    return json.loads(srv.get(path + "?" + urllib.parse.urlencode(params))[2])


def shot(name):
    if shots:
        os.makedirs(shots, exist_ok=True)
        b.screenshot(os.path.join(shots, name + ".png"))
        print("# wrote %s" % os.path.join(shots, name + ".png"))


def texts(selector):
    return b.eval("[...document.querySelectorAll(%s)].map(e => e.textContent)" % json.dumps(selector))


FA = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

# ---- the home page: what the database holds
check(b.open(page()), "the home page draws")
stats = api("/api/stats")
counts = b.eval("document.querySelector('.counts').textContent")
check(str(stats["statements"]).translate(FA) in counts and str(stats["articles"]).translate(FA) in counts,
      "home: the counts of /api/stats, in Persian digits: %s" % counts)
check(texts(".tops a")[:3] == [t["name"] for t in stats["top_speakers"][:3]],
      "home: the top speakers, as links")
shot("home")

# ---- a search typed into the box, Enter: the statements of the API, in its order
b.type_and_enter("#f-q", "speaker:«مریم صالحی» مصرف")
check(b.wait("location.search.includes('q=') && document.body.dataset.ready === '1' && "
             "!!document.querySelector('.hit')"), "typing a query and Enter searches")
want = api("/api/search", q="speaker:«مریم صالحی» مصرف", type="statements", limit=10)["results"]
check(len(want) == 8 and texts(".hit.statement q.content") == [r["content"] for r in want],
      "search: the 8 statements the API gives, in its order")
check(set(texts(".hit.statement .speaker")) <= {"مریم صالحی", "مريم صالحي"} and
      "وزیر نیرو" in " ".join(texts(".hit.statement .role")), "search: who said it, and the role")
check(urllib.parse.parse_qs(b.eval("location.search")[1:]).get("q") == ["speaker:«مریم صالحی» مصرف"],
      "the address holds the query (a search can be shared)")
check(b.eval("document.getElementById('f-q').value") == "speaker:«مریم صالحی» مصرف",
      "the box shows the query of the address")
shot("search")

# ---- the advanced fields, Persian digits in the dates
b.open(page())
b.eval("""(() => { document.getElementById('more').open = true;
  document.getElementById('f-speaker').value = 'علی کاظمی';
  document.getElementById('f-from').value = '۱۴۰۲/۰۲/۱۱';
  document.getElementById('f-to').value = '۱۴۰۲/۰۲/۲۰';
  document.querySelector('#search button').click(); })()""")
check(b.wait("location.search.includes('speaker=') && document.body.dataset.ready === '1' && "
             "!!document.querySelector('.hit, .count')"), "the advanced fields search")
want = api("/api/search", speaker="علی کاظمی", type="statements", limit=10, **{"from": "1402-02-11", "to": "1402-02-20"})
check(want["total"] == 10 and texts(".hit.statement q.content") == [r["content"] for r in want["results"]],
      "speaker and a Jalali range in Persian digits: the 10 statements of the API")

# ---- pages of results
b.open(page(speaker="علی کاظمی"))
first = texts(".hit.statement q.content")
nxt = b.eval("(document.querySelector('.pager a[rel=next]') || {}).href")
check(len(first) == 10 and bool(nxt), "25 statements: 10 on the first page, a link to the next")
b.open(nxt)
want = api("/api/search", speaker="علی کاظمی", type="statements", limit=10, offset=10)["results"]
check(texts(".hit.statement q.content") == [r["content"] for r in want] and
      b.eval("document.querySelector('.pager .current').textContent") == "۲",
      "page 2: the API's offset 10")

# ---- an official's page, reached from a statement
b.open(page(q="مصرف", speaker="مریم صالحی"))
b.eval("document.querySelector('.hit.statement a.speaker').click()")
check(b.wait("location.search.includes('person=') && document.body.dataset.ready === '1' && "
             "!!document.querySelector('.person-name')"), "a speaker's name opens their page")
person = api("/api/person", name=b.eval("new URLSearchParams(location.search).get('person')"))
check(b.eval("document.querySelector('.person-name').textContent") == person["name"], "person: the name")
rows = b.eval("[...document.querySelectorAll('table.roles tbody tr')].map(r => "
              "[...r.cells].map(c => c.textContent))")
check(rows == [["معاون وزیر نیرو", "۱۰ دی ۱۴۰۱", "۱۰ اسفند ۱۴۰۱", "۶"],
               ["وزیر نیرو", "۱۰ فروردین ۱۴۰۲", "۱۰ مهر ۱۴۰۲", "۱۰"]],
      "person: roles over time, in Jalali dates: %s" % rows)
bars = b.eval("[...document.querySelectorAll('svg.timeline rect.bar')].map(r => "
              "[r.dataset.month, +r.dataset.count, +r.getAttribute('height')])")
check([m for m, _, _ in bars] == ["1401-10", "1401-11", "1401-12", "1402-01", "1402-02", "1402-03",
                                  "1402-04", "1402-05", "1402-06", "1402-07"] and
      sum(n for _, n, _ in bars) == 16, "person: a bar a month, the gaps too, 16 statements")
check(all((h > 0) == (n > 0) for _, n, h in bars) and len({h for _, n, h in bars if n == 2}) == 1,
      "person: bars as tall as their counts")
dates = b.eval("[...document.querySelectorAll('.hit.statement time')].map(t => t.getAttribute('datetime'))")
check(len(dates) == 16 and dates == sorted(dates), "person: the 16 statements in date order")
shot("person")

# ---- an organization's page: its percentages over time, drawn
b.open(page(organization="بانک مرکزی"))
pts = b.eval("[...document.querySelectorAll('svg.facts circle.point')].map(c => "
             "[+c.dataset.value, +c.getAttribute('cx'), +c.getAttribute('cy')])")
values = [45.5, 47, 48.2, 44, 40.5, 39, 41.25, 38]
check(sorted(v for v, _, _ in pts) == sorted(values), "organization: a point for each of its 8 percentages")
by_x = [v for v, _, _ in sorted(pts, key=lambda p: p[1])]
check(by_x == values, "organization: points in date order from left to right")
by_y = [v for v, _, _ in sorted(pts, key=lambda p: p[2])]
check(by_y == sorted(values, reverse=True), "organization: higher percentages drawn higher")
ticks = texts("svg.facts text.tick")
check(any("٪" in t for t in ticks) and any("۱۴۰۲" in t for t in ticks), "organization: axes in ٪ and Jalali months")
check(texts(".hit.fact .value")[0] == "۴۵٫۵٪", "organization: the facts listed, «۴۵٫۵٪» first")
shot("organization")

# ---- a bad query: the server's message on the page
b.open(page(q="percent:abc"))
err = b.eval("(document.querySelector('.error[role=alert]') || {}).textContent || ''")
check("percent" in err, "a bad query shows the server's one-line message: %s" % err)

# ---- the hostile article: shown as text, nothing runs, loads or becomes an element
HOSTILE_CHECK = """(() => ({
  pwned: window.__pwned === undefined ? null : window.__pwned,
  scripts: [...document.scripts].map(s => s.getAttribute('src')),
  markup: document.querySelectorAll('#view img, #view iframe, #view b:not(.value), #view script, #view style, ' +
    '#view svg:not(.chart), #view [onerror], #view [onload], #pwned').length,
  jslinks: [...document.querySelectorAll('a[href]')].filter(a => !/^https?:/.test(a.href)).length,
  visible: getComputedStyle(document.body).display !== 'none',
  text: document.getElementById('view').textContent,
}))()"""
for name, params, shown in (
        ("search", {"q": "خطرناک", "type": "all"},
         ["<script>window.__pwned=1;fetch('/pwned-script')</script>", "<iframe src=/pwned-frame></iframe>",
          "<a href=javascript:fetch('/pwned-agency')>خبرگزاری</a>", "<svg onload="]),
        ("organization", {"organization": "<b id=pwned>سازمان</b>"}, ["<b id=pwned>سازمان</b>"]),
        ("person", {"person": "<b id=pwned>گوینده</b>"}, ["<b id=pwned>گوینده</b>"])):
    check(b.open(page(**params)), "hostile %s page draws" % name)
    b.pump(0.5)
    h = b.eval(HOSTILE_CHECK)
    check(h["pwned"] is None and h["markup"] == 0 and h["jslinks"] == 0 and h["visible"] and
          h["scripts"] == ["/dom.js", "/chart.js", "/views.js", "/app.js"],
          "hostile %s: no script ran, no element made, no javascript: link (%s)" %
          (name, {k: v for k, v in h.items() if k != "text"}))
    check(all(s in h["text"] for s in shown), "hostile %s: the markup is shown as text" % name)
    if name == "search":
        shot("hostile")
b.open(page(organization="<b id=pwned>سازمان</b>"))
check(b.eval("document.querySelectorAll('svg.facts circle.point').length") == 1,
      "hostile organization: its one percentage drawn")

# ---- across every page: no script error, no dialog, nothing fetched from elsewhere
problems = b.problems()
check(not problems, "no script error and no dialog on any page %s" % problems[:3])
reqs = b.requests()
outside = [u for u in reqs if not u.startswith(srv.base + "/") and not u.startswith("about:")]
check(not outside, "every request went to the server itself (%d requests) %s" % (len(reqs), outside[:3]))
check(not [u for u in reqs if "pwned" in urllib.parse.urlparse(u).path] and " /pwned" not in srv.read_log(),
      "nothing of the hostile article was fetched (browser and server log)")

b.close()
chrome_log.close()
code = srv.stop()
check(code == 0, "the server stops cleanly")
shutil.rmtree(tmp, ignore_errors=True)
print("%d passed, %d failed" % (checks - fails, fails))
sys.exit(1 if fails else 0)
