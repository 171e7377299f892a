"""What every sub-command shares: exit statuses, usage errors, argument types and the output option."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from archive.safefile import is_stream_node, resolved_target

EXIT_OK = 0
#: Something failed during the work (a download, a damaged record, a write).
EXIT_FAILED = 1
#: The command line or an input named on it is wrong; nothing was done.
EXIT_USAGE = 2
#: Standard output was closed before the command finished (``| head``), as for other Unix tools.
EXIT_BROKEN_PIPE = 128 + 13
#: Interrupted with Ctrl-C.
EXIT_INTERRUPTED = 128 + 2

#: ``-o -``: write to standard output.
STDOUT = "-"


class UsageError(Exception):
    """A wrong command line or a bad input file named on it: exit status 2, with the command's usage."""


def fail(prog: str, message: str) -> int:
    """Print ``prog: message`` on standard error; return EXIT_FAILED."""
    print(f"{prog}: {message}", file=sys.stderr)
    return EXIT_FAILED


def report_damage(prog: str, damage: Iterable[object]) -> None:
    """One line on standard error per damaged WARC file (its complete records were used)."""
    for item in damage:
        print(f"{prog}: {item}", file=sys.stderr)


def default_workers() -> int:
    """All cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def int_at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: an integer ≥ ``minimum``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value
    return parse


def project_settings(pairs: Iterable[str] = ()) -> Any:
    """The project's Scrapy settings (environment included: REDIS_URL), with ``-s NAME=VALUE`` pairs.

    Raises:
        UsageError: a pair is not NAME=VALUE.
    """
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    for text in pairs:
        name, sep, value = text.partition("=")
        if not sep or not name:
            raise UsageError(f"-s expects NAME=VALUE, got {text!r}")
        settings.set(name, value, priority="cmdline")
    return settings


def iso_date(text: str) -> dt.date:
    """An argparse type: a date YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def add_workers(parser: argparse.ArgumentParser, what: str) -> None:
    """``--workers N``, defaulting to all cores (the output is the same for any N)."""
    parser.add_argument("--workers", type=int_at_least(1), default=None, metavar="N",
                        help=f"{what} processes (default: all cores, {default_workers()} here; "
                             "the output does not depend on it)")


def add_output(parser: argparse.ArgumentParser, what: str, *, metavar: str = "OUT", aliases: tuple[str, ...] = ()) -> None:
    """``-o/--output``; ``-o -`` is standard output."""
    parser.add_argument("-o", "--output", *aliases, metavar=metavar, default=None, help=what)


def check_output_file(output: str | None, *, stdout_ok: bool = True) -> None:
    """Refuse, before any work, an output file that cannot be written.

    A missing parent folder or a folder where a file is expected is a usage error. An
    existing regular file is replaced only when the run succeeds; a symlink is written
    through; a FIFO or device is written to directly (archive/safefile.py).

    Raises:
        UsageError: as above, or ``-`` where standard output is not allowed.
    """
    if output is None:
        return
    if output == STDOUT:
        if not stdout_ok:
            raise UsageError("-o - (standard output) is not possible here; name a file")
        return
    path = Path(output)
    target = resolved_target(path)
    if is_stream_node(target):
        return
    if target.is_dir():
        raise UsageError(f"-o {output}: is a directory; name a file")
    if not target.parent.is_dir():
        raise UsageError(f"-o {output}: folder {target.parent} does not exist")


def check_inputs(paths: list[str], what: str) -> None:
    """Every named input exists.

    Raises:
        UsageError: naming the first that does not.
    """
    for name in paths:
        if not os.path.lexists(name):
            raise UsageError(f"{what} not found: {name}")
        if not os.path.exists(name):
            raise UsageError(f"{what} is a broken symbolic link: {name}")
