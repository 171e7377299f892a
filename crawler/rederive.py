"""Replay: re-derive the Documents of a set of WARC files, in a fixed order, on several processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Container, Iterable, Iterator
from typing import TYPE_CHECKING

from archive.corpus.versions import CaptureVersions, Decision
from archive.replay.ordered import iter_archive
from crawler.documents import try_document, wants_document

if TYPE_CHECKING:
    from os import PathLike

    from archive.records import ArchivedResponse, Document
    from archive.warc.damage import DamageLog

#: Responses sent to a worker at a time: large enough to amortise the pickling round trip.
CHUNK_SIZE = 8


def _new_captures(
    paths: Iterable[str | PathLike[str]], damage: DamageLog | None, versions: CaptureVersions,
    extract: Container[str] | None,
) -> Iterator[tuple[ArchivedResponse, Decision]]:
    """The responses that add a Document (the version rule applied in replay order) and their decisions."""
    for resp in iter_archive(paths, damage=damage):
        if not wants_document(resp):
            continue
        decision = versions.decide(resp)
        if decision.unchanged or (extract is not None and resp.pointer.warc_file not in extract):
            continue
        yield resp, decision


def _stamped_document(capture: tuple[ArchivedResponse, Decision]) -> Document | None:
    document, _ = try_document(capture[0])
    return None if document is None else capture[1].stamp(document)


def replay_documents(
    paths: Iterable[str | PathLike[str]], *, workers: int = 1, damage: DamageLog | None = None,
    versions: CaptureVersions | None = None, extract: Container[str] | None = None,
) -> Iterator[Document]:
    """Yield the Document of every distinct archived capture, by WARC file name then offset.

    A capture whose payload equals its URL's previous Document adds none, and a changed
    one carries ``version`` and ``previous_fetched_at`` (archive/corpus/versions.py), as
    in the crawl. A page the crawl could not extract (undecodable payload, extraction
    error) is skipped here too, with the same warning.

    Records are read here, in order; extraction runs on ``workers`` processes and the
    results come back in input order, so the output is the same for any ``workers``.

    With a ``damage`` log, a damaged WARC file gives the documents of its complete
    records, its damage is logged and the next file is read.

    Args:
        versions: the version rule and its memory (default: fresh; pass one to read its
            per-URL state afterwards).
        extract: WARC file names whose documents are wanted; the other files only feed
            the version rule (crash recovery re-derives the files ``text.jsonl`` lacks).

    Raises:
        archive.errors.WarcReadError: a file is unreadable (damaged, without a log) or a
            revisit unresolvable.
    """
    captures = _new_captures(paths, damage, versions or CaptureVersions(), extract)
    if workers <= 1:
        yield from (document for document in map(_stamped_document, captures) if document is not None)
        return
    # fork would copy a parent that may hold open SQLite handles or threads: forkserver
    # (spawn where it is missing) starts the workers from a clean process.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers) as pool:
        results = pool.imap(_stamped_document, captures, chunksize=CHUNK_SIZE)
        yield from (document for document in results if document is not None)
