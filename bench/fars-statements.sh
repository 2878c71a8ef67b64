#!/bin/sh
# Statements and percentage facts on real Fars News text (annotation and conventions in
# bench/data/fars-statements.md): `extract --text` over the annotated documents, then
# ../shared/eval/score-statements.py and bench/score-speakers.py.
#   sh bench/fars-statements.sh BUILD_DIR SHARED_DIR [dev|test]
# `test` is the held-out part: for final figures only, never for fitting a rule.
set -u
build=${1:-build} shared=${2:-../shared} part=${3:-dev}
here=$(dirname "$0")
case $part in
dev | test) ;;
*)
	echo "usage: sh bench/fars-statements.sh BUILD_DIR SHARED_DIR [dev|test]" >&2
	exit 2
	;;
esac
corpus=$shared/corpus/fars-news-dev
if [ ! -d "$corpus" ]; then
	echo "fars-statements: $corpus not found, skipped"
	exit 0
fi
gold=$here/data/fars-statements-$part.jsonl
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
set --
for doc in $(python3 -c 'import json, sys
for l in open(sys.argv[1], encoding="utf-8"): print(json.loads(l)["doc"])' "$gold"); do
	set -- "$@" "$corpus/$doc.txt"
done
"$build/extract" -q --text -O "$out" "$@"
echo "== fars-statements $part ($# documents)"
python3 "$here/fars-statements-check.py" "$shared" | tail -1
python3 "$shared/eval/score-statements.py" "$gold" "$corpus" "$out"
python3 "$here/score-speakers.py" "$gold" "$out"
exit 0
