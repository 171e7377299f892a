"""Independent opinions on the main text: trafilatura's extraction, mapped back onto the page's blocks.

trafilatura returns text, not elements, so its output is aligned with the blocks by
comparison keys (letters and digits only): walking the blocks in document order, a block
is in the output when its key occurs at or after the point the previous match ended.
Short keys must occur close to that point, so a two-character link text is not "found"
inside a long paragraph that happens to contain it.
"""

from __future__ import annotations

import warnings
from functools import cache
from typing import TYPE_CHECKING

import trafilatura
from trafilatura.settings import Extractor

from crawler.extract.shapes import key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

    from crawler.extract.segment import Block

#: Keys shorter than this count as found only near the running match position.
SHORT_KEY = 8
#: ... within this many key characters of it.
NEAR = 40
#: Keys at least this long also count when they occur out of order.
LONG_KEY = 20


def inert(elements: Iterable[HtmlElement]) -> list[HtmlElement]:
    """Of the page's script, style, svg, link and meta ``elements`` (``TagIndex.inert``), those trafilatura's pass can do without.

    Kept: JSON-LD scripts (trafilatura reads them to tell a forum thread) and elements
    whose tail holds text (taking them out would take the text along). Measured on the
    development sets and fixtures: trafilatura's text differs only in whitespace-only
    lines, which comparison keys ignore; the pass takes about 10 % less time.
    """
    found = []
    for element in elements:
        tail = element.tail
        if tail and not tail.isspace():
            continue
        if element.tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json":
            continue
        found.append(element)
    return found


@cache
def _options() -> Extractor:
    """trafilatura's settings for ``trafilatura_text``, built once per process.

    Building them reads trafilatura's configuration each time (about 0.2 ms a page);
    trafilatura never changes an ``Extractor`` it is handed (its recall retry works on a copy).
    """
    return Extractor(
        output_format="txt", fast=True, recall=True, comments=False, tables=True, dedup=False, with_metadata=False
    )


def trafilatura_text(tree: HtmlElement) -> str:
    """trafilatura's main text of ``tree`` (plain text, tables included, recall favoured).

    Its own rules only (``fast``: no readability/jusText fallbacks, which the block
    model's own readability-style scores stand in for). trafilatura works on a copy, so
    ``tree`` is left as it was.
    """
    with warnings.catch_warnings():
        # trafilatura/htmldate may warn about odd markup; the extraction is what counts.
        warnings.simplefilter("ignore")
        text = trafilatura.extract(tree, options=_options())
    return text or ""


#: A region is screened from trafilatura when at least this share of its text is link text ...
SCREEN_LINKS = 0.5
#: ... and it holds less than this share of the page's text.
SCREEN_SHARE = 0.3


def screened(
    chars: dict[HtmlElement, float], links: dict[HtmlElement, float], total: int, keep: set[HtmlElement]
) -> list[HtmlElement]:
    """The regions trafilatura need not read: link-heavy, small, whole, outside the likely article.

    A region is a largest element whose text is mostly link text (its parent's is not):
    a menu, a link list, a link footer. trafilatura's cost grows with the tree, and these
    are what its own link-density rules cut first; so its pass reads the page without
    them (they are put back afterwards), and the model does not score their blocks: none
    is main text. A region holding much of the page (a column listing's list) is never
    screened, nor are its parts. Measured on the development sets: 0.3 % of the labelled
    main text sits in screened regions; the pass takes 30-40 % less time.

    Args:
        chars: visible characters below each element (``density.Candidates.chars``).
        links: of which inside links (``density.Candidates.link_chars``).
        total: the page's visible characters.
        keep: the likely article: the profile's container and the readability-style
            scorer's elements. Nothing inside them, nor any ancestor of them, is screened.
    """
    limit = SCREEN_SHARE * total
    holders = {ancestor for node in keep for ancestor in node.iterancestors()}
    heavy = {element for element, size in chars.items() if size and links.get(element, 0.0) >= SCREEN_LINKS * size}
    found = []
    for element in chars:  # insertion order: the same on every run
        if element not in heavy:
            continue
        parent = element.getparent()
        if parent is None or parent in heavy:
            continue  # not a whole region: it is part of a larger one, judged as a whole
        if chars[element] >= limit or element in keep or element in holders:
            continue
        if any(ancestor in keep for ancestor in element.iterancestors()):
            continue
        found.append(element)
    return found


def found_in(keys: list[str], text: str) -> list[bool]:
    """For each block key, in document order: does ``text`` contain it (aligned in order)?"""
    haystack = key(text)
    found = []
    cursor = 0
    for block_key in keys:
        hit = False
        if block_key and haystack:
            size = len(block_key)
            # a short key is only looked for near the cursor (a miss need not scan the rest)
            end = cursor + NEAR + size if size < SHORT_KEY else len(haystack)
            position = haystack.find(block_key, cursor, end)
            if position >= 0:
                hit = True
                cursor = position + size
            elif size >= LONG_KEY and haystack.find(block_key, 0, cursor + size - 1) >= 0:  # out of order, before
                hit = True
        found.append(hit)
    return found


def block_keys(blocks: list[Block]) -> list[str]:
    """The comparison key of every block."""
    return [key(block.text) for block in blocks]
