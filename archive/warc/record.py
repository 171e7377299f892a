"""One stored record back as an ArchivedResponse: the parse every reader and the writer share."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader  # type: ignore[import-untyped]
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]

from archive.errors import WarcDamageError, WarcReadError
from archive.records import ArchivedResponse, HeaderList, RecordPointer
from archive.warc.revisit import OriginalLookup, resolve_revisit

if TYPE_CHECKING:
    from os import PathLike

_FIX_HINT = "check that the path points to a finished .warc.gz file and the offset comes from its index"

#: The HTTP head parser of the loader ArchiveIterator uses (its defaults: verify_http off).
_HTTP_PARSER = ArcWarcRecordLoader().http_parser


def record_as_written(warc_version: str, fields: HeaderList, http_head: bytes, payload: bytes) -> Any:
    """The warcio record a reader gets from a record just written, without reading it back.

    The WARC fields are taken as written (the writer's values are single-line ASCII that
    warcio's parser returns unchanged); the HTTP head is parsed by the parser the reader
    uses, so status and headers come out decoded exactly as replay decodes them. The
    payload is the one in hand, not a copy.

    Args:
        warc_version: the record's version line, e.g. ``WARC/1.1``.
        fields: every WARC header field in written order.
        http_head: the HTTP start line and headers, ending in the blank line.
        payload: the bytes after the HTTP head.
    """
    rec_headers = StatusAndHeaders("", fields, protocol=warc_version)
    rec_type = rec_headers.get_header("WARC-Type")
    length = len(http_head) + len(payload)
    return ArcWarcRecord("warc", rec_type, rec_headers, io.BytesIO(payload), _HTTP_PARSER.parse(io.BytesIO(http_head)),
                         rec_headers.get_header("Content-Type"), length, payload_length=len(payload))


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
        payload_digest=record.rec_headers.get_header("WARC-Payload-Digest") or None,
    )
    if record.rec_type == "revisit":
        return resolve_revisit(record, response, resolver)
    return response


def open_warc(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise WarcReadError(f"cannot open WARC file {path}: {exc.strerror}; {_FIX_HINT}") from exc


def read_record_at(path: str | PathLike[str], offset: int, *, resolver: OriginalLookup) -> ArchivedResponse:
    """Read the response or revisit record whose gzip member starts at ``offset``.

    Args:
        path: a WARC file.
        offset: where the record's gzip member starts (an ArchivedResponse pointer).
        resolver: finds the original of a revisit.

    Raises:
        WarcReadError: the file cannot be opened, nothing parsable starts at
            ``offset``, the record there is not a response or revisit, or a
            revisit cannot be resolved.
    """
    wpath = Path(path)
    with open_warc(wpath) as fh:
        try:
            fh.seek(offset)
            record = next(ArchiveIterator(fh))
        except StopIteration:
            raise WarcReadError(f"{wpath} at offset {offset}: no record there (offset past the end); {_FIX_HINT}") from None
        except Exception as exc:
            raise WarcReadError(f"{wpath} at offset {offset}: no readable WARC record ({exc!r}); {_FIX_HINT}") from exc
        try:
            return response_from_record(record, wpath.name, offset, resolver=resolver)
        except WarcReadError:
            raise
        except Exception as exc:
            raise WarcReadError(f"{wpath} at offset {offset}: unreadable response record ({exc!r})") from exc
