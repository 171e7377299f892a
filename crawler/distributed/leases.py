"""Request leases: a popped request stays in Redis until its worker has finished it.

scrapy-redis pops a request out of the shared queue for good, so a worker that dies loses
every request it had popped but not finished. Here the pop moves the request, in one Lua
script, from the queue into a lease (``leases``: lease id → expiry time; ``leased``: lease
id → priority and the queued bytes). The worker acknowledges the lease once the request's
callback or errback has run and the requests it yielded are queued
(crawler/distributed/middlewares.py), or a retry or redirect of it is back in the queue.
A lease not acknowledged before it expires goes back into the queue, where any worker
takes it again: a killed worker's requests are fetched by the others, at the price of
fetching a few of them twice.
"""

from __future__ import annotations

import itertools
import logging
import os
import socket
import time
from typing import Any

from crawler.distributed.keys import SpiderKeys

logger = logging.getLogger(__name__)

#: request.meta key holding the lease id of a request taken from the shared queue.
LEASE_META_KEY = "redis_lease"

_POP = """
local item = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #item == 0 then return false end
redis.call('ZREM', KEYS[1], item[1])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[2], item[2] .. '\\n' .. item[1])
return item[1]
"""

# Queue a request unless its fingerprint is already in the seen set, and end the lease it
# carries: one step, so a URL is never seen without being queued, nor its lease gone first.
# KEYS: queue, leases, leased, seen set. ARGV: score, queued bytes, fingerprint ('' when the
# request is not filtered), carried lease id ('' when none).
_PUSH = """
local queued = 0
if ARGV[3] == '' or redis.call('SADD', KEYS[4], ARGV[3]) == 1 then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
  queued = 1
end
if ARGV[4] ~= '' then
  redis.call('ZREM', KEYS[2], ARGV[4])
  redis.call('HDEL', KEYS[3], ARGV[4])
end
return queued
"""

# Move leases back into the queue: the expired ones (ARGV[1] = now), or those named in ARGV[2..].
_REQUEUE = """
local ids
if #ARGV == 1 then
  ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, 1000)
else
  ids = {}
  for i = 2, #ARGV do
    if redis.call('ZSCORE', KEYS[2], ARGV[i]) then table.insert(ids, ARGV[i]) end
  end
end
local moved = {}
for _, id in ipairs(ids) do
  local value = redis.call('HGET', KEYS[3], id)
  if value then
    local cut = string.find(value, '\\n', 1, true)
    local data = string.sub(value, cut + 1)
    redis.call('ZADD', KEYS[1], tonumber(string.sub(value, 1, cut - 1)), data)
    table.insert(moved, data)
  end
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
end
return moved
"""


def worker_id() -> str:
    """This process in the cluster: ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


class LeaseStore:
    """Pop, acknowledge and give back the leased requests of one spider's shared queue.

    Args:
        server: a redis-py client.
        keys: the spider's keys (crawler/distributed/keys.py).
        timeout: seconds a lease lasts before its request goes back to the queue.
    """

    def __init__(self, server: Any, keys: SpiderKeys, timeout: float):
        self.server = server
        self.keys = keys
        self.timeout = timeout
        self._mine = f"{worker_id()}:"
        self._ids = (f"{self._mine}{n}" for n in itertools.count())
        self._pop = server.register_script(_POP)
        self._push = server.register_script(_PUSH)
        self._requeue = server.register_script(_REQUEUE)

    def pop(self) -> tuple[str, bytes] | None:
        """Take the first queued request under a new lease: (lease id, queued bytes), or None."""
        lease = next(self._ids)
        data = self._pop(keys=self._lease_keys(), args=[time.time() + self.timeout, lease])
        return None if data is None else (lease, data)

    def push(self, priority: int, data: bytes, fingerprint: str | None, lease: str | None) -> bool:
        """Queue ``data`` unless ``fingerprint`` was seen (marking it seen), and acknowledge ``lease``.

        One Lua script: a crash leaves either all of it done or none. False when the
        fingerprint was seen already (nothing queued; the lease is acknowledged all the same).
        """
        keys = [*self._lease_keys(), self.keys.dupefilter]
        return bool(self._push(keys=keys, args=[-priority, data, fingerprint or "", lease or ""]))

    def ack(self, lease: str) -> None:
        """The leased request is finished: forget it."""
        pipe = self.server.pipeline()
        pipe.zrem(self.keys.leases, lease).hdel(self.keys.leased, lease)
        pipe.execute()

    def requeue_expired(self) -> list[bytes]:
        """Put every expired lease's request back into the queue; return their queued bytes."""
        return list(self._requeue(keys=self._lease_keys(), args=[time.time()]))

    def release_held(self) -> list[bytes]:
        """Put this process's unfinished leases back into the queue at once (a clean stop).

        Its lease ids start with its ``host:pid``; the lease set holds only in-flight requests.
        """
        held = [m.decode() for m in self.server.zrange(self.keys.leases, 0, -1) if m.decode().startswith(self._mine)]
        return list(self._requeue(keys=self._lease_keys(), args=[time.time(), *held])) if held else []

    def outstanding(self) -> int:
        """Leases held by any worker of the cluster."""
        return int(self.server.zcard(self.keys.leases))

    def _lease_keys(self) -> list[str]:
        return [self.keys.requests, self.keys.leases, self.keys.leased]
