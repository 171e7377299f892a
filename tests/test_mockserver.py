"""The fixture web proxy serves the real pages under their real URLs (stdlib clients only)."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import socket
import ssl
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from capturesite import CAPTURE_HOST, CHUNK_SIZE, TRUNCATED_DECLARED, TRUNCATED_SENT
from fixtureweb import (
    FixturesNotFoundError,
    FixtureWeb,
    canonical_wechat_url,
    fixtures_dir,
)

HUNAN_ARTICLE = "https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/202302/t20230224_29256497.html"
HUNAN_COLUMN = "https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/index.html"
SHANXI_ARTICLE = "http://www.shanxi.gov.cn/yw/sxyw/201909/t20190918_693227.shtml"
HENGYANG_BIG5 = "https://www.hynews.net/news/ttxw/202603/t20260310_1862754_big5.html"
MODEL = FixtureWeb.load(fixtures_dir())
CAPTURE = MODEL.capture


@dataclass(frozen=True)
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


def insecure_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def open_connection(proxy_url: str, url: str) -> tuple[http.client.HTTPConnection, str]:
    """Connect to the proxy for `url`; return the connection and the request target to send."""
    proxy, target = urlsplit(proxy_url), urlsplit(url)
    if target.scheme == "https":
        conn = http.client.HTTPSConnection(proxy.hostname, proxy.port, timeout=10, context=insecure_context())
        conn.set_tunnel(target.netloc)
        return conn, target.path + (f"?{target.query}" if target.query else "")
    conn = http.client.HTTPConnection(proxy.hostname, proxy.port, timeout=10)
    return conn, target._replace(fragment="").geturl()


def fetch(proxy_url: str, url: str, method: str = "GET", headers: dict[str, str] | None = None) -> Reply:
    conn, target = open_connection(proxy_url, url)
    try:
        conn.request(method, target, headers=headers or {})
        with conn.getresponse() as resp:
            return Reply(resp.status, resp.getheaders(), resp.read())
    finally:
        conn.close()


class LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if tag == "a" and k == "href" and v]


def links_of(body: bytes) -> list[str]:
    parser = LinkParser()
    parser.feed(body.decode("utf-8"))
    parser.close()
    return parser.links


def test_fixtures_dir_names_where_it_looked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHENGWEN_FIXTURES", str(tmp_path))
    with pytest.raises(FixturesNotFoundError, match="ZHENGWEN_FIXTURES") as info:
        fixtures_dir()
    assert str(tmp_path) in str(info.value)


def test_fixtures_dir_env_override(fixtures_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZHENGWEN_FIXTURES", str(fixtures_path))
    assert fixtures_dir() == fixtures_path


def test_http_page_is_served_through_the_proxy(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, SHANXI_ARTICLE)
    assert reply.status == 200
    assert reply.body == MODEL.page(SHANXI_ARTICLE).file.read_bytes()
    assert reply.header("Content-Type") == "text/html; charset=utf-8"


def test_https_page_is_served_through_a_connect_tunnel(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, HUNAN_ARTICLE)
    assert reply.status == 200
    assert reply.body == MODEL.page(HUNAN_ARTICLE).file.read_bytes()


@pytest.mark.parametrize("page", MODEL.pages, ids=lambda p: p.file.name if p.origin == "seedpages" else str(p.entry["file"]))
def test_every_page_is_served_byte_for_byte(fixture_web, page) -> None:
    for url in (page.url, *page.aliases):
        reply = fetch(fixture_web.proxy_url, url)
        assert (reply.status, reply.header("Content-Type")) == (200, page.content_type)
        assert reply.body == page.file.read_bytes()


def test_big5_variant_has_its_own_url_and_charset(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, HENGYANG_BIG5)
    assert reply.header("Content-Type") == "text/html; charset=big5"
    assert MODEL.page(HENGYANG_BIG5).entry["variant_of"] == "hengyang-spam-title.html"
    assert "衡陽" in reply.body.decode("big5")


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_robots_txt(fixture_web, scheme: str) -> None:
    reply = fetch(fixture_web.proxy_url, f"{scheme}://www.hunan.gov.cn/robots.txt")
    assert reply.status == 200
    assert reply.body == b"User-agent: *\nDisallow: /private/\n"


def test_column_listing_links_its_articles(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, HUNAN_COLUMN)
    assert reply.header("Content-Type") == "text/html; charset=utf-8"
    links = links_of(reply.body)
    assert HUNAN_ARTICLE in links
    assert MODEL.redirect_url in links and MODEL.missing_url in links
    assert b"<ul" in reply.body and b"<title>" in reply.body


def test_163_front_pages_and_root_listing(fixture_web) -> None:
    assert MODEL.page("https://news.163.com/").entry["file"] == "pages/lists/163-1.html"
    assert MODEL.page("https://news.163.com/index2.html").entry["file"] == "pages/lists/163-2.html"
    root = fetch(fixture_web.proxy_url, "https://news.163.com/zhengwen-index.html")
    assert "https://news.163.com/19/0907/09/EOFBHDHQ0001899N.html" in links_of(root.body)


def test_every_article_is_reachable_from_the_seed_listings(fixture_web) -> None:
    seeds = MODEL.seed_urls_by_site()
    assert sorted(seeds) == ["gov", "netease", "news", "wechat"]
    todo, seen = [u for urls in seeds.values() for u in urls], set()
    while todo:
        url = todo.pop()
        if url in seen or MODEL.route(url) is None or MODEL.route(url).kind != "listing":
            continue
        seen.add(url)
        todo += links_of(fetch(fixture_web.proxy_url, url).body)
    linked = {link for url in seen for link in links_of(MODEL.route(url).body)}
    assert {p.url for p in MODEL.articles} <= linked
    assert HUNAN_COLUMN in seen


def test_redirect_is_a_301_to_a_fixture_article(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, MODEL.redirect_url)
    assert MODEL.redirect_url.startswith("http://")
    assert (reply.status, reply.header("Location")) == (301, HUNAN_ARTICLE)
    redirects = [r.url for r in MODEL.routes if r.status in (301, 302) and CAPTURE_HOST not in r.url]
    assert redirects == [MODEL.redirect_url]


@pytest.mark.parametrize("url", [MODEL.missing_url, "https://news.163.com/20/0802/16/FJ1P0UTC0001899O.html"])
def test_missing_and_unknown_urls_are_404(fixture_web, url: str) -> None:
    reply = fetch(fixture_web.proxy_url, url)
    assert reply.status == 404
    assert b"404 Not Found" in reply.body


def test_wechat_page_at_its_canonical_url(fixture_web) -> None:
    page = next(p for p in MODEL.pages if p.entry["file"] == "pages/wechat/2.html")
    canonical = canonical_wechat_url(page.url)
    assert canonical == page.aliases[0] and "chksm" not in canonical
    reply = fetch(fixture_web.proxy_url, canonical)
    assert (reply.status, reply.body) == (200, page.file.read_bytes())


def test_wechat_verify_page_stands_in_front_of_its_target(fixture_web) -> None:
    page = next(p for p in MODEL.pages if p.kind == "blocked")
    reply = fetch(fixture_web.proxy_url, page.entry["target_url"])
    assert (reply.status, reply.body) == (200, page.file.read_bytes())


def test_keep_alive_serves_several_requests_on_one_tunnel(fixture_web) -> None:
    conn, _ = open_connection(fixture_web.proxy_url, HUNAN_ARTICLE)
    try:
        for url in (HUNAN_ARTICLE, HUNAN_COLUMN, "https://www.hunan.gov.cn/robots.txt"):
            conn.request("GET", urlsplit(url).path)
            with conn.getresponse() as resp:
                assert (resp.status, resp.read()) == (200, MODEL.route(url).body)
    finally:
        conn.close()


def test_head_sends_headers_only(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, HUNAN_ARTICLE, method="HEAD")
    assert reply.body == b""
    assert reply.header("Content-Length") == str(len(MODEL.route(HUNAN_ARTICLE).body))


def test_direct_request_uses_the_host_header(fixture_web) -> None:
    proxy = urlsplit(fixture_web.proxy_url)
    conn = http.client.HTTPConnection(proxy.hostname, proxy.port, timeout=10)
    try:
        conn.putrequest("GET", urlsplit(SHANXI_ARTICLE).path, skip_host=True)
        conn.putheader("Host", "www.shanxi.gov.cn")
        conn.endheaders()
        with conn.getresponse() as resp:
            assert (resp.status, resp.read()) == (200, MODEL.route(SHANXI_ARTICLE).body)
    finally:
        conn.close()


def test_urllib_proxy_handler(fixture_web) -> None:
    proxies = {"http": fixture_web.proxy_url, "https": fixture_web.proxy_url}
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler(proxies), urllib.request.HTTPSHandler(context=insecure_context())
    )
    with opener.open(HUNAN_COLUMN, timeout=10) as resp:
        assert resp.read() == MODEL.route(HUNAN_COLUMN).body


@pytest.mark.parametrize("url", [HUNAN_ARTICLE, SHANXI_ARTICLE])
def test_scrapy_fetch_goes_through_the_proxy(fixture_web, tmp_path: Path, url: str) -> None:
    # No network here: the page can only arrive through the proxy named by https_proxy/http_proxy.
    env = {**os.environ, **fixture_web.proxy_env()}
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "fetch", "--nolog", url],
        cwd=tmp_path, env=env, capture_output=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert done.stdout == MODEL.route(url).body + b"\n"  # scrapy fetch ends the body with a newline


# --- the capture host (tests/capturesite.py) ---------------------------------------------


def raw_exchange(proxy_url: str, url: str, headers: str = "") -> bytes:
    """Send one plain-HTTP proxy request and return every byte the server sent until it closed."""
    proxy = urlsplit(proxy_url)
    request = f"GET {url} HTTP/1.1\r\nHost: {urlsplit(url).netloc}\r\n{headers}Connection: close\r\n\r\n"
    with socket.create_connection((proxy.hostname, proxy.port), timeout=10) as sock:
        sock.sendall(request.encode("ascii"))
        chunks = []
        while data := sock.recv(65536):
            chunks.append(data)
    return b"".join(chunks)


def test_capture_root_is_a_news_seed_linking_every_capture_route(fixture_web) -> None:
    assert CAPTURE.root in MODEL.seed_urls_by_site()["news"]
    reply = fetch(fixture_web.proxy_url, CAPTURE.root)
    assert reply.status == 200
    assert links_of(reply.body) == [CAPTURE.root] + [href for href, _ in CAPTURE.listed()]
    assert CAPTURE.non_ascii in links_of(reply.body)  # a raw UTF-8 href


@pytest.mark.parametrize("url", [CAPTURE.gzip, CAPTURE.gzip_https])
def test_capture_gzip_sent_when_accepted(fixture_web, url: str) -> None:
    route = MODEL.route(url)
    reply = fetch(fixture_web.proxy_url, url, headers={"Accept-Encoding": "gzip, deflate"})
    assert reply.header("Content-Encoding") == "gzip"
    assert reply.body == route.body
    assert reply.header("Content-Length") == str(len(route.body))
    assert gzip.decompress(reply.body) == route.identity_body
    assert reply.body[4:8] == b"\0\0\0\0"  # mtime 0: the same bytes on every run


def test_capture_gzip_page_is_identity_when_gzip_not_accepted(fixture_web) -> None:
    for accept in ("identity", "br", "gzip;q=0"):
        reply = fetch(fixture_web.proxy_url, CAPTURE.gzip, headers={"Accept-Encoding": accept})
        assert reply.header("Content-Encoding") is None
        assert reply.body == CAPTURE.gzip_identity


def test_capture_chunked_has_real_chunk_framing(fixture_web) -> None:
    wire = raw_exchange(fixture_web.proxy_url, CAPTURE.chunked)
    head, _, framed = wire.partition(b"\r\n\r\n")
    assert b"\r\nTransfer-Encoding: chunked" in head and b"Content-Length" not in head
    body, rest = b"", framed
    while True:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            break
        assert size <= CHUNK_SIZE
        body, rest = body + rest[:size], rest[size + 2:]
    assert rest == b"\r\n"
    assert body == CAPTURE.chunked_body and len(body) > 3 * CHUNK_SIZE
    reply = fetch(fixture_web.proxy_url, CAPTURE.chunked)  # http.client de-chunks
    assert reply.body == MODEL.route(CAPTURE.chunked).body


def test_capture_repeated_headers_in_order(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, CAPTURE.headers)
    repeated = {"set-cookie", "x-dup", "link"}
    assert [(k, v) for k, v in reply.headers if k.lower() in repeated] == list(CAPTURE.repeated_headers)
    assert [v for k, v in reply.headers if k == "Set-Cookie"] == ["first=1; Path=/", "second=2; Path=/; HttpOnly"]


def test_capture_non_ascii_path_matches_percent_decoded(fixture_web) -> None:
    assert CAPTURE.non_ascii_uri.isascii() and "%E6%96%B0%E9%97%BB" in CAPTURE.non_ascii_uri
    reply = fetch(fixture_web.proxy_url, CAPTURE.non_ascii_uri)
    assert (reply.status, reply.body) == (200, MODEL.route(CAPTURE.non_ascii).body)
    assert MODEL.route(CAPTURE.non_ascii_uri) is MODEL.route(CAPTURE.non_ascii)


def test_capture_truncated_response_closes_early(fixture_web) -> None:
    wire = raw_exchange(fixture_web.proxy_url, CAPTURE.truncated)
    head, _, body = wire.partition(b"\r\n\r\n")
    assert f"Content-Length: {TRUNCATED_DECLARED}".encode() in head
    assert body == CAPTURE.truncated_body and len(body) == TRUNCATED_SENT
    with pytest.raises(http.client.IncompleteRead):
        fetch(fixture_web.proxy_url, CAPTURE.truncated)


def test_capture_redirect_chain(fixture_web) -> None:
    hops = []
    url = CAPTURE.redirect_start
    for _ in range(5):
        reply = fetch(fixture_web.proxy_url, url)
        hops.append((url, reply.status))
        if reply.status not in (301, 302):
            break
        url = reply.header("Location")
    assert hops == [(CAPTURE.redirect_start, 302), (CAPTURE.redirect_middle, 301), (CAPTURE.redirect_final, 200)]


def test_capture_echo_returns_request_headers(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, CAPTURE.echo, headers={"Accept-Encoding": "gzip, deflate", "X-Test": "1"})
    echoed = json.loads(reply.body)
    assert reply.header("Content-Type") == "application/json"
    assert echoed["method"] == "GET" and echoed["target"] == CAPTURE.echo  # absolute form via the proxy
    assert ["Accept-Encoding", "gzip, deflate"] in echoed["headers"] and ["X-Test", "1"] in echoed["headers"]


def test_capture_gbk_page(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, CAPTURE.gbk)
    assert reply.header("Content-Type") == "text/html; charset=gbk"
    assert reply.body == CAPTURE.gbk_body
    assert CAPTURE.gbk_text in reply.body.decode("gbk")
    with pytest.raises(UnicodeDecodeError):
        reply.body.decode("utf-8")


def test_capture_large_page(fixture_web) -> None:
    reply = fetch(fixture_web.proxy_url, CAPTURE.large)
    assert reply.body == CAPTURE.large_body
    assert 2_900_000 < len(reply.body) < 3_300_000


@pytest.mark.parametrize("url", [CAPTURE.plain, "http://capture.zhengwen-fixtures.cn/new-page.html", CAPTURE.gbk])
def test_override_changes_a_page_until_cleared(fixture_web, override_page, url: str) -> None:
    before = fetch(fixture_web.proxy_url, url)
    override_page(url, b"<html><body>changed</body></html>")
    changed = fetch(fixture_web.proxy_url, url)
    assert (changed.status, changed.body) == (200, b"<html><body>changed</body></html>")
    assert changed.header("Content-Type") == (before.header("Content-Type") if before.status == 200 else "text/html; charset=utf-8")
    fixture_web.clear_overrides()
    assert fetch(fixture_web.proxy_url, url).body == before.body
