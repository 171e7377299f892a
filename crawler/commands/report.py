"""``zhengwen report``: one self-contained HTML page about a crawl: per site and run, failures, changes, plots."""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.commands.base import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    add_output,
    check_inputs,
    check_output_file,
    fail,
)

HELP = "write an HTML report of a crawl folder, with plots"
DESCRIPTION = """\
Write one self-contained HTML page about a crawl folder (no server, no network: it opens
from disk): per site and per run the pages fetched, documents by page type, failures by
reason, revisits and pages that changed across runs, the distributions of text length
and publication date, and duplicate articles grouped. Plots are inline SVG; tables sort
when a heading is clicked. -o defaults to DIR/report.html. A damaged WARC file is
reported in the page and on standard error (exit status 1)."""
EXAMPLES = """\
examples:
  zhengwen report data                    → data/report.html
  zhengwen report data -o gov-2024.html
  zhengwen report data -o - > report.html"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", help="crawl folder (its warc/ and text.jsonl)")
    add_output(parser, "the HTML file to write (default DIR/report.html; -: standard output)", metavar="OUT.html")


def run(args: argparse.Namespace) -> int:
    check_inputs([args.dir], "crawl folder")

    from archive.errors import ArchiveError
    from crawler import __version__
    from crawler.commands.base import report_damage
    from crawler.commands.streams import text_output
    from crawler.reporting.facts import read_facts
    from crawler.reporting.render import render_report
    from crawler.reporting.summary import summarise

    folder = Path(args.dir)
    if not folder.is_dir():
        raise UsageError(f"not a crawl folder: {args.dir}")
    if not any(folder.glob("warc/*.warc*")) and not (folder / "text.jsonl").is_file():
        raise UsageError(f"no WARC files in {folder / 'warc'} and no {folder / 'text.jsonl'}; crawl first")
    output = args.output or str(folder / "report.html")
    check_output_file(output)
    try:
        facts = read_facts(folder)
        html = render_report(facts, summarise(facts), generator=f"zhengwen {__version__}")
        with text_output(output) as stream:
            stream.write(html)
    except (ArchiveError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        return fail("zhengwen report", str(exc))
    report_damage("zhengwen report", facts.damage)
    if output != "-":
        print(f"{output}: {len(facts.captures)} captures, {len(facts.documents)} documents, {len(facts.runs)} run(s)")
    return EXIT_FAILED if facts.damage else EXIT_OK
