"""Middlewares of a distributed crawl: acknowledge request leases, hold host slots cluster-wide."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import task

from crawler import hostslots
from crawler.distributed.hostleases import HostLeases
from crawler.distributed.keys import connect, prefix, spider_keys
from crawler.distributed.leases import LEASE_META_KEY, LeaseStore

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

#: request.meta key of the host slot a request holds: (host, token).
HOST_LEASE_META_KEY = "redis_host_lease"
#: Seconds between two tries for a slot while all of the host's slots are taken.
SLOT_POLL_INTERVAL = 0.1


def _require_redis(crawler: Crawler) -> None:
    if not crawler.settings.get("REDIS_URL"):
        raise NotConfigured("REDIS_URL is not set")


class _LeaseAcker:
    """Acknowledge the lease of a finished request; count and log a failed acknowledgement."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stores: dict[str, LeaseStore] = {}
        self.server = connect(crawler.settings)

    def ack(self, request: Request | None) -> None:
        lease = request.meta.pop(LEASE_META_KEY, None) if request is not None else None
        if lease is None or request is None or self.crawler.spider is None:
            return
        name = self.crawler.spider.name
        settings = self.crawler.settings
        store = self.stores.get(name)
        if store is None:
            store = self.stores[name] = LeaseStore(self.server, spider_keys(settings, name),
                                                   settings.getfloat("REDIS_LEASE_TIMEOUT"))
        try:
            store.ack(lease)
        except RedisError as exc:
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("redis/lease_ack_error_count")
            logger.error("could not acknowledge the lease of %s (it will be fetched again): %s", request.url, exc)


class LeaseAckSpiderMiddleware(_LeaseAcker):
    """Queue a response's requests in Redis, then acknowledge its lease.

    The outermost spider middleware. It hands each request to the engine itself (which
    queues it in Redis at once, crawler/distributed/scheduler.py) and passes items on.
    Scrapy's scraper reads a callback's output ahead of handling it (up to twice
    ``CONCURRENT_ITEMS`` entries wait for its ``CONCURRENT_ITEMS`` tasks), so a lease
    acknowledged when the output ends would go while the last links still wait there,
    and a worker killed then would lose them. A request Redis refused leaves the lease
    unacknowledged: the page is fetched again when the lease expires. A callback that
    raises ends its lease (its requests so far are queued): it would raise again.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        _require_redis(crawler)
        return cls(crawler)

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        queued = True
        try:
            async for entry in result:
                if isinstance(entry, Request):
                    queued = self._queue(entry, response) and queued
                else:
                    yield entry
        except Exception:  # the callback raised: its page is done (it would raise again)
            if queued:
                self.ack(response.request)
            raise
        if queued:
            self.ack(response.request)

    def _queue(self, request: Request, response: Response) -> bool:
        """Schedule ``request``; False (counted, logged) when Redis refused it."""
        try:
            self.crawler.engine.crawl(request)
        except RedisError as exc:
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("redis/enqueue_error_count")
            logger.error("could not queue %s, linked from %s (that page stays leased and is fetched again): %s",
                         request.url, response.url, exc)
            return False
        return True


class LeaseAckDownloaderMiddleware(_LeaseAcker):
    """Acknowledge the lease of a request that failed for good (not retried): its errback runs next.

    The outermost downloader middleware, so it sees only the exceptions no other
    middleware turned into a retry, a redirect or a response. The errback's output skips
    the spider middlewares, so a request it yielded would be queued after this ack;
    zhengwen's errback yields none (docs/distributed.md, Limits).
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        _require_redis(crawler)
        return cls(crawler)

    def process_exception(self, request: Request, exception: Exception) -> None:
        self.ack(request)


class ClusterPolitenessMiddleware:
    """Take a host slot in Redis before a request is downloaded; give it back after.

    See crawler/distributed/hostleases.py. A request waits here (not in Scrapy's slot
    queue) while its host is busy on any worker. A host this worker pauses
    (``crawler.hostslots.host_paused``) is paused for every worker.
    """

    def __init__(self, crawler: Crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.leases = HostLeases(connect(settings), prefix(settings), settings.getfloat("REDIS_HOST_LEASE_TIMEOUT"))
        self.concurrency = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        self.delay = settings.getfloat("DOWNLOAD_DELAY")
        self.slots: dict[str, dict[str, Any]] = settings.getdict("DOWNLOAD_SLOTS")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        _require_redis(crawler)
        middleware = cls(crawler)
        crawler.signals.connect(middleware.host_paused, signal=hostslots.host_paused)
        return middleware

    def host_paused(self, host: str, seconds: float) -> None:
        """Pause ``host`` in Redis too; a failure is counted and logged (this worker's pause holds)."""
        try:
            self.leases.pause(host, seconds)
        except RedisError as exc:
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("redis/host_pause_error_count")
            logger.error("could not pause %s for the other workers (%.0f s): %s", host, seconds, exc)
            return
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("redis/host_pause_count")

    async def process_request(self, request: Request) -> None:
        host = urlparse_cached(request).hostname or ""
        slot = self.slots.get(host, {})
        concurrency = int(slot.get("concurrency", self.concurrency))
        delay = float(slot.get("delay", self.delay))
        while True:
            token, wait = self.leases.try_acquire(host, concurrency, delay)
            if token is not None:
                request.meta[HOST_LEASE_META_KEY] = (host, token)
                return
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("redis/host_wait_count")
            pause = SLOT_POLL_INTERVAL if wait < 0 else wait
            from twisted.internet import reactor  # the one Scrapy installed (importing it earlier installs another)

            await maybe_deferred_to_future(task.deferLater(reactor, pause, lambda: None))

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._release(request)

    def _release(self, request: Request) -> None:
        held = request.meta.pop(HOST_LEASE_META_KEY, None)
        if held is None:
            return
        try:
            self.leases.release(*held)
        except RedisError as exc:
            if self.crawler.stats is not None:
                self.crawler.stats.inc_value("redis/host_release_error_count")
            logger.error("could not give back the host slot of %s (it expires by itself): %s", request.url, exc)
