"""The dates a profile's date XPaths state (``xpath_dates``), without a list's stamps: those of other articles.

A generic date XPath (``//span[@class='date']``) finds the byline's date, and also the stamps of a
side list of notices or of more releases, which may stand above the text (a left column) or
below it. A stamp is a list's when another node of the same XPath stands within ``_NEAR``
levels of it, in an element that also holds a link of a headline's length: a byline holds one
date, a list one per linked item.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from crawler.extract.dates import CALENDAR, DATE, parse_date
from crawler.extract.xpaths import compiled, none_can_match

if TYPE_CHECKING:
    from collections.abc import Callable

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


def list_stamps(nodes: list[HtmlElement]) -> Callable[[HtmlElement], bool]:
    """The test whether one of the ``nodes`` one XPath found is a list's stamp (the counting done once, the links read lazily)."""
    if len(nodes) < 2:
        return lambda node: False
    shared = Counter(ancestor for node in nodes for ancestor in _near_ancestors(node))
    return lambda node: any(shared[ancestor] >= 2 and _links_a_headline(ancestor) for ancestor in _near_ancestors(node))


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
        nodes = compiled(xpath)(tree)
        listed = list_stamps([node for node in nodes if not isinstance(node, str)])  # a side list's stamps
        for node in nodes:
            text = node if isinstance(node, str) else " ".join(node.itertext())
            match = DATE.search(text)
            if not match or CALENDAR.fullmatch(text.strip()):
                continue
            parsed = parse_date(match.group(0))
            if not parsed or not isinstance(node, str) and listed(node):
                continue
            anywhere = anywhere or parsed
            if isinstance(node, str) or match.group(0).strip() in head:
                return parsed, anywhere
    return None, anywhere
