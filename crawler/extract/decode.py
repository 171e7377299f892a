"""Turn a response body into text: BOM, UTF-8, HTTP charset, meta declaration, then detection.

Real pages are not always well formed in their charset: a CMS that cuts a GBK title at a
byte count leaves half a character, a template pastes one stray byte into a UTF-8 page.
A multi-byte charset whose structure holds for all but a few sequences is still the
page's charset (invalid sequences become U+FFFD and are counted in ``Decoded.replaced``):
read another way, the page would be mojibake from end to end.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crawler.extract.sniff import cut_before_tag

if TYPE_CHECKING:
    from collections.abc import Mapping

# Declared names that are read as a superset codec: GB2312/GBK pages routinely contain
# GBK/GB18030-only characters, and Big5 pages Hong Kong supplement characters.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "iso-8859-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}
#: Single-byte Western charsets (as normalised) that servers name by default: Apache's
#: old ``AddDefaultCharset`` sent ISO-8859-1 for every page. Every byte is a character in
#: them, so GB2312 or Big5 bytes decode "cleanly" and the page turns to mojibake.
_WESTERN = frozenset({"cp1252", "iso8859-1"})
#: Multi-byte CJK charsets (as normalised) a page's ``<meta>`` may name. Their byte pairs
#: rarely all form valid characters by chance, so a strict decode with one is evidence.
_CJK = frozenset({
    "gb18030", "big5hkscs", "euc_jp", "euc_jis_2004", "euc_jisx0213", "shift_jis", "shift_jis_2004",
    "shift_jisx0213", "cp932", "euc_kr", "cp949", "johab",
})
#: A multi-byte charset with invalid sequences is still read as the page's charset when
#: they are at most this share of its non-ASCII characters, and it reads at least
#: ``_MIN_VALID`` of them. Text in another charset breaks a multi-byte charset's
#: structure at most of its non-ASCII bytes (GBK read as UTF-8: about nine in ten).
_MAX_INVALID_SHARE = 0.02
_MIN_VALID = 20
#: The charsets whose clean prefix ``_detect_damaged`` reads.
_MULTIBYTE = ("gb18030", "big5hkscs", "shift_jis", "euc_kr", "euc_jp")
#: The clean prefix detection reads must hold this many bytes.
_MIN_PREFIX = 1024
#: ``Decoded.rule`` when a CJK ``<meta>`` charset overrode a Western HTTP charset.
CJK_META_OVER_WESTERN_HEADER = "cjk_meta_over_western_header"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([\w.:-]+)",
    re.I,
)
#: How far into the body a <meta> charset declaration is looked for (browsers use 1024;
#: saved pages often push it further down behind comments and scripts).
_META_SCAN_BYTES = 8192
#: How much of the body charset-normalizer sees; detection cost grows with the input.
_DETECT_BYTES = 65536


@dataclass(frozen=True)
class Decoded:
    """Decoded body text and how the charset was chosen.

    ``charset`` is the codec name used; ``declared`` the first charset the HTTP header or
    the page declared (normalised), or None; ``overruled`` is True when a declaration
    existed but the bytes were not in that charset; ``rule`` names the rule that set a
    strictly decoding declaration aside (``CJK_META_OVER_WESTERN_HEADER``), or None;
    ``replaced`` counts the invalid byte sequences read as U+FFFD.
    """

    text: str
    charset: str
    declared: str | None
    overruled: bool
    rule: str | None = None
    replaced: int = 0


def normalize_charset(name: str | None) -> str | None:
    """Return the Python codec name for a declared charset, or None if unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, codec)


def header_charset(headers: Mapping[str, str] | None) -> str | None:
    """The charset parameter of the Content-Type header, if any."""
    if not headers:
        return None
    content_type = headers.get("Content-Type") or headers.get("content-type") or ""
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def meta_charset(body: bytes) -> str | None:
    """The first ``<meta charset>`` / ``http-equiv`` charset in the head of the body."""
    match = _META_CHARSET.search(body[:_META_SCAN_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _tolerant(body: bytes, codec: str) -> tuple[str, int] | None:
    """``body`` read as the multi-byte ``codec`` and its count of invalid sequences: none, or few."""
    text = body.decode(codec, "replace")
    replaced = text.count("\ufffd")
    if not replaced:
        return text, 0
    valid = len(text) - len(text.encode("ascii", "ignore")) - replaced
    if valid < _MIN_VALID or replaced > _MAX_INVALID_SHARE * valid:
        return None
    return text, replaced


def _detect(body: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(cut_before_tag(body, _DETECT_BYTES)).best()
    return normalize_charset(best.encoding) if best is not None else None


def _detect_damaged(body: bytes) -> tuple[str, str, int] | None:
    """A multi-byte page with a few invalid sequences: (text, charset, replaced), or None.

    Detection drops a charset at its first invalid byte, so one stray byte sends a GBK
    page to some single-byte charset. Among the CJK charsets that read the whole body
    with few invalid sequences, each one's longest clean prefix (the bytes before its
    first invalid sequence) is read by detection instead, longest first; a charset is
    taken when detection names it on its own prefix.
    """
    found: list[tuple[bytes, str, tuple[str, int]]] = []
    for codec in _MULTIBYTE:
        try:
            body.decode(codec)
        except UnicodeDecodeError as error:
            prefix = cut_before_tag(body, error.start)
            if len(prefix) < _MIN_PREFIX or prefix.isascii():
                continue
            read = _tolerant(body, codec)  # a decode in C: detection only runs where it passes
            if read is not None:
                found.append((prefix, codec, read))
    for prefix, codec, read in sorted(found, key=lambda item: -len(item[0])):
        if _detect(prefix) == codec:
            return read[0], codec, read[1]
    return None


def decode_body(body: bytes, headers: Mapping[str, str] | None = None) -> Decoded:
    """Decode ``body`` following HTTP charset, BOM, meta declaration and detection.

    A declaration is trusted only when the bytes decode strictly with it. Bytes that
    decode strictly as UTF-8 (and are not plain ASCII) are UTF-8 whatever the page
    says: a GB2312 or Big5 page practically never forms valid multi-byte UTF-8, while
    UTF-8 pages declaring ``gb2312`` are common (saved pages, copied templates). An HTTP
    header naming a single-byte Western charset gives way to a ``<meta>`` naming a
    multi-byte CJK one under which the bytes decode strictly (a server default against
    the page's own declaration); a Latin-1 page that does not decode so stays Latin-1.
    Where no charset reads the bytes strictly, UTF-8 and then a declared CJK charset are
    taken when they read all but a few sequences; then detection, on the longest clean
    prefix when the whole page gives no CJK charset (``_detect_damaged``).
    """
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return Decoded(body.decode(codec, "replace"), codec, codec, False)
    declared = [normalize_charset(c) for c in (header_charset(headers), meta_charset(body))]
    candidates = [c for c in declared if c]
    first = candidates[0] if candidates else None
    if body.isascii():
        codec = first if first and _strict(body, first) is not None else "utf-8"
        return Decoded(body.decode(codec), codec, first, False)
    utf8 = _strict(body, "utf-8")
    if utf8 is not None:
        return Decoded(utf8, "utf-8", first, first not in (None, "utf-8"))
    damaged = _tolerant(body, "utf-8")
    if damaged is not None:
        return Decoded(damaged[0], "utf-8", first, first not in (None, "utf-8"), None, damaged[1])
    header, meta = declared
    if header in _WESTERN and meta in _CJK:
        read = _tolerant(body, meta)
        if read is not None:
            return Decoded(read[0], meta, first, True, CJK_META_OVER_WESTERN_HEADER, read[1])
    for codec in candidates:
        text = _strict(body, codec)
        if text is not None:
            return Decoded(text, codec, first, codec != first)
    for codec in candidates:
        read = _tolerant(body, codec) if codec in _CJK else None
        if read is not None:
            return Decoded(read[0], codec, first, codec != first, None, read[1])
    detected = _detect(body)
    if detected not in _CJK:  # UTF-8 was ruled out above
        found = _detect_damaged(body)
        if found is not None:
            return Decoded(found[0], found[1], first, first is not None and found[1] != first, None, found[2])
    if detected:
        text = _strict(body, detected)
        if text is not None:
            return Decoded(text, detected, first, first is not None and detected != first)
    codec = first or detected or "utf-8"
    text = body.decode(codec, "replace")
    return Decoded(text, codec, first, False, None, text.count("\ufffd"))
