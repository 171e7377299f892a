"""Remember where each (URL, payload digest) was first stored, so repeats become revisit records.

Writers, repair and seeding take any :class:`DigestStore`. The embedded one here is an embedded SQLite database (WAL mode) shared by every writer of one
machine: several threads of one process (one connection behind a lock) and several
processes (SQLite's own file locking, with a busy timeout).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from archive.errors import DedupIndexError

if TYPE_CHECKING:
    from os import PathLike


#: How long a writer waits for another process holding the database lock, in seconds.
BUSY_TIMEOUT = 60.0


_SCHEMA = """
CREATE TABLE IF NOT EXISTS payload_origin (
    uri TEXT NOT NULL,
    digest TEXT NOT NULL,
    warc_date TEXT NOT NULL,
    record_id TEXT NOT NULL,
    warc_file TEXT NOT NULL,
    warc_offset INTEGER NOT NULL,
    PRIMARY KEY (uri, digest)
) WITHOUT ROWID
"""


@dataclass(frozen=True)
class DedupEntry:
    """Where the original response with a given payload is stored.

    ``warc_date`` and ``record_id`` are the original record's WARC-Date and
    WARC-Record-ID, exactly as written (a revisit repeats them in WARC-Refers-To-Date
    and WARC-Refers-To); ``warc_file`` is the file name without directory.
    """

    warc_date: str
    record_id: str
    warc_file: str
    offset: int


class DigestStore(Protocol):
    """What a revisit digest store does: this module's SQLite :class:`DedupIndex`, or a shared
    one of a distributed crawl (crawler/distributed/digests.py keeps it in Redis)."""

    def lookup(self, uri: str, digest: str) -> DedupEntry | None: ...

    def add(self, uri: str, digest: str, entry: DedupEntry) -> bool: ...

    def add_many(self, items: Iterable[tuple[str, str, DedupEntry]]) -> int: ...

    def close(self) -> None: ...


class DedupIndex:
    """Embedded (target URI, payload digest) → original record store.

    Args:
        path: the SQLite file; created with its parent directory if missing.

    Raises:
        DedupIndexError: the database cannot be created or opened.
    """

    def __init__(self, path: str | PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db: sqlite3.Connection | None = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a power cut may lose the last commits, never corrupt the file;
            # a lost entry only means one more full response next time.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise DedupIndexError(
                f"cannot open dedup database {self.path}: {exc}; check that the directory is writable "
                "and the file is an SQLite database (delete it to start deduplication afresh)"
            ) from exc

    def lookup(self, uri: str, digest: str) -> DedupEntry | None:
        """Return the original stored for ``uri`` with payload ``digest``, or None."""
        with self._lock:
            row = self._execute(
                "SELECT warc_date, record_id, warc_file, warc_offset FROM payload_origin WHERE uri = ? AND digest = ?",
                (uri, digest),
            ).fetchone()
        return None if row is None else DedupEntry(str(row[0]), str(row[1]), str(row[2]), int(row[3]))

    def add(self, uri: str, digest: str, entry: DedupEntry) -> bool:
        """Record ``entry`` as the original for (``uri``, ``digest``).

        Returns:
            True if added, False if an original was already known (the first one is kept).
        """
        return self.add_many([(uri, digest, entry)]) == 1

    def add_many(self, items: Iterable[tuple[str, str, DedupEntry]]) -> int:
        """Record several originals in one transaction; return how many were new."""
        rows = [(uri, digest, e.warc_date, e.record_id, e.warc_file, e.offset) for uri, digest, e in items]
        if not rows:
            return 0
        with self._lock:
            db = self._connection()
            try:
                db.execute("BEGIN IMMEDIATE")
                before = db.total_changes
                db.executemany("INSERT OR IGNORE INTO payload_origin VALUES (?, ?, ?, ?, ?, ?)", rows)
                added = db.total_changes - before
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise DedupIndexError(f"cannot write dedup database {self.path}: {exc}; check disk space") from exc
        return added

    def close(self) -> None:
        """Close the database. Idempotent."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> DedupIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            raise DedupIndexError(f"dedup database {self.path} is closed; create a new DedupIndex")
        return self._db

    def _execute(self, sql: str, params: tuple[str, ...]) -> sqlite3.Cursor:
        try:
            return self._connection().execute(sql, params)
        except sqlite3.Error as exc:
            raise DedupIndexError(f"cannot read dedup database {self.path}: {exc}") from exc
