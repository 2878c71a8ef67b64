#!/bin/sh
# Repeatable speed figure for a noisy machine: instruction counts (valgrind's
# callgrind) of khabar's extraction against libxml2's bare parse + free of the same
# pages, in one run.   sh bench/instructions.sh BUILD_DIR SHARED_DIR [PAGES]
set -u
build=${1:-build} shared=${2:-../shared} pages=${3:-120}
dir=$shared/corpus/web-multilingual-dev/html/eval
if [ ! -d "$dir" ]; then
	echo "instructions: $dir not found, skipped"
	exit 0
fi
if ! command -v valgrind >/dev/null 2>&1; then
	echo "instructions: valgrind not installed, skipped"
	exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# shellcheck disable=SC2046
valgrind --tool=callgrind --callgrind-out-file="$out" "$(cd "$build" && pwd)/bench_extract" -r 1 \
	$(find "$dir" -name '*.html' | sort | head -n "$pages") > /dev/null 2>&1
callgrind_annotate --inclusive=yes --tree=calling "$out" 2>/dev/null | awk '
	/\*  bench\/bench_extract.c:main \[/ { inmain = 1; next }
	inmain && NF == 0 { inmain = 0 }
	inmain && /bench_extract.c:extract/ { gsub(",", "", $1); ex = $1 }
	inmain && /htmlReadMemory/ { gsub(",", "", $1); parse = $1 }
	inmain && /xmlFreeDoc/ { gsub(",", "", $1); free = $1 }
	END {
		if (!ex) { print "instructions: no result"; exit }
		printf "bare parse+free: %.0f M instructions, extract: %.0f M, ratio %.2f\n",
			(parse + free) / 1e6, ex / 1e6, (parse + free) / ex
	}'
