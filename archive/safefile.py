"""Write an output file so that a failed run leaves what was there, and never replace what it does not own.

A regular file (or a path not yet there) is written as ``NAME.open`` beside it and renamed
over it only when complete, so a reader sees the old file or the new one, never half of
one, and a failed run leaves the old one untouched. A symbolic link is written through: the
file it points to is replaced, the link stays. A FIFO, a character or block device or a
socket (``/dev/null``, ``/dev/stdout``, a named pipe) is written to directly: there is no
file to swap, and renaming over it would destroy the node.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

#: Suffix of a file being written, renamed away when complete.
OPEN_SUFFIX = ".open"


def open_path(path: Path) -> Path:
    """Where ``path`` is written before it is complete: ``path.open``."""
    return path.with_name(path.name + OPEN_SUFFIX)


def resolved_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: ``path`` itself, or what its symlink chain points to."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def is_stream_node(path: Path) -> bool:
    """True for an existing FIFO, device or socket (after following symlinks)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode)


class LeftoverError(FileExistsError):
    """``NAME.open`` exists: another run is writing there, or one crashed."""


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield the path to write ``path``'s new content to; it becomes ``path`` only if the block succeeds.

    For a FIFO, device or socket the node itself is yielded (written through). Otherwise
    ``NAME.open`` beside the real file is yielded, renamed over it at the end (keeping the
    old file's permission bits) or deleted if the block raises.

    Raises:
        LeftoverError: ``NAME.open`` already exists (another writer, or a crashed one).
    """
    target = resolved_target(Path(path))
    if is_stream_node(target):
        yield target
        return
    temp = open_path(target)
    if temp.exists():
        raise LeftoverError(f"{temp} exists: another run is writing there, or one crashed; "
                            "wait for it, or delete it if nothing is running")
    try:
        yield temp
        with contextlib.suppress(OSError):
            os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def sync(handle: object) -> None:
    """fsync a file handle that is a regular file (FIFOs and devices cannot be synced)."""
    fileno = handle.fileno()  # type: ignore[attr-defined]
    if stat.S_ISREG(os.fstat(fileno).st_mode):
        os.fsync(fileno)
