"""The headline's box by its class, for a page whose <title> is only the site's name (``学习强国``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.visible import normalize_space

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: A <title> this short, of one part (no separator) and confirmed by nothing, is the site's name
#: (``学习强国``), not a headline (``蔡健雅_百度百科``'s first part is).
MAX_SITE_NAME = 8
#: Elements classed as a title, outside links (a render-detail-title ``<div>`` holding the headline).
_TITLE_CLASSED = etree.XPath("//body//*[contains(@class, 'title') and not(ancestor-or-self::a)]")
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
