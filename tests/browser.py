"""Headless Chromium driven over the Chrome DevTools protocol: load a file:// page, watch its console and network.

Debian's ``chromium`` (installed by .ci/install-test-deps when missing) runs with
``--remote-debugging-port=0``; its DevToolsActivePort file names the port; the
``websocket-client`` package speaks the protocol. Sandboxed frames are kept in the page's
process (``IsolateSandboxedIframes`` off), so the page's Network and DOM domains see
the review pages' sandboxed snapshot frames too. Every request the page makes
(``Network.requestWillBeSent``, frames included), every console message and uncaught
exception (``Runtime``, ``Log``) is recorded.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import websocket
from localprocs import stop

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
STARTUP_TIMEOUT = 30.0
LOAD_TIMEOUT = 30.0


def find_chromium() -> str | None:
    """The Chromium executable on PATH, or None."""
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


class Browser:
    """One headless Chromium and one page (tab) in it."""

    def __init__(self, executable: str, *, width: int = 1400, height: int = 1000) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="zhengwen-chromium-")
        self.proc = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--disable-features=IsolateSandboxedIframes", "--disable-site-isolation-trials",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--metrics-recording-only", "--disable-default-apps", "--hide-scrollbars",
             f"--window-size={width},{height}", "--remote-debugging-port=0", "--remote-allow-origins=*",
             f"--user-data-dir={self.profile.name}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        port = self._port()
        targets = json.loads(_http_get(port, "/json/list"))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=LOAD_TIMEOUT, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        for domain in ("Page", "Runtime", "Log", "Network", "DOM"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def _port(self) -> int:
        marker = Path(self.profile.name) / "DevToolsActivePort"
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if marker.is_file() and marker.read_text().strip():
                return int(marker.read_text().split()[0])
            if self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited with {self.proc.returncode} before it listened")
            time.sleep(0.05)
        raise TimeoutError("chromium did not write DevToolsActivePort in time")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Call a protocol method and return its result (events met meanwhile are recorded)."""
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def load(self, url: str) -> None:
        """Navigate and wait for the load event (and a moment for late console messages)."""
        self.events.clear()
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + LOAD_TIMEOUT
        while not any(e["method"] == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load in time")
            self.events.append(json.loads(self.ws.recv()))
        self.evaluate("new Promise(r => setTimeout(r, 200))", await_promise=True)

    def evaluate(self, expression: str, *, await_promise: bool = False) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=await_promise)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def requested_urls(self) -> list[str]:
        """Every URL the page (and its frames) asked for since the last load."""
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "Network.requestWillBeSent"]

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions, and browser log entries at error level, since the last load."""
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"])[:500])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(json.dumps(params.get("args"))[:500])
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", "")[:500])
        return found

    def box_of(self, selector: str, *, pierce: bool = True) -> tuple[float, float, float, float]:
        """(x, y, width, height) in page pixels of the first element matching ``selector``, frames included.

        The element is scrolled into view first.
        """
        root = self.send("DOM.getDocument", depth=-1, pierce=pierce)["root"]
        node = _find(root, selector)
        if node is None:
            raise LookupError(f"no element {selector!r} in the page or its frames")
        self.send("DOM.scrollIntoViewIfNeeded", backendNodeId=node["backendNodeId"])
        quad = self.send("DOM.getBoxModel", backendNodeId=node["backendNodeId"])["model"]["border"]
        xs, ys = quad[0::2], quad[1::2]
        return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)

    def screenshot(self, path: Path) -> Path:
        """A PNG of the viewport."""
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        """Close the connection and stop Chromium."""
        try:
            self.ws.close()
        finally:
            stop(self.proc)
            _end_group(self.proc.pid)
            _remove_profile(Path(self.profile.name))
            self.profile.cleanup()


PROFILE_REMOVE_TRIES = 20  # a child that outlived the browser may still be writing the profile; 0.25 s apart


def _end_group(pgid: int) -> None:
    """Kill what is left of Chromium's process group (renderers, the zygote, crashpad)."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _remove_profile(profile: Path) -> None:
    """Remove the profile directory, again while a dying child still writes into it."""
    for _ in range(PROFILE_REMOVE_TRIES):
        try:
            shutil.rmtree(profile)
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.25)
    shutil.rmtree(profile)


def _find(node: dict[str, Any], selector: str) -> dict[str, Any] | None:
    """Depth-first: the first node with attribute ``selector`` (``[name=value]`` or ``[name]``), frames included."""
    name, _, value = selector.strip("[]").partition("=")
    value = value.strip('"')
    attributes = node.get("attributes", [])
    pairs = dict(zip(attributes[0::2], attributes[1::2]))
    if name in pairs and (not value or pairs[name] == value):
        return node
    for child in [*node.get("children", []), *([node["contentDocument"]] if "contentDocument" in node else [])]:
        found = _find(child, selector)
        if found is not None:
            return found
    return None


def _http_get(port: int, path: str) -> str:
    from urllib.request import ProxyHandler, build_opener

    opener = build_opener(ProxyHandler({}))  # never through a proxy: this is the local debugging port
    with opener.open(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return response.read().decode("utf-8")
