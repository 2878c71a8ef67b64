#!/bin/sh
# Entity quality on the shared NER corpora (read in place, never copied):
# `extract --text` on every document, then ../shared/eval/score-ner.py.
#   sh bench/ner.sh BUILD_DIR SHARED_DIR
set -u
build=${1:-build} shared=${2:-../shared}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for corpus in peyma-dev hengam-dev arman-dev; do
	dir=$shared/corpus/$corpus
	if [ ! -f "$dir/gold.jsonl" ]; then
		echo "ner: $dir not found, skipped"
		continue
	fi
	mkdir -p "$out/$corpus"
	"$build/extract" -q -O "$out/$corpus" "$dir"/*.txt
	echo "== $corpus"
	python3 "$shared/eval/score-ner.py" "$dir" "$out/$corpus"
done
exit 0
