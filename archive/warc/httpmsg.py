"""Shape received HTTP exchanges into the HTTP/1.x messages stored in WARC records."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from http import HTTPStatus

from archive.errors import WarcWriteError
from archive.records import HeaderList

# Characters never valid in a URI that URL parsers (WHATWG, w3lib) percent-encode: controls,
# space, quote, angle brackets, backtick, braces. "|" and "^" pass as Scrapy leaves them, so a
# URL Scrapy already made safe is written unchanged. Non-ASCII is handled in _pct.
_URI_UNSAFE = frozenset(' "<>`{}') | frozenset(chr(c) for c in range(0x20)) | {"\x7f"}
_AUTHORITY_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*:)?//([^/?#]*)(.*)$", re.DOTALL)
_LABEL_SEP_RE = re.compile("[.\u3002\uff0e\uff61]")
_TOKEN_UNSAFE_RE = re.compile(r"[^!#$%&'*+\-.^_`|~0-9A-Za-z]")
_LINE_BREAKS_RE = re.compile(r"[\r\n\x00]+")
#: A URL with none of these is already a URI that ``iri_to_uri`` returns unchanged.
_NOT_URI_SAFE_RE = re.compile('[^\x21\x23-\x3b\x3d\x3f-\x5f\x61-\x7a\x7c\x7e]')


def _pct(text: str) -> str:
    """Percent-encode characters that are not allowed in a URI; keep everything else."""
    return "".join(
        "".join(f"%{b:02X}" for b in ch.encode("utf-8")) if ch in _URI_UNSAFE or ord(ch) > 0x7E else ch
        for ch in text
    )


def _idna_host(host: str) -> str:
    """Encode a non-ASCII host name with IDNA, label by label (IDNA 2003, as Python ships it)."""
    if host.isascii():
        return host
    labels = []
    for label in _LABEL_SEP_RE.split(host):
        try:
            labels.append(label if label.isascii() else label.encode("idna").decode("ascii"))
        except UnicodeError:
            return _pct(host)  # RFC 3986 reg-name may be percent-encoded when IDNA refuses it
    return ".".join(labels)


def iri_to_uri(url: str) -> str:
    """Return ``url`` as an ASCII URI: IDNA host, UTF-8 percent-encoding elsewhere.

    Existing ``%xx`` escapes are kept, so the function is idempotent.
    """
    if _NOT_URI_SAFE_RE.search(url) is None:  # the usual case: nothing to encode anywhere
        return url
    match = _AUTHORITY_RE.match(url)
    if match is None:
        return _pct(url)
    scheme, authority, rest = match.group(1) or "", match.group(2), match.group(3)
    userinfo, at, hostport = authority.rpartition("@")
    host, port = hostport, ""
    if not hostport.startswith("[") and ":" in hostport:
        host, port = hostport.rsplit(":", 1)
        port = ":" + port
    return f"{scheme}//{_pct(userinfo)}{at}{_idna_host(host)}{_pct(port)}{_pct(rest)}"


def warc_date(moment: datetime) -> str:
    """Format an aware datetime as a WARC/1.1 date with microseconds, e.g. ``2026-11-21T10:00:00.123456Z``."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise WarcWriteError(f"clock returned a naive datetime {moment!r}; pass a clock returning aware UTC times")
    utc = moment.astimezone(timezone.utc)
    if utc.year < 1000:  # isoformat pads the year to four digits, strftime's %Y does not
        return f"{utc:%Y-%m-%dT%H:%M:%S}.{utc.microsecond:06d}Z"
    return utc.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def one_line(value: str) -> str:
    """Replace line breaks and NULs (which would end a header line) with one space."""
    return _LINE_BREAKS_RE.sub(" ", value)


def clean_headers(headers: HeaderList) -> HeaderList:
    """Make header pairs writable: token names, values on one line.

    Non-ASCII values are kept; :func:`header_block` writes them as octets.
    """
    cleaned = []
    for name, value in headers:
        if _TOKEN_UNSAFE_RE.search(name) is not None:
            name = _TOKEN_UNSAFE_RE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), name)
        if "\r" in value or "\n" in value or "\x00" in value:
            value = one_line(value)
        cleaned.append((name, value))
    return cleaned


def stored_response_headers(headers: HeaderList, payload_length: int) -> HeaderList:
    """Return the response headers as they are stored over a de-chunked payload.

    ``Transfer-Encoding`` becomes ``X-Orig-Transfer-Encoding`` (the stored body is not
    chunked), ``Content-Length`` is the stored length, and a server value that differs
    is kept as ``X-Orig-Content-Length``. Everything else is kept in order, repeats included.
    """
    result: HeaderList = []
    has_length = False
    for name, value in headers:
        lowered = name.lower()
        if lowered == "transfer-encoding":
            result.append(("X-Orig-Transfer-Encoding", value))
        elif lowered == "content-length":
            if value.strip() != str(payload_length):
                result.append(("X-Orig-Content-Length", value))
            if not has_length:
                result.append((name, str(payload_length)))
                has_length = True
        else:
            result.append((name, value))
    if not has_length:
        result.append(("Content-Length", str(payload_length)))
    return result


def reason_phrase(status: int) -> str:
    """Return the standard reason phrase for ``status``, or ``Unknown``."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def request_target(uri: str) -> str:
    """Return the path and query of ``uri`` for an HTTP/1.1 request line."""
    match = _AUTHORITY_RE.match(uri)
    rest = match.group(3) if match else uri
    rest = rest.split("#", 1)[0]
    return rest if rest.startswith("/") else "/" + rest


def http_version(protocol: str | None) -> str:
    """Return the HTTP/1.x version written in status and request lines for ``protocol``."""
    upper = (protocol or "").strip().upper()
    return upper if upper in ("HTTP/1.0", "HTTP/1.1") else "HTTP/1.1"


def warc_protocol(protocol: str | None) -> str | None:
    """Return the ``WARC-Protocol`` value for a non-HTTP/1.x exchange (``h2``), else None.

    The stored messages are always HTTP/1.x-shaped; this field says they were not
    received that way.
    """
    value = (protocol or "").strip().lower()
    if not value or value.startswith("http/1."):
        return None
    return "h2" if value in ("http/2", "http/2.0") else value


def header_block(first_line: str, headers: HeaderList) -> bytes:
    """Serialise a start line and headers as the octets stored in the WARC record.

    Header text is taken as octets: a line whose characters all fit in Latin-1 is
    written byte for byte (Scrapy's raw bytes, decoded as Latin-1, are stored as
    received); a line holding wider characters is written as UTF-8. warcio decodes each
    line as UTF-8, else Latin-1, so raw UTF-8 values (a Chinese ``Location``) read back
    as text. The writer returns the headers as read back, never the input.
    """
    lines = [first_line, *(f"{name}: {value}" for name, value in headers)]
    return b"".join(_octets(line) + b"\r\n" for line in lines) + b"\r\n"


def _octets(line: str) -> bytes:
    try:
        return line.encode("latin-1")
    except UnicodeEncodeError:
        return line.encode("utf-8")
