"""One per-host politeness for the whole cluster: a Redis-side slot lease per request.

Before a request enters Scrapy's downloader it takes one of its host's slots in Redis
(``P:host:HOST``, a sorted set of lease tokens scored by expiry): at most
CONCURRENT_REQUESTS_PER_DOMAIN (or the host's ``DOWNLOAD_SLOTS`` concurrency) leases at a
time, and a new one no sooner than DOWNLOAD_DELAY (or its ``DOWNLOAD_SLOTS`` delay) after
the previous one on any worker (``P:host:HOST:next``). The lease is given back when the
response or the failure comes back; a killed worker's leases expire after
REDIS_HOST_LEASE_TIMEOUT. A pause of the host (a ``Retry-After``, a blocked-page back-off,
crawler/politeness.py) moves ``P:host:HOST:next`` on, so every worker waits it out. Chosen over partitioning hosts among workers: a host is never
stuck behind a dead or slow worker, workers can join and leave at any time, and one
province's hundred hosts still spread over every worker.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from crawler.distributed.leases import worker_id

_ACQUIRE = """
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local next_at = tonumber(redis.call('GET', KEYS[2]) or '0')
if next_at > now then return tostring(next_at - now) end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return '-1' end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[5])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[4])) + 1)
if tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[2], tostring(now + tonumber(ARGV[3])), 'PX', math.ceil(tonumber(ARGV[3]) * 1000) + 1)
end
return '0'
"""


# KEYS: the host's next-time key. ARGV: now, seconds. Never moves an earlier, longer pause forward.
_PAUSE = """
local until_at = tonumber(ARGV[1]) + tonumber(ARGV[2])
if until_at > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], tostring(until_at), 'PX', math.ceil(tonumber(ARGV[2]) * 1000) + 1)
end
return 1
"""


class HostLeases:
    """Take and give back host slots in Redis.

    Args:
        server: a redis-py client.
        prefix: REDIS_KEY_PREFIX.
        timeout: seconds a slot lease lasts at most (REDIS_HOST_LEASE_TIMEOUT).
    """

    def __init__(self, server: Any, prefix: str, timeout: float):
        self.server = server
        self.prefix = prefix
        self.timeout = timeout
        self._tokens = (f"{worker_id()}:{n}" for n in itertools.count())
        self._acquire = server.register_script(_ACQUIRE)
        self._pause = server.register_script(_PAUSE)

    def key(self, host: str) -> str:
        return f"{self.prefix}:host:{host}"

    def try_acquire(self, host: str, concurrency: int, delay: float) -> tuple[str | None, float]:
        """(token, 0) when a slot was taken, else (None, seconds to wait; -1: all slots busy)."""
        token = next(self._tokens)
        key = self.key(host)
        answer = self._acquire(keys=[key, f"{key}:next"],
                               args=[time.time(), max(concurrency, 1), delay, self.timeout, token])
        wait = float(answer)
        return (token, 0.0) if wait == 0 else (None, wait)

    def pause(self, host: str, seconds: float) -> None:
        """No worker sends ``host`` a request for ``seconds`` (Retry-After, a blocked-page back-off)."""
        self._pause(keys=[f"{self.key(host)}:next"], args=[time.time(), seconds])

    def release(self, host: str, token: str) -> None:
        self.server.zrem(self.key(host), token)

    def holders(self, host: str) -> int:
        """Leases currently held on ``host`` (expired ones included until the next take)."""
        return int(self.server.zcard(self.key(host)))
