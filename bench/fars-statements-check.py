#!/usr/bin/env python3
"""Checks the Fars News statement annotation (bench/data/fars-statements-{dev,test}.jsonl) against the corpus.

Usage: fars-statements-check.py SHARED_DIR [--stats] [--review] [--select]
  (no flag)  check every line of both files; print one line per problem, exit 1 if there is any
  --stats    also print the counts that bench/data/fars-statements.md reports
  --review   also list reporting-cue words and «درصد» words that no annotation covers (for a reader to judge)
  --select   print the selection rule's output (DOC PART HAS_PERCENT) and exit

What is checked, for every document line: the documents are exactly the selection rule's, in its order and
split; every span is inside the file, on UTF-8 character boundaries, and decodes to the text stored beside it
(`content`, `cue`, `mention`, percentage `text`, `subject`); a statement's content, cue and speaker mention lie
in one paragraph (content never holds a newline), the mention is whole words apart from the cue, the content does not start or end inside a word or with
a space, colon, quote mark or full stop, and does not contain its own cue; kinds are from the fixed lists;
every percentage span holds a percent word or sign; every number followed by a percent word or sign in the
text is annotated. The selection rule is described in bench/data/fars-statements.md."""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = {"dev": os.path.join(HERE, "data", "fars-statements-dev.jsonl"),
         "test": os.path.join(HERE, "data", "fars-statements-test.jsonl")}
SPEAKER_KINDS = {"person", "role", "org", "group"}
MENTION_KINDS = {"name", "role", "org", "group", "pronoun"}
PRONOUNS = {"وی", "او", "ایشان"}
HONORIFICS = ("حجت‌الاسلام", "حجت الاسلام", "آیت‌الله", "آیت الله", "دکتر", "سردار", "سرلشکر", "سرتیپ",
              "مهندس", "آقای", "خانم", "حضرت")
LETTER = re.compile(r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06f0-\u06f9A-Za-z0-9]")


FOLD1 = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "\u200c": " ", "\u200f": " ", "\u200e": " "})


def fold1(t):
    """Arabic yeh/kaf to Persian, ZWNJ and RLM to a space, hamza-alef to alef: one character for one."""
    return t.translate(FOLD1)


def fold(t):
    """fold1, then runs of spaces to one."""
    return re.sub(r"[ \t]+", " ", fold1(t))


# Selection (see fars-statements.md): reporting cue after folding, numeric percentage
CUE = re.compile(r"(?<![\u0600-\u06ff])(گفت(?! ?و ?گو|گو|ار|نی)|افزود|ادامه داد|تاکید کرد|اظهار (کرد|داشت)|"
                 r"عنوان کرد|خاطرنشان کرد|تصریح کرد|توضیح داد|به گفته|می ?گوی)")
NUMW = ("صد|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده|چهارده|پانزده|شانزده|هفده|هجده|نوزده|"
        "بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|نیم")
PCT = re.compile(r"([0-9۰-۹٠-٩]+([.,/٫][0-9۰-۹٠-٩]+)? ?(درصد(?!د)|٪|%))|((?<![\u0600-\u06ff])(" + NUMW +
                 r") ?درصد(?!د))")
# Coverage check: the same on one-for-one folded text, any run of spaces
PCT_ANY = re.compile(r"([0-9۰-۹٠-٩]+([.,/٫][0-9۰-۹٠-٩]+)?\s*(درصد(?!د)|٪|%))|((?<![\u0600-\u06ff])(" + NUMW +
                     r")\s*درصد(?!د))")


def select(corpus):
    out = []
    for g in ("fars1", "fars2", "fars3", "fars4"):
        kept = []
        for f in sorted(glob.glob(os.path.join(corpus, g + "-*.txt"))):
            b = open(f, "rb").read()
            if not 600 <= len(b) <= 4000:
                continue
            t = fold(b.decode("utf-8"))
            if CUE.search(t):
                kept.append((os.path.basename(f)[:-4], bool(PCT.search(t))))
        P = [d for d, p in kept if p]
        N = [d for d, p in kept if not p]
        if len(P) < 8 or len(N) < 12:
            raise SystemExit(f"select: {g} has too few files ({len(P)} with a percentage, {len(N)} without)")
        out += [(P[i * len(P) // 8], "test" if i in (2, 5, 7) else "dev", True) for i in range(8)]
        out += [(N[j * len(N) // 12], "test" if j % 3 == 2 else "dev", False) for j in range(12)]
    return out


class Doc:
    def __init__(self, path):
        self.b = open(path, "rb").read()
        self.t = self.b.decode("utf-8")

    def text(self, s, e):
        """The text of byte span [s, e), or None when it is not a valid span on character boundaries."""
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(self.b)):
            return None
        try:
            return self.b[s:e].decode("utf-8")
        except UnicodeDecodeError:
            return None

    def para(self, s):
        a = self.b.rfind(b"\n", 0, s) + 1
        z = self.b.find(b"\n", s)
        return a, len(self.b) if z < 0 else z

    def before(self, s):
        return self.b[:s].decode("utf-8")[-1:] if s else ""

    def after(self, e):
        return self.b[e:].decode("utf-8")[:1]


def check_line(g, doc, problems):
    where = g.get("doc")
    say = lambda m: problems.append(f"{where}: {m}")
    for k, s in enumerate(g.get("statements", [])):
        w = f"statement {k}"
        c = doc.text(s.get("start"), s.get("end"))
        if c is None:
            say(f"{w}: bad content span {s.get('start')}..{s.get('end')}")
            continue
        if c != s.get("content"):
            say(f"{w}: content span decodes to «{c[:40]}», not the stored content")
        if "\n" in c:
            say(f"{w}: content runs over a paragraph end")
        if c[0] in " \t:«\"'.،,؛" or fold(c).startswith("که ") or LETTER.match(doc.before(s["start"]) or " "):
            say(f"{w}: content starts badly: «{doc.before(s['start'])}|{c[:20]}»")
        if c[-1] in " \t:،,؛«" or (c[-1] == "." and not c.endswith("...")) or (c[-1] == "»" and "«" not in c) or LETTER.match(doc.after(s["end"]) or " "):
            say(f"{w}: content ends badly: «{c[-20:]}|{doc.after(s['end'])}»")
        pa = doc.para(s["start"])
        if not s.get("speaker"):
            say(f"{w}: no speaker")
        elif s["speaker"].startswith(HONORIFICS) and s.get("speaker_kind") == "person":
            say(f"{w}: speaker starts with an honorific: «{s['speaker']}»")
        if s.get("speaker_kind") not in SPEAKER_KINDS:
            say(f"{w}: speaker_kind {s.get('speaker_kind')!r}")
        q = doc.text(s.get("cue_start"), s.get("cue_end"))
        if q is None or q != s.get("cue"):
            say(f"{w}: cue span does not decode to the cue «{s.get('cue')}» ({q!r})")
        elif not (pa[0] <= s["cue_start"] and s["cue_end"] <= pa[1]):
            say(f"{w}: cue outside the content's paragraph")
        elif s["cue_start"] < s["end"] and s["start"] < s["cue_end"]:
            say(f"{w}: cue inside its own content")
        elif fold(q).startswith("گفت") and re.match(r" ?و ?گو|گو", fold1(doc.b[s["cue_end"]:s["cue_end"] + 12]
                                                                          .decode("utf-8", "ignore"))):
            say(f"{w}: cue «گفت» is part of «گفت‌وگو»")
        ms, me = s.get("speaker_start"), s.get("speaker_end")
        if ms is None or me is None:
            if ms is not None or me is not None or s.get("mention") is not None or s.get("mention_kind") is not None:
                say(f"{w}: half a speaker mention")
        else:
            m = doc.text(ms, me)
            if m is None or m != s.get("mention"):
                say(f"{w}: mention span does not decode to the stored mention ({m!r})")
            elif not (pa[0] <= ms and me <= pa[1]):
                say(f"{w}: mention outside the content's paragraph")
            elif LETTER.match(doc.before(ms) or " ") or LETTER.match(doc.after(me) or " "):
                say(f"{w}: mention «{m}» cut out of a word")
            elif isinstance(s.get("cue_start"), int) and ms < s["cue_end"] and s["cue_start"] < me:
                say(f"{w}: mention «{m}» overlaps the cue")
            mk = s.get("mention_kind")
            if mk not in MENTION_KINDS:
                say(f"{w}: mention_kind {mk!r}")
            elif mk == "pronoun" and fold(m) not in PRONOUNS and not fold(m).startswith("این "):
                say(f"{w}: pronoun mention «{m}» is not a pronoun or «این ...»")
            elif mk != "pronoun" and fold(m) in PRONOUNS:
                say(f"{w}: mention «{m}» is a pronoun")
    spans = []
    for k, p in enumerate(g.get("percentages", [])):
        w = f"percentage {k}"
        x = doc.text(p.get("start"), p.get("end"))
        if x is None or x != p.get("text"):
            say(f"{w}: span does not decode to the stored text ({x!r})")
            continue
        spans.append((p["start"], p["end"]))
        if not re.search(r"درصد|٪|%", x):
            say(f"{w}: «{x}» has no percent word or sign")
        if not isinstance(p.get("value"), (int, float)):
            say(f"{w}: value {p.get('value')!r}")
        keys = [p.get("subject"), p.get("subject_start"), p.get("subject_end")]
        if all(v is None for v in keys):
            continue
        y = doc.text(p.get("subject_start"), p.get("subject_end"))
        if y is None or y != p.get("subject"):
            say(f"{w}: subject span does not decode to the stored subject ({y!r})")
        elif doc.para(p["subject_start"]) != doc.para(p["start"]):
            say(f"{w}: subject outside the percentage's paragraph")
    ft = doc.t
    for m in PCT_ANY.finditer(fold1(ft)):
        s = len(ft[:m.start()].encode("utf-8"))
        e = len(ft[:m.end()].encode("utf-8"))
        if not any(a <= s and e <= z for a, z in spans):
            say(f"number with a percent word not annotated: «{ft[m.start():m.end()]}» at byte {s}")


def review(g, doc):
    """Cue words and «درصد» outside every statement's cue span and every percentage span («گفت‌وگو» left out)."""
    t = doc.t
    cues = {(s["cue_start"], s["cue_end"]) for s in g["statements"]}
    cues |= {(p["start"], p["end"]) for p in g["percentages"]}
    word = re.compile(r"(?<![\u0600-\u06ff])(گفت|افزود|ادامه داد|تاکید|تأکید|اظهار|عنوان کرد|خاطر ?نشان|تصریح|"
                      r"توضیح داد|به گفته|می ?گوی|اعلام|خبر داد|یادآور|معتقد|بیان|اضافه کرد|متذکر|نوشت|دانست|"
                      r"خواند|برشمرد|ذکر کرد|یاد کرد|مدعی|ادعا|اذعان|ابراز|اشاره|خواستار|خواست|درصد)")
    out = []
    for m in word.finditer(fold1(t)):
        s = len(t[:m.start()].encode("utf-8"))
        if any(a <= s < z for a, z in cues) or re.match(r"گفت ?و ?گو|گفتگو", fold1(t[m.start():m.end() + 4])):
            continue
        out.append(f"{g['doc']}: unannotated «{t[max(0, m.start() - 25):m.end() + 15]}»".replace("\n", " "))
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    if len(args) != 1:
        raise SystemExit(__doc__)
    corpus = os.path.join(args[0], "corpus", "fars-news-dev")
    if not os.path.isdir(corpus):
        print(f"fars-statements-check: {corpus} not found, skipped")
        return 0
    sel = select(corpus)
    if "--select" in flags:
        for d, part, p in sel:
            print(d, part, int(p))
        return 0
    problems, lines, rev = [], {}, []
    for part, path in FILES.items():
        lines[part] = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        want = [d for d, pt, _ in sel if pt == part]
        got = [g.get("doc") for g in lines[part]]
        if got != want:
            problems.append(f"{part}: documents differ from the selection rule's ({len(got)} vs {len(want)})")
        for g in lines[part]:
            doc = Doc(os.path.join(corpus, g["doc"] + ".txt"))
            check_line(g, doc, problems)
            if "--review" in flags:
                rev += review(g, doc)
    for p in problems:
        print(p)
    for r in rev:
        print(r)
    if "--stats" in flags:
        for part in ("dev", "test", "all"):
            gs = lines["dev"] + lines["test"] if part == "all" else lines[part]
            st = [s for g in gs for s in g["statements"]]
            pc = [p for g in gs for p in g["percentages"]]
            kinds = {k: sum(s["speaker_kind"] == k for s in st) for k in sorted(SPEAKER_KINDS)}
            mk = {k: sum(s["mention_kind"] == k for s in st) for k in sorted(MENTION_KINDS)}
            mk["none"] = sum(s["mention_kind"] is None for s in st)
            print(f"{part}: documents {len(gs)}, with a percentage {sum(bool(g['percentages']) for g in gs)}, "
                  f"with no statement {sum(not g['statements'] for g in gs)}; statements {len(st)}; "
                  f"percentages {len(pc)} (null subject {sum(p['subject'] is None for p in pc)}); "
                  f"speaker kinds {kinds}; mention kinds {mk}")
    print(f"fars-statements-check: {sum(len(v) for v in lines.values())} documents, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
