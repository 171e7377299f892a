"""What a browser shows: the elements that never render text, hidden elements, collapsed whitespace."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

#: Elements whose content is never visible text.
SKIP_TAGS = frozenset(
    "script style noscript template textarea select option button input iframe video audio "
    "svg canvas object embed head title meta link map".split()
)
DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
#: Characters that render as nothing (BOM, zero-width spaces and joiners).
_INVISIBLE_CHARS = "\ufeff\u200b\u200c\u200d\u2060"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), None)
#: The search for one: ``str.translate`` reads a non-ASCII text a character at a time
#: through its table, four times slower than this search, which nearly every text fails.
_ANY_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")


def _visible(text: str) -> str:
    """``text`` without its invisible characters (``text`` itself when it has none)."""
    return text if _ANY_INVISIBLE.search(text) is None else text.translate(_INVISIBLE)


def normalize_space(text: str) -> str:
    """Drop invisible characters and collapse every whitespace run to one space."""
    return " ".join(_visible(text).split())


def is_hidden(element: HtmlElement) -> bool:
    """True for elements a browser does not render (``hidden``, inline ``display:none``)."""
    return hidden_by(element.get)


def hidden_by(get: Callable[[str], str | None]) -> bool:
    """``is_hidden`` read through an element's attribute getter (the segmenter holds one already)."""
    if get("hidden") is not None:
        return True
    style = get("style")
    return bool(style) and DISPLAY_NONE.search(style) is not None


def visible_words(text: str) -> list[str]:
    """The words of ``text`` as a browser shows them: invisible characters dropped, split at whitespace."""
    return _visible(text).split()


def visible_length(text: str | None) -> int:
    """Characters of ``text`` other than whitespace."""
    return len("".join(text.split())) if text else 0


def visible_chars(element: HtmlElement) -> tuple[int, int]:
    """Visible characters below ``element`` (its tail left out, whitespace not counted), and of those inside links."""
    counts = [0, 0]

    def visit(node: HtmlElement, in_link: bool) -> None:
        if not isinstance(node.tag, str) or node.tag in SKIP_TAGS or is_hidden(node):
            return
        in_link = in_link or node.tag == "a"
        size = visible_length(node.text)
        for child in node:
            visit(child, in_link)
            size += visible_length(child.tail)
        counts[0] += size
        if in_link:
            counts[1] += size

    visit(element, False)
    return counts[0], counts[1]


_TEXT_SIZE = etree.XPath("string-length(normalize-space(.))")


def text_size(element: HtmlElement) -> float:
    """Characters of ``element``'s text, a space between words counted, measured in C (a page's body is large)."""
    return _TEXT_SIZE(element)
