"""A hostile little web on 127.0.0.1 for the crawler's back-off and trap tests (issue #9).

Run `python tests/hostileserver.py`: it binds 127.0.0.1 on a free port, prints its URL
(`http://127.0.0.1:PORT`) and serves until its stdin closes. It answers direct requests
and proxy requests (absolute-form targets) alike, on the path only, so any host name can
be routed to it through `http_proxy`. `GET /_log` returns every request so far as JSON:
`[[seconds since start, host, path?query], ...]`.

Routes:
- `/ra/<key>/<value>`: the first request per key answers 429 (503 when key starts with
  "503") with `Retry-After: <value>` (`date+N`: an HTTP-date N seconds ahead); later ones 200.
- `/page/<n>`: a small page without links.
- `/blocked/<n>`, `/s?...`: a verification wall ("当前环境异常，完成验证后即可继续访问。").
- `/calendar?year=Y&month=M`: a month with links to the previous and the next month.
- `/loop/...`: a page with the relative link `a/` (the path grows without end).
- `/sess/<n>`: links to `/page/<n>` carrying a jsessionid path parameter and a PHPSESSID.
- `/many/<n>`: links to `/many/<5n+1>` … `/many/<5n+5>` (an endless site).
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

START = time.monotonic()
LOG: list[list[object]] = []
SEEN: set[str] = set()
LOCK = threading.Lock()
WALL = "<html><head><meta charset='utf-8'><title>验证</title></head><body><p>当前环境异常，完成验证后即可继续访问。</p><a>去验证</a></body></html>"


def _page(title: str, links: list[str]) -> str:
    items = "".join(f"<li><a href='{href}'>{href}</a></li>" for href in links)
    return f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1><ul>{items}</ul></body></html>"


def route(path: str, query: str) -> tuple[int, list[tuple[str, str]], str]:
    """(status, extra headers, HTML body) for one request."""
    if path == "/robots.txt":
        return 200, [("Content-Type", "text/plain")], "User-agent: *\nAllow: /\n"
    match = re.fullmatch(r"/ra/([\w-]+)/([\w+-]+)", path)
    if match:
        key, value = match.groups()
        with LOCK:
            first = key not in SEEN
            SEEN.add(key)
        if first:
            if value.startswith("date+"):
                value = formatdate(time.time() + int(value[5:]), usegmt=True)
            return (503 if key.startswith("503") else 429), [("Retry-After", value)], _page("slow down", [])
        return 200, [], _page(f"retried {key}", [])
    if path.startswith("/blocked/") or path == "/s":
        return 200, [], WALL
    if path == "/calendar":
        params = parse_qs(query)
        year, month = int(params.get("year", ["2024"])[0]), int(params.get("month", ["1"])[0])
        prev_y, prev_m = (year - 1, 12) if month == 1 else (year, month - 1)
        next_y, next_m = (year + 1, 1) if month == 12 else (year, month + 1)
        return 200, [], _page(f"{year}-{month}", [f"/calendar?year={prev_y}&month={prev_m}",
                                                  f"/calendar?year={next_y}&month={next_m}"])
    if path.startswith("/loop/"):
        return 200, [], _page("loop", ["a/"])
    match = re.fullmatch(r"/(sess|many)/(\d+)", path)
    if match and match.group(1) == "sess":
        n = match.group(2)
        return 200, [], _page("session", [f"/page/{n};jsessionid=0123456789ABCDEF0123456789ABCDEF",
                                          f"/page/{n}?PHPSESSID=abcdef0123456789abcdef0123456789"])
    if match:
        n = int(match.group(2))
        return 200, [], _page(f"many {n}", [f"/many/{5 * n + k}" for k in range(1, 6)])
    return 200, [], _page(f"page {path}", [])


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        host = parts.hostname or (self.headers.get("Host") or "").split(":")[0]
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.path == "/_log":
            status, headers, body = 200, [("Content-Type", "application/json")], json.dumps(LOG)
        else:
            with LOCK:
                LOG.append([round(time.monotonic() - START, 3), host, target])
            status, headers, body = route(parts.path, parts.query)
        data = body.encode("utf-8")
        self.send_response(status)
        if not any(k == "Content-Type" for k, _ in headers):
            self.send_header("Content-Type", "text/html; charset=utf-8")
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    sys.stdin.read()  # until the test closes our stdin
    server.shutdown()


if __name__ == "__main__":
    main()
