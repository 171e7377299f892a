"""``CrawlState`` in the crawl folder's embedded SQLite file (WAL mode, shared with the digest store)."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from archive.corpus.versions import VersionState
from crawler.state.store import CrawlState, RunRow, StateStoreError, UrlState

#: How long a writer waits for another process holding the database lock, in seconds.
BUSY_TIMEOUT = 60.0

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS url_state (
        url TEXT PRIMARY KEY, fetched_at TEXT, status INTEGER, etag TEXT, last_modified TEXT,
        payload_digest TEXT, warc_file TEXT, warc_offset INTEGER, warc_record_id TEXT, run_id TEXT,
        linked_from TEXT, linked_run TEXT) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS doc_version (
        url TEXT PRIMARY KEY, digest TEXT NOT NULL, version INTEGER NOT NULL, fetched_at TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS run (
        run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL, ended_at TEXT, exit_status INTEGER,
        counts TEXT, resumed INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID""",
)
_URL_FIELDS = [f.name for f in dataclasses.fields(UrlState)]
_FETCH_FIELDS = [name for name in _URL_FIELDS if name not in ("url", "linked_from", "linked_run")]
#: Built once: a fetch is recorded for every capture.
_RECORD_FETCH = (f"INSERT INTO url_state (url, {', '.join(_FETCH_FIELDS)}) VALUES (?{', ?' * len(_FETCH_FIELDS)}) "
                 "ON CONFLICT(url) DO UPDATE SET " + ", ".join(f"{n} = COALESCE(excluded.{n}, {n})" for n in _FETCH_FIELDS))


class SqliteCrawlState(CrawlState):
    """The crawl state in one SQLite file; one connection per instance, behind a lock.

    Raises:
        StateStoreError: the file cannot be created, opened, read or written.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            for statement in _SCHEMA:
                self._db.execute(statement)
        except (OSError, sqlite3.Error) as exc:
            raise StateStoreError(f"cannot open the crawl state {self.path}: {exc}; check that the folder is "
                                  "writable and the file is an SQLite database") from exc

    def _run(self, sql: str, params: tuple[Any, ...] | list[tuple[Any, ...]] = (), *, many: bool = False) -> list[Any]:
        with self._lock:
            if self._db is None:
                raise StateStoreError(f"the crawl state {self.path} is closed")
            try:
                if many:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.executemany(sql, params)  # type: ignore[arg-type]
                    self._db.execute("COMMIT")
                    return []
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise StateStoreError(f"cannot use the crawl state {self.path}: {exc}; check disk space") from exc

    def url_state(self, url: str) -> UrlState | None:
        rows = self._run(f"SELECT {', '.join(_URL_FIELDS)} FROM url_state WHERE url = ?", (url,))
        return UrlState(*rows[0]) if rows else None

    def record_fetch(self, state: UrlState) -> None:
        self._run(_RECORD_FETCH, (state.url, *[getattr(state, name) for name in _FETCH_FIELDS]))

    def record_link(self, url: str, listing: str, run_id: str) -> None:
        self._run("INSERT INTO url_state (url, linked_from, linked_run) VALUES (?, ?, ?) ON CONFLICT(url) "
                  "DO UPDATE SET linked_from = excluded.linked_from, linked_run = excluded.linked_run",
                  (url, listing, run_id))

    def all_url_states(self) -> list[UrlState]:
        return [UrlState(*row) for row in self._run(f"SELECT {', '.join(_URL_FIELDS)} FROM url_state ORDER BY url")]

    def version_of(self, url: str) -> VersionState | None:
        rows = self._run("SELECT digest, version, fetched_at FROM doc_version WHERE url = ?", (url,))
        return VersionState(str(rows[0][0]), int(rows[0][1]), str(rows[0][2])) if rows else None

    def set_version(self, url: str, state: VersionState) -> None:
        self._run("INSERT OR REPLACE INTO doc_version VALUES (?, ?, ?, ?)",
                  (url, state.digest, state.version, state.fetched_at))

    def replace_versions(self, states: Mapping[str, VersionState]) -> None:
        self._run("DELETE FROM doc_version")
        rows = [(url, s.digest, s.version, s.fetched_at) for url, s in states.items()]
        if rows:
            self._run("INSERT INTO doc_version VALUES (?, ?, ?, ?)", rows, many=True)

    def merge_versions(self, states: Mapping[str, VersionState]) -> int:
        rows = [(url, s.digest, s.version, s.fetched_at) for url, s in states.items()]
        before = self._run("SELECT COUNT(*) FROM doc_version")[0][0]
        if rows:
            self._run("INSERT OR IGNORE INTO doc_version VALUES (?, ?, ?, ?)", rows, many=True)
        return int(self._run("SELECT COUNT(*) FROM doc_version")[0][0] - before)

    def has_versions(self) -> bool:
        return bool(self._run("SELECT 1 FROM doc_version LIMIT 1"))

    def start_run(self, run: RunRow) -> None:
        self._run("INSERT INTO run (run_id, started_at, resumed) VALUES (?, ?, ?) ON CONFLICT(run_id) DO UPDATE "
                  "SET ended_at = NULL, exit_status = NULL, resumed = resumed + 1", (run.run_id, run.started_at,
                                                                                     run.resumed))

    def finish_run(self, run_id: str, ended_at: str, exit_status: int, counts: Mapping[str, Any]) -> None:
        self._run("UPDATE run SET ended_at = ?, exit_status = ?, counts = ? WHERE run_id = ?",
                  (ended_at, exit_status, json.dumps(counts, sort_keys=True), run_id))

    def runs(self) -> list[RunRow]:
        rows = self._run("SELECT run_id, started_at, ended_at, exit_status, counts, resumed FROM run ORDER BY run_id")
        return [RunRow(r[0], r[1], r[2], r[3], json.loads(r[4]) if r[4] else None, r[5]) for r in rows]

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
