"""``zhengwen index`` and ``zhengwen verify``: archive commands that need no Scrapy."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from archive.damage import DamageLog, first_damage
from archive.errors import ArchiveError
from archive.index import INDEX_NAME, rebuild_index, update_index
from archive.repair_cli import repair_paths
from archive.replay import RevisitResolver, find_warcs
from archive.verify import verify_warc

#: Where ``zhengwen crawl`` writes WARC files by default (crawler/settings.py WARC_DIR).
DEFAULT_WARC_DIR = "data/warc"


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports usage errors as exit code 2 instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _parse(parser: _Parser, argv: Sequence[str] | None) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0


def index_main(argv: Sequence[str] | None = None) -> int:
    """Run ``zhengwen index [PATH ...] [-o INDEX] [--rebuild]``; return the exit code.

    PATHs are WARC files or directories (searched recursively for ``*.warc.gz`` and
    ``*.warc``); default ``data/warc``. The index goes to ``-o`` or to
    ``<directory of the first PATH>/index.cdxj``; it is updated (lines of the given
    files replaced) unless ``--rebuild`` asks for a fresh one.
    """
    parser = _Parser(prog="zhengwen index", description="Write a pywb-compatible CDXJ index of WARC files.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help=f"WARC files or directories (default {DEFAULT_WARC_DIR})")
    parser.add_argument("-o", "--output", metavar="INDEX", help=f"index file (default <dir>/{INDEX_NAME})")
    parser.add_argument("--rebuild", action="store_true", help="replace the index instead of merging into it")
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    paths = [Path(p) for p in args.paths or [DEFAULT_WARC_DIR]]
    first = paths[0]
    output = Path(args.output) if args.output else (first if first.is_dir() else first.parent) / INDEX_NAME
    damage = DamageLog()
    try:
        warcs = find_warcs(paths)
        if not warcs:
            print(f"zhengwen index: no WARC files (*.warc.gz, *.warc) in {', '.join(map(str, paths))}", file=sys.stderr)
            return 1
        update = rebuild_index if args.rebuild else update_index
        lines = update(output, warcs, damage=damage)
    except ArchiveError as exc:
        print(f"zhengwen index: {exc}", file=sys.stderr)
        return 1
    print(f"indexed {len(warcs)} WARC file(s), {lines} line(s), into {output}")
    for item in damage:  # its complete records are indexed
        print(f"zhengwen index: {item}", file=sys.stderr)
    return 1 if damage else 0


def verify_main(argv: Sequence[str] | None = None) -> int:
    """Run ``zhengwen verify PATH... [--index CDXJ] [--repair]``; return 0 if every file is OK, else 1 (2: usage).

    Prints ``OK path (N records)`` or ``FAIL path: problem; problem…`` per file, and for a
    damaged file one ``zhengwen verify: path: damaged at byte N …`` line on stderr.
    ``--repair`` first mends the files (see :mod:`archive.repair_cli`), then verifies them.
    Revisits are resolved against all the files given, the other WARC files in their
    directories and, with ``--index``, the files a CDXJ index names.
    """
    parser = _Parser(prog="zhengwen verify", description="Check WARC files: gzip, digests, pairs, revisits.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="WARC files or directories")
    parser.add_argument("--index", metavar="CDXJ", help="a CDXJ index to resolve revisits against other crawls")
    parser.add_argument("--repair", action="store_true",
                        help="first mend .warc.gz.open files left by a killed crawl and damaged .warc.gz files")
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    paths = [Path(p) for p in args.paths]
    try:
        if args.repair and not repair_paths(paths):
            return 1
        warcs = find_warcs(paths)
        siblings = find_warcs(sorted({p.parent for p in warcs}))
    except ArchiveError as exc:
        print(f"zhengwen verify: {exc}", file=sys.stderr)
        return 1
    if not warcs:
        print(f"zhengwen verify: no WARC files (*.warc.gz, *.warc) in {', '.join(map(str, paths))}", file=sys.stderr)
        return 1
    resolver = RevisitResolver(dict.fromkeys(warcs + siblings), cdxj=args.index)
    failed = 0
    for path in warcs:
        result = verify_warc(path, resolver=resolver)
        if result.ok:
            print(f"OK {path} ({result.records} records)")
        else:
            failed += 1
            print(f"FAIL {path}: {'; '.join(map(str, result.problems))}")
            _, damage = first_damage(path)
            if damage is not None:
                print(f"zhengwen verify: {damage}", file=sys.stderr)
    return 1 if failed else 0
