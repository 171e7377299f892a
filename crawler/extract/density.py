"""A readability-style content scorer over the page's blocks: which element holds the article.

Arc90 Readability's algorithm (as readability-lxml implements it), computed from the
blocks crawler/extract/segment.py already cut, so the page is walked once: every
paragraph-like element with 25 characters or more scores 1 + its commas + one point per
100 characters (at most 3); the score goes to its parent in full and to its grandparent in
half; an element's class/id and tag shift its start score; the final score is multiplied by
the share of its text outside links. The best element and those of its siblings that score
close to it, or read as paragraphs, are the candidate article. Chinese commas and
enumeration commas count as commas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from crawler.extract.tokens import CHROME, CONTENT, element_bits

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.extract.segment import Block

#: Paragraphs shorter than this do not score (readability's ``min_text_length``).
MIN_PARAGRAPH = 25
_TAG_WEIGHT = {
    "div": 5,
    "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}
_CLASS_WEIGHT = 25
#: Siblings join the top candidate when they score at least this share of it.
SIBLING_SHARE = 0.2


@dataclass
class Candidates:
    """Scores of the elements that hold paragraphs, and the chosen article elements."""

    scores: dict[HtmlElement, float]
    selected: set[HtmlElement]
    top_score: float
    #: visible characters and characters inside links, per element with text below it
    chars: dict[HtmlElement, float]
    link_chars: dict[HtmlElement, float]


def _commas(text: str) -> int:
    return text.count(",") + text.count("，") + text.count("、")


def _start_score(element: HtmlElement) -> float:
    tag = element.tag if isinstance(element.tag, str) else ""
    bits = element_bits(element, tag)
    score = float(_TAG_WEIGHT.get(tag, 0))
    if bits & CONTENT:
        score += _CLASS_WEIGHT
    if bits & CHROME:
        score -= _CLASS_WEIGHT
    return score


def _unlikely(block: Block) -> bool:
    return bool(block.near & CHROME) and not block.near & CONTENT


def totals_below(blocks: list[Block], *columns: list[float]) -> list[dict[HtmlElement, float]]:
    """For each column of per-block values, its sum over the blocks below every element.

    The values are summed per element, then handed up the tree once: every element that
    holds a block is met on one walk up (stopping where an earlier walk passed), and the
    sums go from the deepest elements to their parents. An element with nothing below it
    in a column is absent from that column's map; the maps list elements in the order a
    walk up from each block, in page order, first meets them.
    """
    width = len(columns)
    sums: dict[HtmlElement, list[float]] = {}
    for i, block in enumerate(blocks):
        row = [column[i] for column in columns]
        if not any(row):
            continue
        found = sums.get(block.element)
        if found is None:
            sums[block.element] = row
        else:
            for k in range(width):
                found[k] += row[k]
    depth: dict[HtmlElement, int] = {}
    met: list[HtmlElement] = []
    for element in sums:
        chain = []
        node: HtmlElement | None = element
        while node is not None and node not in depth:
            chain.append(node)
            node = node.getparent()
        base = depth[node] + 1 if node is not None else 0
        for offset, member in enumerate(reversed(chain)):
            depth[member] = base + offset
        met.extend(chain)
    for node in met:
        if node not in sums:
            sums[node] = [0.0] * width
    for node in sorted(met, key=depth.__getitem__, reverse=True):
        parent = node.getparent()
        if parent is not None:
            above, below = sums[parent], sums[node]
            for k in range(width):
                above[k] += below[k]
    return [{node: sums[node][k] for node in met if sums[node][k]} for k in range(width)]


def score_candidates(blocks: list[Block]) -> Candidates:
    """Score the elements holding the page's paragraphs and choose the article's elements."""
    sizes = [float(len(block.text)) for block in blocks]
    chars, links = totals_below(blocks, sizes, [size * block.link_density for size, block in zip(sizes, blocks)])
    paragraphs: dict[HtmlElement, list[str]] = {}
    for block in blocks:
        if not _unlikely(block):
            paragraphs.setdefault(block.element, []).append(block.text)
    scores: dict[HtmlElement, float] = {}
    for element, texts in paragraphs.items():
        text = "".join(texts)
        if len(text) < MIN_PARAGRAPH:
            continue
        points = 1 + _commas(text) + min(len(text) / 100, 3)
        parent = element.getparent()
        if parent is None:
            continue
        for holder, share in ((parent, 1.0), (parent.getparent(), 0.5)):
            if holder is None:
                continue
            if holder not in scores:
                scores[holder] = _start_score(holder)
            scores[holder] += points * share
    for element in scores:
        total = chars.get(element, 0)
        if total:
            scores[element] *= 1 - links.get(element, 0.0) / total
    if not scores:
        return Candidates(scores, set(), 0.0, chars, links)
    top = max(scores, key=lambda element: (scores[element], -_position(element)))
    return Candidates(scores, _with_siblings(top, scores, chars, links), scores[top], chars, links)


def _position(element: HtmlElement) -> int:
    """Source line of an element: ties between equal scores go to the earlier element."""
    return element.sourceline or 0


def _with_siblings(
    top: HtmlElement, scores: dict[HtmlElement, float], chars: dict[HtmlElement, int], links: dict[HtmlElement, float]
) -> set[HtmlElement]:
    parent = top.getparent()
    if parent is None:
        return {top}
    threshold = max(10.0, scores[top] * SIBLING_SHARE)
    selected = {top}
    for sibling in parent:
        if sibling is top or not isinstance(sibling.tag, str):
            continue
        size = chars.get(sibling, 0)
        density = links.get(sibling, 0.0) / size if size else 1.0
        if scores.get(sibling, -1e9) >= threshold or sibling.tag == "p" and size > 80 and density < 0.25:
            selected.add(sibling)
    return selected


def in_selected(element: HtmlElement, selected: set[HtmlElement]) -> bool:
    """True when ``element`` is one of ``selected`` or below one."""
    node: HtmlElement | None = element
    while node is not None:
        if node in selected:
            return True
        node = node.getparent()
    return False
