"""Downloader middlewares: address safety, unreachable hosts and bounded decompression."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler import hostslots, reasons
from crawler.exceptions import AddressRefused, HostUnreachable, RobotsTxtUnavailable
from crawler.failures import classify
from crawler.safety import is_public_ip, literal_host_is_local

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

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
    """Fail the remaining requests to a host at once once it proved unreachable.

    A name that does not resolve, or a host refusing connections, after the retries will
    not answer a second later: waiting out the politeness delay for each of its queued
    URLs only makes an offline or misconfigured run slow. Once a request to a host spends
    its retries on ``dns_failure`` or ``connection_refused``, the host is marked: one
    WARNING line names it, the requests already queued in its download slot and every
    later one fail at once with ``HostUnreachable`` (each counted and reported under the
    original reason). Sitting after RetryMiddleware (550), it sees every failure before
    RetryMiddleware does and tells from ``retry_times`` whether this was the last try.

    A robots.txt fetch that fails on the network (after its retries) is turned into one
    counted WARNING line (``robotstxt/failure_reason_count/<reason>``) instead of the
    traceback Scrapy's RobotsTxtMiddleware logs; the host is then crawled without rules,
    as Scrapy does.
    """

    def __init__(self, crawler: Crawler, stats: StatsCollector, max_retry_times: int):
        self.crawler = crawler
        self.stats = stats
        self.max_retry_times = max_retry_times
        self.unreachable: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if crawler.stats is None:
            raise NotConfigured("UnreachableHostMiddleware needs a stats collector")
        return cls(crawler, crawler.stats, crawler.settings.getint("RETRY_TIMES"))

    def process_request(self, request: Request) -> None:
        host = urlsplit(request.url).hostname or ""
        if host in self.unreachable:
            raise self._not_sent(request)

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, IgnoreRequest) or not self._retries_spent(request):
            return
        host = urlsplit(request.url).hostname or ""
        reason = classify(exception, host)
        robots = reason in reasons.NETWORK_FAILURES and _is_robots(request)
        if robots:
            self.stats.inc_value(f"robotstxt/failure_reason_count/{reason}")
        if reason in _HOST_DOWN and host not in self.unreachable:
            self._mark(request, host, reason)
            raise HostUnreachable(host, reason, earlier=False) from exception
        if robots:
            logger.warning("robots.txt unavailable (%s): %s; crawling %s without its rules", reason, request.url, host)
            raise RobotsTxtUnavailable(f"robots.txt of {host}: {reason}") from exception

    def _retries_spent(self, request: Request) -> bool:
        if request.meta.get("dont_retry"):
            return True
        limit = request.meta.get("max_retry_times", self.max_retry_times)
        return int(request.meta.get("retry_times", 0)) >= int(limit)

    def _not_sent(self, request: Request) -> HostUnreachable:
        host = urlsplit(request.url).hostname or ""
        self.stats.inc_value("failure/not_sent_host_unreachable")
        logger.debug("not sent, %s is unreachable: %s", host, request.url)
        return HostUnreachable(host, self.unreachable[host])

    def _mark(self, request: Request, host: str, reason: str) -> None:
        self.unreachable[host] = reason
        self.stats.inc_value(f"failure/unreachable_host_count/{reason}")
        slot = hostslots.slot_for(self.crawler, request)
        queued = hostslots.drain(slot, self._not_sent) if slot is not None else []
        logger.warning("host %s is unreachable (%s on %s): its remaining requests fail at once (%d queued)",
                       host, reason, request.url, len(queued))


#: Failures after which a host is given up for the run.
_HOST_DOWN = frozenset({reasons.DNS_FAILURE, reasons.CONNECTION_REFUSED})


def _is_robots(request: Request) -> bool:
    return bool(request.meta.get("dont_obey_robotstxt")) and urlsplit(request.url).path == "/robots.txt"
