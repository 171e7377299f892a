"""App, QR-code and sign-up promo boxes inside the text: the slogan beside the promo's own line or button.

A promo box between two paragraphs (a QR code, ``下载与非网APP`` and its slogan
``随时随地查看芯片行业资讯、器件参数与替代料``, maybe a ``立即了解>>`` button) loses its
promo line to the line rules or the model, but the slogan reads like a short heading and
may stay. What tells it is the box: the slogan and a promo line (``boilerplate.rule_name``:
``app_promo`` or ``qr_promo``) next to it share a small element, at most ``MAX_BOX_TEXT``
characters of text, so the slogan is the promo's. A subheading after an app promo that
stands between the article's paragraphs shares only the article's container with it.

A sign-up box's pitch beside its button (Patch's ``Find out what's happening in Montclair with
free, real-time updates from Patch.`` over a ``Subscribe`` link) is told the same way, where
the line beside it is a call to action that is all link (``Subscribe``, ``Sign up``, ``Get
started`` …) and the small box is classed as an ad or a form (``tokens``: promo, newsletter …); beside a
donation button (``Donate today``) the small box needs no class.

A video or audio card's title (La Vanguardia's ``Así funciona por dentro la desalinizadora del
Llobregat`` between ``Vídeo`` and ``01:47``) is told the same way: it shares a small box with the
card's bare label or its length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re

from crawler.extract.boilerplate import is_boilerplate, rule_name
from crawler.extract.shapes import SENTENCE_MARK
from crawler.extract.tokens import AD, FORM, element_bits
from crawler.extract.visible import text_size

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
#: A sign-up box's button: a call to action, all link.
_CALL_TO_ACTION = re.compile(
    r"\W*(subscribe( now)?|sign ?up( now| for free)?|sign me up|(let's )?get started|join( now| us)?|register( now)?"
    r"|start (your )?free trial|try it (for )?free|get the app|download the app)\W*",
    re.IGNORECASE,
)
#: A donation or membership box's button: its pitch needs no class to tell it (``Donate today`` under ``Help us bring our rivers
#: back to life``, ``Werde jetzt Mitglied``).
_DONATE = re.compile(
    r"\W*((donate|give|spenden|jetzt spenden|faire un don|donar|dona ora|doneer)( now| today| jetzt| ahora| ora| nu)?"
    r"|(jetzt )?mitglied werden|(werde|werden sie) (jetzt )?mitglied|become a member( today| now)?|adhérez|hazte socio)\W*",
    re.IGNORECASE,
)
_MIN_BUTTON_LINKS = 0.5
#: A media card's title is a line without a sentence's end, at most this long, beside ...
MAX_MEDIA_TITLE = 100
#: ... its bare label or length (``Vídeo``, ``视频``, ``01:47``).
_MEDIA_MARK = re.compile(r"\W*(v[íi]d[eé]o|audio|podcast|视频|音频|播客)\W*|\d{1,2}:\d{2}(:\d{2})?", re.IGNORECASE)
#: A pitch beside such a button is one line, up to a sentence or two.
MAX_PITCH = 160
#: ... in a box of at most this many characters.
MAX_PITCH_BOX = 200
#: The promo line stands this close to the slogan (a button may stand between).
_REACH = 2


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


def _is_media_mark(text: str) -> bool:
    """A media card's bare label or length, or its player's status (``腾讯视频 正在加载…``)."""
    # the combined test first: naming the rule reads every pattern, 4 ms a page on lines that match none
    return _MEDIA_MARK.fullmatch(text) is not None or len(text) <= MAX_SLOGAN and is_boilerplate(text) and rule_name(text) == "video_player"


def _is_button(block: Block) -> bool:
    return len(block.text) <= 30 and block.link_density >= _MIN_BUTTON_LINKS and _CALL_TO_ACTION.fullmatch(block.text) is not None


def _is_donate_button(block: Block) -> bool:
    return len(block.text) <= 30 and block.link_density >= _MIN_BUTTON_LINKS and _DONATE.fullmatch(block.text) is not None


def _in_box(block: Block, other: Block, limit: int, classed: bool) -> bool:
    """True when ``block`` and ``other`` share an element of at most ``limit`` characters (classed as an ad or a form, if ``classed``)."""
    box = _shared(block.element, other.element)
    if box is None or classed and not element_bits(box, box.tag) & (AD | FORM):
        return False
    return text_size(box) <= limit


def without_promo_slogans(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop a kept line that shares a small box with a neighbouring app or QR-code promo line, a media card's label or
    length, or a sign-up button."""
    out = keep
    for i, block in enumerate(blocks):
        text = block.text
        if not keep[i] or len(text) > MAX_PITCH:
            continue
        slogan = _is_slogan(text)
        media = len(text) <= MAX_MEDIA_TITLE and SENTENCE_MARK.search(text.rstrip("？?")) is None  # a title may ask
        for j in range(max(0, i - _REACH), min(len(blocks), i + _REACH + 1)):
            if j == i:
                continue
            other = blocks[j]
            if (
                slogan and _is_promo(other.text) and _in_box(block, other, MAX_BOX_TEXT, classed=False)
                or media and _is_media_mark(other.text) and _in_box(block, other, MAX_BOX_TEXT, classed=False)
                or _is_button(other) and _in_box(block, other, MAX_PITCH_BOX, classed=True)
                or _is_donate_button(other) and _in_box(block, other, MAX_PITCH_BOX, classed=False)
            ):
                if out is keep:
                    out = list(keep)
                out[i] = False
                break
    return out if any(out) else keep
