"""A killed worker loses no link: a URL marked seen is queued, leased or done, and a lease outlives its links.

The scheduler is tested on a real Redis; the crash, on real workers killed at one exact
Redis command (tests/redisrelay.py) while they queue a page's links.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Any

import pytest
from capturesite import CaptureSite
from crawlhelpers import CrawlRun
from distributedhelpers import finish, not_robots, response_counts, start_worker
from redisrelay import KILL, REFUSE, redis_relay
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


def capture_seeds(tmp_path: Path) -> Path:
    """A seed folder whose one seed is the capture host's root (a `news` seed): its links are no other page's."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "news.txt").write_text(CaptureSite.root + "\n", encoding="utf-8")
    return tmp_path / "seeds"


#: The root's links as a worker sends them to Redis.
LINKS = [url.encode() for url, _ in CaptureSite.listed() if url.isascii()]


def test_a_worker_killed_while_queueing_a_pages_links_loses_none(fixture_web, capture_crawl: CrawlRun,
                                                                  redis_url: str, tmp_path: Path) -> None:
    seeds = capture_seeds(tmp_path)
    # The victim crawls the capture root alone and dies as it sends the first of the root's links to Redis.
    with redis_relay(redis_url, LINKS, KILL) as relay:
        victim = start_worker(fixture_web, relay.url, seeds, tmp_path / "a", "news")
        relay.pid = victim.pid
        code, _, err = finish(victim)
    assert relay.fired is not None and code == -signal.SIGKILL, err[-4000:]
    code, _, err = finish(start_worker(fixture_web, redis_url, seeds, tmp_path / "b", "news"))
    assert code == 0, err[-4000:]
    missing = set(not_robots(response_counts([capture_crawl.out]))) - set(response_counts([tmp_path / "b"]))
    assert sorted(missing) == []
    # The root was still leased when the victim died: the survivor took it over and queued its links.
    assert f"back in the shared queue (expired lease): {CaptureSite.root}" in err


def test_a_link_redis_refused_leaves_its_page_leased_to_be_fetched_again(fixture_web, capture_crawl: CrawlRun,
                                                                         redis_url: str, tmp_path: Path) -> None:
    with redis_relay(redis_url, LINKS, REFUSE) as relay:
        code, _, err = finish(start_worker(fixture_web, relay.url, capture_seeds(tmp_path), tmp_path / "a", "news"))
    assert relay.fired is not None and code == 0, err[-4000:]
    assert f"could not queue {relay.fired.decode()}, linked from {CaptureSite.root}" in err
    assert f"back in the shared queue (expired lease): {CaptureSite.root}" in err
    missing = set(not_robots(response_counts([capture_crawl.out]))) - set(response_counts([tmp_path / "a"]))
    assert sorted(missing) == []
    [record] = (tmp_path / "a" / "runs").glob("*.json")
    assert json.loads(record.read_text("utf-8"))["stats"]["news"]["redis/enqueue_error_count"] == 1
