"""What a crawl folder holds and where: warc/, its CDXJ index, state.sqlite, text.jsonl.

Every part of the crawler that needs one of these paths (the capture extension, the
document pipeline, crash recovery, the crawl command) asks here, so a setting that moves
one (WARC_DIR, STATE_DB_PATH, TEXT_JSONL_PATH) moves it for all of them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from archive.cdxj.index import default_index_path
from archive.cdxj.seed import seed_digests
from archive.openfiles import held_by_live_writer
from archive.warc.digests import DedupIndex, DigestStore

logger = logging.getLogger(__name__)


def warc_dir(settings: Any) -> Path:
    """The folder WARC files go to: WARC_DIR, else OUTPUT_DIR/warc."""
    return Path(settings.get("WARC_DIR") or Path(settings.get("OUTPUT_DIR")) / "warc")


def state_db_path(settings: Any) -> Path:
    """The embedded state store: STATE_DB_PATH, else OUTPUT_DIR/state.sqlite."""
    return Path(settings.get("STATE_DB_PATH") or Path(settings.get("OUTPUT_DIR")) / "state.sqlite")


def open_dedup_index(path: Path, directory: Path) -> DedupIndex:
    """Open the payload-digest store; a new one is seeded from an existing CDXJ index.

    That keeps revisits working against earlier crawls whose state file was lost.
    """
    fresh = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    dedup = DedupIndex(path)
    index = default_index_path(directory)
    if fresh and index.exists():
        stats = seed_digests(dedup, index, warc_dir=directory)
        logger.info("seeded %s from %s: %s", path, index, stats)
    return dedup


def open_digest_store(settings: Any, directory: Path) -> DigestStore:
    """The revisit digest store of this crawl: Redis's with REDIS_URL, else the folder's SQLite."""
    if not settings.get("REDIS_URL"):
        return open_dedup_index(state_db_path(settings), directory)
    from crawler.distributed.digests import RedisDedupIndex

    store = RedisDedupIndex.from_settings(settings)
    index = default_index_path(directory)
    if index.exists() and store.is_empty():
        logger.info("seeded the Redis digests from %s: %s", index, seed_digests(store, index, warc_dir=directory))
    return store


def text_jsonl_path(settings: Any) -> Path:
    """Where documents go: TEXT_JSONL_PATH, else OUTPUT_DIR/text.jsonl."""
    return Path(settings.get("TEXT_JSONL_PATH") or Path(settings.get("OUTPUT_DIR")) / "text.jsonl")


def leftover_output(settings: Any) -> Path | None:
    """The ``text.jsonl.open`` of a crawl still running in the folder (it holds the file's lock).

    A crashed run's leftover holds no lock: the crawl repairs and re-derives it (crawler/recovery.py).
    """
    path = text_jsonl_path(settings)
    open_path = path.with_name(path.name + ".open")
    return open_path if held_by_live_writer(open_path) else None
