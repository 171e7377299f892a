"""Seeds of a distributed crawl: pushed once per run to ``P:SPIDER:start_urls``, taken by any worker.

``zhengwen seed --redis`` starts a run: it clears the spider's frontier, pushes the seed
list and marks the frontier seeded for that run (``P:SPIDER:seeded`` holds the run id). A
worker that finds the frontier not seeded for its run (the mark of an older run, or none)
clears it, marks it and pushes its own seed URLs to the start URLs, in one Lua script
(the first worker of the spider does it); any worker takes start URLs as it starts and
whenever it is idle, so seeds pushed while workers run are crawled too. Under ``scrapy
crawl`` (no run id) a frontier is seeded once, ever.

A start URL leaves the shared list only once its request is in the shared queue: a worker
reads the head of the list, schedules each URL (marked seen and queued in one step,
crawler/distributed/scheduler.py), then removes one occurrence of each URL it scheduled.
A worker killed before the removal leaves them for the next taker; two workers that read
the same head both schedule them, and the seen set drops the second (a seed request is
filtered), so a seed is fetched once and never lost.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError
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

# KEYS: seeded, start URLs, then the rest of the frontier. ARGV: the run id ('' outside a
# run), then the claimer's seed URLs: marked and pushed in one step, so a claimer killed
# right after leaves them to the other workers.
_CLAIM = """
local mark = redis.call('GET', KEYS[1])
if (ARGV[1] == '' and mark) or (ARGV[1] ~= '' and mark == ARGV[1]) then return 0 end
if ARGV[1] ~= '' then redis.call('DEL', unpack(KEYS)) end
redis.call('SET', KEYS[1], ARGV[1] == '' and '1' or ARGV[1])
for i = 2, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
return 1
"""


def push_seeds(server: Any, keys: SpiderKeys, urls: list[str], run_id: str) -> None:
    """Queue ``urls`` as start URLs and mark the frontier seeded for run ``run_id``."""
    pipe = server.pipeline()
    if urls:
        pipe.rpush(keys.start_urls, *urls)
    pipe.set(keys.seeded, run_id or NO_RUN)
    pipe.execute()


def claim_seeding(server: Any, keys: SpiderKeys, run_id: str, urls: list[str]) -> bool:
    """True for the one worker that seeds a frontier not yet seeded for run ``run_id``.

    That worker's claim clears the frontier, marks it seeded and pushes ``urls`` to the
    start URLs, all in one step.
    """
    rest = [k for k in keys.frontier() if k not in (keys.seeded, keys.start_urls)]
    claim = server.register_script(_CLAIM)
    return bool(claim(keys=[keys.seeded, keys.start_urls, *rest], args=[run_id or "", *urls]))


def take_start_urls(server: Any, keys: SpiderKeys) -> list[str]:
    """Read up to TAKE_BATCH start URLs at the head of the list; they stay there (see ``drop_start_urls``)."""
    taken = server.lrange(keys.start_urls, 0, TAKE_BATCH - 1) or []
    return [u.decode("utf-8") if isinstance(u, bytes) else str(u) for u in taken]


def drop_start_urls(server: Any, keys: SpiderKeys, urls: list[str]) -> None:
    """Remove one occurrence of each of ``urls``, now queued, from the start URLs (searched from the head)."""
    if urls:
        pipe = server.pipeline(transaction=False)
        for url in urls:
            pipe.lrem(keys.start_urls, 1, url)
        pipe.execute()


def schedule_start_urls(crawler: Crawler, server: Any, keys: SpiderKeys) -> int:
    """Schedule the start URLs at the head of the shared list, then remove those scheduled.

    Each becomes the spider's ``seed_request`` and goes through ``engine.crawl``, which
    queues it in Redis at once. A start URL Redis refused stays in the list for the next take
    (counted, logged with its URL). Returns how many were scheduled.
    """
    spider, stats = crawler.spider, crawler.stats
    scheduled: list[str] = []
    for url in take_start_urls(server, keys):
        try:
            crawler.engine.crawl(spider.seed_request(url))
        except RedisError as exc:
            if stats is not None:
                stats.inc_value("redis/start_url_error_count")
            logger.error("could not queue the start URL %s (it stays in the shared list): %s", url, exc)
            continue
        scheduled.append(url)
    try:
        drop_start_urls(server, keys, scheduled)
    except RedisError as exc:  # they are queued: taken again, the seen set drops them
        if stats is not None:
            stats.inc_value("redis/start_url_error_count", len(scheduled))
        logger.error("could not remove %d queued start URL(s) from the shared list (%s): %s",
                     len(scheduled), ", ".join(scheduled), exc)
    if stats is not None and scheduled:
        stats.inc_value("redis/start_url_count", len(scheduled))
    return len(scheduled)


class RedisStartMiddleware:
    """Spider middleware: the start requests of a worker come from the shared start URLs.

    The spider's own seeds go to the start URLs from the first worker of a never-seeded
    run only; the shared dupefilter would drop them anyway, but a new run begins with
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
        """Claim the run's seeding (pushing the spider's seed URLs), take start URLs, and yield nothing.

        Scrapy takes start requests lazily (only while its scheduler is empty); a worker
        killed before it had taken them all would lose seeds no other worker has. The
        spider's start requests are its ``seed_request(url)`` (meta ``seed`` holds the URL),
        so the URL alone rebuilds each.
        """
        spider = self.crawler.spider
        keys = spider_keys(self.crawler.settings, spider.name)
        own = [request.meta.get("seed", request.url) async for request in start]
        if claim_seeding(self.server, keys, self.crawler.settings.get("CRAWL_RUN_ID") or "", own):
            logger.info("%s: first worker of the run, pushed its %d seed(s) to the start URLs", spider.name, len(own))
            if self.crawler.stats is not None:
                self.crawler.stats.set_value("redis/seeded_by_this_worker", len(own))
        schedule_start_urls(self.crawler, self.server, keys)  # after the claim, which clears an older run's
        return
        yield  # an async generator that yields nothing
