"""Exceptions raised by the archive package."""

from __future__ import annotations


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
