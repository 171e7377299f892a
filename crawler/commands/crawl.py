"""``zhengwen crawl``: run spiders over seed lists (or over WARC files) into WARC files and text.jsonl."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from crawler.commands.base import UsageError

HELP = "crawl seed lists into WARC files and text.jsonl"
DESCRIPTION = """\
Crawl the seed lists of the named spiders (default: every spider) and write every HTTP
exchange to WARC files in OUT/warc/ and the cleaned documents to OUT/text.jsonl.
On a terminal a progress line shows pages, documents, errors and the rate; the
end-of-run summary lists failures per host, and one line sums up the run (new,
changed, unchanged, failed, blocked pages; also in OUT/runs/RUN.json).

Runs are incremental: seeds and listing pages are fetched every run, an archived
article only after its site's recrawl interval (RECRAWL_INTERVAL overrides it), with
conditional requests; an unchanged page adds no document. One crawl at a time per
folder: a second one exits at once with status 75. --resume continues a run that was
killed or interrupted, fetching nothing it had archived.

Exit status: 0 all went well; 1 a WARC or text write failed, a spider did not finish,
every seed of a spider failed, or more than CRAWL_MAX_ERROR_RATE of the requests
failed (see the summary); 2 a usage error or a bad seed file; 75 another crawl holds
the folder; 130 interrupted (Ctrl-C, SIGTERM): --resume continues it."""
GENERIC_SPIDER = "news"
#: A second crawl on a folder a live crawl holds exits with this status (crawler/runs.py).
EXIT_LOCKED = 75

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
    "INCREMENTAL_ENABLED": False,  # every archived page is served again, none is re-archived
}
#: LOG_LEVEL for no -v, -v and -vv.
LOG_LEVELS = ("WARNING", "INFO", "DEBUG")


def spider_names() -> list[str]:
    """The spiders this checkout has: one per crawl profile (``spider = true``)."""
    from crawler.profiles import all_profiles

    return sorted(p.slug for p in all_profiles() if p.spider)


def chosen_spiders(args: argparse.Namespace, known: list[str]) -> list[str]:
    """The spiders named on the command line (``news`` with ``--seeds``, else all of them).

    Raises:
        UsageError: an unknown name, or ``--seeds`` with more than one spider.
    """
    names = args.spiders or ([GENERIC_SPIDER] if args.seeds else known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UsageError(f"unknown spider(s) {', '.join(unknown)}; known: {', '.join(known)}")
    if args.seeds and len(names) > 1:
        raise UsageError("--seeds gives one seed file to one spider; name a single spider")
    return names


def EXAMPLES() -> str:
    from crawler.profiles import all_profiles

    spiders = "\n".join(f"  {p.slug:<10} {p.description}" for p in sorted(all_profiles(), key=lambda p: p.slug)
                        if p.spider)
    return f"""\
spiders (seed lists in seeds/SPIDER.txt):
{spiders}

examples:
  zhengwen crawl                          every spider, into ./data
  zhengwen crawl gov -o data-gov          one spider, into ./data-gov
  zhengwen crawl --seeds my-urls.txt      the generic news spider on your own seed list
  zhengwen crawl -s DOWNLOAD_DELAY=5 -v   a Scrapy setting, and INFO logging
  zhengwen crawl --from-archive data/warc re-run the spiders against WARC files, offline
  zhengwen crawl --resume                 continue a killed or interrupted run
  zhengwen crawl -s RECRAWL_INTERVAL=0    re-check every archived article (conditionally)"""



def _parse_setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spiders", nargs="*", metavar="SPIDER", help="spiders to run (default: all; see below)")
    parser.add_argument("--seeds", metavar="FILE", help=f"seed file for the named spider (default spider: {GENERIC_SPIDER})")
    parser.add_argument("-o", "--output", "--out", dest="output", metavar="DIR", default=None,
                        help="output folder (default: ./data; ./data/from-archive with --from-archive)")
    parser.add_argument("--from-archive", nargs="+", metavar="PATH", default=None,
                        help="run the spiders against WARC files or folders instead of the live web")
    parser.add_argument("-s", dest="settings", action="append", default=[], type=_parse_setting,
                        metavar="NAME=VALUE", help="Scrapy setting (repeatable)")
    parser.add_argument("--resume", action="store_true",
                        help="continue the folder's interrupted run (killed, or Ctrl-C); else start a new one")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log more: -v INFO, -vv DEBUG (default: warnings and the summary)")


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
    if args.verbose:
        settings.set("LOG_LEVEL", LOG_LEVELS[min(args.verbose, 2)], priority="cmdline")
    if args.from_archive:
        for name, value in FROM_ARCHIVE_SETTINGS.items():
            settings.set(name, value, priority="cmdline")
        settings.set("ARCHIVE_SOURCE", args.from_archive, priority="cmdline")
        settings.set("OUTPUT_DIR", str(Path(settings.get("OUTPUT_DIR")) / "from-archive"), priority="cmdline")
    if args.output:
        settings.set("OUTPUT_DIR", args.output, priority="cmdline")
    for name, value in args.settings:
        settings.set(name, value, priority="cmdline")
    return settings


def _check(args: argparse.Namespace, known: list[str], settings: Any) -> list[str]:
    """The spiders to run, after checking names, seed files, archive sources and the output folder.

    Raises:
        UsageError: anything wrong with them.
    """
    from archive.errors import ArchiveError
    from archive.warc.files import find_warcs
    from crawler.seeds import SeedError, read_seeds

    if args.from_archive == []:
        raise UsageError("--from-archive needs at least one WARC file or folder")
    if args.from_archive:
        try:
            if not find_warcs(args.from_archive):
                raise UsageError(f"--from-archive: no WARC files in {' '.join(args.from_archive)}")
        except ArchiveError as exc:
            raise UsageError(f"--from-archive: {exc}") from None
    names = chosen_spiders(args, known)
    try:
        for name in names:
            read_seeds(args.seeds or Path(settings.get("SEEDS_DIR")) / f"{name}.txt")
    except SeedError as exc:
        raise UsageError(str(exc)) from None
    output = Path(settings.get("OUTPUT_DIR"))
    if output.exists() and not output.is_dir():
        raise UsageError(f"-o {output}: exists and is not a folder")
    return names


def run(args: argparse.Namespace) -> int:
    """Run the spiders in this process; print the report; return the exit status."""
    known = spider_names()
    _split_archive_args(args, known)
    settings = _settings(args)
    names = _check(args, known, settings)
    # Scrapy and the extractor load after the checks, so that a usage error answers at once.
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    from crawler.crawllog import quiet_network_tracebacks
    from crawler.folder import leftover_output
    from crawler.report import SpiderOutcome, exit_status, format_report
    from crawler.runs import summary_line

    if settings.get("REDIS_URL") and not _redis_reachable(settings):
        return 1
    run_or_status = _open_run(settings, args.resume)
    if isinstance(run_or_status, int):
        return run_or_status
    run = run_or_status
    busy = leftover_output(settings)
    if busy:
        run.abandon()
        print(f"zhengwen crawl: {busy} exists: another crawl is writing to this folder; wait for it to finish",
              file=sys.stderr)
        return EXIT_LOCKED
    settings.set("CRAWL_RUN_ID", run.run_id, priority="cmdline")
    settings.set("CRAWL_RESUMING", run.resuming, priority="cmdline")
    process = CrawlerProcess(settings)
    quiet_network_tracebacks()
    outcomes: list[SpiderOutcome] = []
    for name in names:
        crawler = process.create_crawler(name)
        crawler.settings.set("JOBDIR", str(run.jobdir(name)), priority="cmdline")
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
    max_rate = settings.getfloat("CRAWL_MAX_ERROR_RATE")
    print(format_report(outcomes, settings.get("OUTPUT_DIR"), max_rate))
    status = exit_status(outcomes, max_rate)
    for note in run.notes:
        print(f"zhengwen crawl: {note}", file=sys.stderr)
    run.notes.clear()
    run.close(outcomes, status)
    print(summary_line(run, outcomes, status))
    return status


def _open_run(settings: Any, resume: bool) -> Any:
    """Lock the output folder and open the run; on failure print why and return the exit status.

    A worker of a distributed crawl (REDIS_URL) joins the cluster's run instead
    (crawler/distributed/runs.py); it continues an interrupted run by itself, so ``--resume`` is moot.
    """
    from crawler.runlock import FolderLocked
    from crawler.runs import open_run
    from crawler.state import StateStoreError, open_state

    folder = Path(settings.get("OUTPUT_DIR"))
    try:
        state = open_state(settings)
    except StateStoreError as exc:
        print(f"zhengwen crawl: {exc}", file=sys.stderr)
        return 1
    try:
        if settings.get("REDIS_URL"):
            from crawler.distributed.runs import open_cluster_run

            run = open_cluster_run(folder, state, settings)
        else:
            run = open_run(folder, state, resume=resume)
    except FolderLocked as exc:
        state.close()
        print(f"zhengwen crawl: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except StateStoreError as exc:
        state.close()
        print(f"zhengwen crawl: {exc}", file=sys.stderr)
        return 1
    if resume and settings.get("REDIS_URL"):
        run.notes.append("--resume: a distributed run goes on until its shared frontier is empty; joined it")
    for note in run.notes:
        print(f"zhengwen crawl: {note}", file=sys.stderr)
    run.notes.clear()
    return run


def _redis_reachable(settings: Any) -> bool:
    """A distributed crawl's Redis answers; else one line on stderr (not a traceback per spider)."""
    from redis.exceptions import RedisError

    from crawler.distributed.keys import connect

    try:
        connect(settings).ping()
    except RedisError as exc:
        print(f"zhengwen crawl: Redis at {settings.get('REDIS_URL')} (REDIS_URL): {exc}", file=sys.stderr)
        return False
    return True


class _OutcomeCollector:
    """Keeps a spider's stats when it closes (a bound method: pydispatch rejects partials)."""

    def __init__(self, crawler: Any, outcomes: list[Any]):
        self.crawler = crawler
        self.outcomes = outcomes

    def spider_closed(self, spider: Any, reason: str) -> None:
        from crawler.report import SpiderOutcome

        self.outcomes.append(SpiderOutcome(spider.name, reason, dict(self.crawler.stats.get_stats())))

