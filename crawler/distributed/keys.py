"""The Redis keys of a distributed crawl, all under ``REDIS_KEY_PREFIX``.

Per spider (its frontier, reset by ``zhengwen seed --redis`` for a new run):
``P:SPIDER:requests`` (scrapy-redis' priority queue), ``P:SPIDER:dupefilter`` (its seen
set), ``P:SPIDER:leases`` (lease id → expiry, a sorted set), ``P:SPIDER:leased`` (lease id
→ queued request), ``P:SPIDER:start_urls`` (seeds not yet scheduled), ``P:SPIDER:seeded``
(set once the run's seeds were pushed). Shared by all spiders: ``P:host:HOST`` (host slot
leases), ``P:host:HOST:next`` (when the host may be asked again), ``P:digests`` (revisit
originals), ``P:workers`` (one progress line per worker).

The crawl state (crawler/distributed/state.py): ``P:url:URL`` (one hash per URL),
``P:urls`` (every URL with a state), ``P:versions`` (URL → latest Document version),
``P:runs`` (run id → run row). The run lock (crawler/distributed/runlock.py): ``P:run``
(the cluster's current run and its summed counts), ``P:run:holders`` (holder → expiry).
The per-host tallies of a run (crawler/distributed/hostcounts.py): ``P:hosts:RUN:NAME``
(host → count) and ``P:hosts:RUN:NAME:marked`` (hosts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SpiderKeys:
    """The frontier keys of one spider."""

    requests: str
    dupefilter: str
    leases: str
    leased: str
    start_urls: str
    seeded: str

    def frontier(self) -> list[str]:
        """Every key a new run starts without."""
        return [self.requests, self.dupefilter, self.leases, self.leased, self.start_urls, self.seeded]


def prefix(settings: Any) -> str:
    return str(settings.get("REDIS_KEY_PREFIX"))


def spider_keys(settings: Any, spider: str) -> SpiderKeys:
    base = f"{prefix(settings)}:{spider}"
    return SpiderKeys(f"{base}:requests", f"{base}:dupefilter", f"{base}:leases", f"{base}:leased",
                      f"{base}:start_urls", f"{base}:seeded")


def host_key(settings: Any, host: str) -> str:
    return f"{prefix(settings)}:host:{host}"


def digests_key(settings: Any) -> str:
    return f"{prefix(settings)}:digests"


@dataclass(frozen=True)
class StateKeys:
    """The keys of the crawl state shared by every worker."""

    url_prefix: str
    urls: str
    versions: str
    runs: str

    def url(self, url: str) -> str:
        return f"{self.url_prefix}{url}"


def state_keys(settings: Any) -> StateKeys:
    base = prefix(settings)
    return StateKeys(f"{base}:url:", f"{base}:urls", f"{base}:versions", f"{base}:runs")


def run_keys(settings: Any) -> tuple[str, str]:
    """The current run's hash and its holders' sorted set."""
    return f"{prefix(settings)}:run", f"{prefix(settings)}:run:holders"


def workers_key(settings: Any) -> str:
    return f"{prefix(settings)}:workers"


def connect(settings: Any) -> Any:
    """A Redis client for ``REDIS_URL`` (scrapy-redis' own connection helper and defaults)."""
    from scrapy_redis.connection import get_redis_from_settings

    return get_redis_from_settings(settings)
