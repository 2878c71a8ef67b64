#!/usr/bin/env python3
"""A small driver of headless Chromium over its DevTools protocol, on the pipe Chromium
opens with --remote-debugging-pipe (messages of JSON ended by a NUL byte: it reads fd 3 and
writes fd 4), so no WebSocket library and no browser download are needed: Debian's
`chromium`. It records what a test wants to know happened: console messages, exceptions,
dialogs (alert), and every request the page made."""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--mute-audio",
         "--remote-debugging-pipe"]


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, binary, width=1200, height=900, log=None):
        self.profile = tempfile.mkdtemp(prefix="kh-chromium-")
        to_chrome_r, self._w = os.pipe()
        self._r, from_chrome_w = os.pipe()

        def fds():  # in the child: the two pipe ends where Chromium looks for them
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.proc = subprocess.Popen(
            [binary] + FLAGS + ["--user-data-dir=" + self.profile,
                                "--window-size=%d,%d" % (width, height), "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=log or subprocess.DEVNULL, preexec_fn=fds, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.width, self.height = width, height
        self._buf = b""
        self._id = 0
        self.session = None
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network"):
            self.call(domain + ".enable")

    # ---- the protocol ----
    def _read(self, timeout):
        end = time.time() + timeout
        while b"\0" not in self._buf:
            if time.time() > end:
                raise TimeoutError("chromium did not answer")
            import select
            ready, _, _ = select.select([self._r], [], [], max(0.01, end - time.time()))
            if ready:
                chunk = os.read(self._r, 1 << 16)
                if not chunk:
                    raise EOFError("chromium closed its pipe")
                self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, timeout=30):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if self.session and not method.startswith(("Target.", "Browser.")):
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read(timeout)
            if m.get("id") == self._id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self._event(m)

    def _event(self, m):
        method = m.get("method")
        if not method:
            return
        self.events.append(m)
        if method == "Page.javascriptDialogOpening":  # an alert(): record it, close it
            self.call("Page.handleJavaScriptDialog", {"accept": True})

    def pump(self, seconds):
        """Reads events for a while (requests the page makes after it drew)."""
        end = time.time() + seconds
        while time.time() < end:
            try:
                self._event(self._read(max(0.01, end - time.time())))
            except TimeoutError:
                break

    # ---- what a test does ----
    def eval(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError("page script failed: %s" % r["exceptionDetails"].get("text"))
        return r["result"].get("value")

    def wait(self, expression, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            try:
                if self.eval(expression):
                    return True
            except RuntimeError:
                pass
            time.sleep(0.05)
        return False

    def open(self, url, timeout=15):
        """Loads `url` and waits until the page says its view is drawn."""
        self.call("Page.navigate", {"url": url})
        time.sleep(0.05)
        return self.wait("document.readyState === 'complete' && document.body && "
                         "document.body.dataset.ready === '1'", timeout)

    def type_and_enter(self, selector, text):
        self.eval("(() => { const e = document.querySelector(%s); e.focus(); e.value = ''; })()"
                  % json.dumps(selector))
        self.call("Input.insertText", {"text": text})
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13, "text": "\r"})

    def screenshot(self, path):
        """The whole page, not only the window, as a PNG."""
        h = int(self.eval("Math.ceil(document.documentElement.scrollHeight)") or self.height)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": max(h, 200), "deviceScaleFactor": 1,
                   "mobile": False})
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        self.call("Emulation.clearDeviceMetricsOverride")
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def requests(self):
        return [e["params"]["request"]["url"] for e in self.events
                if e["method"] == "Network.requestWillBeSent"]

    def problems(self):
        """Exceptions thrown by page scripts, and dialogs opened."""
        out = []
        for e in self.events:
            if e["method"] == "Runtime.exceptionThrown":
                d = e["params"]["exceptionDetails"]
                out.append("exception: %s %s" % (d.get("text"),
                                                 d.get("exception", {}).get("description", "")))
            elif e["method"] == "Page.javascriptDialogOpening":
                out.append("dialog: %s" % e["params"].get("message"))
        return out

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._w)
        os.close(self._r)
        shutil.rmtree(self.profile, ignore_errors=True)
