"""scrapy-redis' scheduler, adapted to Scrapy ≥ 2.14 and to leased requests.

What differs from ``scrapy_redis.scheduler.Scheduler`` 0.9.1, and why:

- ``open`` logs through a module logger, not the deprecated ``Spider.log``, and never flushes;
- stats are counted without the ``spider=`` argument Scrapy 2.14 deprecated;
- the frontier always persists (``SCHEDULER_PERSIST``): with several workers, the first
  one to close must not flush the queue and the seen set the others still use — a new run
  starts from ``zhengwen seed --redis``;
- expired leases (crawler/distributed/leases.py) go back to the queue, checked at most once
  per second when the worker asks for work, so a killed worker's requests are taken over;
- the seen mark and the queue entry are written in one Lua script (scrapy-redis writes the
  seen set first: a worker killed in between left a URL seen that was never queued); a
  request the seen set drops acknowledges the lease it carries (a redirect to a URL
  already seen ends its leased request);
- on close, this worker's unfinished leases go back to the queue at once.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler

if TYPE_CHECKING:
    from scrapy import Request, Spider

    from crawler.distributed.queue import LeasedPriorityQueue

logger = logging.getLogger(__name__)

#: Seconds between two looks for expired leases.
REQUEUE_INTERVAL = 1.0


class LeasedRedisScheduler(Scheduler):  # type: ignore[misc]
    """The shared scheduler of one spider on every worker (SCHEDULER when REDIS_URL is set)."""

    queue: LeasedPriorityQueue
    _next_requeue = 0.0

    def open(self, spider: Spider) -> None:
        """scrapy-redis' ``open`` less its ``Spider.log`` call (deprecated since Scrapy 2.14)."""
        self.spider = spider
        self.queue = load_object(self.queue_cls)(server=self.server, spider=spider,
                                                 key=self.queue_key % {"spider": spider.name},
                                                 serializer=self.serializer)
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if len(self.queue):
            logger.info("%s: joining a run with %d requests queued", spider.name, len(self.queue))

    def close(self, reason: str) -> None:
        released = self.queue.release_held()
        if self.stats and released:
            self.stats.inc_value("redis/lease_released_count", released)

    def enqueue_request(self, request: Request) -> bool:
        """Mark ``request`` seen and queue it in one step (a redirect to a URL already seen ends its lease)."""
        fingerprint = None if request.dont_filter else self.df.request_fingerprint(request)
        if not self.queue.push(request, fingerprint):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        self._requeue_expired()
        request: Request | None = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        self._requeue_expired()
        return len(self) > 0

    def _requeue_expired(self) -> None:
        now = time.monotonic()
        if now < self._next_requeue:
            return
        self._next_requeue = now + REQUEUE_INTERVAL
        requeued = self.queue.requeue_expired()
        if self.stats and requeued:
            self.stats.inc_value("redis/lease_expired_count", requeued)
