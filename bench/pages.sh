#!/bin/sh
# Main text, title, date and agency credits on news pages of eight templates unlike
# fa-news-html's (bench/pages-gen.py builds them from Fars News text): the dev half
# (pangea, wordpress, nextjs, closing) or the held-out half (bylinebox, multi,
# newspaper, afghan) for reported figures only.
#   sh bench/pages.sh BUILD_DIR SHARED_DIR [dev|held|all] [--per-page]
set -u
build=${1:-build} shared=${2:-../shared} split=${3:-dev}
fars=$shared/corpus/fars-news-dev
if [ ! -d "$fars" ]; then
	echo "pages: $fars not found, skipped"
	exit 0
fi
here=$(dirname "$0")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$here/pages-gen.py" "$fars" "$out" || exit 1
mkdir -p "$out/pred"
"$build/extract" -q -O "$out/pred" "$out"/pages/*.html
if [ "$split" = all ]; then
	python3 "$here/score-pages.py" "$out/truth.json" "$out/pred" ${4:-}
else
	python3 "$here/score-pages.py" "$out/truth.json" "$out/pred" --split "$split" ${4:-}
fi
