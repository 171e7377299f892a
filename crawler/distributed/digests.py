"""Revisit digests in Redis: (URI, payload digest) → original record, shared by every worker.

The same interface as the embedded SQLite store (archive/warc/digests.py ``DigestStore``),
so the WARC writer, crash repair and CDXJ seeding take either. One Redis hash,
``P:digests``, field ``DIGEST URI``, value the original's WARC-Date, record id, file name
and offset as JSON; HSETNX keeps the first original, as SQLite's INSERT OR IGNORE does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from redis.exceptions import RedisError

from archive.errors import DedupIndexError
from archive.warc.digests import DedupEntry
from crawler.distributed.keys import connect, digests_key


def _field(uri: str, digest: str) -> str:
    return f"{digest} {uri}"


class RedisDedupIndex:
    """The revisit digest store of a distributed crawl.

    Raises:
        DedupIndexError: Redis cannot be reached or answered with an error.
    """

    def __init__(self, server: Any, key: str):
        self.server = server
        self.key = key

    @classmethod
    def from_settings(cls, settings: Any) -> RedisDedupIndex:
        return cls(connect(settings), digests_key(settings))

    def is_empty(self) -> bool:
        return not self._call(lambda: self.server.exists(self.key), "read")

    def lookup(self, uri: str, digest: str) -> DedupEntry | None:
        value = self._call(lambda: self.server.hget(self.key, _field(uri, digest)), "read")
        if value is None:
            return None
        date, record_id, warc_file, offset = json.loads(value)
        return DedupEntry(date, record_id, warc_file, int(offset))

    def add(self, uri: str, digest: str, entry: DedupEntry) -> bool:
        return self.add_many([(uri, digest, entry)]) == 1

    def add_many(self, items: Iterable[tuple[str, str, DedupEntry]]) -> int:
        rows = [(_field(uri, digest), json.dumps([e.warc_date, e.record_id, e.warc_file, e.offset]))
                for uri, digest, e in items]
        if not rows:
            return 0

        def write() -> int:
            pipe = self.server.pipeline()
            for name, value in rows:
                pipe.hsetnx(self.key, name, value)
            return sum(int(added) for added in pipe.execute())

        return int(self._call(write, "write"))

    def close(self) -> None:
        """Nothing to release but the connection pool. Idempotent."""
        self.server.close()

    def __enter__(self) -> RedisDedupIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _call(self, action: Any, what: str) -> Any:
        try:
            return action()
        except RedisError as exc:
            raise DedupIndexError(f"cannot {what} the revisit digests in Redis ({self.key}): {exc}; "
                                  "check REDIS_URL and that the server is up") from exc
