"""Posts written in the Firebird BBS format: the first post of a thread, without its headers.

水木社区 and the university BBSes of its family (北大未名, 南大小百合, 复旦日月光华,
饮水思源 …), and their web front ends, show every post as plain text in one cell::

    发信人: bluefish77 (蓝鱼), 信区: Career_Plaza
    标  题: 在北京工作五年，想回二线城市
    发信站: 水木社区 (Mon Mar 16 10:12:33 2015), 站内

    the post's text …
    --
    a signature
    ※ 来源:·水木社区 http://www.newsmth.net·[FROM: 114.246.*.*]

and the replies follow in the same form. The header lines are the post's byline, the
lines from the bare ``--`` (or the first ``※ 来源``/``※ 修改`` line) on are its signature,
and every later post is a reply (a comment), but for the starter's own under a subject of
its own (``[补充] …``, not ``Re: …``), which continues the text. The format is the software's, not a site's,
so the rule is general; it applies only to text that opens with such a header.
"""

from __future__ import annotations

import re

#: A post's first header line: the poster's id, the nickname in brackets, the board.
_SENDER = re.compile(r"(发信人|寄信人)\s*[:：]\s*(?P<id>\S+?)\s*[(（][^)）]*[)）]\s*[,，]\s*(信\s*区|版\s*面)\s*[:：]\s*\S+")
#: The header lines after it: the subject, the sending station and a relay station.
_HEADER = re.compile(r"(标\s*题|发信站|转信站|出\s*处)\s*[:：]")
#: The station's note above a post reposted from another board (``【 以下文字转载自 WuHan 讨论区 】``, ``【 原文由 X 所发表 】``).
_REPOSTED = re.compile(r"【\s*(以下文字转载自|原文由)[^】]{1,40}】")
#: What ends a post's text: the signature separator (a bare ``--``) or the origin/edit stamps.
_SIGN_OFF = re.compile(r"--|※\s*(来源|修改|转载|转寄)\s*[:：].*")
#: A reply's subject (``标  题: Re: 在北京工作五年…``).
_REPLY_SUBJECT = re.compile(r"标\s*题\s*[:：]\s*(Re|RE|re)\s*[:：]")
#: The header lines stand in the first lines of the text.
_MAX_LEAD = 3
#: A header has at most this many lines after the sender's.
_MAX_HEADER = 3


def is_sign_off(line: str) -> bool:
    """True for what ends a post's text: a bare ``--`` or an origin or edit stamp (``※ 来源:·北大未名站 …``)."""
    return bool(_SIGN_OFF.fullmatch(line.strip()))


def is_sender_line(line: str) -> bool:
    """True for a post's first header line (``发信人: id (nickname), 信区: board``)."""
    return "\n" not in line and bool(_SENDER.match(line.strip()))


def post_opening(block: str) -> tuple[str | None, bool, str | None, str | None] | None:
    """A preformatted block that opens with a post's header: (the poster's id, whether the subject is a reply's,
    the subject, the station line stating the time); None for any other block. A front end that sets each post
    in a ``<pre>`` of its own shows a thread as a run of such blocks."""
    lines = block.lstrip("\n").split("\n", _MAX_LEAD + _MAX_HEADER)
    start = next((i for i, line in enumerate(lines[:_MAX_LEAD]) if is_sender_line(line)), None)
    if start is None:
        return None
    header = [line.strip() for line in lines[start + 1 : _header_end(lines, start)]]
    subject = next((line for line in header if _SUBJECT.match(line)), None)
    station = next((line for line in header if _STATION.match(line)), None)
    reply = any(_REPLY_SUBJECT.match(line) for line in header)
    return _sender_id(lines[start]), reply, _SUBJECT.sub("", subject, count=1).strip() if subject else None, station


def thread_opening(lines: list[str]) -> tuple[str | None, str | None] | None:
    """The subject and the station line of the first post on a page whose text opens with a Firebird post
    (one ``<pre>`` per post or the whole thread in one), or None."""
    for position, line in enumerate(lines[:_MAX_PAGE_LEAD]):
        opening = _opening(line)
        if opening is not None:
            if "\n" not in line:  # the header's lines are the page's next lines (a post set as paragraphs)
                opening = post_opening("\n".join(lines[position : position + 1 + _MAX_HEADER])) or opening
            subject = opening[2]
            return (_REPLY_PREFIX.sub("", subject) if subject else None), opening[3]
    return None


def _opening(block: str) -> tuple[str | None, bool, str | None, str | None] | None:
    """``post_opening``, after a cheap test for the sender's label near the start."""
    return post_opening(block) if "发信人" in block[:200] or "寄信人" in block[:200] else None


#: The first post stands among the page's first lines (a title line, a navigation bar's links above it).
_MAX_PAGE_LEAD = 20
#: The sending station's line, with the post's time (``发信站: 南京大学小百合站 (Tue Jul 18 12:03:43 2006)``).
_STATION = re.compile(r"发信站\s*[:：]")
_REPLY_PREFIX = re.compile(r"^(Re|RE|re)\s*[:：]\s*")


#: A post's subject line (``标  题: 汇改一年：…``).
_SUBJECT = re.compile(r"标\s*题\s*[:：]\s*")


def post_verdicts(lines: list[str]) -> list[str | None] | None:
    """For each line of a text that opens with a Firebird post: None when it is the first post's text, else why it goes.

    Reasons: ``bbs_header`` (the sender, subject and station lines), ``signature`` (from the
    post's ``--`` or ``※ 来源`` stamp to the next post), ``bbs_reply`` (every later post, but
    the starter's own under a new subject, whose text stays; and the posts a kept post quotes).
    Returns None when the text does not open with a post header (within its first
    ``_MAX_LEAD`` lines), so that no other text is touched.
    """
    start = next((i for i, line in enumerate(lines[:_MAX_LEAD]) if is_sender_line(line)), None)
    if start is None:
        # the sender's line left out, the subject and station lines kept (a front end setting each header line apart)
        start = next((i for i, line in enumerate(lines[:_MAX_LEAD]) if _SUBJECT.match(line.strip())), None)
        if start is None or not any(_STATION.match(line.strip()) for line in lines[start + 1 : start + 1 + _MAX_HEADER]):
            return None
        start -= 1
    verdicts: list[str | None] = [None] * len(lines)
    end = _header_end(lines, start)
    for i in range(max(0, start), end):
        verdicts[i] = "bbs_header"
    for i in range(max(0, start)):
        if _REPOSTED.fullmatch(lines[i].strip()):
            verdicts[i] = "bbs_header"  # the station's note over a reposted post
    starter = _sender_id(lines[start]) if start >= 0 else None
    reason: str | None = None
    signed: set[str] = set()
    i = end
    while i < len(lines):
        line = lines[i].strip()
        if is_sender_line(line):
            header = _header_end(lines, i)
            # the starter's own later post continues the text: under a new subject ([补充] …), or under ``Re:`` when it
            # tells more (``MIN_OWN_POST`` characters of his own); a ``Re:`` of a line or two is an answer to a reader
            own = _sender_id(line) == starter and (
                not any(_REPLY_SUBJECT.match(lines[j].strip()) for j in range(i + 1, header)) or _own_chars(lines, header) >= MIN_OWN_POST
            )
            for j in range(i, header):
                verdicts[j] = "bbs_header" if own else "bbs_reply"
            reason = None if own else "bbs_reply"
            i = header
            continue
        if reason is None and is_sign_off(line):
            reason = "signature"
        # a post quoting another (``【 在 X (Y) 的大作中提到: 】`` over ``: …`` lines): the quote is that post's; a line
        # the first post's signature holds is the signature again under a later post whose ``--`` went
        verdicts[i] = reason or ("bbs_reply" if _QUOTED.match(line) else "signature" if line and line in signed else None)
        if verdicts[i] == "signature":
            signed.add(line)
        i += 1
    return verdicts


def _own_chars(lines: list[str], start: int) -> int:
    """The characters of a post's own text from ``start`` to its sign-off or the next post, quotes aside."""
    size = 0
    for line in lines[start:]:
        line = line.strip()
        if is_sender_line(line) or is_sign_off(line):
            break
        if not _QUOTED.match(line):
            size += len(line)
    return size


#: A quoted post inside a post: its header and its lines, each opened by a colon.
_QUOTED = re.compile(r"【\s*在\s*.{1,60}的大作中提到\s*[:：]\s*】|:(\s|$)")


def _header_end(lines: list[str], start: int) -> int:
    """The index after the header lines of the post whose sender line is ``lines[start]``."""
    end = start + 1
    while end < len(lines) and end <= start + _MAX_HEADER and _HEADER.match(lines[end].strip()):
        end += 1
    return end


def _sender_id(line: str) -> str | None:
    """The poster's id on a sender line (``bluefish77`` of ``发信人: bluefish77 (蓝鱼), 信区: …``)."""
    match = _SENDER.match(line.strip())
    return match["id"] if match else None


def first_post(block: str) -> str | None:
    """The first post's text of a preformatted block that holds a thread (a ``<pre>`` front end), or None.

    The block's lines keep their indentation; None when it does not open with a post header.
    """
    lines = block.split("\n")
    verdicts = post_verdicts(lines)
    if verdicts is None:
        return None
    return "\n".join(line for line, reason in zip(lines, verdicts) if reason is None).strip("\n")


def is_later_reply(block: str, starter: list[str | None]) -> bool:
    """True for a ``<pre>`` post after the first one that is another poster's, or the starter's answering in a line
    or two; ``starter`` remembers the first post's poster. The starter's own later post that tells more (at least
    ``MIN_OWN_POST`` characters of his own, quotes aside) continues the text, under ``Re:`` too."""
    opening = _opening(block)
    if opening is None:
        return False
    if not starter:
        starter.append(opening[0])
        return False
    lines = block.lstrip("\n").split("\n")
    start = next(i for i, line in enumerate(lines[:_MAX_LEAD]) if is_sender_line(line))
    return opening[0] != starter[0] or _own_chars(lines, _header_end(lines, start)) < MIN_OWN_POST


def above_first_post(lines: list[str]) -> int:
    """The position of the first ``<pre>`` post among the text's first lines (0 when there is none): what stands
    above it is the board's title and bars (``南京大学小百合站 - 同主题文章阅读``, ``本主题共有 6 篇文章，分 1 页``)."""
    for position, line in enumerate(lines[:_MAX_ABOVE_POST]):
        if "\n" in line and _opening(line) is not None:
            return position
    return 0


_MAX_ABOVE_POST = 4
#: The starter's later post continues the text with at least this many characters of his own.
MIN_OWN_POST = 100
