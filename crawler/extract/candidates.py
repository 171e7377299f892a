"""Independent opinions on the main text: trafilatura's extraction, mapped back onto the page's blocks.

trafilatura returns text, not elements, so its output is aligned with the blocks by
comparison keys (letters and digits only): walking the blocks in document order, a block
is in the output when its key occurs at or after the point the previous match ended.
Short keys must occur close to that point, so a two-character link text is not "found"
inside a long paragraph that happens to contain it.
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

import trafilatura

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.extract.segment import Block

_NOT_KEY = re.compile(r"[\W_]+")
#: Keys shorter than this count as found only near the running match position.
SHORT_KEY = 8
#: ... within this many key characters of it.
NEAR = 40
#: Keys at least this long also count when they occur out of order.
LONG_KEY = 20


def key(text: str) -> str:
    """Comparison form of a text: letters and digits only, case-folded."""
    return _NOT_KEY.sub("", text).casefold()


def trafilatura_text(tree: HtmlElement) -> str:
    """trafilatura's main text of ``tree`` (plain text, tables included, recall favoured).

    Its own rules only (``fast``: no readability/jusText fallbacks, which the block
    model's own readability-style scores stand in for). trafilatura works on a copy, so
    ``tree`` is left as it was.
    """
    with warnings.catch_warnings():
        # trafilatura/htmldate may warn about odd markup; the extraction is what counts.
        warnings.simplefilter("ignore")
        text = trafilatura.extract(
            tree,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            fast=True,
            with_metadata=False,
            deduplicate=False,
        )
    return text or ""


def found_in(keys: list[str], text: str) -> list[bool]:
    """For each block key, in document order: does ``text`` contain it (aligned in order)?"""
    haystack = key(text)
    found = []
    cursor = 0
    for block_key in keys:
        hit = False
        if block_key and haystack:
            position = haystack.find(block_key, cursor)
            if position >= 0 and (len(block_key) >= SHORT_KEY or position - cursor <= NEAR):
                hit = True
                cursor = position + len(block_key)
            elif len(block_key) >= LONG_KEY and block_key in haystack:
                hit = True
        found.append(hit)
    return found


def block_keys(blocks: list[Block]) -> list[str]:
    """The comparison key of every block."""
    return [key(block.text) for block in blocks]
