"""An ad's box inside the text, known by its label: ``Werbung``, ``Anzeige``, ``Advertisement``, ``广告`` alone on a line.

A sponsored box between two paragraphs (finanzen.net's leverage products under ``Werbung``: a
heading, a pitch that reads as sentences, a table of buttons, the issuer's legal line) keeps its
sentences in the model's eyes; its label says what the box is. The label's own element sits in
the box, so the box is the label's parent, when that is small (at most ``MAX_AD_BOX``
characters: the text's container is larger); the kept lines inside it after the label go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.visible import text_size

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.extract.segment import Block

#: An ad's label alone on its line (lower-cased; a set, read once a line: most lines are tested).
_AD_LABELS = frozenset({"werbung", "anzeige", "advertisement", "sponsored", "gesponsert", "publicité", "publicidad", "pubblicità", "广告", "推广", "赞助"})
_MAX_LABEL = 16
#: The box holds at most this many characters of text.
MAX_AD_BOX = 800
#: ... and its lines follow the label within this many blocks.
_REACH = 20


def _inside(element: HtmlElement, box: HtmlElement) -> bool:
    return any(ancestor is box for ancestor in element.iterancestors())


def without_labelled_ads(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop the kept lines of a small box that opens with an ad's label."""
    out = keep
    for i, block in enumerate(blocks):
        if len(block.text) > _MAX_LABEL or block.text.strip().lower() not in _AD_LABELS:
            continue
        box = block.element.getparent()
        if box is None or box.tag == "body" or text_size(box) > MAX_AD_BOX:
            continue
        for j in range(i + 1, min(len(blocks), i + 1 + _REACH)):
            if not _inside(blocks[j].element, box):
                break
            if out[j]:
                if out is keep:
                    out = list(keep)
                out[j] = False
    return out
