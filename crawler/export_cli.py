"""``zhengwen export``: documents of a crawl, a JSONL file or WARC files as JSONL, CSV, Parquet or text.

The formats, filters and duplicate grouping live in ``archive/`` (exporters, selection,
duplicates); this command lives in ``crawler/`` only because a WARC source is replayed,
which needs the extractor (crawler.replay, imported only for WARC sources).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from archive.damage import DamageLog
from archive.duplicates import DEFAULT_THRESHOLD, group_duplicates
from archive.errors import ArchiveError
from archive.export import document_from_dict, read_jsonl
from archive.exporters import FORMATS, ExportRow, check_output, export_documents
from archive.progress import progress
from archive.records import Document
from archive.replay import WARC_SUFFIXES, find_warcs
from archive.selection import ANY_PAGE_TYPE, Selection, select

PROG = "zhengwen export"
#: The page types extraction assigns (crawler/extract/pagetype.py; a test keeps them equal).
PAGE_TYPES = ("article", "list", "deleted", "blocked", "error", "attachment")
CRAWL_JSONL = "text.jsonl"
CRAWL_WARC_DIR = "warc"

#: One step of reading the sources: a JSONL file, or WARC files/folders replayed together.
Source = tuple[str, list[Path]]


class _UsageError(Exception):
    """A bad command line: exit status 2."""


class _SourceError(Exception):
    """A SOURCE that is missing or not something export can read: exit status 1."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so export_main returns the status."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _int_at_least(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value
    return parse


def _similarity(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The ``zhengwen export`` argument parser."""
    parser = _Parser(prog=PROG, description="Export cleaned documents with their WARC provenance.")
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="crawl folder (its text.jsonl, else its warc/), JSONL file, or WARC files/folders")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    parser.add_argument("-o", "--output", metavar="OUT", type=Path,
                        help="output file (directory for txt); jsonl and csv default to standard output")
    parser.add_argument("--site", action="append", default=[], help="keep this site (repeatable): gov, netease …")
    parser.add_argument("--language", action="append", default=[],
                        help="keep this language (repeatable); zh matches zh-cn and zh-tw")
    parser.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="published on or after (inclusive)")
    parser.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="published on or before (inclusive)")
    parser.add_argument("--page-type", choices=(*PAGE_TYPES, ANY_PAGE_TYPE), default="article",
                        help="keep this page type (default article; any: all)")
    parser.add_argument("--min-chars", type=_int_at_least(0), default=0, metavar="N",
                        help="keep documents whose text has at least N characters")
    parser.add_argument("--dedup", action="store_true", help="keep one document per duplicate group")
    parser.add_argument("--no-grouping", action="store_true",
                        help="do not look for duplicates (streams; no duplicate_of field)")
    parser.add_argument("--similarity", type=_similarity, default=DEFAULT_THRESHOLD, metavar="J",
                        help=f"near-duplicate threshold, estimated Jaccard of 5-grams (default {DEFAULT_THRESHOLD})")
    parser.add_argument("--excel", action="store_true", help="csv: start with a UTF-8 byte order mark for Excel")
    parser.add_argument("--workers", type=_int_at_least(1), default=1, metavar="N",
                        help="extraction processes when replaying WARC files (default 1)")
    return parser


def _check_usage(args: argparse.Namespace) -> None:
    if args.format in ("parquet", "txt") and args.output is None:
        raise _UsageError(f"--format {args.format} needs -o OUT")
    if args.excel and args.format != "csv":
        raise _UsageError("--excel applies to --format csv only")
    if args.dedup and args.no_grouping:
        raise _UsageError("--dedup needs duplicate grouping; drop --no-grouping")
    if args.since and args.until and args.since > args.until:
        raise _UsageError(f"--since {args.since} is after --until {args.until}")


def _source(text: str) -> Source:
    path = Path(text)
    if path.is_dir():
        if (path / CRAWL_JSONL).is_file():
            return ("jsonl", [path / CRAWL_JSONL])
        if (path / CRAWL_WARC_DIR).is_dir():
            return ("warc", [path / CRAWL_WARC_DIR])
        if find_warcs([path]):
            return ("warc", [path])
        raise _SourceError(f"{path} holds no {CRAWL_JSONL}, {CRAWL_WARC_DIR}/ folder or WARC files")
    if path.is_file():
        if path.name.endswith(".jsonl"):
            return ("jsonl", [path])
        if path.name.endswith(WARC_SUFFIXES):
            return ("warc", [path])
        raise _SourceError(f"{path} is neither a JSONL file (*.jsonl) nor a WARC file (*.warc.gz, *.warc)")
    raise _SourceError(f"no such file or directory: {path}")


def plan_sources(texts: Sequence[str]) -> list[Source]:
    """Resolve SOURCE arguments in order; consecutive WARC sources are replayed together.

    Raises:
        _SourceError: a SOURCE is missing or of no known kind.
    """
    plan: list[Source] = []
    for kind, paths in map(_source, texts):
        if kind == "warc" and plan and plan[-1][0] == "warc":
            plan[-1][1].extend(paths)
        else:
            plan.append((kind, list(paths)))
    return plan


def iter_documents(plan: Iterable[Source], *, workers: int = 1, damage: DamageLog | None = None) -> Iterator[Document]:
    """Yield the documents of every source in order: JSONL lines, or replayed WARC records.

    A damaged WARC file gives the documents of its complete records; its damage goes to
    ``damage`` (raised without a log).

    Raises:
        ArchiveError: a file is unreadable, a line is not a document, a WARC record is broken.
    """
    for kind, paths in plan:
        if kind == "jsonl":
            yield from map(document_from_dict, read_jsonl(paths[0]))
        else:
            from crawler.replay import replay_documents  # loads the extractor: WARC sources only

            yield from replay_documents(paths, workers=workers, damage=damage)


def _rows(docs: Iterable[Document], args: argparse.Namespace) -> Iterable[ExportRow]:
    if args.no_grouping:
        return (ExportRow(doc) for doc in docs)
    selected = list(docs)
    rows = [ExportRow(doc, dup) for doc, dup in zip(selected, group_duplicates(selected, threshold=args.similarity))]
    return [row for row in rows if row.duplicate_of is None] if args.dedup else rows


def _stdout_wrapper() -> io.TextIOWrapper | None:
    """Standard output as UTF-8 text that passes ``\\r\\n`` through (CSV) whatever the locale;
    None when ``sys.stdout`` has no byte buffer to wrap (then it is written to directly)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        return None
    sys.stdout.flush()
    return io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)


def _export(args: argparse.Namespace, damage: DamageLog) -> int:
    selection = Selection(sites=frozenset(args.site), languages=frozenset(args.language), since=args.since,
                          until=args.until, page_type=args.page_type, min_chars=args.min_chars)
    plan = plan_sources(args.sources)
    check_output(args.format, args.output)  # before reading: grouping reads every document first
    docs = select(progress(iter_documents(plan, workers=args.workers, damage=damage), "export", unit="doc"), selection)
    wrapper = _stdout_wrapper() if args.output is None else None
    stream: IO[str] | None = wrapper or (sys.stdout if args.output is None else None)
    try:
        count = export_documents(_rows(docs, args), args.format, args.output, grouped=not args.no_grouping,
                                 excel=args.excel, stdout=stream)
    finally:
        if wrapper is not None:
            wrapper.flush()
            wrapper.detach()  # leave sys.stdout's buffer open
    if sys.stderr.isatty():
        print(f"{PROG}: {count} document(s) written to {args.output or 'standard output'}", file=sys.stderr)
    return 0


def export_main(argv: Sequence[str] | None = None) -> int:
    """Run ``zhengwen export SOURCE... [--format F] [-o OUT] [filters] [--dedup]``; return the exit status.

    0 on success; 1 with one line on stderr when a SOURCE is missing or unreadable or the
    output cannot be written; 2 for usage errors.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        _check_usage(args)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    damage = DamageLog()
    try:
        status = _export(args, damage)
    except (_SourceError, ArchiveError) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader closed the pipe (| head): stop quietly, and keep the interpreter's final
        # flush of sys.stdout from failing again on exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    finally:
        for item in damage:  # a damaged WARC file: its complete records were exported
            print(f"{PROG}: {item}", file=sys.stderr)
    return 1 if damage else status
