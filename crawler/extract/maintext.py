"""Decide the main text from the block model's probabilities, then tidy the kept lines.

A block is kept when the model's probability reaches its threshold. The headline's own
block is never kept (the title is a field of its own). A page the model finds no main
text on keeps its likeliest blocks instead: a heuristic never discards an article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.postclean import postclean
from crawler.extract.residue import headed_list_flags, stamped_run_flags
from crawler.extract.shapes import is_prose

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: Without a block over the threshold, blocks within this margin of the best one are kept.
FALLBACK_MARGIN = 0.2
#: A kicker or subtitle next to the headline is at most this long.
MAX_DECK = 120


def keep_flags(probabilities: list[float], threshold: float, headline: int = -1, scope: list[bool] | None = None) -> list[bool]:
    """Which blocks are main text.

    Args:
        probabilities: the model's probability for each block.
        threshold: the model's keep threshold.
        headline: index of the headline's block, never kept (-1: none).
        scope: when the site profile names the article container, which blocks it holds:
            nothing outside it is kept.
    """
    allowed = [i != headline and (scope is None or scope[i]) for i in range(len(probabilities))]
    keep = [p >= threshold and ok for p, ok in zip(probabilities, allowed)]
    if any(keep):
        return keep
    others = [p for p, ok in zip(probabilities, allowed) if ok]
    if not others:
        return keep
    floor = max(others) - FALLBACK_MARGIN
    return [p >= floor and ok for p, ok in zip(probabilities, allowed)]


def kept_texts(blocks: list[Block], keep: list[bool]) -> list[str]:
    """The kept blocks' texts, in page order."""
    return [block.text for block, flag in zip(blocks, keep) if flag]


def finish_lines(blocks: list[Block], keep: list[bool], title: str | None, headline: int = -1) -> list[str]:
    """The kept blocks as cleaned lines (crawler/extract/postclean.py).

    A kicker or subtitle (the line right above or below the headline, not a sentence,
    above the text's first sentence) goes with the headline. Recommendation lists are
    recognised on the whole page, so that a list whose heading the model dropped is
    still known as one. If the line rules would leave nothing, the kept blocks are
    returned untouched: a line rule never empties an article.
    """
    texts = [block.text for block in blocks]
    listed = [a or b for a, b in zip(headed_list_flags(texts), stamped_run_flags(texts))]
    first = next((b.index for b, flag in zip(blocks, keep) if flag and is_prose(b.text)), len(blocks))
    chosen = [
        i
        for i, flag in enumerate(keep)
        if flag and not (headline >= 0 and abs(i - headline) == 1 and i < first and len(texts[i]) <= MAX_DECK)
    ]
    lines = postclean([texts[i] for i in chosen], title, [listed[i] for i in chosen])
    return lines or [texts[i] for i, flag in enumerate(keep) if flag]
