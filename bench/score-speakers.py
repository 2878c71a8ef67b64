#!/usr/bin/env python3
"""Are the predicted speakers real speakers of the document? (bench/data/fars-statements.md, "Speaker scores")
Usage: score-speakers.py GOLD.jsonl PRED_DIR [-v]
PRED_DIR/DOC.json is the record `extract --text DOC.txt` printed; GOLD.jsonl is in the shape of
bench/data/fars-statements-dev.jsonl (speaker_kind, mention and mention_kind beside the scorer's fields).

A document's speaker forms are, over its gold statements: the speaker, the role, the mention unless it is a
pronoun («وی», «این مسئول»), and for a person every ending of the speaker's name (surname, given name +
surname, ...). A predicted speaker is real when, after leading honorifics are dropped («حجت‌الاسلام»,
«دکتر», «سردار», ...), it is one of the forms (folded as score-statements.py folds: yeh/kaf, digits, no
ZWNJ, tatweel, diacritics or spaces). An honorific alone, a verb fragment or a phrase that runs past the role
is none of them. Matching of predicted to gold statements is score-statements.py's (content overlap of at
least half the longer span, greedy in gold order).
Prints: real among matched statements, real among all predicted statements, and named: among matched
statements whose gold speaker is a person, the share whose predicted speaker is one of that person's name
forms (the name, an ending of it, or a name mention). -v lists the predicted speakers that are not real."""
import collections, json, os, re, sys

HONORIFICS = ["حجت الاسلام و المسلمین", "حجت الاسلام والمسلمین", "حجت الاسلام", "حجه الاسلام", "آیت الله العظمی",
              "آیت الله", "آیه الله", "دکتر", "مهندس", "سردار", "سرلشکر", "سرتیپ", "سرهنگ", "آقای", "خانم"]


def fold(s):
    if not s: return ""
    s = s.translate(str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", **{chr(0x6f0 + i): str(i) for i in range(10)}}))
    return re.sub(r"[\u200c\u0640\u064b-\u065f\s]", "", s)


def spaced(s):
    """Arabic letters to Persian, ZWNJ to a space, one space between words (for cutting words off)."""
    s = (s or "").translate(str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "\u200c": " "}))
    return " ".join(s.split())


FOLDED_HONORIFICS = {fold(h) for h in HONORIFICS}


def strip_honorifics(s):
    """The speaker without leading honorifics or titles (one may span words); "" when nothing else is left."""
    words = spaced(s).split()
    cut = True
    while words and cut:
        cut = False
        for n in range(min(4, len(words)), 0, -1):
            if fold(" ".join(words[:n])) in FOLDED_HONORIFICS:
                words, cut = words[n:], True
                break
    return " ".join(words)


def endings(name):
    w = spaced(name).split()
    return {fold(" ".join(w[i:])) for i in range(len(w))}


def forms(statements):
    real, names = set(), collections.defaultdict(set)
    for s in statements:
        sp = s.get("speaker")
        real.add(fold(sp))
        if s.get("role"):
            real.add(fold(s["role"]))
        if s.get("mention") and s.get("mention_kind") != "pronoun":
            real.add(fold(s["mention"]))
        if s.get("speaker_kind") == "person":
            names[fold(sp)] |= endings(sp)
            if s.get("mention_kind") == "name":
                names[fold(sp)].add(fold(s["mention"]))
    for v in names.values():
        real |= v
    real.discard("")
    return real, names


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    if len(args) != 2:
        raise SystemExit(__doc__)
    gold_path, pred_dir = args
    n_pred = n_real = n_null = m = m_real = n_person = n_named = 0
    unreal = collections.Counter()
    for line in open(gold_path, encoding="utf-8"):
        g = json.loads(line)
        try:
            rec = json.load(open(os.path.join(pred_dir, g["doc"] + ".json"), encoding="utf-8"))
        except Exception:
            rec = {}
        ps = [s for s in rec.get("statements") or [] if isinstance(s, dict) and isinstance(s.get("start"), int)]
        real, names = forms(g["statements"])
        is_real = lambda s: bool(strip_honorifics(s.get("speaker"))) and \
            fold(strip_honorifics(s.get("speaker"))) in real
        for s in ps:
            n_pred += 1
            if not s.get("speaker"):
                n_null += 1
            elif is_real(s):
                n_real += 1
            else:
                unreal[s["speaker"]] += 1
        used = set()
        for gs in g["statements"]:
            for i, s in enumerate(ps):
                if i in used: continue
                ov = overlap(gs["start"], gs["end"], s["start"], s.get("end", s["start"]))
                if ov * 2 >= max(gs["end"] - gs["start"], s.get("end", 0) - s["start"]):
                    used.add(i)
                    m += 1
                    m_real += bool(s.get("speaker")) and is_real(s)
                    if gs.get("speaker_kind") == "person":
                        n_person += 1
                        n_named += bool(s.get("speaker")) and \
                            fold(strip_honorifics(s["speaker"])) in names[fold(gs["speaker"])]
                    break
    share = lambda a, b: a / b if b else 0.0
    if "-v" in sys.argv:
        for sp, k in unreal.most_common():
            print(f"not a speaker: {k} × «{sp}»")
    print(f"speakers: predicted {n_pred} real {n_real} null {n_null}; matched {m} real {m_real}; "
          f"matched with a person as gold speaker {n_person} named {n_named}")
    print(f"speakers real/matched={share(m_real, m):.3f} real/predicted={share(n_real, n_pred):.3f} "
          f"named/person={share(n_named, n_person):.3f}")


if __name__ == "__main__":
    main()
