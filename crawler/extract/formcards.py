"""Sign-up and log-in cards inside the text: a small box of form markup with a control in it.

A newsletter card between two paragraphs (``<div class="Newsletter_card__2Qe8r">`` with
``订阅福布斯中国每日简报``, a line describing it and an ``立即订阅`` button) sits in the article's
container and reads like a sentence or two, so the block model may keep it. Its markup
says what it is: the nearest element classed as a form (``tokens.FORM``: newsletter,
subscribe, signup, login …) or a ``<form>`` holds a control (button, input, select,
textarea) and little text. A page that wraps everything in one ``<form>`` (ASP.NET's
``aspnetForm``) or in a ``modal`` box is no card: the box holds far more text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.tokens import FORM, element_bits

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.extract.segment import Block

#: A card is the nearest form-classed element with a control at most this many levels above a block ...
MAX_CARD_DEPTH = 6
#: ... holding at most this many characters of text (its prompt, a description, a button).
MAX_CARD_TEXT = 400
_CONTROLS = ("button", "input", "select", "textarea")


def _card(element: HtmlElement) -> HtmlElement | None:
    """The nearest form-classed element above ``element`` (or itself) that holds a control."""
    node: HtmlElement | None = element
    for _ in range(MAX_CARD_DEPTH + 1):
        if node is None:
            return None
        tag = node.tag
        if isinstance(tag, str) and element_bits(node, tag) & FORM and any(True for _ in node.iter(*_CONTROLS)):
            return node
        node = node.getparent()
    return None


def _is_small(card: HtmlElement) -> bool:
    return sum(len(word) for word in card.text_content().split()) <= MAX_CARD_TEXT


def without_form_cards(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop kept blocks inside a sign-up or log-in card: a small form-classed box with a control."""
    out = keep
    verdicts: dict[HtmlElement, bool] = {}
    for index, block in enumerate(blocks):
        if not keep[index] or not block.bits & FORM:
            continue
        card = _card(block.element)
        if card is None:
            continue
        if card not in verdicts:
            verdicts[card] = _is_small(card)
        if verdicts[card]:
            if out is keep:
                out = list(keep)
            out[index] = False
    return out
