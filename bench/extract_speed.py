"""Benchmark: zhengwen's extraction vs bare ``trafilatura.extract`` on the same pages, interleaved.

    .venv/bin/python bench/extract_speed.py [--rounds 7] [--fixtures DIR]

Pages: every page of ../shared/fixtures/pages.json and seedpages/seedpages.json (or
$ZHENGWEN_FIXTURES). Each round times, per page, ``crawler.extract.extract_html`` (decode,
repair, profile pre-clean, trafilatura, post-clean, metadata, language, page type) and
``trafilatura.extract`` on the same bytes, alternating which goes first. Prints the median
ms/page of each, their ratio, and the pages with the highest ratio.
Target: zhengwen ≤ 1.3× bare trafilatura.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
import warnings
from pathlib import Path

import trafilatura

from crawler.extract import extract_html

ROOT = Path(__file__).resolve().parents[1]


def fixtures_dir(given: str | None) -> Path:
    path = Path(given or os.environ.get("ZHENGWEN_FIXTURES") or ROOT.parent / "shared" / "fixtures")
    if not (path / "pages.json").is_file():
        raise SystemExit(f"fixtures not found at {path}: pass --fixtures DIR or set ZHENGWEN_FIXTURES")
    return path


def load_pages(root: Path) -> list[tuple[str, bytes, str, dict[str, str]]]:
    """(name, bytes, url, headers) of every fixture page."""
    pages = []
    for entry in json.loads((root / "pages.json").read_text(encoding="utf-8")):
        headers = {"Content-Type": f"text/html; charset={entry['actual_charset']}"}
        pages.append((entry["file"], (root / entry["file"]).read_bytes(), entry["url"], headers))
    seed_root = root / "seedpages"
    for entry in json.loads((seed_root / "seedpages.json").read_text(encoding="utf-8")):
        headers = {"Content-Type": entry["content_type"]}
        pages.append((entry["file"], (seed_root / entry["file"]).read_bytes(), entry["url"], headers))
    return pages


def timed(func, *args, **kwargs) -> float:  # noqa: ANN001
    start = time.perf_counter()
    func(*args, **kwargs)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--fixtures")
    args = parser.parse_args()
    pages = load_pages(fixtures_dir(args.fixtures))
    ours: dict[str, list[float]] = {name: [] for name, *_ in pages}
    bare: dict[str, list[float]] = {name: [] for name, *_ in pages}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, body, url, headers in pages:  # warm-up: imports, caches, langdetect profiles
            extract_html(body, url, headers)
            trafilatura.extract(body, url=url)
        for run in range(args.rounds):
            for name, body, url, headers in pages:
                if run % 2 == 0:
                    ours[name].append(timed(extract_html, body, url, headers))
                    bare[name].append(timed(trafilatura.extract, body, url=url))
                else:
                    bare[name].append(timed(trafilatura.extract, body, url=url))
                    ours[name].append(timed(extract_html, body, url, headers))
    ours_med = {n: statistics.median(v) for n, v in ours.items()}
    bare_med = {n: statistics.median(v) for n, v in bare.items()}
    ours_page, bare_page = statistics.median(ours_med.values()), statistics.median(bare_med.values())
    total_ratio = sum(ours_med.values()) / sum(bare_med.values())
    print(f"{len(pages)} pages, {args.rounds} interleaved rounds")
    print(f"{'extractor':<22} {'median ms/page':>15} {'total ms':>10}")
    print(f"{'zhengwen extract_html':<22} {ours_page:>15.2f} {sum(ours_med.values()):>10.1f}")
    print(f"{'trafilatura.extract':<22} {bare_page:>15.2f} {sum(bare_med.values()):>10.1f}")
    print(f"ratio zhengwen/trafilatura: median page {ours_page / bare_page:.2f}×, total {total_ratio:.2f}× (target ≤ 1.3×)")
    print("\nhighest per-page ratios:")
    for name in sorted(ours_med, key=lambda n: ours_med[n] / bare_med[n], reverse=True)[:5]:
        print(f"  {name:<45} {ours_med[name]:>7.2f} ms vs {bare_med[name]:>7.2f} ms ({ours_med[name] / bare_med[name]:.2f}×)")


if __name__ == "__main__":
    main()
