"""A thread starter's later posts: the story told floor by floor, which the model scores as replies.

On boards that mark the starter's posts (``楼主`` in each post's header:
``圆子妈妈爱吃鱼 楼主 9楼 2014-05-20 20:26``, ``5楼楼主2017-12-22 19:48:40``), a post after
the first whose header names the starter is the text's continuation. The model, reading
it among the replies, scores it low; its sentences come back here. The post runs from its
header to the next post's (a short dated line); quoted posts inside it (their header and
the line under it), link lines and short lines (a signature, a panel field) stay out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.boilerplate import is_boilerplate
from crawler.extract.replies import first_text, post_header, post_headers, post_time
from crawler.extract.segment import QUOTE
from crawler.extract.shapes import CJK_SENTENCE_END, is_prose

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: A post header is a short line.
_MAX_HEADER = 80  # as a forum post header (replies._MAX_POST_HEADER)
#: A post is at most this many blocks long.
_MAX_POST = 40
#: A quoted post inside a post: its header (``X 发表于 2016-4-18 23:07``, ``以下是引用 X 在 … 的发言：``, ``X 写道：``).
#: (vBulletin's ``引用:`` over ``最初由 X 发布``, Discuz!'s ``原帖由 X 于 2009-9-15 07:48 发表``, phpwind's ``引用第3楼X于… 发表的``)
_QUOTE_HEADER = re.compile(r"发表于|原帖由\s*\S{1,20}\s*于|以下是引用|引用\s*\S{1,20}\s*(的发言|的帖子|发表)|引用\s*(第\s*\d{1,5}\s*楼|楼主)|写道\s*[:：]?$|^\s*引用\s*[:：]\s*$|最初由\s*\S{1,20}\s*发布")
#: A reply quoted with its floor and author before the answer (``回复 3楼 沪上糖糖：请问楼主…``).
_QUOTED_REPLY = re.compile(r"\s*回复\s*\d{1,5}\s*[楼#]")
#: ... or only its floor and author, on a line of their own (Discuz!'s ``回复 5# stock2014``).
_ADDRESSED = re.compile(r"\s*回复\s*\d{1,5}\s*[楼#]\s*\S{0,20}\s*")
#: A reply's floor anywhere on a header (``圆子妈妈爱吃鱼 楼主 4楼 2014-05-16 21:34``, ``5楼楼主…``): 2 and up.
_LATER_FLOOR = re.compile(r"(?<![\d#])([2-9]|[1-9]\d{1,4})\s*楼(?!主)")
#: A left-out line comes back when it reads as a sentence this long.
_MIN_LINE = 20


def is_post_header(block: Block) -> bool:
    """A short line stating a post's time: a post's header (or a quoted post's)."""
    return len(block.text) <= _MAX_HEADER and post_time(block.text) is not None


def is_quote_header(block: Block) -> bool:
    """A quoted post's header inside a post: ``X 发表于 …``, not the next post's own (``发表于 …``, ``4楼 发表于 … 楼主``)."""
    text = block.text
    if _QUOTE_HEADER.search(text) is None:
        return False
    return not (is_post_header(block) and (text.lstrip().startswith("发表于") or post_header(text)))


def post_lines(blocks: list[Block], start: int) -> tuple[list[int], list[int]]:
    """The post whose header is at ``start``: its sentences, and its quoted posts (each header and the line under it).

    Link lines and short lines (a signature, a panel field) are neither.
    """
    found: list[int] = []
    quoted: list[int] = []
    skip_next = False
    for i in range(start + 1, min(len(blocks), start + 1 + _MAX_POST)):
        block = blocks[i]
        text = block.text
        if is_quote_header(block):
            skip_next = True
            quoted.append(i)
            continue
        if is_post_header(block):
            break  # the next post
        if _QUOTED_REPLY.match(text):
            if not found and _ADDRESSED.fullmatch(text):
                return [], quoted  # ``回复 5# stock2014`` alone over the post: an answer to one reader, not the story
            continue  # the reply answered, quoted on the answer's first line
        if skip_next or block.flags & QUOTE:
            skip_next = False
            quoted.append(i)
            continue
        if len(text) >= _MIN_LINE and block.link_density < 0.5 and is_prose(text) and not is_boilerplate(text):
            found.append(i)  # (a board's notice under the post, ``对不起，您还没有登录…``, is none of its sentences)
    return _with_short_lines(blocks, start, found, quoted), quoted


#: A subheading or a short sentence inside a post is at most this long.
_MAX_SHORT = 40
_MIN_SHORT = 4


def _with_short_lines(blocks: list[Block], start: int, found: list[int], quoted: list[int]) -> list[int]:
    """``found`` with the post's short lines that belong to its sentences: a subheading right under the header or
    between two of them (``【D3—D5 贡嘎山口到子梅村】（接上）``), a short sentence right after one (``下周开始泥工，到时候接着更。``).

    A short line after a line that is neither (a diary's index, a signature under it) stays out.
    """
    taken = set(found)
    extra = []
    for i in found:
        above, below = i - 1, i + 1
        if above > start and above not in taken and above not in quoted and _is_short(blocks[above]) and not CJK_SENTENCE_END.search(blocks[above].text):
            if above - 1 == start or above - 1 in taken or is_post_header(blocks[above - 1]):
                extra.append(above)
        if below < len(blocks) and below not in taken and below not in quoted and _is_short(blocks[below]):
            if CJK_SENTENCE_END.search(blocks[below].text[-1:]) and not is_post_header(blocks[below]):
                extra.append(below)
    return sorted(taken.union(extra))


def _is_short(block: Block) -> bool:
    return _MIN_SHORT <= len(block.text) <= _MAX_SHORT and block.link_density < 0.5 and not block.flags & QUOTE


#: The starter's badge on a header (``[楼主]``).
_BADGE = re.compile(r"[\[【(（]?\s*楼主\s*[\]】)）]?")
#: The first post's own header stands at most this many blocks above its first kept block.
_FIRST_HEADER_REACH = 3


def _words_before_time(header: str) -> str:
    """A post header's words before its time, without the starter's badge (``发表于``)."""
    match = post_time(header)
    return _BADGE.sub("", header[: match.start()] if match else header).strip()


def _first_post_header(blocks: list[Block], first_kept: int, starter: str) -> bool:
    """True when a header worded like the starter's later one (its words before the time) stands right above the first post.

    vBulletin badges only the later posts (``发表于 2009-03-09 20:52 IP: 已记录 [楼主]``) and
    heads the first with ``发表于 2009-03-08 21:14 IP: 已记录``: the headers stand above their posts.
    """
    words = _words_before_time(starter)
    if len(words) < 2:
        return False
    for block in blocks[max(0, first_kept - _FIRST_HEADER_REACH) : first_kept]:
        if is_post_header(block) and _words_before_time(block.text) == words:
            return True
    return False


def with_starter_posts(blocks: list[Block], keep: list[bool], headers: list[str | None] | None = None) -> list[bool]:
    """Keep the sentences of the starter's later posts: those under a header naming 楼主 below the first post.

    The first post (its header at or above the first kept block) is the model's to decide;
    each later header naming 楼主 brings its post's sentences back, and takes out the posts
    it quotes that the model kept. A board that badges only the later posts gives the first
    post a header without 楼主: a first 楼主 header below the first kept block that carries a
    reply's floor (``4楼``), or that is worded like a header right above the first post,
    opens a later post. Any other closes the post above it (CSDN's headers below their
    posts): nothing comes back.
    """
    first_kept = first_text(blocks, keep)
    kinds = post_headers(blocks) if headers is None else headers
    starters = [i for i, kind in enumerate(kinds) if kind == "starter"]
    if first_kept == len(blocks) or not starters:
        return keep
    out = keep
    if starters[0] <= first_kept:
        later = starters[1:]
    elif _LATER_FLOOR.search(blocks[starters[0]].text) or _first_post_header(blocks, first_kept, blocks[starters[0]].text):
        later = starters  # the first post's header names no 楼主; this one's floor (``4楼``) or a like header above the first post says it is a later post's
    else:
        return keep  # a 楼主 header below the first post closes it (CSDN): headers stand below their posts
    for start in later:
        out = with_post(keep, out, *post_lines(blocks, start))
    return out


def with_post(keep: list[bool], out: list[bool], found: list[int], quoted: list[int]) -> list[bool]:
    """``out`` (``keep`` or a copy of it) with a post's sentences kept and its quoted posts left out."""
    for i, flag in [(i, True) for i in found] + [(i, False) for i in quoted]:
        if out[i] != flag:
            if out is keep:
                out = list(keep)
            out[i] = flag
    return out
