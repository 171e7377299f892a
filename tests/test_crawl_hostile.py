"""Hostile hosts, crawled for real: Retry-After, verification walls and spider traps (issue #9).

Every crawl runs `zhengwen crawl` in a child process through tests/hostileserver.py,
used as the HTTP proxy for made-up host names (no DNS, no internet).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from crawlhelpers import FAST, CrawlRun, zhengwen_crawl

SERVER = Path(__file__).resolve().parent / "hostileserver.py"


class Hostile:
    def __init__(self, url: str):
        self.url = url

    def env(self) -> dict[str, str]:
        return {"http_proxy": self.url, "HTTP_PROXY": self.url, "no_proxy": "", "NO_PROXY": ""}

    def log(self) -> list[tuple[float, str, str]]:
        """Every request the server saw: (seconds since its start, host, path?query)."""
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(f"{self.url}/_log") as answer:
            return [tuple(entry) for entry in json.load(answer)]

    def times(self, host: str, prefix: str = "/") -> list[float]:
        return [t for t, h, target in self.log() if h == host and target.startswith(prefix) and target != "/robots.txt"]


@pytest.fixture(scope="module")
def hostile() -> Iterator[Hostile]:
    proc = subprocess.Popen([sys.executable, str(SERVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None
        yield Hostile(proc.stdout.readline().decode().strip())
    finally:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.close()
        proc.wait(10)
        proc.stdout.close()


def stat(run: CrawlRun, key: str) -> int:
    match = re.search(rf"'{re.escape(key)}': (\d+)", run.stderr)
    return int(match.group(1)) if match else 0


def crawl(hostile: Hostile, tmp_path: Path, urls: list[str], *settings: str, spider: str = "news") -> CrawlRun:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("\n".join(urls) + "\n", encoding="utf-8")
    return zhengwen_crawl([spider, "--seeds", str(seeds), "-v", *FAST, *settings], hostile.env(), tmp_path / "out")


@pytest.mark.parametrize(("key", "value", "wait"), [("a429", "3", 3.0), ("503b", "3", 3.0), ("d429", "date+4", 3.0)])
def test_retry_after_pauses_only_that_host_then_retries(hostile: Hostile, tmp_path: Path, key: str, value: str,
                                                        wait: float) -> None:
    other = [f"http://fast-{key}.example/page/{n}" for n in range(4)]
    run = crawl(hostile, tmp_path, [f"http://slow-{key}.example/ra/{key}/{value}", *other])
    assert run.returncode == 0, run.explain()
    first, retried = hostile.times(f"slow-{key}.example", "/ra/")
    assert retried - first >= wait - 0.2, (first, retried)
    # The other host was not paused: all its pages came during the pause.
    assert len(hostile.times(f"fast-{key}.example")) == 4
    assert max(hostile.times(f"fast-{key}.example")) < first + wait
    assert stat(run, "retry_after/count") == 1
    assert "pausing slow-" in run.stderr


def test_retry_after_beyond_the_max_is_cut_to_it(hostile: Hostile, tmp_path: Path) -> None:
    run = crawl(hostile, tmp_path, ["http://capped.example/ra/cap/86400"], "-s", "RETRY_AFTER_MAX=1")
    assert run.returncode == 0, run.explain()
    first, retried = hostile.times("capped.example", "/ra/")
    assert 0.8 <= retried - first < 30
    assert (stat(run, "retry_after/capped_count"), stat(run, "retry_after/count")) == (1, 1)


def test_wechat_verification_wall_backs_the_host_off_then_gives_it_up(hostile: Hostile, tmp_path: Path) -> None:
    urls = [f"http://mp.weixin.qq.com/s?__biz=MzA5NzQ4OTQ2MA==&mid={n}&idx=1&sn=ab{n}" for n in range(1, 7)]
    # A short politeness delay (the profile has 5 s) lets each page be typed before the next is sent.
    run = crawl(hostile, tmp_path, urls, "-s", "DOWNLOAD_DELAY=0.5", "-s", "BLOCKED_BACKOFF_DELAY=1",
                "-s", "BLOCKED_BACKOFF_MAX_PAGES=3",
                spider="wechat")
    times = hostile.times("mp.weixin.qq.com", "/s?")
    assert len(times) == 3, times  # three walls in a row, then the host is given up
    assert times[1] - times[0] >= 0.9 and times[2] - times[1] >= 1.9  # 1 s, then 2 s
    assert [d["page_type"] for d in run.documents] == ["blocked"] * 3
    assert stat(run, "skip/reason_count/host_blocked") == 3
    assert (stat(run, "backoff/blocked_page_count"), stat(run, "backoff/stopped_host_count")) == (3, 1)
    assert "mp.weixin.qq.com served 3 blocked pages in a row" in run.stderr


@pytest.fixture(scope="module")
def trap_crawl(hostile: Hostile, tmp_path_factory: pytest.TempPathFactory) -> CrawlRun:
    """One crawl of four trap sites, deep enough that only the trap rules bound it."""
    year = date.today().year
    urls = [f"http://cal.example/calendar?year={year}&month=1", "http://loop.example/loop/",
            "http://sess.example/sess/1", "http://many.example/many/0"]
    return crawl(hostile, tmp_path_factory.mktemp("traps"), urls, "-s", "DEPTH_LIMIT=8",
                 "-s", "TRAP_HOST_PAGE_LIMIT=10", "-s", "TRAP_CALENDAR_YEARS_BACK=0", "-s", "TRAP_CALENDAR_YEARS_AHEAD=0")


def _targets(hostile: Hostile, host: str) -> list[str]:
    return [target for _t, h, target in hostile.log() if h == host and target != "/robots.txt"]


def test_endless_calendar_stays_within_the_year_window(hostile: Hostile, trap_crawl: CrawlRun) -> None:
    assert trap_crawl.returncode == 0, trap_crawl.explain()
    years = {int(re.search(r"year=(\d+)", t).group(1)) for t in _targets(hostile, "cal.example")}
    assert years == {date.today().year}
    assert stat(trap_crawl, "skip/reason_count/calendar_trap") >= 1
    assert re.search(r"skip \(calendar_trap\): http://cal\.example/calendar\?year=\d+", trap_crawl.stderr)


def test_growing_relative_paths_stop_at_repeated_segments(hostile: Hostile, trap_crawl: CrawlRun) -> None:
    assert _targets(hostile, "loop.example") == ["/loop/", "/loop/a/", "/loop/a/a/"]
    assert stat(trap_crawl, "skip/reason_count/repeated_path_segments") == 1


def test_session_ids_are_stripped_so_one_page_is_fetched_once(hostile: Hostile, trap_crawl: CrawlRun) -> None:
    assert _targets(hostile, "sess.example") == ["/sess/1", "/page/1"]
    assert stat(trap_crawl, "trap/session_id_stripped_count") == 2


def test_per_host_page_cap_bounds_an_endless_site(hostile: Hostile, trap_crawl: CrawlRun) -> None:
    assert len(_targets(hostile, "many.example")) == 10
    assert stat(trap_crawl, "skip/reason_count/host_page_limit") >= 1
    assert "many.example reached TRAP_HOST_PAGE_LIMIT (10 pages)" in trap_crawl.stderr


def test_depth_limit_bounds_an_endless_site_by_default(hostile: Hostile, tmp_path: Path) -> None:
    run = crawl(hostile, tmp_path, ["http://deep.example/many/0"])  # the news profile's depth, 2
    assert run.returncode == 0, run.explain()
    assert len(_targets(hostile, "deep.example")) == 1 + 5 + 25
    assert stat(run, "depth/request_ignored_count") > 0
