"""The ``zhengwen`` command: ``crawl`` and ``extract``."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import Any

from crawler.report import SpiderOutcome, exit_status, format_report
from crawler.seeds import SeedError, read_seeds

GENERIC_SPIDER = "news"

#: Sub-commands that parse their own arguments: name → (help, "module:function").
PASS_THROUGH = {
    "extract": ("extract documents from saved HTML files", "crawler.extract.command:extract_main"),
    "export": ("export documents as JSONL, CSV, Parquet or text files, duplicates grouped", "crawler.export_cli:export_main"),
    "index": ("(re)build the CDXJ index of WARC files", "archive.cli:index_main"),
    "verify": ("check WARC files: gzip members, digests, request/response pairs, revisits", "archive.cli:verify_main"),
    "replay": ("re-derive the cleaned documents from WARC files, offline", "crawler.replay:replay_main"),
    "wacz": ("package a crawl as a WACZ file for ReplayWeb.page", "archive.wacz:wacz_main"),
}


def _parse_setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhengwen", description="Archive Chinese policy pages and extract their main text.")
    commands = parser.add_subparsers(dest="command", required=True)
    crawl = commands.add_parser("crawl", help="crawl seed lists into WARC files and text.jsonl")
    crawl.add_argument("spiders", nargs="*", metavar="SPIDER", help="spiders to run (default: all)")
    crawl.add_argument("--seeds", metavar="FILE", help="seed file for the named spider (default spider: news)")
    crawl.add_argument("--out", metavar="DIR", default=None,
                       help="output folder (default: ./data; ./data/from-archive with --from-archive)")
    crawl.add_argument("--from-archive", nargs="+", metavar="PATH", default=None,
                       help="run the spiders against WARC files or folders instead of the live web")
    crawl.add_argument("-s", dest="settings", action="append", default=[], type=_parse_setting,
                       metavar="NAME=VALUE", help="Scrapy setting (repeatable)")
    for name, (help_text, _) in PASS_THROUGH.items():
        sub = commands.add_parser(name, help=help_text, add_help=False)
        sub.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


#: Settings of a crawl served from an archive: nothing is contacted, nothing re-archived.
FROM_ARCHIVE_SETTINGS = {
    "DOWNLOAD_HANDLERS": {
        "http": "crawler.archive_handler.ArchiveDownloadHandler",
        "https": "crawler.archive_handler.ArchiveDownloadHandler",
    },
    "WARC_ENABLED": False,
    "ROBOTSTXT_OBEY": False,  # obeyed when the archive was captured; robots.txt may not be in it
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "RETRY_ENABLED": False,
    "HTTPCACHE_ENABLED": False,
    "ALLOW_LOOPBACK": True,  # no connection is made; archived loopback URLs may be served
}


def _split_archive_args(args: argparse.Namespace, known: list[str]) -> None:
    """``--from-archive PATH... SPIDER...``: spider names that are not paths go back to the spiders."""
    if not args.from_archive:
        return
    paths = [p for p in args.from_archive if p not in known or Path(p).exists()]
    args.spiders = [*args.spiders, *(p for p in args.from_archive if p not in paths)]
    args.from_archive = paths


def _settings(args: argparse.Namespace) -> Any:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    if args.from_archive:
        for name, value in FROM_ARCHIVE_SETTINGS.items():
            settings.set(name, value, priority="cmdline")
        settings.set("ARCHIVE_SOURCE", args.from_archive, priority="cmdline")
        settings.set("OUTPUT_DIR", str(Path(settings.get("OUTPUT_DIR")) / "from-archive"), priority="cmdline")
    if args.out:
        settings.set("OUTPUT_DIR", args.out, priority="cmdline")
    for name, value in args.settings:
        settings.set(name, value, priority="cmdline")
    return settings


def _leftover_output(settings: Any) -> Path | None:
    from archive.openfiles import held_by_live_writer
    from crawler.pipelines import text_jsonl_path

    path = text_jsonl_path(settings)
    open_path = path.with_name(path.name + ".open")
    # A crashed run's leftover holds no lock: the crawl repairs and re-derives it (crawler/recovery.py).
    return open_path if held_by_live_writer(open_path) else None


class _OutcomeCollector:
    """Keeps a spider's stats when it closes (a bound method: pydispatch rejects partials)."""

    def __init__(self, crawler: Any, outcomes: list[SpiderOutcome]):
        self.crawler = crawler
        self.outcomes = outcomes

    def spider_closed(self, spider: Any, reason: str) -> None:
        self.outcomes.append(SpiderOutcome(spider.name, reason, dict(self.crawler.stats.get_stats())))


def crawl_main(args: argparse.Namespace) -> int:
    """Run the spiders in this process; print the report; return the exit status."""
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.spiderloader import get_spider_loader
    from scrapy.utils.project import get_project_settings

    known = sorted(get_spider_loader(get_project_settings()).list())
    _split_archive_args(args, known)
    if args.from_archive == []:
        print("zhengwen: --from-archive needs at least one WARC file or folder", file=sys.stderr)
        return 2
    if args.from_archive:
        from archive.errors import ArchiveError
        from archive.replay import find_warcs

        try:
            if not find_warcs(args.from_archive):
                raise ArchiveError(f"no WARC files in {' '.join(args.from_archive)}")
        except ArchiveError as exc:
            print(f"zhengwen: --from-archive: {exc}", file=sys.stderr)
            return 1
    settings = _settings(args)
    process = CrawlerProcess(settings)
    names = args.spiders or ([GENERIC_SPIDER] if args.seeds else known)
    unknown = [n for n in names if n not in known]
    if unknown:
        print(f"zhengwen: unknown spider(s) {', '.join(unknown)}; known: {', '.join(known)}", file=sys.stderr)
        return 2
    if args.seeds and len(names) > 1:
        print("zhengwen: --seeds gives one seed file to one spider; name a single spider", file=sys.stderr)
        return 2
    try:
        for name in names:
            read_seeds(args.seeds or Path(settings.get("SEEDS_DIR")) / f"{name}.txt")
    except SeedError as exc:
        print(f"zhengwen: {exc}", file=sys.stderr)
        return 1
    busy = _leftover_output(settings)
    if busy:
        print(f"zhengwen: {busy} exists: another crawl is writing to this folder; wait for it to finish",
              file=sys.stderr)
        return 1
    outcomes: list[SpiderOutcome] = []
    for name in names:
        crawler = process.create_crawler(name)
        crawler.signals.connect(_OutcomeCollector(crawler, outcomes).spider_closed, signal=signals.spider_closed,
                                weak=False)
        kwargs = {}
        if args.seeds:
            kwargs["seeds"] = args.seeds
            kwargs["seeds_only_scope"] = "1" if not args.spiders else ""
        process.crawl(crawler, **kwargs)
    process.start()
    outcomes.sort(key=lambda o: o.name)
    for name in names:
        if name not in {o.name for o in outcomes}:
            outcomes.append(SpiderOutcome(name, "did_not_run"))
    print(format_report(outcomes, settings.get("OUTPUT_DIR")))
    return exit_status(outcomes)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``zhengwen`` console script."""
    args = build_parser().parse_args(argv)
    if args.command in PASS_THROUGH:
        module_name, _, function = PASS_THROUGH[args.command][1].partition(":")
        command = getattr(importlib.import_module(module_name), function)
        return int(command(args.rest))
    return crawl_main(args)


if __name__ == "__main__":
    sys.exit(main())
