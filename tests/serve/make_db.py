#!/usr/bin/env python3
"""Writes made-up article records (the JSON `extract` prints) for the tests of `khabar serve`:
an official with two roles over ten months, spelled two ways; an organization with
percentages over a year; enough statements of a third speaker for several pages; and a
hostile article whose title, text, quotes, names and address carry markup and script.
Every text here is invented for the tests.
Usage: make_db.py OUT.jsonl"""
import json
import sys

MONTHS = [(1401, 10), (1401, 11), (1401, 12), (1402, 1), (1402, 2), (1402, 4), (1402, 5),
          (1402, 7)]
# the Gregorian dates of the 10th of those Jalali months (2023)
ISO = ["2022-12-31", "2023-01-30", "2023-03-01", "2023-03-30", "2023-04-30", "2023-07-01",
       "2023-08-01", "2023-10-02"]


def record(url, title, text, iso, jalali, statements=(), percentages=(), entities=(),
           agency=None, site=None):
    return {"schema": "khabar.article/1", "url": url, "title": title,
            "published": {"iso": iso, "jalali": jalali, "raw": None},
            "source": {"site": site, "agency": agency, "via": None}, "text": text,
            "entities": list(entities), "percentages": list(percentages), "dates": [],
            "people": [], "statements": list(statements)}


def statement(speaker, role, content):
    return {"speaker": speaker, "role": role, "cue": "گفت", "start": 0, "end": 0,
            "content": content}


def percentage(text, figure, value, subject):
    """A percentage of `text` at the figure's bytes, its subject the organization."""
    b = text.encode()
    s = b.index(figure.encode())
    o = b.index(subject.encode())
    return {"start": s, "end": s + len(figure.encode()), "surface": figure, "value": value,
            "approx": False, "subject": {"start": o, "end": o + len(subject.encode()),
                                         "surface": subject, "canonical": subject}}, \
        {"type": "ORG", "start": o, "end": o + len(subject.encode()), "surface": subject,
         "canonical": subject}


def main(out):
    recs = []
    topics = ["برق", "آب", "سد", "نیروگاه", "صرفه‌جویی", "تعرفه", "بارش", "شبکه"]
    # the official: deputy minister for the first three months, then minister
    for i, ((y, m), iso) in enumerate(zip(MONTHS, ISO)):
        role = "معاون وزیر نیرو" if i < 3 else "وزیر نیرو"
        name = "مريم صالحي" if i == 4 else "مریم صالحی"  # Arabic yeh once
        sts = [statement(name, role, "برنامهٔ تازهٔ %s در استان‌ها تا پایان سال اجرا می‌شود" % topics[i]),
               statement(name, role, "مصرف %s باید در ماه‌های گرم مدیریت شود" % topics[i])]
        if i % 3 == 0:
            sts.append(statement("حمید رضایی", "مدیرعامل شرکت آب", "کمبود %s جدی است" % topics[i]))
        recs.append(record("https://news.example/energy/%d" % i, "گزارش %s در ماه %d" % (topics[i], m),
                           "متن ساختگی گزارش دربارهٔ %s برای آزمون." % topics[i], iso,
                           "%d-%02d-10" % (y, m), sts, agency="خبرگزاری نمونه",
                           site="سایت نمونه"))
    # the organization: a percentage a month
    values = [45.5, 47, 48.2, 44, 40.5, 39, 41.25, 38]
    for i, ((y, m), iso) in enumerate(zip(MONTHS, ISO)):
        fig = "%s درصد" % str(values[i])
        text = "به گفتهٔ بانک مرکزی نرخ تورم سالانه به %s رسید و این رقم در گزارش ماهانه آمد." % fig
        p, e = percentage(text, fig, values[i], "بانک مرکزی")
        recs.append(record("https://econ.example/inflation/%d" % i, "تورم در ماه %d" % m, text, iso,
                           "%d-%02d-12" % (y, m), percentages=[p], entities=[e]))
    # many statements of one speaker: pages of results
    for i in range(25):
        recs.append(record("https://city.example/%d" % i, "خبر شهری شماره %d" % i,
                           "متن ساختگی خبر شهری شماره %d." % i, "2023-05-%02d" % (i + 1),
                           "1402-02-%02d" % (i + 11 if i < 20 else i - 19),
                           [statement("علی کاظمی", "شهردار", "طرح شماره %d محله در دست اجراست" % i)]))
    # the hostile article: markup and script everywhere a string can go
    evil = "<script>window.__pwned=1;fetch('/pwned-script')</script>"
    img = "<img src=/pwned-img.png onerror=\"window.__pwned=2;fetch('/pwned-onerror')\">"
    text = ("خبر خطرناک %s با متن %s و <svg onload=\"fetch('/pwned-svg')\"></svg> "
            "و نرخ ۳۳ درصد برای <b id=pwned>سازمان</b> آمد." % (evil, img))
    p, e = percentage(text, "۳۳ درصد", 33, "<b id=pwned>سازمان</b>")
    recs.append(record("javascript:fetch('/pwned-url')", "تیتر خطرناک " + evil + img, text,
                       "2023-06-01", "1402-03-11",
                       [statement("<b id=pwned>گوینده</b>" + img, "<iframe src=/pwned-frame></iframe>",
                                  "\"><script>fetch('/pwned-content')</script>" + img + " خطرناک")],
                       [p], [e], agency="<a href=javascript:fetch('/pwned-agency')>خبرگزاری</a>",
                       site="<style>body{display:none}</style>"))
    with open(out, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
