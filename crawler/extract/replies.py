"""Forum replies and signatures below a thread's first post: what the block model keeps of them, taken out again.

A reply is prose, and the model reads prose as text; a forum's post headers give every
reply its floor, and the starter's own later posts keep theirs. Readers' comments under
an article are crawler/extract/comments.py's.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from crawler.extract.bbsposts import is_sign_off
from crawler.extract.postclean import DATED
from crawler.extract.shapes import is_prose
from crawler.extract.tails import MAX_SIGNATURE_CHARS, MAX_SIGNATURE_LINES, RULE_LINE

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: A forum post's header line: its floor and its time (``沙发 发表于：2008-01-28 20:31:05``,
#: ``4# 发表于 2009-3-16 13:52``, ``上海张江科比 2016-10-12 21:47 3楼``). A reply's floor is 沙发,
#: 板凳, 地板 or a number from 2 up, first or last on the line (glued to ``发表于`` too: ``5楼发表于 …``); the thread starter's is 楼主
#: (``1楼`` is the first post on some boards and the first reply on others, and decides nothing).
_FLOOR = r"(沙发|板凳|地板|([2-9]|[1-9]\d{1,4})\s*[楼#F]|#\s*([2-9]|[1-9]\d{1,4}))"
_REPLY_FLOOR = re.compile(rf"^\s*{_FLOOR}(\s|$|(?=发表|回复于))|\s{_FLOOR}\s*$")
#: ``1楼`` first on a header: a reply where the first post's header said 楼主 (网易论坛: ``楼主 发表于：…`` over ``1楼 发表于：…``).
_FIRST_FLOOR = re.compile(r"\s*1\s*楼(\s|$|(?=发表|回复于))")
_STARTER_FLOOR = re.compile(r"楼主")
#: How a quoted post's header opens (phpwind's ``引用楼主X于…``, dvbbs' ``以下是引用X在…的发言``, Discuz!'s ``原帖由 X 于 …``).
_QUOTING = ("引用", "以下是引用", "原帖由")
#: A reply's labelled time, where a board numbers no floors (天涯's ``作者：X 回复日期：2008-9-16 21:52:18 回复此发言``
#: under the first post's ``作者：X 提交日期：…``).
_REPLY_LABEL = re.compile(r"回复(日期|时间)\s*[:：]")
#: A floor label alone on its line, the post's time on the next (Discuz! X: ``沙发`` then ``发表于 2013-10-22 21:29``).
_FLOOR_ALONE = re.compile(rf"\s*({_FLOOR}|楼主)\s*")
#: A post header is a short line; a floor label alone, a shorter one.
_MAX_POST_HEADER = 80
_MAX_FLOOR_LABEL = 8
#: A thread shows at least this many replies' headers.
_MIN_REPLIES = 2


#: An English post header's time (Discourse's ``June 3, 2020, 2:12pm``, phpBB's ``Jun 03, 2020 2:12 pm``).
_EN_POSTED = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d{2},?\s+(at\s+)?\d{1,2}:\d{2}\s?([AaPp]\.?[Mm]\.?)?"
)
#: What a header holds before its time that names no poster: floors, the starter's badge, labels, marks.
_NOT_A_NAME = re.compile(
    rf"{_FLOOR}|#\s*1\b|1\s*楼|楼主|发表于|发表时间|回复于|(提交|回复|发表)(日期|时间)|[Pp]osted( on| at)?|\bon\b|\bat\b|[|｜:：\[\]【】()（）·•-]"
)


def post_time(text: str) -> re.Match[str] | None:
    """Where a post header states its time: a Chinese date and clock time, or an English one (both hold a colon)."""
    if ":" not in text:
        return None
    return DATED.search(text) or _EN_POSTED.search(text)


def post_headers(blocks: list[Block]) -> list[str | None]:
    """For each block: ``"starter"`` or ``"reply"`` when it is (or opens) a post's header, else None.

    Most pages have none: the cheap tests (length, a colon) come before the patterns. A
    reply header naming the poster the first post's header names is the starter's
    (``jlindqvist (Johan Lindqvist) July 14, 2020, 10:31am #5`` under ``jlindqvist (Johan
    Lindqvist) June 3, 2020, 2:12pm #1``), where the replies' headers name several posters.
    """
    headers: list[str | None] = [None] * len(blocks)
    for i, block in enumerate(blocks):
        text = block.text
        size = len(text)
        if size <= _MAX_POST_HEADER and ":" in text:
            headers[i] = post_header(text)
            if headers[i] is None and _FIRST_FLOOR.match(text) and "starter" in headers[:i] and post_time(text):
                headers[i] = "reply"  # under a 楼主 header, ``1楼`` is the first reply
        elif size <= _MAX_FLOOR_LABEL and _FLOOR_ALONE.fullmatch(text):
            following = blocks[i + 1 : i + 3]
            if any(len(later.text) <= _MAX_POST_HEADER and DATED.search(later.text) for later in following):
                headers[i] = "starter" if "楼主" in text else "reply"
    return _starter_by_name(blocks, headers)


def _poster(header: str) -> str | None:
    """The poster a header names before its time (``jlindqvist (Johan Lindqvist)``), or None."""
    match = post_time(header)
    name = " ".join(_NOT_A_NAME.sub(" ", header[: match.start()] if match else header).split())
    return name if len(name) >= 2 else None


def _starter_by_name(blocks: list[Block], headers: list[str | None]) -> list[str | None]:
    """``headers`` with the reply headers that name the first post's poster made the starter's."""
    replies = [i for i, kind in enumerate(headers) if kind == "reply"]
    if len(replies) < _MIN_REPLIES or "starter" in headers[: replies[0]]:
        return headers
    opener = next((i for i in range(replies[0]) if len(blocks[i].text) <= _MAX_POST_HEADER and post_time(blocks[i].text)), None)
    starter = _poster(blocks[opener].text) if opener is not None else None
    posters = {i: _poster(blocks[i].text) for i in replies}
    if starter is None or len(set(posters.values()) - {None}) < 2:
        return headers
    return [("starter" if posters.get(i) == starter else kind) for i, kind in enumerate(headers)]


def first_text(blocks: list[Block], keep: list[bool]) -> int:
    """The first kept block that reads as a sentence: the first post's text (a kept counter line
    above the first header, ``查看：28416|回复：63|收藏：1127``, is none); ``len(blocks)`` when none is."""
    return next((i for i, flag in enumerate(keep) if flag and is_prose(blocks[i].text)), len(blocks))


def post_header(text: str) -> str | None:
    """``"starter"`` or ``"reply"`` for a post's header line, else None."""
    if len(text) > _MAX_POST_HEADER or not post_time(text):
        return None
    if text.lstrip().startswith(_QUOTING):
        return None  # a quoted post's header inside a reply (``引用楼主X于2011-10-05 09:26发表的 :``)
    if _STARTER_FLOOR.search(text):
        return "starter"
    return "reply" if _REPLY_FLOOR.search(text) or _REPLY_LABEL.search(text) else None


#: A post's author panel (name, rank, counts) stands within this many blocks above its text.
_PANEL_REACH = 8
#: A later post shares at least this many of its panel's lines with the starter's, beyond
#: the lines every panel shows (``等级：``), when the starter wrote it.
MIN_SHARED_PANEL = 2
_MAX_PANEL_LINE = 30


def _posts(headers: list[str | None], leading: bool) -> list[tuple[str, list[int]]]:
    """The posts of a thread: each header's kind and the blocks it rules (below it, or above it when headers close posts)."""
    marks = [i for i, header in enumerate(headers) if header]
    posts = []
    for n, i in enumerate(marks):
        if leading:
            end = marks[n + 1] if n + 1 < len(marks) else len(headers)
            posts.append((headers[i] or "", list(range(i, end))))
        else:
            start = marks[n - 1] + 1 if n else 0
            posts.append((headers[i] or "", list(range(start, i + 1))))
    return posts


def _panel(blocks: list[Block], keep: list[bool], headers: list[str | None], post: list[int]) -> set[str]:
    """The short lines left out right above a post's first kept block: its author's panel.

    Read upwards from the text, past the post's own header, to the previous post (a kept
    block or another post's header), at most ``_PANEL_REACH`` blocks.
    """
    first = next((i for i in post if keep[i]), None)
    if first is None:
        return set()
    lines = set()
    for j in range(first - 1, max(-1, first - 1 - _PANEL_REACH), -1):
        if keep[j] or headers[j] and j < post[0]:
            break
        if not headers[j] and len(blocks[j].text) <= _MAX_PANEL_LINE:
            lines.add(blocks[j].text)
    return lines


def without_replies(blocks: list[Block], keep: list[bool], headers: list[str | None] | None = None) -> list[bool]:
    """Drop the kept blocks of a thread's replies, by the header each post carries.

    A forum thread prints each post with a header line giving its floor and time; replies
    are comments, the thread starter's posts (楼主, the first and any later one) are the
    text. Most boards put the header above the post (``沙发 发表于：…``), some below it (CSDN's
    ``#2 得分：0 回复于：…``): when the first header stands below the first kept block and names
    the starter, each header closes the post above it; otherwise nothing above the first
    header is touched (an article with a list of numbered comments below it). A later post whose author panel repeats the starter's
    (name, rank, counts: two lines or more that not every panel shows) is the starter's
    own, as when a story is told floor by floor. Only on a page with ``_MIN_REPLIES`` reply
    headers or more (a line of at most ``_MAX_POST_HEADER`` characters holding a date, a
    clock time and a reply's floor first or last), and never when it would leave nothing.
    """
    headers = post_headers(blocks) if headers is None else headers
    if headers.count("reply") < _MIN_REPLIES:
        return keep
    first_kept = first_text(blocks, keep)
    first_header = next(i for i, header in enumerate(headers) if header)
    # headers close their posts only where the first one, below the first kept block, closes the starter's (CSDN: ``… 楼主``);
    # a list of comments with floors below an article leaves the article above its first header
    posts = _posts(headers, leading=first_header <= first_kept or headers[first_header] != "starter")
    panels = [_panel(blocks, keep, headers, post) for _, post in posts]
    shown = [panel for panel in panels if panel]
    everyone = set.intersection(*shown) if shown else set()
    starter = next((panel for (kind, _), panel in zip(posts, panels) if kind == "starter"), panels[0]) - everyone
    out = list(keep)
    for (kind, post), panel in zip(posts, panels):
        if kind == "reply" and len(panel & starter) < MIN_SHARED_PANEL:
            for i in post:
                out[i] = False
    return out if any(out) else keep


#: What a drawn rule starts with (a cheap test before the pattern).
_RULE_CHARS = frozenset("-_=~*─━")


def without_signatures(blocks: list[Block], keep: list[bool], headers: list[str | None] | None = None) -> list[bool]:
    """Drop a post's signature: the few short lines kept right under a drawn rule the model left out.

    Forum software sets a member's signature off with a rule (``------``) below each post.
    The post-clean drops a rule and what follows it when both were kept; when the model
    leaves the rule out but keeps the motto under it, the run of at most
    ``MAX_SIGNATURE_LINES`` short kept lines between the rule and the next left-out block
    goes here. A rule inside the text, with text after it, is not followed by such a run.
    On a thread, a short kept line that closes a post is a signature too when a dash leads it
    (``—— 苏州小蜂鸟摄影群 欢迎同城约拍``) or when the same line was left out elsewhere (the poster's
    signature under another of their posts: ``一机一镜走天下，拍到就是赚到。我的相册：…``), or kept
    closing two posts (the first and a later one of the starter's).
    """
    out = _without_dash_signatures(blocks, keep, headers)
    for i, block in enumerate(blocks):
        if keep[i] or block.text[:1] not in _RULE_CHARS or not RULE_LINE.fullmatch(block.text.strip()) or not any(keep[:i]):
            continue
        run = i + 1  # the run is blocks[i + 1 : run]: a kept block after it (one too many, or too long) rules it out
        while run < len(blocks) and keep[run] and run - i <= MAX_SIGNATURE_LINES and len(blocks[run].text) <= MAX_SIGNATURE_CHARS:
            run += 1
        if run == i + 1 or run < len(blocks) and keep[run]:
            continue
        if out is keep:
            out = list(keep)
        for j in range(i + 1, run):
            out[j] = False
    return out


def _dated_lines_over(blocks: list[Block], count: int) -> bool:
    """True when more than ``count`` short lines state a post's time (a thread whose headers name no floor)."""
    found = 0
    for block in blocks:
        if len(block.text) <= _MAX_POST_HEADER and post_time(block.text) is not None:
            found += 1
            if found > count:
                return True
    return False


#: A signature led by a dash (``—— 只收不卖，镜头是拿来用的``).
_DASH_SIGNATURE = re.compile(r"\s*(——|--|－－)\s*\S")


def _without_dash_signatures(blocks: list[Block], keep: list[bool], headers: list[str | None] | None) -> list[bool]:
    """Drop the short dash-led or repeated lines the model kept at the end of a post, on a thread with reply headers
    (a line kept closing two posts: on a thread with dated post headers, whatever they name)."""
    headers = post_headers(blocks) if headers is None else headers
    thread = headers.count("reply") >= _MIN_REPLIES
    if not thread and not _dated_lines_over(blocks, _MIN_REPLIES):
        return keep
    left_out = {block.text for block, flag in zip(blocks, keep) if not flag}
    # a short kept line closing a post (the next block left out); a signature is a line of its own
    closing = [
        i
        for i, block in enumerate(blocks)
        if keep[i] and len(block.text) <= MAX_SIGNATURE_CHARS and (i + 1 == len(blocks) or not keep[i + 1])
    ]
    twice = Counter(blocks[i].text for i in closing)
    found = [
        i
        for i in closing
        if thread and 0 < i < len(blocks) - 1 and (keep[i - 1] and _DASH_SIGNATURE.match(blocks[i].text) or blocks[i].text in left_out)
        or twice[blocks[i].text] > 1 and not is_sign_off(blocks[i].text)  # a post's origin stamp ends it for the thread reading (bbsposts)
    ]
    if not found:
        return keep
    return [flag and i not in found for i, flag in enumerate(keep)]
