"""Document metadata: headline (with spam-title detection), publication date, source, author."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crawler.extract import dates
from crawler.extract.blocks import normalize_space
from crawler.extract.clean import compiled

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.profiles import ExtractHints

#: A site name after a separator at the end of a <title> (``_网易新闻``, ``-新华网``,
#: `` - 湖南省人民政府门户网站``). Unspaced hyphens only count before a name-like word,
#: since headlines use them too (``1-10月…``).
_SUFFIX = re.compile(
    r"(?:\s+[-–—|｜_]\s*|\s*[_|｜–—]\s*|-(?=[^-]{1,20}(?:网|新闻|政府|网站|频道|日报|在线|客户端|号|\.com|\.cn)$))"
    r"[^_|｜–—]{1,24}$"
)
_SOURCE = re.compile(r"(?:来源|來源|稿源|Source)\s*[:：]\s*([^\s|｜丨]{2,30}(?: [A-Z][\w.-]*){0,3})")
_AUTHOR = re.compile(r"(?:作者|记者|Author|By)\s*[:：]\s*([^\s|｜丨，,]{2,20})")
#: A headline shares at least this share of its character pairs with an honest <title>.
_SPAM_OVERLAP = 0.2
#: A longer "source" is a sentence or a whole meta line, not a publisher name.
_MAX_SOURCE = 30
_MIN_HEADLINE = 4
#: Shorter <title>s that do not match the headline are site names, not spam.
_MIN_SPAM_TITLE = 12


@dataclass
class Metadata:
    """What the page says about itself; ``extra`` holds title_raw/spam_title/author."""

    title: str | None = None
    published: str | None = None
    source: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def collect_metas(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` name/property → content, lower-cased keys, first value wins."""
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if key and content and key not in metas:
            metas[key] = normalize_space(content)
    return metas


def _texts(tree: HtmlElement, xpaths: tuple[str, ...]) -> list[str]:
    found = []
    for xpath in xpaths:
        for node in compiled(xpath)(tree):
            text = normalize_space(node if isinstance(node, str) else " ".join(node.itertext()))
            if text:
                found.append(text)
    return found


def strip_suffixes(title: str, suffixes: tuple[str, ...] = ()) -> str:
    """Remove profile suffixes, then generic ``<sep><site name>`` tails, from a <title>."""
    for suffix in suffixes:
        if title.endswith(suffix) and len(title) > len(suffix):
            title = title[: -len(suffix)].strip()
    while True:
        shorter = _SUFFIX.sub("", title).strip().rstrip("_|｜-–— ")
        if shorter == title or len(shorter) < _MIN_HEADLINE:
            return title
        title = shorter


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\W", "", text.lower())
    return {text[i : i + 2] for i in range(len(text) - 1)}


def overlap(headline: str, other: str) -> float:
    """Share of the headline's character pairs found in ``other``."""
    pairs = _bigrams(headline)
    return len(pairs & _bigrams(other)) / len(pairs) if pairs else 0.0


def find_title(tree: HtmlElement, hints: ExtractHints, metas: dict[str, str], extra: dict[str, Any]) -> str | None:
    """The headline: a profile/og/h1 candidate the <title> confirms, else the best guess.

    Profile title XPaths and og:title are trusted over an unconfirming <title>; a bare
    ``<h1>`` only when it resembles the <title> (elsewhere it is often the site logo).
    A <title> sharing almost nothing with the page's own headline is recorded in
    ``extra`` as ``title_raw`` with ``spam_title`` True (SEO-hijacked pages).
    """
    raw = normalize_space(" ".join(tree.xpath("//title[1]//text()")))
    meta_titles = [metas[k] for k in ("og:title", "articletitle", "twitter:title") if metas.get(k)]
    strong = [c for c in _texts(tree, hints.title_xpaths) + meta_titles if len(c) >= _MIN_HEADLINE]
    headings = [c for c in _texts(tree, ("//h1",)) if len(c) >= _MIN_HEADLINE]
    confirmed = [c for c in strong + headings if raw and c in raw]
    if confirmed:
        return max(confirmed, key=len)
    if not raw:
        return (strong + headings or [None])[0]
    stripped = strip_suffixes(raw, hints.title_suffixes)
    headline = (strong + headings or [None])[0]
    if headline and overlap(headline, stripped) < _SPAM_OVERLAP and len(stripped) >= _MIN_SPAM_TITLE:
        extra["title_raw"] = raw
        extra["spam_title"] = True
        return headline
    if strong:
        return strong[0]
    similar = [c for c in headings if overlap(c, stripped) >= 0.5]
    return similar[0] if similar else stripped


def find_published(tree: HtmlElement, hints: ExtractHints, metas: dict[str, str], lines: list[str], url: str) -> str | None:
    """Publication time from metas, ``var ct``, profile XPaths, labelled text, then the URL.

    A date found in page text must fall on the day the URL encodes (when it encodes
    one): side lists carry dates of other articles.
    """
    found = dates.meta_date(metas) or dates.script_date(tree)
    if found:
        return found
    day = dates.url_date(url)
    for candidate in (dates.xpath_date(tree, hints.date_xpaths), dates.labelled_date(lines)):
        if candidate and (day is None or candidate.startswith(day)):
            return candidate
    return day


def find_source(tree: HtmlElement, hints: ExtractHints, metas: dict[str, str], lines: list[str]) -> str | None:
    """The 来源 (publisher) or WeChat account name.

    Order: source metas, the profile's source XPaths when they carry a 来源 label or a
    bare name, then the first 来源 label in the page text.
    """
    for key in ("contentsource", "source", "og:article:source", "mediaid"):
        value = metas.get(key)
        if value:
            match = _SOURCE.search(value)
            return match.group(1) if match else value
    texts = _texts(tree, hints.source_xpaths)
    for text in texts:
        match = _SOURCE.search(text)
        if match:
            return match.group(1)
    for line in lines:
        match = _SOURCE.search(line)
        if match:
            return match.group(1)
    short = [text for text in texts if len(text) <= _MAX_SOURCE and not dates.parse_date(text)]
    return short[0] if short else None


def find_author(tree: HtmlElement, hints: ExtractHints, metas: dict[str, str], lines: list[str]) -> str | None:
    """The author, when the page names one."""
    for text in _texts(tree, hints.author_xpaths):
        match = _AUTHOR.search(text)
        return match.group(1) if match else text
    for line in lines:
        match = _AUTHOR.search(line)
        if match:
            return match.group(1)
    return None


def extract_metadata(
    tree: HtmlElement, hints: ExtractHints, url: str, lines: list[str]
) -> Metadata:
    """Collect title, date, source and author; ``lines`` are the page's visible text lines."""
    metas = collect_metas(tree)
    meta = Metadata()
    meta.title = find_title(tree, hints, metas, meta.extra)
    meta.published = find_published(tree, hints, metas, lines, url)
    meta.source = find_source(tree, hints, metas, lines)
    author = find_author(tree, hints, metas, lines)
    if author:
        meta.extra["author"] = author
    return meta
