"""Sniff a payload before parsing it: binary formats and binary junk are never read as HTML.

Servers label anything ``text/html``: a PDF, an executable, a corrupt or random file.
Parsing such bytes as HTML yields "text" in some language (an ELF binary became an
English article) and costs time and memory in proportion to the body. Looking at the
first few KB answers the question in microseconds, whatever the body's size.
"""

from __future__ import annotations

#: File signatures (magic numbers) of formats that are never HTML, with a short name. Only
#: signatures no text can start with (a byte outside printable ASCII, or long and exact);
#: other binary formats are caught by their control bytes (``is_binary_junk``).
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # .doc/.xls/.ppt
    (b"\xd0\xcf\x11\xe0", "ole"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"\x7fELF", "elf"),
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\x00\x00\x01\x00", "ico"),
    (b"\xca\xfe\xba\xbe", "java-class"),
    (b"\xcf\xfa\xed\xfe", "mach-o"),
    (b"SQLite format 3\x00", "sqlite"),
)
#: Formats whose signature sits at an offset (ISO media: ....ftyp).
_FTYP = b"ftyp"
#: Signatures that were recognised before sniffing grew: their Documents keep their old form.
LEGACY_MAGIC = frozenset({"pdf", "zip", "ole", "png", "jpeg", "gif"})
#: How much of the body the binary test reads.
SNIFF_BYTES = 4096
#: Leading whitespace skipped before matching a signature (a few servers prepend newlines).
_LEAD_BYTES = 1024
#: Bytes that do not occur in text: C0 controls other than tab, LF, VT, FF, CR, ESC, and DEL.
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
#: Text (HTML in any ASCII-compatible charset) has practically no control bytes; a binary
#: file or random bytes have many (random bytes: about 11 %).
MAX_CONTROL_SHARE = 0.02
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


#: The first byte of every signature (none is empty).
_FIRST_BYTES = frozenset(signature[:1] for signature, _ in MAGIC)


def magic_kind(body: bytes) -> str | None:
    """The short name of the binary format ``body`` starts with, or None."""
    head = body[:_LEAD_BYTES].lstrip()
    if head[:1] in _FIRST_BYTES:  # an HTML page opens with ``<``, which opens no signature: one test
        for signature, kind in MAGIC:
            if head.startswith(signature):
                return kind
    if head[4:8] == _FTYP:
        return "iso-media"
    return None


def is_binary_junk(body: bytes) -> bool:
    """True when the first ``SNIFF_BYTES`` bytes are not text: too many control bytes.

    UTF-16/32 text (with its byte-order mark) is text although it is full of NULs.
    """
    head = body[:SNIFF_BYTES]
    if not head or head.startswith(_UTF16_32_BOMS):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > MAX_CONTROL_SHARE * len(head)


#: At most this much of a body is parsed: a huge page is read up to a tag boundary here,
#: so time and memory stay bounded whatever the server sends (real pages are < 2 MB).
MAX_PARSE_BYTES = 4 * 1024 * 1024


def parse_window(body: bytes) -> bytes:
    """``body``, or its first ``MAX_PARSE_BYTES`` cut before the last ``<`` in them."""
    return cut_before_tag(body, MAX_PARSE_BYTES)


def cut_before_tag(body: bytes, limit: int) -> bytes:
    """``body``, or its first ``limit`` bytes cut before the last ``<`` in them.

    ``<`` is never part of a multi-byte character in UTF-8, GB18030 or Big5, so the cut
    does not leave half a character for charset detection to trip over.
    """
    if len(body) <= limit:
        return body
    cut = body.rfind(b"<", 0, limit)
    return body[: cut if cut > 0 else limit]
