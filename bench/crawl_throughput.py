"""Benchmark: crawl throughput, CPU and memory of a bare crawl, with capture, and as shipped.

    .venv/bin/python bench/crawl_throughput.py [--rounds 3] [--quick]

The `news` spider crawls bench/fixture_site.py's site of real fixture articles on 127.0.0.1
(16 concurrent requests, no delay) in three configurations, interleaved round by round:

- bare: WARC_ENABLED off, ITEM_PIPELINES={} (Scrapy fetching and link discovery only);
- capture: WARC capture on, no pipelines (crawl-side CPU without extraction);
- full: the crawl as shipped (capture, extraction in worker processes, text.jsonl).

Per run it prints pages/s (wall clock, Scrapy's elapsed time), CPU ms per page of the
crawl process and every process under it (extraction workers included: this script
is their subreaper and reaps them), the peak RSS of that process tree (sum of VmRSS,
sampled every 0.2 s), and "others %": the share of the machine's cores that other
processes (other users, this script's fixture server) kept busy during the run, from
/proc/stat — on a shared machine it bounds what the crawl can use. Then the medians,
and a last line

    RESULT capture_ms_per_page=… utilisation=… full_pages_per_s=… rss_growth=…

capture_ms_per_page = CPU ms/page capture − bare; utilisation = pages/s × CPU s/page ÷
cores, full pipeline (as issue #11 defines it: pages/s over Scrapy's elapsed time, CPU
over the whole process, so startup CPU counts without its wall time and short crawls can
exceed 1; the summary also gives CPU ÷ (lifetime × cores)); rss_growth = peak RSS of a full crawl of 10,000 articles ÷ that of
1,000. --quick: one round on 500 articles, and rss_growth from 200 → 2,000 articles
(under 2 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import archive_overhead  # noqa: E402
from fixture_site import serve_site  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
#: archive_overhead's loopback settings (LOG_LEVEL INFO: Scrapy's stats dump, read below).
SETTINGS = {**archive_overhead.SETTINGS, "TRAP_HOST_PAGE_LIMIT": "0"}  # the 10,000-article site is one host
CONFIGS = {
    "bare": {"WARC_ENABLED": "False", "ITEM_PIPELINES": "{}"},
    "capture": {"ITEM_PIPELINES": "{}"},
    "full": {},
}
PR_SET_CHILD_SUBREAPER = 36
CORES = len(os.sched_getaffinity(0))


def become_subreaper() -> None:
    """Adopt orphaned descendants (the forkserver and its workers outlive the crawl's wait)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit(f"prctl(PR_SET_CHILD_SUBREAPER) failed: {os.strerror(ctypes.get_errno())}")


def reap_all() -> None:
    """Wait for every remaining descendant, so that its CPU time is counted."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _machine_busy() -> float:
    """CPU seconds all cores have spent busy since boot (/proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                todo += [int(c) for c in Path(f"/proc/{current}/task/{task}/children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        match = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
    except OSError:
        return 0
    return int(match.group(1)) if match else 0


class PeakRss:
    """Samples the summed RSS of a process tree until stopped; ``peak`` is the largest in MB."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, sum(_rss_kb(p) for p in _tree(self.pid)) / 1024)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


class Run:
    """One crawl's measurements."""

    def __init__(self, pages: int, seconds: float, cpu: float, peak: float, others: float, lifetime: float) -> None:
        self.pages, self.seconds, self.cpu, self.peak, self.others = pages, seconds, cpu, peak, others
        self.lifetime = lifetime  # wall seconds from start to exit, startup and shutdown included

    @property
    def rate(self) -> float:
        return self.pages / self.seconds

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu / self.pages


def crawl(root_url: str, config: str, workdir: Path) -> Run:
    """Run one crawl and measure it."""
    seeds = workdir / "seeds.txt"
    seeds.write_text(root_url + "\n", encoding="utf-8")
    out = Path(tempfile.mkdtemp(dir=workdir))
    args = [sys.executable, "-m", "crawler.cli", "crawl", "news", "--seeds", str(seeds), "-o", str(out)]
    for name, value in {**SETTINGS, **CONFIGS[config]}.items():
        args += ["-s", f"{name}={value}"]
    reap_all()
    cpu_before, busy_before, started = _children_cpu(), _machine_busy(), time.monotonic()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
        sampler = PeakRss(process.pid)
        returncode = process.wait(timeout=1800)
        peak = sampler.stop()
        reap_all()
        cpu = _children_cpu() - cpu_before
        lifetime = time.monotonic() - started
        others = (_machine_busy() - busy_before - cpu) / (CORES * lifetime)
        log.seek(0)
        stderr = log.read().decode("utf-8", "replace")
    if returncode != 0:
        raise SystemExit(f"{config} crawl failed ({returncode}):\n{stderr[-3000:]}")
    responses = int(re.search(r"'response_received_count': (\d+)", stderr).group(1))
    seconds = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", stderr).group(1))
    return Run(responses, seconds, cpu, peak, max(0.0, others), lifetime)


HEADER = (f"{'config':>8} {'run':>4} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'cpu ms/page':>12} "
          f"{'peak RSS MB':>12} {'others %':>9}")


def row(config: str, number: int, run: Run) -> str:
    return (f"{config:>8} {number:>4} {run.pages:>6} {run.seconds:>8.2f} {run.rate:>8.1f} {run.cpu_ms:>12.2f} "
            f"{run.peak:>12.0f} {100 * run.others:>9.0f}")


def configurations(articles: int, rounds: int, tmp: Path) -> dict[str, list[Run]]:
    """Interleaved rounds of the three configurations."""
    results: dict[str, list[Run]] = {name: [] for name in CONFIGS}
    print(f"\nthree configurations, site of {articles} real articles, {rounds} interleaved round(s)")
    print(HEADER)
    with serve_site(real_pages=True, articles=articles) as root_url:
        for run in range(rounds):
            order = list(CONFIGS) if run % 2 == 0 else list(reversed(CONFIGS))
            for config in order:
                results[config].append(crawl(root_url, config, tmp))
                print(row(config, run + 1, results[config][-1]), flush=True)
    return results


def rss_growth(small: int, large: int, tmp: Path) -> float:
    """Peak RSS of a full crawl of ``large`` articles ÷ that of ``small`` articles."""
    print(f"\nmemory: full crawls of {small} and {large} real articles")
    print(HEADER)
    peaks = []
    for articles in (small, large):
        with serve_site(real_pages=True, articles=articles) as root_url:
            run = crawl(root_url, "full", tmp)
        print(row("full", 1, run), flush=True)
        peaks.append(run.peak)
    return peaks[1] / peaks[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one round on 500 articles; memory 200 → 2,000")
    args = parser.parse_args()
    become_subreaper()
    cores = CORES
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        if args.quick:
            results = configurations(500, 1, Path(tmp))
            growth = rss_growth(200, 2000, Path(tmp))
        else:
            results = configurations(2000, args.rounds, Path(tmp))
            growth = rss_growth(1000, 10000, Path(tmp))
    rate = {name: statistics.median(r.rate for r in runs) for name, runs in results.items()}
    cpu = {name: statistics.median(r.cpu_ms for r in runs) for name, runs in results.items()}
    utilisation = statistics.median(r.rate * r.cpu_ms / 1000 / cores for r in results["full"])
    lifetime = statistics.median(r.cpu / r.lifetime / cores for r in results["full"])
    print(f"\nmedians ({cores} cores):")
    for name in CONFIGS:
        print(f"  {name:>8}: {rate[name]:6.1f} pages/s, {cpu[name]:6.2f} CPU ms/page")
    print(f"  capture costs {cpu['capture'] - cpu['bare']:.2f} CPU ms/page; crawl side with capture "
          f"{cpu['capture']:.2f} ms/page; full pipeline uses {utilisation:.2f} of {cores} cores "
          f"({lifetime:.2f} over the process lifetime, startup included)")
    print(f"  wall time of this benchmark: {time.monotonic() - started:.0f} s")
    print(f"RESULT capture_ms_per_page={cpu['capture'] - cpu['bare']:.2f} utilisation={utilisation:.2f} "
          f"full_pages_per_s={rate['full']:.1f} rss_growth={growth:.2f}")


if __name__ == "__main__":
    main()
