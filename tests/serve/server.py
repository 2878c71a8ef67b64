#!/usr/bin/env python3
"""Starts `khabar serve` on a free loopback port (port 0: the server picks one and prints
its address), for the tests, the screenshots and the demo; stops it with a signal."""
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request


class Server:
    def __init__(self, khabar, dbs, log_path, *extra):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen([khabar, "serve", "--listen", "127.0.0.1:0", *extra, dbs],
                                     stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log)
        self.port = None
        end = time.time() + 20
        while time.time() < end and self.port is None:
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", self.read_log())
            if m:
                self.port = int(m.group(1))
            elif self.proc.poll() is not None:
                raise RuntimeError("khabar serve exited: " + self.read_log())
            else:
                time.sleep(0.05)
        if self.port is None:
            self.proc.kill()
            raise RuntimeError("khabar serve did not start: " + self.read_log())
        self.base = "http://127.0.0.1:%d" % self.port

    def read_log(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def get(self, path, method="GET", headers=None, data=None):
        """(status, headers, body bytes) of one request."""
        req = urllib.request.Request(self.base + path, method=method, headers=headers or {},
                                     data=data)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def stop(self, sig=signal.SIGTERM, timeout=10):
        """Sends `sig`; the exit status, or None when it did not stop in time (killed)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                self.log.close()
                return None
        self.log.close()
        return self.proc.returncode
