"""Downloader middlewares: address safety and bounded decompression."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import NotConfigured

from crawler import reasons
from crawler.failures import AddressRefused
from crawler.safety import is_public_ip, literal_host_is_local

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector
    from typing_extensions import Self


class AddressSafetyMiddleware:
    """Refuse requests to loopback/private hosts unless ``ALLOW_LOOPBACK`` is set.

    Literal hosts (``127.0.0.1``, ``localhost``, ``10.0.0.7``) are refused before sending;
    names are checked by ``crawler.resolver.PublicOnlyResolver`` at lookup, and the
    connected peer address is checked again on the response (redirects included,
    since every redirect is a new request through this middleware). Responses that
    came through a configured proxy are judged by their URL only.
    """

    def __init__(self, allow_local: bool, stats: StatsCollector):
        self.allow_local = allow_local
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if crawler.stats is None:
            raise NotConfigured("AddressSafetyMiddleware needs a stats collector")
        return cls(crawler.settings.getbool("ALLOW_LOOPBACK"), crawler.stats)

    def _refuse(self, request: Request, why: str) -> AddressRefused:
        self.stats.inc_value(f"skip/reason_count/{reasons.PRIVATE_ADDRESS}")
        return AddressRefused(f"{why}: {request.url} (set ALLOW_LOOPBACK = True to allow)")

    def process_request(self, request: Request) -> None:
        if not self.allow_local and literal_host_is_local(request.url):
            raise self._refuse(request, "refused loopback/private host")

    def process_response(self, request: Request, response: Response) -> Response:
        if self.allow_local or request.meta.get("proxy") or response.ip_address is None:
            return response
        if not is_public_ip(str(response.ip_address)):
            raise self._refuse(request, f"refused response from non-public address {response.ip_address}")
        return response


class BoundedHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression, bounded by ``DECOMPRESSION_MAXSIZE`` instead of ``DOWNLOAD_MAXSIZE``.

    The raw body size is limited at capture (``CAPTURE_MAXSIZE``); the inflated size
    still needs its own limit against decompression bombs.
    """

    def __init__(self, stats: StatsCollector | None = None, *, crawler: Crawler | None = None):
        super().__init__(stats, crawler=crawler)
        if crawler is not None:
            self._max_size = crawler.settings.getint("DECOMPRESSION_MAXSIZE")
