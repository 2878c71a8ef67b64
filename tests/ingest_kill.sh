#!/bin/sh
# A killed ingest: `kill -9` in the middle of `khabar index`, then the database opens,
# holds whole batches, and running the same command again completes it without
# duplicates.   sh tests/ingest_kill.sh KHABAR EXTRACT FIXTURES PYTHON
set -u
khabar=$1 extract=$2 fixtures=$3 python=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
# 600 articles: the seed record under 600 URLs
"$extract" --jsonl "$fixtures/seed-article.html" > "$tmp/one.jsonl"
"$python" - "$tmp/one.jsonl" "$tmp/all.jsonl" <<'PY'
import json, sys
rec = json.loads(open(sys.argv[1], encoding="utf-8").read())
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i in range(600):
        rec["url"] = "https://example.org/news/%d" % i
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
"$khabar" index -q --batch 20 "$tmp/db" "$tmp/all.jsonl" &
pid=$!
sleep 0.5
kill -9 "$pid" 2> /dev/null && killed=1 || killed=0
wait "$pid" 2> /dev/null
articles() { "$khabar" stats "$tmp/db" | sed -n 's/.*"articles": \([0-9]*\).*/\1/p'; }
n=$(articles)
if [ -n "$n" ]; then
	echo "ok - the database opens after kill -9 (killed=$killed) with $n articles"
else
	echo "not ok - the database does not open after kill -9"
	fails=$((fails + 1))
fi
if [ "$killed" = 1 ] && [ -n "$n" ] && [ $((n % 20)) -ne 0 ]; then
	echo "not ok - $n articles: not whole batches of 20"
	fails=$((fails + 1))
fi
"$khabar" index -q --batch 20 "$tmp/db" "$tmp/all.jsonl" || fails=$((fails + 1))
n=$(articles)
s=$("$khabar" stats "$tmp/db" | sed -n 's/.*"statements": \([0-9]*\).*/\1/p')
[ "$n" = 600 ] && [ "$s" = 4800 ] && echo "ok - the rerun completes: 600 articles, 4800 statements" ||
	{ echo "not ok - after the rerun: $n articles, $s statements"; fails=$((fails + 1)); }
echo "ingest_kill: $fails failed"
[ "$fails" -eq 0 ]
