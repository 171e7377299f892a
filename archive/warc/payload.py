"""A stored payload with its Content-Encoding undone, bounded against decompression bombs."""

from __future__ import annotations

import zlib

from archive.errors import WarcReadError
from archive.records import ArchivedResponse

#: Default cap on the decoded size of one payload (decompression-bomb guard).
MAX_DECODED_BYTES = 64 * 1024 * 1024


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
