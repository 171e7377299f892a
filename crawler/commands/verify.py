"""``zhengwen verify``: check WARC files (gzip members, digests, request/response pairs, revisits)."""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.commands.base import EXIT_FAILED, EXIT_OK, UsageError, check_inputs

HELP = "check WARC files: gzip members, digests, request/response pairs, revisits"
DESCRIPTION = """\
Check every record of WARC files: each gzip member whole, block and payload digests,
request/response pairs, and that every revisit resolves to its original (in the files
given, the other WARC files of their folders, or the files a --index names). Prints
'OK path (N records)' or 'FAIL path: problem; …' per file; exit status 1 if any failed."""
EXAMPLES = """\
examples:
  zhengwen verify data/warc
  zhengwen verify crawl-2/warc --index crawl-1/warc/index.cdxj"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="WARC files or folders")
    parser.add_argument("--index", metavar="CDXJ", help="a CDXJ index to resolve revisits against other crawls")


def run(args: argparse.Namespace) -> int:
    from archive.errors import ArchiveError
    from archive.replay import RevisitResolver, find_warcs
    from archive.verify import verify_warc

    check_inputs(args.paths, "WARC file or folder")
    if args.index:
        check_inputs([args.index], "CDXJ index")
    paths = [Path(p) for p in args.paths]
    try:
        warcs = find_warcs(paths)
        siblings = find_warcs(sorted({p.parent for p in warcs}))
    except ArchiveError as exc:
        raise UsageError(str(exc)) from None
    if not warcs:
        raise UsageError(f"no WARC files (*.warc.gz, *.warc) in {', '.join(args.paths)}")
    resolver = RevisitResolver(dict.fromkeys(warcs + siblings), cdxj=args.index)
    failed = 0
    for path in warcs:
        result = verify_warc(path, resolver=resolver)
        if result.ok:
            print(f"OK {path} ({result.records} records)")
        else:
            failed += 1
            print(f"FAIL {path}: {'; '.join(map(str, result.problems))}")
    return EXIT_FAILED if failed else EXIT_OK
