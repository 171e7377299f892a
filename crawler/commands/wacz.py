"""``zhengwen wacz``: package a crawl's WARC files and pages as a WACZ for ReplayWeb.page."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from crawler.commands.base import (
    EXIT_OK,
    STDOUT,
    UsageError,
    add_output,
    check_inputs,
    check_output_file,
    fail,
)

HELP = "package a crawl as a WACZ file for ReplayWeb.page"
DESCRIPTION = """\
Package the WARC files of a crawl folder (DIR/warc) as a WACZ (zipped WARCs, CDXJ index,
pages list, datapackage.json). The pages are the crawl's article and list documents
(DIR/text.jsonl), else every HTML page stored with status 200. -o defaults to DIR.wacz
beside the folder."""
EXAMPLES = """\
examples:
  zhengwen wacz data                     → data.wacz
  zhengwen wacz data -o gov-2024.wacz --title 'gov.cn, 2024'
  zhengwen wacz data -o - > data.wacz"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", metavar="DIR", help="crawl folder (default: data)")
    parser.add_argument("--data", dest="data", metavar="DIR", help="the crawl folder, as an option (same as DIR)")
    add_output(parser, "the WACZ file to write (default DIR.wacz; -: standard output)", metavar="OUT.wacz")
    parser.add_argument("--title", help="collection title")


def _resolve(args: argparse.Namespace) -> tuple[Path, str]:
    """The crawl folder and the output, from DIR / --data / -o and the older ``wacz OUT.wacz --data DIR``."""
    folder, output = args.dir, args.output
    if folder and folder.endswith(".wacz") and output is None:  # the older form: the positional is the output
        folder, output = None, folder
    if folder and args.data and folder != args.data:
        raise UsageError(f"two crawl folders given: {folder} and --data {args.data}")
    data = Path(folder or args.data or "data")
    return data, output or str(data.resolve().parent / f"{data.resolve().name}.wacz")


def run(args: argparse.Namespace) -> int:
    from archive.corpus.jsonl import read_jsonl
    from archive.corpus.wacz import package_wacz, pages_from_documents
    from archive.errors import ArchiveError

    data, output = _resolve(args)
    check_inputs([str(data)], "crawl folder")
    check_output_file(output)
    warcs = sorted((data / "warc").glob("*.warc.gz"))
    if not warcs:
        raise UsageError(f"no WARC files in {data / 'warc'}; crawl first or name the crawl folder")
    jsonl = data / "text.jsonl"
    try:
        pages = pages_from_documents(read_jsonl(jsonl) if jsonl.is_file() else [])
        if output == STDOUT:
            with tempfile.TemporaryDirectory(prefix="zhengwen-wacz-") as tmp:
                out = package_wacz(warcs, Path(tmp, "out.wacz"), pages=pages, title=args.title)
                sys.stdout.flush()
                with out.open("rb") as handle:
                    shutil.copyfileobj(handle, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            print(f"zhengwen wacz: {len(warcs)} WARC file(s), {len(pages) or 'detected'} page(s)", file=sys.stderr)
            return EXIT_OK
        out = package_wacz(warcs, Path(output), pages=pages, title=args.title)
    except (ArchiveError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        return fail("zhengwen wacz", str(exc))
    print(f"{out}: {len(warcs)} WARC file(s), {len(pages) or 'detected'} page(s)")
    return EXIT_OK
