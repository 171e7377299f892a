"""Start `zhengwen crawl` workers of a distributed crawl (REDIS_URL) on the fixture web; read what they did."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

from crawlhelpers import FAST, ROOT, read_warc

#: Fast, small timeouts, one request per host at a time (the limit the server's record is held to) and
#: four in all per worker, so one worker cannot take the whole (small) frontier at once.
WORKER_SETTINGS = [*FAST, "-s", "CONCURRENT_REQUESTS=4", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "REDIS_LEASE_TIMEOUT=8",
                   "-s", "REDIS_HOST_LEASE_TIMEOUT=12", "-s", "DOWNLOAD_TIMEOUT=10",
                   "-s", "MAX_IDLE_TIME_BEFORE_CLOSE=2", "-s", "REDIS_HEARTBEAT_INTERVAL=1",
                   "-s", "REDIS_RUN_LOCK_TIMEOUT=3"]
HOST_LIMIT = 1
WORKER_TIMEOUT = 240  # seconds
CONTROL = "http://fixture-web.control"


def start_worker(fixture_web: Any, redis_url: str, seeds: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    """One worker: `zhengwen crawl` (every spider, or those in `extra`) into its own folder, sharing Redis."""
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", "-o", str(out), "-s", f"SEEDS_DIR={seeds}", *WORKER_SETTINGS,
           *extra]
    env = {**os.environ, **fixture_web.proxy_env(), "REDIS_URL": redis_url}
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def control(fixture_web: Any, path: str) -> Any:
    """Ask the fixture web's control host (tests/mockserver.py): its concurrency record, or slow it down."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": fixture_web.proxy_url}))
    with opener.open(CONTROL + path, timeout=10) as answer:
        return json.loads(answer.read())


def response_counts(folders: list[Path]) -> Counter[str]:
    """How many response records each URL has over every finished WARC file of `folders`."""
    counts: Counter[str] = Counter()
    for folder in folders:
        for path in sorted((folder / "warc").glob("*.warc.gz")):
            counts.update(r.uri for r in read_warc(path) if r.type == "response" and r.uri)
    return counts


def not_robots(counts: Counter[str]) -> Counter[str]:
    """Without robots.txt: every worker reads a host's robots.txt once (Scrapy caches it per process)."""
    return Counter({uri: n for uri, n in counts.items() if not uri.endswith("/robots.txt")})


#: Document fields that depend on which worker wrote which file, not on the page.
POINTER_FIELDS = ("warc_file", "warc_offset", "warc_record_id", "fetched_at", "previous_fetched_at")


def comparable(documents: list[dict[str, Any]]) -> set[str]:
    """Documents as a set, each without its WARC pointer and fetch time."""
    return {json.dumps({k: v for k, v in d.items() if k not in POINTER_FIELDS}, sort_keys=True, ensure_ascii=False)
            for d in documents}


def finish(worker: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Wait for a worker (WORKER_TIMEOUT at most; then it is killed); its exit status, stdout, stderr."""
    try:
        out, err = worker.communicate(timeout=WORKER_TIMEOUT)
    finally:
        if worker.poll() is None:  # timed out: never leave a worker behind
            worker.kill()
            worker.communicate()
    return worker.returncode, out, err


def seed(redis_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`zhengwen seed --redis ARGS` against `redis_url`."""
    cmd = [sys.executable, "-m", "crawler.cli", "seed", "--redis", *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "REDIS_URL": redis_url})


def cluster_runs(redis_url: str) -> list[Any]:
    """The run rows of the crawl state in Redis (crawler/distributed/state.py)."""
    import redis

    from crawler.distributed.keys import state_keys
    from crawler.distributed.state import RedisCrawlState

    state = RedisCrawlState(redis.Redis.from_url(redis_url), state_keys({"REDIS_KEY_PREFIX": "zhengwen"}))
    try:
        return state.runs()
    finally:
        state.close()
