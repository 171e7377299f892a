"""``zhengwen seed --redis``: start a distributed crawl's run by pushing seed lists to the shared queue."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from crawler.commands.base import EXIT_OK, UsageError, fail, project_settings

HELP = "push seed lists to a distributed crawl's shared queue in Redis (REDIS_URL)"
DESCRIPTION = """\
Start a run of a distributed crawl (docs/distributed.md): for each named spider (default:
every spider) forget its last run in Redis — queue, seen set, leases, start URLs — and push
its seed list (seeds/SPIDER.txt, or --seeds FILE for one spider) as the run's start URLs.
Workers (`zhengwen crawl` with the same REDIS_URL) take them as they start or while they
wait. --add pushes the seeds into the running run instead; --status shows the run, the
queues and the workers' progress. A new run takes the cluster's run lock: it is refused
(exit 75) while live workers hold the current run, and taken over from a run whose
workers are all gone (their holds lapse after REDIS_RUN_LOCK_TIMEOUT seconds).
The Redis server is REDIS_URL (environment variable) or -s REDIS_URL=redis://HOST:PORT/DB."""
#: A new run while the current one is held (sysexits EX_TEMPFAIL, as a second crawl on a locked folder).
EXIT_LOCKED = 75
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


def _seed_urls(args: argparse.Namespace, names: list[str], settings: Any) -> dict[str, list[str]]:
    from crawler.seeds import SeedError, read_seeds
    from crawler.urls import canonicalize

    try:
        return {name: [canonicalize(s.url) for s in read_seeds(args.seeds or Path(settings.get("SEEDS_DIR")) / f"{name}.txt")]
                for name in names}
    except SeedError as exc:
        raise UsageError(str(exc)) from None


def _status(server: Any, settings: Any, names: list[str]) -> None:
    from crawler.distributed.keys import spider_keys, workers_key
    from crawler.distributed.runlock import current_run

    run = current_run(server, settings)
    if run is None:
        print("no distributed run is going on")
    else:
        print(f"run {run['run_id']} (started {run['started_at']} by {run['started_by']}): held by "
              f"{', '.join(run['holders']) or 'nobody (its workers are gone: the next worker continues it)'}")

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

    from crawler.commands.crawl import chosen_spiders, spider_names
    from crawler.distributed.keys import connect
    from crawler.state import StateStoreError

    if not args.redis:
        raise UsageError("seed needs --redis: seeds are pushed to a distributed crawl's shared queue")
    settings = project_settings(args.settings)
    if not settings.get("REDIS_URL"):
        raise UsageError("no Redis server: set REDIS_URL (environment) or -s REDIS_URL=redis://HOST:PORT/DB")
    known = spider_names()
    names = chosen_spiders(args, known)
    urls = {} if args.status else _seed_urls(args, names, settings)
    try:
        server = connect(settings)
        if args.status:
            _status(server, settings, names)
            return EXIT_OK
        return _push(server, settings, urls, args.add)
    except (RedisError, StateStoreError) as exc:
        return fail("zhengwen seed", f"Redis at {settings.get('REDIS_URL')}: {exc}")


def _push(server: Any, settings: Any, urls: dict[str, list[str]], add: bool) -> int:
    """Start a run (take the run lock, clear the frontiers) or add to the current one; push the seeds."""
    from crawler.distributed.keys import spider_keys
    from crawler.distributed.runlock import ClusterLocked, current_run, describe, seed_holder, take
    from crawler.distributed.seeding import push_seeds, reset_frontier
    from crawler.runs import iso, new_run_id, utc_now
    from crawler.state import RunRow, open_state

    if add:
        run = current_run(server, settings)
        if run is None:
            return fail("zhengwen seed", "--add: no distributed run is going on; start one without --add")
        run_id = str(run["run_id"])
    else:
        state = open_state(settings)
        try:
            now = utc_now()
            try:
                hold = take(server, settings, new=True, run_id=new_run_id(now, (r.run_id for r in state.runs())),
                            started_at=iso(now), holder=seed_holder())
            except ClusterLocked as exc:
                print(f"zhengwen seed: {exc}", file=sys.stderr)
                return EXIT_LOCKED
            state.start_run(RunRow(hold.run_id, hold.started_at))
        finally:
            state.close()
        run_id = hold.run_id
        print(describe(hold))
    for name, seeds in urls.items():
        keys = spider_keys(settings, name)
        if not add:
            reset_frontier(server, keys)
        push_seeds(server, keys, seeds, run_id)
        print(f"{name}: {len(seeds)} seed URL(s) pushed ({'added to run' if add else 'run'} {run_id})")
    return EXIT_OK
