#!/usr/bin/env python3
"""Synthesizes article records with many statements for the search benchmark, from the
sentences of a corpus read in place (never copied): N articles of K statements each, the
speakers drawn from names made of first names and surnames, dates over three Jalali years.
Usage: synth.py CORPUS_DIR N K OUT.jsonl QUERIES.txt"""
import json, os, random, sys

corpus, n, k, out, qout = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
random.seed(7)
sents = []
for name in sorted(os.listdir(corpus)):
    if name.endswith(".txt"):
        for line in open(os.path.join(corpus, name), encoding="utf-8"):
            for s in line.split(" . "):
                if 40 < len(s) < 400:
                    sents.append(s.strip())
    if len(sents) > 200000:
        break
first = "علی محمد حسن حسین رضا مهدی احمد جواد سعید حمید مجید عباس مریم زهرا فاطمه".split()
last = "زارع‌پور موحد بهرامی کاظمی جعفری هاشمی رحیمی صادقی نوری طاهری کریمی امینی".split()
speakers = ["%s %s%s" % (random.choice(first), random.choice(last), random.choice(["", " نیا", " فر"]))
            for _ in range(500)]
words = [w for s in sents[:20000] for w in s.split() if len(w) > 3]
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        y, m, d = random.choice([1400, 1401, 1402]), random.randint(1, 12), random.randint(1, 28)
        st = [{"speaker": random.choice(speakers), "role": None, "cue": "گفت", "start": 0, "end": 0,
               "content": random.choice(sents)} for _ in range(k)]
        rec = {"schema": "khabar.article/1", "url": "https://synth.example/%d" % i, "title": random.choice(sents)[:80],
               "published": {"iso": "2023-%02d-%02d" % (m, d), "jalali": "%d-%02d-%02d" % (y, m, d), "raw": None},
               "source": {"site": None, "agency": None, "via": None}, "text": "", "entities": [],
               "percentages": [], "dates": [], "people": [], "statements": st}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
with open(qout, "w", encoding="utf-8") as f:
    for i in range(1000):
        r = i % 4
        if r == 0:
            f.write("%s %s\n" % (random.choice(words), random.choice(words)))
        elif r == 1:
            f.write("speaker:«%s» %s\n" % (random.choice(speakers), random.choice(words)))
        elif r == 2:
            f.write("speaker:«%s» date:1401-01-01..1401-12-29\n" % random.choice(speakers))
        else:
            f.write("\"%s\" type:statements\n" % " ".join(random.choice(sents).split()[:2]))
