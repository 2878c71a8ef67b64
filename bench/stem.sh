#!/bin/sh
# The light stemmer on a corpus (read in place): distinct search keys of the words
# before and after stemming, and a random sample of changed words to check by hand.
#   sh bench/stem.sh BUILD_DIR CORPUS_DIR [SAMPLE]
set -u
build=${1:-build} dir=${2:-../shared/corpus/peyma-dev} sample=${3:-100}
if ! ls "$dir"/*.txt >/dev/null 2>&1; then
	echo "stem: $dir not found, skipped"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$dir"/*.txt >"$tmp/all"
"$build/khabar" normalize --words <"$tmp/all" >"$tmp/words"
"$build/khabar" normalize --stem <"$tmp/all" >"$tmp/stems"
python3 - "$tmp/words" "$tmp/stems" "$sample" <<'PY'
import collections, random, sys
pairs = collections.Counter()
for a, b in zip(open(sys.argv[1], encoding="utf-8"), open(sys.argv[2], encoding="utf-8")):
    A, B = a.split(), b.split()
    if len(A) != len(B):
        continue
    for x, y in zip(A, B):
        if not x[0].isdigit():
            pairs[(x, y)] += 1
keys = {x for x, _ in pairs}
stems = {y for _, y in pairs}
changed = [(x, y, c) for (x, y), c in pairs.items() if x != y]
tokens = sum(pairs.values())
print(f"word tokens {tokens}, distinct search keys {len(keys)}, distinct stems {len(stems)} "
      f"({100 * (len(keys) - len(stems)) / len(keys):.1f}% fewer)")
print(f"changed: {len(changed)} word types, {sum(c for *_, c in changed)} tokens")
random.seed(1)
weights = [c for *_, c in changed]
print(f"sample of {sys.argv[3]} changed words, drawn by frequency:")
for x, y, c in random.choices(changed, weights=weights, k=int(sys.argv[3])):
    print(f"  {x} -> {y}")
PY
