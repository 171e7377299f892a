"""Crawl state kept between runs: the ``CrawlState`` interface, its SQLite store, and re-deriving it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archive.corpus.versions import CaptureVersions, DictMemory, VersionState
from archive.warc.files import find_warcs
from crawler.documents import wants_document
from crawler.folder import state_db_path, warc_dir
from crawler.state.sqlite import SqliteCrawlState
from crawler.state.store import CrawlState, RunRow, StateStoreError, UrlState

if TYPE_CHECKING:
    from pathlib import Path

    from archive.warc.damage import DamageLog

__all__ = ["CrawlState", "RunRow", "SqliteCrawlState", "StateStoreError", "UrlState", "keep_versions", "open_state",
           "rebuild_versions"]


def open_state(settings: Any) -> CrawlState:
    """The crawl state: Redis's with REDIS_URL (every worker shares it), else the folder's SQLite.

    The folder's SQLite file is ``STATE_DB_PATH``, else ``OUTPUT_DIR/state.sqlite``.

    Raises:
        StateStoreError: it cannot be opened.
    """
    if settings.get("REDIS_URL"):
        from crawler.distributed.state import RedisCrawlState

        return RedisCrawlState.from_settings(settings)
    return SqliteCrawlState(state_db_path(settings))


def rebuild_versions(state: CrawlState, directory: Path, damage: DamageLog | None = None) -> int:
    """Re-derive every URL's latest Document version from the WARC files of ``directory``; return how many URLs.

    The same pass replay makes (archive/corpus/versions.py), without extraction. A shared
    store (Redis) only gains the URLs it lacks: the other workers' versions stay.
    """
    from archive.replay.ordered import iter_archive  # its CDXJ indexer loads only when versions are rebuilt

    files = find_warcs([directory]) if directory.is_dir() else []
    memory = DictMemory()
    versions = CaptureVersions(memory)
    for resp in iter_archive(files, damage=damage):
        if wants_document(resp):
            versions.decide(resp)
    keep_versions(state, memory.states)
    return len(memory.states)


def keep_versions(state: CrawlState, states: dict[str, VersionState]) -> None:
    """Store re-derived versions: in place of the folder's own, or beside the other workers' in a shared store."""
    if state.shared:
        state.merge_versions(states)
    else:
        state.replace_versions(states)


def versions_missing(state: CrawlState, settings: Any) -> bool:
    """True when the store remembers no version although the folder holds WARC files (a lost or new store)."""
    directory = warc_dir(settings)
    return not state.has_versions() and directory.is_dir() and any(directory.glob("*.warc*"))
