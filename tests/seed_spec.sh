#!/bin/sh
# Runs ../shared/spec/check-seed.py on the records of both seed pages (UTF-8 and
# windows-1256) and fails on any failed check: title, text, published, source,
# percentages and their subjects, dates, organizations, people, roles, statements.
# Skips (77) when the shared spec is not beside the repository.
set -u
extract=$1 fixtures=$2 shared=$3 python=$4
checker=$shared/spec/check-seed.py
[ -f "$checker" ] || { echo "SKIP: $checker not found"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for page in seed-article.html seed-article.cp1256.html; do
	"$extract" "$fixtures/$page" > "$tmp/rec.json" || { echo "FAIL: extract $page"; status=1; continue; }
	"$python" "$checker" "$tmp/rec.json" > "$tmp/out.txt"
	echo "$page: $(tail -1 "$tmp/out.txt")"
	if grep '^FAIL' "$tmp/out.txt"; then
		status=1
	fi
	passed=$(tail -1 "$tmp/out.txt" | sed -n 's/^seed: \([0-9]*\)\/\([0-9]*\).*/\1 \2/p')
	set -- $passed
	if [ "${1:-0}" -lt 64 ] || [ "${1:-0}" != "${2:-x}" ]; then
		echo "FAIL: ${1:-0} of ${2:-?} checks passed on $page (expected all, at least 64)"
		status=1
	fi
	set -- "$extract" "$fixtures" "$shared" "$python"
done
exit $status
