"""Replay: re-derive the Documents of a set of WARC files, in a fixed order, on several processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from archive.replay.ordered import iter_archive
from crawler.documents import try_document, wants_document

if TYPE_CHECKING:
    from os import PathLike

    from archive.records import ArchivedResponse, Document
    from archive.warc.damage import DamageLog

#: Responses sent to a worker at a time: large enough to amortise the pickling round trip.
CHUNK_SIZE = 8


def _documents_responses(paths: Iterable[str | PathLike[str]], damage: DamageLog | None) -> Iterator[ArchivedResponse]:
    return (resp for resp in iter_archive(paths, damage=damage) if wants_document(resp))


def replay_documents(
    paths: Iterable[str | PathLike[str]], *, workers: int = 1, damage: DamageLog | None = None
) -> Iterator[Document]:
    """Yield the Document of every archived HTML response, by WARC file name then offset.

    A page the crawl could not extract (undecodable payload, extraction error) is skipped
    here too, with the same warning.

    Records are read here, in order; extraction runs on ``workers`` processes and the
    results come back in input order, so the output is the same for any ``workers``.

    With a ``damage`` log, a damaged WARC file gives the documents of its complete
    records, its damage is logged and the next file is read.

    Raises:
        archive.errors.WarcReadError: a file is unreadable (damaged, without a log) or a
            revisit unresolvable.
    """
    responses = _documents_responses(paths, damage)
    if workers <= 1:
        results: Iterator[tuple[Document | None, str | None]] = map(try_document, responses)
        yield from (document for document, _ in results if document is not None)
        return
    # fork would copy a parent that may hold open SQLite handles or threads: forkserver
    # (spawn where it is missing) starts the workers from a clean process.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(workers) as pool:
        results = pool.imap(try_document, responses, chunksize=CHUNK_SIZE)
        yield from (document for document, _ in results if document is not None)
