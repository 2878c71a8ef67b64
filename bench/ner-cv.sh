#!/bin/sh
# Held-out quality of the entity tagger: K-fold cross-validation on a corpus read in
# place (never copied). Each document is tagged by a model trained without it (the
# folds of tools/ner_train), the predictions pooled and scored by score-ner.py.
#   sh bench/ner-cv.sh BUILD_DIR SHARED_DIR [CORPUS] [K] [EPOCHS]
set -u
build=${1:-build} shared=${2:-../shared} corpus=${3:-peyma-dev} k=${4:-5} epochs=${5:-20}
dir=$shared/corpus/$corpus
if [ ! -f "$dir/gold.jsonl" ]; then
	echo "ner-cv: $dir not found, skipped"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/pred"
i=0
while [ "$i" -lt "$k" ]; do
	"$build/ner_train" --beam "${NER_BEAM:-8}" --epochs "$epochs" --folds "$k" --fold "$i" "$dir" "$tmp/model$i.bin" \
		> "$tmp/held$i.txt" 2> "$tmp/train$i.log" || { cat "$tmp/train$i.log"; exit 1; }
	sed "s#^#$dir/#; s#\$#.txt#" "$tmp/held$i.txt" > "$tmp/files$i.txt"
	# shellcheck disable=SC2046
	KHABAR_NER_MODEL=$tmp/model$i.bin "$build/extract" -q -O "$tmp/pred" $(cat "$tmp/files$i.txt")
	echo "ner-cv: fold $((i + 1)) of $k done ($(wc -l < "$tmp/held$i.txt") documents held out)"
	i=$((i + 1))
done
echo "== $corpus, $k-fold cross-validation, $epochs epochs (each document tagged by a model that never saw it)"
python3 "$shared/eval/score-ner.py" "$dir" "$tmp/pred"
# statements-dev is a sample of peyma-dev: its statements and percentage subjects, scored
# from the same held-out records (the tagger feeds the speakers)
if [ "$corpus" = peyma-dev ] && [ -f "$shared/corpus/statements-dev.jsonl" ]; then
	echo "== statements-dev from the held-out records"
	python3 "$shared/eval/score-statements.py" "$shared/corpus/statements-dev.jsonl" "$dir" "$tmp/pred"
fi
