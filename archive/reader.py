"""Read response records back from WARC files, with their payload exactly as stored."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from archive.damage import CUT_SHORT, EMPTY, Damage, DamageLog, first_damage, is_warc_record, unreadable
from archive.errors import WarcDamageError, WarcReadError
from archive.records import ArchivedResponse, RecordPointer
from archive.revisit import OriginalLookup, RevisitRef, resolve_revisit

if TYPE_CHECKING:
    from os import PathLike

#: Default cap on the decoded size of one payload (decompression-bomb guard).
MAX_DECODED_BYTES = 64 * 1024 * 1024

_FIX_HINT = "check that the path points to a finished .warc.gz file and the offset comes from its index"


def response_from_record(
    record: Any, warc_file: str, offset: int, *, resolver: OriginalLookup | None = None
) -> ArchivedResponse:
    """Build an ArchivedResponse from a parsed warcio ``response`` or ``revisit`` record.

    Reads the record's remaining raw stream, so call it before the iterator moves on.
    This is the single place where a stored record becomes an ArchivedResponse; the
    writer uses it too, so crawl-time and replay see the same values.

    A revisit (identical-payload-digest profile) keeps its own pointer, date, status
    and headers and takes the payload of the original that ``resolver`` finds.

    Args:
        record: a warcio ``ArcWarcRecord`` of type ``response`` or ``revisit``, HTTP headers parsed.
        warc_file: the WARC file name (no directory) for the pointer.
        offset: byte offset of the record's gzip member in that file.
        resolver: finds originals of revisit records; required for revisits.

    Raises:
        WarcReadError: the record is not an HTTP response or revisit record, or the
            revisit's original cannot be found or does not match its payload digest.
    """
    where = f"{warc_file} at offset {offset}"
    if record.rec_type not in ("response", "revisit"):
        raise WarcReadError(f"{where}: expected a response record, found {record.rec_type!r}; {_FIX_HINT}")
    uri = record.rec_headers.get_header("WARC-Target-URI")
    date = record.rec_headers.get_header("WARC-Date")
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    http = record.http_headers
    if not uri or not date or not record_id or http is None:
        raise WarcReadError(
            f"{where}: {record.rec_type} record lacks WARC-Target-URI, WARC-Date, WARC-Record-ID or HTTP headers; "
            "the file was not written by an HTTP capture tool"
        )
    try:
        status = int(http.get_statuscode())
    except ValueError:
        raise WarcReadError(f"{where}: unparsable HTTP status line {http.statusline!r} for {uri}") from None
    # raw_stream is the stored block minus the HTTP header block: no chunked or
    # Content-Encoding decoding (content_stream() would do both).
    payload = record.raw_stream.read()
    if 0 <= record.payload_length != len(payload):
        raise WarcDamageError(
            f"{where}: record for {uri} is truncated ({len(payload)} of {record.payload_length} payload bytes); "
            "the file was cut short (crash, partial copy) — re-copy it or re-crawl the URL",
            path=Path(warc_file), offset=offset,
        )
    response = ArchivedResponse(
        target_uri=uri,
        status=status,
        headers=[(str(name), str(value)) for name, value in http.headers],
        payload=payload,
        warc_date=date,
        pointer=RecordPointer(warc_file=warc_file, warc_offset=offset, warc_record_id=record_id),
        truncated=record.rec_headers.get_header("WARC-Truncated") or None,
    )
    if record.rec_type == "revisit":
        return resolve_revisit(record, response, resolver)
    return response


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise WarcReadError(f"cannot open WARC file {path}: {exc.strerror}; {_FIX_HINT}") from exc


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
    with _open(wpath) as fh:
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
    """Resolve revisits against the WARC files of one directory, built on first use."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._resolver: OriginalLookup | None = None

    def resolve(self, ref: RevisitRef) -> ArchivedResponse:
        if self._resolver is None:
            from archive.replay import RevisitResolver  # replay builds on this module

            self._resolver = RevisitResolver.for_directory(self.directory)
        return self._resolver.resolve(ref)


def _diagnosed(wpath: Path, found: Damage) -> Damage:
    """The damage as :func:`archive.damage.first_damage` names it (exact gzip member offset, clear reason)."""
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
    wpath = Path(path)
    with _open(wpath) as fh:
        try:
            fh.seek(offset)
            record = next(ArchiveIterator(fh))
        except StopIteration:
            raise WarcReadError(f"{wpath} at offset {offset}: no record there (offset past the end); {_FIX_HINT}") from None
        except Exception as exc:
            raise WarcReadError(f"{wpath} at offset {offset}: no readable WARC record ({exc!r}); {_FIX_HINT}") from exc
        try:
            return response_from_record(record, wpath.name, offset, resolver=resolver or _DirectoryLookup(wpath.parent))
        except WarcReadError:
            raise
        except Exception as exc:
            raise WarcReadError(f"{wpath} at offset {offset}: unreadable response record ({exc!r})") from exc


def content_codings(resp: ArchivedResponse) -> list[str]:
    """Return the Content-Encoding codings of ``resp`` in the order they were applied."""
    codings: list[str] = []
    for name, value in resp.headers:
        if name.lower() == "content-encoding":
            codings.extend(c.strip().lower() for c in value.split(",") if c.strip())
    return codings


def decoded_payload(resp: ArchivedResponse, *, max_bytes: int = MAX_DECODED_BYTES) -> bytes:
    """Return the payload of ``resp`` with its Content-Encoding undone.

    Handles ``gzip``/``x-gzip`` (multi-member too), ``deflate`` (zlib-wrapped or raw)
    and ``identity``; several codings are undone last-applied first.

    Args:
        resp: a stored response.
        max_bytes: the largest decoded size accepted (decompression-bomb guard).

    Raises:
        WarcReadError: the coding is unsupported, the compressed bytes are corrupt
            or truncated, or the decoded payload would exceed ``max_bytes``.
    """
    data = resp.payload
    for coding in reversed(content_codings(resp)):
        if coding == "identity" or not data:
            continue
        if coding in ("gzip", "x-gzip"):
            data = _decompress(resp, coding, data, zlib.MAX_WBITS | 16, max_bytes)
        elif coding == "deflate":
            # RFC 9110 deflate is zlib-wrapped, but many servers send raw deflate.
            zlib_header = len(data) > 1 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            data = _decompress(resp, coding, data, zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS, max_bytes)
        else:
            raise WarcReadError(
                f"{resp.target_uri} ({_where(resp)}): unsupported Content-Encoding {coding!r}; "
                "only gzip, x-gzip, deflate and identity can be decoded without extra libraries"
            )
    return data


def _where(resp: ArchivedResponse) -> str:
    return f"{resp.pointer.warc_file} at offset {resp.pointer.warc_offset}"


def _decompress(resp: ArchivedResponse, coding: str, data: bytes, wbits: int, max_bytes: int) -> bytes:
    """Inflate ``data`` (all gzip members for gzip), never producing more than ``max_bytes``."""
    out = bytearray()
    pending = data
    try:
        while pending:
            inflater = zlib.decompressobj(wbits)
            while True:
                chunk = inflater.decompress(pending, max_bytes + 1 - len(out))
                out += chunk
                if len(out) > max_bytes:
                    raise WarcReadError(
                        f"{resp.target_uri} ({_where(resp)}): {coding} payload decodes to more than "
                        f"{max_bytes} bytes; refusing (decompression bomb?) — raise max_bytes if it is genuine"
                    )
                if inflater.eof:
                    break
                pending = inflater.unconsumed_tail
                if not pending and not chunk:
                    raise zlib.error("compressed data is truncated")
            pending = inflater.unused_data
            # Only another gzip member continues the stream; trailing junk is ignored, as browsers do.
            if wbits != zlib.MAX_WBITS | 16 or not pending.startswith(b"\x1f\x8b"):
                break
    except zlib.error as exc:
        raise WarcReadError(
            f"{resp.target_uri} ({_where(resp)}): corrupt {coding} payload ({exc}); "
            "the stored bytes are damaged or truncated — use the raw payload or re-fetch the URL"
        ) from exc
    return bytes(out)
