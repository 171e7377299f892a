"""The headline's box by its class, for a page whose <title> is only the site's name (``学习强国``) or holds the headline
before a name; a logo's heading that is only that name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.visible import normalize_space

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

#: A <title> this short, of one part (no separator) and confirmed by nothing, is the site's name
#: (``学习强国``), not a headline (``蔡健雅_百度百科``'s first part is).
MAX_SITE_NAME = 8
#: ... or, up to this long, one the page names as its publisher or owner (``来源：中国金融期货交易所``, ``版权所有：X``).
MAX_OWNER_NAME = 24
_OWNER_LABEL = re.compile(r"(来源|主办单位|主办|版权所有|Copyright|©)\s*[:：]?\s*$")
#: An element classed as a title, the class read in lower case (``newsTitle``, ``ArticleTitle``).
_CLASS_TITLE = "contains(translate(@class, 'TITLE', 'title'), 'title')"
#: Such elements outside links (a render-detail-title ``<div>`` holding the headline) ...
_TITLE_CLASSED = etree.XPath(f"//body//*[{_CLASS_TITLE} and not(ancestor-or-self::a)]")
#: ... and with links (reddit's ``<a class="title">``).
_CLASSED = etree.XPath(f"//body//*[{_CLASS_TITLE}]")
_HEADLINE_SIZE = (8, 100)


def title_classed(tree: HtmlElement, lines: list[str]) -> str | None:
    """The first title-classed element's text that the page shows as a line of a headline's size, else None.

    A page without ``<h1>``, og:title or a headline in its ``<title>`` (an app's page whose
    ``<title>`` is only its name) still marks the headline's box by its class.
    """
    shown = set(lines)
    for node in _TITLE_CLASSED(tree):
        text = normalize_space(node.text_content())
        if _HEADLINE_SIZE[0] <= len(text) <= _HEADLINE_SIZE[1] and text in shown and text[-1] not in "。.;；:：":
            return text
    return None


def classed_prefix(tree: HtmlElement, raw: str, tail_fits: Callable[[str], object]) -> str | None:
    """The text of a title-classed element (a link too) that ``raw`` (the <title>) starts with, a fitting tail after it.

    old.reddit's ``<title>`` ``Headline : labrats`` over ``<a class="title">Headline</a> (self.labrats)``:
    the line holds more than the headline, the element holds it alone.
    """
    for node in _CLASSED(tree):
        text = normalize_space(node.text_content())
        if _HEADLINE_SIZE[0] <= len(text) < len(raw) and raw.startswith(text) and tail_fits(raw[len(text) :]):
            return text
    return None


def is_name_tail(raw: str, heading: str, separators: str) -> bool:
    """True for a heading that is only the short name after the <title>'s last separator (a logo's ``<h1>``:
    ``labrats`` under ``I spent two years failing … : labrats``)."""
    rest = raw[: -len(heading)].rstrip() if raw.endswith(heading) else ""
    return len(rest) > 2 * len(heading) and rest[-1] in separators


def names_the_site(raw: str, lines: list[str]) -> bool:
    """True when a line labels the bare <title> ``raw`` as the page's source or owner (``来源：中国金融期货交易所``)."""
    if len(raw) > MAX_OWNER_NAME:
        return False
    for line in lines:
        at = line.find(raw)
        while at >= 0:
            if _OWNER_LABEL.search(line, 0, at):
                return True
            at = line.find(raw, at + 1)
    return False
