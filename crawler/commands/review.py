"""``zhengwen review``: a static site showing, per document, the archived page beside its cleaned text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands.base import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    add_output,
    check_inputs,
    int_at_least,
)

HELP = "write a static site comparing archived pages with their cleaned text"
DESCRIPTION = """\
Write a static site (no server, no network) with one page per document of a crawl folder:
the archived page as it looked, rendered from its WARC record with scripts and every
external reference removed, beside the cleaned text. The lines extraction removed are
highlighted on the page and named by the reason that removed them (recommendation
list, share bar, footer, the block model's score …), and listed beside the text. An
index page lists the documents with title, site, date, length and page type. -o
defaults to DIR/review; an existing review folder is replaced when the new one is
complete. --pywb and --replayweb add links to the capture in a replay tool."""
EXAMPLES = """\
examples:
  zhengwen review data                            → data/review/index.html
  zhengwen review data --site gov --sample 20 -o review-gov
  zhengwen review data --pywb http://localhost:8080/zhengwen"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", help="crawl folder (its warc/ and text.jsonl)")
    parser.add_argument("--site", metavar="S", help="only documents of this site (gov, netease, wechat, news …)")
    parser.add_argument("--sample", type=int_at_least(1), metavar="N",
                        help="only N documents, the same N on every run (default: all)")
    add_output(parser, "the folder to write (default DIR/review)", metavar="DIR")
    parser.add_argument("--pywb", metavar="URL", help="a pywb collection URL holding these WARC files, to link to")
    parser.add_argument("--replayweb", metavar="WACZ_URL", help="the URL of this crawl's WACZ, to link to in ReplayWeb.page")


def run(args: argparse.Namespace) -> int:
    check_inputs([args.dir], "crawl folder")

    from archive.errors import ArchiveError
    from crawler.review.build import ReviewError, build_review, choose, load_documents
    from crawler.review.pages import ReplayLinks

    folder = Path(args.dir)
    if not any(folder.glob("warc/*.warc*")):
        raise UsageError(f"no WARC files in {folder / 'warc'}; name a crawl folder")
    output = Path(args.output) if args.output else folder / "review"
    if args.output == "-":
        raise UsageError("-o - (standard output) is not possible here; name a folder")
    if not output.parent.is_dir():
        raise UsageError(f"-o {args.output}: folder {output.parent} does not exist")
    try:
        documents = choose(load_documents(folder), site=args.site, sample=args.sample)
        if not documents:
            raise UsageError(f"no documents to review in {folder}" + (f" for site {args.site}" if args.site else ""))
        result = build_review(folder, documents, output, replay=ReplayLinks(args.pywb, args.replayweb))
    except (ArchiveError, ReviewError, OSError) as exc:
        print(f"zhengwen review: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for line in result.skipped:
        print(f"zhengwen review: skipped {line}", file=sys.stderr)
    print(f"{result.folder / 'index.html'}: {result.pages} document page(s)")
    return EXIT_FAILED if result.skipped else EXIT_OK
