"""A killed worker loses no link: a URL marked seen is queued, leased or done (the scheduler on a real Redis)."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from crawler.distributed.addon import RedisAddon
from crawler.distributed.scheduler import LeasedRedisScheduler

PAGE = "https://www.gov.cn/zhengce/index.html"


def scheduler(redis_url: str) -> Any:
    """The shared scheduler of a `gov` spider, open, as a worker has it."""
    settings = {"REDIS_URL": redis_url, "REDIS_KEY_PREFIX": "zhengwen", "REDIS_LEASE_TIMEOUT": 60.0,
                "ADDONS": {RedisAddon: 0}}
    crawler = get_crawler(Spider, settings)
    crawler.spider = crawler._create_spider("gov")
    opened = LeasedRedisScheduler.from_crawler(crawler)
    opened.open(crawler.spider)
    return opened


def test_a_request_that_cannot_be_queued_is_not_marked_seen(redis_url: str) -> None:
    shared = scheduler(redis_url)
    with pytest.raises(ValueError, match="not an instance method"):  # a callback Redis cannot store
        shared.enqueue_request(Request(PAGE, callback=lambda response: None))
    assert shared.enqueue_request(Request(PAGE)) is True
    assert len(shared.queue) == 1


def test_a_redirect_to_a_url_already_seen_ends_the_lease_it_carries(redis_url: str) -> None:
    shared = scheduler(redis_url)
    assert shared.enqueue_request(Request(PAGE)) and shared.enqueue_request(Request(PAGE + "?old", priority=1))
    leased = shared.next_request()  # ?old, the first by priority
    assert shared.queue.leases.outstanding() == 1
    assert shared.enqueue_request(leased.replace(url=PAGE)) is False
    assert shared.queue.leases.outstanding() == 0 and len(shared.queue) == 1

