"""Back off a host that asks for it: Retry-After on 429/503, and pages typed ``blocked``.

Both pause the host's download slot only (``crawler.hostslots``): other hosts go on.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured

from crawler import hostslots, reasons
from crawler.exceptions import SkippedRequest
from crawler.extract.pagetype import BLOCKED
from crawler.hostcounts import host_counts

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector

    from crawler.hostcounts import HostCounts

logger = logging.getLogger(__name__)

#: Per-host tallies of the back-off (crawler/hostcounts.py): blocked pages in a row; hosts given up.
BLOCKED_STREAK = "blocked_streak"
GIVEN_UP = "given_up"


def retry_after_seconds(value: str, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP-date), or None.

    A date in the past means "now" (0); a value that is neither form is None.
    """
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


def _server_now(response: Response) -> datetime:
    """The server's clock (its Date header) when it has one, so clock skew does not count."""
    header = response.headers.get(b"Date")
    if header:
        try:
            return parsedate_to_datetime(header.decode("latin-1"))
        except (TypeError, ValueError, IndexError):
            pass
    return datetime.now(timezone.utc)


class RetryAfterMiddleware:
    """Retry a 429/503 that carries ``Retry-After`` after that delay, pausing its host meanwhile.

    Scrapy's RetryMiddleware retries these at once; this one (after it, at 570, so it sees
    the response first) pauses the host's download slot for the delay, bounded by
    ``RETRY_AFTER_MAX`` (a longer request is cut to it), and reschedules the request.
    The retries count against ``RETRY_TIMES`` like any other (stats ``retry_after/…``).
    A response without a usable ``Retry-After`` is left to RetryMiddleware.
    """

    def __init__(self, crawler: Crawler, stats: StatsCollector, codes: set[int], max_delay: float):
        self.crawler = crawler
        self.stats = stats
        self.codes = codes
        self.max_delay = max_delay

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("RETRY_AFTER_ENABLED") or not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured("RETRY_AFTER_ENABLED or RETRY_ENABLED is off")
        if crawler.stats is None:
            raise NotConfigured("RetryAfterMiddleware needs a stats collector")
        codes = {int(code) for code in settings.getlist("RETRY_AFTER_HTTP_CODES")}
        return cls(crawler, crawler.stats, codes, settings.getfloat("RETRY_AFTER_MAX"))

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in self.codes or request.meta.get("dont_retry"):
            return response
        header = response.headers.get(b"Retry-After")
        if not header:
            return response
        delay = retry_after_seconds(header.decode("latin-1"), _server_now(response))
        if delay is None:
            self.stats.inc_value("retry_after/unparsable_count")
            logger.warning("unparsable Retry-After %r on HTTP %d: %s", header, response.status, request.url)
            return response
        if delay > self.max_delay:
            self.stats.inc_value("retry_after/capped_count")
            delay = self.max_delay
        retry = get_retry_request(request, spider=self.crawler.spider, reason=f"http_{response.status}",
                                  stats_base_key="retry_after")
        if retry is None:
            return response  # retries spent: the response goes on as an HTTP error
        hostslots.pause_host(self.crawler, request, delay)
        self.stats.max_value("retry_after/max_delay_seconds", delay)
        logger.warning("HTTP %d with Retry-After %s: pausing %s for %.0f s, then retrying %s", response.status,
                       header.decode("latin-1"), urlsplit(request.url).hostname, delay, request.url)
        return retry


class HostBlocked(SkippedRequest):
    """The host served too many ``blocked`` pages in a row; it is not asked again this run."""

    reason = reasons.HOST_BLOCKED


class BlockedBackoffMiddleware:
    """Back a host off when its pages are typed ``blocked`` (a verification wall), then give it up.

    The n-th blocked page in a row pauses the host for ``BLOCKED_BACKOFF_DELAY × 2^(n-1)``
    seconds (at most ``BLOCKED_BACKOFF_MAX_DELAY``); after ``BLOCKED_BACKOFF_MAX_PAGES`` in
    a row the host's queued and later requests are dropped for the run (one WARNING line,
    ``skip/reason_count/host_blocked`` per request). Any other page resets the count.
    The page type comes from extraction (the pipeline sets ``PageItem.page_type``). The
    count and the given-up hosts are the run's (crawler/hostcounts.py): in a distributed
    crawl, blocked pages on any worker count and a host given up is given up by all.
    """

    def __init__(self, crawler: Crawler, stats: StatsCollector, delay: float, max_delay: float, max_pages: int,
                 counts: HostCounts):
        self.crawler = crawler
        self.stats = stats
        self.delay = delay
        self.max_delay = max_delay
        self.max_pages = max_pages
        self.counts = counts
        self.stopped: set[str] = set()  # given up, as this process knows

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("BLOCKED_BACKOFF_ENABLED"):
            raise NotConfigured("BLOCKED_BACKOFF_ENABLED is off")
        if crawler.stats is None:
            raise NotConfigured("BlockedBackoffMiddleware needs a stats collector")
        middleware = cls(crawler, crawler.stats, settings.getfloat("BLOCKED_BACKOFF_DELAY"),
                         settings.getfloat("BLOCKED_BACKOFF_MAX_DELAY"), settings.getint("BLOCKED_BACKOFF_MAX_PAGES"),
                         host_counts(settings))
        crawler.signals.connect(middleware.item_scraped, signal=signals.item_scraped)
        return middleware

    def process_request(self, request: Request) -> None:
        host = urlsplit(request.url).hostname or ""
        if host in self.stopped or self.counts.marked(GIVEN_UP, host):
            self.stopped.add(host)
            raise HostBlocked(f"{host} served {self.max_pages} blocked pages in a row; not asked again this run")

    def item_scraped(self, item: Any, response: Response) -> None:
        page_type = getattr(item, "page_type", None)
        if page_type is None:
            return
        host = urlsplit(item.url).hostname or ""
        if page_type != BLOCKED:
            self.counts.reset(BLOCKED_STREAK, host)
            return
        count = self.counts.add(BLOCKED_STREAK, host)
        self.stats.inc_value("backoff/blocked_page_count")
        request = response.request
        if count >= self.max_pages:
            self._give_up(host, hostslots.slot_for(self.crawler, request) if request is not None else None)
            return
        pause = min(self.delay * 2 ** (count - 1), self.max_delay)
        if request is not None:
            hostslots.pause_host(self.crawler, request, pause)
        self.stats.inc_value("backoff/pause_count")
        logger.warning("blocked page %d in a row from %s (%s): pausing the host for %.0f s", count, host, item.url, pause)

    def _give_up(self, host: str, slot: Any) -> None:
        if host in self.stopped:
            return
        self.stopped.add(host)
        self.counts.mark(GIVEN_UP, host)  # every worker of a distributed crawl refuses it from now on
        self.stats.inc_value("backoff/stopped_host_count")
        queued = hostslots.drain(slot, lambda r: HostBlocked(f"{host} given up: {r.url}")) if slot is not None else []
        logger.warning("%s served %d blocked pages in a row: no more requests to it this run (%d queued dropped)",
                       host, self.max_pages, len(queued))
