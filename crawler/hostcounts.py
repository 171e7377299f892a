"""Per-host tallies of one run — pages sent, blocked pages in a row, hosts given up — for this process or the cluster.

The politeness and trap middlewares (crawler/politeness.py, crawler/traps.py) keep their
per-host counts here. On one machine they live in this process; in a distributed crawl
(``REDIS_URL``) in Redis (crawler/distributed/hostcounts.py), so ``TRAP_HOST_PAGE_LIMIT``
caps a host for the whole cluster and a host one worker gave up is given up by all.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol


class HostCounts(Protocol):
    """Named per-host counters and per-host marks of the current run."""

    def add(self, name: str, host: str) -> int:
        """Count one more for ``host`` under ``name``; return the new count."""

    def reset(self, name: str, host: str) -> None:
        """Start ``host``'s count under ``name`` again from 0."""

    def mark(self, name: str, host: str) -> bool:
        """Mark ``host`` under ``name``; True when it was not marked yet."""

    def marked(self, name: str, host: str) -> bool:
        """True when ``host`` is marked under ``name``."""


class LocalHostCounts:
    """The tallies of one process (one machine's crawl)."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.marks: dict[str, set[str]] = {}

    def add(self, name: str, host: str) -> int:
        counter = self.counts.setdefault(name, Counter())
        counter[host] += 1
        return counter[host]

    def reset(self, name: str, host: str) -> None:
        self.counts.get(name, Counter()).pop(host, None)

    def mark(self, name: str, host: str) -> bool:
        marks = self.marks.setdefault(name, set())
        fresh = host not in marks
        marks.add(host)
        return fresh

    def marked(self, name: str, host: str) -> bool:
        return host in self.marks.get(name, set())


def host_counts(settings: Any) -> HostCounts:
    """The tallies for a crawl with these settings: the cluster's with REDIS_URL, else this process's."""
    if not settings.get("REDIS_URL"):
        return LocalHostCounts()
    from crawler.distributed.hostcounts import RedisHostCounts

    return RedisHostCounts.from_settings(settings)
