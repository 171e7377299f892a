"""What a browser shows: the elements that never render text, hidden elements, collapsed whitespace."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Elements whose content is never visible text.
SKIP_TAGS = frozenset(
    "script style noscript template textarea select option button input iframe video audio "
    "svg canvas object embed head title meta link map".split()
)
DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
#: Characters that render as nothing (BOM, zero-width spaces and joiners).
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)


def normalize_space(text: str) -> str:
    """Drop invisible characters and collapse every whitespace run to one space."""
    return " ".join(text.translate(_INVISIBLE).split())


def is_hidden(element: HtmlElement) -> bool:
    """True for elements a browser does not render (``hidden``, inline ``display:none``)."""
    return element.get("hidden") is not None or bool(DISPLAY_NONE.search(element.get("style") or ""))


def visible_words(text: str) -> list[str]:
    """The words of ``text`` as a browser shows them: invisible characters dropped, split at whitespace."""
    return text.translate(_INVISIBLE).split()


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
