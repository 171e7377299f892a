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

from crawler.extract.postclean import DATED
from crawler.extract.replies import post_headers
from crawler.extract.segment import QUOTE
from crawler.extract.shapes import is_prose

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: A post header is a short line.
_MAX_HEADER = 80  # as a forum post header (replies._MAX_POST_HEADER)
#: A post is at most this many blocks long.
_MAX_POST = 40
#: A quoted post inside a post: its header (``X 发表于 2016-4-18 23:07``, ``以下是引用 X 在 … 的发言：``, ``X 写道：``).
_QUOTE_HEADER = re.compile(r"发表于|以下是引用|引用\s*\S{1,20}\s*(的发言|发表)|写道\s*[:：]?$")
#: A reply quoted with its floor and author before the answer (``回复 3楼 沪上糖糖：请问楼主…``).
_QUOTED_REPLY = re.compile(r"\s*回复\s*\d{1,5}\s*[楼#]")
#: A reply's floor anywhere on a header (``圆子妈妈爱吃鱼 楼主 4楼 2014-05-16 21:34``, ``5楼楼主…``): 2 and up.
_LATER_FLOOR = re.compile(r"(?<![\d#])([2-9]|[1-9]\d{1,4})\s*楼(?!主)")
#: A left-out line comes back when it reads as a sentence this long.
_MIN_LINE = 20


def _is_post_header(block: Block) -> bool:
    return len(block.text) <= _MAX_HEADER and DATED.search(block.text) is not None


def _post_prose(blocks: list[Block], start: int) -> list[int]:
    """The sentences of the post whose header is at ``start``, without quoted posts, link lines or short lines."""
    found = []
    skip_next = False
    for i in range(start + 1, min(len(blocks), start + 1 + _MAX_POST)):
        block = blocks[i]
        text = block.text
        quote = _QUOTE_HEADER.search(text) is not None
        if _is_post_header(block) and not quote:
            break  # the next post
        if quote:
            skip_next = True
            continue
        if _QUOTED_REPLY.match(text):
            continue  # the reply answered, quoted on the answer's first line
        if skip_next or block.flags & QUOTE:
            skip_next = False
            continue
        if len(text) >= _MIN_LINE and block.link_density < 0.5 and is_prose(text):
            found.append(i)
    return found


def with_starter_posts(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Keep the sentences of the starter's later posts: those under a header naming 楼主 below the first post.

    The first post (its header at or above the first kept block) is the model's to decide;
    each later header naming 楼主 brings its post's sentences back. A board that badges only
    the later posts gives the first post a header without 楼主: a first 楼主 header below the
    first kept block that carries a reply's floor (``4楼``) opens a later post. One without
    a floor closes the post above it (CSDN's headers below their posts): nothing comes back.
    """
    first_kept = next((i for i, flag in enumerate(keep) if flag), None)
    headers = [i for i, kind in enumerate(post_headers(blocks)) if kind == "starter"]
    if first_kept is None or not headers:
        return keep
    out = keep
    if headers[0] <= first_kept:
        later = headers[1:]
    elif _LATER_FLOOR.search(blocks[headers[0]].text):
        later = headers  # the first post's header names no 楼主; this one's floor (``4楼``) is a later post's
    else:
        return keep  # a 楼主 header below the first post closes it (CSDN): headers stand below their posts
    for start in later:
        for i in _post_prose(blocks, start):
            if not out[i]:
                if out is keep:
                    out = list(keep)
                out[i] = True
    return out
