"""Serialise a DOM subtree into visible text lines, one per block, as a browser lays it out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Elements whose content is never visible text.
SKIP_TAGS = frozenset(
    "script style noscript template textarea select option button input iframe video audio "
    "svg canvas object embed head title meta link map".split()
)
#: Elements that start and end a line.
BLOCK_TAGS = frozenset(
    "p div section article main aside header footer nav li ul ol dl dt dd h1 h2 h3 h4 h5 h6 "
    "blockquote pre table thead tbody tfoot tr caption figure figcaption hr center address "
    "form fieldset legend details summary body html".split()
)
_CELL_TAGS = frozenset(("td", "th"))
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
#: Characters that render as nothing (BOM, zero-width spaces and joiners).
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)


@dataclass(frozen=True)
class Line:
    """One line of visible text; ``link_only`` when all of it sits inside links."""

    text: str
    link_only: bool


def normalize_space(text: str) -> str:
    """Drop invisible characters and collapse every whitespace run to one space."""
    return " ".join(text.translate(_INVISIBLE).split())


def is_hidden(element: HtmlElement) -> bool:
    """True for elements a browser does not render (``hidden``, inline ``display:none``)."""
    return element.get("hidden") is not None or bool(_DISPLAY_NONE.search(element.get("style") or ""))


class _Builder:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.plain = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if not text:
            return
        self.parts.append(text)
        if not in_link:
            self.plain += len(normalize_space(text))

    def flush(self) -> None:
        text = normalize_space("".join(self.parts))
        if text:
            self.lines.append(Line(text, self.plain == 0))
        self.parts, self.plain = [], 0

    def walk(self, element: HtmlElement, in_link: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag and tag.lower() not in SKIP_TAGS and not is_hidden(element):
            tag = tag.lower()
            block = tag in BLOCK_TAGS
            if block or tag == "br":
                self.flush()
            elif tag in _CELL_TAGS:
                self.add(" ", True)
            link = in_link or tag == "a"
            self.add(element.text, link)
            for child in element:
                self.walk(child, link)
            if block:
                self.flush()
        self.add(element.tail, in_link)


def block_lines(root: HtmlElement) -> list[Line]:
    """Return the visible text lines of ``root`` in document order."""
    builder = _Builder()
    builder.add(root.text, False)
    for child in root:
        builder.walk(child, False)
    builder.flush()
    return builder.lines
