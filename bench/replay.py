"""Benchmark: replay throughput with 1 and 2 workers, and extraction cost per page vs bare trafilatura.

    .venv/bin/python bench/replay.py [--rounds 2]

Builds an archive of ≥ 2,000 pages by crawling the local benchmark site
(bench/fixture_site.py) serving the real fixture articles (gov, 163.com, WeChat and other
Chinese news pages, each copy distinct) with WARC capture on, then, interleaved:

- replays it (`crawler.rederive.replay_documents`: read records, resolve revisits, decode,
  extract) with 1 and with 2 worker processes: documents/s and the speed-up;
- times, per archived page, zhengwen's full extraction (`crawler.documents.document_from`)
  and bare `trafilatura.extract` on the same decoded payload: median ms/page and ratio.

Targets: 2 workers ≥ 1.7× one worker; full extraction ≤ 1.5× bare trafilatura per page.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixture_site import serve_site  # noqa: E402

from archive.replay.ordered import iter_archive  # noqa: E402
from archive.warc.payload import decoded_payload  # noqa: E402
from crawler.documents import document_from, wants_document  # noqa: E402
from crawler.rederive import replay_documents  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def build_archive(workdir: Path) -> Path:
    """Crawl the generated site with capture on, extraction off; return the WARC folder."""
    out = workdir / "crawl"
    with serve_site(real_pages=True) as root_url:
        seeds = workdir / "seeds.txt"
        seeds.write_text(root_url + "\n", encoding="utf-8")
        settings = {"ALLOW_LOOPBACK": "True", "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False",
                    "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "ITEM_PIPELINES": "{}", "LOG_LEVEL": "WARNING"}
        args = [sys.executable, "-m", "crawler.cli", "crawl", "news", "--seeds", str(seeds), "--out", str(out)]
        for name, value in settings.items():
            args += ["-s", f"{name}={value}"]
        done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            raise SystemExit(f"building the archive failed:\n{done.stdout}\n{done.stderr[-3000:]}")
    return out / "warc"


def replay_rate(warcs: Path, workers: int) -> tuple[int, float]:
    start = time.perf_counter()
    count = sum(1 for _ in replay_documents([warcs], workers=workers))
    return count, time.perf_counter() - start


def per_page_costs(warcs: Path, rounds: int) -> tuple[float, float]:
    """Median ms/page of full extraction and of bare trafilatura on the same payloads."""
    pages = [resp for resp in iter_archive([warcs]) if wants_document(resp)]
    ours: list[list[float]] = [[] for _ in pages]
    bare: list[list[float]] = [[] for _ in pages]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for run in range(rounds):
            for i, resp in enumerate(pages):
                order = (0, 1) if (run + i) % 2 == 0 else (1, 0)
                for which in order:
                    start = time.perf_counter()
                    if which == 0:
                        document_from(resp)
                    else:
                        trafilatura.extract(decoded_payload(resp), url=resp.target_uri)
                    (ours if which == 0 else bare)[i].append((time.perf_counter() - start) * 1000)
    return (statistics.median(statistics.median(t) for t in ours),
            statistics.median(statistics.median(t) for t in bare))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        warcs = build_archive(Path(tmp))
        rates: dict[int, list[float]] = {1: [], 2: []}
        print(f"{'run':>4} {'workers':>8} {'documents':>10} {'seconds':>8} {'docs/s':>8}")
        for run in range(rounds):
            for workers in ((1, 2) if run % 2 == 0 else (2, 1)):
                count, seconds = replay_rate(warcs, workers)
                rates[workers].append(count / seconds)
                print(f"{run + 1:>4} {workers:>8} {count:>10} {seconds:>8.2f} {count / seconds:>8.1f}", flush=True)
        one, two = statistics.median(rates[1]), statistics.median(rates[2])
        print(f"\nreplay: 1 worker {one:.1f} docs/s, 2 workers {two:.1f} docs/s, speed-up {two / one:.2f}× "
              "(target ≥ 1.7×)")
        ours, bare = per_page_costs(warcs, rounds)
        print(f"extraction per page: zhengwen {ours:.2f} ms, bare trafilatura.extract {bare:.2f} ms, "
              f"ratio {ours / bare:.2f}× (target ≤ 1.5×)")


if __name__ == "__main__":
    main()
