"""``CrawlState`` in Redis: one per-URL state, version memory and run list for every worker.

The same interface and behaviour as the SQLite store (crawler/state/sqlite.py), so the
incremental middleware, the version rule, the run rows and ``zhengwen changes`` take
either; with ``REDIS_URL`` set every worker reads and writes this one, and so applies the
same recrawl policy (a page one worker archived is not due on another). Keys
(crawler/distributed/keys.py): ``P:url:URL`` a hash of the URL's non-empty fields (a
``record_fetch`` writes only its non-None fields, as SQLite's ``COALESCE`` keeps the
others), ``P:urls`` the set of URLs, ``P:versions`` URL → ``[digest, version,
fetched_at]``, ``P:runs`` run id → the run row, all as JSON.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from redis.exceptions import RedisError

from archive.corpus.versions import VersionState
from crawler.distributed.keys import StateKeys, connect, state_keys
from crawler.state.store import CrawlState, RunRow, StateStoreError, UrlState

_T = TypeVar("_T")
_INT_FIELDS = {"status", "warc_offset"}
_FETCH_FIELDS = [f.name for f in dataclasses.fields(UrlState) if f.name not in ("url", "linked_from", "linked_run")]
#: Keys read or written per Redis round trip when walking every URL or version.
BATCH = 1000


def _text(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _url_state(url: str, fields: Mapping[bytes | str, bytes | str]) -> UrlState:
    values: dict[str, Any] = {_text(k): _text(v) for k, v in fields.items()}
    for name in _INT_FIELDS & values.keys():
        values[name] = int(values[name])
    return UrlState(url=url, **values)


def _row_json(row: RunRow) -> str:
    return json.dumps(dataclasses.asdict(row) | {"counts": dict(row.counts) if row.counts is not None else None},
                      sort_keys=True)


class RedisCrawlState(CrawlState):
    """The crawl state of a distributed crawl, in the Redis server every worker shares.

    Raises:
        StateStoreError: Redis cannot be reached or answered with an error.
    """

    #: Every worker shares this store: a worker re-deriving its own folder adds to it, never replaces it.
    shared = True

    def __init__(self, server: Any, keys: StateKeys, where: str = "Redis"):
        self.server = server
        self.keys = keys
        self.where = where

    @classmethod
    def from_settings(cls, settings: Any) -> RedisCrawlState:
        return cls(connect(settings), state_keys(settings), f"Redis at {settings.get('REDIS_URL')}")

    def _call(self, action: Callable[[], _T], what: str) -> _T:
        try:
            return action()
        except RedisError as exc:
            raise StateStoreError(f"cannot {what} the crawl state in {self.where} ({self.keys.runs} …): {exc}; "
                                  "check REDIS_URL and that the server is up") from exc

    def url_state(self, url: str) -> UrlState | None:
        fields = self._call(lambda: self.server.hgetall(self.keys.url(url)), "read")
        return _url_state(url, fields) if fields else None

    def record_fetch(self, state: UrlState) -> None:
        values = {name: str(getattr(state, name)) for name in _FETCH_FIELDS if getattr(state, name) is not None}
        self._write_url(state.url, values)

    def record_link(self, url: str, listing: str, run_id: str) -> None:
        self._write_url(url, {"linked_from": listing, "linked_run": run_id})

    def _write_url(self, url: str, values: dict[str, str]) -> None:
        def write() -> None:
            pipe = self.server.pipeline()
            pipe.sadd(self.keys.urls, url)
            if values:
                pipe.hset(self.keys.url(url), mapping=values)
            pipe.execute()

        self._call(write, "write")

    def all_url_states(self) -> list[UrlState]:
        def read() -> list[UrlState]:
            urls = sorted(_text(u) for u in self.server.smembers(self.keys.urls))
            states = []
            for start in range(0, len(urls), BATCH):
                pipe = self.server.pipeline(transaction=False)
                for url in urls[start:start + BATCH]:
                    pipe.hgetall(self.keys.url(url))
                states += [_url_state(url, fields) for url, fields in zip(urls[start:start + BATCH], pipe.execute())]
            return states

        return self._call(read, "read")

    def version_of(self, url: str) -> VersionState | None:
        value = self._call(lambda: self.server.hget(self.keys.versions, url), "read")
        if value is None:
            return None
        digest, version, fetched_at = json.loads(value)
        return VersionState(str(digest), int(version), str(fetched_at))

    def set_version(self, url: str, state: VersionState) -> None:
        self._call(lambda: self.server.hset(self.keys.versions, url, _version_json(state)), "write")

    def replace_versions(self, states: Mapping[str, VersionState]) -> None:
        def write() -> None:
            pipe = self.server.pipeline(transaction=True)
            pipe.delete(self.keys.versions)
            items = list(states.items())
            for start in range(0, len(items), BATCH):
                pipe.hset(self.keys.versions, mapping={u: _version_json(s) for u, s in items[start:start + BATCH]})
            pipe.execute()

        self._call(write, "write")

    def merge_versions(self, states: Mapping[str, VersionState]) -> int:
        """Remember the versions of URLs the store has none for; return how many (others' stay)."""
        def write() -> int:
            pipe = self.server.pipeline(transaction=False)
            for url, state in states.items():
                pipe.hsetnx(self.keys.versions, url, _version_json(state))
            return sum(int(added) for added in pipe.execute())

        return self._call(write, "write") if states else 0

    def has_versions(self) -> bool:
        return bool(self._call(lambda: self.server.exists(self.keys.versions), "read"))

    def start_run(self, run: RunRow) -> None:
        def reopen(pipe: Any) -> None:
            old = pipe.hget(self.keys.runs, run.run_id)
            row = run if old is None else dataclasses.replace(_run_row(old), ended_at=None, exit_status=None,
                                                               resumed=_run_row(old).resumed + 1)
            pipe.multi()
            pipe.hset(self.keys.runs, run.run_id, _row_json(row))

        self._call(lambda: self.server.transaction(reopen, self.keys.runs), "write")

    def finish_run(self, run_id: str, ended_at: str, exit_status: int, counts: Mapping[str, Any]) -> None:
        def close(pipe: Any) -> None:
            old = pipe.hget(self.keys.runs, run_id)
            if old is None:  # as SQLite's UPDATE of a missing row: nothing
                return
            row = dataclasses.replace(_run_row(old), ended_at=ended_at, exit_status=exit_status, counts=dict(counts))
            pipe.multi()
            pipe.hset(self.keys.runs, run_id, _row_json(row))

        self._call(lambda: self.server.transaction(close, self.keys.runs), "write")

    def runs(self) -> list[RunRow]:
        rows = self._call(lambda: self.server.hgetall(self.keys.runs), "read")
        return sorted((_run_row(v) for v in rows.values()), key=lambda r: r.run_id)

    def close(self) -> None:
        """Nothing to release but the connection pool. Idempotent."""
        self.server.close()


def _version_json(state: VersionState) -> str:
    return json.dumps([state.digest, state.version, state.fetched_at])


def _run_row(value: bytes | str) -> RunRow:
    return RunRow(**json.loads(value))
