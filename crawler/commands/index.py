"""``zhengwen index``: write or update the pywb-compatible CDXJ index of WARC files."""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.commands.base import (
    EXIT_FAILED,
    EXIT_OK,
    STDOUT,
    UsageError,
    add_output,
    check_inputs,
    check_output_file,
    fail,
    report_damage,
)

HELP = "(re)build the CDXJ index of WARC files"
DEFAULT_WARC_DIR = "data/warc"
DESCRIPTION = f"""\
Index the records of WARC files (PATHs: files or folders searched recursively; default
{DEFAULT_WARC_DIR}) in a CDXJ file pywb can serve. The lines of the given files replace
their old lines in an existing index; --rebuild writes a fresh index. A damaged file
has its complete records indexed, its damage named on standard error, exit status 1."""
EXAMPLES = """\
examples:
  zhengwen index                              data/warc → data/warc/index.cdxj
  zhengwen index --rebuild data/warc
  zhengwen index crawl-a/warc crawl-b/warc -o all.cdxj
  zhengwen index -o - data/warc | grep gov.cn"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help=f"WARC files or folders (default {DEFAULT_WARC_DIR})")
    add_output(parser, "index file (default <first folder>/index.cdxj; -: standard output)", metavar="INDEX")
    parser.add_argument("--rebuild", action="store_true", help="replace the index instead of merging into it")


def run(args: argparse.Namespace) -> int:
    from archive.cdxj.index import INDEX_NAME, index_warcs, rebuild_index, update_index
    from archive.errors import ArchiveError
    from archive.warc.damage import DamageLog
    from archive.warc.files import find_warcs
    from crawler.commands.streams import text_output

    names = args.paths or [DEFAULT_WARC_DIR]
    check_inputs(names, "WARC file or folder")
    check_output_file(args.output)
    paths = [Path(p) for p in names]
    try:
        warcs = find_warcs(paths)
    except ArchiveError as exc:
        raise UsageError(str(exc)) from None
    if not warcs:
        raise UsageError(f"no WARC files (*.warc.gz, *.warc) in {', '.join(names)}")
    damage = DamageLog()  # a damaged file: its complete records are indexed
    try:
        if args.output == STDOUT:
            with text_output(STDOUT) as stream:
                stream.writelines(line + "\n" for line in index_warcs(warcs, damage=damage))
        else:
            first = paths[0]
            output = Path(args.output) if args.output else (first if first.is_dir() else first.parent) / INDEX_NAME
            update = rebuild_index if args.rebuild else update_index
            count = update(output, warcs, damage=damage)
            print(f"indexed {len(warcs)} WARC file(s), {count} line(s), into {output}")
    except ArchiveError as exc:
        return fail("zhengwen index", str(exc))
    finally:
        report_damage("zhengwen index", damage)
    return EXIT_FAILED if damage else EXIT_OK
