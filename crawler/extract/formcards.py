"""Sign-up and log-in cards inside the text: a small box of form markup with a control in it.

A newsletter card between two paragraphs (``<div class="Newsletter_card__2Qe8r">`` with
``订阅福布斯中国每日简报``, a line describing it and an ``立即订阅`` button) sits in the article's
container and reads like a sentence or two, so the block model may keep it. Its markup
says what it is: the nearest element classed as a form (``tokens.FORM``: newsletter,
subscribe, signup, login …) or a ``<form>`` holds a control (button, input, select,
textarea) and little text. A page that wraps everything in one ``<form>`` (ASP.NET's
``aspnetForm``) or in a ``modal`` box is no card: the box holds far more text.

A card whose prompt stands beside its ``<form>`` rather than in a form-classed box
(ConvertKit's ``div.ck_form`` holding a heading, a line and the form) is the largest
element around a ``<form>`` asking for an e-mail address or a password that still holds at
most ``MAX_CARD_TEXT`` characters (a recipe's portion calculator is a form too). No card takes half of the kept text or more (a short
article in one box with a sign-up form stays).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.tokens import FORM, attribute_bits, element_bits
from crawler.extract.visible import text_size

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
        if isinstance(tag, str) and element_bits(node, tag) & FORM and _has_control(node):
            # a bare ``<form>`` is a card only when it asks for an account (a portion calculator is a form too)
            if tag != "form" or attribute_bits(node.get, "div") & FORM or _asks_for_an_account(node):
                return node
        node = node.getparent()
    return None


def _has_control(node: HtmlElement) -> bool:
    """A control a reader sees: a button, a select, a text area or an input that is not hidden (ASP.NET's ``__VIEWSTATE`` is)."""
    return any(control.tag != "input" or (control.get("type") or "").lower() != "hidden" for control in node.iter(*_CONTROLS))


def _asks_for_an_account(form: HtmlElement) -> bool:
    """A sign-up or log-in form: it asks for an e-mail address or a password (a recipe's portion calculator asks for a number)."""
    for field in form.iter("input"):
        kind = (field.get("type") or "").lower()
        if kind in ("email", "password") or "mail" in (field.get("name") or "").lower() or "mail" in (field.get("placeholder") or "").lower():
            return True
    return False


def _is_small(card: HtmlElement) -> bool:
    """At most ``MAX_CARD_TEXT`` characters of text, spaces between words counted (measured in C: a page's body is large)."""
    return text_size(card) <= MAX_CARD_TEXT


def _form_cards(forms: list[HtmlElement]) -> set[HtmlElement]:
    """The small boxes around the page's sign-up and log-in ``forms`` (each the largest up to ``MAX_CARD_DEPTH`` levels)."""
    cards = set()
    for form in forms:
        if not _asks_for_an_account(form):
            continue
        card = None
        node: HtmlElement | None = form
        for _ in range(MAX_CARD_DEPTH + 1):
            if node is None or not _is_small(node):
                break
            card, node = node, node.getparent()
        if card is not None:
            cards.add(card)
    return cards


def _in_card(element: HtmlElement, cards: set[HtmlElement]) -> bool:
    node: HtmlElement | None = element
    for _ in range(MAX_CARD_DEPTH + 1):
        if node is None:
            return False
        if node in cards:
            return True
        node = node.getparent()
    return False


def without_form_cards(blocks: list[Block], keep: list[bool], forms: list[HtmlElement]) -> list[bool]:
    """Drop kept blocks inside a sign-up or log-in card: a small form-classed box with a control, or a small box around one of the page's ``forms`` asking for an account."""
    if not any(keep):
        return keep
    cards = _form_cards(forms)
    out = keep
    verdicts: dict[HtmlElement, bool] = {}
    for index, block in enumerate(blocks):
        if not keep[index]:
            continue
        found = False
        if block.bits & FORM:
            card = _card(block.element)
            if card is not None:
                if card not in verdicts:
                    verdicts[card] = _is_small(card)
                found = verdicts[card]
        if not found and cards:
            found = _in_card(block.element, cards)
        if found:
            if out is keep:
                out = list(keep)
            out[index] = False
    if out is keep:
        return keep
    dropped = sum(len(blocks[i].text) for i, (was, now) in enumerate(zip(keep, out)) if was and not now)
    total = sum(len(blocks[i].text) for i, flag in enumerate(keep) if flag)
    return out if dropped * 2 < total else keep
