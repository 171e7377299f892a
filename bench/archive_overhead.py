"""Benchmark: crawl throughput with and without WARC capture, interleaved runs.

    .venv/bin/python bench/archive_overhead.py [--rounds 5] [--config full|fetch|both]

The same `news` spider crawls a generated local site (2,000 articles + 41 listings)
on 127.0.0.1, alternately with WARC_ENABLED on and off (with it off, extraction reads
the live response instead of the record). Two configurations:

- full: the crawl as shipped, extraction on (text.jsonl written in both modes);
- fetch: ITEM_PIPELINES={}, fetching only, so capture is compared with bare Scrapy.

Capture means writing the WARC records, revisit lookups and the CDXJ index at close.
Prints, per run, pages/s (wall clock, from Scrapy's stats) and the crawl process's
CPU milliseconds per page (user + sys, steadier on a shared 2-core machine), then the
medians and their ratios. Target: capture costs ≤ 10% of crawl throughput.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixture_site import serve_site  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = {
    "ALLOW_LOOPBACK": "True",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "LOG_LEVEL": "INFO",
}
CONFIGS = {"full": {}, "fetch": {"ITEM_PIPELINES": "{}"}}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl(root_url: str, warc: bool, workdir: Path, extra: dict[str, str]) -> tuple[int, float, float]:
    """Run one crawl; return (responses received, seconds from Scrapy's stats, CPU seconds)."""
    seeds = workdir / "seeds.txt"
    seeds.write_text(root_url + "\n", encoding="utf-8")
    out = Path(tempfile.mkdtemp(dir=workdir))
    args = [sys.executable, "-m", "crawler.cli", "crawl", "news", "--seeds", str(seeds), "--out", str(out)]
    for name, value in {**SETTINGS, **extra, "WARC_ENABLED": str(warc)}.items():
        args += ["-s", f"{name}={value}"]
    cpu_before = _children_cpu()
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
    cpu = _children_cpu() - cpu_before
    if done.returncode != 0:
        raise SystemExit(f"crawl failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}")
    responses = int(re.search(r"'response_received_count': (\d+)", done.stderr).group(1))
    seconds = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", done.stderr).group(1))
    return responses, seconds, cpu


def measure(root_url: str, tmp: Path, config: str, rounds: int) -> None:
    """Interleaved runs of one configuration; prints the per-run table and the medians."""
    rates: dict[bool, list[float]] = {True: [], False: []}
    cpu_ms: dict[bool, list[float]] = {True: [], False: []}
    print(f"\nconfiguration: {config}")
    print(f"{'run':>4} {'capture':>8} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'cpu ms/page':>12}")
    for run in range(rounds):
        for warc in ((False, True) if run % 2 == 0 else (True, False)):
            pages, seconds, cpu = crawl(root_url, warc, tmp, CONFIGS[config])
            rates[warc].append(pages / seconds)
            cpu_ms[warc].append(1000 * cpu / pages)
            print(f"{run + 1:>4} {'on' if warc else 'off':>8} {pages:>6} {seconds:>8.2f} {pages / seconds:>8.1f} "
                  f"{1000 * cpu / pages:>12.2f}", flush=True)
    rate_on, rate_off = statistics.median(rates[True]), statistics.median(rates[False])
    cpu_on, cpu_off = statistics.median(cpu_ms[True]), statistics.median(cpu_ms[False])
    print(f"{config}: median pages/s capture off {rate_off:.1f}, on {rate_on:.1f}; "
          f"throughput ratio on/off {rate_on / rate_off:.3f} (cost {100 * (1 - rate_on / rate_off):.1f}%)")
    print(f"{config}: median CPU ms/page capture off {cpu_off:.2f}, on {cpu_on:.2f}; "
          f"CPU ratio on/off {cpu_on / cpu_off:.3f} (cost {100 * (cpu_on / cpu_off - 1):.1f}%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--config", choices=["full", "fetch", "both"], default="both")
    args = parser.parse_args()
    configs = ["full", "fetch"] if args.config == "both" else [args.config]
    with serve_site() as root_url, tempfile.TemporaryDirectory() as tmp:
        for config in configs:
            measure(root_url, Path(tmp), config, args.rounds)


if __name__ == "__main__":
    main()
