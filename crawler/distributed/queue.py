"""scrapy-redis' priority queue, with each pop taken under a lease (crawler/distributed/leases.py)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy_redis.queue import PriorityQueue

from crawler.distributed.keys import spider_keys
from crawler.distributed.leases import LEASE_META_KEY, LeaseStore

if TYPE_CHECKING:
    from scrapy import Request, Spider

logger = logging.getLogger(__name__)


class LeasedPriorityQueue(PriorityQueue):  # type: ignore[misc]
    """The shared priority queue of one spider; popped requests stay leased until acknowledged.

    A request pushed while it carries a lease (a retry or a redirect of a leased request)
    acknowledges that lease once it is queued: the work lives on in the queue.
    """

    def __init__(self, server: Any, spider: Spider, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer)
        settings = spider.settings
        self.leases = LeaseStore(server, spider_keys(settings, spider.name), settings.getfloat("REDIS_LEASE_TIMEOUT"))

    def push(self, request: Request) -> None:
        lease = request.meta.pop(LEASE_META_KEY, None)
        super().push(request)  # queued before the lease goes: a crash in between fetches it twice, never not at all
        if lease is not None:
            self.leases.ack(lease)

    def ack_carried(self, request: Request) -> None:
        """Acknowledge the lease ``request`` carries from the leased request it came from, if any."""
        lease = request.meta.pop(LEASE_META_KEY, None)
        if lease is not None:
            self.leases.ack(lease)

    def pop(self, timeout: int = 0) -> Request | None:
        taken = self.leases.pop()
        if taken is None:
            return None
        lease, data = taken
        request: Request = self._decode_request(data)
        request.meta[LEASE_META_KEY] = lease
        return request

    def requeue_expired(self) -> int:
        """Give the expired leases of dead or stuck workers back to the queue; log each URL."""
        return self._log_requeued(self.leases.requeue_expired(), "expired lease")

    def release_held(self) -> int:
        """Give this worker's unfinished requests back to the queue (a clean stop)."""
        return self._log_requeued(self.leases.release_held(), "released by a stopping worker")

    def _log_requeued(self, moved: list[bytes], why: str) -> int:
        for data in moved:
            url = self.serializer.loads(data).get("url", "?")
            logger.warning("back in the shared queue (%s): %s", why, url)
        return len(moved)
