"""``zhengwen extract``: the cleaned Document of saved HTML files, one JSON line each."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands.base import (
    EXIT_FAILED,
    EXIT_OK,
    add_output,
    check_inputs,
    check_output_file,
)

HELP = "extract documents from saved HTML files"
DESCRIPTION = """\
Run the extraction on saved HTML files (no archive needed) and write one JSON document
per file, in the order given. --url picks the site profile as if the page had been
fetched from there."""
EXAMPLES = """\
examples:
  zhengwen extract page.html
  zhengwen extract --url https://www.163.com/dy/article/X.html page.html -o page.jsonl
  zhengwen extract --content-type 'text/html; charset=gbk' old-portal.html"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="saved HTML file(s)")
    parser.add_argument("--url", help="URL the page was served from (selects the site profile; default: file:// URL)")
    parser.add_argument("--content-type", help="HTTP Content-Type to assume, e.g. 'text/html; charset=gbk'")
    add_output(parser, "JSONL file to write (default, or -: standard output)")


def run(args: argparse.Namespace) -> int:
    check_inputs(args.paths, "HTML file")
    check_output_file(args.output)

    from archive.corpus.jsonl import document_to_json
    from crawler.commands.streams import text_output
    from crawler.extract.core import extract_html

    headers = {"Content-Type": args.content_type} if args.content_type else None
    status = EXIT_OK
    with text_output(args.output) as stream:
        for name in args.paths:
            path = Path(name)
            try:
                body = path.read_bytes()
            except OSError as exc:
                print(f"zhengwen extract: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
                status = EXIT_FAILED
                continue
            url = args.url or path.resolve().as_uri()
            stream.write(document_to_json(extract_html(body, url, headers)) + "\n")
    return status
