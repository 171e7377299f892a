"""Distributed crawls: two real worker processes share one frontier in a real Redis (scrapy-redis)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from conftest import write_fixture_seeds
from crawlhelpers import ROOT, CrawlRun, read_warc
from distributedhelpers import (
    HOST_LIMIT,
    cluster_runs,
    comparable,
    control,
    finish,
    not_robots,
    response_counts,
    seed,
    start_worker,
)

SPIDERS = ("gov", "netease", "news", "wechat")


@pytest.fixture(scope="module")
def two_workers(fixture_web, redis_session, tmp_path_factory) -> dict:
    """Two workers crawl the fixture web together, every answer slowed so that overlaps would show."""
    with redis.Redis.from_url(redis_session) as client:
        client.flushall()
    fixture_web.clear_overrides()
    seeds = write_fixture_seeds(fixture_web, tmp_path_factory.mktemp("seeds"))
    root = tmp_path_factory.mktemp("workers")
    folders = [root / "a", root / "b"]
    control(fixture_web, "/slow?seconds=0.05")
    control(fixture_web, "/concurrency")  # a new record
    try:
        workers = [start_worker(fixture_web, redis_session, seeds, out) for out in folders]
        results = [finish(w) for w in workers]
    finally:
        control(fixture_web, "/slow?seconds=0")
    peaks = control(fixture_web, "/concurrency")
    with redis.Redis.from_url(redis_session) as client:
        left = {s: (client.zcard(f"zhengwen:{s}:requests"), client.zcard(f"zhengwen:{s}:leases")) for s in SPIDERS}
        running = client.exists("zhengwen:run", "zhengwen:run:holders")
    return {"folders": folders, "results": results, "peaks": peaks, "left": left, "seeds": seeds, "running": running,
            "runs": cluster_runs(redis_session)}


def test_both_workers_finish_and_leave_nothing_behind(two_workers) -> None:
    for code, out, err in two_workers["results"]:
        assert code == 0, out + err[-4000:]
    assert set(two_workers["left"].values()) == {(0, 0)}, "requests left queued or leased"
    assert [p.name for f in two_workers["folders"] for p in f.rglob("*.open")] == []


def test_the_last_worker_ends_the_run_with_both_workers_counts(two_workers) -> None:
    assert two_workers["running"] == 0, "the run lock is still there"
    [row] = two_workers["runs"]
    assert row.ended_at is not None and row.exit_status == 0
    files = [json.loads((f / "runs" / f"{row.run_id}.json").read_text("utf-8")) for f in two_workers["folders"]]
    new = sum(site["new"] for record in files for site in record["sites"].values())
    assert row.counts["new"] == new > 0


def test_changes_reads_the_shared_state_over_both_workers_folders(two_workers, redis_session) -> None:
    folders = [str(f) for f in two_workers["folders"]]
    cmd = [sys.executable, "-m", "crawler.cli", "changes", *folders]
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**env, "REDIS_URL": redis_session})
    assert done.returncode == 0, done.stderr
    documents = [json.loads(line) for f in two_workers["folders"]
                 for line in (f / "text.jsonl").read_text("utf-8").splitlines()]
    assert sorted(json.loads(line)["url"] for line in done.stdout.splitlines()) == sorted({d["url"] for d in documents})
    alone = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert alone.returncode == 2 and "set REDIS_URL" in alone.stderr


def test_both_workers_did_part_of_the_work(two_workers) -> None:
    for folder in two_workers["folders"]:
        assert not_robots(response_counts([folder])), f"{folder.name} fetched nothing"


def test_every_url_is_fetched_exactly_once_across_workers(two_workers, fixture_crawl: CrawlRun) -> None:
    together = not_robots(response_counts(two_workers["folders"]))
    alone = not_robots(response_counts([fixture_crawl.out]))
    assert [u for u, n in together.items() if n > 1] == []
    assert set(together) == set(alone)


def test_merged_replay_equals_a_one_process_crawl(two_workers, fixture_crawl: CrawlRun, tmp_path: Path) -> None:
    documents = replay(two_workers["folders"], tmp_path / "merged.jsonl")
    assert comparable(documents) == comparable(fixture_crawl.documents)
    files = [d["warc_file"] for d in documents]
    assert files == sorted(files), "not in the order of the files sorted by name"


def test_no_host_gets_more_concurrent_requests_than_the_limit(two_workers) -> None:
    peaks = two_workers["peaks"]
    assert peaks, "the fixture web recorded no request"
    assert {host: n for host, n in peaks.items() if n > HOST_LIMIT} == {}


def replay(folders: list[Path], out: Path) -> list[dict]:
    cmd = [sys.executable, "-m", "crawler.cli", "replay", *(str(f / "warc") for f in folders), "-o", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def test_a_second_run_on_two_workers_applies_one_recrawl_policy_and_stores_revisits(
        two_workers, fixture_web, redis_session, fixture_crawl: CrawlRun, tmp_path: Path) -> None:
    seeds = two_workers["seeds"]
    started = seed(redis_session, "-s", f"SEEDS_DIR={seeds}")
    assert started.returncode == 0, started.stderr
    run_id = started.stdout.split()[2]
    assert f"gov: 7 seed URL(s) pushed (run {run_id})" in started.stdout
    folders = [tmp_path / "c", tmp_path / "d"]
    for code, out, err in [finish(w) for w in [start_worker(fixture_web, redis_session, seeds, f) for f in folders]]:
        assert code == 0, out + err[-4000:]
    before = not_robots(response_counts(two_workers["folders"]))
    records = [r for f in folders for path in sorted((f / "warc").glob("*.warc.gz")) for r in read_warc(path)]
    again = {r.uri for r in records if r.type in ("response", "revisit") and not r.uri.endswith("/robots.txt")}
    assert sum(r.type == "revisit" for r in records) > 5, "the first run's originals were not found"
    # One policy for the cluster: each page of run 1 is fetched again by one worker or skipped as not due by one.
    stats = [json.loads((f / "runs" / f"{run_id}.json").read_text("utf-8"))["stats"] for f in folders]
    not_due = sum(int(s.get("skip/reason_count/recrawl_not_due", 0)) for worker in stats for s in worker.values())
    assert not_due > 10 and len(again) + not_due == len(before), (len(again), not_due, len(before))
    assert [row.run_id for row in cluster_runs(redis_session)][-1] == run_id
    documents = replay([*two_workers["folders"], *folders], tmp_path / "all.jsonl")
    # The second run adds a Document only where a payload changed (issue #12's version rule):
    # the capture host's echo pages answer with the request's own headers.
    later = [d for d in documents if (d.get("version") or 1) > 1]
    assert all("/echo" in d["url"] for d in later), [d["url"] for d in later]
    assert comparable([d for d in documents if d not in later]) == comparable(fixture_crawl.documents)


def test_a_killed_workers_urls_are_taken_over(fixture_web, fixture_crawl: CrawlRun, redis_url: str,
                                              tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    seeds = write_fixture_seeds(fixture_web, tmp_path / "seeds")
    a, b = tmp_path / "a", tmp_path / "b"
    control(fixture_web, "/slow?seconds=0.1")
    try:
        victim = start_worker(fixture_web, redis_url, seeds, a)
        survivor = start_worker(fixture_web, redis_url, seeds, b)
        _wait_until_mid_crawl(redis_url, victim.pid, 10)
        victim.send_signal(signal.SIGKILL)
        victim.communicate(timeout=10)
        code, out, err = finish(survivor)
    finally:
        control(fixture_web, "/slow?seconds=0")
    assert code == 0, out + err[-4000:]
    assert "back in the shared queue (expired lease)" in err
    # The killed worker's hold on the run lapsed: the survivor, last to leave, ended the run.
    assert [row.ended_at is not None for row in cluster_runs(redis_url)] == [True]
    repair = subprocess.run([sys.executable, "-m", "crawler.cli", "verify", "--repair", str(a / "warc")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert repair.returncode == 0, repair.stdout + repair.stderr
    union = not_robots(response_counts([a, b]))
    missing = set(not_robots(response_counts([fixture_crawl.out]))) - set(union)
    assert sorted(missing) == []


def _wait_until_mid_crawl(redis_url: str, pid: int, pages: int) -> None:
    """Until worker `pid` has fetched `pages` pages and holds leased requests (its own and Redis's record)."""
    deadline = time.monotonic() + 120
    with redis.Redis.from_url(redis_url) as client:
        while time.monotonic() < deadline:
            lines = [json.loads(v) for k, v in client.hgetall("zhengwen:workers").items() if f":{pid}:" in k.decode()]
            held = [m for s in SPIDERS for m in client.zrange(f"zhengwen:{s}:leases", 0, -1) if f":{pid}:" in m.decode()]
            if sum(line["pages"] for line in lines) >= pages and held:
                return
            time.sleep(0.05)
    raise TimeoutError(f"worker {pid} did not fetch {pages} pages while holding leases within 120 s")


def test_a_crawl_whose_redis_is_down_fails_in_one_line(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", "gov", "-o", str(tmp_path / "out")]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "REDIS_URL": "redis://127.0.0.1:9/0"})  # port 9 refuses
    assert done.returncode == 1
    assert done.stderr.startswith("zhengwen crawl: Redis at redis://127.0.0.1:9/0") and "Traceback" not in done.stderr


def test_a_stopped_worker_gives_its_unfinished_requests_back_at_once(fixture_web, redis_url: str,
                                                                      tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    seeds = write_fixture_seeds(fixture_web, tmp_path / "seeds")
    control(fixture_web, "/slow?seconds=0.2")
    try:
        worker = start_worker(fixture_web, redis_url, seeds, tmp_path / "a")
        _wait_until_mid_crawl(redis_url, worker.pid, 3)
        worker.send_signal(signal.SIGTERM)
        code, out, err = finish(worker)
    finally:
        control(fixture_web, "/slow?seconds=0")
    with redis.Redis.from_url(redis_url) as client:
        leased = sum(client.zcard(f"zhengwen:{s}:leases") for s in SPIDERS)
        queued = sum(client.zcard(f"zhengwen:{s}:requests") for s in SPIDERS)
    assert leased == 0, err[-3000:]
    assert queued > 0
    assert [p.name for p in (tmp_path / "a").rglob("*.open")] == []
