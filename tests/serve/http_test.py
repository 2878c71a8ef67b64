#!/usr/bin/env python3
"""`khabar serve` over HTTP on loopback: every endpoint and every error; the API against
`khabar search --jsonl` for the same queries (byte for byte); the official's page against
the statements; a new generation seen without a restart; several databases and remote
shards; bad requests that never stop the server; the log; a clean exit on SIGTERM/SIGINT.
Usage: http_test.py KHABAR FIXTURES"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server import Server  # noqa: E402
import make_db  # noqa: E402

khabar, fixtures = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="kh-serve-")
fails = 0
checks = 0


def check(ok, what):
    global fails, checks
    checks += 1
    print(("ok - " if ok else "not ok - ") + what)
    if not ok:
        fails += 1


def run(*args):
    return subprocess.run([khabar, *args], capture_output=True)


def url(path, **params):
    return path + ("?" + urllib.parse.urlencode(params) if params else "")


def cli_lines(db, *args):
    r = run("search", "--jsonl", db, *args)
    return r.returncode, r.stdout.decode()


def raw(port, data, timeout=5):
    """Sends bytes on a fresh connection; the answer's first line ('' if none)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        got = b""
        while b"\r\n" not in got:
            chunk = s.recv(4096)
            if not chunk:
                break
            got += chunk
        return got.split(b"\r\n", 1)[0].decode("latin-1")
    except (ConnectionResetError, socket.timeout, BrokenPipeError):
        return ""
    finally:
        s.close()


# ---- the databases: the fixtures and the made-up records (with the hostile article)
made = os.path.join(tmp, "made.jsonl")
make_db.main(made)
db = os.path.join(tmp, "db")
pages = [os.path.join(fixtures, f) for f in ("seed-article.html", "news-lead.html",
                                             "news-table-layout.html")]
assert run("index", "-q", db, made, *pages).returncode == 0

# ---- the command line of serve
r = run("serve", "--help")
check(r.returncode == 0 and b"--listen" in r.stdout and b"--threads" in r.stdout, "--help")
for bad in (["--listen", "nowhere"], ["--listen", "127.0.0.1:99999"], ["--threads", "0"],
            ["--threads", "x"], []):
    r = run("serve", *bad, *([db] if bad else []))
    check(r.returncode == 2 and len(r.stderr.strip().splitlines()) >= 1, "bad usage %s: exit 2" % bad)
r = run("serve", "--listen", "127.0.0.1:0", os.path.join(tmp, "no-such-db"))
check(r.returncode == 1 and r.stderr.count(b"\n") == 1, "a missing database: one line, exit 1")

srv = Server(khabar, db, os.path.join(tmp, "log"), "--threads", "3")
check(srv.port > 0 and "3 threads" in srv.read_log(), "listens on a free loopback port")
r = run("serve", "--listen", "127.0.0.1:%d" % srv.port, db)
check(r.returncode == 1 and r.stderr.count(b"\n") == 1 and b"in use" in r.stderr,
      "a port in use: one line, exit 1: %s" % r.stderr.decode().strip())
status, headers, body = srv.get("/")
check(status == 200 and headers["Content-Type"].startswith("text/html")
      and b'dir="rtl"' in body and "script-src 'self'" in headers["Content-Security-Policy"],
      "/ is the page, RTL, with a CSP of our own files only")
for f, t in (("/app.js", "text/javascript"), ("/style.css", "text/css"), ("/dom.js", "text/javascript"),
             ("/chart.js", "text/javascript"), ("/views.js", "text/javascript"),
             ("/favicon.svg", "image/svg+xml")):
    status, headers, body = srv.get(f)
    check(status == 200 and headers["Content-Type"].startswith(t) and len(body) > 50
          and headers["X-Content-Type-Options"] == "nosniff", "%s served as %s" % (f, t))
check(all(b"//cdn" not in srv.get(f)[2] and b"https://" not in srv.get(f)[2]
          for f in ("/", "/style.css")), "the page names no outside host")

# ---- /api/search is what `khabar search --jsonl` prints, byte for byte
QUERIES = [
    ({"speaker": "زارع پور"}, ["--speaker", "زارع پور"]),
    ({"q": "speaker:«زارع‌پور»"}, ["speaker:«زارع‌پور»"]),
    ({"q": "پنجره ملی", "type": "statements"}, ["--type", "statements", "پنجره ملی"]),
    ({"org": "سازمان توسعه تجارت"}, ["--org", "سازمان توسعه تجارت"]),
    ({"percent": "30..40"}, ["--percent", "30..40"]),
    ({"type": "facts", "org": "بانک مرکزی", "limit": "50"}, ["-t", "facts", "-o", "بانک مرکزی", "-n", "50"]),
    ({"type": "articles"}, ["--type", "articles"]),
    ({"q": "date:1402-09-01..1402-09-10", "type": "articles"}, ["-t", "articles", "date:1402-09-01..1402-09-10"]),
    ({"from": "2023-05-01", "to": "2023-05-31", "speaker": "علی کاظمی", "limit": "7", "offset": "3"},
     ["-f", "2023-05-01", "-T", "2023-05-31", "-s", "علی کاظمی", "-n", "7", "-O", "3"]),
    ({"from": "۱۴۰۲/۰۲/۰۱", "to": "۱۴۰۲/۰۲/۳۱", "type": "statements"}, ["-f", "1402-02-01", "-T", "1402-02-31", "-t", "statements"]),
    ({"agency": "خبرگزاری نمونه", "limit": "100"}, ["--agency", "خبرگزاری نمونه", "-n", "100"]),
    ({"q": "مصرف", "speaker": "مریم صالحی"}, ["--speaker", "مریم صالحی", "مصرف"]),
    ({"q": "خطرناک"}, ["خطرناک"]),
    ({"q": "هیچ‌چیزِنبوده"}, ["هیچ‌چیزِنبوده"]),
]
for params, args in QUERIES:
    rc, lines = cli_lines(db, *args)
    status, headers, body = srv.get(url("/api/search", **params))
    text = body.decode()
    ok = status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
    try:
        o = json.loads(text)
        start = text.index('"results":[') + len('"results":[')
        joined = text[start:text.rindex("]}")]
        ok = ok and rc == 0 and joined == ",".join(lines.splitlines())
        ok = ok and o["results"] == [json.loads(x) for x in lines.splitlines()]
        ok = ok and o["total"] >= len(o["results"]) + int(params.get("offset", 0)) * bool(o["results"])
    except (ValueError, KeyError) as e:
        ok = False
    check(ok, "/api/search %s = khabar search --jsonl %s (%d records)" %
          (params, " ".join(args), len(lines.splitlines())))
# totals: all the matches, past the page
_, every = cli_lines(db, "-s", "علی کاظمی", "-n", "1000")
o = json.loads(srv.get(url("/api/search", speaker="علی کاظمی", limit=5))[2])
check(o["total"] == len(every.splitlines()) == 25 and len(o["results"]) == 5,
      "total counts every match (25), a page holds 5")
o2 = json.loads(srv.get(url("/api/search", speaker="علی کاظمی", limit=5, offset=20))[2])
check([json.dumps(x, ensure_ascii=False) for x in o2["results"]] ==
      [json.dumps(json.loads(x), ensure_ascii=False) for x in every.splitlines()[20:25]],
      "offset 20 gives the last page, as the CLI orders them")
status, headers, body = srv.get(url("/api/search", speaker="زارع پور"), method="HEAD")
check(status == 200 and body == b"" and int(headers["Content-Length"]) ==
      len(srv.get(url("/api/search", speaker="زارع پور"))[2]), "HEAD: the headers of GET, no body")

# ---- /api/stats is `khabar stats`
status, headers, body = srv.get("/api/stats")
check(status == 200 and json.loads(body) == json.loads(run("stats", db).stdout),
      "/api/stats = khabar stats")

# ---- /api/person: the statements credited to the name, in date order
_, st = cli_lines(db, "-t", "statements", "-s", "مریم صالحی", "-n", "1000")
st = [json.loads(x) for x in st.splitlines()]
status, _, body = srv.get(url("/api/person", name="مریم صالحی"))
p = json.loads(body) if status == 200 else {}
res = p.get("results", [])
check(status == 200 and len(res) == len(st) == 16 and p["statements"] == 16,
      "/api/person: the 16 statements of «مریم صالحی» (spelled two ways)")
check(sorted(json.dumps(x, sort_keys=True) for x in res) == sorted(json.dumps(x, sort_keys=True) for x in st),
      "/api/person: exactly the statements `khabar search speaker:` finds")
check([x["date"] for x in res] == sorted(x["date"] for x in res), "/api/person: in date order")
roles = p.get("roles", [])
check([(r["role"], r["first"], r["last"], r["statements"]) for r in roles] ==
      [("معاون وزیر نیرو", "1401-10-10", "1401-12-10", 6), ("وزیر نیرو", "1402-01-10", "1402-07-10", 10)],
      "/api/person: two roles with their first and last dates")
check(sum(t["statements"] for t in p.get("timeline", [])) == 16 and
      [t["month"] for t in p.get("timeline", [])] == ["1401-10", "1401-11", "1401-12", "1402-01",
                                                      "1402-02", "1402-04", "1402-05", "1402-07"],
      "/api/person: statements a month")
check(p.get("name") == "مریم صالحی" and {a["name"] for a in p.get("aliases", [])} == {"مریم صالحی", "مريم صالحي"}
      and p.get("articles") == 8, "/api/person: the name, its two spellings, 8 articles")
p2 = json.loads(srv.get(url("/api/person", name="مریم صالحی", **{"from": "1402-01-01", "to": "1402-12-29"}))[2])
check(p2.get("statements") == 10 and [r["role"] for r in p2["roles"]] == ["وزیر نیرو"],
      "/api/person with from/to: the statements of 1402 only")
check(json.loads(srv.get(url("/api/person", name="کسی که نیست"))[2]).get("statements") == 0,
      "/api/person of nobody: no statements, not an error")

# ---- what is not built yet: 501 with a JSON error
for path in (url("/api/people", q="صالحی"), url("/api/story", id="abc")):
    status, headers, body = srv.get(path)
    check(status == 501 and "error" in json.loads(body), "%s: 501 until the index has it" % path)

# ---- 400: bad parameters, each a one-line JSON error
BAD = [
    ("/api/search", {"type": "bogus"}), ("/api/search", {"from": "1402-13-01"}),
    ("/api/search", {"from": "abc"}), ("/api/search", {"from": "1402-01-01", "to": "2023-01-01"}),
    ("/api/search", {"from": "1402-05-01", "to": "1402-01-01"}),
    ("/api/search", {"percent": "50..20"}), ("/api/search", {"percent": "abc"}),
    ("/api/search", {"percent": "nan..5"}), ("/api/search", {"percent": ""}),
    ("/api/search", {"speaker": ""}), ("/api/search", {"org": ""}), ("/api/search", {"agency": ""}),
    ("/api/search", {"type": ""}),
    ("/api/search", {"limit": "0"}), ("/api/search", {"limit": "abc"}), ("/api/search", {"limit": "100000"}),
    ("/api/search", {"limit": "-1"}), ("/api/search", {"offset": "-5"}), ("/api/search", {"offset": "9999999"}),
    ("/api/search", {"colour": "red"}), ("/api/search", {"q": "speaker:«زارع"}),
    ("/api/search", {"q": "colour:red"}), ("/api/search", {"q": "x" * 3000}),
    ("/api/person", {}), ("/api/person", {"name": ""}), ("/api/person", {"name": "x", "limit": "0"}),
    ("/api/person", {"name": "x", "from": "bad"}), ("/api/person", {"nam": "x"}),
    ("/api/people", {"limit": "x"}), ("/api/people", {"who": "x"}),
    ("/api/story", {}), ("/api/story", {"id": ""}), ("/api/stats", {"x": "1"}),
]
for path, params in BAD:
    status, headers, body = srv.get(url(path, **params))
    try:
        msg = json.loads(body)["error"]
        ok = status == 400 and headers["Content-Type"].startswith("application/json") and \
            isinstance(msg, str) and "\n" not in msg and 0 < len(msg) < 300
    except (ValueError, KeyError, TypeError):
        ok, msg = False, body[:80]
    check(ok, "400 %s %s: %s" % (path, params if len(str(params)) < 60 else "(long)", msg))
for q, what in (("?q=%FF%FE", "bytes that are not UTF-8"), ("?q=a%00b", "a NUL byte"),
                ("?q=a&q=b", "a parameter twice"), ("?" + "&".join("k%d=1" % i for i in range(30)), "30 parameters"),
                ("?%3Cscript%3E=1", "a name that is markup")):
    status, headers, body = srv.get("/api/search" + q)
    check(status == 400 and "error" in json.loads(body), "400 for %s: %s" % (what, json.loads(body).get("error")))

# ---- 404, 405, 413, 414: never a file outside the app, never a stop
for path in ("/nothing", "/api/nothing", "/api", "/api/", "/index.html", "/web/app.js", "/app.js/",
             "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "//etc/passwd", "/CMakeLists.txt"):
    status, headers, body = srv.get(path)
    check(status == 404 and b"root:" not in body and "error" in json.loads(body), "404 %s" % path)
for line in (b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
             b"GET ../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"):
    first = raw(srv.port, line)
    check(first.split(" ")[1:2] in (["404"], ["400"]), "raw %r: %s" % (line[:30], first))
for m in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
    status, headers, body = srv.get("/api/search", method=m, data=b"x=1" if m in ("POST", "PUT") else None)
    check(status == 405 and headers.get("Allow") == "GET, HEAD" and "error" in json.loads(body), "405 %s" % m)
status, headers, body = srv.get("/api/stats", data=b"a" * 5000, method="GET")
check(status == 413 and "error" in json.loads(body), "413 for a 5,000-byte body")
first = raw(srv.port, b"GET /api/stats HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"1000\r\n" + b"a" * 4096 + b"\r\n0\r\n\r\n")
check(first.endswith("413 Content Too Large") or " 413 " in first + " ", "413 for a chunked body: %s" % first)
status, headers, body = srv.get("/api/search?q=" + "a" * 9000)
check(status == 414 and "error" in json.loads(body), "414 for a 9,000-byte address")
first = raw(srv.port, b"GET /api/search?q=" + b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
check(" 414 " in first + " " or first == "", "414 for a 100,000-byte address (libmicrohttpd's): %s" % first)
for junk in (b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x00\xff\xfe\r\n\r\n",
             b"GET / HTTP/1.1\r\n" + b"X-Long: " + b"b" * 70000 + b"\r\n\r\n", b"GET /"):
    raw(srv.port, junk, timeout=2)
check(srv.get("/api/stats")[0] == 200 and srv.proc.poll() is None, "after all the bad requests the server answers")

# ---- many at once: every answer whole
want = srv.get(url("/api/search", speaker="علی کاظمی", limit=25))[2]
answers = []


def worker():
    for _ in range(25):
        answers.append(srv.get(url("/api/search", speaker="علی کاظمی", limit=25))[2])


threads = [threading.Thread(target=worker) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
check(len(answers) == 200 and all(a == want for a in answers), "200 requests from 8 clients at once, all alike")

# ---- a new generation is seen without a restart
extra = os.path.join(tmp, "extra.jsonl")
with open(extra, "w", encoding="utf-8") as f:
    f.write(json.dumps(make_db.record("https://late.example/1", "خبر دیرآمده", "متن دیرآمده.", "2023-11-01",
                                      "1402-08-10", [make_db.statement("نرگس دیرآمده", None, "تازه رسیدم")]),
                       ensure_ascii=False) + "\n")
before = json.loads(srv.get("/api/stats")[2])["articles"]
assert run("index", "-q", db, extra).returncode == 0
seen = False
for _ in range(40):
    if json.loads(srv.get(url("/api/search", speaker="نرگس دیرآمده"))[2])["total"] == 1:
        seen = True
        break
    time.sleep(0.1)
check(seen and json.loads(srv.get("/api/stats")[2])["articles"] == before + 1,
      "an article indexed while serving is found within 4 s, no restart")

# ---- the log: one line a request
log = srv.read_log()
lines = [x for x in log.splitlines() if " GET /api/search?type=bogus 400 " in x]
check(len(lines) == 1 and lines[0][:4].isdigit() and lines[0].endswith("ms"),
      "one log line a request: %s" % (lines[0] if lines else None))
check(" POST /api/search 405 " in log and " GET /nothing 404 " in log, "errors are logged too")
code = srv.stop(signal.SIGTERM)
check(code == 0 and "SIGTERM, stopping" in srv.read_log(), "SIGTERM: a clean exit (%s)" % code)

# ---- several databases and remote shards, as `khabar search` reads them
a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
assert run("index", "-q", a, pages[0], made).returncode == 0
assert run("index", "-q", b, *pages[1:]).returncode == 0
srv2 = Server(khabar, a + "," + b, os.path.join(tmp, "log2"), "--threads", "1")
check("2 databases" in srv2.read_log(), "two databases, one thread")
for params, args in QUERIES[:8]:
    rc, lines = cli_lines(a + "," + b, *args)
    o = json.loads(srv2.get(url("/api/search", **params))[2])
    check(o["results"] == [json.loads(x) for x in lines.splitlines()], "DB,DB: %s" % params)
tcpsrv = shutil.which("xapian-tcpsrv")
if tcpsrv:
    procs, stub = [], os.path.join(tmp, "shards.stub")
    with open(stub, "w") as f:
        for shard in (a, b):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
            s.close()
            procs.append(subprocess.Popen([tcpsrv, "--port", str(port), "--interface", "127.0.0.1",
                                           "--quiet", shard], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
            f.write("remote 127.0.0.1:%d\n" % port)
    time.sleep(1)
    srv3 = Server(khabar, stub, os.path.join(tmp, "log3"))
    for params, args in QUERIES[:6]:
        o = json.loads(srv3.get(url("/api/search", **params))[2])
        o2 = json.loads(srv2.get(url("/api/search", **params))[2])
        check(o["results"] == o2["results"] and o["total"] == o2["total"], "remote shards: %s" % params)
    # a shard that goes down: 503 with a JSON error; back on its port: answers again
    # (xapian-tcpsrv forks a process a connection: those go too)
    kids = open("/proc/%d/task/%d/children" % (procs[0].pid, procs[0].pid)).read().split()
    procs[0].kill()
    procs[0].wait()
    for kid in kids:
        try:
            os.kill(int(kid), signal.SIGKILL)
        except ProcessLookupError:
            pass
    status, _, body = srv3.get(url("/api/search", speaker="زارع پور"))
    check(status == 503 and "error" in json.loads(body), "a shard down: 503 %s" % body[:80])
    port0 = int(open(stub).readline().split(":")[1])
    procs[0] = subprocess.Popen([tcpsrv, "--port", str(port0), "--interface", "127.0.0.1", "--quiet", a],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    back = False
    for _ in range(50):
        time.sleep(0.2)
        if srv3.get(url("/api/search", speaker="زارع پور"))[0] == 200:
            back = True
            break
    check(back, "the shard back on its port: answered again, no restart")
    check(srv3.stop(signal.SIGINT) == 0, "SIGINT: a clean exit")
    for p in procs:
        p.kill()
        p.wait()
else:
    print("# xapian-tcpsrv not installed: remote shards not tested")
srv2.stop()

shutil.rmtree(tmp, ignore_errors=True)
print("%d passed, %d failed" % (checks - fails, fails))
sys.exit(1 if fails else 0)
