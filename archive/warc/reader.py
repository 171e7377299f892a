"""Read response records back from WARC files, with their payload exactly as stored."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from archive.errors import WarcDamageError, WarcReadError
from archive.records import ArchivedResponse
from archive.warc.damage import (
    CUT_SHORT,
    EMPTY,
    Damage,
    DamageLog,
    first_damage,
    is_warc_record,
    unreadable,
)
from archive.warc.originals import OriginalsInFiles
from archive.warc.record import open_warc, read_record_at, response_from_record
from archive.warc.revisit import OriginalLookup, RevisitRef

if TYPE_CHECKING:
    from os import PathLike


def iter_responses(
    path: str | PathLike[str], *, resolver: OriginalLookup | None = None, damage: DamageLog | None = None
) -> Iterator[ArchivedResponse]:
    """Yield every ``response`` and ``revisit`` record of a WARC file, in file order.

    A revisit is yielded with the payload of its original (see
    :func:`response_from_record`). Other record types (warcinfo, request, metadata)
    are skipped.

    A damaged file (cut short, a corrupt gzip member, not a WARC, empty) yields every
    complete response before the damage; the damage is then added to ``damage`` and the
    iteration ends, or, without a log, raised.

    Args:
        path: a WARC file.
        resolver: finds originals of revisits; default: the WARC files in ``path``'s
            directory (and below), scanned only when the first revisit is met.
        damage: where the damage of the file goes instead of being raised.

    Raises:
        WarcDamageError: the file is damaged and no ``damage`` log was given.
        WarcReadError: the file cannot be opened or a revisit cannot be resolved; the
            message names the file and the offset.
    """
    wpath = Path(path)
    lookup = resolver or _DirectoryLookup(wpath.parent)
    with open_warc(wpath) as fh:
        iterator = ArchiveIterator(fh)
        found: Damage | None = None
        records = 0
        while found is None:
            try:
                record = next(iterator)
            except StopIteration:
                found = _trailing_damage(fh, iterator, wpath, records)
                break
            except Exception as exc:  # warcio raises zlib/EOF/parser errors alike
                found = Damage(wpath, int(iterator.offset), unreadable(exc), records)
                break
            if not is_warc_record(record):
                found = Damage(wpath, int(iterator.offset), "not a WARC record (not a WARC file?)", records)
            elif record.rec_type in ("response", "revisit"):
                try:
                    response = _response_at(iterator, record, wpath, lookup)
                except WarcDamageError as exc:
                    found = Damage(wpath, exc.offset, CUT_SHORT, records)
                    break
                yield response
            records += 1
    if found is None:
        return
    found = _diagnosed(wpath, found)
    if damage is None:
        raise found.error()
    damage.add(found)


class _DirectoryLookup:
    """Resolve revisits against the WARC files of one directory, scanned on first use."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._resolver: OriginalLookup | None = None

    def resolve(self, ref: RevisitRef) -> ArchivedResponse:
        if self._resolver is None:
            self._resolver = OriginalsInFiles.for_directory(self.directory)
        return self._resolver.resolve(ref)


def _diagnosed(wpath: Path, found: Damage) -> Damage:
    """The damage as :func:`archive.warc.damage.first_damage` names it (exact gzip member offset, clear reason)."""
    try:
        _, exact = first_damage(wpath)
    except OSError:
        return found
    return exact if exact is not None and exact.offset <= found.offset else found


def _trailing_damage(fh: IO[bytes], iterator: Any, wpath: Path, records: int) -> Damage | None:
    """Damage if bytes remain after the last whole record (warcio stops quietly at a cut member) or the file is empty."""
    size = os.fstat(fh.fileno()).st_size
    if size == 0:
        return Damage(wpath, 0, EMPTY)
    if iterator.offset < size:
        return Damage(wpath, int(iterator.offset), CUT_SHORT, records)
    return None


def _response_at(iterator: Any, record: Any, wpath: Path, resolver: OriginalLookup) -> ArchivedResponse:
    """Read the current record, then take its offset from the iterator."""
    start = int(iterator.offset)
    try:
        # The payload must be read before get_record_offset(), which drains the record.
        response = response_from_record(record, wpath.name, start, resolver=resolver)
        offset = int(iterator.get_record_offset())
    except WarcReadError:
        raise
    except Exception as exc:
        raise WarcDamageError(f"{wpath} at offset {start}: unreadable response record ({exc!r})",
                              path=wpath, offset=start) from exc
    if offset == start:
        return response
    return replace(response, pointer=replace(response.pointer, warc_offset=offset))


def read_response(
    path: str | PathLike[str], offset: int, *, resolver: OriginalLookup | None = None
) -> ArchivedResponse:
    """Read the response or revisit record whose gzip member starts at ``offset``.

    Args:
        path: a WARC file.
        offset: where the record's gzip member starts (an ArchivedResponse pointer).
        resolver: finds the original of a revisit; default as for :func:`iter_responses`.

    Raises:
        WarcReadError: the file cannot be opened, nothing parsable starts at
            ``offset``, the record there is not a response or revisit, or a
            revisit cannot be resolved.
    """
    return read_record_at(path, offset, resolver=resolver or _DirectoryLookup(Path(path).parent))
