#!/bin/sh
# Crawl speed and memory on loopback (tests/crawl/site.py serves the pages).
#   sh bench/crawl.sh BUILD_DIR [PAGES] [FRONTIER_SIZES]
# 1. PAGES article pages (default 10,000) fetched by `curl --parallel` (the floor: fetch
#    only, to /dev/null) and crawled by khabar (fetch, extract, index), politeness off,
#    the same concurrency, in alternating runs; pages/s and their ratio.
# 2. Peak memory (max RSS) of a crawl whose frontier grows to each of FRONTIER_SIZES
#    URLs (default "10000 100000 1000000"), fetching 2,000 pages each time.
set -u
build=${1:-build} pages=${2:-10000} sizes=${3:-"10000 100000 1000000"}
khabar=$build/khabar
here=$(cd "$(dirname "$0")/../tests/crawl" && pwd)
python=python3
tmp=$(mktemp -d)
. "$here/common.sh"
trap 'stop_site; rm -rf "$tmp"' EXIT
conc=8
if ! command -v curl > /dev/null; then
	echo "bench/crawl: curl not found, skipped"
	exit 0
fi
mkdir -p "$tmp/site"
start_site "$tmp/site" --pages "$pages"
"$python" - "$base" "$pages" > "$tmp/curl.cfg" <<'PY'
import sys
base, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    print('url = "%s/news/%d.html"\noutput = "/dev/null"' % (base, i))
PY
now() { date +%s.%N; }
# the ceiling: the same pages extracted and indexed from disk, no network
mkdir -p "$tmp/pages"
sed 's|output = "/dev/null"|output = "'"$tmp"'/pages/#1.html"|' "$tmp/curl.cfg" > "$tmp/save.cfg"
"$python" - "$tmp/save.cfg" <<'PY'
import re, sys
p = sys.argv[1]
lines = open(p).read().splitlines()
out, n = [], 0
for l in lines:
    if l.startswith("output"):
        l = l.replace("#1", str(n)); n += 1
    out.append(l)
open(p, "w").write("\n".join(out) + "\n")
PY
curl --parallel --parallel-max $conc -s --no-progress-meter -K "$tmp/save.cfg"
t0=$(now)
find "$tmp/pages" -name '*.html' | xargs "$khabar" index -q "$tmp/idx"
t1=$(now)
"$python" -c 'import sys; print("ceiling: khabar index of the same %d pages from disk: %.0f pages/s" % (int(sys.argv[3]), int(sys.argv[3]) / (float(sys.argv[2]) - float(sys.argv[1]))))' "$t0" "$t1" "$pages"
# CPU seconds (user + system) the fixture site has used so far
site_cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$site_pid/stat"; }
cores=$(nproc)
for run in 1 2 3; do
	s0=$(site_cpu) t0=$(now)
	/usr/bin/time -f "%U %S" -o "$tmp/curl.time" \
		curl --parallel --parallel-max $conc --parallel-immediate -s --no-progress-meter -K "$tmp/curl.cfg"
	t1=$(now) s1=$(site_cpu)
	rm -rf "$tmp/db" "$tmp/db.crawl"
	/usr/bin/time -f "%U %S" -o "$tmp/crawl.time" \
		"$khabar" crawl --db "$tmp/db" --delay 0 --per-host $conc --max-transfers $conc -q \
		--log-json "$base/all.xml" 2> "$tmp/crawl.log"
	t2=$(now) s2=$(site_cpu)
	"$python" - "$t0" "$t1" "$t2" "$pages" "$tmp/crawl.log" "$s0" "$s1" "$s2" \
		"$tmp/curl.time" "$tmp/crawl.time" "$cores" <<'PY'
import json, sys
t0, t1, t2, n, = map(float, sys.argv[1:5])
s = [json.loads(l) for l in open(sys.argv[5]) if '"summary"' in l][0]
s0, s1, s2 = map(float, sys.argv[6:9])
cu = sum(map(float, open(sys.argv[9]).read().split()[:2]))
kh = sum(map(float, open(sys.argv[10]).read().split()[:2]))
cores = int(sys.argv[11])
c, k = n / (t1 - t0), s["indexed"] / (t2 - t1)
print("run: curl --parallel %.0f pages/s | khabar crawl %.0f pages/s (%d fetched, %d indexed) | ratio %.2f"
      % (c, k, s["pages"], s["indexed"], k / c))
# CPU a page: what the machine's cores must give for each page, by whom
kp, sp = kh / s["indexed"] * 1e3, (s2 - s1) / s["indexed"] * 1e3
print("     CPU a page: curl %.2f ms + site %.2f ms | khabar %.2f ms + site %.2f ms"
      % (cu / n * 1e3, (s1 - s0) / n * 1e3, kp, sp))
print("     at half of curl's rate, khabar and the site would need %.1f of the %d cores"
      % (c / 2 * (kp + sp) / 1e3, cores))
PY
done
stop_site

for n in $sizes; do
	mkdir -p "$tmp/m$n"
	start_site "$tmp/m$n" --pages 1000 --urls "$n"
	rm -rf "$tmp/mdb" "$tmp/mdb.crawl"
	/usr/bin/time -f "%M %e" -o "$tmp/time" "$khabar" crawl --db "$tmp/mdb" --delay 0 --per-host $conc \
		--max-transfers $conc --max-pages 2000 -q --log-json "$base/sitemap_index.xml" 2> "$tmp/m.log"
	report() {
		"$python" - "$1" "$tmp/time" "$tmp/m.log" "$tmp/mdb.crawl" <<'PY'
import json, sqlite3, sys
what = sys.argv[1]
rss, secs = open(sys.argv[2]).read().split()[:2]
s = [json.loads(l) for l in open(sys.argv[3]) if '"summary"' in l][0]
db = sqlite3.connect(sys.argv[4])
urls = db.execute("select count(*) from urls").fetchone()[0]
print("frontier %7d URLs, %s: peak RSS %6.1f MB, %d pages fetched, %.1f s"
      % (urls, what, int(rss) / 1024, s["pages"], float(secs)))
PY
	}
	report "sitemaps read in this run"
	# the same frontier again: sitemaps not due, 2,000 more pages scheduled out of it
	/usr/bin/time -f "%M %e" -o "$tmp/time" "$khabar" crawl --db "$tmp/mdb" --delay 0 --per-host $conc \
		--max-transfers $conc --max-pages 2000 -q --log-json "$base/sitemap_index.xml" 2> "$tmp/m.log"
	report "second run, frontier only"
	stop_site
done
