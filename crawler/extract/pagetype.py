"""Page type: article, list, deleted, blocked, error or attachment."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from crawler.extract.residue import is_stamped
from crawler.extract.shapes import prose_chars
from crawler.extract.sniff import magic_kind
from crawler.extract.tokens import CHROME

if TYPE_CHECKING:
    from collections.abc import Mapping

    from crawler.extract.segment import Block
    from crawler.profiles import ExtractHints

ARTICLE = "article"
LIST = "list"
DELETED = "deleted"
BLOCKED = "blocked"
ERROR = "error"
ATTACHMENT = "attachment"

_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
#: A notice page (deleted/blocked/error) is short; a marker inside a long article is a quote.
MAX_NOTICE_CHARS = 3000
#: ... or has at most this many characters outside links (an article has its body).
MAX_NOTICE_PLAIN_CHARS = 1000
#: A list (index) page: the text chosen as its main text is mostly listing items ...
LIST_LINK_SHARE = 0.5
#: ... with less than this share of prose (characters in sentences) ...
LIST_MAX_PROSE_SHARE = 0.25
#: ... and items of which at least this share link within the site (a column listing
#: links to its own articles; a link roundup post links out).
LIST_OWN_SITE_SHARE = 0.7
#: Text chosen as main text that is not listing items, at least this long and most of
#: it, is content (lyrics, a poem, a table of figures), not a listing.
MIN_CONTENT_CHARS = 200
#: A line is a link line when this share of it is link text ...
LINK_LINE = 0.5
#: ... or a listing item when this share is, and a date or time ends it.
LINK_ITEM = 0.3
#: A front page: the model finds no block as likely as this to be main text ...
FRONT_PAGE_MAX_P = 0.4
#: ... among at least this many link-only lines (an article's menus have 100-250) ...
FRONT_PAGE_LINKS = 300
#: ... that hold at least this share of the page's text.
FRONT_PAGE_LINK_SHARE = 0.6
#: A notice line is the marker and little else (a quoted marker sits in a longer sentence).
NOTICE_LINE_SLACK = 20


def is_attachment(body: bytes, headers: Mapping[str, str] | None) -> bool:
    """True for non-HTML payloads (PDF, office files, images, executables, archives), by
    Content-Type or by magic bytes (``crawler.extract.sniff``)."""
    content_type = ""
    if headers:
        content_type = (headers.get("Content-Type") or headers.get("content-type") or "").lower()
    mime = content_type.split(";")[0].strip()
    if mime and not mime.startswith(_HTML_TYPES):
        return True
    return magic_kind(body) is not None


def notice_type(page_lines: list[Block], hints: ExtractHints) -> str | None:
    """``deleted``/``blocked``/``error`` when a notice page shows one of the profile markers.

    A notice page is short, or, when the site wraps it in full chrome (soft 404s of CMS
    sites inside a menu of hundreds of links), short once link-only lines are set aside;
    and the marker stands on a line of its own (the marker and at most a few words), so
    an article quoting 相关内容已被删除 in a sentence is not taken for a notice.
    """
    lines = [line.text for line in page_lines]
    if sum(len(text) for text in lines) > MAX_NOTICE_CHARS:
        lines = [line.text for line in page_lines if not line.link_only]
        if sum(len(text) for text in lines) > MAX_NOTICE_PLAIN_CHARS:
            return None
    for kind, markers in ((DELETED, hints.deleted_markers), (BLOCKED, hints.blocked_markers), (ERROR, hints.error_markers)):
        for marker in markers:
            if any(marker in text and len(text) <= len(marker) + NOTICE_LINE_SLACK for text in lines):
                return kind
    return None


def _site(host: str) -> str:
    """The registrable part of a host name, roughly: ``news.163.com`` → ``163.com``,
    ``kjt.hunan.gov.cn`` → ``hunan.gov.cn``."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


_SECOND_LEVEL = frozenset("com net org gov edu ac co mil".split())


def _own_site_share(lines: list[Block], url: str) -> float:
    site = _site(urlsplit(url).hostname or "")
    own = total = 0
    for block in lines:
        href = next((a.get("href") for a in block.element.iter("a") if a.get("href")), None)
        if href is None or href.startswith(("javascript:", "#", "mailto:")):
            continue
        total += 1
        host = urlsplit(urljoin(url, href.strip())).hostname or ""
        own += _site(host) == site
    return own / total if total else 0.0


def looks_like_list(page: list[Block], kept: list[Block], best: float, url: str, headline: int = -1) -> bool:
    """True only for an index page, on strong evidence: a heuristic never discards an article.

    The text chosen as main text must not read as sentences nor be mostly other text of
    some length (lyrics, a poem, a table of figures chosen as main text are content,
    whatever links surround them; a stray footer line is not), and either the page is a
    column listing (outside the regions its class words name as chrome and the headline,
    it is mostly link lines or linked headlines with dates, and they lead to the site's
    own pages) or a front page (hundreds of
    link-only lines hold most of its text and the model finds no block likely to be main
    text). An article with a link box keeps prose as its main text, and a post that
    collects links to other sites is a post: both stay articles.

    Args:
        page: every candidate block of the page.
        kept: the blocks chosen as main text.
        best: the model's highest probability on the page.
        url: the page's URL (which links are the site's own).
        headline: the index of the headline's block (-1: none).
    """
    total = sum(len(block.text) for block in kept)
    if not total or _is_prose_text(kept, total) or _is_content(kept, total):
        return False
    body = [block for block in page if not block.bits & CHROME and block.index != headline]
    if _is_link_list(body, url):
        return True
    page_total = sum(len(block.text) for block in page)
    linked = sum(len(block.text) * block.link_density for block in page)
    link_only = sum(1 for block in page if block.link_only)
    return best < FRONT_PAGE_MAX_P and link_only >= FRONT_PAGE_LINKS and linked >= FRONT_PAGE_LINK_SHARE * page_total


def _is_item(block: Block) -> bool:
    """A listing item: a link line, or a linked headline followed by its date."""
    return block.link_density >= LINK_LINE or block.link_density >= LINK_ITEM and is_stamped(block.text)


def _item_chars(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks if _is_item(block))


def _is_content(kept: list[Block], total: int) -> bool:
    """The chosen text is mostly not listing items, and enough of it to read (not a stray footer line)."""
    other = total - _item_chars(kept)
    return other >= MIN_CONTENT_CHARS and other > (1 - LIST_LINK_SHARE) * total


def _is_prose_text(kept: list[Block], total: int) -> bool:
    """The chosen text reads as sentences (outside listing items): an article's."""
    return prose_chars([block.text for block in kept if not _is_item(block)]) >= LIST_MAX_PROSE_SHARE * total


def _is_link_list(blocks: list[Block], url: str) -> bool:
    total = sum(len(block.text) for block in blocks)
    items = [block for block in blocks if _is_item(block)]
    if not items or _item_chars(items) < LIST_LINK_SHARE * total or _is_prose_text(blocks, total):
        return False
    return _own_site_share(items, url) >= LIST_OWN_SITE_SHARE
