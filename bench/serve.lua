-- serve.lua — wrk script for bench/serve.sh: each request the next path of the file named
-- by KH_PATHS (one a line; each thread starts at its own place), and at the end the
-- requests/s, the latency percentiles and every kind of error, one line each.
local paths, i = {}, 0

function init(args)
	for line in io.lines(os.getenv("KH_PATHS")) do
		paths[#paths + 1] = line
	end
	i = math.random(#paths)
end

function request()
	i = i % #paths + 1
	return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("requests %d in %.1f s: %.0f requests/s\n", summary.requests,
		summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
	io.write(string.format("latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n",
		latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
		latency:percentile(99) / 1e3, latency.max / 1e3))
	io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, status (not 2xx) %d\n",
		e.connect, e.read, e.write, e.timeout, e.status))
end
