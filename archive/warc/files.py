"""Which files are WARC files, and the order they are read in."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from archive.errors import WarcReadError

if TYPE_CHECKING:
    from os import PathLike

#: File name endings of finished WARC files (``.open`` files are never read).
WARC_SUFFIXES = (".warc.gz", ".warc")


def find_warcs(paths: Iterable[str | PathLike[str]]) -> list[Path]:
    """Expand files and directories (recursively) into WARC files, in replay order.

    The order is by file name, then by full path: zhengwen's file names start with
    their prefix and creation time, so this is the order they were written in.

    Raises:
        WarcReadError: a path does not exist.
    """
    found: set[Path] = set()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.name.endswith(WARC_SUFFIXES) and p.is_file())
        elif path.is_file():
            found.add(path)
        else:
            raise WarcReadError(f"no such file or directory: {path}")
    return sorted(found, key=lambda p: (p.name, str(p)))
