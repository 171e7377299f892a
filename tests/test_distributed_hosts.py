"""Politeness for the cluster: two workers' middlewares on one real Redis share host pauses and tallies.

Each "worker" is a crawler of its own (``get_crawler``) with the same REDIS_URL, as two
processes would be; what one does to a host, the other sees.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from crawler.distributed.middlewares import ClusterPolitenessMiddleware
from crawler.extract.pagetype import BLOCKED
from crawler.politeness import BlockedBackoffMiddleware, HostBlocked, RetryAfterMiddleware
from crawler.traps import HostPageLimit, HostPageLimitMiddleware

HOST = "www.gov.cn"
PAGE = f"https://{HOST}/zhengce/content_1.html"
SETTINGS = {
    "REDIS_KEY_PREFIX": "zhengwen", "REDIS_HOST_LEASE_TIMEOUT": 90.0, "CRAWL_RUN_ID": "R1",
    "TRAP_ENABLED": True, "TRAP_HOST_PAGE_LIMIT": 3,
    "BLOCKED_BACKOFF_ENABLED": True, "BLOCKED_BACKOFF_DELAY": 60.0, "BLOCKED_BACKOFF_MAX_DELAY": 600.0,
    "BLOCKED_BACKOFF_MAX_PAGES": 3,
    "RETRY_ENABLED": True, "RETRY_TIMES": 2, "RETRY_AFTER_ENABLED": True, "RETRY_AFTER_HTTP_CODES": [503],
    "RETRY_AFTER_MAX": 300.0,
}


@dataclass
class Worker:
    """The middlewares of one worker of the cluster."""

    crawler: Any
    politeness: ClusterPolitenessMiddleware

    def build(self, cls: type) -> Any:
        return build_from_crawler(cls, self.crawler)


@dataclass
class Page:
    url: str
    page_type: str


def worker(redis_url: str, **settings: Any) -> Worker:
    crawler = get_crawler(Spider, {**SETTINGS, "REDIS_URL": redis_url, **settings})
    crawler.spider = crawler._create_spider("gov")
    crawler.engine = crawler._create_engine()  # its downloader holds the (local) host slots
    return Worker(crawler, build_from_crawler(ClusterPolitenessMiddleware, crawler))


def wait_for_slot(w: Worker) -> float:
    """Seconds the worker's next request to HOST must wait (0: it may go now)."""
    token, wait = w.politeness.leases.try_acquire(HOST, 1, 0.0)
    if token is not None:
        w.politeness.leases.release(HOST, token)
    return wait


def test_the_host_page_limit_counts_every_workers_requests(redis_url: str) -> None:
    a, b = (worker(redis_url).build(HostPageLimitMiddleware) for _ in range(2))
    a.process_request(Request(PAGE + "?1"))
    a.process_request(Request(PAGE + "?2"))
    b.process_request(Request(PAGE + "?3"))
    with pytest.raises(HostPageLimit):
        b.process_request(Request(PAGE + "?4"))
    with pytest.raises(HostPageLimit):
        a.process_request(Request(PAGE + "?5"))
    worker(redis_url, CRAWL_RUN_ID="R2").build(HostPageLimitMiddleware).process_request(Request(PAGE))  # a new run


def test_a_retry_after_pauses_the_host_for_every_worker(redis_url: str) -> None:
    a, b = worker(redis_url), worker(redis_url)
    assert wait_for_slot(b) == 0
    request = Request(PAGE)
    answer = HtmlResponse(PAGE, status=503, headers={"Retry-After": "30"}, request=request)
    assert isinstance(a.build(RetryAfterMiddleware).process_response(request, answer), Request)
    assert 28 < wait_for_slot(b) <= 30
    assert a.crawler.stats.get_value("redis/host_pause_count") == 1


def test_blocked_pages_on_two_workers_add_up_and_the_host_is_given_up_by_all(redis_url: str) -> None:
    a, b = worker(redis_url), worker(redis_url)
    back_a, back_b = a.build(BlockedBackoffMiddleware), b.build(BlockedBackoffMiddleware)
    blocked = [Page(f"{PAGE}?{n}", BLOCKED) for n in range(3)]
    back_a.item_scraped(blocked[0], HtmlResponse(blocked[0].url, request=Request(blocked[0].url)))
    back_b.item_scraped(Page(PAGE, "article"), HtmlResponse(PAGE, request=Request(PAGE)))  # resets the streak
    started = time.time()
    for page in blocked:
        back_a.item_scraped(page, HtmlResponse(page.url, request=Request(page.url)))
        if page is blocked[1]:
            assert 110 < wait_for_slot(b) <= 120  # the second in a row: 2 × 60 s, for b too
    assert time.time() - started < 5
    assert a.crawler.stats.get_value("backoff/stopped_host_count") == 1
    with pytest.raises(HostBlocked):
        back_b.process_request(Request(PAGE + "?later"))
