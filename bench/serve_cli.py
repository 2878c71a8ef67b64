#!/usr/bin/env python3
"""The reference of bench/serve.sh: `khabar search --jsonl` run once per query (a process,
the database opened, one search) for the same statement searches the server answers, with
its latency percentiles and rate; and whether the server's results are the CLI's.
Usage: serve_cli.py KHABAR DB QUERIES BASE_URL [N]"""
import json
import subprocess
import sys
import time
import urllib.parse
import urllib.request

khabar, db, queries, base = sys.argv[1:5]
n = int(sys.argv[5]) if len(sys.argv) > 5 else 200
qs = [l.rstrip("\n") for l in open(queries, encoding="utf-8") if l.strip()][:n]
times, same = [], 0
for q in qs:
    t0 = time.perf_counter()
    r = subprocess.run([khabar, "search", "--jsonl", "-n", "10", "-t", "statements", db, q],
                       capture_output=True)
    times.append((time.perf_counter() - t0) * 1e3)
    url = base + "/api/search?" + urllib.parse.urlencode({"q": q, "type": "statements", "limit": 10})
    with urllib.request.urlopen(url, timeout=30) as resp:
        o = json.load(resp)
    if r.returncode == 0 and o["results"] == [json.loads(x) for x in r.stdout.decode().splitlines()]:
        same += 1
times.sort()
pct = lambda p: times[min(len(times) - 1, int(p / 100 * len(times)))]
print("khabar search once per query (%d queries, one after another): %.0f queries/s, "
      "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms" % (len(qs), len(qs) / (sum(times) / 1e3),
                                               pct(50), pct(95), pct(99)))
print("the server's results are the CLI's for %d of %d queries" % (same, len(qs)))
