"""Seeds of a distributed crawl: pushed once per run to ``P:SPIDER:start_urls``, taken by any worker.

``zhengwen seed --redis`` starts a run: it clears the spider's frontier and pushes the
seed list. A worker that finds the frontier never seeded (no ``P:SPIDER:seeded``) pushes
its own seeds first (the first worker does it); any worker takes start URLs as it starts
and whenever it is idle, so seeds pushed while workers run are crawled too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured

from crawler.distributed.keys import SpiderKeys, connect, spider_keys

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

#: Start URLs taken from Redis at a time.
TAKE_BATCH = 100


def reset_frontier(server: Any, keys: SpiderKeys) -> None:
    """Forget the spider's last run: queue, seen set, leases, start URLs, the seeded mark."""
    server.delete(*keys.frontier())


def push_seeds(server: Any, keys: SpiderKeys, urls: list[str]) -> None:
    """Queue ``urls`` as start URLs and mark the run seeded."""
    pipe = server.pipeline()
    if urls:
        pipe.rpush(keys.start_urls, *urls)
    pipe.set(keys.seeded, "1")
    pipe.execute()


def claim_seeding(server: Any, keys: SpiderKeys) -> bool:
    """True for the one worker that seeds a never-seeded frontier."""
    return bool(server.set(keys.seeded, "1", nx=True))


def take_start_urls(server: Any, keys: SpiderKeys) -> list[str]:
    """Take up to TAKE_BATCH start URLs (each goes to one worker only)."""
    taken = server.lpop(keys.start_urls, TAKE_BATCH) or []
    return [u.decode("utf-8") if isinstance(u, bytes) else str(u) for u in taken]


class RedisStartMiddleware:
    """Spider middleware: the start requests of a worker come from the shared start URLs.

    The spider's own seeds are scheduled by the first worker of a never-seeded run only;
    the shared dupefilter would drop them anyway, but a new run begins with
    ``zhengwen seed --redis`` and its seeds, not with every worker's.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.server = connect(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("REDIS_URL is not set")
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        """Put the run's seeds into the shared queue at once, and yield nothing.

        Scrapy takes start requests lazily (only while its scheduler is empty); a worker
        killed before it had taken them all would lose seeds no other worker has.
        """
        spider = self.crawler.spider
        engine = self.crawler.engine
        keys = spider_keys(self.crawler.settings, spider.name)
        own = [request async for request in start]
        scheduled = start_requests(self.server, keys, spider)
        if claim_seeding(self.server, keys):
            logger.info("%s: first worker of the run, scheduling its %d seed(s)", spider.name, len(own))
            if self.crawler.stats is not None:
                self.crawler.stats.set_value("redis/seeded_by_this_worker", len(own))
            scheduled = own + scheduled
        for request in scheduled:
            engine.crawl(request)
        return
        yield  # an async generator that yields nothing


def start_requests(server: Any, keys: SpiderKeys, spider: Any) -> list[Any]:
    """Requests for the start URLs this worker takes now (the spider's ``seed_request``)."""
    return [spider.seed_request(url) for url in take_start_urls(server, keys)]
