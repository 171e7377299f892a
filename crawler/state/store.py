"""The crawl state a crawl folder keeps between runs: per-URL fetch state, document versions, run rows.

``CrawlState`` is the interface the crawler uses; ``crawler/state/sqlite.py`` implements
it in the crawl folder's embedded SQLite file (``state.sqlite``), and
crawler/distributed/state.py in the Redis server of a distributed crawl (``REDIS_URL``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archive.corpus.versions import VersionState


class StateStoreError(Exception):
    """The state store cannot be opened, read or written (the message names it and how to fix it)."""


@dataclass(frozen=True)
class UrlState:
    """What the crawl knows of one URL (its canonical form) from its latest archived fetch.

    ``fetched_at`` is the WARC-Date of the latest capture; ``etag``, ``last_modified`` and
    ``payload_digest`` are those of the latest full response (a 304 keeps them), the
    digest being its record's WARC-Payload-Digest (``sha1:`` + base32);
    ``warc_*`` locate the latest capture's record. ``linked_from`` is the last listing
    page seen linking to it and ``linked_run`` the run that saw it.
    """

    url: str
    fetched_at: str | None = None
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    payload_digest: str | None = None
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_record_id: str | None = None
    run_id: str | None = None
    linked_from: str | None = None
    linked_run: str | None = None


@dataclass(frozen=True)
class RunRow:
    """One crawl run: when it started and ended, what it counted and how it exited.

    ``ended_at`` and ``exit_status`` are None while the run goes on, or when it was killed.
    """

    run_id: str
    started_at: str
    ended_at: str | None = None
    exit_status: int | None = None
    counts: Mapping[str, Any] | None = None
    resumed: int = 0


class CrawlState(ABC):
    """Per-URL state, document versions and run rows of one crawl folder.

    Implementations are safe to share between the threads of one process, and between
    processes on one folder (each opens its own handle). ``shared`` is True for a store
    every worker of a distributed crawl shares.
    """

    shared = False

    @abstractmethod
    def url_state(self, url: str) -> UrlState | None:
        """The state of ``url``, or None when it was never fetched."""

    @abstractmethod
    def record_fetch(self, state: UrlState) -> None:
        """Remember a fetch of ``state.url``; None fields keep their stored values."""

    @abstractmethod
    def record_link(self, url: str, listing: str, run_id: str) -> None:
        """Remember that ``listing`` linked to ``url`` in run ``run_id``."""

    @abstractmethod
    def all_url_states(self) -> list[UrlState]:
        """Every URL's state, sorted by URL."""

    @abstractmethod
    def version_of(self, url: str) -> VersionState | None:
        """The latest Document version of ``url`` (archive/corpus/versions.py)."""

    @abstractmethod
    def set_version(self, url: str, state: VersionState) -> None:
        """Remember ``url``'s latest Document version."""

    @abstractmethod
    def replace_versions(self, states: Mapping[str, VersionState]) -> None:
        """Forget every version and keep ``states`` instead (after re-deriving them from WARC files)."""

    @abstractmethod
    def merge_versions(self, states: Mapping[str, VersionState]) -> int:
        """Remember the versions of URLs the store has none for (the others stay); return how many."""

    @abstractmethod
    def has_versions(self) -> bool:
        """True when any version is remembered."""

    @abstractmethod
    def start_run(self, run: RunRow) -> None:
        """Add (or, resuming, re-open) the row of a run."""

    @abstractmethod
    def finish_run(self, run_id: str, ended_at: str, exit_status: int, counts: Mapping[str, Any]) -> None:
        """Close a run's row."""

    @abstractmethod
    def runs(self) -> list[RunRow]:
        """Every run, oldest first."""

    @abstractmethod
    def close(self) -> None:
        """Release the store. Idempotent."""
