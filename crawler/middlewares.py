"""Downloader middlewares: address safety, unreachable hosts and bounded decompression."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import NotConfigured

from crawler import reasons
from crawler.exceptions import AddressRefused, HostUnreachable
from crawler.failures import classify
from crawler.safety import is_public_ip, literal_host_is_local

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector
    from typing import Self


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


class UnreachableHostMiddleware:
    """Fail the remaining requests to a host at once once its name failed to resolve.

    A name that does not resolve after the retries will not resolve a second later:
    waiting out the politeness delay for each of its queued URLs only makes an offline
    or misconfigured run slow. Each such request is still counted and reported under
    the original reason.
    """

    def __init__(self, stats: StatsCollector):
        self.stats = stats
        self.unreachable: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if crawler.stats is None:
            raise NotConfigured("UnreachableHostMiddleware needs a stats collector")
        return cls(crawler.stats)

    def process_request(self, request: Request) -> None:
        host = urlsplit(request.url).hostname or ""
        if host in self.unreachable:
            self.stats.inc_value("failure/not_sent_host_unreachable")
            raise HostUnreachable(host, self.unreachable[host])

    def process_exception(self, request: Request, exception: Exception) -> None:
        host = urlsplit(request.url).hostname or ""
        if not isinstance(exception, HostUnreachable) and classify(exception, host) == reasons.DNS_FAILURE:
            self.unreachable[host] = reasons.DNS_FAILURE
