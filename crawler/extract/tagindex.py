"""The page's elements of the few tags several readers look for, found in one walk of its tree.

A walk of a large page's tree costs about the same whatever tag it looks for (0.12 ms
a page on evaldata-dev), and seven readers each walked it for their own: metadata for
the ``<meta>``, ``<script>`` (JSON-LD, WeChat's ``var ct``), ``<time>``, ``<title>`` and
``<h1>`` elements, the sign-up card rule for the ``<form>`` elements
(crawler/extract/formcards.py), and trafilatura's pass for the inert elements it can do
without (crawler/extract/candidates.py). One walk over all those tags finds them for all
(0.13 ms).

The index is taken before the profile's prune targets are removed: metadata reads the
whole page. An element of a removed region stays in the lists; the readers after the
pruning (the inert elements, the forms) only ever compare it with elements of the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Elements trafilatura deletes unread (and never holding a paragraph): taken out before
#: its pass, which copies the tree three times and runs its pruning XPaths over all of it.
INERT_TAGS = ("script", "style", "svg", "link", "meta")
_TAGS = (*INERT_TAGS, "time", "form", "title", "h1")


@dataclass
class TagIndex:
    """The elements of each indexed tag, in document order."""

    metas: list[HtmlElement] = field(default_factory=list)
    scripts: list[HtmlElement] = field(default_factory=list)
    times: list[HtmlElement] = field(default_factory=list)
    forms: list[HtmlElement] = field(default_factory=list)
    titles: list[HtmlElement] = field(default_factory=list)
    h1s: list[HtmlElement] = field(default_factory=list)
    #: The elements of ``INERT_TAGS``, in document order.
    inert: list[HtmlElement] = field(default_factory=list)

    @classmethod
    def of(cls, tree: HtmlElement) -> TagIndex:
        """Index ``tree`` (the element and everything below it) in one walk."""
        index = cls()
        by_tag = {
            "meta": index.metas, "script": index.scripts, "time": index.times, "form": index.forms, "title": index.titles, "h1": index.h1s,
        }
        inert = index.inert
        for element in tree.iter(*_TAGS):
            tag = element.tag
            found = by_tag.get(tag)
            if found is not None:
                found.append(element)
            if tag in INERT_TAGS:
                inert.append(element)
        return index
