"""``zhengwen seed --redis``: start a distributed crawl's run by pushing seed lists to the shared queue."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from crawler.commands.base import EXIT_OK, UsageError, fail

HELP = "push seed lists to a distributed crawl's shared queue in Redis (REDIS_URL)"
DESCRIPTION = """\
Start a run of a distributed crawl (docs/distributed.md): for each named spider (default:
every spider) forget its last run in Redis — queue, seen set, leases, start URLs — and push
its seed list (seeds/SPIDER.txt, or --seeds FILE for one spider) as the run's start URLs.
Workers (`zhengwen crawl` with the same REDIS_URL) take them as they start or while they
wait. --add pushes the seeds into the running run instead; --status shows the queues and
the workers' progress. A new run is refused while workers of the spider are running.
The Redis server is REDIS_URL (environment variable) or -s REDIS_URL=redis://HOST:PORT/DB."""
EXAMPLES = """\
examples:
  export REDIS_URL=redis://crawl-master:6379/0
  zhengwen seed --redis                      a new run of every spider, from seeds/
  zhengwen seed --redis gov --seeds more.txt --add   more gov seeds into the running run
  zhengwen seed --redis --status             queue lengths, leases and each worker's rate"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spiders", nargs="*", metavar="SPIDER", help="spiders to seed (default: all)")
    parser.add_argument("--redis", action="store_true", help="the shared queue in Redis (required)")
    parser.add_argument("--seeds", metavar="FILE", help="seed file for the one named spider")
    parser.add_argument("--add", action="store_true", help="add to the running run instead of starting a new one")
    parser.add_argument("--status", action="store_true", help="print the queues and workers, push nothing")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="setting, e.g. REDIS_URL or REDIS_KEY_PREFIX (repeatable)")


def _settings(args: argparse.Namespace) -> Any:
    import os

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    for text in args.settings:
        name, sep, value = text.partition("=")
        if not sep or not name:
            raise UsageError(f"-s expects NAME=VALUE, got {text!r}")
        settings.set(name, value, priority="cmdline")
    return settings


def _seed_urls(args: argparse.Namespace, names: list[str], settings: Any) -> dict[str, list[str]]:
    from crawler.seeds import SeedError, read_seeds
    from crawler.urls import canonicalize

    try:
        return {name: [canonicalize(s.url) for s in read_seeds(args.seeds or Path(settings.get("SEEDS_DIR")) / f"{name}.txt")]
                for name in names}
    except SeedError as exc:
        raise UsageError(str(exc)) from None


def _live_workers(server: Any, settings: Any, spider: str) -> list[str]:
    from crawler.distributed.keys import workers_key

    recent = time.time() - 3 * settings.getfloat("REDIS_HEARTBEAT_INTERVAL")
    lines = {k.decode(): json.loads(v) for k, v in server.hgetall(workers_key(settings)).items()}
    return [k for k, line in lines.items() if line["spider"] == spider and line["state"] == "running"
            and line["updated"] >= recent]


def _status(server: Any, settings: Any, names: list[str]) -> None:
    from crawler.distributed.keys import spider_keys, workers_key

    for name in names:
        keys = spider_keys(settings, name)
        pipe = server.pipeline()
        pipe.zcard(keys.requests).zcard(keys.leases).scard(keys.dupefilter).llen(keys.start_urls)
        queued, leased, seen, seeds = pipe.execute()
        print(f"{name}: {queued} queued, {leased} leased, {seen} seen, {seeds} start URLs waiting")
    for worker, value in sorted(server.hgetall(workers_key(settings)).items()):
        line = json.loads(value)
        age = time.time() - line["updated"]
        print(f"  {worker.decode()}: {line['state']}, {line['pages']} pages, {line['pages_per_minute']}/min, "
              f"updated {age:.0f} s ago")


def run(args: argparse.Namespace) -> int:
    from redis.exceptions import RedisError

    from crawler.commands.crawl import GENERIC_SPIDER, spider_names
    from crawler.distributed.keys import connect, spider_keys
    from crawler.distributed.seeding import push_seeds, reset_frontier

    if not args.redis:
        raise UsageError("seed needs --redis: seeds are pushed to a distributed crawl's shared queue")
    settings = _settings(args)
    if not settings.get("REDIS_URL"):
        raise UsageError("no Redis server: set REDIS_URL (environment) or -s REDIS_URL=redis://HOST:PORT/DB")
    known = spider_names()
    names = args.spiders or ([GENERIC_SPIDER] if args.seeds else known)
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UsageError(f"unknown spider(s) {', '.join(unknown)}; known: {', '.join(known)}")
    if args.seeds and len(names) > 1:
        raise UsageError("--seeds gives one seed file to one spider; name a single spider")
    urls = {} if args.status else _seed_urls(args, names, settings)
    try:
        server = connect(settings)
        if args.status:
            _status(server, settings, names)
            return EXIT_OK
        for name, seeds in urls.items():
            keys = spider_keys(settings, name)
            if not args.add:
                live = _live_workers(server, settings, name)
                if live:
                    return fail("zhengwen seed", f"{name}: workers are running ({', '.join(live)}); "
                                "wait for them to end, or use --add")
                reset_frontier(server, keys)
            push_seeds(server, keys, seeds)
            print(f"{name}: {len(seeds)} seed URL(s) pushed ({'added to the run' if args.add else 'a new run'})")
    except RedisError as exc:
        return fail("zhengwen seed", f"Redis at {settings.get('REDIS_URL')}: {exc}")
    return EXIT_OK
