"""The bytes of one WARC/1.1 record holding an HTTP message, built directly, and its gzip member."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from isal import isal_zlib

from archive.records import HeaderList
from archive.warc.revisit import sha1_digest, warc_digest

WARC_VERSION = "WARC/1.1"

#: Each record is one gzip member made by ISA-L (the ``isal`` package): standard deflate that
#: zlib, warcio, pywb and gzip read, at about a tenth of zlib's CPU. On the real fixture
#: articles (~200 KB) ISA-L level 2 costs 0.29 ms per page for 26% of the input, where zlib
#: costs 1.40 ms at level 1 (26%), 2.78 ms at level 6 (23%) and 4.41 ms at level 9, and
#: zlib-ng 0.50 ms at level 1 (30%); re-check with the table in docs/benchmarks.md.
GZIP_LEVEL = 2

_RECORD_END = b"\r\n\r\n"
_EMPTY_DIGEST = sha1_digest(b"")


def gzip_member(*parts: bytes) -> bytes:
    """One complete gzip member of ``parts`` joined (mtime 0, so the same record gives the same bytes)."""
    compressor = isal_zlib.compressobj(GZIP_LEVEL, isal_zlib.DEFLATED, isal_zlib.MAX_WBITS + 16)
    return b"".join([*(compressor.compress(part) for part in parts if part), compressor.flush()])


@dataclass(frozen=True)
class HttpRecord:
    """One uncompressed WARC record of an HTTP message, in the parts it is written from.

    ``fields`` are every WARC header field in written order, digests, Content-Type and
    Content-Length included; the record is ``WARC/1.1``, the fields, a blank line, the
    HTTP head (start line, headers, blank line), the payload and the record end. The parts
    are never joined: the payload is neither copied nor hashed more than once per digest.
    """

    fields: HeaderList
    http_head: bytes
    payload: bytes

    @property
    def warc_head(self) -> bytes:
        """The WARC version line and header fields, ending in the blank line."""
        lines = [WARC_VERSION, *(f"{name}: {value}" for name, value in self.fields)]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")

    def gzip_member(self) -> bytes:
        """The record as the gzip member that is written to the file."""
        return gzip_member(self.warc_head, self.http_head, self.payload, _RECORD_END)


def http_record(
    fields: HeaderList, msgtype: str, http_head: bytes, payload: bytes, payload_digest: str | None
) -> HttpRecord:
    """A record of ``fields`` (WARC-Type … ) holding ``http_head`` and ``payload``.

    Adds, in warcio's order, WARC-Payload-Digest (``payload_digest``, the caller's single
    hash of the payload; None for a revisit, whose fields carry its original's), the block
    digest (one SHA-1 fed the head, then the payload), Content-Type and Content-Length.
    """
    block_digest = hashlib.sha1(http_head)
    block_digest.update(payload)
    complete = list(fields)
    if payload_digest is not None:
        complete.append(("WARC-Payload-Digest", payload_digest))
    complete += [("WARC-Block-Digest", warc_digest(block_digest)),
                 ("Content-Type", f"application/http; msgtype={msgtype}"),
                 ("Content-Length", str(len(http_head) + len(payload)))]
    return HttpRecord(complete, http_head, payload)


def random_record_id() -> str:
    """A ``<urn:uuid:…>`` record id of a random (version 4) UUID, the text ``uuid.uuid4()`` gives.

    Made from the random bytes directly: building a ``uuid.UUID`` cost twice as much, twice per page.
    """
    octets = bytearray(os.urandom(16))
    octets[6] = octets[6] & 0x0F | 0x40  # version 4
    octets[8] = octets[8] & 0x3F | 0x80  # RFC 4122 variant
    h = octets.hex()
    return f"<urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}>"


def payload_digest_of(body: bytes) -> str:
    """A payload's WARC digest; the empty body's (every GET request's) is computed once."""
    return _EMPTY_DIGEST if not body else sha1_digest(body)
