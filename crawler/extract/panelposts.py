"""The starter's later posts known by their author panel: boards that badge no one.

Discuz! 7 and its kind head every post with the same header (``6#`` over ``发表于 2009-9-15
19:26 | 只看该作者``) and set the author's panel beside it: name, rank, UID, counts, the
registration date. When the thread starter writes again (``补充一下今天的新情况…``), nothing but
that panel says so, and the model, reading the post among the replies, scores it low.
A later post whose panel repeats at least two of the first post's panel's figures that
not every panel shows (UID, post count, registration date) is the starter's; when it holds
two sentences or more (the story continued, not his thanks or an answer to one reader), they
come back, without the posts it quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract.replies import MIN_SHARED_PANEL, first_text, post_headers
from crawler.extract.shapes import is_prose
from crawler.extract.starterposts import is_post_header, post_lines, with_post

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: A panel is the short lines at most this many blocks above its post's header ...
PANEL_REACH = 12
#: ... each at most this long and naming its author by figures (UID, post count, registration
#: date: a rank, a label or a motto is many posters' alike).
MAX_PANEL_LINE = 30
MIN_ID_DIGITS = 3
#: A later post comes back with at least this many sentences (the story continued, not a
#: word of thanks or an answer to one reader).
MIN_POST_LINES = 2
#: A post's time stands at most this many blocks below a floor label.
_TIME_REACH = 2
#: A block at least this much link text ends a post (its actions bar, the page's pager).
_LINK_BAR = 0.5


def _panel_above(blocks: list[Block], header: int) -> set[str]:
    """The short lines right above the header at ``header``, up to the text or the header of the post before."""
    lines: set[str] = set()
    for j in range(header - 1, max(-1, header - 1 - PANEL_REACH), -1):
        text = blocks[j].text
        if is_prose(text) or is_post_header(blocks[j]):
            break
        if len(text) <= MAX_PANEL_LINE and sum(char.isdigit() for char in text) >= MIN_ID_DIGITS:
            lines.add(text)
    return lines


def _timed(blocks: list[Block], header: int) -> int:
    """The header's line with the post's time: itself, or the line right under a floor label (``6#``)."""
    for j in range(header, min(len(blocks), header + 1 + _TIME_REACH)):
        if is_post_header(blocks[j]):
            return j
    return header


def with_panel_posts(blocks: list[Block], keep: list[bool], headers: list[str | None] | None = None) -> list[bool]:
    """Keep the sentences of the later posts whose author panel repeats the first post's."""
    headers = post_headers(blocks) if headers is None else headers
    replies = [i for i, kind in enumerate(headers) if kind == "reply"]
    if len(replies) < 2:
        return keep
    first = first_text(blocks, keep)
    opener = next((i for i in range(min(first, replies[0])) if is_post_header(blocks[i])), None)
    if opener is None:
        return keep
    starter = _panel_above(blocks, opener)
    panels = {i: _panel_above(blocks, i) for i in replies}
    everyone = set.intersection(starter, *panels.values())
    starter -= everyone
    out = keep
    for i, panel in panels.items():
        if i < first or len(panel & starter) < MIN_SHARED_PANEL:
            continue
        found, quoted = post_lines(blocks, _timed(blocks, i))
        # the post ends at its bar of links (引用 报告 TOP, a pager): the page's footer is no post
        end = next((j for j in range(found[0], len(blocks)) if blocks[j].link_density >= _LINK_BAR), len(blocks)) if found else 0
        found, quoted = [j for j in found if j < end], [j for j in quoted if j < end]
        if len(found) < MIN_POST_LINES:
            continue  # a word of thanks or an answer to a reader: the thread's talk, not the story
        out = with_post(keep, out, found, quoted)
    return out
