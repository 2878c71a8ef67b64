#!/usr/bin/env python3
"""A fixture news site on loopback for the crawler's tests and benchmark.

    python3 site.py --port-file FILE [--log FILE] [--pages N] [--delay-ms MS] [--urls N]

Serves N Persian article pages (generated from the templates below: every page has its
own text), an RSS feed, an Atom feed, a sitemap index with a Google News sitemap and a
plain one, robots.txt, a home page that announces its feeds, and fault endpoints under
/fault/ (see FAULTS). ETag / If-None-Match and Last-Modified / If-Modified-Since give 304s.
--urls N adds a sitemap index of N page URLs (/big/...) for frontier-size runs.
Every request is logged as one JSON line (path, status, validators, user agent)."""
import argparse, gzip, hashlib, json, os, socket, sys, threading, time, zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROVINCES = ["تهران", "اصفهان", "خراسان رضوی", "فارس", "خوزستان", "آذربایجان شرقی", "گیلان",
             "مازندران", "کرمان", "هرمزگان", "یزد", "سیستان و بلوچستان"]
ORGS = ["سازمان برنامه و بودجه", "وزارت نیرو", "وزارت جهاد کشاورزی", "سازمان راهداری",
        "شرکت ملی پخش فرآورده‌های نفتی", "بانک مرکزی", "سازمان حفاظت محیط زیست",
        "وزارت آموزش و پرورش"]
PEOPLE = ["علی رضایی", "محمد کریمی", "حسین احمدی", "مریم موسوی", "رضا جعفری", "زهرا حسینی",
          "مهدی نوری", "فاطمه صادقی"]
ROLES = ["مدیرکل", "معاون", "رئیس", "سخنگوی"]
TOPICS = ["طرح آبرسانی روستایی", "بازسازی مدارس", "ساخت بزرگراه", "توسعه شبکه برق",
          "نوسازی ناوگان حمل و نقل", "احداث بیمارستان", "حمایت از کشاورزان", "مدیریت پسماند"]
MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
          "بهمن", "اسفند"]
DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def fa(n):
    return str(n).translate(DIGITS)


def article(i):
    """The title and HTML of page i: its numbers and names vary with i."""
    p = PROVINCES[i % len(PROVINCES)]
    o = ORGS[(i // 3) % len(ORGS)]
    who = PEOPLE[(i // 7) % len(PEOPLE)]
    role = ROLES[i % len(ROLES)]
    t = TOPICS[(i // 2) % len(TOPICS)]
    pct = 10 + (i * 7) % 85
    n = 100 + i * 13
    day = 1 + i % 28
    month = MONTHS[i % 12]
    title = "پیشرفت %s در استان %s به %s درصد رسید" % (t, p, fa(pct))
    paras = [
        "به گزارش خبرگزاری نمونه، %s %s %s استان %s گفت: %s در این استان تا پایان %s "
        "به %s درصد پیشرفت رسیده است و %s خانوار از آن بهره‌مند می‌شوند." %
        (who, role, o, p, t, month, fa(pct), fa(n)),
        "وی با بیان اینکه اعتبار این طرح از محل بودجه سال جاری تامین شده است، افزود: "
        "کار در %s نقطه از استان همزمان ادامه دارد و عملیات اجرایی بخش دوم از %s %s آغاز "
        "می‌شود." % (fa(3 + i % 40), fa(day), month),
        "%s همچنین از همکاری دستگاه‌های اجرایی استان %s قدردانی کرد و گفت که سهم بخش "
        "خصوصی در این طرح %s درصد است." % (who.split()[-1], p, fa(5 + i % 50)),
        "این گزارش می‌افزاید، شماره پرونده این طرح %s است و گزارش پیشرفت آن هر ماه در "
        "جلسه شورای برنامه‌ریزی استان بررسی می‌شود." % fa(10000 + i),
    ]
    body = "".join("<p>%s</p>\n" % x for x in paras)
    html = """<!DOCTYPE html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>%s - خبرگزاری نمونه</title>
<meta property="og:site_name" content="خبرگزاری نمونه">
<meta property="article:published_time" content="2023-11-%02dT10:%02d:00+03:30">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
</head><body>
<header><a href="/">خبرگزاری نمونه</a><nav><a href="/s/1">سیاسی</a> <a href="/s/2">اقتصادی</a></nav></header>
<main><article><h1>%s</h1>
<div class="item-text">
%s</div></article>
<aside><h3>پربازدیدها</h3><ul><li><a href="/news/1.html">خبر دیگر</a></li></ul></aside></main>
<footer>© ۱۴۰۲ خبرگزاری نمونه</footer>
</body></html>
""" % (title, 1 + i % 28, i % 60, title, body)
    return title, html


RSS_ITEM = "<item><title>%s</title><link>%s</link><pubDate>Sun, 26 Nov 2023 10:00:00 +0330</pubDate></item>\n"


class Site:
    def __init__(self, pages, urls):
        self.pages = pages
        self.urls = urls
        self.lock = threading.Lock()
        self.hits = {}
        self.cache = {}
        third = max(1, pages // 3)
        self.rss_pages = range(0, third)
        self.atom_pages = range(third, 2 * third)
        self.news_pages = range(2 * third, 2 * third + (pages - 2 * third) // 2)
        self.map_pages = range(2 * third + (pages - 2 * third) // 2, pages)

    def count(self, key):
        with self.lock:
            self.hits[key] = self.hits.get(key, 0) + 1
            return self.hits[key]

    def page(self, i):
        if i not in self.cache:
            self.cache[i] = article(i)[1].encode("utf-8")
        return self.cache[i]

    def rss(self, base):
        items = "".join(RSS_ITEM % ("خبر %d" % i, "%s/news/%d.html" % (base, i))
                        for i in self.rss_pages)
        # the same page twice (tracking parameters, fragment), a robots-forbidden page,
        # one robots allows by a longer rule, a copy of page 0 under another URL, faults
        extra = ["/news/0.html?utm_source=rss&utm_medium=feed#top", "/private/secret.html",
                 "/private/open.html", "/copy/0.html"] + ["/fault/" + f for f in FAULT_PAGES]
        items += "".join(RSS_ITEM % ("x", (base + e).replace("&", "&amp;")) for e in extra)
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>"
                "<title>خبرگزاری نمونه</title><link>%s/</link><ttl>1</ttl>\n%s</channel></rss>\n"
                % (base, items))

    def atom(self, base):
        entries = "".join(
            "<entry><title>t</title><link rel=\"alternate\" href=\"news/%d.html\"/>"
            "<link rel=\"enclosure\" href=\"/img/%d.jpg\"/><id>urn:%d</id>"
            "<updated>2023-11-26T10:00:00Z</updated></entry>\n" % (i, i, i)
            for i in self.atom_pages)
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                "xml:base=\"%s/\"><title>نمونه</title>\n%s</feed>\n" % (base, entries))

    def sitemap_index(self, base):
        maps = ["/sitemap-news.xml", "/sitemap-1.xml"]
        maps += ["/big/sitemap-%d.xml" % k for k in range((self.urls + 49999) // 50000)]
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + "".join("<sitemap><loc>%s%s</loc></sitemap>\n" % (base, m) for m in maps)
                + "</sitemapindex>\n")

    def urlset(self, base, paths, news=False):
        ns = " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"" if news else ""
        out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"%s>\n" % ns]
        for p in paths:
            if news:
                out.append("<url><loc>%s%s</loc><news:news><news:publication><news:name>نمونه</news:name>"
                           "<news:language>fa</news:language></news:publication>"
                           "<news:publication_date>2023-11-26T10:00:00+03:30</news:publication_date>"
                           "<news:title>خبر</news:title></news:news></url>\n" % (base, p))
            else:
                out.append("<url><loc>%s%s</loc><lastmod>2023-11-26</lastmod></url>\n" % (base, p))
        out.append("</urlset>\n")
        return "".join(out)


FAULT_PAGES = ["500", "429", "503", "reset", "slow", "loop", "file", "huge", "bomb",
               "wrong-charset", "cp1256", "404", "redirect", "chain0", "toprivate"]
ROBOTS = """# fixture robots.txt
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open.html
Crawl-delay: 0

Sitemap: %s/sitemap_index.xml
"""


def cp1256(page):
    """The page as an old windows-1256 site serves it: Arabic yeh and kaf, ASCII digits,
    no charset in the page itself."""
    page = page.replace('<meta charset="utf-8">', "").replace("ی", "ي").replace("ک", "ك")
    page = page.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    return page.encode("cp1256")


def make_bomb():
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    parts = [co.compress(b"<html><body>")]
    for _ in range(64):  # 64 MiB of zeros in ~65 KB
        parts.append(co.compress(chunk))
    parts.append(co.flush())
    return b"".join(parts)


BOMB = None
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"> <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"> <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"> <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
 <!ENTITY j "&i;&i;&i;&i;&i;&i;&i;&i;&i;&i;">
]>
<rss version="2.0"><channel><title>&j;</title><item><title>&j;</title><link>/news/laughs-&j;.html</link></item></channel></rss>
"""


def handler_for(site, log, delay):
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def setup(self):
            BaseHTTPRequestHandler.setup(self)
            # headers and body go out in separate writes: without this, delayed ACKs
            # add 40 ms to every response
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def base(self):
            return "http://%s" % self.headers.get("Host", "127.0.0.1")

        def record(self, status):
            if log:
                line = json.dumps({"t": round(time.time(), 3), "path": self.path, "status": status,
                                   "inm": self.headers.get("If-None-Match"),
                                   "ims": self.headers.get("If-Modified-Since"),
                                   "ua": self.headers.get("User-Agent"),
                                   "ae": self.headers.get("Accept-Encoding")})
                with site.lock:
                    log.write(line + "\n")
                    log.flush()

        def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=(),
                 validators=True):
            etag = '"%s"' % hashlib.md5(body).hexdigest()[:16]
            lm = "Sun, 26 Nov 2023 10:00:00 GMT"
            if validators and status == 200 and (self.headers.get("If-None-Match") == etag or
                                                 self.headers.get("If-Modified-Since") == lm):
                status, body = 304, b""
            self.record(status)
            self.send_response(status)
            if ctype and status != 304:
                self.send_header("Content-Type", ctype)
            if validators and status in (200, 304):
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", lm)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            path = self.path.split("?")[0]
            base = self.base()
            if delay:
                time.sleep(delay / 1000.0)
            xml = "application/xml; charset=utf-8"
            if path == "/robots.txt":
                return self.send(200, (ROBOTS % base).encode(), "text/plain")
            if path == "/":
                return self.send(200, ("<html><head><title>نمونه</title>"
                                       "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">"
                                       "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"atom.xml\">"
                                       "</head><body><a href=\"/news/0.html\">x</a></body></html>").encode())
            if path == "/feed.xml":
                return self.send(200, site.rss(base).encode(), "application/rss+xml; charset=utf-8")
            if path == "/atom.xml":
                return self.send(200, site.atom(base).encode(), "application/atom+xml")
            if path == "/sitemap_index.xml":
                return self.send(200, site.sitemap_index(base).encode(), xml)
            if path == "/sitemap-news.xml":
                return self.send(200, site.urlset(base, ["/news/%d.html" % i for i in site.news_pages], True).encode(), xml)
            if path == "/all.xml":  # every article page, nothing else
                return self.send(200, site.urlset(base, ["/news/%d.html" % i for i in range(site.pages)]).encode(), xml)
            if path == "/sitemap-1.xml":
                return self.send(200, site.urlset(base, ["/news/%d.html" % i for i in site.map_pages]).encode(), xml)
            if path.startswith("/big/sitemap-"):
                k = int(path[len("/big/sitemap-"):-4])
                lo, hi = k * 50000, min(site.urls, (k + 1) * 50000)
                return self.send(200, site.urlset(base, ["/big/%d.html" % i for i in range(lo, hi)]).encode(), xml)
            if path.startswith("/big/"):
                return self.send(200, site.page(int(path[5:-5]) % max(1, site.pages)))
            if path.startswith("/news/") and path.endswith(".html"):
                try:
                    i = int(path[6:-5])
                except ValueError:
                    return self.send(404, b"not found", validators=False)
                if 0 <= i < site.pages:
                    return self.send(200, site.page(i))
                return self.send(404, b"not found", validators=False)
            if path == "/copy/0.html":
                return self.send(200, site.page(0))
            if path in ("/private/secret.html", "/private/open.html"):
                return self.send(200, article(100000 + len(path))[1].encode())
            if path.startswith("/fault/"):
                return self.fault(path[7:], base)
            return self.send(404, b"not found", validators=False)

        def fault(self, name, base):
            n = site.count(name)
            page = article(200000 + FAULT_PAGES.index(name) if name in FAULT_PAGES else 299999)[1]
            if name == "500" and n <= 2:
                return self.send(500, b"server error", validators=False)
            if name == "429" and n == 1:
                return self.send(429, b"slow down", validators=False, headers=[("Retry-After", "1")])
            if name == "503" and n == 1:
                return self.send(503, b"busy", validators=False,
                                 headers=[("Retry-After", time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 1)))])
            if name == "reset" and n == 1:
                self.record(0)
                self.close_connection = True
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")
                self.connection.close()
                return
            if name == "slow":
                self.record(200)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                try:
                    for _ in range(60):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(0.5)
                except OSError:
                    pass
                self.close_connection = True
                return
            if name == "loop":
                return self.send(302, b"", headers=[("Location", "/fault/loop2")], validators=False)
            if name == "loop2":
                return self.send(302, b"", headers=[("Location", "/fault/loop")], validators=False)
            if name == "file":
                return self.send(302, b"", headers=[("Location", "file:///etc/passwd")], validators=False)
            if name.startswith("chain") and name[5:].isdigit():  # an endless chain
                to = "/fault/chain%d" % (int(name[5:]) + 1)
                return self.send(302, b"", headers=[("Location", to)], validators=False)
            if name == "toprivate":  # to a page robots.txt forbids
                return self.send(302, b"", headers=[("Location", "/private/other.html")],
                                 validators=False)
            if name == "redirect":
                return self.send(301, b"", headers=[("Location", "/fault/cp1256")], validators=False)
            if name == "huge":
                self.record(200)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                try:
                    chunk = b"<p>" + b"x" * 65536 + b"</p>"
                    for _ in range(1024):  # 64 MiB, no Content-Length
                        self.wfile.write(chunk)
                except OSError:
                    pass
                return
            if name == "bomb":
                return self.send(200, BOMB, headers=[("Content-Encoding", "gzip")], validators=False)
            if name == "wrong-charset":  # windows-1256 bytes, the header says UTF-8
                return self.send(200, cp1256(page), "text/html; charset=utf-8")
            if name == "cp1256":
                return self.send(200, cp1256(page), "text/html; charset=windows-1256")
            if name == "404":
                return self.send(404, b"not found", validators=False)
            if name == "badxml.xml":
                return self.send(200, b"<?xml version=\"1.0\"?><rss><channel><item><link>/news/1.html</link></item></chanel></rss>", "application/xml")
            if name == "laughs.xml":
                return self.send(200, LAUGHS.encode(), "application/xml")
            if name in FAULT_PAGES:
                return self.send(200, page.encode())
            return self.send(404, b"not found", validators=False)

    return H


def main():
    global BOMB
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log")
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--urls", type=int, default=0)
    ap.add_argument("--delay-ms", type=float, default=0)
    a = ap.parse_args()
    BOMB = make_bomb()
    site = Site(a.pages, a.urls)
    log = open(a.log, "a", encoding="utf-8") if a.log else None
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 256
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site, log, a.delay_ms))
    tmp = a.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(tmp, a.port_file)
    try:
        srv.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
