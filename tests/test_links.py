"""Link discovery: ScopedLinkExtractor finds exactly the in-scope URLs Scrapy's LinkExtractor finds."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor

from crawler.links import ScopedLinkExtractor, _host_out_of_scope
from crawler.profiles import load_profile

PROFILES = ["gov", "netease", "wechat", "news"]


def real_pages(fixtures: Path) -> list[tuple[str, str, bytes, str]]:
    """(id, url, body, content type) of every real fixture page and seed page."""
    pages = [(e["file"], e["url"], (fixtures / e["file"]).read_bytes(), f"text/html; charset={e['actual_charset']}")
             for e in json.loads((fixtures / "pages.json").read_text(encoding="utf-8"))]
    seeds = fixtures / "seedpages"
    pages += [(e["file"], e["url"], (seeds / e["file"]).read_bytes(), e["content_type"])
              for e in json.loads((seeds / "seedpages.json").read_text(encoding="utf-8"))]
    return pages


def scope_for(url: str) -> tuple[list[str], object]:
    host = urlsplit(url).hostname or ""
    domains = [host.removeprefix("www."), "gov.cn"]

    def in_scope(h: str) -> bool:
        return any(h == d or h.endswith("." + d) for d in domains)
    return domains, in_scope


@pytest.mark.parametrize("slug", PROFILES)
def test_the_same_in_scope_urls_as_scrapys_link_extractor_on_every_real_page(fixtures_path: Path, slug: str) -> None:
    profile = load_profile(slug)
    reference = LinkExtractor(allow=profile.allow, deny=profile.deny, canonicalize=False, unique=True)
    total = 0
    for name, url, body, ctype in real_pages(fixtures_path):
        response = HtmlResponse(url, body=body, headers={"Content-Type": ctype})
        _, in_scope = scope_for(url)
        expected = [link.url for link in reference.extract_links(response)
                    if in_scope((urlsplit(link.url).hostname or "").rstrip("."))]
        found = ScopedLinkExtractor(profile.allow, profile.deny, in_scope).extract_urls(response)
        assert [u for u in found if in_scope((urlsplit(u).hostname or "").rstrip("."))] == expected, name
        total += len(expected)
    assert total > 500


def gov_scope(host: str) -> bool:
    return host == "gov.cn" or host.endswith(".gov.cn")


@pytest.mark.parametrize(("href", "dropped_before_joining"), [
    ("http://elsewhere.example.com/a.html", True),
    ("//elsewhere.example.com/a.html", True),
    ("HTTPS://User@ElseWhere.Example.COM:8080/a", True),
    ("http://www.gov.cn/a.html", False),
    ("http://sub.gov.cn./a.html", False),
    ("http://evil.example.com\\x.gov.cn/", False),  # not a plain host: joined, then judged like any URL
    ("http://[::1]/a.html", False),
    ("http://例子.测试/a.html", False),
    ("/relative/a.html", False),
    ("b.html?x=1", False),
    ("mailto:someone@elsewhere.example.com", False),
])
def test_only_plain_out_of_scope_hosts_are_dropped_before_joining(href: str, dropped_before_joining: bool) -> None:
    assert _host_out_of_scope(href, gov_scope) is dropped_before_joining


def test_relative_and_in_scope_links_are_joined_once_each() -> None:
    body = b'<a href="/a.html">x</a><a href=" /a.html ">again</a><a href="http://other.example.com/">o</a>'
    response = HtmlResponse("http://www.gov.cn/list/index.html", body=body, encoding="utf-8")
    assert ScopedLinkExtractor([], [], gov_scope).extract_urls(response) == ["http://www.gov.cn/a.html"]


def test_deny_patterns_extensions_and_schemes_filter_as_scrapy_does() -> None:
    hrefs = ["/a.pdf", "/b.PDF;jsessionid=1", "/c.html", "mailto:x@gov.cn", "javascript:void(0)", "/search?q=1",
             "/d.html#frag", "/c.html"]
    body = "".join(f'<a href="{h}">x</a>' for h in hrefs).encode()
    response = HtmlResponse("http://www.gov.cn/", body=body, encoding="utf-8")
    expected = [link.url for link in LinkExtractor(deny=["/search"], canonicalize=False, unique=True)
                .extract_links(response)]
    assert ScopedLinkExtractor([], ["/search"], lambda h: True).extract_urls(response) == expected
    assert expected == ["http://www.gov.cn/c.html", "http://www.gov.cn/d.html#frag"]
