#!/bin/sh
# Load on `khabar serve` (loopback only, bounded in time): statement searches over a
# database of N synthesized articles of K statements (default 4,000 x 30 = 120,000
# statements; bench/synth.py, sentences of PEYMA dev read in place), 32 connections from
# wrk for D seconds after a warm-up: requests/s, p50/p95/p99 and errors; beside it,
# `khabar search` run once per query for the same queries (bench/serve_cli.py); then, as
# a figure this shared machine's load does not move, the instructions the server spends
# on 200 requests against those of the searches alone (bench_search), under callgrind.
#   sh bench/serve.sh BUILD_DIR SHARED_DIR [N] [K] [SECONDS] [THREADS]
# KEEP=DIR keeps (and reuses) the synthesized database there.
set -u
build=${1:-build} shared=${2:-../shared} n=${3:-4000} k=${4:-30} secs=${5:-20} threads=${6:-4}
here=$(dirname "$0")
peyma=$shared/corpus/peyma-dev
[ -d "$peyma" ] || { echo "serve bench: $peyma not found, skipped"; exit 0; }
command -v wrk > /dev/null 2>&1 || { echo "serve bench: wrk not installed (sh scripts/install-deps.sh bench), skipped"; exit 0; }
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; rm -rf "$tmp"' EXIT
db=${KEEP:-$tmp/db}
python3 "$here/synth.py" "$peyma" "$n" "$k" "$tmp/synth.jsonl" "$tmp/queries.txt"
if [ ! -d "$db" ]; then
	t0=$(date +%s)
	"$build/khabar" index -q --batch 2000 "$db" "$tmp/synth.jsonl" || exit 1
	echo "indexed $n articles x $k statements in $(($(date +%s) - t0)) s"
fi
"$build/khabar" stats "$db" | sed -n 2,5p
# the statement searches, as the page asks them
python3 - "$tmp/queries.txt" > "$tmp/paths.txt" << 'PY'
import sys, urllib.parse
for q in open(sys.argv[1], encoding="utf-8"):
    print("/api/search?" + urllib.parse.urlencode({"q": q.strip(), "type": "statements", "limit": 10}))
PY
"$build/khabar" serve --listen 127.0.0.1:0 --threads "$threads" "$db" 2> "$tmp/log" &
pid=$!
url="" i=0
while [ -z "$url" ] && [ "$i" -lt 100 ]; do
	url=$(sed -n 's|.*\(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$tmp/log" | head -1)
	[ -n "$url" ] || sleep 0.1
	i=$((i + 1))
done
[ -n "$url" ] || { cat "$tmp/log"; exit 1; }
echo "khabar serve --threads $threads at $url; wrk, 2 threads, 32 connections, $secs s (after 5 s of warm-up):"
KH_PATHS=$tmp/paths.txt wrk -t 2 -c 32 -d 5s -s "$here/serve.lua" "$url" > /dev/null
lines0=$(grep -c ' GET /api/search' "$tmp/log")
KH_PATHS=$tmp/paths.txt wrk -t 2 -c 32 -d "${secs}s" --timeout 10s -s "$here/serve.lua" "$url" |
	sed -n '/^requests /,$p'
echo "server log: $(($(grep -c ' GET /api/search' "$tmp/log") - lines0)) lines, $(grep -c ' 200 ' "$tmp/log") answered 200, $(grep ' GET ' "$tmp/log" | grep -vc ' 200 ') not"
python3 "$here/serve_cli.py" "$build/khabar" "$db" "$tmp/queries.txt" "$url" 200
kill -TERM "$pid"
wait "$pid"
echo "server exit status $?"
pid=""
command -v valgrind > /dev/null 2>&1 || { echo "valgrind not installed: no instruction counts"; exit 0; }
head -200 "$tmp/paths.txt" > "$tmp/p200.txt"
head -200 "$tmp/queries.txt" | sed 's/$/ type:statements/' > "$tmp/q200.txt"
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.serve" "$build/khabar" serve -q \
	--listen 127.0.0.1:0 --threads 1 "$db" 2> "$tmp/log2" &
pid=$!
url="" i=0
while [ -z "$url" ] && [ "$i" -lt 600 ]; do
	url=$(sed -n 's|.*\(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$tmp/log2" | head -1)
	[ -n "$url" ] || sleep 0.1
	i=$((i + 1))
done
python3 - "$url" "$tmp/p200.txt" << 'PY'
import sys, urllib.request
for p in open(sys.argv[2]):
    urllib.request.urlopen(sys.argv[1] + p.strip(), timeout=120).read()
PY
kill -TERM "$pid"
wait "$pid"
pid=""
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.search" "$build/bench_search" "$db" \
	"$tmp/q200.txt" 1 > /dev/null 2>&1
a=$(sed -n 's/^summary: //p' "$tmp/cg.serve") b=$(sed -n 's/^summary: //p' "$tmp/cg.search")
echo "instructions for the same 200 statement searches: khabar serve (start, 200 HTTP requests," \
	"stop) $a, the searches alone (bench_search: open, 200 searches) $b:" \
	"$(echo "scale=1; ($a - $b) * 100 / $b" | bc)% more, $(( (a - b) / 200 )) a request"
