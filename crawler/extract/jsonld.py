"""What a page states as data: its JSON-LD (schema.org in ``<script type="application/ld+json">``) item by item, and its publication time."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from lxml import etree

from crawler.extract import dates

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from lxml.html import HtmlElement

    from crawler.extract.tagindex import TagIndex


def jsonld_items(scripts: Iterable[HtmlElement], needle: str) -> Iterator[dict[str, Any]]:
    """The JSON-LD objects of the page's ``scripts``, in page order: top-level ones, list members and ``@graph`` members.

    Only scripts whose text holds ``needle`` (the key the caller wants) are parsed; a
    script that is not valid JSON is skipped.
    """
    for script in scripts:
        text = script.text or ""
        if needle not in text or (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data, *(data.get("@graph") or [] if isinstance(data, dict) else [])]
        yield from (item for item in items if isinstance(item, dict))


#: Elements whose class attribute holds ``published`` (a word of it or not: cheaper than testing words in XPath).
_PUBLISHED_CLASS = etree.XPath("//*[contains(@class, 'published')]")
#: Microdata on an element other than ``<time>`` or ``<meta>``: ``<span itemprop="datePublished" content="…">``.
_PUBLISHED_ITEM = etree.XPath("//*[@itemprop='datePublished'][@content]")
#: schema.org types whose ``datePublished`` is the page's (not a review's or a comment's).
_ARTICLE_TYPES = ("Article", "BlogPosting", "Report", "WebPage", "LiveBlogPosting", "DiscussionForumPosting")


def structured_date(tree: HtmlElement, tags: TagIndex) -> str | None:
    """The publication time the page states as data: JSON-LD ``datePublished`` of an article, or a ``<time>`` marked so.

    A ``<time>`` counts with ``itemprop="datePublished"`` or ``pubdate``, another element with
    ``itemprop="datePublished"`` when its ``content`` holds the time (the first such), and so does the
    page's first element of hAtom's class ``published`` when it holds the time as data (Blogger,
    blogs of 2006–2012: ``<abbr class="published" title="…">``; a later one is a sidebar's post,
    and a first one showing only ``22. Oktober 2019`` gives nothing); a bare ``<time>`` may be a
    comment's or a list item's. A time without a zone gives only its day (the
    page's zone is unknown: a European site's ``2022-05-10T23:35:55`` is no Beijing time),
    which a clock time on the page for that day then refines.
    """
    for item in jsonld_items(tags.scripts, "datePublished"):
        if _is_article(item.get("@type")) and isinstance(item.get("datePublished"), str):
            parsed = dates.parse_zoned_date(item["datePublished"])
            if parsed:
                return parsed
    for node in tags.times:
        if node.get("itemprop") == "datePublished" or node.get("pubdate") is not None:
            parsed = dates.parse_zoned_date(node.get("datetime") or node.text_content())
            if parsed:
                return parsed
    items = _PUBLISHED_ITEM(tree)  # the first only: a later one is a list item's
    parsed = dates.parse_zoned_date(items[0].get("content")) if items else None
    if parsed:
        return parsed
    for node in _PUBLISHED_CLASS(tree):  # hAtom: ``<abbr class="published" title="…">``; a later one is a list's
        if "published" in node.get("class", "").split():
            value = node.get("datetime") or node.get("title")
            return dates.parse_zoned_date(value) if value else None
    return None


def zoned_time(value: str | None) -> str | None:
    """``value`` (a ``<time datetime>``) as ISO 8601 when it states a clock time and its zone, else None.

    Midnight on the dot is a day written as a time (``2019-12-09T00:00:00+01:00``), not a clock time.
    """
    parsed = dates.parse_zoned_date(value) if value else None
    return parsed if parsed and "T" in parsed and "T00:00:00" not in parsed else None


def _is_article(kind: object) -> bool:
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.endswith(_ARTICLE_TYPES) for k in kinds)
