"""Readers' comments and forum replies below the text: what the block model keeps of them, taken out again.

A reader's reply is prose, and the model reads prose as text. Two signals it does not
weigh on their own mark a comment: the page's markup (classed as comments, or below a
comment section's heading) together with a probability only just over the threshold, and
a forum's post headers, which give every reply its floor.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.tokens import COMMENT

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: Below this probability a kept block in a comment section is a comment.
COMMENT_MARGIN = 0.6
#: A comment section's heading (``网友评论（共12条）``, ``全部回帖``, ``这些回帖亮了``, ``我来说两句``).
_COMMENT_HEADING = re.compile(
    r"[【\[]?\s*((网友|读者|用户|全部|最新|热门|精彩|精选)?(评论|留言|回复|回帖|跟帖)(区|列表)?|这些回帖亮了|我来说两句)\s*[】\]]?"
    r"\s*([（(][^（）()]{0,20}[）)])?\s*[:：]?"
)


def _is_comment_heading(block: Block) -> bool:
    return len(block.text) <= 30 and _COMMENT_HEADING.fullmatch(block.text) is not None


def without_marginal_comments(blocks: list[Block], keep: list[bool], probabilities: list[float]) -> list[bool]:
    """Drop kept blocks below the article that are comments and that the model keeps only barely.

    A reader's reply is prose, so the model may keep it at a probability just over its
    threshold. Below the article's first kept block, a kept block under ``COMMENT_MARGIN``
    goes when it sits in markup classed as comments (``tokens.COMMENT``: a forum's
    replies under ``div.w_reply``) or below a comment section's heading the model left
    out (a blog's comment table under ``网友评论（共12条）``): the two signals together
    outweigh the prose. A page whose article itself sits in a ``pinglun`` (commentary)
    box keeps it: the rule starts after its first kept block outside such markup.
    """
    first = next((i for i, flag in enumerate(keep) if flag and not blocks[i].bits & COMMENT), None)
    if first is None:
        return keep
    heading = next((i for i in range(first + 1, len(blocks)) if not keep[i] and _is_comment_heading(blocks[i])), len(blocks))
    return [
        flag and not (i > first and probabilities[i] < COMMENT_MARGIN and (i > heading or blocks[i].bits & COMMENT))
        for i, flag in enumerate(keep)
    ]


#: A forum post's header line: its floor and its time (``沙发 发表于：2008-01-28 20:31:05``,
#: ``4# 发表于 2009-3-16 13:52``, ``上海张江科比 2016-10-12 21:47 3楼``). A reply's floor is 沙发,
#: 板凳, 地板 or a number from 2 up, first or last on the line; the thread starter's is 楼主
#: (``1楼`` is the first post on some boards and the first reply on others, and decides nothing).
_POST_TIME = re.compile(r"(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}")
_FLOOR = r"(沙发|板凳|地板|([2-9]|[1-9]\d{1,4})\s*[楼#F]|#\s*([2-9]|[1-9]\d{1,4}))"
_REPLY_FLOOR = re.compile(rf"^\s*{_FLOOR}(\s|$)|\s{_FLOOR}\s*$")
_STARTER_FLOOR = re.compile(r"楼主")
#: A post header is a short line.
_MAX_POST_HEADER = 80
#: A thread shows at least this many replies' headers.
_MIN_REPLIES = 2


def _post_header(text: str) -> str | None:
    """``"starter"`` or ``"reply"`` for a post's header line, else None."""
    if len(text) > _MAX_POST_HEADER or not _POST_TIME.search(text):
        return None
    if _STARTER_FLOOR.search(text):
        return "starter"
    return "reply" if _REPLY_FLOOR.search(text) else None


def without_replies(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop the kept blocks of a thread's replies: those below a reply's header line, up to the next starter's post.

    A forum thread prints each post under a header with its floor and time; replies are
    comments, the thread starter's posts (楼主, the first and any later one) are the text.
    Only on a page with ``_MIN_REPLIES`` reply headers or more (a line of at most
    ``_MAX_POST_HEADER`` characters holding a date, a clock time and a reply's floor first
    or last), and never when it would leave nothing.
    """
    headers = [_post_header(block.text) for block in blocks]
    if headers.count("reply") < _MIN_REPLIES:
        return keep
    in_reply = False
    out = list(keep)
    for i, header in enumerate(headers):
        if header:
            in_reply = header == "reply"
        if in_reply:
            out[i] = False
    return out if any(out) else keep
