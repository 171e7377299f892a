"""An image gallery inside the text: its captions are text, its counters are not.

A gallery shows each picture with a counter (``1/6``) and a caption. The model reads the
captions as the short lines of a widget and leaves them out; between kept paragraphs,
under a run of counters of one gallery, they are the article's own (captions are text,
docs/extraction.md). The counters stay out (post-clean's ``gallery_counter``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.boilerplate import is_boilerplate

if TYPE_CHECKING:
    from crawler.extract.segment import Block

_COUNTER = re.compile(r"\s*(\d{1,3})\s*/\s*(\d{1,3})\s*\Z")
#: A counter the caption is glued to (``1/4海上养殖平台配备风光互补发电设备``): a Han character
#: follows (``1/2 tsp coconut oil`` is a recipe's amount).
_GLUED = re.compile(r"\s*(\d{1,3})\s*/\s*(\d{1,3})\s*(?=[\u4e00-\u9fff])")
#: A gallery shows at least this many counters of the same total.
MIN_PICTURES = 2
#: A caption is a short line, not a link.
MAX_CAPTION = 120


def _counter(text: str, pattern: re.Pattern[str] = _COUNTER) -> tuple[int, int] | None:
    match = pattern.match(text)
    if match is None:
        return None
    shown, total = int(match.group(1)), int(match.group(2))
    return (shown, total) if 1 <= shown <= total and total >= MIN_PICTURES else None


def with_gallery_captions(blocks: list[Block], keep: list[bool], scope: list[bool]) -> list[bool]:
    """Keep the caption under each counter of a gallery that stands between kept blocks.

    The gallery: at least ``MIN_PICTURES`` counters ``k/n`` with the same ``n``; the caption:
    the left-out line right after a counter, at most ``MAX_CAPTION`` characters, mostly not
    link text, no counter or boilerplate itself, or the counter's own line when the caption
    is glued to it (the counter then stays in the text). Only between the first and the last kept
    block: a gallery after the text (a slideshow of other stories) keeps nothing.
    """
    slashed = [i for i, block in enumerate(blocks) if "/" in block.text]  # every counter has one: the cheap test first
    if len(slashed) < MIN_PICTURES:
        return keep
    counters = {i: found for i in slashed if len(blocks[i].text) <= 9 and (found := _counter(blocks[i].text))}
    glued = {
        i: found
        for i in slashed
        if i not in counters
        and len(blocks[i].text) <= MAX_CAPTION
        and blocks[i].text[:1].isdigit()
        and (found := _counter(blocks[i].text, _GLUED))
    }
    if len(counters) + len(glued) < MIN_PICTURES:
        return keep
    totals = [total for _, total in [*counters.values(), *glued.values()]]
    kept = [i for i, flag in enumerate(keep) if flag]
    if len(kept) < 2:
        return keep
    out = keep
    for i, (_, total) in glued.items():  # the caption is the counter's own line
        if kept[0] < i < kept[-1] and totals.count(total) >= MIN_PICTURES and not keep[i] and scope[i] and blocks[i].link_density < 0.5:
            if out is keep:
                out = list(keep)
            out[i] = True
    for i, (_, total) in counters.items():
        j = i + 1
        if not kept[0] < i < kept[-1] or totals.count(total) < MIN_PICTURES or j >= len(blocks) or keep[j] or not scope[j]:
            continue
        caption = blocks[j]
        if len(caption.text) > MAX_CAPTION or caption.link_density >= 0.5 or j in counters or is_boilerplate(caption.text):
            continue
        if out is keep:
            out = list(keep)
        out[j] = True
    return out
