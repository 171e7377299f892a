"""One crawl at a time per folder, stale locks taken over, and ``crawl --resume`` after kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from crawlhelpers import FAST, ROOT, read_warc, wait_for_warc, zhengwen_crawl

LISTING = "https://news.163.com/zhengwen-index.html"
#: About half a second per page, one at a time: a crawl of the listing and its six articles takes ~4 s.
SLOW = ["-s", "DOWNLOAD_DELAY=0.5", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "RANDOMIZE_DOWNLOAD_DELAY=False"]


def start(fixture_web, seeds: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "crawler.cli", "crawl", "netease", "--seeds", str(seeds), "-o", str(out),
           *FAST, *SLOW, *extra]
    return subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **fixture_web.proxy_env()}, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_second_crawl_on_a_locked_folder_exits_75_and_the_first_completes(fixture_web, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text(LISTING + "\n", encoding="utf-8")
    out = tmp_path / "out"
    # 1.5 s a page: the first crawl holds the lock ~10 s after its first WARC, longer than the
    # second command takes to start on a loaded machine
    first = start(fixture_web, seeds, out, "-s", "DOWNLOAD_DELAY=1.5")
    try:
        wait_for_warc(out)
        began = time.monotonic()
        second = zhengwen_crawl(["netease", "--seeds", str(seeds), *FAST], fixture_web.proxy_env(), out)
        assert second.returncode == 75, second.explain()
        assert time.monotonic() - began < 15
        assert "is locked by a running crawl (pid " in second.stderr
    except BaseException:
        first.kill()
        first.communicate()
        raise
    stdout, stderr = first.communicate(timeout=120)
    assert first.returncode == 0, stdout + stderr[-3000:]
    assert len(list((out / "runs").glob("*.json"))) == 1


def test_kill_9_then_resume_archives_every_page_once(fixture_web, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text(LISTING + "\n", encoding="utf-8")
    out = tmp_path / "out"
    crawl = start(fixture_web, seeds, out)
    wait_for_warc(out)
    crawl.send_signal(signal.SIGKILL)
    crawl.communicate(timeout=10)
    killed = json.loads((out / "crawl.lock").read_text(encoding="utf-8"))
    resumed = zhengwen_crawl(["netease", "--seeds", str(seeds), "--resume", *FAST], fixture_web.proxy_env(), out)
    assert resumed.returncode == 0, resumed.explain()
    assert f"took over the lock of crawl pid {killed['pid']} (run {killed['run_id']})" in resumed.stderr
    assert f"run {killed['run_id']} (resumed)" in resumed.stdout
    full: dict[str, int] = {}
    for path in sorted((out / "warc").glob("*.warc.gz")):
        for record in read_warc(path):
            if record.type == "response" and record.uri and not record.uri.endswith("/robots.txt"):
                full[record.uri] = full.get(record.uri, 0) + 1
    assert len(full) == 7 and set(full.values()) == {1}, full
    verify = subprocess.run([sys.executable, "-m", "crawler.cli", "verify", str(out / "warc")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    replay = subprocess.run([sys.executable, "-m", "crawler.cli", "replay", str(out), "--workers", "1"], cwd=ROOT,
                            capture_output=True, timeout=120)
    assert replay.returncode == 0 and replay.stdout == (out / "text.jsonl").read_bytes()
    assert len(resumed.documents) == 7
