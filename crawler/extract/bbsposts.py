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


def post_verdicts(lines: list[str]) -> list[str | None] | None:
    """For each line of a text that opens with a Firebird post: None when it is the first post's text, else why it goes.

    Reasons: ``bbs_header`` (the sender, subject and station lines), ``signature`` (from the
    post's ``--`` or ``※ 来源`` stamp to the next post), ``bbs_reply`` (every later post, but
    the starter's own under a new subject, whose text stays).
    Returns None when the text does not open with a post header (within its first
    ``_MAX_LEAD`` lines), so that no other text is touched.
    """
    start = next((i for i, line in enumerate(lines[:_MAX_LEAD]) if is_sender_line(line)), None)
    if start is None:
        return None
    verdicts: list[str | None] = [None] * len(lines)
    end = _header_end(lines, start)
    for i in range(start, end):
        verdicts[i] = "bbs_header"
    starter = _sender_id(lines[start])
    reason: str | None = None
    i = end
    while i < len(lines):
        line = lines[i].strip()
        if is_sender_line(line):
            header = _header_end(lines, i)
            # the starter's own later post under a new subject continues the text ([补充] …); a ``Re:`` is an answer
            own = _sender_id(line) == starter and not any(_REPLY_SUBJECT.match(lines[j].strip()) for j in range(i + 1, header))
            for j in range(i, header):
                verdicts[j] = "bbs_header" if own else "bbs_reply"
            reason = None if own else "bbs_reply"
            i = header
            continue
        if reason is None and is_sign_off(line):
            reason = "signature"
        verdicts[i] = reason
        i += 1
    return verdicts


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
