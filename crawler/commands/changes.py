"""``zhengwen changes``: what a crawl folder's runs found new, changed and gone since a run or a date."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from crawler.commands.base import (
    EXIT_OK,
    UsageError,
    add_output,
    check_inputs,
    check_output_file,
    fail,
)

HELP = "list the pages new, changed and gone since a run or a date"
DESCRIPTION = """\
List what the crawls of a folder found since a run (its id, as in DIR/runs/RUN.json) or a
date: new documents, changed ones (version 2, 3 …, with the lines of text added and
removed) and gone pages (now 404/410 or deleted, or no longer linked by the listing that
linked them). Default: what the latest run found. JSON Lines (default) or a table."""
EXAMPLES = """\
examples:
  zhengwen changes data                          what the latest run found
  zhengwen changes data --since 20240501T020000Z since that run
  zhengwen changes data --since 2024-05-01 --format table"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", help="crawl folder (its text.jsonl and state.sqlite)")
    parser.add_argument("--since", metavar="RUN|DATE", default=None,
                        help="a run id or a date YYYY-MM-DD (default: the start of the latest run)")
    parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl", help="output format (default jsonl)")
    add_output(parser, "file to write (default: standard output)")


def run(args: argparse.Namespace) -> int:
    from archive.corpus.jsonl import read_jsonl
    from archive.errors import ArchiveError
    from crawler.changes import SinceError, cutoff, find_changes, format_table
    from crawler.commands.streams import text_output
    from crawler.state import SqliteCrawlState, StateStoreError

    check_inputs([args.dir], "crawl folder")
    folder = Path(args.dir)
    if not (folder / "state.sqlite").is_file() or not (folder / "text.jsonl").is_file():
        raise UsageError(f"{folder} holds no state.sqlite and text.jsonl: not a crawl folder, or never crawled")
    output = args.output or "-"
    check_output_file(output)
    try:
        state = SqliteCrawlState(folder / "state.sqlite")
        try:
            since = cutoff(args.since, state.runs())
            changes = [] if since is None else find_changes(read_jsonl(folder / "text.jsonl"), state, since)
        finally:
            state.close()
    except SinceError as exc:
        raise UsageError(str(exc)) from None
    except (ArchiveError, StateStoreError) as exc:
        return fail("zhengwen changes", str(exc))
    with text_output(output) as stream:
        if args.format == "table":
            stream.write(format_table(changes) + "\n")
        else:
            for change in changes:
                stream.write(json.dumps(change.to_dict(), ensure_ascii=False) + "\n")
    return EXIT_OK
