#!/bin/sh
# Command-line behaviour of `khabar` and `extract`: help, version, exit codes,
# batches that go on past a bad file, stdin, --text, --jsonl, --output-dir, and
# bad input (empty, binary, truncated UTF-8, huge, deeply nested).
set -u
khabar=$1 extract=$2 fixtures=$3 python=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "not ok - $1"; }
# expect NAME WANTED_STATUS COMMAND...: runs COMMAND, stdout to $tmp/out, stderr to $tmp/err
expect() {
	name=$1 want=$2
	shift 2
	"$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else no "$name (exit $got, wanted $want)"; cat "$tmp/err"; fi
}
# json_field FILE EXPR: evaluates a Python expression on record r
json() { "$python" -c "import json,sys; r=json.load(open(sys.argv[1])); print($2)" "$1"; }

expect "khabar --help" 0 "$khabar" --help
grep -q "extract" "$tmp/out" && ok "help lists extract" || no "help lists extract"
expect "khabar --version" 0 "$khabar" --version
grep -q "^khabar [0-9]" "$tmp/out" && ok "version printed" || no "version printed"
expect "khabar extract --help" 0 "$khabar" extract --help
grep -q -- "--jsonl" "$tmp/out" && ok "extract help lists --jsonl" || no "extract help lists --jsonl"
expect "no command is usage" 2 "$khabar"
expect "unknown command is usage" 2 "$khabar" frobnicate
expect "unknown option is usage" 2 "$extract" --frobnicate x.html
expect "no input is usage" 2 "$extract"
expect "--url with two inputs is usage" 2 "$extract" --url http://x/ a.html b.html

expect "extract the seed" 0 "$extract" "$fixtures/seed-article.html"
[ "$(json "$tmp/out" 'r["schema"]')" = "khabar.article/1" ] && ok "schema field" || no "schema field"
for k in url title published source text entities percentages dates people statements; do
	json "$tmp/out" "'$k' in r" | grep -q True || no "field $k present"
done
ok "all record fields present"
[ ! -s "$tmp/err" ] && ok "nothing on stderr on success" || no "nothing on stderr on success"

expect "khabar extract equals extract" 0 "$khabar" extract "$fixtures/seed-article.html"
cp "$tmp/out" "$tmp/a.json"
"$extract" "$fixtures/seed-article.html" > "$tmp/b.json"
cmp -s "$tmp/a.json" "$tmp/b.json" && ok "same record from both" || no "same record from both"

expect "--url is recorded" 0 "$extract" --url https://example.ir/n/1 "$fixtures/seed-article.html"
[ "$(json "$tmp/out" 'r["url"]')" = "https://example.ir/n/1" ] && ok "url from --url" || no "url from --url"

"$extract" - < "$fixtures/seed-article.cp1256.html" > "$tmp/out" 2> "$tmp/err"
[ $? -eq 0 ] && json "$tmp/out" 'r["title"]' | grep -q "پنجره مل" && ok "stdin, windows-1256" || no "stdin, windows-1256"

expect "--jsonl batch" 0 "$extract" --jsonl "$fixtures/seed-article.html" "$fixtures/news-lead.html" "$fixtures/news-table-layout.html"
[ "$(wc -l < "$tmp/out")" -eq 3 ] && ok "three lines for three pages" || no "three lines for three pages"

printf '' > "$tmp/empty.html"
head -c 4096 /dev/urandom > "$tmp/junk.html" 2>/dev/null || dd if=/dev/urandom of="$tmp/junk.html" bs=4096 count=1 2>/dev/null
expect "batch goes on past bad files" 1 "$extract" --jsonl "$tmp/empty.html" "$fixtures/news-lead.html" "$tmp/missing.html" "$tmp/junk.html"
[ "$(wc -l < "$tmp/out")" -eq 1 ] && ok "the good page is still extracted" || no "the good page is still extracted"
[ "$(wc -l < "$tmp/err")" -eq 3 ] && ok "one error line per bad file" || no "one error line per bad file"
grep -q "empty" "$tmp/err" && grep -q "binary" "$tmp/err" && grep -q "No such file" "$tmp/err" &&
	ok "error lines say what is wrong" || no "error lines say what is wrong"

expect "empty input" 1 "$extract" "$tmp/empty.html"
[ ! -s "$tmp/out" ] && ok "nothing on stdout for a bad input" || no "nothing on stdout for a bad input"
expect "binary input" 1 "$extract" "$tmp/junk.html"
expect "a directory" 1 "$extract" "$fixtures"

# Truncated UTF-8: the page cut in the middle of a Persian letter.
head -c 6001 "$fixtures/seed-article.html" > "$tmp/cut.html"
expect "truncated UTF-8 page" 0 "$extract" "$tmp/cut.html"
expect "no article: empty but valid record" 0 "$extract" "$fixtures/no-article.html"
[ "$(json "$tmp/out" 'len(r["text"])')" = "0" ] && ok "no article gives empty text" || no "no article gives empty text"

# --text and .txt: text verbatim, offsets into the input.
expect "--text keeps the input verbatim" 0 "$extract" --text "$fixtures/plain.txt"
"$python" -c "import json,sys; r=json.load(open(sys.argv[1])); sys.exit(r['text'] != open(sys.argv[2], encoding='utf-8').read())" "$tmp/out" "$fixtures/plain.txt" &&
	ok "text equals the file" || no "text equals the file"
printf '\357\273\277%s' "سلام دنیا" > "$tmp/bom.txt"
expect ".txt with BOM" 0 "$extract" "$tmp/bom.txt"
[ "$(json "$tmp/out" 'r["text"]')" = "سلام دنیا" ] && ok "BOM dropped" || no "BOM dropped"

mkdir -p "$tmp/out.d"
expect "--output-dir" 0 "$extract" -O "$tmp/out.d" "$fixtures/seed-article.html" "$fixtures/news-lead.html"
[ -f "$tmp/out.d/seed-article.json" ] && [ -f "$tmp/out.d/news-lead.json" ] &&
	[ -z "$(ls "$tmp/out.d" | grep tmp)" ] && ok "one file per page, no temporaries" || no "one file per page, no temporaries"

# Limits: 100,000 nested tags; a 50 MB page; --max-size.
"$python" -c "import sys; sys.stdout.write('<html><body>' + '<div><b>' * 50000 + 'متن' + '</b></div>' * 50000 + '</body></html>')" > "$tmp/deep.html"
expect "100,000 nested tags" 0 "$extract" "$tmp/deep.html"
"$python" - "$tmp/big.html" <<'PY'
import sys
p = '<p>این یک جمله آزمایشی برای صفحه بزرگ است که بارها تکرار می‌شود، و نباید برنامه را از کار بیندازد.</p>\n'
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    f.write('<html><head><meta charset="utf-8"><title>صفحه بزرگ</title></head><body><div>')
    n = 0
    while n < 50 * 1024 * 1024:
        f.write(p); n += len(p.encode())
    f.write('</div></body></html>')
PY
expect "a 50 MB page" 0 "$extract" --jsonl "$tmp/big.html"
expect "--max-size refuses" 1 "$extract" --max-size 1000 "$fixtures/seed-article.html"
grep -q "limit" "$tmp/err" && ok "size error says so" || no "size error says so"
expect "fetching a URL is refused clearly" 1 "$extract" https://example.ir/a
[ "$(wc -l < "$tmp/err")" -eq 1 ] && ok "one line" || no "one line"

# khabar normalize: a line filter
out=$(printf 'دستگاه های\nمي گويد ۱۲۳\n' | "$khabar" normalize)
[ "$out" = "$(printf 'دستگاه‌های\nمی‌گوید ۱۲۳')" ] && ok "normalize canonical" || no "normalize canonical ($out)"
out=$(printf 'دستگاه‌هاي ۱۲۳\n' | "$khabar" normalize --level search)
[ "$out" = "دستگاههای 123" ] && ok "normalize search" || no "normalize search ($out)"
out=$(printf '2023\n' | "$khabar" normalize --digits persian)
[ "$out" = "۲۰۲۳" ] && ok "normalize --digits persian" || no "normalize --digits persian ($out)"
out=$(printf 'کارشناسان دستگاه‌های، می گویند ۱۲\n' | "$khabar" normalize --stem)
[ "$out" = "کارشناس دستگاه گویند 12" ] && ok "normalize --stem" || no "normalize --stem ($out)"
out=$(printf 'کارشناسان دستگاه‌های، ۱۲\n' | "$khabar" normalize --words)
[ "$out" = "کارشناسان دستگاههای 12" ] && ok "normalize --words" || no "normalize --words ($out)"
out=$(printf 'می‌گوید: ۱۲٫۵\n' | "$khabar" normalize --tokens | tr '\t' ' ')
[ "$out" = "$(printf '0 15 word می‌گوید\n15 16 punct :\n17 25 number ۱۲٫۵')" ] && ok "normalize --tokens" ||
	no "normalize --tokens ($out)"
expect "normalize bad level is usage" 2 "$khabar" normalize --level loud
expect "normalize --help" 0 "$khabar" normalize --help

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
