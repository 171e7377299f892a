"""A distributed crawl's run lock and its per-host delay, with real workers and `zhengwen seed` on a real Redis."""

from __future__ import annotations

import time
from pathlib import Path

from crawlhelpers import FAST
from distributedhelpers import cluster_runs, control, finish, seed, start_worker

LISTING = "https://news.163.com/zhengwen-index.html"
DELAY = 0.4
#: How much sooner than DOWNLOAD_DELAY a request may arrive (clock reads on both sides, thread start, and one
#: request's delivery held up on a machine whose two cores run four test workers: 0.335 s was seen once). Workers
#: without the shared slot send their requests within milliseconds of each other, so the test still tells.
TOLERANCE = 0.1
#: Seconds the first seeding holds its run: long enough for three `zhengwen seed` calls on a machine whose
#: two cores run four test workers (about 3 s each then; the wait is a sleep, the CPU goes to the others).
HOLD = 20


def test_a_new_run_waits_for_the_held_one_and_takes_over_a_lapsed_one(redis_url: str, tmp_path: Path) -> None:
    seeds = tmp_path / "gov.txt"
    seeds.write_text("https://www.gov.cn/\n", encoding="utf-8")
    first = seed(redis_url, "gov", "--seeds", str(seeds), "-s", f"REDIS_RUN_LOCK_TIMEOUT={HOLD}")
    lapses = time.monotonic() + HOLD
    assert first.returncode == 0, first.stderr
    run_id = first.stdout.split()[2]
    refused = seed(redis_url, "gov", "--seeds", str(seeds))
    assert refused.returncode == 75, refused.stderr
    assert f"a distributed run is going on (run {run_id}" in refused.stderr and "held by seed:" in refused.stderr
    added = seed(redis_url, "gov", "--seeds", str(seeds), "--add")
    assert added.returncode == 0 and f"added to run {run_id}" in added.stdout, added.stderr
    status = seed(redis_url, "--status", "gov")
    assert f"run {run_id} (started " in status.stdout and "held by seed:" in status.stdout
    assert "gov: 0 queued, 0 leased, 0 seen, 2 start URLs waiting" in status.stdout
    time.sleep(max(0.0, lapses - time.monotonic()) + 0.2)  # the seeding's hold lapses, as a killed worker's does
    second = seed(redis_url, "gov", "--seeds", str(seeds))
    assert second.returncode == 0, second.stderr
    assert f"run {run_id} had not ended (its holders are gone)" in second.stdout
    assert [(row.run_id == run_id, row.ended_at) for row in cluster_runs(redis_url)] == [(True, None), (False, None)]
    assert seed("", "gov").returncode == 2


def test_download_delay_holds_per_host_across_two_workers(fixture_web, redis_url: str, tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "netease.txt").write_text(LISTING + "\n", encoding="utf-8")
    polite = ["netease", *FAST, "-s", f"DOWNLOAD_DELAY={DELAY}", "-s", "RANDOMIZE_DOWNLOAD_DELAY=False"]
    control(fixture_web, "/starts")  # a new record
    workers = [start_worker(fixture_web, redis_url, tmp_path / "seeds", tmp_path / name, *polite) for name in "ab"]
    for code, out, err in [finish(w) for w in workers]:
        assert code == 0, out + err[-4000:]
    starts = sorted(control(fixture_web, "/starts")["news.163.com"])
    assert len(starts) >= 8  # the listing, its six articles, each worker's robots.txt
    gaps = [round(b - a, 3) for a, b in zip(starts, starts[1:])]
    assert min(gaps) >= DELAY - TOLERANCE, gaps
