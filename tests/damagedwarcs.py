"""Damaged WARC files made from a good one: cut mid-record, a corrupt gzip member, not a WARC, empty."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

from archivehelpers import T0, http_exchange

from archive import ArchivedResponse, WarcWriter

PAYLOAD = "<html><head><title>国务院关于印发政策的通知</title></head><body><p>国务院关于印发政策的通知。</p></body></html>".encode()
#: The kinds of damage, each a function of the good file's bytes and the offset of its second response.
KINDS = ("cut", "corrupt", "not_warc", "empty")


def good_warc(directory: Path, name: str = "good", pages: int = 3) -> tuple[Path, list[ArchivedResponse]]:
    """A finished WARC file of ``pages`` distinct 200 pages (deterministic bytes)."""
    ticks, ids = itertools.count(), itertools.count()
    with WarcWriter(directory, prefix=name, clock=lambda: T0 + timedelta(seconds=next(ticks)),
                    record_id_factory=lambda: f"<urn:uuid:00000000-0000-4000-8000-{next(ids):012d}>") as writer:
        archived = [writer.write_exchange(http_exchange(f"https://www.gov.cn/{name}/{i}.htm", payload=PAYLOAD * (i + 1)))
                    for i in range(pages)]
    (path,) = writer.closed_files
    return path, archived


def damaged_bytes(kind: str, data: bytes, second: int) -> bytes:
    """The good file's bytes with ``kind`` damage starting at ``second`` (the second response's offset)."""
    if kind == "cut":
        return data[:second + 40]
    if kind == "corrupt":
        flipped = bytearray(data)
        flipped[second + 30] ^= 0xFF
        return bytes(flipped)
    if kind == "not_warc":
        return b"<html><body>this is an HTML page saved under a WARC name</body></html>\n" * 5
    return b""


def damaged_warc(directory: Path, kind: str) -> tuple[Path, int, int]:
    """Write a damaged ``bad.warc.gz`` into ``directory``; return it, the damage offset, complete responses before it."""
    path, archived = good_warc(directory / "src", "bad")
    second = archived[1].pointer.warc_offset
    bad = directory / "bad.warc.gz"
    bad.write_bytes(damaged_bytes(kind, path.read_bytes(), second))
    path.unlink()
    return (bad, second, 1) if kind in ("cut", "corrupt") else (bad, 0, 0)
