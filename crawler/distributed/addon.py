"""The switch: with ``REDIS_URL`` set, the crawl runs on scrapy-redis; without it nothing changes.

A Scrapy add-on (``ADDONS`` in crawler/settings.py), so it sees the final settings —
``-s REDIS_URL=…``, the environment variable (read in crawler/settings.py), ``scrapy crawl``
as well as ``zhengwen crawl`` — before any component is built.
"""

from __future__ import annotations

from typing import Any

#: Settings a distributed crawl runs with (scrapy-redis' names).
REDIS_SETTINGS = {
    "SCHEDULER": "crawler.distributed.scheduler.LeasedRedisScheduler",
    "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
    "SCHEDULER_QUEUE_CLASS": "crawler.distributed.queue.LeasedPriorityQueue",
    # Never flush on close: the other workers still use the frontier (crawler/distributed/scheduler.py).
    "SCHEDULER_PERSIST": True,
}
#: Components added, with their order.
REDIS_COMPONENTS = {
    "DOWNLOADER_MIDDLEWARES": {
        # Outermost: the last to see an exception, so only failures nobody retried are acknowledged.
        "crawler.distributed.middlewares.LeaseAckDownloaderMiddleware": 10,
        # After every middleware that may refuse or pause a request: the slot is taken just before download.
        "crawler.distributed.middlewares.ClusterPolitenessMiddleware": 950,
    },
    "SPIDER_MIDDLEWARES": {
        "crawler.distributed.seeding.RedisStartMiddleware": 10,
        # Outermost: it queues every request of the callback and of the other middlewares, then acks.
        "crawler.distributed.middlewares.LeaseAckSpiderMiddleware": 5,
    },
    "EXTENSIONS": {"crawler.distributed.worker.RedisWorkerExtension": 600},
}


class RedisAddon:
    """Switch to scrapy-redis' scheduler and dupefilter and add the cluster's components."""

    def update_settings(self, settings: Any) -> None:
        if not settings.get("REDIS_URL"):
            return
        from crawler.distributed.keys import prefix

        for name, value in REDIS_SETTINGS.items():
            settings.set(name, value, priority="addon")
        settings.set("SCHEDULER_QUEUE_KEY", f"{prefix(settings)}:%(spider)s:requests", priority="addon")
        settings.set("SCHEDULER_DUPEFILTER_KEY", f"{prefix(settings)}:%(spider)s:dupefilter", priority="addon")
        for setting, components in REDIS_COMPONENTS.items():
            for path, order in components.items():
                settings.set_in_component_priority_dict(setting, path, order)
