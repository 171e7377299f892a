"""WarcWriter: WARC/1.1 records that warcio accepts, read back exactly as written."""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from archivehelpers import WARCIO, counting_ids, ticking_clock
from warcio.archiveiterator import ArchiveIterator

from archive import (
    HttpExchange,
    WarcWriteError,
    WarcWriter,
    iri_to_uri,
    iter_responses,
    read_response,
)

NAME_RE = re.compile(r"^test-2026112110\d{7}-(\d{5})-[A-Za-z0-9._-]+-\d+\.warc\.gz$")


def make_writer(directory: Path, **kwargs: Any) -> WarcWriter:
    options: dict[str, Any] = {
        "prefix": "test",
        "warcinfo": {"software": "zhengwen/0.0-test", "spider": "gov"},
        "clock": ticking_clock(),
        "record_id_factory": counting_ids(),
    }
    options.update(kwargs)
    return WarcWriter(directory, **options)


def exchange(**changes: Any) -> HttpExchange:
    fields: dict[str, Any] = {
        "url": "https://www.gov.cn/zhengce/content/2026-11/21/content_1.htm?from=home",
        "method": "GET",
        "request_headers": [("Host", "www.gov.cn"), ("User-Agent", "zhengwen-test"), ("Accept-Encoding", "gzip")],
        "request_body": b"",
        "status": 200,
        "response_headers": [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", "24")],
        "payload": "<html>正文 okay</html>".encode(),  # 24 bytes
    }
    fields.update(changes)
    return HttpExchange(**fields)


GZIPPED = gzip.compress("<html><p>正文内容</p></html>".encode(), mtime=0)
EXCHANGES = {
    "plain": exchange(),
    "gzip": exchange(response_headers=[("Content-Encoding", "gzip"), ("Content-Length", str(len(GZIPPED)))],
                     payload=GZIPPED),
    "chunked": exchange(response_headers=[("Transfer-Encoding", "chunked"), ("Content-Type", "text/html")]),
    "h2-empty": exchange(status=304, payload=b"", protocol="h2", response_headers=[("etag", '"x"')]),
    "non-ascii": exchange(url="http://例子.测试/路径 一?q=中文&x=%41",
                          response_headers=[("Location", "/搜索".encode().decode("latin-1")), ("X-Name", "值")]),
    "post": exchange(method="POST", request_body=b"a=1&b=2", status=599, ip_address="203.0.113.5",
                     truncated="length"),
}


@pytest.fixture(name="written")
def written_fixture(tmp_path: Path) -> Iterator[tuple[WarcWriter, Path]]:
    writer = make_writer(tmp_path / "warc")
    yield writer, tmp_path / "warc"
    writer.close()


def records(path: Path, **kwargs: Any) -> list[tuple[int, Any, bytes]]:
    """(offset, record, raw remaining bytes) for every record, via warcio itself."""
    out = []
    with path.open("rb") as fh:
        iterator = ArchiveIterator(fh, **kwargs)
        for record in iterator:
            body = record.raw_stream.read()
            out.append((iterator.get_record_offset(), record, body))
    return out


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


@pytest.mark.parametrize("name", sorted(EXCHANGES))
def test_returned_response_is_what_reader_reads_back(tmp_path: Path, name: str) -> None:
    writer = make_writer(tmp_path)
    archived = writer.write_exchange(EXCHANGES[name])
    writer.close()
    path = tmp_path / archived.pointer.warc_file
    assert read_response(path, archived.pointer.warc_offset) == archived
    assert list(iter_responses(path)) == [archived]


def test_pointer_names_final_file_offset_and_record_id(tmp_path: Path) -> None:
    writer = make_writer(tmp_path)
    first = writer.write_exchange(exchange())
    second = writer.write_exchange(exchange(url="https://www.gov.cn/b"))
    writer.close()
    (path,) = writer.closed_files
    assert first.pointer.warc_file == second.pointer.warc_file == path.name
    found = {record.rec_headers.get_header("WARC-Record-ID"): offset for offset, record, _ in records(path)}
    assert found[first.pointer.warc_record_id] == first.pointer.warc_offset
    assert found[second.pointer.warc_record_id] == second.pointer.warc_offset


@pytest.mark.parametrize("name", sorted(EXCHANGES))
def test_block_and_payload_digests_are_correct(tmp_path: Path, name: str) -> None:
    writer = make_writer(tmp_path)
    writer.write_exchange(EXCHANGES[name])
    writer.close()
    (path,) = writer.closed_files
    blocks = records(path, no_record_parse=True)
    parsed = records(path)
    assert [r.rec_type for _, r, _ in blocks] == ["warcinfo", "response", "request"]
    for (_, raw_record, block), (_, record, payload) in zip(blocks, parsed):
        assert raw_record.rec_headers.get_header("WARC-Block-Digest") == sha1_b32(block)
        assert int(raw_record.rec_headers.get_header("Content-Length")) == len(block)
        if record.rec_type != "warcinfo":
            assert record.rec_headers.get_header("WARC-Payload-Digest") == sha1_b32(payload)
    assert parsed[1][2] == EXCHANGES[name].payload


def test_warcio_check_and_index_accept_the_files(tmp_path: Path) -> None:
    writer = make_writer(tmp_path)
    for item in EXCHANGES.values():
        writer.write_exchange(item)
    writer.close()
    (path,) = writer.closed_files
    check = subprocess.run([str(WARCIO), "check", "-v", str(path)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count("digest pass") == 1 + 2 * len(EXCHANGES)
    index = subprocess.run([str(WARCIO), "index", str(path)], capture_output=True, text=True, check=False)
    assert index.returncode == 0, index.stderr
    assert [line.count('"warc-type"') for line in index.stdout.splitlines()] == [1] * (1 + 2 * len(EXCHANGES))


def test_warcinfo_record_comes_first_with_the_given_fields(written: tuple[WarcWriter, Path]) -> None:
    writer, directory = written
    writer.write_exchange(exchange())
    writer.close()
    (path,) = writer.closed_files
    _, info, body = records(path)[0]
    assert info.rec_type == "warcinfo"
    assert info.rec_headers.protocol == "WARC/1.1"
    assert info.rec_headers.get_header("WARC-Filename") == path.name
    assert info.rec_headers.get_header("WARC-Date") == "2026-11-21T10:00:00.123456Z"
    assert info.rec_headers.get_header("Content-Type") == "application/warc-fields"
    assert body.decode().splitlines() == [
        "software: zhengwen/0.0-test",
        "spider: gov",
        "format: WARC File Format 1.1",
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
    ]


def test_response_and_request_records(tmp_path: Path) -> None:
    writer = make_writer(tmp_path)
    archived = writer.write_exchange(EXCHANGES["post"])
    writer.close()
    _, response, _ = records(writer.closed_files[0])[1]
    _, request, body = records(writer.closed_files[0])[2]
    assert response.rec_headers.get_header("WARC-Date") == archived.warc_date == "2026-11-21T10:00:01.123456Z"
    assert response.rec_headers.get_header("WARC-IP-Address") == "203.0.113.5"
    assert response.rec_headers.get_header("WARC-Truncated") == "length"
    assert response.rec_headers.get_header("WARC-Protocol") is None
    assert response.http_headers.protocol == "HTTP/1.1"
    assert response.http_headers.statusline == "599 Unknown"
    assert request.rec_headers.get_header("WARC-Concurrent-To") == archived.pointer.warc_record_id
    assert request.rec_headers.get_header("WARC-Target-URI") == archived.target_uri
    assert request.rec_headers.get_header("WARC-Date") == archived.warc_date
    assert request.http_headers.protocol == "POST"
    assert request.http_headers.statusline == "/zhengce/content/2026-11/21/content_1.htm?from=home HTTP/1.1"
    assert request.http_headers.headers == EXCHANGES["post"].request_headers
    assert body == b"a=1&b=2"


@pytest.mark.parametrize(("status", "line"), [(200, "200 OK"), (404, "404 Not Found"), (302, "302 Found"),
                                              (418, "418 I'm a Teapot"), (299, "299 Unknown")])
def test_status_line_uses_the_standard_reason_phrase(tmp_path: Path, status: int, line: str) -> None:
    writer = make_writer(tmp_path)
    archived = writer.write_exchange(exchange(status=status))
    writer.close()
    assert archived.status == status
    assert records(writer.closed_files[0])[1][1].http_headers.statusline == line


def test_repeated_headers_survive_in_order(tmp_path: Path) -> None:
    headers = [("Set-Cookie", "a=1; Path=/"), ("Content-Type", "text/html"), ("Set-Cookie", "b=2; Path=/"),
               ("Content-Length", "24")]
    writer = make_writer(tmp_path)
    archived = writer.write_exchange(exchange(response_headers=headers))
    writer.close()
    assert archived.headers == headers
    assert [v for k, v in archived.headers if k == "Set-Cookie"] == ["a=1; Path=/", "b=2; Path=/"]


def test_gzip_payload_is_stored_byte_identical(tmp_path: Path) -> None:
    writer = make_writer(tmp_path)
    archived = writer.write_exchange(EXCHANGES["gzip"])
    writer.close()
    assert archived.payload == GZIPPED
    assert archived.header("Content-Encoding") == "gzip"
    assert records(writer.closed_files[0])[1][2] == GZIPPED


def test_chunked_transfer_encoding_is_renamed_and_length_set(tmp_path: Path) -> None:
    writer = make_writer(tmp_path)
    archived = writer.write_exchange(EXCHANGES["chunked"])
    writer.close()
    assert archived.headers == [("X-Orig-Transfer-Encoding", "chunked"), ("Content-Type", "text/html"),
                                ("Content-Length", "24")]


@pytest.mark.parametrize(("given", "stored"), [
    ("24", [("Content-Length", "24")]),
    ("99", [("X-Orig-Content-Length", "99"), ("Content-Length", "24")]),
])
def test_content_length_matches_stored_payload(tmp_path: Path, given: str, stored: list[tuple[str, str]]) -> None:
    writer = make_writer(tmp_path)
    archived = writer.write_exchange(exchange(response_headers=[("Content-Length", given)]))
    writer.close()
    assert archived.headers == stored


@pytest.mark.parametrize(("iri", "uri"), [
    ("http://例子.测试/路径?q=中文", "http://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84?q=%E4%B8%AD%E6%96%87"),
    ("https://www.gov.cn/a b?q=%E4%B8%AD&r=<x>", "https://www.gov.cn/a%20b?q=%E4%B8%AD&r=%3Cx%3E"),
    ("https://user@news.163.com:8443/p?a=1#frag", "https://user@news.163.com:8443/p?a=1#frag"),
    ("http://[2001:db8::1]:8080/é", "http://[2001:db8::1]:8080/%C3%A9"),
    # already a URI (returned as is, stray % escape included); the characters the fast path must not pass
    ("http://www.gov.cn/zhengce/content_1.htm?a=1&b=%E6#top", "http://www.gov.cn/zhengce/content_1.htm?a=1&b=%E6#top"),
    ("http://例子.中国/政策 x", "http://xn--fsqu00a.xn--fiqs8s/%E6%94%BF%E7%AD%96%20x"),
    ("http://www.gov.cn/a{b}|c^d", "http://www.gov.cn/a%7Bb%7D|c^d"),
])
def test_iri_to_uri(iri: str, uri: str) -> None:
    assert iri_to_uri(iri) == uri
    assert iri_to_uri(uri) == uri


def test_non_ascii_url_is_percent_encoded_in_records(tmp_path: Path) -> None:
    writer = make_writer(tmp_path)
    archived = writer.write_exchange(EXCHANGES["non-ascii"])
    writer.close()
    assert archived.target_uri == "http://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84%20%E4%B8%80?q=%E4%B8%AD%E6%96%87&x=%41"
    request = records(writer.closed_files[0])[2][1]
    assert request.http_headers.statusline.startswith("/%E8%B7%AF%E5%BE%84%20%E4%B8%80?q=%E4%B8%AD%E6%96%87&x=%41 ")


def test_non_ascii_header_values_are_stored_as_octets(tmp_path: Path) -> None:
    writer = make_writer(tmp_path)
    archived = writer.write_exchange(EXCHANGES["non-ascii"])
    writer.close()
    block = records(writer.closed_files[0], no_record_parse=True)[1][2]
    assert b"\r\nLocation: /\xe6\x90\x9c\xe7\xb4\xa2\r\n" in block
    assert archived.header("Location") == "/搜索"
    assert archived.header("X-Name") == "值"


@pytest.mark.parametrize(("protocol", "field"), [("HTTP/1.1", None), ("HTTP/1.0", None), ("h2", "h2"),
                                                 ("HTTP/2.0", "h2")])
def test_protocol_field_for_non_http1(tmp_path: Path, protocol: str, field: str | None) -> None:
    writer = make_writer(tmp_path)
    writer.write_exchange(exchange(protocol=protocol))
    writer.close()
    response = records(writer.closed_files[0])[1][1]
    assert response.rec_headers.get_header("WARC-Protocol") == field
    assert response.http_headers.protocol == ("HTTP/1.0" if protocol == "HTTP/1.0" else "HTTP/1.1")


def test_warc_date_always_has_microseconds(tmp_path: Path) -> None:
    writer = make_writer(tmp_path, clock=ticking_clock(datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)))
    archived = writer.write_exchange(exchange())
    writer.close()
    assert archived.warc_date == "2026-01-02T03:04:06.000000Z"


def test_naive_clock_is_refused(tmp_path: Path) -> None:
    writer = make_writer(tmp_path, clock=lambda: datetime(2026, 1, 1))
    with pytest.raises(WarcWriteError, match="naive"):
        writer.write_exchange(exchange())


def test_file_is_written_as_open_and_renamed_on_close(tmp_path: Path) -> None:
    writer = make_writer(tmp_path / "new" / "dir")
    assert not (tmp_path / "new").exists()  # lazily opened: nothing before the first write
    archived = writer.write_exchange(exchange())
    (temp,) = (tmp_path / "new" / "dir").iterdir()
    assert temp.name == archived.pointer.warc_file + ".open"
    assert writer.current_path == temp
    writer.close()
    (final,) = (tmp_path / "new" / "dir").iterdir()
    assert final.name == archived.pointer.warc_file
    assert NAME_RE.match(final.name)
    assert writer.closed_files == [final]
    writer.close()
    assert writer.closed_files == [final]


def test_closing_an_unused_writer_leaves_nothing(tmp_path: Path) -> None:
    writer = make_writer(tmp_path / "warc")
    writer.close()
    assert writer.closed_files == []
    assert not (tmp_path / "warc").exists()


def test_writing_after_close_fails(tmp_path: Path) -> None:
    with make_writer(tmp_path) as writer:
        writer.write_exchange(exchange())
    with pytest.raises(WarcWriteError, match="closed"):
        writer.write_exchange(exchange())


def test_rotation_gives_several_files_each_starting_with_warcinfo(tmp_path: Path) -> None:
    writer = make_writer(tmp_path, max_bytes=1500)
    archived = [writer.write_exchange(exchange(url=f"https://www.gov.cn/{i}", payload=bytes(range(256)) * 4))
                for i in range(6)]
    writer.close()
    assert len(writer.closed_files) >= 3
    assert not list(tmp_path.glob("*.open"))
    serials = [int(NAME_RE.match(p.name).group(1)) for p in writer.closed_files]  # type: ignore[union-attr]
    assert serials == sorted(serials) and len(set(serials)) == len(serials)
    for path in writer.closed_files:
        types = [record.rec_type for _, record, _ in records(path)]
        assert types[0] == "warcinfo" and types.count("warcinfo") == 1
        assert types[1:] == ["response", "request"] * ((len(types) - 1) // 2)
    for item in archived:
        assert read_response(tmp_path / item.pointer.warc_file, item.pointer.warc_offset) == item


def test_two_writers_in_one_directory_never_share_a_file(tmp_path: Path) -> None:
    first, second = make_writer(tmp_path), make_writer(tmp_path)  # same prefix, clock, pid
    a = first.write_exchange(exchange(url="https://www.gov.cn/a"))
    b = second.write_exchange(exchange(url="https://www.gov.cn/b"))
    first.close()
    c = second.write_exchange(exchange(url="https://www.gov.cn/c"))
    second.close()
    assert a.pointer.warc_file != b.pointer.warc_file
    assert len({p.name for p in first.closed_files + second.closed_files}) == 2
    for item in (a, b, c):
        assert read_response(tmp_path / item.pointer.warc_file, item.pointer.warc_offset) == item


def test_unwritable_directory_raises_warc_write_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    writer = make_writer(blocker / "warc")
    with pytest.raises(WarcWriteError, match=re.escape(str(blocker / "warc"))):
        writer.write_exchange(exchange())


def test_default_record_ids_are_random_version_4_uuid_urns() -> None:
    import uuid

    from archive.warc.recordbytes import random_record_id

    ids = [random_record_id() for _ in range(200)]
    assert len(set(ids)) == len(ids)
    for record_id in ids:
        value = uuid.UUID(record_id.removeprefix("<urn:uuid:").removesuffix(">"))
        assert (value.version, value.variant) == (4, uuid.RFC_4122)
        assert record_id == f"<urn:uuid:{value}>"


@pytest.mark.parametrize("moment", [
    datetime(2026, 11, 21, 10, 0, 1, 123456, tzinfo=timezone.utc),
    datetime(2026, 11, 21, 18, 0, 1, tzinfo=timezone(timedelta(hours=8))),
    datetime(999, 1, 2, 3, 4, 5, 6, tzinfo=timezone.utc),
])
def test_warc_dates_have_microseconds_and_z(moment: datetime) -> None:
    from archive.warc.httpmsg import warc_date

    utc = moment.astimezone(timezone.utc)
    assert warc_date(moment) == f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond:06d}Z"
