"""The fixture web: the shared real pages under their real URLs, plus generated listings.

`tests/mockserver.py` serves this model through an HTTP proxy; tests load the same model
to know which URLs exist and what each one returns.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from capturesite import CAPTURE_HOST, CaptureSite
from fixturepath import FixturesNotFoundError, fixtures_dir

HTML_UTF8 = "text/html; charset=utf-8"
ROBOTS_TXT = b"User-agent: *\nDisallow: /private/\n"
NOT_FOUND_BODY = (
    b'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>404 Not Found</title></head>\n'
    b"<body><h1>404 Not Found</h1><p>The requested URL was not found on this server.</p></body></html>\n"
)
# The one redirect and the one linked 404, both on the Hunan government column that the
# project's real gov seed belongs to. The redirect is an old http:// link to an article.
REDIRECT_URL = "http://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/redirect-test.html"
REDIRECT_TARGET = "https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/202302/t20230224_29256497.html"
MISSING_URL = "https://www.hunan.gov.cn/hnszf/szf/zfld/mwm/mwmhd/missing-article.html"
# Query parameters that identify a WeChat article; crawlers drop the rest (chksm, scene, ...).
WECHAT_ID_PARAMS = ("__biz", "mid", "idx", "sn")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Directories made only of digits and hyphens (202302/, 19/0907/13/, 2019-12/) are date
# partitions: TRS and 163.com list their articles on the column page above them.
_DATE_SEGMENT = re.compile(r"^[0-9-]+$")


def url_key(url: str) -> tuple[str, str, str]:
    """Return (scheme, host[:port], path?query) — what a request for `url` is matched on.

    The fragment is dropped (it is never sent); the query string is kept exactly. The path
    is percent-decoded as UTF-8, so `/新闻/x.html` and `/%E6%96%B0%E9%97%BB/x.html` match.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    target = unquote(parts.path or "/", errors="strict")
    if parts.query:
        target += "?" + parts.query
    return scheme, host, target


def override_name(url: str) -> str:
    """File name of `url`'s override in the mockserver's --overrides folder: sha1 of its key."""
    scheme, host, target = url_key(url)
    return hashlib.sha1(f"{scheme}://{host}{target}".encode()).hexdigest()


def canonical_wechat_url(url: str) -> str | None:
    """Return a WeChat article URL reduced to __biz, mid, idx, sn (original order), or None."""
    parts = urlsplit(url)
    if parts.hostname != "mp.weixin.qq.com" or parts.path != "/s":
        return None
    kept = [p for p in parts.query.split("&") if p.split("=", 1)[0] in WECHAT_ID_PARAMS]
    if len(kept) != len(WECHAT_ID_PARAMS):
        return None
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{'&'.join(kept)}"


@dataclass(frozen=True)
class FixturePage:
    """One fixture file, the URL it is served under and its pages.json/seedpages.json entry."""

    url: str
    file: Path
    origin: str  # "pages" (pages.json) or "seedpages" (seedpages/seedpages.json)
    entry: dict[str, Any] = field(hash=False, compare=False, repr=False)
    aliases: tuple[str, ...] = ()  # further URLs serving the same bytes (see _aliases)

    @property
    def kind(self) -> str:
        return str(self.entry["kind"])

    @property
    def site(self) -> str:
        return str(self.entry["site"])

    @property
    def title(self) -> str | None:
        return self.entry.get("title")

    @property
    def content_type(self) -> str:
        if self.origin == "seedpages":
            return str(self.entry["content_type"])
        return f"text/html; charset={self.entry['actual_charset']}"

    @property
    def body(self) -> bytes:
        return self.file.read_bytes()


@dataclass(frozen=True)
class Route:
    """What the server answers for one URL. `headers` excludes hop-by-hop ones (Connection).

    `body` is the payload as sent (after de-chunking); `mode` and `identity_body` describe
    the capture host's special routes (see tests/capturesite.py).
    """

    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes = field(repr=False)
    kind: str  # "page", "listing", "robots", "redirect", "missing", "not_found" or "capture"
    page: FixturePage | None = None
    mode: str = "plain"  # "plain", "gzip", "chunked", "truncated" or "echo"
    identity_body: bytes | None = field(default=None, repr=False)  # gzip mode: the uncompressed body

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


def _make_route(url: str, status: int, content_type: str, body: bytes, kind: str,
                page: FixturePage | None = None, location: str | None = None) -> Route:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
    if location is not None:
        headers.append(("Location", location))
    return Route(url, status, tuple(headers), body, kind, page)


def _read_entries(root: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    entries = [("pages", root / e["file"], e) for e in json.loads((root / "pages.json").read_text("utf-8"))]
    seed_root = root / "seedpages"
    seeds = json.loads((seed_root / "seedpages.json").read_text("utf-8"))
    return entries + [("seedpages", seed_root / e["file"], e) for e in seeds]


def _free_url(url: str, entry: dict[str, Any], taken: set[tuple[str, str, str]]) -> str:
    """Give a page whose URL is already served a sibling URL (see the README of tests)."""
    parts = urlsplit(url)
    if entry.get("variant_of"):  # hengyang Big5 page: <name>_big5.html
        stem, dot, ext = parts.path.rpartition(".")
        candidates = [f"{stem}_{entry['charset']}{dot}{ext}"]
    elif parts.path.endswith("/"):  # second news.163.com front page: /index2.html
        candidates = [f"{parts.path}index{n}.html" for n in range(2, 100)]
    else:
        raise ValueError(f"two fixture pages claim {url} and no rule separates them")
    for path in candidates:
        new = parts._replace(path=path, fragment="").geturl()
        if url_key(new) not in taken:
            return new
    raise ValueError(f"no free URL for the second page at {url}")


def _aliases(url: str, entry: dict[str, Any]) -> list[str]:
    """Further URLs of a page: the canonical WeChat form, and for the WeChat environment
    check the article it stands in front of (the first WeChat seed), as WeChat serves it."""
    found = [u for u in (canonical_wechat_url(url), entry.get("target_url")) if u]
    return list(dict.fromkeys(found))


def load_pages(root: Path) -> list[FixturePage]:
    """Read both JSON files, check sha256 where given, and give every page a unique URL."""
    pages: list[FixturePage] = []
    taken: set[tuple[str, str, str]] = set()
    for origin, file, entry in _read_entries(root):
        if not file.is_file():
            raise FixturesNotFoundError(f"{file} is listed in the {origin} JSON but missing")
        digest = entry.get("sha256")
        if digest and hashlib.sha256(file.read_bytes()).hexdigest() != digest:
            raise ValueError(f"{file}: sha256 differs from its JSON entry; the fixture was changed")
        url = entry["url"]
        if url_key(url) in taken:
            url = _free_url(url, entry, taken)
        aliases = tuple(a for a in _aliases(url, entry) if url_key(a) != url_key(url))
        for u in (url, *aliases):
            taken.add(url_key(u))
        pages.append(FixturePage(url, file, origin, entry, aliases))
    return pages


def column_dir(path: str) -> str:
    """Return the column directory listing an article at `path` ("/" = the host's root listing)."""
    segments = path.rstrip("/").split("/")[1:-1]
    while segments and _DATE_SEGMENT.match(segments[-1]):
        segments.pop()
    return "/" + "".join(s + "/" for s in segments)


def render_listing(title: str, nav: list[tuple[str, str]], items: list[tuple[str, str, str]]) -> bytes:
    """Render a plain list page: title, a short nav bar and a <ul> of (href, text, date) links."""
    esc = html.escape
    nav_html = " | ".join(f'<a href="{esc(h)}">{esc(t)}</a>' for h, t in nav)
    lis = "\n".join(
        f'<li><a href="{esc(h)}">{esc(t)}</a>' + (f' <span class="date">{esc(d)}</span>' if d else "") + "</li>"
        for h, t, d in items
    )
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(title)}</title></head>\n'
        f'<body>\n<div class="nav">{nav_html}</div>\n<h1>{esc(title)}</h1>\n'
        f'<ul class="list">\n{lis}\n</ul>\n<div class="footer">本列表页由测试夹具生成</div>\n</body></html>\n'
    ).encode("utf-8")


def _item(page: FixturePage) -> tuple[str, str, str]:
    return page.url, page.title or page.file.name, str(page.entry.get("date") or "")


class FixtureWeb:
    """Every URL the fixture web serves. Build it with `FixtureWeb.load()`."""

    redirect_url = REDIRECT_URL
    redirect_target = REDIRECT_TARGET
    missing_url = MISSING_URL
    capture = CaptureSite

    def __init__(self, root: Path, pages: list[FixturePage]) -> None:
        self.root = root
        self.pages = pages
        self.articles = [p for p in pages if p.kind != "list"]
        self._routes: dict[tuple[str, str, str], Route] = {}
        self.root_listings: dict[str, str] = {}  # host -> its root listing URL
        self.listing_urls: list[str] = []
        for page in pages:
            for url in (page.url, *page.aliases):
                self._add(_make_route(url, 200, page.content_type, page.body, "page", page))
        for host in sorted({url_key(p.url)[1] for p in pages}):
            self._add_host(host, [p for p in pages if url_key(p.url)[1] == host])
        if self.route(REDIRECT_TARGET) is None:
            raise ValueError(f"redirect target {REDIRECT_TARGET} is not a fixture page")
        self._add(_make_route(REDIRECT_URL, 301, HTML_UTF8, render_listing(
            "301 Moved Permanently", [(REDIRECT_TARGET, REDIRECT_TARGET)], []), "redirect", location=REDIRECT_TARGET))
        self._add(_make_route(MISSING_URL, 404, HTML_UTF8, NOT_FOUND_BODY, "missing"))
        self._add_capture_host()

    @classmethod
    def load(cls, root: Path | None = None) -> FixtureWeb:
        """Load the model from `root` (default: `fixtures_dir()`)."""
        root = fixtures_dir() if root is None else root
        return cls(root, load_pages(root))

    def _add(self, route: Route) -> None:
        key = url_key(route.url)
        if key in self._routes:
            raise ValueError(f"two routes for {route.url}")
        self._routes[key] = route

    def _free(self, scheme: str, host: str, path: str) -> str:
        url = f"{scheme}://{host}{path}"
        if url_key(url) in self._routes:
            url = f"{scheme}://{host}{path.rstrip('/').rpartition('/')[0]}/zhengwen-index.html"
        return url

    def _add_host(self, host: str, pages: list[FixturePage]) -> None:
        """Add robots.txt on both schemes, column listings and the root listing of one host."""
        for scheme in ("http", "https"):
            self._add(_make_route(f"{scheme}://{host}/robots.txt", 200, "text/plain; charset=utf-8",
                                  ROBOTS_TXT, "robots"))
        scheme = "https" if any(p.url.startswith("https:") for p in pages) else "http"
        root_url = self._free(scheme, host, "/")
        columns: dict[str, list[FixturePage]] = {}
        for page in pages:
            if page.kind != "list":  # front pages link to hundreds of unserved URLs: not linked
                columns.setdefault(column_dir(urlsplit(page.url).path), []).append(page)
        column_urls = {d: self._free(scheme, host, d + "index.html") for d in sorted(columns) if d != "/"}
        nav = [(root_url, "首页")] + [(u, d.strip("/")) for d, u in column_urls.items()][:6]
        for directory, url in column_urls.items():
            items = [_item(p) for p in columns[directory]]
            if any(p.url == REDIRECT_TARGET for p in columns[directory]):
                items += [(REDIRECT_URL, "（旧链接）" + items[0][1], ""), (MISSING_URL, "已撤回的文章", "")]
            self._add_listing(url, f"{directory} - {host}", nav, items)
        root_items = [(u, f"栏目 {d}", "") for d, u in column_urls.items()]
        self._add_listing(root_url, f"{host} 首页", nav, root_items + [_item(p) for p in columns.get("/", [])])
        self.root_listings[host] = root_url

    def _add_capture_host(self) -> None:
        """Add the capture host (tests/capturesite.py): robots.txt, its root listing and routes."""
        for scheme in ("http", "https"):
            self._add(_make_route(f"{scheme}://{CAPTURE_HOST}/robots.txt", 200, "text/plain; charset=utf-8",
                                  ROBOTS_TXT, "robots"))
        listing = render_listing(f"{CAPTURE_HOST} 首页", [(CaptureSite.root, "首页")],
                                 [(href, text, "") for href, text in CaptureSite.listed()])
        for spec in CaptureSite.specs(listing):
            self._add(Route(spec.url, spec.status, spec.headers, spec.body, spec.kind,
                            mode=spec.mode, identity_body=spec.identity_body))
        self.listing_urls.append(CaptureSite.root)
        self.root_listings[CAPTURE_HOST] = CaptureSite.root

    def _add_listing(self, url: str, title: str, nav: list[tuple[str, str]],
                     items: list[tuple[str, str, str]]) -> None:
        self._add(_make_route(url, 200, HTML_UTF8, render_listing(title, nav, items), "listing"))
        self.listing_urls.append(url)

    @property
    def routes(self) -> list[Route]:
        return list(self._routes.values())

    @property
    def hosts(self) -> list[str]:
        return sorted(self.root_listings)

    def route(self, url: str) -> Route | None:
        """Return the route serving `url`, or None when the server answers 404 Not Found."""
        return self._routes.get(url_key(url))

    def respond(self, url: str) -> Route:
        """Return what the server sends for `url`, a plain 404 page for unknown URLs."""
        found = self.route(url)
        return found or _make_route(url, 404, HTML_UTF8, NOT_FOUND_BODY, "not_found")

    def page(self, url: str) -> FixturePage | None:
        """Return the fixture page served at `url` (its URL or an alias), if any."""
        found = self.route(url)
        return found.page if found else None

    def seed_urls_by_site(self) -> dict[str, list[str]]:
        """Map each `site` (gov, netease, wechat, news) to the root listings of its hosts.

        The capture host has no fixture pages; its root listing is a `news` seed.
        """
        result: dict[str, set[str]] = {"news": {CaptureSite.root}}
        for page in self.pages:
            result.setdefault(page.site, set()).add(self.root_listings[url_key(page.url)[1]])
        return {site: sorted(urls) for site, urls in sorted(result.items())}

    def describe(self) -> list[dict[str, Any]]:
        """Return the route table as JSON-ready dicts (body length and sha256 instead of bytes)."""
        return [
            {"url": r.url, "status": r.status, "kind": r.kind, "mode": r.mode,
             "headers": [list(h) for h in r.headers],
             "sha256": hashlib.sha256(r.body).hexdigest(),
             "file": str(r.page.file) if r.page else None}
            for r in self._routes.values()
        ]
