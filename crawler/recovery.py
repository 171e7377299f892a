"""A crawl starting where a crashed one left off: repair its WARC files, re-derive its documents.

A killed crawl leaves ``*.warc.gz.open`` files and ``text.jsonl.open``, none of them held
by a live process any more (archive/openfiles.py). Its WARC files are repaired (every
complete record kept), and the documents it had not yet put into ``text.jsonl`` are
re-derived from the WARC files no line of ``text.jsonl`` refers to: extraction is a pure
function of the archived record, so they are the documents the crawl would have written.
Leftovers a live process still holds are left alone.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archive.cdxj.index import default_index_path, index_updater
from archive.corpus.jsonl import JsonlSink, read_jsonl
from archive.corpus.versions import CaptureVersions, DictMemory
from archive.errors import ArchiveError
from archive.openfiles import held_by_live_writer
from archive.warc.damage import DamageLog
from archive.warc.files import find_warcs
from archive.warc.repair import repair_leftovers
from crawler.folder import open_digest_store, text_jsonl_path, warc_dir
from crawler.rederive import replay_documents
from crawler.state import (
    StateStoreError,
    keep_versions,
    open_state,
    rebuild_versions,
    versions_missing,
)

if TYPE_CHECKING:
    from archive.warc.digests import DigestStore

logger = logging.getLogger(__name__)

_done: set[Path] = set()
_lock = threading.Lock()


def repair_crashed_warcs(settings: Any, dedup: DigestStore | None = None) -> int:
    """Repair the ``.open`` WARC files of crashed crawls in WARC_DIR; return how many (each logged)."""
    directory = warc_dir(settings)
    index = default_index_path(directory) if settings.getbool("WARC_CDXJ_ENABLED") else None
    own = dedup is None and settings.getbool("WARC_DEDUP_ENABLED")
    store = open_digest_store(settings, directory) if own else dedup  # Redis's in a distributed crawl
    try:
        results = repair_leftovers(directory, reindex=index_updater(index) if index is not None else None, dedup=store)
    finally:
        if own and store is not None:
            store.close()
    for result in results:
        logger.warning("repaired a WARC file left open by a crashed crawl: %s", result)
    return len(results)


def recover_crashed_run(settings: Any, dedup: DigestStore | None = None) -> None:
    """Repair a crashed run's WARC files, then rebuild ``text.jsonl`` if its ``.open`` file is a leftover.

    Runs once per output folder and process: Scrapy opens item pipelines before it sends
    ``spider_opened``, so both the text pipeline and the WARC extension call it.
    """
    path = text_jsonl_path(settings)
    with _lock:
        if path in _done:
            return
        _done.add(path)
        try:
            if settings.getbool("WARC_ENABLED"):
                repair_crashed_warcs(settings, dedup)
            leftover = path.with_name(path.name + ".open")
            if leftover.exists() and not held_by_live_writer(leftover):
                _rederive(path, leftover, settings)
            else:
                _check_versions(settings)
        except (ArchiveError, StateStoreError) as exc:  # the crawl goes on; new files never reuse a leftover's name
            logger.error("could not recover what a crashed crawl left in %s: %s", path.parent, exc)


def _check_versions(settings: Any) -> None:
    """Re-derive the document versions when the state store lost them (deleted, or older than them)."""
    state = open_state(settings)
    try:
        if versions_missing(state, settings):
            count = rebuild_versions(state, warc_dir(settings), DamageLog())
            logger.warning("re-derived the document versions of %d URL(s) from %s: the state store had none",
                           count, warc_dir(settings))
    finally:
        state.close()


def _rederive(path: Path, leftover: Path, settings: Any) -> None:
    leftover.unlink()
    known = {str(line.get("warc_file")) for line in read_jsonl(path)} if path.exists() else set()
    everything = find_warcs([warc_dir(settings)]) if warc_dir(settings).is_dir() else []
    files = [p for p in everything if p.name not in known]
    damage = DamageLog()
    memory = DictMemory()
    sink = JsonlSink(path)
    count = 0
    try:
        # Every file feeds the version rule (in replay order); only the files text.jsonl lacks are extracted.
        for document in replay_documents(everything, damage=damage, versions=CaptureVersions(memory),
                                         extract={p.name for p in files}):
            sink.write(document)
            count += 1
    finally:
        sink.close()
    state = open_state(settings)
    try:
        keep_versions(state, memory.states)
    finally:
        state.close()
    for item in damage:
        logger.warning("recovering %s: %s", path, item)
    logger.warning("recovered %s after a crashed crawl: %d document(s) re-derived from %d WARC file(s) it lacked",
                   path, count, len(files))
