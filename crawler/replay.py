"""Replay: re-derive the Documents of a set of WARC files, in a fixed order, on several processes."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from archive.damage import DamageLog
from archive.errors import ArchiveError
from archive.export import document_to_json
from archive.progress import progress
from archive.replay import find_warcs, iter_archive
from crawler.documents import try_document, wants_document

if TYPE_CHECKING:
    from os import PathLike

    from archive.records import ArchivedResponse, Document

#: Responses sent to a worker at a time: large enough to amortise the pickling round trip.
CHUNK_SIZE = 8


def default_workers() -> int:
    """All cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


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


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="zhengwen replay", description="Re-derive the cleaned documents of WARC files, with no network."
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="WARC files, folders of them, or crawl folders")
    parser.add_argument("-o", "--output", default="-", metavar="OUT", help="JSONL file to write (default: stdout)")
    parser.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                        help="extraction processes (default: all cores)")
    return parser.parse_args(argv)


def _warc_sources(paths: list[str]) -> list[Path]:
    """A crawl folder stands for its warc/ folder; other paths are taken as given."""
    return [Path(p) / "warc" if (Path(p) / "warc").is_dir() else Path(p) for p in paths]


def _write_atomically(path: Path, lines: Iterable[str]) -> None:
    """Write ``path`` as ``path.open`` and rename it when complete (an earlier file is replaced)."""
    temp = path.with_name(path.name + ".open")
    try:
        with temp.open("w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(lines)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)  # never leave a half-written output behind
        raise


def replay_main(argv: list[str]) -> int:
    """``zhengwen replay PATH... [-o OUT|-] [--workers N]``: print the documents as JSONL."""
    args = _parse_args(argv)
    if args.workers < 1:
        print("zhengwen replay: --workers must be at least 1", file=sys.stderr)
        return 2
    damage = DamageLog()
    try:
        sources = _warc_sources(args.paths)
        total = len(find_warcs(sources))
        documents = progress(replay_documents(sources, workers=args.workers, damage=damage), "replay", unit="doc")
        lines = (document_to_json(document) + "\n" for document in documents)
        if args.output == "-":
            sys.stdout.writelines(lines)
        else:
            _write_atomically(Path(args.output), lines)
    except (ArchiveError, OSError) as exc:
        print(f"zhengwen replay: {exc}", file=sys.stderr)
        return 1
    finally:
        for item in damage:
            print(f"zhengwen replay: {item}", file=sys.stderr)
    if total == 0:
        print(f"zhengwen replay: no WARC files under {' '.join(args.paths)}", file=sys.stderr)
        return 1
    return 1 if damage else 0
