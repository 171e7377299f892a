"""``zhengwen export``: documents of a crawl, a JSONL file or WARC files as JSONL, CSV, Parquet or text.

The formats, filters and duplicate grouping live in ``archive/`` (exporters, selection,
duplicates); this command lives in ``crawler/`` because a WARC source is replayed, which
needs the extractor (crawler.rederive, imported only for WARC sources).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from crawler.commands.base import (
    EXIT_FAILED,
    EXIT_OK,
    STDOUT,
    UsageError,
    add_output,
    add_workers,
    check_inputs,
    check_output_file,
    fail,
    int_at_least,
    iso_date,
    report_damage,
)

if TYPE_CHECKING:
    from archive.corpus.formats import ExportRow
    from archive.records import Document
    from archive.warc.damage import DamageLog

PROG = "zhengwen export"
HELP = "export documents as JSONL, CSV, Parquet or text files, duplicates grouped"
DESCRIPTION = """\
Export the cleaned documents of crawl folders, JSONL files or WARC files (replayed) with
their WARC provenance, filtered by site, language, date, page type and length, with
near-duplicates grouped (duplicate_of) or dropped (--dedup)."""
EXAMPLES = """\
examples:
  zhengwen export data                                 articles of a crawl as JSONL on standard output
  zhengwen export --format csv --excel -o out.csv data  CSV that Excel opens as UTF-8
  zhengwen export data --site gov --since 2024-01-01 --dedup -o gov.parquet --format parquet
  zhengwen export data/warc --format txt -o corpus/     one text file per document"""
#: The page types extraction assigns (crawler/extract/pagetype.py; a test keeps them equal).
PAGE_TYPES = ("article", "list", "deleted", "blocked", "error", "attachment")
CRAWL_JSONL = "text.jsonl"
CRAWL_WARC_DIR = "warc"

#: One step of reading the sources: a JSONL file, or WARC files/folders replayed together.
Source = tuple[str, list[Path]]


def _similarity(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be in (0, 1], got {value}")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    from archive.corpus.formats import FORMATS
    from archive.corpus.nearduplicates import DEFAULT_THRESHOLD
    from archive.corpus.selection import ANY_PAGE_TYPE

    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="crawl folder (its text.jsonl, else its warc/), JSONL file, or WARC files/folders")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    add_output(parser, "output file, - for standard output (the default for jsonl and csv); a folder for txt")
    parser.add_argument("--site", action="append", default=[], help="keep this site (repeatable): gov, netease …")
    parser.add_argument("--language", action="append", default=[],
                        help="keep this language (repeatable); zh matches zh-cn and zh-tw")
    parser.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="published on or after (inclusive)")
    parser.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help="published on or before (inclusive)")
    parser.add_argument("--page-type", choices=(*PAGE_TYPES, ANY_PAGE_TYPE), default="article",
                        help="keep this page type (default article; any: all)")
    parser.add_argument("--min-chars", type=int_at_least(0), default=0, metavar="N",
                        help="keep documents whose text has at least N characters")
    parser.add_argument("--dedup", action="store_true", help="keep one document per duplicate group")
    parser.add_argument("--no-grouping", action="store_true",
                        help="do not look for duplicates (streams; no duplicate_of field)")
    parser.add_argument("--similarity", type=_similarity, default=DEFAULT_THRESHOLD, metavar="J",
                        help=f"near-duplicate threshold, estimated Jaccard of 5-grams (default {DEFAULT_THRESHOLD})")
    parser.add_argument("--excel", action="store_true", help="csv: start with a UTF-8 byte order mark for Excel")
    add_workers(parser, "extraction (when replaying WARC files)")


def _check_usage(args: argparse.Namespace) -> None:
    if args.format == "txt" and args.output in (None, STDOUT):
        raise UsageError("--format txt writes a folder: it needs -o DIR")
    if args.format == "parquet" and args.output is None:
        raise UsageError("--format parquet needs -o OUT (or -o - for standard output)")
    if args.excel and args.format != "csv":
        raise UsageError("--excel applies to --format csv only")
    if args.dedup and args.no_grouping:
        raise UsageError("--dedup needs duplicate grouping; drop --no-grouping")
    if args.since and args.until and args.since > args.until:
        raise UsageError(f"--since {args.since} is after --until {args.until}")
    if args.format != "txt":
        check_output_file(args.output)


def _source(text: str) -> Source:
    from archive.warc.files import WARC_SUFFIXES, find_warcs

    path = Path(text)
    if path.is_dir():
        if (path / CRAWL_JSONL).is_file():
            return ("jsonl", [path / CRAWL_JSONL])
        if (path / CRAWL_WARC_DIR).is_dir():
            return ("warc", [path / CRAWL_WARC_DIR])
        if find_warcs([path]):
            return ("warc", [path])
        raise UsageError(f"{path} holds no {CRAWL_JSONL}, {CRAWL_WARC_DIR}/ folder or WARC files")
    if path.name.endswith(".jsonl"):
        return ("jsonl", [path])
    if path.name.endswith(WARC_SUFFIXES):
        return ("warc", [path])
    raise UsageError(f"{path} is neither a JSONL file (*.jsonl) nor a WARC file (*.warc.gz, *.warc)")


def plan_sources(texts: Sequence[str]) -> list[Source]:
    """Resolve SOURCE arguments in order; consecutive WARC sources are replayed together.

    Raises:
        UsageError: a SOURCE is missing or of no known kind.
    """
    check_inputs(list(texts), "SOURCE")
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
    from archive.corpus.jsonl import document_from_dict, read_jsonl

    for kind, paths in plan:
        if kind == "jsonl":
            yield from map(document_from_dict, read_jsonl(paths[0]))
        else:
            # the extractor is loaded for WARC sources only
            from crawler.rederive import replay_documents

            yield from replay_documents(paths, workers=workers, damage=damage)


def _rows(docs: Iterable[Document], args: argparse.Namespace) -> Iterable[ExportRow]:
    from archive.corpus.formats import ExportRow
    from archive.corpus.nearduplicates import group_duplicates

    if args.no_grouping:
        return (ExportRow(doc) for doc in docs)
    selected = list(docs)
    rows = [ExportRow(doc, dup) for doc, dup in zip(selected, group_duplicates(selected, threshold=args.similarity))]
    return [row for row in rows if row.duplicate_of is None] if args.dedup else rows


def _export(args: argparse.Namespace, rows: Iterable[ExportRow]) -> int:
    """Write the rows where -o says; standard output for none or ``-``."""
    from archive.corpus.formats import check_output, export_documents
    from crawler.commands.streams import text_output

    grouped = not args.no_grouping
    if args.output not in (None, STDOUT):
        output = Path(args.output)
        check_output(args.format, output)  # before reading: grouping reads every document first
        return export_documents(rows, args.format, output, grouped=grouped, excel=args.excel)
    if args.format == "parquet":  # a binary stream: built in a temporary file, then copied out
        with tempfile.TemporaryDirectory(prefix="zhengwen-export-") as tmp:
            path = Path(tmp, "export.parquet")
            count = export_documents(rows, "parquet", path, grouped=grouped)
            sys.stdout.flush()
            with path.open("rb") as handle:
                shutil.copyfileobj(handle, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return count
    with text_output(None, newline="") as stream:
        return export_documents(rows, args.format, None, grouped=grouped, excel=args.excel, stdout=stream)


def run(args: argparse.Namespace) -> int:
    from archive.corpus.selection import Selection, select
    from archive.errors import ArchiveError
    from archive.progress import progress
    from archive.warc.damage import DamageLog
    from crawler.commands.base import default_workers

    _check_usage(args)
    plan = plan_sources(args.sources)
    selection = Selection(sites=frozenset(args.site), languages=frozenset(args.language), since=args.since,
                          until=args.until, page_type=args.page_type, min_chars=args.min_chars)
    workers = args.workers or default_workers()
    damage = DamageLog()
    try:
        docs = select(progress(iter_documents(plan, workers=workers, damage=damage), "export", unit="doc"), selection)
        count = _export(args, _rows(docs, args))
    except ArchiveError as exc:
        return fail(PROG, str(exc))
    finally:
        report_damage(PROG, damage)
    if sys.stderr.isatty():
        where = args.output if args.output not in (None, STDOUT) else "standard output"
        print(f"{PROG}: {count} document(s) written to {where}", file=sys.stderr)
    return EXIT_FAILED if damage else EXIT_OK
