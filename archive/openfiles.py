"""``.open`` files: a live writer holds an exclusive lock on its file; a crashed one's lock is gone.

The kernel drops a ``flock`` lock when its process dies (kill -9 included), so a ``.open``
file nobody holds a lock on was left by a writer that is no longer running. This is not
a run lock (two crawls may still start in one folder); it only tells a crash's leftovers
from files being written.
"""

from __future__ import annotations

import fcntl
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from os import PathLike


def hold(fd: int) -> None:
    """Take the exclusive lock of a ``.open`` file just created, for as long as ``fd`` stays open.

    Raises:
        BlockingIOError: another open file description holds it.
    """
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def held_by_live_writer(path: str | PathLike[str]) -> bool:
    """True when a running process holds ``path``'s lock; False when nobody does or the file is gone."""
    try:
        handle = Path(path).open("rb")
    except FileNotFoundError:
        return False
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False
