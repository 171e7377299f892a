"""Block features for the main-text model: text cues, links, structure, position and other methods' opinions.

Every feature is a general signal, measured the same way on any site: what the line's
text looks like (crawler/extract/cues.py), how much of it is links, what its tags and
class words say (crawler/extract/tokens.py), where it sits on the page and relative to
the headline, whether trafilatura's extraction and the readability-style scorer include
it, whether the site profile's container holds it, what the regions above it (parent,
grandparent, great-grandparent) hold, and the same for its neighbours. ``BLOCK_FEATURES``
names them in order; the model's weight file must list exactly these names.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from crawler.extract import segment as seg
from crawler.extract.cues import CUES, text_cues
from crawler.extract.density import in_selected, totals_below
from crawler.extract.shapes import key
from crawler.extract.tokens import CATEGORIES

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.extract.density import Candidates
    from crawler.extract.residue import ListShapes
    from crawler.extract.segment import Block

_TAGS = ("p", "div", "li", "td", "tr", "h", "pre", "span", "other")
_TAG_GROUP = {
    "p": "p", "div": "div", "li": "li", "dt": "li", "dd": "li", "td": "td", "th": "td", "tr": "tr", "pre": "pre",
    "h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h", "span": "span", "font": "span",
}
_FLAGS = (seg.HEADING, seg.LIST_ITEM, seg.LAYOUT_CELL, seg.DATA_ROW, seg.PRE, seg.QUOTE, seg.CAPTION, seg.PARAGRAPH)
#: Neighbourhood of the window features: this many blocks on each side.
WINDOW = 3
#: Regions above a block: its element's parent, grandparent and great-grandparent.
REGIONS = 3
_REGION = ("len_log", "share", "link_density", "trafilatura", "readability")

BLOCK_FEATURES = (
    CUES
    + ("link_density", "link_only", "stamped", "duplicate", "title", "before_title", "near_title",
       "position", "depth", "siblings_log", "headed_list", "stamped_run", "in_container", "page_has_container",
       "trafilatura", "trafilatura_window", "trafilatura_share_page",
       "readability", "readability_ratio", "readability_window",
       "parent_link_density", "prev_link_density", "next_link_density", "prev_len_log", "next_len_log")
    + tuple(f"region{level}_{name}" for level in range(1, REGIONS + 1) for name in _REGION)
    + ("heading", "list_item", "layout_cell", "data_row", "pre", "quote", "caption", "paragraph")
    + tuple(f"tag_{tag}" for tag in _TAGS)
    + tuple(f"any_{name}" for name, _ in CATEGORIES)
    + tuple(f"near_{name}" for name, _ in CATEGORIES)
)


@dataclass(frozen=True)
class PageEvidence:
    """What the page says besides its blocks: other methods' picks, the container, the headline."""

    in_trafilatura: list[bool]
    candidates: Candidates
    has_container: bool
    headline: int  # index of the headline's block, -1 when none
    lists: ListShapes


def headline_index(blocks: list[Block], title: str | None, keys: list[str] | None = None) -> int:
    """Index of the block showing the headline (``-1`` when none does).

    The block equal to ``title`` (letters and digits compared), else a heading holding it
    or held by it (at least half its length), else the first ``<h1>``. ``keys``: the
    blocks' comparison keys, when the caller has them.
    """
    if keys is None:
        keys = [key(block.text) for block in blocks]
    if title:
        wanted = key(title)
        for block, have in zip(blocks, keys):
            if have == wanted:
                return block.index
        for block, have in zip(blocks, keys):
            if block.flags & seg.HEADING and wanted:
                if have and (wanted in have or have in wanted) and 2 * len(have) >= len(wanted):
                    return block.index
    for block in blocks:
        if block.tag == "h1":
            return block.index
    return -1


@lru_cache(maxsize=1024)
def _structure(flags: int, tag: str, bits: int, near: int) -> tuple[float, ...]:
    """Structural flags, tag group and class categories of a block, as 0/1 features."""
    group = _TAG_GROUP.get(tag, "other")
    return (
        *(1.0 if flags & flag else 0.0 for flag in _FLAGS),
        *(1.0 if group == name else 0.0 for name in _TAGS),
        *(1.0 if bits & bit else 0.0 for _, bit in CATEGORIES),
        *(1.0 if near & bit else 0.0 for _, bit in CATEGORIES),
    )


def _windows(values: list[float], width: int) -> list[float]:
    """Mean of ``values`` over each index's window of ``width`` on either side."""
    prefix = [0.0]
    for value in values:
        prefix.append(prefix[-1] + value)
    count = len(values)
    means = []
    for i in range(count):
        low, high = max(0, i - width), min(count, i + width + 1)
        means.append((prefix[high] - prefix[low]) / (high - low))
    return means


def _ancestors(element: HtmlElement) -> list[HtmlElement | None]:
    """The element's parent, grandparent and great-grandparent (None above the root)."""
    found: list[HtmlElement | None] = []
    node: HtmlElement | None = element
    for _ in range(REGIONS):
        node = node.getparent() if node is not None else None
        found.append(node)
    return found


def block_features(blocks: list[Block], evidence: PageEvidence) -> list[list[float]]:
    """The block-feature vector of every block (``BLOCK_FEATURES`` order)."""
    count = len(blocks)
    texts = [block.text for block in blocks]
    sizes = [len(text) for text in texts]
    candidates = evidence.candidates
    traf = [1.0 if hit else 0.0 for hit in evidence.in_trafilatura]
    read = [1.0 if in_selected(block.element, candidates.selected) else 0.0 for block in blocks]
    seen: dict[str, int] = {}
    for text in texts:
        seen[text] = seen.get(text, 0) + 1
    per_element: dict[HtmlElement, int] = {}
    for block in blocks:
        per_element[block.element] = per_element.get(block.element, 0) + 1
    total_chars = sum(sizes) or 1
    traf_share = sum(size for size, hit in zip(sizes, traf) if hit) / total_chars
    max_depth = max((block.depth for block in blocks), default=1) or 1
    title_at = evidence.headline
    headed, stamped, stamped_runs = evidence.lists.headed, evidence.lists.stamped, evidence.lists.stamped_runs
    traf_chars, read_chars = totals_below(
        blocks, [size * hit for size, hit in zip(sizes, traf)], [size * hit for size, hit in zip(sizes, read)]
    )
    traf_window, read_window = _windows(traf, WINDOW), _windows(read, WINDOW)
    chars, link_chars, scores = candidates.chars, candidates.link_chars, candidates.scores
    top = candidates.top_score
    rows = []
    for i, block in enumerate(blocks):
        element = block.element
        regions = _ancestors(element)
        parent = regions[0]
        parent_chars = chars.get(parent, 0) if parent is not None else 0
        best = max(scores.get(element, 0.0), *(scores.get(node, 0.0) for node in regions[:2] if node is not None))
        row = [
            *text_cues(block.text, block.link_density >= 1.0),
            block.link_density,
            1.0 if block.link_density >= 0.99 else 0.0,
            1.0 if stamped[i] else 0.0,
            1.0 if seen[block.text] > 1 else 0.0,
            1.0 if i == title_at else 0.0,
            1.0 if title_at >= 0 and i < title_at else 0.0,
            1.0 if title_at >= 0 and 0 < i - title_at <= 3 else 0.0,
            i / max(1, count - 1),
            block.depth / max_depth,
            math.log1p(per_element[element]),
            1.0 if headed[i] else 0.0,
            1.0 if stamped_runs[i] else 0.0,
            1.0 if block.flags & seg.CONTAINER else 0.0,
            1.0 if evidence.has_container else 0.0,
            traf[i],
            traf_window[i],
            traf_share,
            read[i],
            min(1.0, best / top) if top > 0 else 0.0,
            read_window[i],
            link_chars.get(parent, 0.0) / parent_chars if parent_chars else 0.0,
            blocks[i - 1].link_density if i > 0 else 1.0,
            blocks[i + 1].link_density if i + 1 < count else 1.0,
            math.log1p(sizes[i - 1]) if i > 0 else 0.0,
            math.log1p(sizes[i + 1]) if i + 1 < count else 0.0,
        ]
        for node in regions:
            below = chars.get(node, 0) if node is not None else 0
            if below:
                row += (
                    math.log1p(below),
                    below / total_chars,
                    link_chars.get(node, 0.0) / below,
                    traf_chars.get(node, 0.0) / below,
                    read_chars.get(node, 0.0) / below,
                )
            else:
                row += (0.0, 0.0, 1.0, 0.0, 0.0)
        row += _structure(block.flags, block.tag, block.bits, block.near)
        rows.append(row)
    return rows
