"""Cut a parsed page into blocks: the lines a browser shows, each with the element it sits in and its context.

One walk over the tree. A block is one line of visible text (a paragraph, a heading, a
list item, the text between two ``<br>``), with the innermost block element holding it,
its depth, the share of its characters inside links, and what its ancestors say they are
(crawler/extract/tokens.py). Tables are told apart: a *data* table (rows of short cells,
no nested tables) gives one block per row with its cells separated by a tab; a *layout*
table's cells are laid out as blocks of their own, never joined with ``|``. ``<pre>``
keeps its line breaks and indentation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.tokens import TAG_BITS, attribute_bits
from crawler.extract.visible import SKIP_TAGS, hidden_by, is_hidden, normalize_space, visible_length, visible_words

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Elements that start and end a line (table cells only in layout tables).
BLOCK_TAGS = frozenset(
    "p div section article main aside header footer nav li ul ol dl dt dd h1 h2 h3 h4 h5 h6 "
    "blockquote table thead tbody tfoot tr td th caption figure figcaption hr center address "
    "form fieldset legend details summary body html menu".split()
)
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
#: A mini-program framework's view element is a ``<div>`` (uni-app's ``<uni-view>``, Taro's ``<taro-view-core>``).
_VIEW_TAGS = ("-view", "-view-core")

# Structural flags of a block (what it sits in), as bits.
HEADING = 1 << 0
LIST_ITEM = 1 << 1
LAYOUT_CELL = 1 << 2
DATA_ROW = 1 << 3
PRE = 1 << 4
QUOTE = 1 << 5
CAPTION = 1 << 6
PRUNED = 1 << 7
CONTAINER = 1 << 8
PARAGRAPH = 1 << 9
_TAG_FLAGS = {
    **dict.fromkeys(HEADINGS, HEADING),
    "li": LIST_ITEM,
    "dt": LIST_ITEM,
    "dd": LIST_ITEM,
    "td": LAYOUT_CELL,
    "th": LAYOUT_CELL,
    "blockquote": QUOTE,
    "figcaption": CAPTION,
    "caption": CAPTION,
    "p": PARAGRAPH,
}
#: A data table's cells are short: a longer cell is page layout (a column of the page).
MAX_DATA_CELL = 300
#: ... and fewer line breaks than this: a cell holding more is a panel or a column, not a value.
MAX_CELL_BREAKS = 3
#: A ``<noscript>`` with this much text below it is the page swallowed by a parse, not a notice.
MIN_SWALLOWED = 500


class Block:
    """One visible line and where it sits."""

    __slots__ = ("text", "link_density", "element", "tag", "depth", "bits", "near", "flags", "index")

    def __init__(
        self, text: str, link_density: float, element: HtmlElement, tag: str, depth: int, bits: int, near: int, flags: int
    ) -> None:
        self.text = text
        self.link_density = link_density
        self.element = element
        self.tag = tag
        self.depth = depth
        self.bits = bits  # category bits of every ancestor and of inline elements in the line
        self.near = near  # category bits of the block element and its two nearest ancestors
        self.flags = flags
        self.index = 0

    @property
    def link_only(self) -> bool:
        """All of the line's text sits inside links."""
        return self.link_density >= 1.0

    def __repr__(self) -> str:
        return f"Block({self.text[:30]!r}, {self.tag}, ld={self.link_density:.2f})"


def _swallowing(element: HtmlElement, tag: str) -> bool:
    """A ``<noscript>`` that holds the page: an unclosed tag in it made libxml2 nest the rest inside."""
    return tag == "noscript" and len(element) > 0 and len(element.text_content()) >= MIN_SWALLOWED


def _cell_text(cell: HtmlElement) -> str:
    return normalize_space(" ".join(_texts(cell)))


def _texts(element: HtmlElement) -> list[str]:
    """Visible text pieces of ``element`` (skipped and hidden subtrees left out; a ``<br>`` is a line break)."""
    found: list[str] = []

    def visit(node: HtmlElement) -> None:
        if not isinstance(node.tag, str) or node.tag in SKIP_TAGS or is_hidden(node):
            return
        if node.tag == "br":
            found.append("\n")
        if node.text:
            found.append(node.text)
        for child in node:
            visit(child)
            if child.tail:
                found.append(child.tail)

    visit(element)
    return found


#: The label of a code block's copy button, which blog platforms put inside the ``<pre>``
#: (掘金, CSDN, cnblogs): it ends the block's text as a line of its own.
_COPY_BUTTON = frozenset({"复制代码", "复制", "Copy", "Copy code", "copy", "COPY"})


def _without_copy_button(text: str) -> str:
    """``text`` of a ``<pre>`` without a last line that is a copy button's label."""
    head, _, last = text.rpartition("\n")
    return head.rstrip("\n") if head and last.strip() in _COPY_BUTTON else text


def _rows(table: HtmlElement) -> list[HtmlElement]:
    return [row for row in table.iter("tr")]


#: A member panel's field: a short label and a colon (``等级：上士``, ``帖子：1204``).
_PANEL_FIELD = re.compile(r"\s*[^\s：:]{1,6}\s*[:：]")
#: A cell with this many list items that are labelled fields is a member panel.
MIN_PANEL_FIELDS = 3


def _is_panel(cell: HtmlElement) -> bool:
    return sum(1 for item in cell.iter("li") if _PANEL_FIELD.match(item.text_content())) >= MIN_PANEL_FIELDS


def is_data_table(table: HtmlElement) -> bool:
    """True for a table of data: no nested table, two rows or more, some with two cells or more, short cells."""
    if any(True for _ in table.iterdescendants("table")):
        return False
    rows = _rows(table)
    if len(rows) < 2:
        return False
    widths = [sum(1 for cell in row if cell.tag in ("td", "th")) for row in rows]
    if sum(1 for width in widths if width >= 2) * 2 < len(rows):
        return False
    cells = list(table.iter("td", "th"))
    if any(sum(1 for _ in cell.iter("br")) >= MAX_CELL_BREAKS for cell in cells):
        return False  # a cell of several lines: a forum's user panel, a column of links
    if any(True for cell in cells for _ in cell.iter("dl")) or any(_is_panel(cell) for cell in cells):
        return False  # a forum user panel: its fields as a definition list or as labelled items (等级：, 积分：)
    return all(len(_cell_text(cell)) <= MAX_DATA_CELL for cell in cells)


class _Walker:
    def __init__(self, pruned: set[HtmlElement], containers: set[HtmlElement]) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.line_bits = 0
        self.pruned = pruned
        self.containers = containers
        # the innermost open block element: (element, tag, depth, bits, near, flags)
        self.context: tuple[HtmlElement, str, int, int, int, int] | None = None

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += visible_length(text)

    def flush(self) -> None:
        if not self.parts:
            return
        words = visible_words("".join(self.parts))
        if words and self.context is not None:
            text = " ".join(words)
            element, tag, depth, bits, near, flags = self.context
            total = sum(map(len, words))
            density = min(1.0, self.link_chars / total) if total else 0.0
            self.blocks.append(Block(text, density, element, tag, depth, bits | self.line_bits, near, flags))
        self.parts, self.link_chars, self.line_bits = [], 0, 0

    def emit(self, text: str, link_density: float, element: HtmlElement, tag: str, depth: int, bits: int, near: int, flags: int) -> None:
        self.flush()
        if text.strip():
            self.blocks.append(Block(text, link_density, element, tag, depth, bits, near, flags))

    def walk(self, element: HtmlElement, in_link: bool, depth: int, bits: int, near: tuple[int, int], flags: int) -> None:
        # The hottest loop of extraction: self.add is inlined for text and tail.
        tag = element.tag
        get = element.attrib.get if element.attrib else None  # one attribute proxy for the hidden test and the class bits
        hidden = get is not None and hidden_by(get)
        if not isinstance(tag, str) or tag in SKIP_TAGS and not _swallowing(element, tag) or hidden:
            tail = element.tail
            if tail:
                self.parts.append(tail)
                if in_link:
                    self.link_chars += visible_length(tail)
            return
        own = attribute_bits(get, tag) if get is not None else TAG_BITS.get(tag, 0)
        bits |= own
        flags |= _TAG_FLAGS.get(tag, 0)
        pruned = bool(self.pruned) and element in self.pruned
        if pruned:
            flags |= PRUNED
        if self.containers and element in self.containers:
            flags |= CONTAINER
        near_bits = own | near[0] | near[1]
        if tag == "table" and is_data_table(element):
            self.data_table(element, depth, bits, near_bits, flags & ~LAYOUT_CELL)
        elif tag == "pre":
            text = _without_copy_button("\n".join(line.rstrip() for line in "".join(_texts(element)).strip("\n").splitlines()))
            links = sum(visible_length(a.text_content()) for a in element.iter("a"))
            total = visible_length(text)
            self.emit(text, min(1.0, links / total) if total else 0.0, element, "pre", depth, bits, near_bits, flags | PRE)
        else:
            # a pruned inline element is cut out as a line of its own, so its text never
            # joins the surrounding line that stays
            block = tag in BLOCK_TAGS or pruned or "-" in tag and tag.endswith(_VIEW_TAGS)
            self.walk_children(element, tag, block, in_link or tag == "a", depth, bits, (own, near[0]), near_bits, flags)
        tail = element.tail
        if tail:
            self.parts.append(tail)
            if in_link:
                self.link_chars += visible_length(tail)

    def walk_children(
        self, element: HtmlElement, tag: str, block: bool, in_link: bool, depth: int, bits: int, near: tuple[int, int],
        near_bits: int, flags: int,
    ) -> None:
        saved = self.context
        if block:
            if self.parts:  # ``flush`` only with text pending: most elements hold none
                self.flush()
            self.context = (element, tag, depth, bits, near_bits, flags)
        elif tag == "br":
            if self.parts:
                self.flush()
        elif near[0]:
            self.line_bits |= near[0]
        text = element.text
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += visible_length(text)
        walk = self.walk
        depth += 1
        for child in element:
            walk(child, in_link, depth, bits, near, flags)
        if block:
            if self.parts:
                self.flush()
            self.context = saved

    def data_table(self, table: HtmlElement, depth: int, bits: int, near: int, flags: int) -> None:
        self.flush()
        for row in _rows(table):
            cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th") and not is_hidden(cell)]
            texts = [_cell_text(cell) for cell in cells]
            while texts and not texts[-1]:
                texts.pop()
            if not any(texts):
                continue
            text = "\t".join(texts)
            links = sum(visible_length(a.text_content()) for cell in cells for a in cell.iter("a"))
            total = visible_length(text)
            self.emit(text, min(1.0, links / total) if total else 0.0, row, "tr", depth + 1, bits, near, flags | DATA_ROW)


def segment(tree: HtmlElement, pruned: set[HtmlElement] | None = None, containers: list[HtmlElement] | None = None) -> list[Block]:
    """The visible blocks of ``tree`` in document order.

    Args:
        tree: the parsed page.
        pruned: elements a site profile marks as chrome; their blocks carry ``PRUNED``.
        containers: the profile's article container (and the other parts of an article split
            into sibling boxes); their blocks carry ``CONTAINER``.
    """
    walker = _Walker(pruned or set(), set(containers or ()))
    root = tree
    walker.context = (root, root.tag if isinstance(root.tag, str) else "html", 0, 0, 0, 0)
    walker.walk_children(root, "html", True, False, 0, 0, (0, 0), 0, 0)
    walker.flush()
    for index, block in enumerate(walker.blocks):
        block.index = index
    return walker.blocks
