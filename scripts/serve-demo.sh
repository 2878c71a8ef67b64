#!/bin/sh
# The end of `make demo`: khabar serve on the sample database for a few seconds, one query
# to its JSON API, the address to open, then a clean stop.
#   sh scripts/serve-demo.sh KHABAR DB [SECONDS]
set -eu
khabar=$1 db=$2 secs=${3:-3}
log=$(mktemp)
"$khabar" serve --listen 127.0.0.1:0 "$db" 2> "$log" &
pid=$!
trap 'kill "$pid" 2> /dev/null || true; rm -f "$log"' EXIT
url="" i=0
while [ -z "$url" ] && [ "$i" -lt 100 ]; do
	url=$(sed -n 's|.*\(http://127\.0\.0\.1:[0-9]*/\).*|\1|p' "$log" | head -1)
	[ -n "$url" ] || sleep 0.1
	i=$((i + 1))
done
[ -n "$url" ] || { cat "$log" >&2; exit 1; }
echo "serving $db at $url for $secs s; one query:"
echo "GET ${url}api/search?speaker=زارع پور&limit=2"
python3 - "$url" << 'PY'
import json, sys, urllib.parse, urllib.request
q = urllib.parse.urlencode({"speaker": "زارع پور", "limit": 2})
with urllib.request.urlopen(sys.argv[1] + "api/search?" + q, timeout=10) as r:
    o = json.load(r)
print(json.dumps({"total": o["total"], "results": [{k: x.get(k) for k in ("speaker", "role", "content", "jalali")}
                                                   for x in o["results"]]}, ensure_ascii=False, indent=2))
PY
sleep "$secs"
kill -TERM "$pid"
wait "$pid" || { echo "khabar serve did not stop cleanly" >&2; exit 1; }
trap 'rm -f "$log"' EXIT
sed 's/^/  log: /' "$log"
echo "To run it for real: $khabar serve $db   (then open http://127.0.0.1:8080/; docs/serve.md)"
