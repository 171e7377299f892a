"""The text stream a command writes: standard output, or a file replaced only when the run succeeds."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from archive.safefile import replacing, sync
from crawler.commands.base import STDOUT


@contextlib.contextmanager
def text_output(output: str | None, *, newline: str = "\n") -> Iterator[IO[str]]:
    """Yield a UTF-8 text stream for ``output`` (None or ``-``: standard output).

    A file is written beside its final name and renamed over it when the block ends
    without an exception (archive/safefile.py), so a failed run leaves the old file. On
    standard output the text is UTF-8 whatever the locale, ``newline`` passed through.
    """
    if output is not None and output != STDOUT:
        with replacing(Path(output)) as path, path.open("w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            sync(handle)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced sys.stdout (tests): write to it as it is
        yield sys.stdout
        return
    sys.stdout.flush()
    wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline=newline, write_through=True)
    try:
        yield wrapper
        wrapper.flush()
    finally:
        with contextlib.suppress(BrokenPipeError, ValueError):
            wrapper.detach()  # leave sys.stdout's buffer open
