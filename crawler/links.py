"""Link discovery for listing pages: Scrapy's LinkExtractor's links, with out-of-scope hosts dropped first."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlparse

from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.utils.response import get_base_url
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

if TYPE_CHECKING:
    from scrapy.http import TextResponse

#: An absolute (``http://host/…``) or scheme-relative (``//host/…``) link: scheme and authority.
_ABSOLUTE_RE = re.compile(r"^(?:([A-Za-z][A-Za-z0-9+.\-]*):)?//([^/?#]*)")
#: A plain host name, the only kind judged before joining (IDNA, escapes … go the long way).
_PLAIN_HOST_RE = re.compile(r"^[A-Za-z0-9.\-]+$")
_VALID_SCHEMES = frozenset({"http", "https", "file", "ftp"})


def _host_out_of_scope(href: str, in_scope_host: Callable[[str], bool]) -> bool:
    """True when ``href`` names another host outright: it can be dropped before ``urljoin``.

    Relative links, and absolute ones whose host is not a plain ASCII name, are never
    dropped here; the spider checks the scope of every joined URL anyway.
    """
    match = _ABSOLUTE_RE.match(href)
    if match is None:
        return False
    scheme, authority = match.groups()
    if scheme is not None and scheme.lower() not in ("http", "https"):
        return False
    host = authority.rpartition("@")[2].partition(":")[0].rstrip(".").lower()
    return bool(_PLAIN_HOST_RE.match(host)) and not in_scope_host(host)


class ScopedLinkExtractor:
    """The URLs Scrapy's ``LinkExtractor(allow, deny, canonicalize=False, unique=True)`` finds, cheaper.

    Out-of-scope absolute links are dropped before any URL is joined or made safe (on
    real listing pages most links lead elsewhere, and joining them dominated link
    discovery); the anchor text Scrapy collects for each link is never computed; the
    file-extension check is one call. The result, in document order and without
    duplicates, is the same list of URLs (tests/test_links.py holds this on the real
    fixture pages).

    Args:
        allow: regular expressions; a link must match one (none: every link).
        deny: regular expressions; a link matching one is dropped.
        in_scope_host: tells whether a lower-case host name is in the crawl's scope.
    """

    def __init__(self, allow: Iterable[str], deny: Iterable[str], in_scope_host: Callable[[str], bool]) -> None:
        self.allow = [re.compile(p) for p in allow]
        self.deny = [re.compile(p) for p in deny]
        self.in_scope_host = in_scope_host
        self.deny_extensions = tuple(f".{e}" for e in IGNORED_EXTENSIONS)

    def _hrefs(self, response: TextResponse) -> Iterator[str]:
        for element in response.selector.root.iter("{*}a", "{*}area"):
            href = element.get("href")
            if href is not None:
                yield strip_html5_whitespace(href)

    def extract_urls(self, response: TextResponse) -> list[str]:
        """The absolute URLs of the page's ``<a>``/``<area>`` links that pass the filters."""
        base_url = get_base_url(response)
        seen: set[str] = set()
        urls = []
        for href in self._hrefs(response):
            if _host_out_of_scope(href, self.in_scope_host):
                continue
            try:
                url = urljoin(response.url, safe_url_string(urljoin(base_url, href), encoding=response.encoding))
            except ValueError:
                continue  # a bogus link, as Scrapy skips it
            if url in seen or not self._allowed(url):
                continue
            seen.add(url)
            urls.append(url)
        return urls

    def _allowed(self, url: str) -> bool:
        if url.split("://", 1)[0] not in _VALID_SCHEMES:
            return False
        if self.allow and not any(r.search(url) for r in self.allow):
            return False
        if any(r.search(url) for r in self.deny):
            return False
        return not urlparse(url).path.lower().endswith(self.deny_extensions)
