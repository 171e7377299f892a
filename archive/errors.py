"""Exceptions raised by the archive package."""

from __future__ import annotations

from pathlib import Path


class ArchiveError(Exception):
    """Base class for every error raised by ``archive``."""


class WarcWriteError(ArchiveError):
    """A WARC file could not be created, written or finalised (disk full, permissions)."""


class WarcReadError(ArchiveError):
    """A WARC record could not be read back (truncated gzip member, bad offset, not a WARC)."""


class SinkWriteError(ArchiveError):
    """A document sink (JSONL …) could not be written or finalised."""


class DedupIndexError(ArchiveError):
    """The deduplication database cannot be opened, read or written."""


class IndexWriteError(ArchiveError):
    """A CDXJ index could not be built, merged or written."""


class WarcDamageError(WarcReadError):
    """A WARC file is cut short, corrupt, empty or not a WARC from ``offset`` on."""

    def __init__(self, message: str, *, path: Path, offset: int) -> None:
        super().__init__(message)
        self.path = path
        self.offset = offset


class WarcRepairError(ArchiveError):
    """A WARC file cannot be repaired (being written, not a WARC, name taken)."""
