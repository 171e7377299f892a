"""Readers' comments below the text: what the block model keeps of them, taken out again.

A reader's comment is prose, and the model reads prose as text. What it does not weigh on
its own marks a comment: the page's markup (classed as comments, or below a comment
section's heading) with a probability only just over the threshold, and the form of a
comment section (a heading, then comments stamped with their commenter and time, or
written as ``name 回复 name：…``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.postclean import DATED
from crawler.extract.segment import HEADING
from crawler.extract.tokens import COMMENT

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: Below this probability a kept block in a comment section is a comment.
COMMENT_MARGIN = 0.6
#: A comment section's heading (``网友评论（共12条）``, ``全部回帖``, ``这些回帖亮了``, ``我来说两句``,
#: ``新浪网友对此评论（共 37 条，查看全部）``, ``网友评论 共有 1206 位网友发表评论 查看所有评论``,
#: ``网友评论 已有18条评论，1275人参与``, ``评论 5``, ``网友评论 查看全部评论(27条)``).
_COMMENT_HEADING = re.compile(
    r"[【\[]?\s*(([^\s，,。！？：:]{0,6}(网友|读者|用户)|全部|最新|热门|精彩|精选)?(对此)?(评论|留言|回复|回帖|跟帖)(区|列表)?|这些回帖亮了|我来说两句)\s*[】\]]?"
    r"\s*([（(][^（）()]{0,20}[）)]|\d{1,6})?\s*[:：]?"
    r"(\s*[，,、]?\s*(已有|共有|共)?\s*\d+\s*(人|条|位网友|位|名网友)\s*(发表|参与)?\s*(评论|留言|回复|跟帖)?)*"
    # ... and its link to the rest (``网友评论（共18条，显示最新12条） 查看全部``)
    r"(\s*(查看全部评论|查看全部|查看所有评论|查看所有|更多评论|全部评论)\s*([（(]\s*\d+\s*条?\s*[）)])?\s*[>》»]*)?"
)


#: Each comment heading holds one of these (a cheap test before the pattern).
_COMMENT_WORDS = ("评", "留言", "回", "跟帖", "两句")
#: A European comment section's heading with its count (``Kommentare: 9``, ``12 Comments``, ``Commentaires (4)``),
#: or one that names the readers (``Leserkommentare``): a bare ``Comments`` is as often a share bar's button.
_WESTERN_COMMENT_HEADING = re.compile(
    r"(\d+\s+(comments?|kommentare?|commentaires?|commenti|comentarios|responses|reactions)"
    r"|(comments?|kommentare?|commentaires?|commenti|comentarios|responses|reactions)\s*(:\s*\d+|\(\s*\d+(\s+[^\W\d_]+)?\s*\))"
    r"|leserkommentare|reader comments|readers' comments|commentaires des lecteurs)\s*",
    re.IGNORECASE,
)
#: ... or the bare word, set as a heading element (a share bar's button is a link or a span).
_BARE_HEADING = re.compile(r"(comments|kommentare|commentaires|commenti|comentarios|reacties|评论|网友评论|读者评论|留言)", re.IGNORECASE)
#: A comment's time written day first or in words (``31.05.2018, 19:02``, ``05/31/2018 at 7:02 pm``, ``May 31, 2018 at 7:02 pm``).
_WESTERN_STAMP = re.compile(
    r"\b\d{1,2}[./]\s?\d{1,2}[./]\s?(19|20)\d{2},?\s*(um|at|à|-)?\s*\d{1,2}[:.h]\d{2}"
    r"|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d{2},?\s+(at\s+)?\d{1,2}:\d{2}"
)


def _stamp(text: str, end: int | None = None) -> re.Match[str] | None:
    """Where a line states a comment's date and time (a Chinese one, or a European one), within its first ``end`` characters."""
    end = len(text) if end is None else end
    return DATED.search(text, 0, end) or _WESTERN_STAMP.search(text, 0, end)


def _is_comment_heading(block: Block) -> bool:
    """A comment section's heading: a short line of its words, not a link (a lone ``回复`` link is a button)."""
    text = block.text
    if len(text) > 30 or block.link_density >= 1.0:
        return False
    if block.flags & HEADING and _BARE_HEADING.fullmatch(text.strip()) is not None:
        return True  # ``<h2>Kommentare</h2>``: a heading element, no button
    if text.isascii() or "omment" in text:
        return _WESTERN_COMMENT_HEADING.fullmatch(text) is not None
    return any(word in text for word in _COMMENT_WORDS) and _COMMENT_HEADING.fullmatch(text) is not None


def without_marginal_comments(blocks: list[Block], keep: list[bool], probabilities: list[float]) -> list[bool]:
    """Drop kept blocks below the article that are comments and that the model keeps only barely.

    A reader's reply is prose, so the model may keep it at a probability just over its
    threshold. Below the article's first kept block, a kept block under ``COMMENT_MARGIN``
    goes when it sits in markup classed as comments (``tokens.COMMENT``: a forum's
    replies under ``div.w_reply``) or below a comment section's heading the model left
    out (a blog's comment table under ``网友评论（共12条）``): the two signals together
    outweigh the prose; below such a heading, so do the kept blocks right after one that
    went, up to the next left-out line. A page whose article itself sits in a ``pinglun``
    (commentary) box keeps it: the rule starts after its first kept block outside such markup.
    """
    first = _first_outside_comments(blocks, keep)
    if first is None:
        return keep
    heading = next((i for i in range(first + 1, len(blocks)) if not keep[i] and _is_comment_heading(blocks[i])), len(blocks))
    out = keep
    for i in range(first + 1, len(blocks)):
        if not keep[i]:
            continue
        marginal = probabilities[i] < COMMENT_MARGIN and (i > heading or blocks[i].bits & COMMENT)
        # below the heading, the kept lines right after a comment are more of it (the next
        # commenter's name, the text under it), however likely
        continued = i > heading + 1 and keep[i - 1] and not out[i - 1]
        if marginal or continued:
            if out is keep:
                out = list(keep)
            out[i] = False
    return out


def _first_outside_comments(blocks: list[Block], keep: list[bool]) -> int | None:
    return next((i for i, flag in enumerate(keep) if flag and not blocks[i].bits & COMMENT), None)


#: A comment's header (``北青网网友 [北京市] 2007-06-12 08:23``) is a line of at most this
#: many characters, or stands within this many at the start of the comment's own line.
_MAX_COMMENT_HEADER = 60
_MAX_COMMENT_STAMP_AT = 30
#: A kept comment section heading goes with the comments when at least this many follow it.
_MIN_DATED_COMMENTS = 2


def _is_comment_stamp(blocks: list[Block], keep: list[bool], index: int) -> bool:
    """The block at ``index`` is a left-out short line with a date and a time (a comment's header or footer)."""
    if not 0 <= index < len(blocks) or keep[index]:
        return False
    text = blocks[index].text
    if len(text) <= _MAX_COMMENT_HEADER:
        return _stamp(text) is not None
    # a longer header holds the reply's subject after the stamp (``quietcartographer 2009-06-13 10:02 pm (UTC) Re: …``)
    stamp = _stamp(text, _MAX_COMMENT_HEADER) if len(text) <= 2 * _MAX_COMMENT_HEADER else None
    return stamp is not None and stamp.start() <= _MAX_COMMENT_STAMP_AT and not _SENTENCE_MARK.search(text)


#: A comment's stamp line holds no sentence.
_SENTENCE_MARK = re.compile(r"[。！？!?；;]")


def _opens_comment(blocks: list[Block], keep: list[bool], index: int) -> bool:
    """The block at ``index`` opens a comment: its stamp (commenter and time) is the left-out line above or below, its own start, or itself."""
    if _is_comment_stamp(blocks, keep, index - 1) or _is_comment_stamp(blocks, keep, index + 1):
        return True
    text = blocks[index].text
    stamp = _stamp(text, _MAX_COMMENT_HEADER)
    if stamp is None or stamp.start() > _MAX_COMMENT_STAMP_AT:
        return False
    # the comment's text after its stamp on the line, or the stamp line itself, kept (``沙集人在苏州 2017-09-26 11:02``)
    return stamp.end() < len(text) or not _SENTENCE_MARK.search(text)


def without_dated_comments(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop the comments under a comment section's heading that carry their commenter and time, whatever their probability.

    Below the article's first kept block and a comment section's heading
    (``我来说两句 已有47人发表评论``, ``回复列表（共18条）``, ``网友评论 46条评论 1287人参与``), a kept
    block goes when its stamp, the commenter and the time, is the left-out line right above
    it, the start of its own line (a reply table's row ``海雕之翼 2006-03-08 14:51⇥支持楼主…``)
    or the left-out line right below it (the time and the votes under each comment:
    ``2016-08-16 09:12 顶(132)``), and so do the kept blocks after it up to the next left-out
    line (a comment of several paragraphs). Heading and stamps together are the comment
    section's form; a dated line without such a heading decides nothing (a live blog's
    entries). A heading the model kept goes with the comments when two or more follow it.
    """
    first = _first_outside_comments(blocks, keep)
    if first is None:
        return keep
    heading = next((i for i in range(first + 1, len(blocks)) if _is_comment_heading(blocks[i])), None)
    if heading is None:
        return keep
    out = list(keep)
    comments = 0
    for i in range(heading + 1, len(blocks)):
        if not keep[i]:
            continue
        if _opens_comment(blocks, keep, i):
            comments += 1
        elif not (keep[i - 1] and not out[i - 1]):  # not the next paragraph of a comment
            continue
        out[i] = False
    if keep[heading] and comments >= _MIN_DATED_COMMENTS:
        out[heading] = False
    return out if comments and any(out) else keep


#: A comment written as its commenter's name and a colon, or as a reply to another
#: commenter (``北国时光：请问…``, ``雾里看山 回复 北国时光：就是…``).
_NAMED_COMMENT = re.compile(r"[^\s：:，,。！？]{1,16}(\s*(回复|回覆|reply to)\s*@?[^\s：:，,。！？]{1,16})?\s*[：:]\s*\S")
_REPLY_TO = re.compile(r"\S\s*(回复|回覆)\s*@?\S")
#: A list of named comments holds at least this many, replies to one another among them.
MIN_NAMED_COMMENTS = 3
MIN_REPLIES_TO = 2


def without_reply_lists(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop a list of comments written as ``name：…`` in which commenters answer one another.

    A blog's notes below a post (LOFTER's ``小黄灯：…`` / ``雾里看山 回复 小黄灯：…``) have no
    heading, no stamp and no class: a run of at least ``MIN_NAMED_COMMENTS`` consecutive
    lines each opening with a short name and a colon, ``MIN_REPLIES_TO`` of them written as
    a reply to another commenter (``X 回复 Y：``), below the article's first kept block, is the
    comment list. An interview's ``记者：…`` / ``王教授：…`` lines answer no one by name.
    """
    first = next((i for i, flag in enumerate(keep) if flag), None)
    if first is None:
        return keep
    # most lines have no colon: the cheap test before the pattern
    named = [i > first and (":" in b.text or "：" in b.text) and _NAMED_COMMENT.match(b.text) is not None for i, b in enumerate(blocks)]
    if sum(named) < MIN_NAMED_COMMENTS:
        return keep
    out = keep
    i = first + 1
    while i < len(blocks):
        j = i
        while j < len(blocks) and named[j]:
            j += 1
        run = range(i, j)
        replies = sum(1 for k in run if _REPLY_TO.search(blocks[k].text.split("：", 1)[0].split(":", 1)[0]))
        if len(run) >= MIN_NAMED_COMMENTS and replies >= MIN_REPLIES_TO and any(keep[k] for k in run):
            if out is keep:
                out = list(keep)
            for k in run:
                out[k] = False
        i = max(j, i + 1)
    return out
