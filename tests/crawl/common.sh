# Shared by the crawl tests: start the fixture site on loopback, stop it on exit.
# start_site DIR ARGS... sets $port and $base; the request log is DIR/requests.log.
start_site() {
	dir=$1
	shift
	"$python" "$here/site.py" --port-file "$dir/port" --log "$dir/requests.log" "$@" \
		> "$dir/site.out" 2>&1 &
	site_pid=$!
	i=0
	while [ ! -s "$dir/port" ]; do
		i=$((i + 1))
		if [ $i -gt 150 ] || ! kill -0 "$site_pid" 2> /dev/null; then
			echo "not ok - the fixture site did not start"
			cat "$dir/site.out"
			exit 1
		fi
		sleep 0.1
	done
	port=$(cat "$dir/port")
	base="http://127.0.0.1:$port"
}
stop_site() { [ -n "${site_pid:-}" ] && kill "$site_pid" 2> /dev/null; wait 2> /dev/null; }
