"""Reading responses back: raw stored payloads, offsets, errors and Content-Encoding decoding."""

from __future__ import annotations

import gzip
import io
import itertools
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from archivehelpers import http_exchange
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive import (
    ArchivedResponse,
    HttpExchange,
    RecordPointer,
    WarcReadError,
    WarcWriter,
    decoded_payload,
    iter_responses,
    read_response,
)

TEXT = "<html><body><p>国务院关于印发政策的通知</p></body></html>".encode()


def write_warc(directory: Path, *exchanges: HttpExchange) -> tuple[Path, list[ArchivedResponse]]:
    start = datetime(2026, 11, 21, 10, 0, tzinfo=timezone.utc)
    ticks, ids = itertools.count(), itertools.count()
    writer = WarcWriter(
        directory,
        prefix="read",
        clock=lambda: start + timedelta(seconds=next(ticks)),
        record_id_factory=lambda: f"<urn:uuid:00000000-0000-4000-8000-{next(ids):012d}>",
    )
    archived = [writer.write_exchange(item) for item in exchanges]
    writer.close()
    (path,) = writer.closed_files
    return path, archived


def exchange(url: str = "https://www.gov.cn/a.htm", **changes: Any) -> HttpExchange:
    return http_exchange(url, **{"payload": TEXT, **changes})


def response(payload: bytes, *codings: str) -> ArchivedResponse:
    return ArchivedResponse(
        target_uri="https://www.163.com/news/a.html",
        status=200,
        headers=[("Content-Encoding", coding) for coding in codings],
        payload=payload,
        warc_date="2026-11-21T10:00:00.000000Z",
        pointer=RecordPointer("x.warc.gz", 1234, "<urn:uuid:1>"),
    )


def test_iter_responses_yields_only_responses_with_their_offsets(tmp_path: Path) -> None:
    path, archived = write_warc(tmp_path, exchange(), exchange("https://www.gov.cn/b.htm", status=404))
    found = list(iter_responses(path))
    assert found == archived
    assert [r.status for r in found] == [200, 404]
    assert found[0].pointer.warc_offset > 0  # after the warcinfo record


def test_read_response_at_a_request_record_names_file_and_offset(tmp_path: Path) -> None:
    path, _ = write_warc(tmp_path, exchange())
    with path.open("rb") as fh:
        from warcio.archiveiterator import ArchiveIterator

        iterator = ArchiveIterator(fh)
        offsets = {}
        for record in iterator:
            offsets[record.rec_type] = iterator.get_record_offset()
    with pytest.raises(WarcReadError, match=rf"{path.name} at offset {offsets['request']}: expected a response"):
        read_response(path, offsets["request"])


@pytest.mark.parametrize("delta", [1, 10_000_000])
def test_read_response_at_a_bad_offset_fails_clearly(tmp_path: Path, delta: int) -> None:
    path, archived = write_warc(tmp_path, exchange())
    offset = archived[0].pointer.warc_offset + delta
    with pytest.raises(WarcReadError, match=rf"at offset {offset}"):
        read_response(path, offset)


def test_missing_file_is_a_warc_read_error(tmp_path: Path) -> None:
    with pytest.raises(WarcReadError, match="missing.warc.gz"):
        read_response(tmp_path / "missing.warc.gz", 0)
    with pytest.raises(WarcReadError, match="missing.warc.gz"):
        list(iter_responses(tmp_path / "missing.warc.gz"))


@pytest.mark.parametrize("keep", [0.001, 0.5, 0.99])
def test_truncated_file_fails_with_the_offset_of_the_broken_record(tmp_path: Path, keep: float) -> None:
    """warcio stops quietly at a cut gzip member or returns a short payload; we refuse both."""
    big = bytes(range(256)) * 200 + gzip.compress(TEXT * 50)
    path, archived = write_warc(tmp_path, exchange(), exchange("https://www.gov.cn/b.htm", payload=big))
    data = path.read_bytes()
    start = archived[1].pointer.warc_offset
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: start + max(1, int((len(data) - start) * keep * 0.9))])
    with pytest.raises(WarcReadError, match=r"cut\.warc\.gz: damaged at byte \d+"):
        list(iter_responses(cut))


def test_payload_is_the_stored_bytes_not_dechunked(tmp_path: Path) -> None:
    """A file from another tool that kept the chunked framing: we return it as stored."""
    chunked = b"5\r\nhello\r\n0\r\n\r\n"
    path = tmp_path / "other.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "http://example.org/", "response", payload=io.BytesIO(chunked), length=len(chunked), http_headers=http))
    (found,) = iter_responses(path)
    assert found.payload == chunked
    assert found.pointer.warc_offset == 0


def test_gzip_payload_is_returned_compressed(tmp_path: Path) -> None:
    body = gzip.compress(TEXT, mtime=0)
    path, archived = write_warc(tmp_path, exchange(payload=body, response_headers=[("Content-Encoding", "gzip")]))
    stored = read_response(path, archived[0].pointer.warc_offset)
    assert stored.payload == body
    assert decoded_payload(stored) == TEXT


# (mtime=0: a parameter is part of the test's id, which must be the same in every process that collects it)
@pytest.mark.parametrize(("payload", "codings"), [
    (TEXT, ()),
    (TEXT, ("identity",)),
    (gzip.compress(TEXT, mtime=0), ("gzip",)),
    (gzip.compress(TEXT, mtime=0), ("X-GZIP",)),
    (gzip.compress(TEXT[:10], mtime=0) + gzip.compress(TEXT[10:], mtime=0), ("gzip",)),
    (zlib.compress(TEXT), ("deflate",)),
    (zlib.compress(TEXT)[2:-4], ("deflate",)),  # raw deflate, as some servers send
    (zlib.compress(gzip.compress(TEXT, mtime=0)), ("gzip, deflate",)),
    (b"", ("gzip",)),
])
def test_decoded_payload(payload: bytes, codings: tuple[str, ...]) -> None:
    assert decoded_payload(response(payload, *codings)) == (TEXT if payload else b"")


@pytest.mark.parametrize("payload", [b"not gzip at all", gzip.compress(TEXT, mtime=0)[:-30]])
def test_corrupt_or_truncated_gzip_names_the_url(payload: bytes) -> None:
    with pytest.raises(WarcReadError, match=r"https://www\.163\.com/news/a\.html .*x\.warc\.gz at offset 1234"):
        decoded_payload(response(payload, "gzip"))


def test_decompression_bomb_is_stopped() -> None:
    bomb = gzip.compress(b"\0" * 2_000_000)
    assert len(decoded_payload(response(bomb, "gzip"), max_bytes=2_000_000)) == 2_000_000
    with pytest.raises(WarcReadError, match="more than 1999999 bytes"):
        decoded_payload(response(bomb, "gzip"), max_bytes=1_999_999)


def test_unsupported_content_encoding_is_an_error() -> None:
    with pytest.raises(WarcReadError, match="unsupported Content-Encoding 'br'"):
        decoded_payload(response(b"\x1b\x00", "br"))
