#!/bin/sh
# The search database end to end: index the seed pages, search them whichever way a
# name, a letter or a digit is spelled, filters, replacement without duplicates, errors.
#   sh tests/index.sh KHABAR FIXTURES
set -u
khabar=$1 fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok - $1"; }
no() { echo "not ok - $1"; fails=$((fails + 1)); }
db=$tmp/db
"$khabar" index -q "$db" "$fixtures/seed-article.html" "$fixtures/news-lead.html" ||
	no "index the fixtures"
search() { "$khabar" search --jsonl -n 50 "$db" "$@" 2> /dev/null | sort; }
count() { search "$@" | grep -c . ; }

# the speaker, spelled three ways: the same statements
a=$(search 'speaker:«زارع پور»') b=$(search 'speaker:«زارع‌پور»') c=$(search 'speaker:«زارعپور»')
[ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" = "$c" ] && [ "$(count 'speaker:«زارع پور»')" -eq 3 ] &&
	ok "speaker spelled three ways: 3 statements" || no "speaker variants ($(count 'speaker:«زارع پور»'))"
# Arabic yeh/kaf, ZWNJ, spaced prefixes and the three digit systems in the words
for pair in 'میگوید|مي‌گويد' 'می گوید|می‌گوید' 'دستگاه‌های|دستگاه هاي' 'پنجره ملی|پنجره ملي' \
	'۱۴۴ دستگاه|144 دستگاه' '١٤٤ دستگاه|144 دستگاه' 'سازمان‌ها|سازمانها'; do
	x=${pair%%|*} y=${pair#*|}
	rx=$(search "$x") ry=$(search "$y")
	[ -n "$rx" ] && [ "$rx" = "$ry" ] && ok "«$x» = «$y»" || no "«$x» ≠ «$y»"
done
# filters
[ "$(count 'org:«سازمان توسعه تجارت»')" -ge 1 ] && ok "org: by a name as written" || no "org:"
[ "$(count 'org:«سازمان توسعه تجارت ایران»')" -ge 1 ] && ok "org: by the canonical name" || no "org: canonical"
[ "$(count 'org:«وزارت صمت» type:facts')" -ge 1 ] && ok "org: by an alias" || no "org: alias"
n=$(count 'percent:30..40')
[ "$n" -eq 3 ] && ok "percent:30..40 gives the three facts in range" || no "percent:30..40 ($n)"
search 'percent:30..40' | grep -q '"value":40' && ok "40% is in range" || no "40%"
[ "$(count type:articles)" -eq 2 ] && ok "type:articles" || no "type:articles ($(count type:articles))"
[ "$(count 'date:1402-09-01..1402-09-10' type:articles)" -ge 1 ] && ok "Jalali date range" || no "Jalali range"
[ "$(count 'date:2023-11-26..2023-11-26' type:articles)" -ge 1 ] && ok "ISO date range" || no "ISO range"
[ "$(count 'date:1401-01-01..1401-12-29')" -eq 0 ] && ok "a range with nothing in it" || no "empty range"
[ "$(count --speaker 'جواد موحد' --type statements)" -eq 2 ] && ok "--speaker and --type" || no "--speaker"
# pages: --offset skips, in the same order
two=$("$khabar" search --jsonl -n 2 "$db" type:statements | sed -n 2p)
second=$("$khabar" search --jsonl -n 1 -O 1 "$db" type:statements)
[ -n "$two" ] && [ "$two" = "$second" ] && ok "--offset 1 gives the second hit" || no "--offset"
# Persian digits and «/» in dates and ranges read as ASCII
[ "$(search 'date:۱۴۰۲/۰۹/۰۱..۱۴۰۲/۰۹/۱۰' type:articles)" = "$(search 'date:1402-09-01..1402-09-10' type:articles)" ] &&
	ok "Persian digits in a date range" || no "Persian digits in a date range"
[ "$(search --percent '۳۰..۴۰')" = "$(search 'percent:30..40')" ] && ok "Persian digits in --percent" ||
	no "Persian digits in --percent"
# re-indexing replaces: no duplicates
before=$(count type:statements)
"$khabar" index -q "$db" "$fixtures/seed-article.html" "$fixtures/seed-article.cp1256.html"
"$khabar" extract --jsonl "$fixtures/seed-article.html" | "$khabar" index -q "$db" -
[ "$(count type:statements)" -eq "$before" ] && ok "re-indexing the same article: no duplicates" ||
	no "duplicates after re-indexing ($before → $(count type:statements))"
"$khabar" stats "$db" | grep -q '"articles": 2' && ok "stats" || no "stats"
# bad queries: a clear message and exit 2
for q in 'speaker:«زارع' 'percent:50..20' 'percent:abc' 'colour:red' 'date:1402-01-01' 'speaker:«»' \
	'percent:nan..5'; do
	"$khabar" search "$db" "$q" > /dev/null 2> "$tmp/err"
	[ $? -eq 2 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && ok "bad query «$q»: $(cat "$tmp/err")" ||
		no "bad query «$q»"
done
"$khabar" search "$tmp/nothing-here" foo > /dev/null 2>&1
[ $? -eq 1 ] && ok "a missing database is an error" || no "missing database"
printf 'not json\n' | "$khabar" index -q "$db" - 2> /dev/null
[ $? -eq 1 ] && ok "a bad record is reported, exit 1" || no "bad record"
echo "index: $fails failed"
[ "$fails" -eq 0 ]
