"""A worker of a distributed crawl: ends after the shared frontier stayed empty, says how it goes.

scrapy-redis ends a worker in ``RedisMixin.spider_idle`` once nothing arrived for
``MAX_IDLE_TIME_BEFORE_CLOSE`` seconds; zhengwen's spiders are not ``RedisSpider``s, so this
extension does the same with the same setting, counting as work what other workers hold:
the queue, the start URLs and every worker's unexpired leases (a busy worker may still
queue links; a killed one's leases come back when they expire). 0 waits forever.

Every REDIS_HEARTBEAT_INTERVAL seconds the worker writes one JSON line to ``P:workers``
under ``host:pid``: spider, state, pages, pages per minute, queue length (docs/distributed.md),
and renews its hold on the run lock (crawler/distributed/runlock.py).
"""

from __future__ import annotations

import json
import logging
import time
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from twisted.internet import task

from crawler.distributed.keys import connect, run_keys, spider_keys, workers_key
from crawler.distributed.leases import worker_id
from crawler.distributed.runlock import renew
from crawler.distributed.seeding import schedule_start_urls

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class RedisWorkerExtension:
    """Idle close over the shared frontier, and the worker's progress line in Redis."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.settings = crawler.settings
        self.server = connect(crawler.settings)
        self.max_idle = crawler.settings.getfloat("MAX_IDLE_TIME_BEFORE_CLOSE")
        self.idle_since: float | None = None
        self.worker = worker_id()
        self.started = time.time()
        self.last = (self.started, 0)
        self.heartbeat: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("REDIS_URL is not set")
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.heartbeat = task.LoopingCall(self.report, spider, "running")
        self.heartbeat.start(self.settings.getfloat("REDIS_HEARTBEAT_INTERVAL"), now=True)

    def spider_idle(self, spider: Spider) -> None:
        keys = spider_keys(self.settings, spider.name)
        pipe = self.server.pipeline()
        pipe.zcard(keys.requests).zcard(keys.leases).llen(keys.start_urls)
        queued, leased, seeds = pipe.execute()
        if seeds and self.crawler.engine is not None:
            schedule_start_urls(self.crawler, self.server, keys)
        if queued or leased or seeds:
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self.idle_since = self.idle_since or now
        if self.max_idle <= 0 or now - self.idle_since < self.max_idle:
            raise DontCloseSpider
        logger.info("%s: the shared queue stayed empty for %.0f s: this worker ends", spider.name, self.max_idle)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        self.report(spider, f"closed ({reason})")

    def report(self, spider: Spider, state: str) -> None:
        """Write this worker's progress line (a failure to write is logged, not fatal)."""
        stats = self.crawler.stats
        pages = int(stats.get_value("response_received_count", 0)) if stats is not None else 0
        now = time.time()
        then, before = self.last
        self.last = (now, pages)
        rate = (pages - before) * 60 / (now - then) if now > then else 0.0
        try:
            queued = int(self.server.zcard(spider_keys(self.settings, spider.name).requests))
            line = {"spider": spider.name, "state": state, "pages": pages, "pages_per_minute": round(rate, 1),
                    "queued": queued, "started": round(self.started), "updated": round(now)}
            self.server.hset(workers_key(self.settings), f"{self.worker}:{spider.name}", json.dumps(line))
            renew(self.server, run_keys(self.settings), self.worker, self.settings.getfloat("REDIS_RUN_LOCK_TIMEOUT"))
        except RedisError as exc:  # a heartbeat must never stop the crawl
            if stats is not None:
                stats.inc_value("redis/heartbeat_error_count")
            logger.warning("could not write the progress of %s to Redis (nor renew its hold on the run): %s",
                           self.worker, exc)
