"""Damaged WARC files: where the damage starts, and a log readers fill instead of giving up.

A WARC file cut short (a crash, a partial copy), a corrupt gzip member, a file that is
not a WARC at all or an empty one all have a first byte from which nothing more can be
read. Every complete record before it is good: readers keep those, record a
:class:`Damage` in a :class:`DamageLog` and go on with the next file.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from archive.errors import WarcDamageError

if TYPE_CHECKING:
    from os import PathLike

_CHUNK = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b"

EMPTY = "the file is empty (no WARC record)"
CUT_SHORT = "the last record is cut short (crash or partial copy); `zhengwen verify --repair` cuts the file there"


@dataclass(frozen=True)
class Damage:
    """The first unreadable byte of a WARC file and why; ``records`` complete records come before it."""

    path: Path
    offset: int
    reason: str
    records: int = 0

    def __str__(self) -> str:
        return f"{self.path}: damaged at byte {self.offset} after {self.records} complete record(s): {self.reason}"

    def error(self) -> WarcDamageError:
        """The exception to raise when the caller keeps no damage log."""
        return WarcDamageError(str(self), path=self.path, offset=self.offset)


@dataclass
class DamageLog:
    """Damage met while reading several files, in the order it was met."""

    items: list[Damage] = field(default_factory=list)

    def add(self, damage: Damage) -> None:
        """Record ``damage``."""
        self.items.append(damage)

    def __iter__(self) -> Iterator[Damage]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class MemberWalk:
    """The gzip members of a file: where each complete one ends, and the first damage."""

    ends: tuple[int, ...]
    damage_offset: int | None
    reason: str | None

    @property
    def good_end(self) -> int:
        """The end of the last complete member before any damage (0 if none)."""
        return self.ends[-1] if self.ends else 0


def walk_members(fh: IO[bytes]) -> MemberWalk:
    """Walk the raw gzip members of ``fh`` from its start; each must inflate cleanly and end with its trailer.

    warcio stops quietly at a cut member and cannot say where a corrupt one starts; this can.
    """
    ends: list[int] = []
    start = pos = 0
    inflater: Any = None
    head = b""
    fh.seek(0)
    while chunk := fh.read(_CHUNK):
        data = chunk
        while data:
            if inflater is None:
                inflater, start, head = zlib.decompressobj(zlib.MAX_WBITS | 16), pos, data[:2]
            try:
                inflater.decompress(data, _CHUNK)
                while not inflater.eof and inflater.unconsumed_tail:
                    inflater.decompress(inflater.unconsumed_tail, _CHUNK)
            except zlib.error as exc:
                if len(head) == 2 and head != _GZIP_MAGIC:
                    return MemberWalk(tuple(ends), start, f"not gzip data (starts with {head!r}: not a .warc.gz file?)")
                return MemberWalk(tuple(ends), start, f"corrupt gzip member ({exc}); the file is damaged from here on")
            if inflater.eof:
                rest = inflater.unused_data
                pos += len(data) - len(rest)
                ends.append(pos)
                data, inflater = rest, None
            else:
                pos += len(data)
                data = b""
    if inflater is not None:
        return MemberWalk(tuple(ends), start, f"last gzip member is truncated ({pos - start} bytes, no end of member); "
                                              "the file was cut short (crash, partial copy)")
    return MemberWalk(tuple(ends), None, None)


class _Prefix(io.RawIOBase):
    """The first ``end`` bytes of a file, as a readable stream."""

    def __init__(self, fh: IO[bytes], end: int) -> None:
        self.fh, self.end = fh, end
        fh.seek(0)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.end - self.fh.tell()
        if left <= 0:
            return 0
        view = memoryview(buffer)[:left]
        data = self.fh.read(len(view))
        view[:len(data)] = data
        return len(data)


def prefix_stream(fh: IO[bytes], end: int) -> IO[bytes]:
    """A buffered stream over the first ``end`` bytes of ``fh`` (for indexing the good part of a file)."""
    return io.BufferedReader(_Prefix(fh, end))


def is_warc_record(record: Any) -> bool:
    """True when warcio parsed a WARC record (it also accepts ARC and bare HTTP, which we do not write)."""
    return getattr(record, "format", None) == "warc"


def unreadable(exc: Exception) -> str:
    """The reason for a record warcio cannot parse, kept to one short line."""
    detail = " ".join(str(exc).split())[:100]
    return f"unreadable WARC record ({type(exc).__name__}: {detail})"


def first_damage(path: str | PathLike[str]) -> tuple[int, Damage | None]:
    """Return (complete records, the first damage or None) of one WARC file.

    Checks, in order: the file is not empty, every gzip member is whole (``.gz``),
    every record is a WARC record whose block holds its Content-Length bytes, and no
    bytes follow the last record.

    Raises:
        OSError: the file cannot be opened or read.
    """
    wpath = Path(path)
    with wpath.open("rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            return 0, Damage(wpath, 0, EMPTY)
        walk = walk_members(fh) if wpath.name.endswith((".gz", ".gz.open")) else MemberWalk((), None, None)
        end = size if walk.damage_offset is None else walk.damage_offset
        count, damage = _record_damage(prefix_stream(fh, end), wpath, end)
    if damage is not None:
        return count, damage
    if walk.damage_offset is not None:
        return count, Damage(wpath, walk.damage_offset, walk.reason or CUT_SHORT, count)
    return count, None


def _record_damage(stream: IO[bytes], wpath: Path, end: int) -> tuple[int, Damage | None]:
    iterator = ArchiveIterator(stream, no_record_parse=True)
    count = 0
    try:
        for record in iterator:
            if not is_warc_record(record):
                return count, Damage(wpath, int(iterator.offset), "not a WARC record (not a WARC file?)", count)
            block = record.raw_stream.read()
            length = record.rec_headers.get_header("Content-Length")
            if length is not None and length.strip().isdigit() and int(length) != len(block):
                return count, Damage(wpath, int(iterator.offset), CUT_SHORT, count)
            iterator.get_record_offset()
            count += 1
    except Exception as exc:  # warcio raises zlib/EOF/parser errors alike
        return count, Damage(wpath, int(iterator.offset), unreadable(exc), count)
    if iterator.offset < end:
        return count, Damage(wpath, int(iterator.offset), CUT_SHORT, count)
    return count, None
