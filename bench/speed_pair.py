"""Benchmark: the extraction time of two checkouts of zhengwen, page by page, interleaved.

    .venv/bin/python bench/speed_pair.py OLD_CHECKOUT NEW_CHECKOUT [--rounds 2] [--set evaldata-dev]

For telling whether a change made extraction slower or faster when the difference is a
few per cent: the machine's speed drifts by 10 % between runs, more than that. Each
checkout's ``extract_html`` runs in a worker process of its own (started from the
checkout, so each imports its own ``crawler``); the workers take turns on the same page,
which goes to them in alternating order, and a page's time is its least CPU time
(``time.thread_time``) over the rounds. Prints each checkout's total and NEW/OLD's
ratio of totals and median per-page ratio. A git worktree makes the old checkout:
``git worktree add /tmp/old HEAD~1``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

SETS = ("evaldata-dev", "zh-news")


def worker(root: str, dataset: str) -> None:
    """Extract the page whose index arrives on stdin; answer with its CPU seconds."""
    import time
    import warnings

    sys.path[:0] = [str(Path(root) / "bench"), root]
    import devsets

    from crawler.extract import extract_html

    warnings.simplefilter("ignore")
    pages = devsets.load_evaldata() if dataset == "evaldata-dev" else devsets.load_zh_news()
    bodies = [(page.body(), page.url) for page in pages]
    for body, url in bodies[:30]:  # warm the caches and the lazy imports
        extract_html(body, url, None)
    print(len(bodies), flush=True)
    for line in sys.stdin:
        body, url = bodies[int(line)]
        start = time.thread_time()
        extract_html(body, url, None)
        print(time.thread_time() - start, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="checkout whose time is the reference")
    parser.add_argument("new", help="checkout compared with it")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--set", dest="dataset", choices=SETS, default="evaldata-dev")
    args = parser.parse_args(argv)
    roots = [str(Path(root).resolve()) for root in (args.old, args.new)]
    for root in roots:
        if not (Path(root) / "crawler" / "extract").is_dir():
            parser.error(f"{root}: not a zhengwen checkout")
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", root, args.dataset], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for root in roots
    ]
    counts = [int(proc.stdout.readline()) for proc in workers]  # type: ignore[union-attr]
    times: list[list[list[float]]] = [[[] for _ in range(counts[0])] for _ in workers]
    for round_ in range(args.rounds):
        for page in range(counts[0]):
            for k in (0, 1) if (page + round_) % 2 == 0 else (1, 0):
                workers[k].stdin.write(f"{page}\n")  # type: ignore[union-attr]
                workers[k].stdin.flush()  # type: ignore[union-attr]
                times[k][page].append(float(workers[k].stdout.readline()))  # type: ignore[union-attr]
    for proc in workers:
        proc.stdin.close()  # type: ignore[union-attr]
        proc.wait()
    old, new = ([min(page) for page in side] for side in times)
    print(f"{counts[0]} pages of {args.dataset}, {args.rounds} interleaved rounds (CPU seconds, least per page)")
    print(f"old {roots[0]}: {sum(old):.3f} s")
    print(f"new {roots[1]}: {sum(new):.3f} s")
    ratios = [b / a for a, b in zip(old, new) if a > 0]
    print(f"new/old: total {sum(new) / sum(old):.4f}, median per page {statistics.median(ratios):.4f}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
    else:
        sys.exit(main())
