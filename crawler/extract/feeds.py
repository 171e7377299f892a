"""Feeds under a section heading: runs of entries each opened by a clock time (flash-news lists).

A flash-news detail page (财联社 电报, 7x24 快讯) shows one short item, then a section
headed ``24小时电报 查看更多 >`` whose entries are each a clock time and a sentence or two:
the item's siblings, not its text. Their sentences read as prose, so the short-item list
shapes (crawler/extract/residue.py) do not take them. A feed is told by its shape: a
heading that names a section and links to more of it (or a list heading such as 相关阅读),
followed at once by three entries or more, each a line holding only a clock time
(``09:31``, ``05-20 09:31``, ``3分钟前``) and the lines up to the next one. A live blog's
entries have the same shape but stand under the article's headline, not under a heading
that links to more, so they stay text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

#: A section heading with its "more" link, as one line (``24小时电报 查看更多 >``, ``滚动新闻 更多>>``).
_MORE_HEADING = re.compile(r"[^\s。！？!?，,；;：:]{2,12}\s*(?:查看更多|更多)\s*[>＞》›»]*")
#: A line holding only an entry's time.
_CLOCK = re.compile(
    r"(?:(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*)?\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{1,2}\s*(?:秒|分钟|小时)前|刚刚"
)
#: After an entry's first line, this many short lines at most (read counts, share links) belong to it.
MAX_ENTRY_EXTRA = 3
#: An entry's extra line is at most this long.
MAX_EXTRA_CHARS = 30
#: Fewer entries than this are not a feed.
MIN_ENTRIES = 3


#: A clock line is at most this long (``2024-05-20 09:31:05`` with spaces).
_MAX_CLOCK = 24


def is_clock(line: str) -> bool:
    """A line holding only a time: a feed entry's stamp."""
    return len(line) <= _MAX_CLOCK and _CLOCK.fullmatch(line.strip()) is not None


def is_more_heading(line: str) -> bool:
    """A short line naming a section and linking to more of it."""
    return _MORE_HEADING.fullmatch(line.strip()) is not None


def _entry_end(lines: list[str], start: int) -> int:
    """Where the entry whose clock line is at ``start`` ends (exclusive)."""
    end = start + 2  # the clock line and the entry's text
    while (
        end < len(lines)
        and end - start - 2 < MAX_ENTRY_EXTRA
        and not is_clock(lines[end])
        and len(lines[end].strip()) <= MAX_EXTRA_CHARS
        and lines[end].strip()[-1:] not in "。！？"
    ):
        end += 1
    return end


def feed_flags(lines: list[str], is_list_heading: Callable[[str], bool]) -> list[bool]:
    """For each line: is it a feed's heading or part of one of its entries?"""
    flags = [False] * len(lines)
    index = 0
    while index < len(lines) - 1:
        # the cheap test first: a feed's heading is followed by a clock line
        if not is_clock(lines[index + 1]) or not (is_more_heading(lines[index]) or is_list_heading(lines[index])):
            index += 1
            continue
        end, entries = index + 1, 0
        while end + 1 < len(lines) and is_clock(lines[end]):
            end = _entry_end(lines, end)
            entries += 1
        if entries >= MIN_ENTRIES:
            for position in range(index, end):
                flags[position] = True
            index = end
        else:
            index += 1
    return flags
