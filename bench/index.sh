#!/bin/sh
# Index benchmarks, corpora read in place (never copied):
# 1. ingest rate: `khabar index` (extraction and facts included) beside `omindex` (Debian's
#    xapian-omega) indexing the same HTML files, in one run;
# 2. search latency: p50/p95 over 1,000 queries on a database of N articles of K synthesized
#    statements (default 20,000 x 50 = 1,000,000 statement documents), and its size.
#   sh bench/index.sh BUILD_DIR SHARED_DIR [N] [K]
# KEEP=DIR keeps the synthesized database there (to search it again); SKIP_INGEST=1
# skips the first part.
set -u
build=${1:-build} shared=${2:-../shared} n=${3:-20000} k=${4:-50}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
big=${KEEP:-$tmp/big}
corpora="fa-news-html/pages web-multilingual-dev/html/eval"
[ -n "${SKIP_INGEST:-}" ] && corpora=""
for corpus in $corpora; do
	dir=$shared/corpus/$corpus
	[ -d "$dir" ] || { echo "index: $dir not found, skipped"; continue; }
	pages=$(find "$dir" -name '*.html' | wc -l)
	if command -v omindex > /dev/null 2>&1; then
		t0=$(date +%s.%N)
		omindex --db "$tmp/om" --url / -p "$dir" > /dev/null 2>&1
		t1=$(date +%s.%N)
		echo "$corpus: omindex $pages pages in $(echo "$t1 - $t0" | bc) s, $(du -sk "$tmp/om" | cut -f1) KB"
	else
		echo "index: omindex not installed (apt-get install xapian-omega), skipped"
	fi
	t0=$(date +%s.%N)
	# shellcheck disable=SC2046
	"$build/khabar" index -q "$tmp/kx" $(find "$dir" -name '*.html' | sort)
	t1=$(date +%s.%N)
	echo "$corpus: khabar index $pages pages in $(echo "$t1 - $t0" | bc) s, $(du -sk "$tmp/kx" | cut -f1) KB"
	rm -rf "$tmp/om" "$tmp/kx"
done
peyma=$shared/corpus/peyma-dev
if [ -d "$peyma" ]; then
	python3 "$(dirname "$0")/synth.py" "$peyma" "$n" "$k" "$tmp/synth.jsonl" "$tmp/queries.txt"
	t0=$(date +%s.%N)
	rm -rf "$big"
	"$build/khabar" index -q --batch 2000 "$big" "$tmp/synth.jsonl"
	t1=$(date +%s.%N)
	echo "synthesized: $n articles x $k statements indexed in $(echo "$t1 - $t0" | bc) s," \
		"$(du -sk "$big" | cut -f1) KB ($(($(du -sk "$big" | cut -f1) / n)) KB an article)"
	"$build/khabar" stats "$big" | head -5
	"$build/bench_search" "$big" "$tmp/queries.txt" 1 > /dev/null # warm the page cache
	echo "all 1,000 queries:"
	"$build/bench_search" "$big" "$tmp/queries.txt" 3
	# by kind: two words; a speaker and a word; a speaker and a date range; a phrase
	i=0
	for kind in words speaker+word speaker+dates phrase; do
		awk -v r="$i" 'NR % 4 == (r + 1) % 4' "$tmp/queries.txt" > "$tmp/q$i.txt"
		printf '%s: ' "$kind"
		"$build/bench_search" "$big" "$tmp/q$i.txt" 3
		i=$((i + 1))
	done
	cp "$tmp/queries.txt" "$big.queries" 2> /dev/null || true
fi
