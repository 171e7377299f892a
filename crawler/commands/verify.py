"""``zhengwen verify``: check WARC files (gzip members, digests, request/response pairs, revisits)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands.base import EXIT_FAILED, EXIT_OK, UsageError, check_inputs

HELP = "check WARC files: gzip members, digests, request/response pairs, revisits"
DESCRIPTION = """\
Check every record of WARC files: each gzip member whole, block and payload digests,
request/response pairs, and that every revisit resolves to its original (in the files
given, the other WARC files of their folders, or the files a --index names). Prints
'OK path (N records)' or 'FAIL path: problem; …' per file; exit status 1 if any failed.
--repair first mends what a killed crawl left (NAME.warc.gz.open) and damaged files:
every complete record kept, the partial tail cut (kept as NAME.cut for a finished file),
.open renamed, index.cdxj and state.sqlite updated; one 'REPAIRED …' line per file."""
EXAMPLES = """\
examples:
  zhengwen verify data/warc
  zhengwen verify crawl-2/warc --index crawl-1/warc/index.cdxj
  zhengwen verify --repair data/warc       after a crawl was killed"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="WARC files or folders")
    parser.add_argument("--index", metavar="CDXJ", help="a CDXJ index to resolve revisits against other crawls")
    parser.add_argument("--repair", action="store_true",
                        help="first mend .warc.gz.open files left by a killed crawl and damaged .warc.gz files")


def run(args: argparse.Namespace) -> int:
    check_inputs(args.paths, "WARC file or folder")
    if args.index:
        check_inputs([args.index], "CDXJ index")

    from archive.errors import ArchiveError
    from archive.replay.ordered import RevisitResolver
    from archive.warc.damage import first_damage
    from archive.warc.files import find_warcs
    from archive.warc.verify import verify_warc
    from crawler.commands.repair import repair_paths

    paths = [Path(p) for p in args.paths]
    if args.repair and not repair_paths(paths):
        return EXIT_FAILED
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
            _, damage = first_damage(path)
            if damage is not None:
                print(f"zhengwen verify: {damage}", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
