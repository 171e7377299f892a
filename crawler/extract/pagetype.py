"""Page type: article, list, deleted, blocked, error or attachment."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from crawler.extract.blocks import Line
    from crawler.profiles import ExtractHints

ARTICLE = "article"
LIST = "list"
DELETED = "deleted"
BLOCKED = "blocked"
ERROR = "error"
ATTACHMENT = "attachment"

_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
#: Signatures of binary documents served without (or with a wrong) Content-Type.
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")
#: A notice page (deleted/blocked/error) is short; a marker inside a long article is a quote.
MAX_NOTICE_CHARS = 3000
#: ... or has at most this many characters outside links (an article has its body).
MAX_NOTICE_PLAIN_CHARS = 1000
#: An article body has at least this much prose: characters in sentence lines (a photo
#: gallery's few captions make about 100).
MIN_ARTICLE_PROSE = 60
#: ... and prose makes up at least this share of it.
PROSE_SHARE = 0.3
#: A body container with less text than this is an empty template, not an article.
MIN_BODY_TEXT = 20
_SENTENCE_END = re.compile(r"[。！？!?；;]|\.(?=\s|$)")  # a full stop, not the dot of a host name


def is_attachment(body: bytes, headers: Mapping[str, str] | None) -> bool:
    """True for non-HTML payloads (PDF, office files, images), by Content-Type or magic bytes."""
    content_type = ""
    if headers:
        content_type = (headers.get("Content-Type") or headers.get("content-type") or "").lower()
    mime = content_type.split(";")[0].strip()
    if mime and not mime.startswith(_HTML_TYPES):
        return True
    return body.lstrip()[:8].startswith(_MAGIC)


def notice_type(page_lines: list[Line], hints: ExtractHints) -> str | None:
    """``deleted``/``blocked``/``error`` when a notice page shows one of the profile markers.

    A notice page is short, or, when the site wraps it in full chrome (soft 404s of CMS
    sites inside a menu of hundreds of links), short once link-only lines are set aside.
    """
    text = "\n".join(line.text for line in page_lines)
    if len(text) > MAX_NOTICE_CHARS:
        text = "\n".join(line.text for line in page_lines if not line.link_only)
        if len(text) > MAX_NOTICE_PLAIN_CHARS:
            return None
    for kind, markers in ((DELETED, hints.deleted_markers), (BLOCKED, hints.blocked_markers), (ERROR, hints.error_markers)):
        if any(marker in text for marker in markers):
            return kind
    return None


def prose_chars(lines: list[str]) -> int:
    """Characters in lines that read like sentences (long enough, with sentence punctuation)."""
    return sum(len(line) for line in lines if len(line) >= 20 and _SENTENCE_END.search(line))


def looks_like_list(text_lines: list[str], has_body: bool) -> bool:
    """True for index pages.

    A page whose body container holds text is an article (even a one-caption photo
    gallery). Without a container, an article's extracted text is mostly prose, while on
    an index page trafilatura returns headline lists: short lines without sentence ends.
    Measured on the fixtures: articles >= 60% prose, the 163.com front pages <= 10%.
    """
    total = sum(len(line) for line in text_lines)
    if has_body:
        return total < MIN_BODY_TEXT
    prose = prose_chars(text_lines)
    return prose < MIN_ARTICLE_PROSE or prose < PROSE_SHARE * total
