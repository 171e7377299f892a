"""Extraction quality on every labelled set, zhengwen beside trafilatura, readability-lxml and GNE, in one run.

    .venv/bin/python bench/quality.py [--sets fixtures zh-news evaldata-dev unseen]
                                      [--only zhengwen trafilatura readability gne]
                                      [--workers 2] [--worst 10] [--no-failures]

Sets (../shared/fixtures or $ZHENGWEN_FIXTURES, and tests/fixtures/unseen):

- fixtures: pages.json and the seed pages: with-snippet recall, leak rate, seed char F1,
  seed titles exact, non-article seed pages typed (bench/quality_metrics.py);
- zh-news: character-bag P/R/F1 per page, macro-averaged, and F1 per site;
- evaldata-dev: with/without snippet P/R/F1 summed over the pages;
- unseen: the synthetic pages of tests/fixtures/unseen, scored like evaldata-dev.

On zh-news and evaldata-dev, ``zhengwen`` is the held-out figure (bench/heldout.py: each
page extracted by the model fitted without its site or half, zh-news pages with the
generic profile only); ``zhengwen-fitted`` is the bundled model on the pages it was fitted
on, printed for comparison only. Each set also lists empty outputs, articles typed as
something else (zhengwen only) and zhengwen's worst pages.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets  # noqa: E402
import heldout  # noqa: E402
from extractors import EXTRACTORS  # noqa: E402
from quality_metrics import TABLE_HEADER, evaluate, fixtures_dir, load_cases, table_row  # noqa: E402

SETS = ("fixtures", devsets.ZH_NEWS, devsets.EVALDATA, devsets.UNSEEN)
HELD_OUT = "zhengwen"
FITTED = "zhengwen-fitted"


def _run(task: tuple[str, devsets.DevPage]) -> tuple[str, str, str | None, str | None]:
    name, page = task
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            if name == HELD_OUT and page.dataset in (devsets.ZH_NEWS, devsets.EVALDATA):
                text, page_type = heldout.extract_held_out(page)
            else:
                output = EXTRACTORS["zhengwen" if name == FITTED else name](page.body(), page.url, "")
                text, page_type = output.text, output.page_type
        except Exception as exc:  # a crashing extractor scores as extracting nothing
            print(f"{name} raised on {page.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            text, page_type = None, None
    return name, page.name, text, page_type


def _header(dataset: str, sites: bool) -> str:
    columns = f"{'extractor':<17} {'P':>6} {'R':>6} {'F1':>6} {'empty':>6} {'non-article':>12}"
    return columns + ("  F1 per site: " + " ".join(f"{s:>6}" for s in devsets.ZH_SITES) if sites else "")


def report_devset(dataset: str, pages: list[devsets.DevPage], outputs: dict, names: list[str], worst: int) -> None:
    """Print one development set's table and zhengwen's worst pages."""
    print(f"\n{dataset} ({len(pages)} pages)")
    sites = dataset == devsets.ZH_NEWS
    print(_header(dataset, sites))
    articles = [page for page in pages if _expected(page) == "article"]
    for name in names:
        scores = [devsets.score_page(page, outputs[name][page.name][0]) for page in articles]
        total = devsets.summarize(scores, dataset)
        types = [outputs[name][page.name][1] for page in pages]
        wrong = sum(1 for page, kind in zip(pages, types) if kind is not None and kind != _expected(page))
        typed = f"{wrong}" if any(kind is not None for kind in types) else "n/a"
        line = f"{name:<17} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} {total.empty:6d} {typed:>12}"
        if sites:
            line += "               " + " ".join(
                f"{devsets.summarize([s for s in scores if s.fold == site], dataset).f1:6.3f}" for site in devsets.ZH_SITES
            )
        print(line)
    if worst and HELD_OUT in names:
        scores = [devsets.score_page(page, outputs[HELD_OUT][page.name][0]) for page in articles]
        key: Callable[[devsets.PageScore], float] = (lambda s: s.f1) if sites else (lambda s: s.snippet_f1)
        print(f"worst pages ({HELD_OUT}):")
        for score in sorted(scores, key=lambda s: (key(s), s.name))[:worst]:
            detail = f"P {score.precision:.2f} R {score.recall:.2f}" if sites else f"tp {score.tp} fn {score.fn} fp {score.fp}"
            print(f"  {key(score):.3f}  {score.name}  ({detail})")


def _expected(page: devsets.DevPage) -> str:
    return page.fold if page.dataset == devsets.UNSEEN else "article"


def report_fixtures(names: list[str], show_failures: bool) -> None:
    """Print the fixture table (pages.json and the seed pages)."""
    root = fixtures_dir()
    cases = load_cases(root)
    print(f"fixtures: {root} ({len(cases)} pages)")
    print(TABLE_HEADER)
    failures = []
    for name in names:
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scores = evaluate(EXTRACTORS[name], cases, types_pages=name == "zhengwen")
        print(table_row(name, scores) + f"   ({time.perf_counter() - started:.1f} s)")
        failures.append((name, scores.failures))
    for name, lines in failures if show_failures else ():
        print(f"{name}: {len(lines)} page(s) with failures")
        for line in lines:
            print("  " + line)


def main(argv: list[str] | None = None) -> int:
    """Print the tables; exit 1 when the fixtures are missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS), help="sets to score (default: all)")
    parser.add_argument("--only", nargs="+", choices=sorted(EXTRACTORS), help="extractors (default: all but gne)")
    parser.add_argument("--workers", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--worst", type=int, default=10, help="worst zhengwen pages listed per set (default 10)")
    parser.add_argument("--no-failures", action="store_true", help="fixtures: print the table only")
    args = parser.parse_args(argv)
    names = args.only or ["zhengwen", "trafilatura", "readability"]
    try:
        if "fixtures" in args.sets:
            report_fixtures(names if args.only else [*names, "gne"], not args.no_failures)
        loaders = {devsets.ZH_NEWS: devsets.load_zh_news, devsets.EVALDATA: devsets.load_evaldata, devsets.UNSEEN: devsets.load_unseen}
        chosen = {name: loaders[name]() for name in args.sets if name in loaders}
    except FileNotFoundError as exc:
        print(f"bench/quality.py: {exc}", file=sys.stderr)
        return 1
    runs = [*names, FITTED] if "zhengwen" in names else names
    tasks = [(name, page) for pages in chosen.values() for name in runs for page in pages
             if not (name == FITTED and pages[0].dataset == devsets.UNSEEN)]
    outputs: dict[str, dict[str, tuple[str | None, str | None]]] = {name: {} for name in runs}
    started = time.perf_counter()
    with Pool(args.workers) as pool:
        for name, page_name, text, page_type in pool.imap_unordered(_run, tasks, chunksize=8):
            outputs[name][page_name] = (text, page_type)
    for dataset, pages in chosen.items():
        shown = [n for n in runs if n != FITTED or dataset != devsets.UNSEEN]
        report_devset(dataset, pages, outputs, shown, args.worst)
    if chosen:
        print(f"\n({len(tasks)} extractions in {time.perf_counter() - started:.0f} s on {args.workers} processes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
