"""The dates a profile's date XPaths state (``xpath_dates``), without a list's stamps: those of other articles.

A generic date XPath (``//span[@class='date']``) finds the byline's date, and also the stamps of a
side list of notices or of more releases, which may stand above the text (a left column) or
below it. A stamp is a list's when another dated node of the same XPath stands within
``_NEAR`` levels of it, in an element that also holds a link of a headline's length: a byline
holds one date, a list one per linked item.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from crawler.extract.dates import CALENDAR, DATE, parse_date
from crawler.extract.xpaths import compiled, none_can_match

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Two stamps this few levels apart share a list (a cell in a row in a table, an item in a list in a box).
_NEAR = 3
#: A list's item links a headline at least this long.
_MIN_HEADLINE = 6


def _near_ancestors(node: HtmlElement) -> list[HtmlElement]:
    found = []
    parent = node.getparent()
    while parent is not None and len(found) < _NEAR:
        found.append(parent)
        parent = parent.getparent()
    return found


def list_stamps(dated: list[HtmlElement]) -> set[HtmlElement]:
    """Of the ``dated`` nodes one XPath found: those that are a list's stamps."""
    if len(dated) < 2:
        return set()
    shared = Counter(ancestor for node in dated for ancestor in _near_ancestors(node))
    lists = {ancestor for ancestor, count in shared.items() if count >= 2 and _links_a_headline(ancestor)}
    return {node for node in dated if any(ancestor in lists for ancestor in _near_ancestors(node))}


def _links_a_headline(element: HtmlElement) -> bool:
    return any(len("".join(link.itertext()).strip()) >= _MIN_HEADLINE for link in element.iter("a"))


def xpath_dates(tree: HtmlElement, xpaths: tuple[str, ...], head: str) -> tuple[str | None, str | None]:
    """The first date in the text of the profile's date XPaths the page states above its text, and the first anywhere.

    ``head``: the page's lines above its first sentence (``head_lines``), joined. A date in
    an attribute (a ``<meta>``'s content) counts as stated there; a date further down is
    a list item's, tried last by the caller. A header calendar (a date and its weekday
    alone) is neither: it is the day the page was made or fetched; nor is a side list's stamp (``list_stamps``).
    """
    if none_can_match(tree, xpaths):
        return None, None
    anywhere = None
    for xpath in xpaths:
        found = []  # (node, the date's text, the date), in page order
        for node in compiled(xpath)(tree):
            text = node if isinstance(node, str) else " ".join(node.itertext())
            match = DATE.search(text)
            parsed = parse_date(match.group(0)) if match and not CALENDAR.fullmatch(text.strip()) else None
            if parsed:
                found.append((node, match.group(0), parsed))
        listed = list_stamps([node for node, _, _ in found if not isinstance(node, str)])  # a side list's stamps
        for node, stated, parsed in found:
            if node in listed:
                continue
            anywhere = anywhere or parsed
            if isinstance(node, str) or stated.strip() in head:
                return parsed, anywhere
    return None, anywhere
