"""Progress bars for long runs (replay, export, index): on a terminal only, never in logs or pipes.

``tqdm`` draws the bars: a deliberate departure from "archive/ imports warcio and the
standard library only" (issue #5 asks for a maintained progress library). Bars go to
stderr, and only when stderr is a TTY, so cron jobs, pipes and tests see no output.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm  # type: ignore[import-untyped]

T = TypeVar("T")


def progress(iterable: Iterable[T], desc: str, total: int | None = None, *, unit: str = "it") -> Iterator[T]:
    """Yield the items of ``iterable``, drawing a progress bar on stderr when it is a terminal.

    Args:
        iterable: the items; consumed lazily.
        desc: the bar's label (``export``, ``replay`` …).
        total: the number of items when known (``len`` is used when ``iterable`` has one),
            else the bar counts without a percentage.
        unit: what one item is (``doc``, ``file``).
    """
    bar = tqdm(iterable, desc=desc, total=total, unit=unit, file=sys.stderr, disable=not sys.stderr.isatty(),
               dynamic_ncols=True, leave=False)
    try:
        yield from bar
    finally:
        bar.close()
