#!/usr/bin/env python3
"""Checks a crawl of the fixture site: the crawler's JSON log and the site's request log.
    check_run.py first|second CRAWL_LOG REQUEST_LOG BASE"""
import collections, json, sys

which, crawl_log, request_log, base = sys.argv[1:5]
events = [json.loads(l) for l in open(crawl_log, encoding="utf-8") if l.startswith("{")]
requests = [json.loads(l) for l in open(request_log, encoding="utf-8") if l.strip()]
summary = [e for e in events if e["event"] == "summary"][-1]
fails = 0


def check(cond, what):
    global fails
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        fails += 1


def urls(kind):
    return [e["url"][len(base):] for e in events if e["event"] == kind]


def hits(path):
    return [r for r in requests if r["path"] == path]


if which == "first":
    indexed = urls("indexed")
    want = {"/news/%d.html" % i for i in range(40)} | {"/private/open.html"} | {
        "/fault/" + f for f in ("500", "429", "503", "reset", "wrong-charset")}
    want |= {"/fault/cp1256"}  # /fault/redirect's target, indexed under its own URL
    got = set(indexed)
    check(len(indexed) == len(got), "no URL indexed twice")
    check(got == want, "indexed exactly the articles (missing %s, extra %s)" %
          (sorted(want - got), sorted(got - want)))
    check(summary["indexed"] == 47, "summary: %d indexed" % summary["indexed"])
    dups = set(urls("duplicate"))
    check(dups == {"/copy/0.html"}, "duplicates by text: %s" % sorted(dups))
    # redirects are queued as URLs: robots.txt and politeness apply to their targets, a
    # loop ends at a URL already known, a chain after 5 redirects
    redirected = {e["url"][len(base):]: e.get("detail", "") for e in events
                  if e["event"] == "redirect"}
    for path, to in (("/fault/redirect", "/fault/cp1256 (already known)"),
                     ("/fault/loop", "/fault/loop2"), ("/fault/loop2", "/fault/loop (already known)"),
                     ("/fault/toprivate", "/private/other.html")):
        check(redirected.get(path, "").endswith(to), "%s redirected to %s: %s" %
              (path, to, redirected.get(path)))
    check(["/fault/chain%d" % i for i in range(5)] == sorted(
          p for p in redirected if p.startswith("/fault/chain")),
          "the chain followed 5 times: %s" % sorted(p for p in redirected if "chain" in p))
    check(summary["redirects"] == len(redirected) + 2,
          "summary: %d redirects" % summary["redirects"])
    failed = {e["url"][len(base):]: e.get("detail", "") for e in events if e["event"] == "failed"}
    expect = {"/fault/chain5": "more than 5 redirects", "/fault/file": "other than http",
              "/fault/huge": "over the limit", "/fault/bomb": "compressed size",
              "/fault/404": "HTTP 404", "/fault/slow": "timed out",
              "/fault/badxml.xml": "malformed XML", "/fault/laughs.xml": "malformed XML"}
    for path, why in expect.items():
        check(why in failed.get(path, ""), "%s failed: %s" % (path, failed.get(path)))
    check(set(failed) == set(expect), "nothing else failed: %s" % sorted(set(failed) - set(expect)))
    check(sorted(urls("denied")) == ["/private/other.html", "/private/secret.html"],
          "robots.txt denied /private/secret.html and the redirect to /private/other.html: %s"
          % urls("denied"))
    retries = collections.Counter(urls("retry"))
    check(retries == {"/fault/500": 2, "/fault/429": 1, "/fault/503": 1, "/fault/slow": 2},
          "retries: %s" % dict(retries))
    check(requests[0]["path"] == "/robots.txt", "robots.txt is the first request")
    check(not hits("/private/secret.html") and not hits("/private/other.html"),
          "the forbidden pages were never requested")
    check(all(r["ua"].startswith("khabar/") for r in requests), "User-Agent names khabar")
    check(all("gzip" in r["ae"] and "br" in r["ae"] for r in requests), "gzip and br accepted")
    for path in ("/fault/429", "/fault/503"):
        h = hits(path)
        check(len(h) == 2 and h[1]["t"] - h[0]["t"] >= 0.95,
              "%s: Retry-After honoured (%s)" % (path, [round(x["t"] - h[0]["t"], 2) for x in h]))
    h = hits("/fault/500")
    waits = [float(e["detail"].rsplit(" in ", 1)[1].rstrip("s")) for e in events
             if e["event"] == "retry" and e["url"].endswith("/fault/500")]
    gaps = [h[i + 1]["t"] - h[i]["t"] for i in range(len(h) - 1)]
    check(len(h) == 3 and len(waits) == 2 and waits[1] > waits[0] and
          all(g >= w * 0.9 for g, w in zip(gaps, waits)),
          "/fault/500: backoff grows (waits %s, gaps %s)" % (waits, [round(g, 2) for g in gaps]))
    for path in ("/fault/bomb", "/fault/huge", "/fault/file", "/fault/404"):
        check(len(hits(path)) == 1, "%s not retried" % path)
    pages = collections.Counter(r["path"] for r in requests if r["path"].startswith("/news/"))
    check(len(pages) == 40 and set(pages.values()) == {1}, "each article page fetched once")
else:
    check(not [r for r in requests if r["path"].startswith("/news/")], "no page fetched again")
    feeds = [r for r in requests if r["path"] != "/robots.txt"]
    check(feeds and all(r["inm"] and r["status"] == 304 for r in feeds),
          "every feed asked with If-None-Match and got 304 (%d)" % len(feeds))
    check(summary["indexed"] == 0 and summary["not_modified"] == len(feeds),
          "summary: %d indexed, %d not modified" % (summary["indexed"], summary["not_modified"]))
sys.exit(1 if fails else 0)
