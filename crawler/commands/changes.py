"""``zhengwen changes``: what a crawl folder's runs found new, changed and gone since a run or a date."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crawler.commands.base import (
    EXIT_OK,
    UsageError,
    add_output,
    check_inputs,
    check_output_file,
    fail,
    project_settings,
)

HELP = "list the pages new, changed and gone since a run or a date"
DESCRIPTION = """\
List what the crawls of a folder found since a run (its id, as in DIR/runs/RUN.json) or a
date: new documents, changed ones (version 2, 3 …, with the lines of text added and
removed) and gone pages (now 404/410 or deleted, or no longer linked by the listing that
linked them). Default: what the latest run found. JSON Lines (default) or a table.

With REDIS_URL set (a distributed crawl, docs/distributed.md) the runs, fetch statuses and
links come from the crawl state in Redis that every worker shares, and the documents from
the text.jsonl of every worker folder named (name them all: each holds its worker's share)."""
EXAMPLES = """\
examples:
  zhengwen changes data                          what the latest run found
  zhengwen changes data --since 20240501T020000Z since that run
  zhengwen changes data --since 2024-05-01 --format table
  REDIS_URL=redis://crawl-master:6379/0 zhengwen changes w1 w2 w3   a distributed crawl's workers"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dirs", nargs="+", metavar="DIR",
                        help="crawl folder (its text.jsonl and state.sqlite); with REDIS_URL, every worker's folder")
    parser.add_argument("--since", metavar="RUN|DATE", default=None,
                        help="a run id or a date YYYY-MM-DD (default: the start of the latest run)")
    parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl", help="output format (default jsonl)")
    add_output(parser, "file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    check_inputs(args.dirs, "crawl folder")

    from archive.errors import ArchiveError
    from crawler.changes import SinceError, cutoff, find_changes
    from crawler.state import StateStoreError, open_state

    folders = [Path(d) for d in args.dirs]
    settings = project_settings()
    _check_folders(folders, bool(settings.get("REDIS_URL")))
    output = args.output or "-"
    check_output_file(output)
    try:
        settings.set("OUTPUT_DIR", str(folders[0]), priority="cmdline")
        settings.set("STATE_DB_PATH", str(folders[0] / "state.sqlite"), priority="cmdline")
        state = open_state(settings)
        try:
            since = cutoff(args.since, state.runs())
            changes = [] if since is None else find_changes(_documents(folders), state, since)
        finally:
            state.close()
    except SinceError as exc:
        raise UsageError(str(exc)) from None
    except (ArchiveError, StateStoreError) as exc:
        return fail("zhengwen changes", str(exc))
    _write(changes, output, args.format)
    return EXIT_OK


def _check_folders(folders: list[Path], distributed: bool) -> None:
    """Refuse folders that were never crawled, and several folders without a shared state."""
    if len(folders) > 1 and not distributed:
        raise UsageError("several folders are the workers of a distributed crawl: set REDIS_URL to its Redis "
                         "(each folder alone: one `zhengwen changes DIR` per folder)")
    for folder in folders:
        own_state = distributed or (folder / "state.sqlite").is_file()
        if not own_state or not (folder / "text.jsonl").is_file():
            raise UsageError(f"{folder} holds no {'' if distributed else 'state.sqlite and '}text.jsonl: not a "
                             "crawl folder, or never crawled")


def _documents(folders: list[Path]) -> Iterator[dict[str, Any]]:
    """The folders' documents; from several workers, in the order they were fetched (the latest last)."""
    from archive.corpus.jsonl import read_jsonl

    if len(folders) == 1:
        yield from read_jsonl(folders[0] / "text.jsonl")
        return
    everything = [d for folder in folders for d in read_jsonl(folder / "text.jsonl")]
    yield from sorted(everything, key=lambda d: d.get("fetched_at") or "")


def _write(changes: list[Any], output: str, form: str) -> None:
    from crawler.changes import format_table
    from crawler.commands.streams import text_output

    with text_output(output) as stream:
        if form == "table":
            stream.write(format_table(changes) + "\n")
        else:
            for change in changes:
                stream.write(json.dumps(change.to_dict(), ensure_ascii=False) + "\n")
