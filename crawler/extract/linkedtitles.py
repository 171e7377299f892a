"""Linked headlines of other articles inside the text: a list of them under a label, a card standing alone.

Both are lines that are all links and no sentence: another article's headline. A list of
them under a cross-reference label (``Read more:``, ``【热门信用卡推荐】``) goes with its label,
wherever it stands; one card between two of the text's sentences goes when it stands in no
paragraph of the text (an inline card ``<div>``, not a linked point ``<p><a>…</a></p>``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.residue import is_heading
from crawler.extract.shapes import is_prose

if TYPE_CHECKING:
    from crawler.extract.segment import Block


#: A linked headline under a cross-reference label is a short line of links without a sentence's end.
_MAX_LINKED_TITLE = 150
_LINKED = 0.9
_MAX_LABEL = 40
#: A list of them: one linked title under the label heads a related article printed in full
#: (wangyi's 【相关阅读】, whose labels keep it).
_MIN_LINKED_TITLES = 2


def without_linked_references(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop the linked headlines listed under a cross-reference label alone on its line, and the label, wherever they stand.

    ``Read more:`` over ``EU ministers clash over response to U.S. green subsidies`` (a link)
    and another headline between a wire story's paragraphs: the label says what the links
    are. Only a run of two lines or more that are links goes (a related article printed in
    full under 【相关阅读】 is its linked title and then its text).
    """
    out = keep
    for i, block in enumerate(blocks[:-1]):
        # the cheap tests first: a short label that is no link (a menu's items are), a link line after it
        if block.link_density >= 0.5 or len(block.text) > _MAX_LABEL or not _is_linked_title(blocks[i + 1]) or not is_heading(block.text):
            continue
        j = i + 1
        while j < len(blocks) and _is_linked_title(blocks[j]):
            j += 1
        if j - i - 1 < _MIN_LINKED_TITLES or not any(out[i:j]):
            continue
        if out is keep:
            out = list(keep)
        out[i:j] = [False] * (j - i)
    return out


def without_linked_cards(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop a kept linked headline standing alone between two kept sentences (an inline card of another article).

    A paragraph of the text is a sentence; a line outside the text's paragraphs that is all one link and no sentence,
    with the text's sentences on both sides, is a card pointing elsewhere (SCMP's inline article card).
    """
    out = keep
    for i in range(1, len(blocks) - 1):
        if not keep[i] or blocks[i].tag in _TEXT_TAGS or not _is_linked_title(blocks[i]) or len(blocks[i].text) < _MIN_CARD:
            continue
        before = next((j for j in range(i - 1, -1, -1) if keep[j]), None)
        after = next((j for j in range(i + 1, len(blocks)) if keep[j]), None)
        if before is None or after is None or not (is_prose(blocks[before].text) and is_prose(blocks[after].text)):
            continue
        if out is keep:
            out = list(keep)
        out[i] = False
    return out


#: A card's headline is at least this long (a short linked line between paragraphs is a subheading's anchor) and
#: stands in no paragraph or heading of the text (a linked point of a list, ``<p><a>2．…</a></p>``, is the text's).
_MIN_CARD = 20
_TEXT_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "pre"})


def _is_linked_title(block: Block) -> bool:
    text = block.text
    return block.link_density >= _LINKED and len(text) <= _MAX_LINKED_TITLE and text[-1:] not in "。！？.!?；;"
