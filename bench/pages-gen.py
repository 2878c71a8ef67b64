#!/usr/bin/env python3
"""News pages of eight templates unlike those of fa-news-html, with ground truth.

Usage:  pages-gen.py FARS_DIR OUT_DIR

Writes OUT_DIR/pages/TEMPLATE-NN.html and OUT_DIR/truth.json. The article text is
real (Fars News, ../shared/corpus/fars-news-dev, Apache-2.0); the page wrappers, site
names, people and addresses are made up. Deterministic: the same input gives the same
bytes. Templates (how real sites show their text, date and credit):

  dev   pangea     an Afghan broadcaster in Dari (a Pangea-CMS-like page): byline list,
                   JSON-LD with a UTC datePublished, <time> in Kabul time, Afghan months
        wordpress  a WordPress news blog: rel=author, meta author, «منبع: X» closing line
        nextjs     a Next.js site: the body only in __NEXT_DATA__ or JSON-LD articleBody
        closing    a portal whose credit is a closing sentence of the text
  held  bylinebox  credit boxes with their own classes (source, news-source, credit ...)
        multi      several agencies credited at once
        newspaper  a newspaper's own stories (nobody else credited)
        afghan     an Afghan agency in Dari: the body in <noscript> behind a lazy loader,
                   tracker and notice <noscript>s, relative stamps, Kabul time

truth.json: {"NAME.html": {template, split, url, title, text, published_iso,
published_jalali, agency, agency_aliases, agencies_more: [[aliases...]...]}}; agency
null when nobody is credited and the site is not a news organization. The text holds
what a reader sees as the article: paragraphs of the body (a closing credit line inside
the body included), joined by a blank line; bylines, credit boxes outside the body,
captions, menus and related items excluded.
"""
import datetime as dt
import glob
import html
import json
import os
import random
import re
import sys
import zoneinfo

TEH = zoneinfo.ZoneInfo('Asia/Tehran')
KAB = zoneinfo.ZoneInfo('Asia/Kabul')
UTC = dt.timezone.utc

# ---- Jalali arithmetic (the standard 33-year-cycle algorithm of jalaali-js) ----
BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
          2324, 2394, 2456, 3178]


def jal_cal(jy):
    gy = jy + 621
    leap_j, jp = -14, BREAKS[0]
    for jm in BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += jump // 33 * 8 + (jump % 33) // 4
        jp = jm
    n = jy - jp
    leap_j += n // 33 * 8 + ((n % 33) + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = gy // 4 - (gy // 100 + 1) * 3 // 4 - 150
    march = 20 + leap_j - leap_g
    return gy, march


def g2d(y, m, d):
    return dt.date(y, m, d).toordinal()


def to_jalali(g):
    gy = g.year
    jy = gy - 621
    _, march = jal_cal(jy)
    jdn1f = g2d(gy, 3, march)
    k = g.toordinal() - jdn1f
    if k < 0:
        jy -= 1
        _, march = jal_cal(jy)
        k = g.toordinal() - g2d(gy - 1, 3, march)
    if k < 186:
        return jy, 1 + k // 31, 1 + k % 31
    k -= 186
    return jy, 7 + k // 30, 1 + k % 30


FA = str.maketrans('0123456789', '۰۱۲۳۴۵۶۷۸۹')
IR_MONTHS = 'فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند'.split()
AF_MONTHS = 'حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت'.split()
WEEKDAYS = ['دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه', 'یکشنبه']


def fa(x):
    return str(x).translate(FA)


# ---- agencies: the names pages use for them (aliases for scoring) ----
AG = {
    'afp': ['خبرگزاری فرانسه', 'فرانس‌پرس', 'فرانس پرس', 'AFP'],
    'reuters': ['رویترز', 'خبرگزاری رویترز', 'Reuters'],
    'ap': ['آسوشیتدپرس', 'اسوشیتدپرس', 'آسوشیتد پرس', 'اسوشیتد پرس', 'Associated Press'],
    'bbc': ['بی‌بی‌سی', 'بی بی سی', 'BBC'],
    'irna': ['ایرنا', 'خبرگزاری جمهوری اسلامی'],
    'isna': ['ایسنا', 'خبرگزاری دانشجویان ایران'],
    'mehr': ['خبرگزاری مهر', 'مهر'],
    'tasnim': ['خبرگزاری تسنیم', 'تسنیم'],
    'ilna': ['ایلنا', 'خبرگزاری کار ایران'],
    'pajhwok': ['آژانس خبری پژواک', 'پژواک'],
    'tolo': ['طلوع‌نیوز', 'طلوع نیوز', 'طلوعنیوز'],
    'bakhtar': ['آژانس خبری باختر', 'باختر'],
    'voa': ['صدای امریکا', 'صدای آمریکا'],
    'azadi': ['رادیو آزادی'],
    'dw': ['دویچه وله', 'دویچه‌وله'],
    'anadolu': ['آناتولی', 'خبرگزاری آناتولی'],
    'xinhua': ['شینهوا', 'خبرگزاری شینهوا'],
}

PEOPLE = ['احمد شاه رحیمی', 'فریبا نوری', 'محمد نبی کریمی', 'زهره احمدی', 'سید جواد موسوی',
          'لیلا حسینی', 'نجیب الله صافی', 'مریم رستگار', 'علی رضا یگانه', 'شبنم عزیزی']
RELATED = ['نشست وزیران خارجه منطقه در پایتخت برگزار شد', 'قیمت طلا در بازار امروز کاهش یافت',
           'تیم ملی فوتبال برای دیدار دوستانه آماده می‌شود', 'بارش برف راه‌های شمالی را بست',
           'نمایشگاه کتاب با حضور ناشران خارجی گشایش یافت', 'صادرات محصولات کشاورزی افزایش یافت',
           'هشدار درباره کم‌آبی در تابستان پیش رو', 'برگزاری جشنواره فیلم کوتاه در هفته آینده',
           'افتتاح بیمارستان تازه در شهرستان', 'گفت‌وگوهای تجاری دو کشور ادامه دارد']
MENU_FA = ['صفحه نخست', 'سیاسی', 'اقتصادی', 'اجتماعی', 'ورزشی', 'فرهنگی', 'بین‌الملل', 'عکس', 'ویدیو']
MENU_AF = ['صفحه اول', 'افغانستان', 'جهان', 'اقتصاد', 'ورزش', 'فرهنگ', 'ویدیو', 'رادیو', 'تلویزیون']

CRED = re.compile(r'^به گزارش [^،,]{0,80}?خبرگزار[يی] فارس[^،,]{0,60}[،,]\s*')


def load_docs(fars):
    meta = {}
    with open(os.path.join(fars, 'meta.jsonl'), encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            meta[r['doc']] = r
    docs = []
    for path in sorted(glob.glob(os.path.join(fars, 'fars*.txt'))):
        name = os.path.basename(path)[:-4]
        with open(path, encoding='utf-8') as f:
            t = f.read()
        paras = [re.sub(r'\s+', ' ', p).strip() for p in t.split('\n\n')]
        paras = [p for p in paras if p and not re.match(r'^خبرگزار[يی] فارس\s*:?$', p)]
        paras = [CRED.sub('', p) for p in paras]
        paras = [p for p in paras if p]
        body = '\n'.join(paras)
        title = meta.get(name, {}).get('title', '').strip()
        if (len(paras) >= 5 and title and len(body) < 6000 and
                not re.search('به گزارش|به نقل از|منبع|خبرگزار|فارس|استفاده شده', body + title)):
            docs.append((name, title, paras))
    return docs


def esc(s):
    return html.escape(s, quote=True)


def pick_time(rng, kabul_midnight=False):
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 5 * 365))
    if kabul_midnight:  # between 23:20 and 00:50 Kabul time: Tehran is an hour behind
        base = dt.datetime(day.year, day.month, day.day, 23, 20, tzinfo=KAB)
        t = base + dt.timedelta(minutes=rng.randrange(0, 90))
    else:
        t = dt.datetime(day.year, day.month, day.day, rng.randrange(7, 22), rng.randrange(60),
                        tzinfo=TEH)
    return t.replace(second=0)


def jal_str(t, afghan=False, weekday=False):
    jy, jm, jd = to_jalali(t.date())
    months = AF_MONTHS if afghan else IR_MONTHS
    s = '%s %s %s' % (fa(jd), months[jm - 1], fa(jy))
    if weekday:
        s = WEEKDAYS[t.weekday()] + ' ' + s
    return s


def menu(items):
    return '<ul class="menu">' + ''.join('<li><a href="/c/%d">%s</a></li>' % (i, esc(x))
                                         for i, x in enumerate(items)) + '</ul>'


def related(rng, head, cls='related'):
    items = rng.sample(RELATED, 4)
    return ('<div class="%s"><h3>%s</h3><ul>' % (cls, head) +
            ''.join('<li><a href="/news/%d">%s</a></li>' % (rng.randrange(10**5, 10**6), esc(x))
                    for x in items) + '</ul></div>')


def ps(paras):
    return '\n'.join('<p>%s</p>' % esc(p) for p in paras)


def ld(obj):
    return '<script type="application/ld+json">%s</script>' % json.dumps(obj, ensure_ascii=False)


class Page:
    def __init__(self, rng, doc, site, host, zone):
        self.rng = rng
        self.name, self.title, paras = doc
        self.lead, self.body = paras[0], paras[1:]
        self.site, self.host = site, host
        self.url = 'https://%s/news/%d' % (host, rng.randrange(10**6, 10**7))
        self.zone = zone
        self.agency = None
        self.more = []
        self.gold_paras = []

    def credit(self, key, more=()):
        self.agency = key
        self.more = list(more)

    def truth(self, template, split, t):
        local = t.astimezone(self.zone).date()
        jy, jm, jd = to_jalali(local)
        al = lambda k: AG[k] if k in AG else [k]
        return dict(template=template, split=split, url=self.url, title=self.title,
                    text='\n\n'.join(self.gold_paras), published_iso=local.isoformat(),
                    published_jalali='%04d-%02d-%02d' % (jy, jm, jd),
                    agency=(al(self.agency)[0] if self.agency else None),
                    agency_aliases=(al(self.agency) if self.agency else []),
                    agencies_more=[al(k) for k in self.more])


def name_of(rng, key):
    return rng.choice(AG[key])


# ---------------------------------------------------------------- dev templates
def t_pangea(rng, doc, i):
    p = Page(rng, doc, 'صدای امریکا', 'www.dari-voa.example', KAB)
    t = pick_time(rng, kabul_midnight=i % 2 == 0)
    kind = i % 4
    body = list(p.body)
    authors = [rng.choice(PEOPLE)]
    ld_author = [{'@type': 'Person', 'name': authors[0]}]
    if kind == 0:
        p.credit('voa')  # its own story
    elif kind == 1:
        k = rng.choice(['reuters', 'ap', 'afp'])
        authors = [name_of(rng, k)]
        ld_author = [{'@type': 'Organization', 'name': authors[0]}]
        p.credit(k)
    elif kind == 2:
        k = rng.choice(['afp', 'reuters', 'pajhwok'])
        body[0] = 'به گزارش %s، %s' % (name_of(rng, k), body[0])
        p.credit(k)
    else:
        a, b = rng.sample(['reuters', 'afp', 'ap'], 2)
        body.append('در تهیه این گزارش از خبرگزاری‌های %s و %s استفاده شده است.' %
                    (name_of(rng, a).replace('خبرگزاری ', ''), name_of(rng, b).replace('خبرگزاری ', '')))
        p.credit(a, [b])
    p.gold_paras = [p.lead] + body
    utc = t.astimezone(UTC).strftime('%Y-%m-%d %H:%M:%SZ')
    ldobj = {'@context': 'https://schema.org', '@type': 'NewsArticle', 'headline': p.title,
             'inLanguage': 'fa-AF', 'datePublished': utc, 'dateModified': utc,
             'author': ld_author, 'mainEntityOfPage': p.url,
             'publisher': {'@type': 'NewsMediaOrganization', 'name': p.site,
                           'alternateName': 'VOA Dari', 'logo': {'@type': 'ImageObject',
                                                                  'url': 'https://%s/img/logo.png' % p.host}}}
    h = ['<!DOCTYPE html>\n<html lang="fa-AF" dir="rtl"><head><meta charset="utf-8">',
         '<title>%s</title>' % esc(p.title),
         '<meta name="description" content="%s">' % esc(p.lead[:150]),
         '<meta property="og:site_name" content="%s">' % p.site,
         '<meta property="og:type" content="article"><meta property="og:title" content="%s">' % esc(p.title),
         '<link rel="canonical" href="%s">' % p.url, ld(ldobj),
         '</head><body class="pg-article">',
         '<div class="hdr-container"><a class="logo" href="/">%s</a><nav class="main-nav">%s</nav></div>' % (
             p.site, menu(MENU_AF)),
         '<div id="content"><div class="container"><div class="col-title"><div class="category">'
         '<a href="/z/1">افغانستان</a></div><h1 class="title pg-title">%s</h1></div>' % esc(p.title),
         '<div class="col-publishing-details"><div class="links"><ul class="links__list">' +
         ''.join('<li class="links__item"><a class="links__item-link" href="/author/%d">%s</a></li>' % (
             n, esc(a)) for n, a in enumerate(authors)) + '</ul></div>',
         '<div class="published"><span class="date"><time pubdate="pubdate" datetime="%s">%s</time>'
         '</span></div></div>' % (t.astimezone(KAB).isoformat(), jal_str(t.astimezone(KAB), afghan=True)),
         '<div class="cover-media"><figure><img src="/img/%d.jpg" alt=""><figcaption><span class="caption">'
         'عکس از آرشیف</span></figcaption></figure></div>' % i,
         '<div class="body-container"><div class="row"><div id="article-content" class="content-floated-wrap">'
         '<div class="intro"><p>%s</p></div><div class="wsw">%s</div></div></div></div>' % (esc(p.lead), ps(body)),
         '<div class="c-mmp"><ul class="share"><li><a href="#">فیسبوک</a></li><li><a href="#">توییتر</a></li>'
         '<li><a href="#">ایمیل</a></li></ul></div>',
         related(rng, 'مطالب مرتبط', 'media-block-wrap'),
         '</div></div><footer class="ftr"><p>© ۲۰۲۴ صدای امریکا</p>%s</footer></body></html>' % menu(MENU_AF[:4])]
    return p, t, '\n'.join(h)


def t_wordpress(rng, doc, i):
    p = Page(rng, doc, 'یادداشت‌های بازار', 'bazar-notes.example', TEH)
    t = pick_time(rng)
    kind = i % 4
    author = rng.choice(PEOPLE)
    body = list(p.body)
    meta_author = author
    if kind == 0:
        k = rng.choice(['isna', 'irna', 'ilna'])
        body.append('منبع: %s' % name_of(rng, k))
        p.credit(k)
    elif kind == 1:
        k = rng.choice(['mehr', 'tasnim', 'isna'])
        body.append('منبع خبر: %s' % name_of(rng, k))
        p.credit(k)
    elif kind == 2:
        k = rng.choice(['irna', 'ilna', 'mehr'])
        author = meta_author = name_of(rng, k)
        p.credit(k)
    # kind 3: a post of the blog's own: nobody credited, the blog is not a news organization
    p.gold_paras = body
    graph = {'@context': 'https://schema.org', '@graph': [
        {'@type': 'WebSite', 'name': p.site, 'url': 'https://%s/' % p.host},
        {'@type': 'Article', 'headline': p.title, 'datePublished': t.isoformat(),
         'author': {'@type': 'Person', 'name': author},
         'publisher': {'@type': 'Organization', 'name': p.site}}]}
    h = ['<!DOCTYPE html>\n<html dir="rtl" lang="fa-IR"><head><meta charset="UTF-8">',
         '<title>%s &#8211; %s</title>' % (esc(p.title), p.site),
         '<meta name="author" content="%s">' % esc(meta_author),
         '<meta property="og:site_name" content="%s">' % p.site,
         '<meta property="article:published_time" content="%s">' % t.isoformat(), ld(graph),
         '</head><body class="post-template-default single single-post">',
         '<header id="site-header"><div class="site-title"><a href="/">%s</a></div>%s</header>' % (
             p.site, menu(MENU_FA[:6])),
         '<main id="site-content"><article class="post-%d post type-post status-publish hentry category-eghtesad">' % i,
         '<header class="entry-header"><h1 class="entry-title">%s</h1><div class="entry-meta">'
         '<span class="byline">نویسنده: <span class="author vcard"><a class="url fn n" rel="author" '
         'href="/author/x%d">%s</a></span></span> <span class="posted-on"><time class="entry-date published" '
         'datetime="%s">%s</time></span></div></header>' % (esc(p.title), i, esc(author), t.isoformat(),
                                                            jal_str(t)),
         '<div class="entry-content">%s</div>' % ps(body),
         '<footer class="entry-footer"><span class="tags-links">برچسب‌ها: <a href="/tag/a">بازار</a>، '
         '<a href="/tag/b">اقتصاد</a></span></footer></article>',
         '<nav class="post-navigation"><a href="/p/1" rel="prev">نوشته قبلی</a></nav>',
         '<div id="comments"><h2>دیدگاهتان را بنویسید</h2><form><textarea></textarea></form></div></main>',
         '<aside class="widget-area">%s</aside>' % related(rng, 'نوشته‌های تازه', 'widget recent-posts'),
         '<footer id="site-footer"><p>قدرت گرفته از وردپرس</p></footer></body></html>']
    return p, t, '\n'.join(h)


def t_nextjs(rng, doc, i):
    p = Page(rng, doc, 'نگاه روز', 'negah-rooz.example', TEH)
    t = pick_time(rng)
    kind = i % 3
    if kind == 0:
        k = rng.choice(['ilna', 'isna', 'irna', 'reuters'])
        author = {'@type': 'Organization', 'name': name_of(rng, k)}
        p.credit(k)
    elif kind == 1:
        k = rng.choice(['mehr', 'tasnim'])
        author = {'@type': 'Person', 'name': rng.choice(PEOPLE)}
        p.credit(k)
    else:
        author = {'@type': 'Person', 'name': rng.choice(PEOPLE)}
        p.credit(p.site)  # its own story; the site is a news organization
    p.gold_paras = [p.lead] + p.body
    mode = i % 4  # 0, 1: body only in __NEXT_DATA__; 2: in JSON-LD articleBody; 3: rendered too
    ldobj = {'@context': 'https://schema.org', '@type': 'NewsArticle', 'headline': p.title,
             'datePublished': t.isoformat(), 'author': author,
             'publisher': {'@type': 'NewsMediaOrganization', 'name': p.site}}
    if kind == 1:
        ldobj['sourceOrganization'] = {'@type': 'NewsMediaOrganization', 'name': name_of(rng, p.agency)}
    if mode == 2:
        ldobj['articleBody'] = '\n\n'.join([p.lead] + p.body)
    state = {'props': {'pageProps': {'article': {
        'id': i, 'title': p.title, 'lead': p.lead,
        'body': ''.join('<p>%s</p>' % esc(x) for x in p.body) if mode != 2 else None,
        'publishedAt': t.isoformat()},
        'related': [{'title': x} for x in rng.sample(RELATED, 3)]}},
        'page': '/news/[id]', 'buildId': 'b%d' % i}
    if mode == 3:
        article = '<p class="lead">%s</p><div class="article-body">%s</div>' % (esc(p.lead), ps(p.body))
    else:
        article = ('<div class="article-body skeleton" aria-busy="true"><div class="line"></div>'
                   '<div class="line"></div></div>')
    h = ['<!DOCTYPE html>\n<html lang="fa" dir="rtl"><head><meta charSet="utf-8">',
         '<title>%s | %s</title>' % (esc(p.title), p.site),
         '<meta property="og:site_name" content="%s">' % p.site,
         '<meta name="next-head-count" content="4">', ld(ldobj),
         '<script src="/_next/static/chunks/main-%d.js" defer=""></script></head><body>' % i,
         '<div id="__next"><header class="Header_root__x1">%s</header><main class="Main_root__a2">'
         '<article><h1 class="Title_h1__q">%s</h1><div class="Meta_row__z"><span>%s</span></div>%s</article>'
         '<section class="Related_box__k"><h2>پربازدیدها</h2>%s</section></main>'
         '<footer class="Footer_root__f">کلیه حقوق محفوظ است</footer></div>' % (
             menu(MENU_FA), esc(p.title), jal_str(t), article,
             ''.join('<a href="/news/%d">%s</a>' % (n, esc(x)) for n, x in enumerate(rng.sample(RELATED, 3)))),
         '<script id="__NEXT_DATA__" type="application/json">%s</script>' % json.dumps(
             state, ensure_ascii=False).replace('</', '<\\/'),
         '</body></html>']
    return p, t, '\n'.join(h)


def t_closing(rng, doc, i):
    p = Page(rng, doc, 'پایگاه خبری آینده‌نگر', 'ayandenegar.example', TEH)
    t = pick_time(rng)
    kind = i % 4
    body = list(p.body)
    if kind == 0:
        k = rng.choice(['reuters', 'afp', 'ap', 'bbc'])
        body.append('در تهیه این گزارش از %s استفاده شده است.' % (
            name_of(rng, k) if k != 'afp' else 'خبرگزاری فرانسه'))
        p.credit(k)
    elif kind == 1:
        k = rng.choice(['isna', 'ilna', 'irna'])
        body.append('منبع: خبرگزاری %s' % AG[k][0])
        p.credit(k)
    elif kind == 2:
        k = rng.choice(['anadolu', 'xinhua', 'reuters'])
        body.append('این گزارش با استفاده از گزارش %s تهیه شده است.' % name_of(rng, k))
        p.credit(k)
    else:
        k = rng.choice(['mehr', 'tasnim', 'isna'])
        body.append('منبع خبر: %s' % name_of(rng, k))
        p.credit(k)
    p.gold_paras = [p.lead] + body
    h = ['<!DOCTYPE html>\n<html lang="fa"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
         '<title>%s - %s</title>' % (p.site, esc(p.title)),
         '<meta property="og:title" content="%s">' % esc(p.title),
         '<meta name="dc.date" content="%s">' % t.isoformat(),
         '</head><body><div id="wrapper"><div id="top">%s</div>' % menu(MENU_FA),
         '<div id="main"><div class="news-box"><div class="news-head"><div class="rutitr">گزارش</div>'
         '<h1 class="news-title">%s</h1><div class="news-date">تاریخ انتشار: %s</div></div>' % (
             esc(p.title), jal_str(t, weekday=True)),
         '<div class="news-lead">%s</div><div class="news-text">%s</div>' % (esc(p.lead), ps(body)),
         '<div class="news-tools"><a href="#">نسخه چاپی</a> | <a href="#">ارسال به دوستان</a></div></div>',
         related(rng, 'اخبار مرتبط'), '</div><div id="side">%s%s</div>' % (
             related(rng, 'پربیننده‌ترین', 'most-viewed'), related(rng, 'آخرین اخبار', 'latest')),
         '<div id="footer">تمامی حقوق برای %s محفوظ است.</div></div></body></html>' % p.site]
    return p, t, '\n'.join(h)


# ---------------------------------------------------------------- held-out templates
def t_bylinebox(rng, doc, i):
    p = Page(rng, doc, 'شهر و خبر', 'shahr-khabar.example', TEH)
    t = pick_time(rng)
    kind = i % 4
    k = rng.choice(['irna', 'isna', 'mehr', 'ilna', 'tasnim'])
    p.credit(k)
    if kind == 0:
        box = '<div class="news-source"><span class="label">منبع:</span> <a href="/s/%d">%s</a></div>' % (
            i, name_of(rng, k))
    elif kind == 1:
        box = '<div class="credit">عکس و خبر: %s</div>' % name_of(rng, k)
    elif kind == 2:
        box = '<p class="byline">خبرنگار: %s - %s</p>' % (rng.choice(PEOPLE), name_of(rng, k))
    else:
        box = '<span class="source">%s</span>' % name_of(rng, k)
    p.gold_paras = p.body
    where = i % 2
    h = ['<!DOCTYPE html>\n<html lang="fa-IR" dir="rtl"><head><meta charset="utf-8">',
         '<title>%s</title>' % esc(p.title),
         '<meta property="og:site_name" content="%s">' % p.site,
         '<meta property="article:published_time" content="%s">' % t.isoformat(),
         '</head><body><header class="top">%s</header><section class="article-page">' % menu(MENU_FA),
         '<h1 class="headline">%s</h1><div class="info"><span class="date">%s</span>%s</div>' % (
             esc(p.title), jal_str(t), box if where == 0 else ''),
         '<div class="article-text">%s</div>%s' % (ps(p.body), box if where == 1 else ''),
         '<div class="tags"><a href="/t/1">شهری</a><a href="/t/2">جامعه</a></div>',
         related(rng, 'بیشتر بخوانید', 'read-more'), '</section>',
         '<footer>© شهر و خبر</footer></body></html>']
    return p, t, '\n'.join(h)


def t_multi(rng, doc, i):
    p = Page(rng, doc, 'جهان‌نما', 'jahannama.example', TEH)
    t = pick_time(rng)
    kind = i % 4
    a, b = rng.sample(['afp', 'reuters', 'ap', 'bbc', 'anadolu'], 2)
    body = list(p.body)
    credit_box = ''
    meta_author = rng.choice(PEOPLE)
    strip = lambda s: s.replace('خبرگزاری ', '')
    if kind == 0:
        credit_box = '<div class="sources">منابع: %s، %s</div>' % (name_of(rng, a), name_of(rng, b))
    elif kind == 1:
        body.append('در تهیه این گزارش از خبرگزاری‌های %s و %s استفاده شده است.' % (
            strip(name_of(rng, a)), strip(name_of(rng, b))))
    elif kind == 2:
        meta_author = '%s, %s' % (name_of(rng, a), name_of(rng, b))
    else:
        body.append('منبع: %s و %s' % (name_of(rng, a), name_of(rng, b)))
    p.credit(a, [b])
    p.gold_paras = body
    h = ['<!DOCTYPE html>\n<html lang="fa"><head><meta charset="utf-8">',
         '<title>%s :: %s</title>' % (p.site, esc(p.title)),
         '<meta name="author" content="%s">' % esc(meta_author),
         '<meta property="og:title" content="%s">' % esc(p.title),
         ld({'@context': 'https://schema.org', '@type': 'NewsArticle', 'headline': p.title,
             'datePublished': t.isoformat(), 'publisher': {'@type': 'Organization', 'name': p.site}}),
         '</head><body><div class="page"><div class="navbar">%s</div>' % menu(MENU_FA),
         '<div class="story"><h1>%s</h1><p class="dateline">%s</p>' % (esc(p.title), jal_str(t)),
         '<div class="story-body">%s</div>%s</div>' % (ps(body), credit_box),
         related(rng, 'از همین سرویس', 'more-news'),
         '<div class="copyright">استفاده از مطالب با ذکر منبع آزاد است.</div></div></body></html>']
    return p, t, '\n'.join(h)


def t_newspaper(rng, doc, i):
    names = [('روزنامه آفتاب شرق', 'آفتاب شرق'), ('روزنامه صبح میهن', 'روزنامه صبح میهن')]
    full, shown = names[i % 2]
    p = Page(rng, doc, shown, 'aftab-shargh.example' if i % 2 == 0 else 'sobh-mihan.example', TEH)
    t = pick_time(rng)
    p.credit(full)
    AG[full] = [full, full.replace('روزنامه ', '')]
    p.gold_paras = [p.lead] + p.body
    reporter = rng.choice(PEOPLE)
    pubtype = 'NewsMediaOrganization' if i % 3 else 'Organization'
    h = ['<!DOCTYPE html>\n<html lang="fa"><head><meta charset="utf-8">',
         '<title>%s | %s</title>' % (esc(p.title), full),
         '<meta property="og:site_name" content="%s">' % shown,
         ld({'@context': 'https://schema.org', '@type': 'NewsArticle', 'headline': p.title,
             'datePublished': t.isoformat(), 'author': {'@type': 'Person', 'name': reporter},
             'publisher': {'@type': pubtype, 'name': shown}}),
         '</head><body><div class="masthead"><a href="/">%s</a><span class="issue">شماره %s</span></div>' % (
             full, fa(rng.randrange(1000, 5000))),
         '<nav>%s</nav><div class="content"><h1>%s</h1>' % (menu(MENU_FA), esc(p.title)),
         '<div class="author-line">%s</div><div class="lead">%s</div>' % (esc(reporter), esc(p.lead)),
         '<div class="article">%s</div>' % ps(p.body),
         '<div class="print-note">این مطلب در شماره %s روزنامه به چاپ رسیده است.</div></div>' % fa(
             rng.randrange(1000, 5000)),
         '<div class="sidebar">%s</div><footer>%s</footer></body></html>' % (
             related(rng, 'یادداشت‌ها', 'notes'), full)]
    return p, t, '\n'.join(h)


def t_afghan(rng, doc, i):
    p = Page(rng, doc, 'آژانس خبری کوهسار', 'kohsar-news.example.af', KAB)
    t = pick_time(rng, kabul_midnight=i % 2 == 1)
    kind = i % 3
    body = list(p.body)
    if kind == 0:
        p.credit(p.site)
    elif kind == 1:
        k = rng.choice(['tolo', 'bakhtar', 'pajhwok'])
        body[0] = 'به گزارش %s، %s' % (name_of(rng, k), body[0])
        p.credit(k)
    else:
        k = rng.choice(['azadi', 'dw', 'bbc'])
        body.append('منبع: %s' % name_of(rng, k))
        p.credit(k)
    AG[p.site] = [p.site, 'کوهسار']
    p.gold_paras = body
    kab = t.astimezone(KAB)
    if i % 4 == 0:
        datemeta = ""  # only the visible stamp
        stamp = '<span class="post-date">%s</span>' % jal_str(kab, afghan=True)
    else:
        datemeta = '<meta property="article:published_time" content="%s">' % kab.isoformat()
        stamp = '<span class="post-date" title="%s">%s ساعت پیش</span>' % (
            jal_str(kab, afghan=True), fa(rng.randrange(2, 9)))
    h = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8">',
         '<title>%s - %s</title>' % (esc(p.title), p.site),
         '<meta property="og:site_name" content="%s">' % p.site,
         '<meta property="og:locale" content="fa_AF">', datemeta,
         '<script>(function(w,d,s,l,i){w[l]=w[l]||[];})(window,document,"script","dataLayer","GTM-X");</script>',
         '</head><body>',
         '<noscript><iframe src="https://tags.example/ns.html?id=GTM-X" height="0" width="0" '
         'style="display:none;visibility:hidden"></iframe></noscript>',
         '<div class="top-bar">%s</div>' % menu(MENU_AF),
         '<noscript><div class="js-warning">برای دیدن کامل این سایت، لطفاً جاوا اسکریپت را در مرورگر خود فعال '
         'سازید.</div></noscript>',
         '<div class="single-news"><h1 class="news-title">%s</h1><div class="meta">%s</div>' % (
             esc(p.title), stamp),
         '<div class="news-content" data-lazy="/api/news/%d"><div class="spinner"></div>' % i,
         '<noscript><div class="news-text">%s</div></noscript></div>' % ps(body),
         '<noscript><img height="1" width="1" style="display:none" src="https://px.example/tr?id=1&ev=PageView"/>'
         '</noscript>',
         '</div>', related(rng, 'خبرهای بیشتر', 'more'),
         '<div class="footer">کلیه حقوق برای آژانس خبری کوهسار محفوظ است.</div></body></html>']
    return p, t, '\n'.join(h)


TEMPLATES = [('pangea', 'dev', t_pangea), ('wordpress', 'dev', t_wordpress), ('nextjs', 'dev', t_nextjs),
             ('closing', 'dev', t_closing), ('bylinebox', 'held', t_bylinebox), ('multi', 'held', t_multi),
             ('newspaper', 'held', t_newspaper), ('afghan', 'held', t_afghan)]
PER_TEMPLATE = 12


def main(argv):
    if len(argv) != 3:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    docs = load_docs(argv[1])
    out = argv[2]
    os.makedirs(os.path.join(out, 'pages'), exist_ok=True)
    rng = random.Random(13)
    picks = rng.sample(docs, len(TEMPLATES) * PER_TEMPLATE)
    truth = {}
    for ti, (name, split, fn) in enumerate(TEMPLATES):
        for i in range(PER_TEMPLATE):
            doc = picks[ti * PER_TEMPLATE + i]
            page, t, text = fn(random.Random('%s-%d' % (name, i)), doc, i)
            key = '%s-%02d.html' % (name, i)
            with open(os.path.join(out, 'pages', key), 'w', encoding='utf-8') as f:
                f.write(text)
            truth[key] = page.truth(name, split, t)
            truth[key]['doc'] = doc[0]
    with open(os.path.join(out, 'truth.json'), 'w', encoding='utf-8') as f:
        json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
