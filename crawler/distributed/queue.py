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
    acknowledges that lease in the same step as it is queued: the work lives on in the queue.
    """

    def __init__(self, server: Any, spider: Spider, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer)
        settings = spider.settings
        self.leases = LeaseStore(server, spider_keys(settings, spider.name), settings.getfloat("REDIS_LEASE_TIMEOUT"))

    def push(self, request: Request, fingerprint: str | None = None) -> bool:
        """Queue ``request`` unless ``fingerprint`` is in the seen set; end the lease it carries.

        The seen mark, the queue entry and the end of the carried lease are one step in
        Redis (crawler/distributed/leases.py): a URL marked seen is always queued, leased or
        done. False when ``fingerprint`` was seen already (nothing queued).
        """
        lease = request.meta.pop(LEASE_META_KEY, None)
        return self.leases.push(request.priority, self._encode_request(request), fingerprint, lease)

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
