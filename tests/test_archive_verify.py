"""verify_warc and `zhengwen verify`: whole gzip members, digests, request pairs, resolvable revisits."""

from __future__ import annotations

import gzip
import io
import itertools
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from archivehelpers import T0, http_exchange
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive import (
    DedupIndex,
    HttpExchange,
    RevisitResolver,
    WarcWriter,
    update_index,
    verify_warc,
)
from archive.warc.revisit import sha1_digest
from crawler.cli import main

PAYLOAD = "<html><p>国务院关于印发政策的通知</p></html>".encode() * 20


def exchange(url: str = "https://www.gov.cn/a", **changes: Any) -> HttpExchange:
    return http_exchange(url, **{"payload": PAYLOAD, **changes})


def crawl(directory: Path, *exchanges: HttpExchange, day: int = 0, dedup: DedupIndex | None = None) -> Path:
    ticks, ids = itertools.count(), itertools.count(day * 100)
    start = T0 + timedelta(days=day)
    with WarcWriter(directory, prefix="vf", clock=lambda: start + timedelta(seconds=next(ticks)),
                    record_id_factory=lambda: f"<urn:uuid:00000000-0000-4000-8000-{next(ids):012d}>",
                    dedup=dedup) as writer:
        for item in exchanges:
            writer.write_exchange(item)
    (path,) = writer.closed_files
    return path


def members(path: Path) -> list[tuple[int, str, bytes]]:
    """(offset, record type, raw gzip member) of every record."""
    data = path.read_bytes()
    spans = []
    with path.open("rb") as fh:
        iterator = ArchiveIterator(fh, no_record_parse=True)
        for record in iterator:
            record.raw_stream.read()
            spans.append((iterator.get_record_offset(), record.rec_type))
    offsets = [offset for offset, _ in spans] + [len(data)]
    return [(offset, kind, data[offset:offsets[i + 1]]) for i, (offset, kind) in enumerate(spans)]


def rewrite(path: Path, new_members: list[bytes]) -> None:
    path.write_bytes(b"".join(new_members))


@pytest.fixture(name="good")
def good_fixture(tmp_path: Path) -> Path:
    with DedupIndex(tmp_path / "dedup.sqlite3") as dedup:
        return crawl(tmp_path / "warc", exchange(), exchange("https://www.gov.cn/b", status=404, payload=b""),
                     exchange(), dedup=dedup)


def test_a_good_file_with_a_revisit_passes(good: Path) -> None:
    result = verify_warc(good)
    assert result.ok, result.problems
    assert result.records == 7


def test_a_flipped_payload_byte_is_a_digest_mismatch(good: Path) -> None:
    parts = members(good)
    offset, kind, member = parts[1]
    assert kind == "response"
    raw = bytearray(gzip.decompress(member))
    raw[-100] ^= 0x01  # inside the payload, before the record's closing CRLFs
    parts[1] = (offset, kind, gzip.compress(bytes(raw)))
    rewrite(good, [m for _, _, m in parts])
    result = verify_warc(good)
    assert not result.ok
    messages = [str(p) for p in result.problems]
    assert any(f"offset {offset}: response block digest" in m for m in messages), messages
    assert any(f"offset {offset}: response payload digest" in m for m in messages), messages


def test_a_truncated_last_gzip_member_fails(good: Path) -> None:
    data = good.read_bytes()
    last_offset = members(good)[-1][0]
    good.write_bytes(data[:-10])
    result = verify_warc(good)
    assert any(p.offset == last_offset and "last gzip member is truncated" in p.message for p in result.problems)


def test_a_response_without_its_request_fails(good: Path) -> None:
    parts = members(good)
    response_offset = parts[1][0]
    assert [kind for _, kind, _ in parts[1:3]] == ["response", "request"]
    rewrite(good, [m for i, (_, _, m) in enumerate(parts) if i != 2])
    (problem,) = verify_warc(good).problems
    assert problem.offset == response_offset
    assert "has no request record" in problem.message


def test_an_unresolvable_revisit_fails(tmp_path: Path) -> None:
    with DedupIndex(tmp_path / "dedup.sqlite3") as dedup:
        crawl(tmp_path / "day1", exchange(), dedup=dedup)
        later = crawl(tmp_path / "day2", exchange(), day=1, dedup=dedup)
    (problem,) = verify_warc(later).problems
    assert "unresolvable revisit" in problem.message
    assert "https://www.gov.cn/a" in problem.message


def test_a_revisit_resolves_through_a_cdxj_index(tmp_path: Path) -> None:
    with DedupIndex(tmp_path / "dedup.sqlite3") as dedup:
        earlier = crawl(tmp_path / "day1", exchange(), dedup=dedup)
        later = crawl(tmp_path / "day2", exchange(), day=1, dedup=dedup)
    update_index(tmp_path / "day1" / "index.cdxj", [earlier])
    assert verify_warc(later, resolver=RevisitResolver(cdxj=tmp_path / "day1" / "index.cdxj")).ok


@pytest.mark.parametrize("digest_of", ["chunked", "dechunked"])
def test_chunked_payload_digest_is_accepted_either_way(tmp_path: Path, digest_of: str) -> None:
    """Another tool's record that kept chunked framing: WARC 1.1 digests the de-chunked body, warcio the raw one."""
    body = b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
    path = tmp_path / "other.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
        headers = {} if digest_of == "chunked" else {"WARC-Payload-Digest": sha1_digest(b"hello world")}
        response = writer.create_warc_record("http://example.org/", "response", payload=io.BytesIO(body),
                                             length=len(body), http_headers=http, warc_headers_dict=headers)
        writer.write_record(response)
        request = writer.create_warc_record("http://example.org/", "request", payload=io.BytesIO(b""), length=0,
                                            http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True),
                                            warc_headers_dict={"WARC-Concurrent-To":
                                                               response.rec_headers.get_header("WARC-Record-ID")})
        writer.write_record(request)
    result = verify_warc(path)
    assert result.ok, result.problems


# --- zhengwen verify ----------------------------------------------------------------------------

def test_verify_command_prints_ok_and_exits_0(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(good.parent)]) == 0
    assert capsys.readouterr().out == f"OK {good} (7 records)\n"


def test_verify_command_prints_fail_and_exits_1(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good.write_bytes(good.read_bytes()[:-10])
    assert main(["verify", str(good)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"FAIL {good}: offset ")
    assert "last gzip member is truncated" in out


def test_verify_command_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(tmp_path / "missing.warc.gz")]) == 2
    assert "WARC file or folder not found" in capsys.readouterr().err


def test_verify_command_without_paths_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify"]) == 2
    assert "usage: zhengwen verify" in capsys.readouterr().err
