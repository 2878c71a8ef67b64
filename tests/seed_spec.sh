#!/bin/sh
# Runs ../shared/spec/check-seed.py on the records of both seed pages and fails on
# any failed check in the groups this build implements (title, text, published,
# source, percentages, dates). Skips (77) when the shared spec is not beside the repository.
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
	# Checks owned by the facts issue (subjects, organizations, people, statements).
	grep '^FAIL' "$tmp/out.txt" |
		grep -v -e 'belongs to' -e 'average presence' \
			-e 'organization' -e 'resolves' -e 'person' -e 'role of' -e 'statement' > "$tmp/fails.txt"
	echo "$page: $(tail -1 "$tmp/out.txt")"
	if [ -s "$tmp/fails.txt" ]; then
		cat "$tmp/fails.txt"
		status=1
	fi
	# title/text/published/source (20), the percentages found (3), the dates (4)
	passed=$(tail -1 "$tmp/out.txt" | sed -n 's/^seed: \([0-9]*\)\/.*/\1/p')
	if [ "${passed:-0}" -lt 27 ]; then
		echo "FAIL: only ${passed:-0} checks passed on $page (expected at least 27)"
		status=1
	fi
done
exit $status
