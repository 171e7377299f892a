"""Remember where each (URL, payload digest) was first stored, so repeats become revisit records.

The store is an embedded SQLite database (WAL mode) shared by every writer of one
machine: several threads of one process (one connection behind a lock) and several
processes (SQLite's own file locking, with a busy timeout).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from archive.errors import DedupIndexError, WarcReadError
from archive.index import cdxj_location, iter_cdxj
from archive.revisit import sha1_digest

if TYPE_CHECKING:
    from os import PathLike

logger = logging.getLogger(__name__)

#: How long a writer waits for another process holding the database lock, in seconds.
BUSY_TIMEOUT = 60.0

_EMPTY_DIGEST = sha1_digest(b"")

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


@dataclass(frozen=True)
class ImportStats:
    """What :meth:`DedupIndex.import_cdxj` did with the lines of an index."""

    added: int = 0
    already_known: int = 0
    skipped_not_original: int = 0
    skipped_missing_warc: int = 0


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

    def import_cdxj(self, path: str | PathLike[str], *, warc_dir: str | PathLike[str] | None = None) -> ImportStats:
        """Seed the index from a CDXJ index of an earlier crawl.

        Only 2xx ``response`` lines with a digest are originals. Each one's WARC-Date
        and WARC-Record-ID are read from the WARC record itself (a CDXJ timestamp has
        no microseconds and no record id), found as ``warc_dir / filename``.

        Args:
            path: the CDXJ file (``urlkey timestamp {json}`` lines).
            warc_dir: where the WARC files named in it are; default the index's directory.

        Raises:
            WarcReadError: the index cannot be read or a line is not CDXJ.
            DedupIndexError: the database cannot be written.
        """
        index = Path(path)
        base = Path(warc_dir) if warc_dir is not None else index.parent
        stats = {"added": 0, "already_known": 0, "skipped_not_original": 0, "skipped_missing_warc": 0}
        batch: list[tuple[str, str, DedupEntry]] = []
        missing: set[str] = set()
        for where, fields in iter_cdxj(index):
            if not _is_original(fields):
                stats["skipped_not_original"] += 1
                continue
            filename, offset = cdxj_location(fields, where)
            header = _record_header(base / filename, offset)
            if header is None:
                stats["skipped_missing_warc"] += 1
                missing.add(filename)
                continue
            date, record_id, truncated = header
            if truncated:
                stats["skipped_not_original"] += 1
                continue
            batch.append((str(fields["url"]), str(fields["digest"]),
                          DedupEntry(date, record_id, Path(filename).name, offset)))
        for name in sorted(missing):
            logger.warning("dedup import from %s: WARC file %s not found in %s; its records are not deduplicated",
                           index, name, base)
        stats["added"] = self.add_many(batch)
        stats["already_known"] = len(batch) - stats["added"]
        return ImportStats(**stats)

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


def _is_original(fields: dict[str, object]) -> bool:
    """The lines the writer would have remembered: full, non-empty 2xx responses."""
    status = str(fields.get("status", ""))
    return (fields.get("mime") != "warc/revisit" and status.startswith("2") and len(status) == 3
            and fields.get("digest") != _EMPTY_DIGEST
            and all(fields.get(key) not in (None, "") for key in ("url", "digest", "filename", "offset")))


def _record_header(path: Path, offset: int) -> tuple[str, str, bool] | None:
    """Return (WARC-Date, WARC-Record-ID, truncated?) of the record at ``offset``; None if the file is missing."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WarcReadError(f"cannot open WARC file {path}: {exc.strerror}") from exc
    with fh:
        try:
            fh.seek(offset)
            record = next(ArchiveIterator(fh, no_record_parse=True))
        except Exception as exc:  # warcio raises zlib/EOF/parser errors alike
            raise WarcReadError(f"{path} at offset {offset}: no readable WARC record ({exc!r}); "
                                "the CDXJ index does not match the WARC file — rebuild the index") from exc
        date = record.rec_headers.get_header("WARC-Date")
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        truncated = bool(record.rec_headers.get_header("WARC-Truncated"))
    if not date or not record_id:
        raise WarcReadError(f"{path} at offset {offset}: record lacks WARC-Date or WARC-Record-ID")
    return str(date), str(record_id), truncated
