#!/bin/sh
# Search across shards: two databases served by xapian-tcpsrv on loopback, named in a
# stub file, give the same results as one database holding everything. Skips (77)
# without xapian-tcpsrv (Debian's xapian-tools).
#   sh tests/shards.sh KHABAR FIXTURES
set -u
khabar=$1 fixtures=$2
command -v xapian-tcpsrv > /dev/null 2>&1 || { echo "SKIP: xapian-tcpsrv not installed"; exit 77; }
tmp=$(mktemp -d)
pids=""
cleanup() {
	# the servers and the connections they forked: all name this test's directory
	pkill -9 -f "xapian-tcpsrv .*$tmp/" 2> /dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
fails=0
"$khabar" index -q "$tmp/one" "$fixtures/seed-article.html" "$fixtures/news-lead.html" "$fixtures/news-table-layout.html"
"$khabar" index -q "$tmp/a" "$fixtures/seed-article.html"
"$khabar" index -q "$tmp/b" "$fixtures/news-lead.html" "$fixtures/news-table-layout.html"
# two servers on free loopback ports
n=0
for shard in a b; do
	port=""
	n=$((n + 1))
	for try in 1 2 3 4 5 6 7 8; do
		p=$((20000 + ($$ * 7 + try * 131 + n * 4099) % 30000))
		# its output elsewhere: the servers must not hold the test's pipes open
		xapian-tcpsrv --port "$p" --interface 127.0.0.1 --quiet "$tmp/$shard" \
			> /dev/null 2>&1 < /dev/null &
		pid=$!
		sleep 0.5
		if kill -0 "$pid" 2> /dev/null; then
			port=$p
			pids="$pids $pid"
			break
		fi
	done
	[ -n "$port" ] || { echo "not ok - no free port for xapian-tcpsrv"; exit 1; }
	echo "remote 127.0.0.1:$port" >> "$tmp/stub"
done
for q in 'speaker:«زارع پور»' 'percent:0..100' 'type:articles' 'پنجره ملی' 'org:«سازمان توسعه تجارت»' \
	'date:1402-01-01..1402-12-29'; do
	one=$("$khabar" search --jsonl -n 100 "$tmp/one" "$q" 2> /dev/null | sort)
	two=$("$khabar" search --jsonl -n 100 "$tmp/stub" "$q" 2> /dev/null | sort)
	list=$("$khabar" search --jsonl -n 100 "$tmp/a,$tmp/b" "$q" 2> /dev/null | sort)
	if [ -n "$one" ] && [ "$one" = "$two" ] && [ "$one" = "$list" ]; then
		echo "ok - «$q»: $(printf '%s\n' "$one" | grep -c .) hits, the same over the remote shards"
	else
		echo "not ok - «$q» differs over the shards"
		fails=$((fails + 1))
	fi
done
a=$("$khabar" stats "$tmp/one" | grep '"documents"' | head -1)
b=$("$khabar" stats "$tmp/stub" | grep '"documents"' | head -1)
[ "$a" = "$b" ] && echo "ok - stats over the shards: $a" || { echo "not ok - stats $a / $b"; fails=$((fails + 1)); }
echo "shards: $fails failed"
[ "$fails" -eq 0 ]
