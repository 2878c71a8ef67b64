#!/usr/bin/env python3
"""Score extraction on the pages of bench/pages-gen.py.

Usage:  score-pages.py TRUTH.json PRED_DIR [--split dev|held] [--per-page]

PRED_DIR holds NAME.json, the record `extract` printed for NAME.html. Text: bag of
tokens F1 per page, macro-averaged, with fa-news-html's normalization (NFKC, ي/ى→ی,
ك→ک, digits to ASCII, ZWNJ and other Cf dropped, split at Z/P/S/C). Agency: the
prediction matches when one of the gold agency's names is a substring of it or it of
one of them, after that normalization; a page whose gold agency is null is right only
when the prediction is null. More agencies: right when every further gold agency is
matched by one of source.agencies and nothing else is listed. Date: published.iso.
"""
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict

_MAP = {0x064A: 0x06CC, 0x0649: 0x06CC, 0x0643: 0x06A9}
for _i in range(10):
    _MAP[0x06F0 + _i] = 0x30 + _i
    _MAP[0x0660 + _i] = 0x30 + _i


def tokens(s):
    if not isinstance(s, str):
        return []
    out, cur = [], []
    for ch in unicodedata.normalize('NFKC', s).translate(_MAP):
        cat = unicodedata.category(ch)
        if cat == 'Cf':
            continue
        if ch.isspace() or cat[0] in 'ZPSC':
            if cur:
                out.append(''.join(cur))
                cur = []
        else:
            cur.append(ch)
    if cur:
        out.append(''.join(cur))
    return out


def norm(s):
    return ' '.join(tokens(s))


def f1(gold, pred):
    g, p = Counter(tokens(gold)), Counter(tokens(pred))
    ng, np_ = sum(g.values()), sum(p.values())
    if not ng and not np_:
        return 1.0, 1.0, 1.0
    ov = sum((g & p).values())
    P = ov / np_ if np_ else 0.0
    R = ov / ng if ng else 0.0
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)


def same(aliases, pred):
    p = norm(pred) if isinstance(pred, str) else ''
    return bool(p) and any(norm(a) and (norm(a) in p or p in norm(a)) for a in aliases)


def load(path):
    try:
        with open(path, encoding='utf-8') as f:
            o = json.load(f)
        return o if isinstance(o, dict) else {}
    except (OSError, ValueError):
        return {}


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    split = None
    for a in argv[1:]:
        if a.startswith('--split='):
            split = a.split('=', 1)[1]
    if '--split' in argv:
        split = argv[argv.index('--split') + 1]
        args = [a for a in args if a != split]
    if len(args) != 2:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    with open(args[0], encoding='utf-8') as f:
        truth = json.load(f)
    rows = []
    for key in sorted(truth):
        g = truth[key]
        if split and g['split'] != split:
            continue
        p = load(os.path.join(args[1], key[:-5] + '.json'))
        src = p.get('source') if isinstance(p.get('source'), dict) else {}
        P, R, F = f1(g['text'], p.get('text'))
        pa = src.get('agency')
        ag = same(g['agency_aliases'], pa) if g['agency'] else pa is None
        more = src.get('agencies') if isinstance(src.get('agencies'), list) else []
        more_ok = len(more) == len(g['agencies_more']) and all(
            any(same(al, m) for m in more) for al in g['agencies_more'])
        pub = p.get('published') if isinstance(p.get('published'), dict) else {}
        rows.append(dict(key=key, t=g['template'], P=P, R=R, F=F, agency=ag, more=more_ok,
                         title=tokens(p.get('title')) == tokens(g['title']),
                         date=pub.get('iso') == g['published_iso'], pa=pa, ga=g['agency']))
    if '--per-page' in argv:
        for r in rows:
            print('%-16s F1 %.3f P %.3f R %.3f  title %s date %s agency %s more %s  %s | %s' % (
                r['key'], r['F'], r['P'], r['R'], '+-'[not r['title']], '+-'[not r['date']],
                '+-'[not r['agency']], '+-'[not r['more']], r['pa'], r['ga']))
    groups = defaultdict(list)
    for r in rows:
        groups[r['t']].append(r)
    print('%-12s %4s %6s %6s %6s %6s %6s %6s %6s' % ('template', 'n', 'F1', 'P', 'R', 'title', 'date',
                                                      'agency', 'more'))
    for name, rs in sorted(groups.items()) + [('ALL', rows)]:
        n = len(rs)
        av = lambda k: sum(float(r[k]) for r in rs) / n
        print('%-12s %4d %6.3f %6.3f %6.3f %6.2f %6.2f %6.2f %6.2f' % (
            name, n, av('F'), av('P'), av('R'), av('title'), av('date'), av('agency'), av('more')))
    n = len(rows) or 1
    print('pages(%s): F1=%.3f title=%.2f date=%.2f agency=%.2f more=%.2f n=%d' % (
        split or 'all', sum(r['F'] for r in rows) / n, sum(r['title'] for r in rows) / n,
        sum(r['date'] for r in rows) / n, sum(r['agency'] for r in rows) / n,
        sum(r['more'] for r in rows) / n, len(rows)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
