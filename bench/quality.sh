#!/bin/sh
# Quality on the shared corpora (never copied into the repo): main text, title,
# date and agency on Persian news pages; must-keep/must-drop segments on the
# multilingual benchmark; the seed article's checks; pages of other templates
# (bench/pages.sh); statements on Fars News text.
#   sh bench/quality.sh BUILD_DIR SHARED_DIR
set -u
build=${1:-build} shared=${2:-../shared}
if [ ! -d "$shared/corpus" ]; then
	echo "quality: $shared/corpus not found, skipped"
	exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

fa=$shared/corpus/fa-news-html
if [ -d "$fa/pages" ]; then
	mkdir -p "$out/fa"
	"$build/extract" -q -O "$out/fa" "$fa"/pages/*.html
	python3 "$fa/score.py" "$fa/ground-truth.json" "$out/fa"
fi
ml=$shared/corpus/web-multilingual-dev
if [ -d "$ml/html" ]; then
	mkdir -p "$out/ml"
	"$build/extract" -q -O "$out/ml" "$ml"/html/*/*.html
	echo "web-multilingual-dev:"
	python3 "$shared/eval/score-segments.py" "$ml/evaldata_subset.json" "$out/ml"
fi
for page in seed-article.html seed-article.cp1256.html; do
	if [ -f "$shared/spec/$page" ]; then
		"$build/extract" "$shared/spec/$page" > "$out/seed.json"
		echo "$page: $(python3 "$shared/spec/check-seed.py" "$out/seed.json" | tail -1)"
	fi
done
# text, date and agency credits on pages of eight other templates, dev half (bench/pages.sh)
echo "pages (dev half of bench/pages-gen.py's templates):"
sh "$(dirname "$0")/pages.sh" "$build" "$shared" dev | tail -1
# statements and percentage facts on real Fars News text, dev part (bench/data/fars-statements.md)
sh "$(dirname "$0")/fars-statements.sh" "$build" "$shared" dev
exit 0
