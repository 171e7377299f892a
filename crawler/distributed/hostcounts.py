"""The per-host tallies of a run (crawler/hostcounts.py) in Redis, shared by every worker.

``P:hosts:RUN:NAME`` (a hash: host → count) and ``P:hosts:RUN:NAME:marked`` (a set of
hosts), one pair per tally and run, so a new run starts from nothing. Each write keeps the
key for TALLY_TTL more seconds, so a run's tallies vanish some time after it ended.
"""

from __future__ import annotations

from typing import Any

from crawler.distributed.keys import connect, prefix

#: Seconds a run's tally outlives its last write.
TALLY_TTL = 7 * 24 * 3600
#: The run part of the keys under ``scrapy crawl`` (no run id).
NO_RUN = "norun"


class RedisHostCounts:
    """Named per-host counters and marks of one run of the cluster.

    Raises:
        redis.exceptions.RedisError: Redis cannot be reached (the request it was for fails).
    """

    def __init__(self, server: Any, base: str):
        self.server = server
        self.base = base

    @classmethod
    def from_settings(cls, settings: Any) -> RedisHostCounts:
        return cls(connect(settings), f"{prefix(settings)}:hosts:{settings.get('CRAWL_RUN_ID') or NO_RUN}")

    def add(self, name: str, host: str) -> int:
        key = f"{self.base}:{name}"
        pipe = self.server.pipeline()
        pipe.hincrby(key, host, 1).expire(key, TALLY_TTL)
        return int(pipe.execute()[0])

    def reset(self, name: str, host: str) -> None:
        self.server.hdel(f"{self.base}:{name}", host)

    def mark(self, name: str, host: str) -> bool:
        key = f"{self.base}:{name}:marked"
        pipe = self.server.pipeline()
        pipe.sadd(key, host).expire(key, TALLY_TTL)
        return bool(pipe.execute()[0])

    def marked(self, name: str, host: str) -> bool:
        return bool(self.server.sismember(f"{self.base}:{name}:marked", host))
