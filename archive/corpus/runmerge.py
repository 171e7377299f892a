"""Merge sorted runs of lines stored in one file, on disk: memory holds one line per run, not the file."""

from __future__ import annotations

import heapq
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

#: Runs merged at once; more runs are merged in passes through scratch files beside the source.
FAN_IN = 64

Run = tuple[int, int]


def _lines(path: Path, run: Run) -> Iterator[bytes]:
    """The lines of ``path`` between byte offsets ``run`` (each line ends with ``\\n``)."""
    start, end = run
    with path.open("rb") as handle:
        handle.seek(start)
        remaining = end - start
        while remaining > 0:
            line = handle.readline(remaining)
            if not line:
                return
            remaining -= len(line)
            yield line


def _merge(path: Path, runs: list[Run], target: IO[bytes], key: Callable[[bytes], Any]) -> None:
    # heapq.merge is stable: on equal keys the earlier run's line comes first, so the
    # result is the stable sort of the runs' lines taken in order.
    target.writelines(heapq.merge(*(_lines(path, run) for run in runs), key=key))


def merge_runs(
    path: str | os.PathLike[str], runs: list[Run], target: IO[bytes], key: Callable[[bytes], Any],
    *, fan_in: int = FAN_IN,
) -> None:
    """Write the lines of the sorted ``runs`` of ``path`` to ``target``, in ``key`` order.

    Each run is a byte range ``(start, end)`` of ``path`` whose lines are already in
    ``key`` order; lines with equal keys keep the order of their runs in ``runs``, then
    their order within the run (a stable sort). At most ``fan_in`` runs are read at
    once; more are merged in passes through ``PATH.merge<N>.open`` scratch files, which
    are removed afterwards.

    Raises:
        OSError: a file cannot be read or written.
    """
    source = Path(path)
    scratch: list[Path] = []
    try:
        while len(runs) > fan_in:
            out_path = source.with_name(f"{Path(path).name}.merge{len(scratch)}.open")
            scratch.append(out_path)
            merged: list[Run] = []
            with out_path.open("wb") as out:
                for first in range(0, len(runs), fan_in):
                    start = out.tell()
                    _merge(source, runs[first:first + fan_in], out, key)
                    merged.append((start, out.tell()))
            source, runs = out_path, merged
        _merge(source, runs, target, key)
    finally:
        for leftover in scratch:
            leftover.unlink(missing_ok=True)
