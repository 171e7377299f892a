"""Check WARC files in depth: whole gzip members, digests, request/response pairs, resolvable revisits."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from archive.errors import WarcReadError
from archive.records import RecordPointer
from archive.warc.damage import (
    CUT_SHORT,
    EMPTY,
    is_warc_record,
    unreadable,
    walk_members,
)
from archive.warc.originals import OriginalsInFiles
from archive.warc.revisit import (
    OriginalLookup,
    digest_matches,
    revisit_ref,
    sha1_digest,
)

if TYPE_CHECKING:
    from os import PathLike

_HTTP_RECORDS = ("response", "request", "revisit")
_CHUNK_SIZE_RE = re.compile(rb"[0-9A-Fa-f]+")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a WARC file; ``offset`` is the record's (or gzip member's) start."""

    offset: int | None
    message: str

    def __str__(self) -> str:
        return self.message if self.offset is None else f"offset {self.offset}: {self.message}"


@dataclass(frozen=True)
class VerifyResult:
    """The verdict on one WARC file: how many records it holds and what is wrong with it."""

    path: Path
    records: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def verify_warc(path: str | PathLike[str], *, resolver: OriginalLookup | None = None) -> VerifyResult:
    """Check one WARC file.

    Checks that every gzip member is complete, every record's WARC-Block-Digest and
    WARC-Payload-Digest match its bytes, every response/revisit has a request record
    whose WARC-Concurrent-To names it, and every revisit resolves to an original with
    the payload digest it claims.

    Args:
        path: a ``.warc.gz`` or ``.warc`` file.
        resolver: finds originals of revisits; default the WARC files in the file's directory.

    Returns:
        The verdict; problems are reported, never raised.
    """
    wpath = Path(path)
    if resolver is None:
        resolver = OriginalsInFiles.for_directory(wpath.parent)
    try:
        fh = wpath.open("rb")
    except OSError as exc:
        return VerifyResult(wpath, 0, (Problem(None, f"cannot open: {exc.strerror}"),))
    with fh:
        if os.fstat(fh.fileno()).st_size == 0:
            return VerifyResult(wpath, 0, (Problem(0, EMPTY),))
        problems = gzip_problems(fh) if wpath.name.endswith(".gz") else []
        fh.seek(0)
        count, record_problems = _record_problems(fh, wpath.name, resolver)
    if count == 0 and not problems and not record_problems:
        problems.append(Problem(None, "no WARC record: the file is empty"))
    return VerifyResult(wpath, count, tuple(problems + record_problems))


def gzip_problems(fh: IO[bytes]) -> list[Problem]:
    """Walk the raw gzip members from the start: each must decompress cleanly and end with its trailer.

    warcio stops quietly at a cut or corrupt last member; this does not.
    """
    walk = walk_members(fh)
    return [] if walk.damage_offset is None else [Problem(walk.damage_offset, walk.reason or CUT_SHORT)]


def _record_problems(fh: IO[bytes], name: str, resolver: OriginalLookup) -> tuple[int, list[Problem]]:
    problems: list[Problem] = []
    answered: set[str] = set()
    needs_request: dict[str, int] = {}
    count = 0
    iterator = ArchiveIterator(fh, no_record_parse=True)
    try:
        for record in iterator:
            if not is_warc_record(record):
                problems.append(Problem(int(iterator.offset), "not a WARC record (not a WARC file?); the rest is not checked"))
                break
            block = record.raw_stream.read()
            offset = int(iterator.get_record_offset())
            count += 1
            problems += _digest_problems(record, block, offset)
            headers = record.rec_headers
            record_id = str(headers.get_header("WARC-Record-ID") or "")
            if record.rec_type in ("response", "revisit"):
                needs_request[record_id] = offset
            elif record.rec_type == "request":
                answered.update(v for k, v in headers.headers if k.lower() == "warc-concurrent-to")
            if record.rec_type == "revisit":
                problems += _revisit_problems(record, block, RecordPointer(name, offset, record_id), resolver)
    except Exception as exc:  # warcio raises zlib/EOF/parser errors alike
        problems.append(Problem(int(iterator.offset), f"{unreadable(exc)}; the rest is not checked"))
    for record_id, offset in needs_request.items():
        if record_id not in answered:
            problems.append(Problem(offset, f"record {record_id} has no request record (WARC-Concurrent-To)"))
    return count, sorted(problems, key=lambda p: p.offset or 0)


def _digest_problems(record: Any, block: bytes, offset: int) -> list[Problem]:
    problems = []
    headers = record.rec_headers
    length = headers.get_header("Content-Length")
    if length is not None and length.strip().isdigit() and int(length) != len(block):
        problems.append(Problem(offset, f"{record.rec_type} record holds {len(block)} of its {length} block bytes"))
    block_digest = headers.get_header("WARC-Block-Digest")
    if block_digest and not digest_matches(block_digest, block):
        problems.append(Problem(offset, f"{record.rec_type} block digest {block_digest} does not match the "
                                        f"stored bytes ({sha1_digest(block)})"))
    payload_digest = headers.get_header("WARC-Payload-Digest")
    if payload_digest and record.rec_type != "revisit":
        payload = _payload(record, block)
        if not any(digest_matches(payload_digest, candidate) for candidate in payload):
            problems.append(Problem(offset, f"{record.rec_type} payload digest {payload_digest} does not match the "
                                            f"stored payload ({sha1_digest(payload[0])})"))
    return problems


def _payload(record: Any, block: bytes) -> list[bytes]:
    """The payloads a WARC-Payload-Digest may describe: the entity body, also de-chunked.

    WARC 1.1 §6.3.2 digests the entity body with transfer encoding removed; tools
    (warcio among them) digest the body as stored, chunked. Both are accepted.
    """
    content_type = (record.rec_headers.get_header("Content-Type") or "").lower()
    if record.rec_type not in _HTTP_RECORDS or not content_type.startswith("application/http"):
        return [block]
    head, separator, body = block.partition(b"\r\n\r\n")
    if not separator:
        return [block]
    if re.search(rb"(?im)^transfer-encoding:[ \t]*chunked[ \t]*\r?$", head):
        dechunked = _dechunk(body)
        if dechunked is not None:
            return [body, dechunked]
    return [body]


def _dechunk(body: bytes) -> bytes | None:
    out, pos = bytearray(), 0
    while True:
        end = body.find(b"\r\n", pos)
        match = _CHUNK_SIZE_RE.match(body, pos, end if end >= 0 else len(body))
        if end < 0 or match is None:
            return None
        size = int(match.group(), 16)
        if size == 0:
            return bytes(out)
        out += body[end + 2:end + 2 + size]
        pos = end + 2 + size + 2


def _revisit_problems(record: Any, block: bytes, pointer: RecordPointer, resolver: OriginalLookup) -> list[Problem]:
    try:
        ref = revisit_ref(record, pointer)
        original = resolver.resolve(ref)
    except WarcReadError as exc:
        return [Problem(pointer.warc_offset, f"unresolvable revisit: {exc}")]
    if not digest_matches(ref.payload_digest, original.payload):
        return [Problem(pointer.warc_offset, f"revisit claims payload {ref.payload_digest}, its original at "
                                             f"{original.pointer.warc_file} offset {original.pointer.warc_offset} "
                                             f"has {sha1_digest(original.payload)}")]
    if block and (not block.endswith(b"\r\n\r\n") or block.count(b"\r\n\r\n") != 1):
        return [Problem(pointer.warc_offset, "revisit record stores payload bytes after its HTTP headers")]
    return []
