"""The folded rest of an article: shown by a click on ``展开全文``, in the page all along.

Mobile share pages show the first half of an article and fold the rest into an element
styled ``display:none`` behind a button (``继续阅读全文``, ``展开全文``, ``点击展开``); the text
is in the page, only the click reveals it. ``display:none`` is otherwise left hidden
(popups, SEO text, a hidden copy of the article for scripts), so the fold is recognised
by its button: a hidden element right after (a sibling of) an element whose text is a
fold button, holding sentences that the visible text above does not already hold.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING

from lxml import etree

from crawler.extract.shapes import CJK_SENTENCE_END, key
from crawler.extract.visible import DISPLAY_NONE

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: A fold button's text (the button and, at most, its hint ``打开微博，阅读完整文章``).
_FOLD_BUTTON = re.compile(r"(展开全文|展开阅读全[文部]|继续阅读全文|继续阅读|阅读全文|查看全文|点击展开|剩余\s*\d{1,3}\s*%)")
#: The button's element holds little else.
MAX_BUTTON_TEXT = 40
#: The folded part holds at least this many sentences.
MIN_FOLDED_SENTENCES = 2
#: Elements with an inline style (one XPath in C, instead of a look at every element).
_STYLED = etree.XPath("//*[@style]")
#: How many siblings before the hidden element the button may stand.
BUTTON_REACH = 2
#: A button is a small element: at most this many elements in it (a large sibling is no button,
#: and reading its text would cost).
MAX_BUTTON_ELEMENTS = 8


def _is_button(element: HtmlElement) -> bool:
    if sum(1 for _ in islice(element.iter(), MAX_BUTTON_ELEMENTS + 1)) > MAX_BUTTON_ELEMENTS:
        return False
    text = " ".join(element.text_content().split())
    return bool(text) and len(text) <= MAX_BUTTON_TEXT and _FOLD_BUTTON.search(text) is not None


def _shown_before(element: HtmlElement) -> str:
    """The comparison key of the text of the siblings before ``element`` (what the fold continues)."""
    parent = element.getparent()
    parts = []
    for sibling in parent if parent is not None else ():
        if sibling is element:
            break
        if isinstance(sibling.tag, str):
            parts.append(sibling.text_content())
    return key(" ".join(parts))


#: Every fold button's text holds one of these: a page's source without any has no fold
#: (a substring test on the decoded page, much cheaper than looking at its hidden elements).
_BUTTON_WORDS = ("展开全文", "展开阅读", "继续阅读", "阅读全文", "查看全文", "点击展开", "剩余")


#: Each of ``_BUTTON_WORDS`` holds one of these: a one-character test scans a page many times
#: faster than a word's, and most pages hold none of them.
_BUTTON_CHARS = ("全", "展", "续", "剩")


def may_fold(html_text: str) -> bool:
    """False when the page's decoded source holds no fold button's words (``unfold`` would show nothing)."""
    return any(char in html_text for char in _BUTTON_CHARS) and any(word in html_text for word in _BUTTON_WORDS)


def unfold(tree: HtmlElement) -> list[HtmlElement]:
    """Show the folded rest of an article: drop ``display:none`` from each fold behind a button.

    Returns the elements shown. A hidden element is a fold when one of the
    ``BUTTON_REACH`` element siblings right before it is a fold button, it holds at least
    ``MIN_FOLDED_SENTENCES`` sentences, and its opening is not already shown above (a hidden
    full copy of the article beside a visible excerpt stays hidden).
    """
    shown = []
    for element in _STYLED(tree):
        style = element.get("style") or ""
        if not DISPLAY_NONE.search(style):
            continue
        siblings = islice((s for s in element.itersiblings(preceding=True) if isinstance(s.tag, str)), BUTTON_REACH)
        if not any(_is_button(sibling) for sibling in siblings):
            continue
        text = element.text_content()
        if len(CJK_SENTENCE_END.findall(text)) < MIN_FOLDED_SENTENCES:
            continue
        opening = key(text)[:20]
        if opening and opening in _shown_before(element):
            continue
        element.set("style", DISPLAY_NONE.sub("", style).strip(" ;"))
        shown.append(element)
    return shown
