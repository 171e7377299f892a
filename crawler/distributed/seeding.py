"""Seeds of a distributed crawl: pushed once per run to ``P:SPIDER:start_urls``, taken by any worker.

``zhengwen seed --redis`` starts a run: it clears the spider's frontier, pushes the seed
list and marks the frontier seeded for that run (``P:SPIDER:seeded`` holds the run id). A
worker that finds the frontier not seeded for its run (the mark of an older run, or none)
clears it and pushes its own seeds (the first worker of the spider does it); any worker
takes start URLs as it starts and whenever it is idle, so seeds pushed while workers run
are crawled too. Under ``scrapy crawl`` (no run id) a frontier is seeded once, ever.
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


#: The seeded mark of a frontier seeded outside any run (``scrapy crawl``).
NO_RUN = "1"

# KEYS: seeded, then the rest of the frontier. ARGV: the run id ('' outside a run).
_CLAIM = """
local mark = redis.call('GET', KEYS[1])
if (ARGV[1] == '' and mark) or (ARGV[1] ~= '' and mark == ARGV[1]) then return 0 end
if ARGV[1] ~= '' then redis.call('DEL', unpack(KEYS)) end
redis.call('SET', KEYS[1], ARGV[1] == '' and '1' or ARGV[1])
return 1
"""


def push_seeds(server: Any, keys: SpiderKeys, urls: list[str], run_id: str) -> None:
    """Queue ``urls`` as start URLs and mark the frontier seeded for run ``run_id``."""
    pipe = server.pipeline()
    if urls:
        pipe.rpush(keys.start_urls, *urls)
    pipe.set(keys.seeded, run_id or NO_RUN)
    pipe.execute()


def claim_seeding(server: Any, keys: SpiderKeys, run_id: str) -> bool:
    """True for the one worker that seeds a frontier not yet seeded for run ``run_id`` (it is cleared first)."""
    rest = [k for k in keys.frontier() if k != keys.seeded]
    return bool(server.register_script(_CLAIM)(keys=[keys.seeded, *rest], args=[run_id or ""]))


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
        claimed = claim_seeding(self.server, keys, self.crawler.settings.get("CRAWL_RUN_ID") or "")
        scheduled = start_requests(self.server, keys, spider)  # after the claim, which clears an older run's
        if claimed:
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
