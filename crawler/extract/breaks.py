"""Paragraphs written with ``<br>``: wrap each stretch of inline text between breaks in a ``<p>``.

Older portals, forums, blogs and many county-level government sites lay an article out
as one ``<div>``, table cell or ``<font>`` of text with ``<br><br>`` (or a single ``<br>``) between
paragraphs rather than as ``<p>`` elements. Readability does this rewrite for double
breaks (readability.js ``_replaceBrs``); done here before the page is read, the
paragraphs look like paragraphs to every reader of the tree, trafilatura's pass and the
block features alike (measured in docs/extraction.md).

- A holder (``<div>``, a table cell, …) with a double break is cut at its double breaks
  and at its block elements; one whose text runs in three or more lines of 40 visible
  characters or more on average, single breaks between, is cut at every break (a short
  line is an address or a verse, not a paragraph).
- A stretch is wrapped when it holds visible text, most of it outside links (a line of
  links is no paragraph), in a holder whose class words do not name chrome (a footer of
  long lines stays a footer).
- Breaks stay where they were, so lines are cut exactly as before; nothing is removed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.tokens import CHROME, CONTENT, element_bits
from crawler.extract.visible import SKIP_TAGS, visible_chars, visible_length

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Elements whose breaks may separate paragraphs (older pages hold a whole article in a
#: ``<font>``; a ``<p>``'s own breaks are line breaks inside it; headings, list items and
#: ``<pre>`` keep theirs).
HOLDERS = frozenset(["div", "td", "th", "section", "article", "main", "body", "blockquote", "center", "font", "span"])
#: Content a paragraph may hold.
INLINE = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"]
)
#: Single breaks separate paragraphs in a holder of at least this many lines ...
MIN_LINES = 3
#: ... this many visible characters long on average.
MIN_LINE_CHARS = 40
#: Characters lxml refuses in text set through its API (a parsed page may hold them; none shows).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: A stretch: the element whose tail holds its leading text (``None``: the holder's own
#: text) and the nodes that follow it.
Stretch = tuple["HtmlElement | None", list["HtmlElement"]]


def paragraphs_from_breaks(tree: HtmlElement) -> int:
    """Wrap the paragraphs of ``<br>``-separated text in ``<p>`` (in place); the number of holders rewritten."""
    holders, double = _break_holders(tree)
    wrapped = 0
    for holder in holders:
        if _chrome(holder):
            continue
        every_break = holder not in double
        stretches = [(stretch, _counts(holder, stretch)) for stretch in _stretches(holder, every_break)]
        if every_break and not _lines_of_prose([size for _, (size, _) in stretches]):
            continue
        wrapped += _wrap(holder, stretches)
    return wrapped


def _is_break(node: object) -> bool:
    return getattr(node, "tag", None) == "br"


def _break_holders(tree: HtmlElement) -> tuple[list[HtmlElement], set[HtmlElement]]:
    """Holders with a break, in document order, and those of them with a double break (two, only whitespace between)."""
    found: dict[HtmlElement, None] = {}
    double: set[HtmlElement] = set()
    for br in tree.iter("br"):
        parent = br.getparent()
        if parent is None or parent.tag not in HOLDERS:
            continue
        found[parent] = None
        if not (br.tail or "").strip() and _is_break(br.getnext()):
            double.add(parent)
    return list(found), double


def _lines_of_prose(sizes: list[int]) -> bool:
    """Text in lines of these visible sizes runs in enough lines that are long on average."""
    sizes = [size for size in sizes if size]
    return len(sizes) >= MIN_LINES and sum(sizes) >= MIN_LINE_CHARS * len(sizes)


def _is_block(node: HtmlElement) -> bool:
    tag = node.tag
    return isinstance(tag, str) and tag not in INLINE and tag not in SKIP_TAGS and tag != "br"


def _stretches(holder: HtmlElement, every_break: bool) -> list[Stretch]:
    """The holder's content between its separators: double breaks (or every break) and block elements."""
    children = list(holder)
    found: list[Stretch] = []
    owner: HtmlElement | None = None
    nodes: list[HtmlElement] = []
    i = 0
    while i < len(children):
        j = i  # a double break: breaks with only whitespace between, children[i..j]
        while j + 1 < len(children) and _is_break(children[j]) and _is_break(children[j + 1]) and not (children[j].tail or "").strip():
            j += 1
        child = children[j]
        if j > i or every_break and _is_break(child) or _is_block(child):
            found.append((owner, nodes))
            owner, nodes = child, []
        else:
            nodes.append(child)
        i = j + 1
    found.append((owner, nodes))
    return found


def _counts(holder: HtmlElement, stretch: Stretch) -> tuple[int, int]:
    """Visible characters of a stretch, and of those inside links."""
    owner, nodes = stretch
    total, linked = visible_length(holder.text if owner is None else owner.tail), 0
    for node in nodes:
        size, inside = visible_chars(node)
        total += size + visible_length(node.tail)
        linked += inside
    return total, linked


def _chrome(holder: HtmlElement) -> bool:
    """The holder or one of its two nearest ancestors says it is page chrome (footer, navigation, …)."""
    node: HtmlElement | None = holder
    for _ in range(3):
        if node is None:
            return False
        bits = element_bits(node, node.tag if isinstance(node.tag, str) else "")
        if bits & CHROME and not bits & CONTENT:
            return True
        node = node.getparent()
    return False


def _wrap(holder: HtmlElement, stretches: list[tuple[Stretch, tuple[int, int]]]) -> bool:
    """Wrap each stretch with visible text, less than half of it in links, in a ``<p>``.

    ``stretches`` come with their counts, taken before any is wrapped (wrapping one moves
    only its own nodes, so the others' counts stay true).
    """
    wrapped = False
    for (owner, nodes), (size, linked) in stretches:
        if not size or 2 * linked >= size:
            continue
        text = holder.text if owner is None else owner.tail
        paragraph = holder.makeelement("p", {})
        paragraph.text = _NOT_XML.sub("", text) if text else None
        if owner is None:
            holder.text = None
            holder.insert(0, paragraph)
        else:
            owner.tail = None
            owner.addnext(paragraph)
        for node in nodes:
            paragraph.append(node)  # a node's tail moves with it
        wrapped = True
    return wrapped
