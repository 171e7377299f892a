"""DOM pre-clean: profile prune targets, un-hide script-revealed bodies, find the body container."""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.shapes import PROSE_CHARS
from crawler.extract.visible import visible_chars
from crawler.extract.xpaths import compiled, none_can_match

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from lxml.html import HtmlElement

_VISIBILITY_HIDDEN = re.compile(r"visibility\s*:\s*hidden\s*;?", re.I)
#: A prune match holding more than this share of the page's visible text outside links
#: holds the article too (a layout table around the footer row *and* the article), and is
#: not removed: smaller matches inside it still are, the rest is the model's to judge.
#: Pruning the article costs the page, leaving chrome to the model a few lines, so the
#: bound sits just above the largest real chrome. Measured as ``plain_chars(match) /
#: plain_chars(page)`` over every fixture and development page with profile prunes (813
#: matches on 246 pages): at most 22 % (a footer table under a short notice), a comment
#: list 20 %. The labelled article holds under 30 % of its page on 17 of the 530 zh-news
#: and seed pages (hexun labels hold part of the text), under 40 % on 25.
MAX_PRUNE_SHARE = 0.3
#: A body container must hold at least this many characters of text to be trusted; an
#: emptier match is a template placeholder, not the article.


def remove_keep_tail(element: HtmlElement) -> None:
    """Remove ``element`` and its subtree but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _protected(tree: HtmlElement, keep: HtmlElement | None) -> set[HtmlElement]:
    """Nodes no prune XPath may remove: the container and its ancestors.

    Without a container, the ancestors of the paragraphs are protected instead when one
    element holds most of them: a wrapper class such as ``position-relative`` or
    ``share-wrap`` must not take the article with it.
    """
    if keep is not None:
        return {keep, *keep.iterancestors()}
    paragraphs = [p for p in tree.iter("p") if len("".join(p.itertext()).strip()) >= 30]
    if len(paragraphs) < 3:
        return set()
    counts: dict[HtmlElement, int] = {}
    for paragraph in paragraphs:
        for ancestor in paragraph.iterancestors():
            counts[ancestor] = counts.get(ancestor, 0) + 1
    return {node for node, count in counts.items() if count * 2 >= len(paragraphs)}


def plain_chars(element: HtmlElement) -> int:
    """Visible characters of ``element`` outside links, whitespace left out."""
    total, linked = visible_chars(element)
    return total - linked


def prune_targets(tree: HtmlElement, xpaths: Iterable[str], keep: HtmlElement | None = None) -> set[HtmlElement]:
    """The elements ``xpaths`` match that may be removed.

    ``<html>``, ``<body>``, the container ``keep`` and its ancestors (or, without a
    container, the elements holding most paragraphs), and any match holding more than
    ``MAX_PRUNE_SHARE`` of the page's visible text outside links are never targets: a
    prune XPath names chrome, and a match that large holds the article too.
    """
    xpaths = tuple(xpaths)
    if not xpaths or none_can_match(tree, xpaths):
        return set()
    protected = _protected(tree, keep)
    targets: set[HtmlElement] = set()
    for xpath in xpaths:
        for node in compiled(xpath)(tree):
            if isinstance(node, etree._Element) and node.tag not in ("html", "body") and node not in protected:
                targets.add(node)
    if targets:
        bound = MAX_PRUNE_SHARE * plain_chars(tree)
        targets = {node for node in targets if plain_chars(node) <= bound}
    return targets


def remove_all(nodes: Iterable[HtmlElement]) -> int:
    """Remove ``nodes`` from their tree (tails kept); return how many were removed."""
    removed = 0
    for node in nodes:
        if node.getparent() is not None:
            remove_keep_tail(node)
            removed += 1
    return removed


@contextmanager
def detached(nodes: Iterable[HtmlElement]) -> Iterator[None]:
    """Take ``nodes`` out of their tree for the duration of the block, then put them back where they were."""
    spots: list[tuple[HtmlElement, int, HtmlElement]] = []
    for node in nodes:
        parent = node.getparent()
        if parent is not None:
            spots.append((parent, parent.index(node), node))
            parent.remove(node)  # the tail text goes with the node, and comes back with it
    try:
        yield
    finally:
        for parent, index, node in reversed(spots):
            parent.insert(index, node)


def unhide(container: HtmlElement) -> None:
    """Drop ``visibility:hidden`` from the inline styles of the container and its ancestors.

    Live WeChat pages ship ``#js_content`` hidden and reveal it from script; trafilatura
    discards hidden-styled nodes, which loses the article. Only the article container is
    revealed: elsewhere hidden blocks are popups and SEO text. ``display:none`` is left
    alone everywhere.
    """
    for element in (container, *container.iterancestors(), *container.iterdescendants()):
        style = element.get("style") if isinstance(element.tag, str) else None
        if style and _VISIBILITY_HIDDEN.search(style):
            element.set("style", _VISIBILITY_HIDDEN.sub("", style).strip())


def find_body(tree: HtmlElement, xpaths: Iterable[str]) -> HtmlElement | None:
    """The article container: the first XPath with a match showing text, its match showing the most.

    Text is what a browser shows (``visible_chars``): a match holding only a hidden copy
    of the article (a ``display:none`` data box of ``<textarea>``s, a ``<script>``) shows
    none, and is no container; a class test by substring can hit such a box.
    """
    bodies = find_bodies(tree, xpaths)
    return bodies[0] if bodies else None


def find_bodies(tree: HtmlElement, xpaths: Iterable[str]) -> list[HtmlElement]:
    """``find_body``'s container first, then the other parts of an article split into sibling boxes.

    A CMS may set an article as several editor boxes side by side (``<div class="TRS_Editor">``
    three times under ``#zoom``, a quote panel and a gallery between them): the same XPath's
    other matches showing text under the container's own parent are the article's too.
    """
    xpaths = tuple(xpaths)
    if none_can_match(tree, xpaths):
        return []
    for xpath in xpaths:
        sizes = {
            node: visible_chars(node)[0] for node in compiled(xpath)(tree) if isinstance(node, etree._Element)
        }
        nodes = [node for node, size in sizes.items() if size >= PROSE_CHARS]
        if nodes:
            body = max(nodes, key=sizes.__getitem__)
            parent = body.getparent()
            return [body, *(node for node in nodes if node is not body and parent is not None and node.getparent() is parent)]
    return []
