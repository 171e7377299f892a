"""The starter's later posts known by their author panel: boards that badge no one.

Discuz! 7 and its kind head every post with the same header (``6#`` over ``发表于 2009-9-15
19:26 | 只看该作者``) and set the author's panel beside it: name, rank, UID, counts, the
registration date. When the thread starter writes again (``补充一下今天的新情况…``), nothing but
that panel says so, and the model, reading the post among the replies, scores it low.
A later post is the starter's when its panel repeats at least two of the first post's panel's
figures that not every panel shows (UID, post count, registration date), or the word that
names him: of the starter's panel words a later panel repeats, the ones held by the fewest
posts (``沙颍河边人`` over ``4#``; his rank ``大河中坚``, held by another poster too, by more).
When it holds two sentences or more (the story continued, not his thanks or an answer to one
reader), they come back, without the posts it quotes. A board that numbers its floors on a
title line of their own (大洋论坛's ``5楼回复：标题`` over the panel and ``发表于：2007-09-12 09:36``
under it) heads its posts with their dated lines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.replies import MIN_SHARED_PANEL, first_text, post_headers
from crawler.extract.shapes import is_prose
from crawler.extract.starterposts import is_post_header, is_quote_header, post_lines, with_post

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: A panel is the short lines at most this many blocks above its post's header ...
PANEL_REACH = 12
#: ... each at most this long; a figure (UID, post count, registration date) has this many digits.
MAX_PANEL_LINE = 30
MIN_ID_DIGITS = 3
#: A floor's title line over the panel (``6楼回复：标题``, ``沙发：``): the post's header, whatever it says.
_FLOOR_TITLE = re.compile(r"\s*(沙发|板凳|地板|\d{1,5}\s*[楼#F])\s*(回复)?\s*[:：]")
#: Dated lines heading posts open alike (this many characters: ``发表于``).
_OPENING = 3
#: An edit stamp's line is dated but heads no post (``本帖最后由 X 于 2010-12-18 21:26 编辑``).
_EDIT_STAMP = re.compile(r"编辑过?\s*[】\]]?\s*$")
#: A later post comes back with at least this many sentences (the story continued, not a
#: word of thanks or an answer to one reader).
MIN_POST_LINES = 2
#: A post's time stands at most this many blocks below a floor label.
_TIME_REACH = 2
#: A block at least this much link text ends a post (its actions bar, the page's pager).
_LINK_BAR = 0.5


def _panel_above(blocks: list[Block], header: int) -> tuple[set[str], int]:
    """The short lines right above the header at ``header``, up to the text or the header of the post before,
    and the first block of the header with its panel (a floor's title line above the panel is the header's)."""
    lines: set[str] = set()
    top = header
    for j in range(header - 1, max(-1, header - 1 - PANEL_REACH), -1):
        text = blocks[j].text
        if not _FLOOR_TITLE.match(text):
            if is_prose(text) or is_post_header(blocks[j]):
                break
            # a field's label over its figure (``注册时间`` over ``2004-8-19``) is every panel's, and no name
            if len(text) <= MAX_PANEL_LINE and (_is_figure(text) or j + 1 >= header or not _is_figure(blocks[j + 1].text)):
                lines.add(text)
        top = j
    return lines, top


def _is_figure(line: str) -> bool:
    return sum(char.isdigit() for char in line) >= MIN_ID_DIGITS


def _later_headers(blocks: list[Block], headers: list[str | None], first: int) -> list[int]:
    """The replies' headers; on a board that gives none, the dated lines below the first post that open like the
    line dating it (``发表于：…``: not a rating's record, not a panel's ``Joined: …``)."""
    replies = [i for i, kind in enumerate(headers) if kind == "reply"]
    if len(replies) >= 2:
        return replies
    opener = _opener(blocks, first)
    if opener is None:
        return []
    opening = blocks[opener].text.lstrip()[:_OPENING]
    return [
        i
        for i in range(first + 1, len(blocks))
        if blocks[i].text.lstrip().startswith(opening) and is_post_header(blocks[i]) and not is_quote_header(blocks[i])
        and not _EDIT_STAMP.search(blocks[i].text)
    ]


def _opener(blocks: list[Block], before: int) -> int | None:
    """The first post's dated header line: the first dated line above ``before``."""
    return next((i for i in range(before) if is_post_header(blocks[i])), None)


def _figures(starter: set[str], panels: list[set[str]]) -> set[str]:
    """The starter's panel's figures that not every panel shows (UID, post count, registration date)."""
    return {line for line in starter - set.intersection(starter, *panels) if _is_figure(line)}


def _names(starter: set[str], panels: list[set[str]]) -> set[str]:
    """The starter's panel's words that name him: of those a later panel repeats (his name, his rank), the ones
    held by the fewest posts — a rank held by another poster too is held by more posts than his name. A
    labelled field (``级别：大洋常客``) names no one. Where the starter never writes again, his rank may be
    the words held by the fewest: a reply of his rank's comes back when it holds two sentences.

    Words most panels show (a label, a button, a guest's ``游客``) name no one.
    """
    held: dict[str, frozenset[int]] = {}
    for line in starter:
        if _is_figure(line) or ":" in line or "：" in line or not any(char.isalpha() for char in line):
            continue  # a figure, a labelled field (``级别：大洋常客``), a number (``阅读权限`` ``30``)
        posts = frozenset(n for n, panel in enumerate(panels) if line in panel)
        if posts and 2 * (len(posts) + 1) <= len(panels) + 1:
            held[line] = posts
    return {line for line, posts in held.items() if not any(other < posts for other in held.values())}


def _timed(blocks: list[Block], header: int) -> int:
    """The header's line with the post's time: itself, or the line right under a floor label (``6#``)."""
    for j in range(header, min(len(blocks), header + 1 + _TIME_REACH)):
        if is_post_header(blocks[j]):
            return j
    return header


def with_panel_posts(blocks: list[Block], keep: list[bool], headers: list[str | None] | None = None) -> list[bool]:
    """Keep the sentences of the later posts whose author panel repeats the first post's."""
    headers = post_headers(blocks) if headers is None else headers
    first = first_text(blocks, keep)
    replies = _later_headers(blocks, headers, first)
    if len(replies) < 2:
        return keep
    opener = _opener(blocks, min(first, replies[0]))
    if opener is None:
        return keep
    panels = {i: _panel_above(blocks, i) for i in replies}
    starter = _panel_above(blocks, opener)[0]
    shown = [lines for lines, _ in panels.values()]
    figures, names = _figures(starter, shown), _names(starter, shown)
    tops = [top for _, top in panels.values()] + [len(blocks)]
    out = keep
    for n, (i, (panel, _)) in enumerate(panels.items()):
        if i < first or len(panel & figures) < MIN_SHARED_PANEL and not panel & names:
            continue
        found, quoted = post_lines(blocks, _timed(blocks, i))
        # the post ends at its bar of links (引用 报告 TOP, a pager) or the next post's header: the page's footer is no post
        bar = next((j for j in range(found[0], len(blocks)) if blocks[j].link_density >= _LINK_BAR), len(blocks)) if found else 0
        end = min(bar, tops[n + 1])
        found, quoted = [j for j in found if j < end], [j for j in quoted if j < end]
        if len(found) < MIN_POST_LINES:
            continue  # a word of thanks or an answer to a reader: the thread's talk, not the story
        out = with_post(keep, out, found, quoted)
    return out
