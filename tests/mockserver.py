"""Fixture web proxy: serves tests/fixtureweb.py's model on 127.0.0.1 to clients using it as a proxy.

Run `python tests/mockserver.py`: it binds 127.0.0.1 on a free port, prints its proxy URL
(`http://127.0.0.1:PORT`) on one line and serves until its stdin closes or it is killed.
`--routes-json` prints the route table as JSON instead and exits.

Plain HTTP arrives in absolute form (`GET http://host/path HTTP/1.1`). HTTPS arrives as
`CONNECT host:443`; the tunnel is answered with TLS under a self-signed certificate made at
startup, and the requests inside it are served as https://host/... . Requests sent straight
to the server (`GET /path` + `Host:`) are served as http://Host/path.

The capture host's routes (tests/capturesite.py) are sent as their `Route.mode` says:
gzip only to clients accepting it, real chunk framing, a truncated body and a closed
connection, or the request echoed back as JSON.

Concurrency record: the server counts the requests each host is serving at once and keeps
the peak. `GET http://fixture-web.control/concurrency` answers the peaks as JSON
(`{"host": n}`) and starts a new record; `GET http://fixture-web.control/slow?seconds=S`
makes every answer wait S seconds before it is sent (0: off), so overlaps show.
`GET http://fixture-web.control/starts` answers when each request to each host arrived
(`{"host": [unix time, …]}`) and starts a new record, so gaps between requests show.

`--overrides DIR` lets a test change a page while the server runs: before every request
the server looks for `DIR/<fixtureweb.override_name(url)>` and, if present, answers 200
with that file's bytes as the body (the route's Content-Type, or text/html for unknown URLs).

Pages (and overrides) carry an `ETag` made from their body, and a request whose
`If-None-Match` names it is answered `304 Not Modified` without a body, as real servers
do; incremental crawls depend on it.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import ipaddress
import json
import socket
import ssl
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

sys.path.insert(0, str(Path(__file__).resolve().parent))
from capturesite import CHUNK_SIZE, accepts_gzip, echo_body  # noqa: E402
from fixtureweb import HTML_UTF8, FixtureWeb, Route, fixtures_dir, override_name  # noqa: E402

CONTROL_HOST = "fixture-web.control"

# Errors that only mean the client went away or spoke bad TLS; not worth a traceback.
_CLIENT_GONE = (ConnectionError, TimeoutError, ssl.SSLError, socket.timeout)


def make_tls_context(hosts: list[str]) -> ssl.SSLContext:
    """Return a server TLS context with a fresh self-signed certificate naming `hosts`."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "zhengwen fixture web")])
    now = datetime.datetime.now(datetime.timezone.utc)
    alt_names: list[x509.GeneralName] = [x509.DNSName(h.split(":")[0]) for h in hosts]
    alt_names += [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .sign(key, hashes.SHA256())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.set_alpn_protocols(["http/1.1"])
    with tempfile.TemporaryDirectory(prefix="zhengwen-fixtureweb-") as tmp:
        cert_file, key_file = Path(tmp, "cert.pem"), Path(tmp, "key.pem")
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        context.load_cert_chain(cert_file, key_file)
    return context


class FixtureProxyServer(ThreadingHTTPServer):
    """Threaded server holding the model and the TLS context its tunnels use."""

    daemon_threads = True

    def __init__(self, web: FixtureWeb, tls: ssl.SSLContext, verbose: bool = False,
                 overrides: Path | None = None) -> None:
        self.web, self.tls, self.verbose, self.overrides = web, tls, verbose, overrides
        self.lock = threading.Lock()
        self.active: Counter[str] = Counter()  # host -> requests being served now
        self.peak: Counter[str] = Counter()  # host -> most served at once since the last read
        self.starts: dict[str, list[float]] = {}  # host -> arrival times since the last read
        self.slow = 0.0
        super().__init__(("127.0.0.1", 0), FixtureProxyHandler)

    def respond(self, url: str) -> Route:
        """The model's route for `url`, unless the overrides folder replaces its body."""
        route = self.web.respond(url)
        if self.overrides is None:
            return route
        try:
            body = (self.overrides / override_name(url)).read_bytes()
        except FileNotFoundError:
            return route
        content_type = route.header("Content-Type") if route.status == 200 else HTML_UTF8
        headers = (("Content-Type", content_type or HTML_UTF8), ("Content-Length", str(len(body))))
        return Route(route.url, 200, headers, body, "override")

    def serving(self, host: str, delta: int) -> None:
        with self.lock:
            if delta > 0:
                self.starts.setdefault(host, []).append(time.time())
            self.active[host] += delta
            self.peak[host] = max(self.peak[host], self.active[host])

    def control(self, url: str) -> bytes:
        """Answer a control URL (see the module docstring)."""
        parts = urlsplit(url)
        if parts.path == "/slow":
            self.slow = float(parse_qs(parts.query).get("seconds", ["0"])[0])
            return b"{}"
        if parts.path == "/starts":
            with self.lock:
                starts, self.starts = self.starts, {}
            return json.dumps(starts).encode()
        with self.lock:
            peaks, self.peak = dict(self.peak), Counter(self.active)
        return json.dumps(peaks).encode()

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], _CLIENT_GONE):
            super().handle_error(request, client_address)


class FixtureProxyHandler(BaseHTTPRequestHandler):
    """One client connection: proxy requests, CONNECT tunnels, or direct requests."""

    server: FixtureProxyServer
    protocol_version = "HTTP/1.1"
    timeout = 60  # idle keep-alive connections are dropped after this many seconds
    tunnel_host: str | None = None  # host[:port] of the CONNECT tunnel this connection became

    def do_CONNECT(self) -> None:
        host, _, port = self.path.rpartition(":")
        if not host or not port.isdigit():
            self.send_error(400, "CONNECT needs host:port")
            return
        self.send_response_only(200, "Connection Established")
        self.end_headers()
        try:
            tls = self.server.tls.wrap_socket(self.connection, server_side=True)
        except (*_CLIENT_GONE, OSError):
            self.close_connection = True
            return
        self.rfile.close()
        self.wfile.close()
        self.connection = tls
        self.rfile = tls.makefile("rb", self.rbufsize)
        self.wfile = tls.makefile("wb", self.wbufsize)
        self.tunnel_host = host.lower() if port == "443" else f"{host.lower()}:{port}"
        self.close_connection = False

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _request_url(self) -> str:
        if self.path.startswith(("http://", "https://")):
            return self.path
        if self.tunnel_host is not None:
            return f"https://{self.tunnel_host}{self.path}"
        return f"http://{self.headers.get('Host', '')}{self.path}"

    def _serve(self, send_body: bool) -> None:
        url = self._request_url()
        if urlsplit(url).hostname == CONTROL_HOST:
            body = self.server.control(url)
            self.send_response_only(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        host = urlsplit(url).hostname or ""
        self.server.serving(host, 1)
        try:
            if self.server.slow:
                time.sleep(self.server.slow)
            self._answer(url, send_body)
        finally:
            self.server.serving(host, -1)

    def _answer(self, url: str, send_body: bool) -> None:
        try:
            route = self.server.respond(url)
        except ValueError:  # a malformed port, host or percent-encoding
            self.send_error(400, "bad request target")
            return
        headers, body = list(route.headers), route.body
        if route.kind in ("page", "override") and route.status == 200:
            etag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
            if self.headers.get("If-None-Match") == etag:
                self.log_request(304, 0)
                self.send_response_only(304)
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.flush()
                return
            headers.append(("ETag", etag))
        if route.mode == "gzip" and not accepts_gzip(self.headers.get("Accept-Encoding")):
            body = route.identity_body or b""
            headers = [(k, v) for k, v in headers if k.lower() not in ("content-encoding", "content-length")]
            headers.append(("Content-Length", str(len(body))))
        elif route.mode == "echo":
            body = echo_body(self.command, self.path, list(self.headers.items()))
            headers.append(("Content-Length", str(len(body))))
        elif route.mode == "truncated":
            self.close_connection = True
        self.log_request(route.status, len(body))
        self.send_response_only(route.status)
        for name, value in headers:
            self.send_header(name, value)
        if self.close_connection and route.mode != "truncated":
            self.send_header("Connection", "close")
        self.end_headers()
        if send_body and route.mode == "chunked":
            for start in range(0, len(body), CHUNK_SIZE):
                chunk = body[start:start + CHUNK_SIZE]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        elif send_body:
            self.wfile.write(body)
        self.wfile.flush()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            if self.tunnel_host is not None:
                self.connection.close()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib signature)
        if self.server.verbose:
            super().log_message(format, *args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, help="fixtures folder (default: $ZHENGWEN_FIXTURES or ../shared/fixtures)")
    parser.add_argument("--routes-json", action="store_true", help="print the route table as JSON and exit")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    parser.add_argument("--overrides", type=Path, help="folder of per-URL body overrides (see the module docstring)")
    args = parser.parse_args(argv)
    web = FixtureWeb.load(args.fixtures or fixtures_dir())
    if args.routes_json:
        json.dump(web.describe(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    with FixtureProxyServer(web, make_tls_context(web.hosts), args.verbose, args.overrides) as server:
        thread = threading.Thread(target=server.serve_forever, name="fixture-web", daemon=True)
        thread.start()
        host, port = server.server_address[:2]
        print(f"http://{host}:{port}", flush=True)
        try:
            while sys.stdin.buffer.read(65536):
                pass
        except KeyboardInterrupt:
            pass
        server.shutdown()
        thread.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
