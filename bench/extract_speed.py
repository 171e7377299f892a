"""Benchmark: zhengwen's extraction vs bare ``trafilatura.extract`` on the same bytes, interleaved.

    .venv/bin/python bench/extract_speed.py [--rounds 3] [--sets fixtures zh-news evaldata-dev]

Pages: the shared fixtures (pages.json and the seed pages), zh-news (523) and
evaldata-dev (490), from ../shared/fixtures or $ZHENGWEN_FIXTURES. Each round times, per
page, ``crawler.extract.extract_html`` (decode, parse, blocks and their evidence:
trafilatura, the readability-style scores, features; the block model; post-clean;
metadata; language; page type) and ``trafilatura.extract`` on the same raw bytes,
alternating which goes first; a page's time is its median over the rounds. Prints, per
set and over all pages, the median ms/page of each, the median of the per-page ratios and
the ratio of the totals. Target: zhengwen ≤ 1.3× bare trafilatura per page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets
from quality_metrics import fixtures_dir, load_cases

from crawler.extract import extract_html

SETS = ("fixtures", devsets.ZH_NEWS, devsets.EVALDATA)
#: (set, name, body, url, headers)
Page = tuple[str, str, bytes, str, "dict[str, str] | None"]


def load_pages(sets: list[str]) -> list[Page]:
    """The pages of the chosen sets."""
    pages: list[Page] = []
    if "fixtures" in sets:
        for case in load_cases(fixtures_dir()):
            pages.append(("fixtures", case.file, case.path.read_bytes(), case.url, {"Content-Type": case.content_type}))
    loaders = {devsets.ZH_NEWS: devsets.load_zh_news, devsets.EVALDATA: devsets.load_evaldata}
    for name in sets:
        if name in loaders:
            pages += [(name, page.name, page.body(), page.url, None) for page in loaders[name]()]
    return pages


def timed(func, *args, **kwargs) -> float:
    """CPU milliseconds of this thread spent in ``func`` (other processes on a shared machine do not count)."""
    start = time.thread_time()
    func(*args, **kwargs)
    return (time.thread_time() - start) * 1000


def measure(pages: list[Page], rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    """Median ms of zhengwen and of bare trafilatura per page, over interleaved rounds."""
    ours: dict[str, list[float]] = {name: [] for _, name, *_ in pages}
    bare: dict[str, list[float]] = {name: [] for _, name, *_ in pages}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _, _name, body, url, headers in pages[:: max(1, len(pages) // 40)]:  # warm-up: imports, caches, profiles
            extract_html(body, url, headers)
            trafilatura.extract(body, url=url)
        for run in range(rounds):
            for _, name, body, url, headers in pages:
                if run % 2 == 0:
                    ours[name].append(timed(extract_html, body, url, headers))
                    bare[name].append(timed(trafilatura.extract, body, url=url))
                else:
                    bare[name].append(timed(trafilatura.extract, body, url=url))
                    ours[name].append(timed(extract_html, body, url, headers))
    return ({n: statistics.median(v) for n, v in ours.items()}, {n: statistics.median(v) for n, v in bare.items()})


def _row(label: str, names: list[str], ours: dict[str, float], bare: dict[str, float]) -> str:
    median_ratio = statistics.median(ours[n] / bare[n] for n in names)
    total_ratio = sum(ours[n] for n in names) / sum(bare[n] for n in names)
    return (f"{label:<14} {len(names):>6} {statistics.median(ours[n] for n in names):>10.2f} "
            f"{statistics.median(bare[n] for n in names):>12.2f} {median_ratio:>13.2f}× {total_ratio:>11.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    args = parser.parse_args()
    pages = load_pages(args.sets)
    ours, bare = measure(pages, args.rounds)
    print(f"{len(pages)} pages, {args.rounds} interleaved rounds (ms per page: medians over the rounds)")
    print(f"{'set':<14} {'pages':>6} {'zhengwen':>10} {'trafilatura':>12} {'median ratio':>14} {'total ratio':>12}")
    for name in args.sets:
        print(_row(name, [n for s, n, *_ in pages if s == name], ours, bare))
    print(_row("all", [n for _, n, *_ in pages], ours, bare))
    print("target: zhengwen ≤ 1.3× bare trafilatura per page")
    print("\nhighest per-page ratios:")
    for name in sorted(ours, key=lambda n: ours[n] / bare[n], reverse=True)[:5]:
        print(f"  {name:<45} {ours[name]:>7.2f} ms vs {bare[name]:>7.2f} ms ({ours[name] / bare[name]:.2f}×)")


if __name__ == "__main__":
    main()
