"""A worker killed as it starts loses no seed: a start URL leaves Redis only once it is queued.

Real workers on a real Redis, killed at one exact Redis command (tests/redisrelay.py): the
first request they send to the shared queue, which is the first of the seeds they took.
"""

from __future__ import annotations

import hashlib
import signal
from pathlib import Path

from capturesite import CaptureSite
from crawlhelpers import CrawlRun
from distributedhelpers import finish, not_robots, response_counts, seed, start_worker
from redisrelay import KILL, redis_relay

from crawler.distributed.leases import _PUSH
from crawler.urls import canonicalize

#: The capture host's root and two of its pages: the seeds of the `news` spider here.
SEEDS = [CaptureSite.root, CaptureSite.plain, CaptureSite.gbk]
#: What a worker sends as it queues a request: EVALSHA of the push script (crawler/distributed/leases.py).
QUEUE_PUSH = hashlib.sha1(_PUSH.encode()).hexdigest().encode()


def news_seeds(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "news.txt").write_text("\n".join(SEEDS) + "\n", encoding="utf-8")
    return tmp_path / "seeds"


def killed_then_survived(fixture_web, redis_url: str, seeds: Path, tmp_path: Path) -> tuple[Path, str]:
    """A worker killed as it queues its first request, then one more worker: its folder and stderr."""
    with redis_relay(redis_url, [QUEUE_PUSH], KILL) as relay:
        victim = start_worker(fixture_web, relay.url, seeds, tmp_path / "a", "news")
        relay.pid = victim.pid
        code, _, err = finish(victim)
    assert relay.fired is not None and code == -signal.SIGKILL, err[-4000:]
    assert response_counts([tmp_path / "a"]) == {}  # it fetched nothing
    code, _, err = finish(start_worker(fixture_web, redis_url, seeds, tmp_path / "b", "news"))
    assert code == 0, err[-4000:]
    return tmp_path / "b", err


def assert_crawled_all(capture_crawl: CrawlRun, folder: Path) -> None:
    fetched = set(response_counts([folder]))
    assert sorted(canonicalize(url) for url in SEEDS if canonicalize(url) not in fetched) == []
    assert sorted(set(not_robots(response_counts([capture_crawl.out]))) - fetched) == []


def test_a_worker_killed_right_after_taking_start_urls_loses_none(fixture_web, capture_crawl: CrawlRun,
                                                                  redis_url: str, tmp_path: Path) -> None:
    seeds = news_seeds(tmp_path)
    started = seed(redis_url, "news", "--seeds", str(seeds / "news.txt"))
    assert started.returncode == 0, started.stderr
    assert f"news: {len(SEEDS)} seed URL(s) pushed" in started.stdout
    survivor, err = killed_then_survived(fixture_web, redis_url, seeds, tmp_path)
    assert_crawled_all(capture_crawl, survivor)
    assert "first worker of the run" not in err  # the seeds came from `zhengwen seed`, through the start URLs


def test_a_worker_killed_right_after_claiming_the_seeding_loses_no_seed(fixture_web, capture_crawl: CrawlRun,
                                                                        redis_url: str, tmp_path: Path) -> None:
    # No `zhengwen seed`: the victim claims the run's seeding with its own seeds, then dies.
    survivor, err = killed_then_survived(fixture_web, redis_url, news_seeds(tmp_path), tmp_path)
    assert "first worker of the run" not in err  # the survivor did not seed the run again: it took the victim's
    assert_crawled_all(capture_crawl, survivor)
