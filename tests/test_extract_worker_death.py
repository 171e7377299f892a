"""An extraction worker process killed mid-crawl costs no document: the pool restarts and extracts its pages again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from crawlhelpers import CRAWL_TIMEOUT, FAST, ROOT, wait_for_warc

from archive.records import ArchivedResponse, RecordPointer
from crawler.documents import try_document
from crawler.extractpool import RESUBMITTED_STAT, WORKER_DIED_STAT, ExtractPool


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _is_forkserver(pid: int) -> bool:
    try:
        return b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _workers(parent: int) -> set[int]:
    """The processes started by ``parent``'s forkserver: its extraction workers."""
    return {pid for server in _children(parent) if _is_forkserver(server) for pid in _children(server)}


def extraction_worker(parent: int, known: frozenset[int] = frozenset(), timeout: float = 60) -> int:
    """The pid of an extraction worker of process ``parent`` not among ``known``, once there is one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = _workers(parent) - known
        if started:
            return min(started)
        time.sleep(0.02)
    raise TimeoutError(f"process {parent} started no extraction worker")


def fixture_articles(fixtures_path: Path) -> list[ArchivedResponse]:
    listed = json.loads((fixtures_path / "pages.json").read_text(encoding="utf-8"))
    entries = [e for e in listed if e["kind"] == "article"]
    return [ArchivedResponse(target_uri=e["url"], status=200, payload=(fixtures_path / e["file"]).read_bytes(),
                             headers=[("Content-Type", f"text/html; charset={e['actual_charset']}")],
                             warc_date="2026-11-30T08:00:00.000000Z",
                             pointer=RecordPointer("a.warc.gz", 1000 * number, f"<urn:uuid:{number}>"))
            for number, e in enumerate(entries)]


def test_every_page_held_by_a_pool_whose_worker_is_killed_gets_its_document(fixtures_path: Path) -> None:
    pages = fixture_articles(fixtures_path)
    earlier = frozenset(_workers(os.getpid()))  # of pools other tests of this process started
    pool = ExtractPool(workers=1, max_pending=len(pages))
    try:
        futures = [pool.submit(page) for page in pages]  # one worker: the rest wait in the pool
        os.kill(extraction_worker(os.getpid(), earlier), signal.SIGKILL)
        outcomes = [future.result(timeout=300) for future in futures]
    finally:
        pool.close()
    assert [(o.document, o.failure) for o in outcomes] == [try_document(page) for page in pages]
    assert sum(o.stats.count(WORKER_DIED_STAT) for o in outcomes) == 1
    assert sum(o.stats.count(RESUBMITTED_STAT) for o in outcomes) >= 1


def test_a_crawl_whose_extraction_worker_is_killed_writes_every_document_in_order(fixture_web, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    roots = fixture_web.model.seed_urls_by_site()
    seeds.write_text("\n".join(roots["gov"] + roots["netease"]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", "news", "--seeds", str(seeds), "-o", str(out), *FAST,
           "-s", "EXTRACT_WORKERS=1"]
    crawl = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **fixture_web.proxy_env()}, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        worker = extraction_worker(crawl.pid)
        wait_for_warc(out)  # the crawl is archiving pages: the worker has them to extract
        os.kill(worker, signal.SIGKILL)
        stdout, stderr = crawl.communicate(timeout=CRAWL_TIMEOUT)
    finally:
        if crawl.poll() is None:
            crawl.kill()
            crawl.communicate()
    assert crawl.returncode == 0, stdout + stderr[-3000:]
    assert "an extraction worker process died" in stderr
    (run_file,) = (out / "runs").glob("*.json")
    stats = json.loads(run_file.read_text(encoding="utf-8"))["stats"]["news"]
    assert stats[WORKER_DIED_STAT] >= 1 and "extract/failed_reason_count/worker_died" not in stats
    replay = subprocess.run([sys.executable, "-m", "crawler.cli", "replay", str(out), "--workers", "2"], cwd=ROOT,
                            capture_output=True, timeout=300)
    assert replay.returncode == 0, replay.stderr.decode()[-3000:]
    crawled = (out / "text.jsonl").read_bytes()
    assert crawled.count(b"\n") > 10 and replay.stdout == crawled
