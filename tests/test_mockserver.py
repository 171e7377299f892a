"""The fixture web proxy serves the real pages under their real URLs (stdlib clients only)."""

from __future__ import annotations

import http.client
import os
import ssl
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from fixtureweb import FixturesNotFoundError, FixtureWeb, canonical_wechat_url, fixtures_dir

HUNAN_ARTICLE = "https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/202302/t20230224_29256497.html"
HUNAN_COLUMN = "https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/index.html"
SHANXI_ARTICLE = "http://www.shanxi.gov.cn/yw/sxyw/201909/t20190918_693227.shtml"
HENGYANG_BIG5 = "https://www.hynews.net/news/ttxw/202603/t20260310_1862754_big5.html"
MODEL = FixtureWeb.load(fixtures_dir())


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


def fetch(proxy_url: str, url: str, method: str = "GET") -> Reply:
    conn, target = open_connection(proxy_url, url)
    try:
        conn.request(method, target)
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
    assert [r.url for r in MODEL.routes if r.status in (301, 302)] == [MODEL.redirect_url]


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
