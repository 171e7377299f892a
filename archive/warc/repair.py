"""Mend WARC files a crash left unfinished (``.warc.gz.open``) or that were cut or damaged later.

Repair keeps every complete record, cuts the file at the end of the last one, gives an
``.open`` file its final name, and brings the CDXJ index and the revisit store up to date
with the records kept. The writer appends a response (or revisit) and its request as one
unit, so a last response whose request never reached the disk is part of the cut tail,
as the writer itself would have undone it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from archive.errors import WarcRepairError
from archive.openfiles import held_by_live_writer, hold
from archive.safefile import OPEN_SUFFIX
from archive.warc.damage import (
    CUT_SHORT,
    first_damage,
    is_warc_record,
    prefix_stream,
    unreadable,
    walk_members,
)
from archive.warc.digests import DedupEntry
from archive.warc.revisit import sha1_digest

#: Brings an index up to date with a repaired file (given its final path).
Reindex = Callable[[Path], object]

if TYPE_CHECKING:
    from os import PathLike

    from archive.warc.digests import DigestStore

#: Where the cut tail of a finished file is kept (never read as a WARC file).
CUT_SUFFIX = ".cut"
_EMPTY_DIGEST = sha1_digest(b"")


@dataclass(frozen=True)
class RepairResult:
    """What repair did to one file: ``path`` is its final name (None: removed, nothing complete in it)."""

    source: Path
    path: Path | None
    records: int
    kept_bytes: int
    cut_bytes: int
    cut_records: int
    reason: str | None

    def __str__(self) -> str:
        target = "removed it: no complete record" if self.path is None else f"kept {self.records} record(s) " \
            f"({self.kept_bytes} bytes)"
        if self.path is not None and self.path != self.source:
            target = f"renamed to {self.path.name}, {target}"
        if not self.cut_bytes:
            return f"{self.source}: {target}, nothing cut"
        return f"{self.source}: {target}, cut {self.cut_records} record(s) ({self.cut_bytes} bytes): {self.reason}"


@dataclass(frozen=True)
class _Record:
    offset: int
    end: int
    rec_type: str
    record_id: str
    concurrent_to: tuple[str, ...]
    original: tuple[str, str, DedupEntry] | None  # (uri, digest, entry) of a revisit-store original


def needs_repair(path: str | PathLike[str]) -> bool:
    """True for a ``.open`` file and for a WARC file with damage."""
    wpath = Path(path)
    return wpath.name.endswith(OPEN_SUFFIX) or first_damage(wpath)[1] is not None


def leftover_open_files(directory: str | PathLike[str]) -> list[Path]:
    """The ``*.warc.gz.open`` files under ``directory`` that no running writer holds, oldest name first."""
    root = Path(directory)
    if not root.is_dir():
        return []
    found = sorted(p for p in root.rglob(f"*.warc.gz{OPEN_SUFFIX}") if p.is_file())
    return [p for p in found if not held_by_live_writer(p)]


def repair_leftovers(
    directory: str | PathLike[str], *, reindex: Reindex | None = None, dedup: DigestStore | None = None
) -> list[RepairResult]:
    """Repair every ``.open`` WARC file under ``directory`` left by a crashed writer.

    Raises:
        WarcRepairError: a file cannot be repaired (the others before it are done).
    """
    return [repair_warc(path, reindex=reindex, dedup=dedup) for path in leftover_open_files(directory)]


def repair_warc(
    path: str | PathLike[str], *, reindex: Reindex | None = None, dedup: DigestStore | None = None
) -> RepairResult:
    """Keep every complete record of a ``.warc.gz`` or ``.warc.gz.open`` file and cut the rest.

    An ``.open`` file is renamed to its final name (removed if it holds no complete
    record). The cut tail of a finished file is kept beside it as ``NAME.cut``.

    Args:
        path: the file.
        reindex: called with the repaired file's final path, to bring an index up to date
            (archive/cdxj/index.py ``index_updater``; None: leave indexes alone).
        dedup: a revisit store to learn the file's originals (None: none).

    Raises:
        WarcRepairError: a running writer holds the file, it is not a ``.warc.gz``, holds no
            complete record (a finished file), or its final name is taken.
        WarcReadError, IndexWriteError, DedupIndexError: the index or store cannot be updated.
    """
    source = Path(path)
    is_open = source.name.endswith(OPEN_SUFFIX)
    final = source.with_name(source.name[: -len(OPEN_SUFFIX)]) if is_open else source
    if not final.name.endswith(".warc.gz"):
        raise WarcRepairError(f"{source}: only .warc.gz and .warc.gz.open files can be repaired")
    if is_open and final.exists():
        raise WarcRepairError(f"{source}: cannot rename to {final.name}, which exists; move one of them away")
    try:
        handle = source.open("r+b")
    except OSError as exc:
        raise WarcRepairError(f"cannot open {source}: {exc.strerror}") from exc
    with handle:
        try:
            hold(handle.fileno())
        except BlockingIOError:
            raise WarcRepairError(f"{source} is being written by a running crawl; wait for it to finish") from None
        result, records = _cut(handle, source, final, is_open)
        if result.path is None:
            source.unlink()
            return result
        if is_open:
            os.rename(source, final)
    if reindex is not None:
        reindex(final)
    if dedup is not None:
        dedup.add_many(r.original for r in records if r.original is not None)
    return result


def _cut(handle: IO[bytes], source: Path, final: Path, is_open: bool) -> tuple[RepairResult, list[_Record]]:
    """Find what to keep, save a finished file's tail, truncate; return the result and the kept records."""
    size = os.fstat(handle.fileno()).st_size
    walk = walk_members(handle)
    records, reason = _complete_records(handle, walk.good_end, final.name)
    reason = reason or walk.reason
    if records and records[-1].rec_type in ("response", "revisit") and not _answered(records[-1], records):
        records.pop()  # written with its request as one unit: the unit is incomplete
        reason = reason or "the last response lacks its request (the crash came between the two)"
    keep = records[-1].end if records else 0
    cut_records = sum(1 for end in walk.ends if end > keep) + (1 if walk.damage_offset is not None else 0)
    result = RepairResult(source, final if records else None, len(records), keep, size - keep, cut_records,
                          (reason or CUT_SHORT) if size > keep else None)
    if not records:
        if not is_open:
            raise WarcRepairError(f"{source} holds no complete WARC record; not repaired (remove it if it is yours)")
        return result, records
    if size > keep:
        if not is_open:
            handle.seek(keep)
            final.with_name(final.name + CUT_SUFFIX).write_bytes(handle.read())
        handle.truncate(keep)
    handle.flush()
    os.fsync(handle.fileno())
    return result, records


def _answered(record: _Record, records: list[_Record]) -> bool:
    return any(record.record_id in r.concurrent_to for r in records if r.rec_type == "request")


def _complete_records(handle: IO[bytes], end: int, name: str) -> tuple[list[_Record], str | None]:
    """The whole WARC records in the first ``end`` bytes, up to the first bad one (and why it is bad)."""
    records: list[_Record] = []
    iterator = ArchiveIterator(prefix_stream(handle, end), no_record_parse=True)
    try:
        for record in iterator:
            start = int(iterator.offset)
            if not is_warc_record(record):
                return records, "not a WARC record"
            block = record.raw_stream.read()
            length = record.rec_headers.get_header("Content-Length")
            if length is not None and length.strip().isdigit() and int(length) != len(block):
                return records, CUT_SHORT
            iterator.get_record_offset()
            records.append(_describe(record, block, name, start, int(iterator.offset)))
    except Exception as exc:  # warcio raises zlib/EOF/parser errors alike
        return records, unreadable(exc)
    return records, None


def _describe(record: Any, block: bytes, name: str, start: int, end: int) -> _Record:
    headers = record.rec_headers
    concurrent = tuple(v for k, v in headers.headers if k.lower() == "warc-concurrent-to")
    record_id = str(headers.get_header("WARC-Record-ID") or "")
    return _Record(start, end, str(record.rec_type), record_id, concurrent, _original(record, block, name, start))


def _original(record: Any, block: bytes, name: str, offset: int) -> tuple[str, str, DedupEntry] | None:
    """The revisit-store entry of a full, non-empty 2xx response, as the writer remembers it."""
    headers = record.rec_headers
    if record.rec_type != "response" or headers.get_header("WARC-Truncated"):
        return None
    uri, digest, date = (headers.get_header(n) for n in ("WARC-Target-URI", "WARC-Payload-Digest", "WARC-Date"))
    status_line = block.split(b"\r\n", 1)[0].split(b" ")
    status = status_line[1] if len(status_line) > 1 and status_line[0].startswith(b"HTTP/") else b""
    if not (uri and digest and date) or digest == _EMPTY_DIGEST or len(status) != 3 or not status.startswith(b"2"):
        return None
    return str(uri), str(digest), DedupEntry(str(date), str(headers.get_header("WARC-Record-ID")), name, offset)
