#!/bin/sh
# The man pages as the build writes them (man/*.in, version filled in): each renders with
# groff without a single warning, khabar(1) has a section for every command `khabar --help`
# lists and names every option of each command's --help in it, extract(1) every option of
# `extract --help`, and libkhabar(3) every function libkhabar.so exports.
#   sh man.sh KHABAR EXTRACT MAN_DIR EXTRACT_NAME VERSION_SCRIPT
set -u
khabar=$1 extract=$2 man=$3 xname=$4 map=$5
if ! command -v groff > /dev/null 2>&1; then
	echo "man: groff not installed, skipped"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "not ok - $1"; }

for page in "$man/khabar.1" "$man/$xname.1" "$man/libkhabar.3"; do
	# -k: preconv reads the UTF-8 (Persian examples); -ww: every warning
	LC_ALL=C.UTF-8 groff -k -man -ww -Tutf8 "$page" > "$tmp/out" 2> "$tmp/err"
	if [ -s "$tmp/err" ] || [ ! -s "$tmp/out" ]; then
		no "${page##*/} renders without warnings"
		cat "$tmp/err"
	else
		ok "${page##*/} renders without warnings ($(grep -c . "$tmp/out") lines)"
	fi
	grep -q '@[A-Z_]*@' "$page" && no "${page##*/}: a placeholder was not filled in"
done

# the source with roff's \- as plain -, one section (.SS khabar CMD ... up to the next) each
section() { sed 's/\\-/-/g' "$man/khabar.1" | awk -v cmd="$1" '
	/^\.S[SH] / { on = ($0 ~ "^\\.SS khabar " cmd "( |$)") }
	on' ; }
# options of a --help text: every --long name it shows
options() { grep -oE -- '--[a-z][a-z0-9-]*' | sort -u; }

"$khabar" --help | awk '/^Commands:/ { on = 1; next } on && !NF { exit } on && /^  [a-z]/ { print $1 }' \
	> "$tmp/commands"
[ -s "$tmp/commands" ] && ok "khabar --help lists $(wc -l < "$tmp/commands") commands" ||
	no "khabar --help lists commands"
while read -r cmd; do
	section "$cmd" > "$tmp/section"
	if [ ! -s "$tmp/section" ]; then
		no "khabar.1 has no section '.SS khabar $cmd': document the new command in man/khabar.1.in"
		continue
	fi
	"$khabar" "$cmd" --help 2>&1 | options > "$tmp/opts"
	missing=""
	while read -r o; do
		grep -qE -e "$o([^a-z0-9-]|\$)" "$tmp/section" || missing="$missing $o"
	done < "$tmp/opts"
	[ -z "$missing" ] && ok "khabar.1 documents khabar $cmd and its $(wc -l < "$tmp/opts") options" ||
		no "khabar.1's section on khabar $cmd lacks$missing (man/khabar.1.in)"
done < "$tmp/commands"

"$extract" --help | options > "$tmp/opts"
missing=""
while read -r o; do
	sed 's/\\-/-/g' "$man/$xname.1" | grep -qE -e "$o([^a-z0-9-]|\$)" || missing="$missing $o"
done < "$tmp/opts"
[ -z "$missing" ] && ok "$xname.1 documents its $(wc -l < "$tmp/opts") options" ||
	no "$xname.1 lacks$missing (man/extract.1.in)"

sed -n 's/^ *\(kh_[A-Za-z0-9_]*\);$/\1/p' "$map" > "$tmp/exports"
missing=""
while read -r f; do
	grep -qw "$f" "$man/libkhabar.3" || missing="$missing $f"
done < "$tmp/exports"
[ -z "$missing" ] && ok "libkhabar.3 names the $(wc -l < "$tmp/exports") exported functions" ||
	no "libkhabar.3 does not name$missing (man/libkhabar.3.in)"

echo "man: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
