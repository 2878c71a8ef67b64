#!/bin/sh
# kill -9 in the middle of a crawl, then the same command again: every article ends in
# the index exactly once, nothing fetched before the kill is lost, no page committed
# before the kill is fetched or indexed again.   sh tests/crawl/kill.sh KHABAR PYTHON
set -u
khabar=$1 python=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
. "$here/common.sh"
trap 'stop_site; rm -rf "$tmp"' EXIT
fails=0
start_site "$tmp" --pages 300 --delay-ms 10
crawl() {
	exec "$khabar" crawl --db "$tmp/db" --delay 0 --per-host 4 --batch 10 --log-json "$base/all.xml"
}
: > "$tmp/run1.log" # there before the loop below reads it, however late the crawl starts
(crawl 2> "$tmp/run1.log") &
pid=$!
# kill once a few batches are committed, well before the end
i=0
while [ "$(grep -c '"indexed"' "$tmp/run1.log")" -lt 30 ] && [ $i -lt 300 ]; do
	sleep 0.05
	i=$((i + 1))
done
kill -9 "$pid" 2> /dev/null && killed=1 || killed=0
wait "$pid" 2> /dev/null
n1=$(grep -c '"indexed"' "$tmp/run1.log")
[ "$killed" = 1 ] && [ "$n1" -lt 300 ] && echo "ok - killed mid-crawl after $n1 articles" ||
	{ echo "not ok - the crawl was not killed mid-run ($n1 indexed)"; fails=$((fails + 1)); }
(crawl 2> "$tmp/run2.log") || { echo "not ok - the restart failed"; fails=$((fails + 1)); }
"$python" - "$tmp/run1.log" "$tmp/run2.log" "$tmp/requests.log" "$base" <<'PY' || fails=$((fails + 1))
import json, sys
run1, run2, reqlog, base = sys.argv[1:5]
def events(p):
    return [json.loads(l) for l in open(p) if l.startswith("{")]
def indexed(p):
    return [e["url"][len(base):] for e in events(p) if e["event"] == "indexed"]
i1, i2 = indexed(run1), indexed(run2)
want = {"/news/%d.html" % i for i in range(300)}
fails = 0
def check(c, what):
    global fails
    print(("ok - " if c else "not ok - ") + what)
    fails += not c
check(set(i1) | set(i2) == want, "every article indexed (%d + %d)" % (len(set(i1)), len(set(i2))))
check(not set(i1) & set(i2), "none indexed in both runs")
s2 = [e for e in events(run2) if e["event"] == "summary"][0]
check(s2["duplicates"] == 0 and s2["failed"] == 0, "the restart: no duplicates, no failures")
PY
n=$("$khabar" stats "$tmp/db" | sed -n 's/.*"articles": \([0-9]*\).*/\1/p')
[ "$n" = 300 ] && echo "ok - 300 articles in the index" ||
	{ echo "not ok - $n articles in the index, wanted 300"; fails=$((fails + 1)); }
echo "crawl_kill: $fails failed"
[ "$fails" -eq 0 ]
