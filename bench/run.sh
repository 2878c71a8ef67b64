#!/bin/sh
# Speed benchmark: extract against libxml2's bare parse of the same pages, and the
# peak memory of extract on the largest page.   sh bench/run.sh BUILD_DIR SHARED_DIR
set -u
build=${1:-build} shared=${2:-../shared}
ml=$shared/corpus/web-multilingual-dev/html
fa=$shared/corpus/fa-news-html/pages
for dir in "$ml" "$fa"; do
	if [ ! -d "$dir" ]; then
		echo "bench: $dir not found, skipped"
		continue
	fi
	echo "== $dir"
	# one core, as the target says
	taskset -c 0 "$build/bench_extract" -r 5 $(find "$dir" -name '*.html' | sort) ||
		"$build/bench_extract" -r 5 $(find "$dir" -name '*.html' | sort)
	big=$(find "$dir" -name '*.html' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "peak memory on the largest page ($(wc -c < "$big") bytes): %M KiB" \
			"$build/extract" --jsonl "$big" > /dev/null
	fi
done

peyma=$shared/corpus/peyma-dev
if [ -d "$peyma" ]; then
	echo "== normalization of $peyma (all documents)"
	taskset -c 0 "$build/bench_normalize" -r 5 "$peyma"/*.txt ||
		"$build/bench_normalize" -r 5 "$peyma"/*.txt
fi
