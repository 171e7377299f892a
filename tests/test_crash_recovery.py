"""kill -9 a real crawl at random moments: repair keeps every completed record, and crawling goes on."""

from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from crawlhelpers import FAST, ROOT, zhengwen_crawl
from warcio.archiveiterator import ArchiveIterator

from archive import DedupIndex, RevisitResolver, find_warcs, verify_warc
from archive.cdxj.index import index_updater
from archive.warc.damage import walk_members
from archive.warc.repair import repair_leftovers

KILLS = 20
SEED = 9
#: Crawl slowly enough (about 5 s in all) that kills land while pages are being archived.
#: Every run fetches every page again (RECRAWL_INTERVAL=0), so later runs are as long as the first.
SLOW = ["-s", "DOWNLOAD_DELAY=0.1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "RECRAWL_INTERVAL=0"]


def completed_ids(path: Path) -> set[str]:
    """Record ids in whole gzip members, less a last response whose request member is not whole."""
    data = path.read_bytes()
    with path.open("rb") as fh:
        end = walk_members(fh).good_end
    records = []
    iterator = ArchiveIterator(io.BytesIO(data[:end]), no_record_parse=True)
    for record in iterator:
        headers = record.rec_headers
        records.append((record.rec_type, headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Concurrent-To")))
    if records and records[-1][0] in ("response", "revisit"):
        records.pop()  # written together with its request: the pair was not complete
    return {record_id for _, record_id, _ in records}


def stored_ids(paths: list[Path]) -> set[str]:
    ids = set()
    for path in paths:
        with path.open("rb") as fh:
            ids.update(r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(fh, no_record_parse=True))
    return ids


def wait_for_capture(warc: Path, crawl: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    """Until the crawl has a WARC file open (or has ended)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and crawl.poll() is None:
        if warc.is_dir() and any(warc.glob("*.warc.gz.open")):
            return
        time.sleep(0.05)


def start_crawl(fixture_web, seeds: Path, out: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", "--out", str(out), "--seeds", str(seeds), "news", *FAST, *SLOW]
    return subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **fixture_web.proxy_env()},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_kill_9_at_random_moments_then_repair_loses_nothing(fixture_web, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    out, warc = tmp_path / "out", tmp_path / "out" / "warc"
    out.mkdir()
    seeds = tmp_path / "seeds.txt"
    urls = [fixture_web.model.capture.root, *fixture_web.model.seed_urls_by_site().get("gov", [])]
    seeds.write_text("\n".join(urls) + "\n", encoding="utf-8")
    killed_mid_write = 0
    for _ in range(KILLS):
        crawl = start_crawl(fixture_web, seeds, out)
        wait_for_capture(warc, crawl)  # start-up (extraction workers, recovery) is not the moment under test
        time.sleep(rng.uniform(0.0, 2.4))
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(10)
        leftovers = sorted(warc.glob("*.warc.gz.open")) if warc.is_dir() else []
        expected = stored_ids(find_warcs([warc])) if warc.is_dir() else set()
        for path in leftovers:
            expected |= completed_ids(path)
            killed_mid_write += 1
        with DedupIndex(out / "state.sqlite") as dedup:
            repair_leftovers(warc, reindex=index_updater(warc / "index.cdxj"), dedup=dedup)
        files = find_warcs([warc]) if warc.is_dir() else []
        assert not list(out.glob("warc/*.open"))
        assert expected <= stored_ids(files), "a completed record was lost"
        resolver = RevisitResolver(files, cdxj=warc / "index.cdxj")
        for path in files:
            result = verify_warc(path, resolver=resolver)  # revisits resolve, digests match, pairs complete
            assert result.ok, (path.name, result.problems)
    assert killed_mid_write >= KILLS // 2, "the kills should land while the crawl writes"
    final = zhengwen_crawl(["--seeds", str(seeds), "news", *FAST], fixture_web.proxy_env(), out)
    assert final.returncode == 0, final.explain()
    assert not list(out.rglob("*.open"))
    documents = {d["warc_file"] for d in final.documents}
    assert documents <= {p.name for p in final.warc_files}


def test_a_crawl_repairs_what_a_killed_crawl_left(fixture_web, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    seeds = tmp_path / "seeds.txt"
    seeds.write_text(fixture_web.model.capture.root + "\n", encoding="utf-8")
    crawl = start_crawl(fixture_web, seeds, out)
    deadline = time.monotonic() + 30
    while not list(out.glob("warc/*.warc.gz.open")) or (out / "warc").stat().st_size == 0:
        assert time.monotonic() < deadline, "the crawl wrote no WARC file"
        time.sleep(0.05)
    time.sleep(0.5)
    crawl.send_signal(signal.SIGKILL)
    crawl.wait(10)
    assert list(out.glob("warc/*.warc.gz.open")) and (out / "text.jsonl.open").exists()
    run = zhengwen_crawl(["--seeds", str(seeds), "news", *FAST], fixture_web.proxy_env(), out)
    assert run.returncode == 0, run.explain()
    assert "repaired a WARC file left open by a crashed crawl" in run.stderr
    assert "recovered" in run.stderr and "re-derived" in run.stderr
    assert not list(out.rglob("*.open"))
    replayed = subprocess.run([sys.executable, "-m", "crawler.cli", "replay", str(out), "--workers", "1"], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
    assert replayed.returncode == 0, replayed.stderr
    assert replayed.stdout == (out / "text.jsonl").read_text(encoding="utf-8")
