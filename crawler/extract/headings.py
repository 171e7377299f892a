"""Subheadings inside the text: short lines the model reads as a box's title, kept between the text's paragraphs.

A short heading inside the text reads, to the model, much like a menu's or a box's title.
Heading the paragraph after it, in the element that holds both, it is the text's own:
a heading element, a numbered line or a line all in bold right between two kept blocks, a line of a
numbered series whose other members the model kept (``顾虑一：…`` kept, ``顾虑二：…`` left
out after a related-links box inside the text), or a heading element whose sibling headings the
model kept (``<h3>海外仓成为“新基建”</h3>`` after a 延伸阅读 box).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from crawler.extract.residue import is_heading
from crawler.extract.segment import HEADING
from crawler.extract.shapes import is_prose

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: A numbered section heading: ``二、立项依据``, ``（三）资金保障``, ``第四部分 …``.
_NUMBERED_HEADING = re.compile(r"\s*([一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章节部分篇])")
#: A numbered heading is a short line, not a sentence.
_MAX_NUMBERED_HEADING = 40
_SENTENCE_END = frozenset("。！？!?；;")


def _is_subheading(block: Block) -> bool:
    """A heading element, or a short line without links that is not a sentence: numbered, or all in bold."""
    if block.flags & HEADING:
        return True
    text = block.text
    return (
        len(text) <= _MAX_NUMBERED_HEADING
        and not block.link_density
        and text[-1] not in _SENTENCE_END
        and (_NUMBERED_HEADING.match(text) is not None or _all_bold(block))
    )


def _all_bold(block: Block) -> bool:
    """The block's line is the text of its element's bold children (``<p>　　<b>配套服务全面升级</b>``), not a related list's heading."""
    bold = "".join(child.text_content() for child in block.element if child.tag in ("b", "strong") or child.tag == "span" and "bold" in (child.get("style") or ""))
    return "".join(bold.split()) == "".join(block.text.split()) and not is_heading(block.text)


def with_inner_headings(blocks: list[Block], keep: list[bool], scope: list[bool]) -> list[bool]:
    """Keep a subheading between two kept blocks, in the same element as the one after it.

    A subheading is a heading element (``<h1>``–``<h6>``), a short numbered line
    (``二、立项依据：要有“问题链”``, a forum post's bold line between its ``<br>`` paragraphs) or a
    short line all in bold (``<p><b>配套服务全面升级</b>``).
    A short heading inside the text reads, to the model, much like a menu's or a box's
    title; right between two blocks it keeps, heading the paragraph after it in the
    element that holds both, it is the text's own subheading.
    """
    kept = [i for i, flag in enumerate(keep) if flag]
    out = keep
    for before, after in zip(kept, kept[1:]):
        if after - before != 2:
            continue
        middle = before + 1
        block = blocks[middle]
        parent = block.element.getparent()
        if scope[middle] and _is_subheading(block) and blocks[after].element.getparent() is parent:
            if out is keep:
                out = list(keep)
            out[middle] = True
    return out


#: A member of a numbered series of headings: a short word and its number (``顾虑二：``, ``建议3、``).
_SERIES = re.compile(r"(\S{1,6}?)([一二三四五六七八九十]{1,3}|\d{1,2})\s*[：:、．.]\s*\S")


def _series(block: Block) -> str | None:
    """The series word of a short line that is no sentence (``顾虑`` of ``顾虑二：数据安全心里没底``), else None."""
    text = block.text
    if len(text) > _MAX_NUMBERED_HEADING or block.link_density or text[-1] in _SENTENCE_END:
        return None
    match = _SERIES.match(text)
    return match.group(1) if match else None


def with_series_headings(blocks: list[Block], keep: list[bool], scope: list[bool]) -> list[bool]:
    """Keep a left-out heading of a numbered series the model kept other members of, heading a kept block.

    ``顾虑一：投入高、见效慢`` kept and ``顾虑二：数据安全心里没底`` left out (it follows a
    related-links box, not a paragraph): the line goes back when a kept line of the same
    series word (with its own number) exists and the block right after it is kept, in the
    same element.
    """
    kept_series = {word for i, flag in enumerate(keep) if flag and (word := _series(blocks[i]))}
    if not kept_series:
        return keep
    out = keep
    for i in range(len(blocks) - 1):
        if keep[i] or not scope[i] or not keep[i + 1] or _series(blocks[i]) not in kept_series:
            continue
        if blocks[i + 1].element.getparent() is blocks[i].element.getparent():
            if out is keep:
                out = list(keep)
            out[i] = True
    return out


#: A heading element heading the text's paragraphs is a short line of words (not a rule ``—``).
_MAX_SUBHEADING = 60
_WORD = re.compile(r"\w")


#: A left-out heading element also comes back when its element holds this many kept sentences
#: (the locked part of a text below a paywall's box).
_MIN_PROSE_BELOW = 2


def with_sibling_headings(blocks: list[Block], keep: list[bool], scope: list[bool]) -> list[bool]:
    """Keep a left-out heading element heading a kept block, when the model kept a sibling heading element or two sibling sentences.

    An inline box (``延伸阅读`` and its links) right above a subheading leaves the subheading
    among left-out lines, and the model reads it as the box's next line; so does a paywall's
    box above the locked part of the text. Inside the text (below a kept block), heading the
    kept block after it in the element that holds both, with another heading element of that
    element kept, or two of its sentences, it is one of the text's subheadings. A related
    list's heading (``相关阅读``) is none, nor is a box's over its one kept line.
    """
    first = next((i for i, flag in enumerate(keep) if flag), len(blocks))
    candidates = [
        i for i in range(first + 1, len(blocks) - 1)
        if not keep[i] and scope[i] and blocks[i].flags & HEADING and keep[i + 1]
        and blocks[i + 1].element.getparent() is blocks[i].element.getparent() is not None
    ]
    if not candidates:
        return keep
    holders = {blocks[i].element.getparent() for i in candidates}
    headed = {parent for i, flag in enumerate(keep) if flag and blocks[i].flags & HEADING and (parent := blocks[i].element.getparent()) in holders}
    prose = Counter(parent for i, flag in enumerate(keep) if flag and (parent := blocks[i].element.getparent()) in holders and is_prose(blocks[i].text))
    parents = headed | {parent for parent, count in prose.items() if count >= _MIN_PROSE_BELOW}
    out = keep
    for i in candidates:
        block = blocks[i]
        text = block.text
        if (
            block.element.getparent() in parents
            and len(text) <= _MAX_SUBHEADING
            and _WORD.search(text) is not None
            and not block.link_density
            and text[-1] not in _SENTENCE_END
            and not is_heading(text)
        ):
            if out is keep:
                out = list(keep)
            out[i] = True
    return out
