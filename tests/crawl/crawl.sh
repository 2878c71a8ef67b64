#!/bin/sh
# End to end on loopback: the fixture site (tests/crawl/site.py) with its feeds, sitemaps,
# robots.txt and faults, crawled into an index; every article arrives exactly once, every
# fault ends as it should, a second run asks with validators and gets 304s.
#   sh tests/crawl/crawl.sh KHABAR PYTHON
set -u
khabar=$1 python=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
. "$here/common.sh"
trap 'stop_site; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok - $1"; }
bad() { echo "not ok - $1"; fails=$((fails + 1)); }

start_site "$tmp" --pages 40
printf '# seeds\n%s/\n%s/fault/badxml.xml\n\n%s/fault/laughs.xml\n' "$base" "$base" "$base" > "$tmp/seeds"
opts="--delay 0 --timeout 2 --backoff 0.2 --tries 3 --max-size 2000000 --refetch 1"

# 1. the first crawl
"$khabar" crawl --seeds "$tmp/seeds" --db "$tmp/db" --once $opts --log-json 2> "$tmp/run1.log"
rc=$?
[ $rc -eq 0 ] && ok "crawl --once exits 0" || bad "crawl --once exit $rc"
articles() { "$khabar" stats "$tmp/db" | sed -n 's/.*"articles": \([0-9]*\).*/\1/p'; }
"$python" "$here/check_run.py" first "$tmp/run1.log" "$tmp/requests.log" "$base" || fails=$((fails + 1))
n=$(articles)
[ "$n" = 47 ] && ok "47 articles in the index, each once" || bad "$n articles in the index, wanted 47"

# the windows-1256 page whose header says UTF-8 is indexed readable: its ASCII case
# number is found by Persian digits, its words by Persian spelling
hits=$("$khabar" search --jsonl "$tmp/db" '۲۱۰۰۰۹' | grep -c 'wrong-charset')
[ "$hits" -ge 1 ] && ok "wrong-charset page indexed readable" || bad "wrong-charset page not found by its text"

# 2. the second crawl: validators sent, 304s, nothing fetched or indexed again
sleep 1.2
: > "$tmp/requests.log"
"$khabar" crawl --seeds "$tmp/seeds" --db "$tmp/db" --once $opts --log-json 2> "$tmp/run2.log"
"$python" "$here/check_run.py" second "$tmp/run2.log" "$tmp/requests.log" "$base" || fails=$((fails + 1))
n=$(articles)
[ "$n" = 47 ] && ok "still 47 articles after the second crawl" || bad "$n articles after the second crawl"

# 3. --follow keeps polling (every --refetch seconds, a feed's <ttl> if longer) until SIGTERM
: > "$tmp/requests.log"
"$khabar" crawl --seeds "$tmp/seeds" --db "$tmp/db" --follow $opts --log-json 2> "$tmp/follow.log" &
pid=$!
sleep 3.5
kill -TERM "$pid"
wait "$pid"
rc=$?
polls=$(grep -c '"path": "/", "status": 304' "$tmp/requests.log")
[ $rc -eq 0 ] && [ "$polls" -ge 2 ] && grep -q '"summary"' "$tmp/follow.log" &&
	ok "--follow polled the home page $polls times, SIGTERM ended it cleanly" ||
	bad "--follow: exit $rc, $polls polls"

# 4. a dry run lists the pages and fetches none of them
: > "$tmp/requests.log"
"$khabar" crawl --dry-run -q "$base/" > "$tmp/list" 2> "$tmp/dry.err"
rc=$?
pages=$(grep -c '/news/' "$tmp/list")
fetched=$(grep -c '"/news/' "$tmp/requests.log")
[ $rc -eq 0 ] && [ "$pages" -ge 40 ] && [ "$fetched" -eq 0 ] && [ ! -e "$tmp/list.crawl" ] &&
	ok "dry run lists $pages pages, fetches none" ||
	bad "dry run: exit $rc, $pages pages listed, $fetched fetched"
grep -q 'private/secret' "$tmp/list" && bad "dry run lists a page robots.txt forbids" ||
	ok "dry run leaves out what robots.txt forbids"

# 5. usage and bad input: one clear line, non-zero exit, no crash
"$khabar" crawl --db "$tmp/x" 2> "$tmp/err"
[ $? -eq 2 ] && grep -q 'no seeds' "$tmp/err" && ok "no seeds: exit 2" || bad "no seeds"
"$khabar" crawl --seeds "$tmp/seeds" 2> "$tmp/err"
[ $? -eq 2 ] && grep -q 'no database' "$tmp/err" && ok "no database: exit 2" || bad "no database"
"$khabar" crawl --db "$tmp/x" 'ftp://example.com/feed' 2> "$tmp/err"
[ $? -eq 1 ] && grep -q 'not an http or https URL' "$tmp/err" && ok "ftp seed refused" ||
	bad "ftp seed: $(cat "$tmp/err")"
"$khabar" crawl --seeds "$tmp/nonexistent" --db "$tmp/x" 2> "$tmp/err"
[ $? -eq 1 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && ok "missing seeds file: one line, exit 1" ||
	bad "missing seeds file: $(cat "$tmp/err")"
"$khabar" crawl --db "$tmp/x" --delay abc "$base/" 2> "$tmp/err"
[ $? -eq 2 ] && ok "--delay abc: exit 2" || bad "--delay abc accepted"
# nothing listens on port 9 (discard) of loopback: the seed fails, the crawl ends
"$khabar" crawl --db "$tmp/closed" --tries 2 --backoff 0.1 --log-json 'http://127.0.0.1:9/feed' 2> "$tmp/err"
[ $? -eq 0 ] && grep -q '"failed":1' "$tmp/err" && ok "unreachable host: reported, exit 0" ||
	bad "unreachable host: $(tail -2 "$tmp/err")"
# a hundred hosts (loopback addresses, nothing listening): each asked once, each failed
i=2
while [ $i -le 101 ]; do echo "http://127.0.0.$i:9/feed"; i=$((i + 1)); done > "$tmp/hosts.txt"
"$khabar" crawl --db "$tmp/hosts" --tries 1 --log-json --seeds "$tmp/hosts.txt" 2> "$tmp/err"
[ $? -eq 0 ] && grep -q '"requests":100,' "$tmp/err" && grep -q '"failed":100,' "$tmp/err" &&
	ok "100 hosts: one request and one failure each" || bad "100 hosts: $(tail -1 "$tmp/err")"
"$khabar" crawl --help | grep -q -- '--follow' && ok "--help" || bad "--help"

# 6. extract fetches one page itself, with the server's charset
"$khabar" extract --jsonl "$base/fault/cp1256" > "$tmp/one.json" &&
	"$python" -c 'import json,sys; r=json.load(open(sys.argv[1])); assert "ي" in r["title"] or "ی" in r["title"], r["title"]; assert r["url"].endswith("/fault/cp1256")' "$tmp/one.json" &&
	ok "extract URL (windows-1256)" || bad "extract URL"
"$khabar" extract "$base/fault/404" 2> "$tmp/err"
[ $? -eq 1 ] && grep -q 'HTTP 404' "$tmp/err" && ok "extract URL 404: exit 1" || bad "extract URL 404"
"$khabar" extract "$base/fault/file" 2> "$tmp/err"
[ $? -eq 1 ] && grep -q 'other than http' "$tmp/err" && ok "extract URL redirected to file://: refused" ||
	bad "extract redirect to file://: $(cat "$tmp/err")"

echo "crawl: $fails failed"
[ "$fails" -eq 0 ]
