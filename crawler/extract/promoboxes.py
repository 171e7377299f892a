"""App and QR-code promo boxes inside the text: the slogan beside the promo's own line.

A promo box between two paragraphs (a QR code, ``下载与非网APP`` and its slogan
``随时随地查看芯片行业资讯、器件参数与替代料``, maybe a ``立即了解>>`` button) loses its
promo line to the line rules or the model, but the slogan reads like a short heading and
may stay. What tells it is the box: the slogan and a promo line (``boilerplate.rule_name``:
``app_promo`` or ``qr_promo``) next to it share a small element, at most ``MAX_BOX_TEXT``
characters of text, so the slogan is the promo's. A subheading after an app promo that
stands between the article's paragraphs shares only the article's container with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.boilerplate import is_boilerplate, rule_name
from crawler.extract.shapes import SENTENCE_MARK

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.extract.segment import Block

#: The kinds of line that make a box a promo.
PROMO_RULES = frozenset({"app_promo", "qr_promo"})
#: A slogan is a short line without a sentence's end ...
MAX_SLOGAN = 40
#: ... in a box holding at most this many characters (the promo, its slogan, a button).
MAX_BOX_TEXT = 120
#: Every promo line holds one of these (a cheap test before the patterns).
_PROMO_WORDS = ("APP", "App", "app", "客户端", "下载", "扫码", "扫一扫", "二维码", "长按", "打开")
#: The promo line stands this close to the slogan (a button may stand between).
_REACH = 2
_TEXT_SIZE = etree.XPath("string-length(normalize-space(.))")


def _shared(first: HtmlElement, second: HtmlElement) -> HtmlElement | None:
    """The nearest element holding both ``first`` and ``second``."""
    above = {first, *first.iterancestors()}  # the set holds the proxies: an element is found by identity
    node: HtmlElement | None = second
    while node is not None and node not in above:
        node = node.getparent()
    return node


def _is_slogan(text: str) -> bool:
    return len(text) <= MAX_SLOGAN and SENTENCE_MARK.search(text) is None


def _is_promo(text: str) -> bool:
    return any(word in text for word in _PROMO_WORDS) and is_boilerplate(text) and rule_name(text) in PROMO_RULES


def without_promo_slogans(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop a kept short line that shares a small box with a neighbouring app or QR-code promo line."""
    out = keep
    for i, block in enumerate(blocks):
        if not keep[i] or not _is_slogan(block.text):
            continue
        for j in range(max(0, i - _REACH), min(len(blocks), i + _REACH + 1)):
            if j == i or not _is_promo(blocks[j].text):
                continue
            box = _shared(block.element, blocks[j].element)
            if box is not None and _TEXT_SIZE(box) <= MAX_BOX_TEXT:
                out = out if out is not keep else list(keep)
                out[i] = False
                break
    return out if any(out) else keep
