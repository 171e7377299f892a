"""The run lock of a distributed crawl: one run at a time across the cluster, in Redis.

The cluster's current run is the hash ``P:run`` (run id, start, who started it, the counts
the workers that left added up); it is *held* while ``P:run:holders`` (holder → expiry, a
sorted set) has an unexpired member. Holders renew their expiry with their heartbeat, so a
killed holder's hold lapses after ``REDIS_RUN_LOCK_TIMEOUT`` seconds and blocks nothing.

- ``zhengwen seed --redis`` **starts** a run: refused (exit 75) while the current run is
  held; it holds the new run itself (``seed:host:pid``) until the first worker joins or the
  timeout passes, so no second seeding slips in between.
- A worker (``zhengwen crawl`` with REDIS_URL) **joins** the current run, held or not (a run
  whose workers were all killed is continued: its frontier is still in Redis); with no
  current run it starts one itself. It never waits and is never refused by the cluster.
- A worker **leaves** when it ends. The last holder to leave after its crawl finished
  (the shared queue stayed empty) ends the run: ``P:run`` is deleted and the run's row in
  the crawl state is closed with the summed counts. A worker interrupted (Ctrl-C) leaves
  the run open, to be continued.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from crawler.distributed.keys import run_keys
from crawler.distributed.leases import worker_id

#: Holder ids of ``zhengwen seed``; a joining worker takes the hold over from them.
SEED_HOLDER = "seed:"

# KEYS: run, holders. ARGV: now, expiry, holder, mode (new|join), run id, started at.
_TAKE = """
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
local live = redis.call('ZRANGE', KEYS[2], 0, -1)
local cur = redis.call('HMGET', KEYS[1], 'run_id', 'started_at', 'started_by')
if cur[1] and (ARGV[4] == 'join' or #live > 0) then
  if ARGV[4] == 'new' then return {'locked', cur[1], cur[2], cur[3], table.concat(live, ' ')} end
  for _, member in ipairs(live) do
    if string.sub(member, 1, 5) == 'seed:' then redis.call('ZREM', KEYS[2], member) end
  end
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
  return {#live > 0 and 'joined' or 'continued', cur[1], cur[2], cur[3], ''}
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'run_id', ARGV[5], 'started_at', ARGV[6], 'started_by', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return {'started', ARGV[5], ARGV[6], ARGV[3], cur[1] or ''}
"""

# KEYS: run, holders. ARGV: now, holder, run id, finished (1|0), failed (1|0), then count name, value pairs.
_LEAVE = """
redis.call('ZREM', KEYS[2], ARGV[2])
if redis.call('HGET', KEYS[1], 'run_id') ~= ARGV[3] then return {'gone'} end
for i = 6, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], 'n:' .. ARGV[i], ARGV[i + 1]) end
if ARGV[5] == '1' then redis.call('HSET', KEYS[1], 'failed', '1') end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
if ARGV[4] ~= '1' or redis.call('ZCARD', KEYS[2]) > 0 then return {'left'} end
local row = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1], KEYS[2])
table.insert(row, 1, 'ended')
return row
"""


class ClusterLocked(Exception):
    """The cluster's current run is held by live workers (or a seeding); a new run does not start."""

    def __init__(self, run_id: str, started_at: str, holders: list[str]):
        self.run_id = run_id
        self.holders = holders
        super().__init__(f"a distributed run is going on (run {run_id}, started {started_at}, held by "
                         f"{', '.join(holders)}); this run does not start — wait for it to end, or use --add")


@dataclass
class RunHold:
    """This process's hold on the cluster's current run.

    ``how``: ``started`` (a new run), ``joined`` (a held run), ``continued`` (a run no live
    holder held: its workers were killed). ``previous``: the unfinished run a start replaced.
    """

    server: Any
    keys: tuple[str, str]
    holder: str
    timeout: float
    run_id: str
    started_at: str
    how: str
    previous: str | None = None
    ended: dict[str, Any] | None = field(default=None)

    def renew(self) -> None:
        """Push this holder's expiry on (only while it still holds: a left hold stays left)."""
        renew(self.server, self.keys, self.holder, self.timeout)

    def leave(self, finished: bool, failed: bool, counts: dict[str, int]) -> dict[str, Any] | None:
        """Give the hold up, adding ``counts`` to the run's; return the ended run when this ended it.

        Args:
            finished: this worker's crawl ended because the shared frontier stayed empty.
            failed: this worker exits 1; the run then ends with 1.
        """
        pairs = [str(v) for name, value in sorted(counts.items()) for v in (name, int(value))]
        answer = self.server.register_script(_LEAVE)(
            keys=list(self.keys), args=[time.time(), self.holder, self.run_id, int(finished), int(failed), *pairs])
        if _text(answer[0]) != "ended":
            return None
        row = [_text(v) for v in answer[1:]]
        fields = dict(zip(row[::2], row[1::2]))
        self.ended = {"failed": fields.get("failed") == "1",
                      "counts": {k[2:]: int(v) for k, v in fields.items() if k.startswith("n:")}}
        return self.ended


def renew(server: Any, keys: tuple[str, str], holder: str, timeout: float) -> None:
    """Push ``holder``'s expiry ``timeout`` seconds on, if it holds the run."""
    server.zadd(keys[1], {holder: time.time() + timeout}, xx=True)


def take(server: Any, settings: Any, *, new: bool, run_id: str, started_at: str, holder: str | None = None) -> RunHold:
    """Start a new run (``new``) or join the current one (starting ``run_id`` when there is none).

    Raises:
        ClusterLocked: ``new`` and the current run is held.
        redis.exceptions.RedisError: Redis cannot be reached.
    """
    keys = run_keys(settings)
    timeout = settings.getfloat("REDIS_RUN_LOCK_TIMEOUT")
    holder = holder or worker_id()
    now = time.time()
    answer = [_text(v) for v in server.register_script(_TAKE)(
        keys=list(keys), args=[now, now + timeout, holder, "new" if new else "join", run_id, started_at])]
    if answer[0] == "locked":
        raise ClusterLocked(answer[1], answer[2], answer[4].split())
    return RunHold(server, keys, holder, timeout, answer[1], answer[2], answer[0], answer[4] or None)


def current_run(server: Any, settings: Any) -> dict[str, Any] | None:
    """The cluster's current run (id, start, who started it, live holders), or None."""
    run, holders = run_keys(settings)
    fields = {_text(k): _text(v) for k, v in server.hgetall(run).items()}
    if not fields:
        return None
    live = [_text(m) for m in server.zrangebyscore(holders, time.time(), "+inf")]
    return {"run_id": fields.get("run_id"), "started_at": fields.get("started_at"),
            "started_by": fields.get("started_by"), "holders": live}


def seed_holder() -> str:
    return f"{SEED_HOLDER}{worker_id()}"


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def describe(hold: RunHold) -> str:
    """One line saying which run this process is in and how it came to it."""
    line = {"started": "started", "joined": "joined", "continued": "continued (its workers were gone)"}[hold.how]
    note = f"; run {hold.previous} had not ended (its holders are gone) and stays unfinished" if hold.previous else ""
    return f"distributed run {hold.run_id} {line}{note}"
