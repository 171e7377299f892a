"""Decide the main text from the block model's probabilities, then tidy the kept lines.

A block is kept when the model's probability reaches its threshold. The headline's own
block is never kept (the title is a field of its own). A page the model finds no main
text on keeps its likeliest blocks instead: a heuristic never discards an article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.postclean import postclean_verdicts
from crawler.extract.widgettables import headed_table_flags
from crawler.extract.residue import ListShapes, is_labelled_lead, is_lead_label
from crawler.extract.segment import DATA_ROW, HEADING
from crawler.extract.shapes import is_prose

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: Without a block over the threshold, blocks within this margin of the best one are kept.
FALLBACK_MARGIN = 0.2
#: A kicker or subtitle next to the headline is at most this long.
MAX_DECK = 120


def keep_flags(probabilities: list[float], threshold: float, headline: int = -1, scope: list[bool] | None = None) -> list[bool]:
    """Which blocks are main text.

    Args:
        probabilities: the model's probability for each block.
        threshold: the model's keep threshold.
        headline: index of the headline's block, never kept (-1: none).
        scope: which blocks may be kept at all (the scored ones, and with a site profile's
            article container only those inside it); None: all.
    """
    allowed = [i != headline and (scope is None or scope[i]) for i in range(len(probabilities))]
    keep = [p >= threshold and ok for p, ok in zip(probabilities, allowed)]
    if any(keep):
        return keep
    others = [p for p, ok in zip(probabilities, allowed) if ok]
    if not others:
        return keep
    floor = max(others) - FALLBACK_MARGIN
    return [p >= floor and ok for p, ok in zip(probabilities, allowed)]


#: A labelled lead box stands at most this many blocks above the text's first kept block.
LEAD_REACH = 3


def with_labelled_lead(blocks: list[Block], keep: list[bool], scored: list[bool]) -> list[bool]:
    """Keep the labelled lead box (``摘要：…``, ``【导读】…``, ``编者按：…``) right above the text.

    An editor's summary is part of the article; the model, reading a short box above the
    text among the byline and the photo credit, may leave it just under its threshold.
    Only a block the model scored (``scored``; a profile's container may begin below the
    box) within ``LEAD_REACH`` blocks above the first kept one; the post-clean drops it
    again when the text below repeats it.
    """
    first = next((i for i, flag in enumerate(keep) if flag), None)
    if first is None:
        return keep
    for i in range(first - 1, max(-1, first - 1 - LEAD_REACH), -1):
        if scored[i] and is_labelled_lead(blocks[i].text):
            keep = list(keep)
            keep[i] = True
            if is_lead_label(blocks[i].text) and i + 1 < first and scored[i + 1]:
                keep[i + 1] = True  # the label alone on its line (``摘要：``), the summary below it
            return keep
    return keep


#: A question's own addition on a Q&A page (``问题补充：电池是6芯的锂电池…``), labelled.
_QUESTION_ADDED = re.compile(r"\s*[【\[]?\s*(问题补充|补充说明|问题描述|补充问题)\s*[】\]]?\s*[:：]")
#: It stands at most this many blocks below the question's text.
QUESTION_REACH = 2


def with_question_supplement(blocks: list[Block], keep: list[bool], scored: list[bool]) -> list[bool]:
    """Keep a question's labelled addition (``问题补充：…``) right below the question the model kept: the asker's text.

    The model reads it among the question's counters and the answers' chrome and may leave
    it out; only a scored block within ``QUESTION_REACH`` blocks under a kept one.
    """
    out = keep
    for i, block in enumerate(blocks):
        if keep[i] or not scored[i] or not any(keep[max(0, i - QUESTION_REACH) : i]) or not _QUESTION_ADDED.match(block.text):
            continue
        if out is keep:
            out = list(keep)
        out[i] = True
    return out


def without_headed_tables(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop the kept rows of a table headed as a related list, whatever the model made of its heading.

    A quote box (``相关股份`` over name, code, price, change) may lose its heading to the
    model and keep a row or two: the heading still says what the rows are
    (``widgettables.headed_table_flags``).
    """
    flags = headed_table_flags([block.text for block in blocks], [bool(block.flags & DATA_ROW) for block in blocks])
    if not any(flags):
        return keep
    return [flag and not widget for flag, widget in zip(keep, flags)]


#: A signature line: an issuing body's name ...
_ISSUER = re.compile(
    r"^[^。！？!?，,；;：:]{2,30}(局|委|厅|部|院|办|办公室|政府|中心|委员会|公司|协会|学会|大学|学院|医院|领导小组|处|署|所|站|馆|社|集团|银行|联合会)$"
)
#: ... or the date it signed on.
_SIGNED_ON = re.compile(r"^(19|20)\d{2}\s*(年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})$")
#: At most this many signature lines follow a notice.
MAX_SIGNATURE = 3


def with_signature(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Keep the signature of a notice: issuer and date lines right after the last kept block.

    Only plain-text lines in the same parent element as the last kept block, directly
    below it: the issuing body (``某县科学技术局``) and the date (``2024年5月12日``).
    Then its list of attachments (``with_attachments``).
    """
    last = max((i for i, flag in enumerate(keep) if flag), default=-1)
    if last < 0:
        return keep
    parent = blocks[last].element.getparent()
    keep = list(keep)
    for i in range(last + 1, min(len(blocks), last + 1 + MAX_SIGNATURE)):
        block = blocks[i]
        text = block.text.strip()
        if block.link_density or block.element.getparent() is not parent:
            break
        if not (_ISSUER.match(text) or _SIGNED_ON.match(text)):
            break
        keep[i] = True
    return with_attachments(blocks, keep)


#: The label that opens a notice's list of attachments (``附件：``, ``附件1：``, ``附件下载``).
#: It ends the line or takes a colon or brackets: ``附件管理系统上线…`` is a sentence.
_ATTACHMENTS = re.compile(r"^[【\[]?\s*(相关)?附\s*件\s*(\d{1,2}|下载)?\s*([】\]]\s*[:：]?|[:：]|$)")
#: A further item of the list: numbered (``2. 统计表.docx``) or a link to a document file.
_NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.．、)）]")
_DOCUMENT = re.compile(r"\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|txt|csv|pptx?)$", re.IGNORECASE)
#: At most this many lines of attachments follow a notice.
MAX_ATTACHMENTS = 12


def _links_a_document(block: Block) -> bool:
    return any(_DOCUMENT.search((link.get("href") or "").split("?")[0].strip()) for link in block.element.iter("a"))


def with_inner_attachments(blocks: list[Block], keep: list[bool], scope: list[bool]) -> list[bool]:
    """Keep a notice's list of attachments that stands inside its text, above the signature.

    ``附件：`` with its items (``1.申报指南.docx``; or ``附件：1.申请书.docx`` on one line) between
    two kept blocks is the notice's own; the model, reading a short line that links to a
    file, may leave the items out. Items are numbered or link to a document file, in the
    label's parent element, at most ``MAX_ATTACHMENTS`` lines.
    """
    kept = [i for i, flag in enumerate(keep) if flag]
    if len(kept) < 2:
        return keep
    first, last = kept[0], kept[-1]
    out = keep
    for i in range(first + 1, last):
        if not scope[i] or not _ATTACHMENTS.match(blocks[i].text.strip()):
            continue
        parent = blocks[i].element.getparent()
        for j in range(i, min(last, i + MAX_ATTACHMENTS)):
            block = blocks[j]
            if j > i and (block.element.getparent() is not parent or not (_NUMBERED.match(block.text) or _links_a_document(block))):
                break
            if out is keep:
                out = list(keep)
            out[j] = True
    return out


def with_attachments(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Keep a notice's list of attachments, right after the last kept block.

    The list opens with its label (``附件：1. 指引.pdf``) and goes on with numbered items or
    links to document files; it may stand outside the editor's container (a TRS page puts
    it in a box of its own below the text). Links that say ``附件`` are what a researcher
    follows to the documents the notice issues; a link list without the label (a
    download box, related reading) is not taken.
    """
    last = max((i for i, flag in enumerate(keep) if flag), default=-1)
    if last < 0 or last + 1 >= len(blocks) or not _ATTACHMENTS.match(blocks[last + 1].text.strip()):
        return keep
    keep = list(keep)
    for i in range(last + 1, min(len(blocks), last + 1 + MAX_ATTACHMENTS)):
        block = blocks[i]
        if i > last + 1 and not (_NUMBERED.match(block.text) or _links_a_document(block)):
            break
        keep[i] = True
    return keep


def _is_deck(blocks: list[Block], index: int, headline: int, first: int) -> bool:
    """A kicker (the line right above the headline) or a subtitle (a heading right below it),
    above the text's first sentence."""
    if headline < 0 or index >= first or len(blocks[index].text) > MAX_DECK:
        return False
    return index == headline - 1 or index == headline + 1 and bool(blocks[index].flags & HEADING)


def finish_lines(
    blocks: list[Block], keep: list[bool], title: str | None, headline: int = -1, listed: list[bool] | None = None
) -> list[str]:
    """The kept blocks as cleaned lines (crawler/extract/postclean.py).

    A kicker or subtitle (the line right above the headline, or a heading right below it,
    above the text's first sentence) goes with the headline. Recommendation lists are
    recognised on the whole page, so that a list whose heading the model dropped is
    still known as one. If the line rules would leave nothing, the kept blocks are
    returned untouched: a line rule never empties an article. ``listed``: the blocks'
    list shapes (``ListShapes.listed``), when the caller has them.
    """
    verdicts = finish_verdicts(blocks, keep, title, headline, listed)
    return [line for _, (line, reason) in sorted(verdicts.items()) if reason is None]


def finish_verdicts(
    blocks: list[Block], keep: list[bool], title: str | None, headline: int = -1, listed: list[bool] | None = None
) -> dict[int, tuple[str, str | None]]:
    """For each kept block's index: its cleaned line, and None when it stays, else the rule that drops it.

    ``finish_lines`` keeps exactly the lines whose reason is None; a kicker or subtitle is
    dropped as ``deck``, the line rules name theirs (``postclean_verdicts``).
    """
    texts = [block.text for block in blocks]
    if listed is None:
        listed = ListShapes.of(texts).listed
    first = next((b.index for b, flag in zip(blocks, keep) if flag and is_prose(b.text)), len(blocks))
    verdicts: dict[int, tuple[str, str | None]] = {}
    chosen: list[int] = []
    for i, flag in enumerate(keep):
        if not flag:
            continue
        if _is_deck(blocks, i, headline, first):
            verdicts[i] = (texts[i], "deck")
        else:
            chosen.append(i)
    lines = postclean_verdicts([texts[i] for i in chosen], title, [listed[i] for i in chosen])
    verdicts.update(zip(chosen, lines))
    if not any(reason is None for _, reason in verdicts.values()):
        return {i: (texts[i], None) for i in sorted(verdicts)}  # never empty an article: kept blocks, untouched
    return verdicts
