"""Residue in extracted lines: headed recommendation blocks, headline/source/time lists, repeated summaries.

These lists (热点推荐, 往期推荐, 大家都在看 …) are recognised by shape, not by class names:
a heading line naming the list followed by short non-sentence lines, or a run of
lines ending in timestamps (``headline source 2024-05-27 19:40``, one field per line or
all on one). A body paragraph is a sentence, so neither shape takes one. A summary box
above the text (a CMS's intro field) is recognised by repeating the text below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from crawler.extract.feeds import feed_flags
from crawler.extract.hans import simplified
from crawler.extract.shapes import CROSS_REFERENCE, SENTENCE_MARK, is_prose, key

if TYPE_CHECKING:
    from collections.abc import Callable

#: Headings of recommendation and related lists, as a whole line.
_HEADING = re.compile(
    r"[【\[]?\s*(?:往期(?:推荐|回顾|精选|精彩|热文)|推荐阅读|相关(?:阅读|推荐|文章|新闻|稿件|报道|研报|资讯|链接|话题|视频|专题|日志|博文|帖子|股票(?:行情)?|个股(?:行情)?|股份(?:报价|行情)?|股项|基金(?:净值|行情)?|概念股?|指数|(?:商品|合约|期货|期权)?(?:价格|行情|报价)|品种)|(?:实时|延时|即时|最新)行情|延伸阅读|"
    r"热点(?:推荐|新闻|文章)|热门(?:推荐|文章|新闻|阅读)|(?:热门|热销|精选|人气)[\u4e00-\u9fff]{1,6}推荐|精彩(?:推荐|阅读|图集)|猜你喜欢|大家都在看|为您推荐|"
    r"今日推荐|编辑推荐|(?:今日)?好文推荐|更多(?:精彩|阅读|图集|新闻|推荐)|阅读排行|点击排行|排行榜|你可能(?:还)?(?:喜欢|感兴趣))"
    r"\s*[】\]]?\s*[:：>›»]*"
)
#: The same in the larger European languages, as a whole lower-cased line: these, and a
#: cross-reference label alone on its line (``Related articles``, ``Czytaj też``,
#: ``Das könnte Sie auch interessieren:``, ``shapes.CROSS_REFERENCE``).
_WESTERN_HEADING = re.compile(
    r"(you (may|might) also (like|be interested in)|more (stories|news|articles)|most (read|popular|viewed|shared)|"
    r"popular (posts|stories|articles)|trending( now| stories)?|further reading|editor'?s picks|top stories|"
    r"recommended( for you| reading| stories| articles)|related reading|weitere (nachrichten|beiträge)|"
    r"(ähnliche|verwandte) (artikel|beiträge)|meistgelesen(e artikel)?|beliebte (artikel|beiträge)|empfehlungen|"
    r"sur le même sujet|les plus lus|articles (similaires|liés)|vous aimerez aussi|artículos relacionados|"
    r"lo más (leído|visto)|más (leídas|leídos|noticias)|mais lidas|notícias relacionadas|articoli correlati|(i )?più letti|"
    r"najczęściej czytane|polecane|(podobne|powiązane) artykuły|meest gelezen|gerelateerde artikelen|похожие статьи|по теме|"
    # a quote table's heading (``Zugehörige Wertpapiere``, ``Erwähnte Werte``, ``Stocks mentioned``)
    r"zugehörige wertpapiere|erwähnte (werte|wertpapiere|aktien)|stocks mentioned|related (stocks|tickers|securities)|(previous and )?related coverage)"
    r"\s*[:>›»]*"
)
#: ... of at most this many characters (a heading, not a sentence that opens with the words).
_MAX_WESTERN_HEADING = 50
#: A timestamp ending a list item: dates, clock times, "3小时前", comment/read counts.
_STAMP = re.compile(
    r"(?:(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}月\d{1,2}日|\d{2}-\d{2}|\d{1,2}[-/]\d{1,2}(?=\s+\d))"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}:\d{2}(?::\d{2})?|\d+\s*(?:秒|分钟|小时|天)前|刚刚|昨天\s*\d{1,2}:\d{2}|\d+\s*(?:跟贴|跟帖|评论|阅读|浏览))$"
)
_BULLET = re.compile(r"^(?:[-•·*]|\d{1,2}[.、])\s*")
#: Inside a headed list, ！ and ？ are headline punctuation (``重磅！…``, ``你打卡了吗？``).
_FULL_STOP = re.compile(r"[。；;]")
#: A list item's headline (plus source) is at most this long.
MAX_ITEM = 60
#: Fewer stamped lines than this are a body's own dates (a signature, a schedule).
MIN_STAMPS = 3
#: Headlines ending in ！/？ are list items only when at least this many follow a heading.
MIN_EXCLAIMED = 2


#: Marks a heading is decorated with (``— 推荐阅读 —``, ``▽ 精彩推荐``).
_DECORATION = " —-–▽▼△▲◆◇■□●○★☆·•|｜=~*"


@lru_cache(maxsize=8192)
def is_heading(line: str) -> bool:
    """True for a line that only names a recommendation or related list (its decoration aside).

    Remembered: the list shapes read every line of the page, the text cues the same lines again.
    """
    line = simplified(line).strip(_DECORATION)
    if _HEADING.fullmatch(line) is not None:
        return True
    if len(line) > _MAX_WESTERN_HEADING:
        return False
    low = line.lower()
    if _WESTERN_HEADING.fullmatch(low) is not None:
        return True
    label = CROSS_REFERENCE.match(low)
    return label is not None and not low[label.end() :].strip()


def is_item(line: str) -> bool:
    """A short line without sentence punctuation: a headline, a source, a tag."""
    return len(line) <= MAX_ITEM and not SENTENCE_MARK.search(line)


def is_listed_headline(line: str) -> bool:
    """A short line under a list heading: headlines may exclaim or ask, but do not end a statement."""
    return len(line) <= MAX_ITEM and not _FULL_STOP.search(line)


#: A timestamp ends in a digit or one of these characters (a cheap test before the regex).
_STAMP_ENDS = frozenset("0123456789前刚贴帖论读览天")


def is_stamped(line: str) -> bool:
    """A list item ending in a timestamp, whose text before it is item-like."""
    line = line.strip()
    if not line or line[-1] not in _STAMP_ENDS or len(line) > MAX_ITEM + 30:
        return False
    text = _BULLET.sub("", line)
    match = _STAMP.search(text)
    return match is not None and is_item(text[: match.start()])


def _run_end(lines: list[str], start: int, test: Callable[[str], bool]) -> int:
    end = start
    while end < len(lines) and test(lines[end]):
        end += 1
    return end


def _list_end(lines: list[str], start: int) -> int:
    """Where the list under a heading at ``start - 1`` ends.

    Exclaiming or asking headlines count as items only in a run of at least two: a single
    question after 延伸阅读 is the sub-heading of an explainer whose answer follows.
    """
    strict = _run_end(lines, start, is_item)
    relaxed = _run_end(lines, start, is_listed_headline)
    return relaxed if relaxed - start >= MIN_EXCLAIMED else strict


def headed_list_flags(lines: list[str]) -> list[bool]:
    """For each line: is it a list heading or an item of the list under one?"""
    flags = [False] * len(lines)
    index = 0
    while index < len(lines):
        if is_heading(lines[index]):
            end = _list_end(lines, index + 1)
            for position in range(index, end):
                flags[position] = True
            index = max(end, index + 1)
            continue
        index += 1
    return flags


def stamped_run_flags(lines: list[str], stamped: list[bool] | None = None) -> list[bool]:
    """For each line: is it part of a run of timestamped list items (three stamps or more)?

    ``stamped``: ``is_stamped`` of each line, when the caller has it already.
    """
    if stamped is None:
        stamped = [is_stamped(line) for line in lines]
    flags = [False] * len(lines)
    index = 0
    while index < len(lines):
        if not stamped[index]:
            index += 1
            continue
        end, stamps = index, [index]
        while end + 1 < len(lines) and (stamped[end + 1] or is_item(lines[end + 1])):
            end += 1
            if stamped[end]:
                stamps.append(end)
        if len(stamps) >= MIN_STAMPS:
            period = stamps[1] - stamps[0]
            start = max(index - (period - 1), 0)
            while start < index and not is_item(lines[start]):
                start += 1
            for position in range(start, stamps[-1] + 1):
                flags[position] = True
        index = end + 1
    return flags


#: A summary above the text repeats its lead: at least this share of its character
#: 4-grams (letters and digits only, after its label) occur in the lead ...
REPEAT_SHARE = 0.95
#: ... and it has at least this many distinct 4-grams (a short line repeats by chance).
MIN_REPEAT_GRAMS = 24


#: The label of a summary box (``摘要：``, ``【导读】``).
_SUMMARY_LABEL = re.compile(
    r"^\s*[【\[]?\s*(内容摘要|内容提要|摘要|提要|导读|导语|核心提示|编者按|编者的话|编按|Summary|Zusammenfassung)\s*([】\]]\s*[:：]?|[:：]|(?=[【\[]))"
)


def is_labelled_lead(line: str) -> bool:
    """A line opening with a lead box's label (``摘要：``, ``【导读】``, ``编者按：``)."""
    return _SUMMARY_LABEL.match(line) is not None


#: A lead box's label alone on its line (``摘要：``) is at most this long.
_MAX_LEAD_LABEL = 8


def is_lead_label(line: str) -> bool:
    """A lead box's label alone on its line (``摘要：``, above the summary's own line)."""
    return len(line) <= _MAX_LEAD_LABEL and is_labelled_lead(line)


def _grams(text: str) -> set[str]:
    return {text[i : i + 4] for i in range(len(text) - 3)}


def repeated_lead_flags(lines: list[str]) -> list[bool]:
    """For each line: is it a summary above the text that the text's lead repeats?

    CMSs print an article's intro or description field (DedeCMS ``div.intro``, a 摘要
    box) above the text, and it is the lead again, often cut short. The candidate is the
    first line that reads as a sentence; it goes when (almost) all of it is in the lead:
    the next sentence line below it (bylines and dates between are skipped) and the
    sentence lines right after that one, as many as it takes to be as long as the
    candidate. An editor's 导读 that says something the lead
    does not stays, and so does a teaser quoting a later paragraph (measured: comparing
    with all the text below drops teasers that the zh-news labels keep, and gains less on
    evaldata-dev).
    """
    flags = [False] * len(lines)
    sentences = [i for i, line in enumerate(lines) if is_prose(line) and "\n" not in line]
    if len(sentences) < 2:
        return flags
    first = sentences[0]
    candidate = key(_SUMMARY_LABEL.sub("", lines[first]))
    grams = _grams(candidate)
    if len(grams) < MIN_REPEAT_GRAMS:
        return flags
    lead = ""
    for line in lines[sentences[1] :]:
        if len(lead) >= len(candidate) or not is_prose(line):
            break
        lead += key(line)
    flags[first] = len(grams & _grams(lead)) >= REPEAT_SHARE * len(grams)
    return flags


def drop_list_residue(lines: list[str]) -> list[str]:
    """Return ``lines`` without headed recommendation blocks and timestamped list runs."""
    headed = headed_list_flags(lines)
    lines = [line for line, flag in zip(lines, headed) if not flag]
    stamped = stamped_run_flags(lines)
    return [line for line, flag in zip(lines, stamped) if not flag]


@dataclass(frozen=True)
class ListShapes:
    """The list shapes of a page's lines, computed once for the features and the post-clean."""

    headed: list[bool]  # a list heading or an item under one
    stamped: list[bool]  # ends in a timestamp
    stamped_runs: list[bool]  # in a run of three timestamped items or more
    feeds: list[bool]  # in a feed of clock-stamped entries under a section heading (feeds.py)

    @classmethod
    def of(cls, lines: list[str]) -> ListShapes:
        """The shapes of ``lines``."""
        stamped = [is_stamped(line) for line in lines]
        return cls(headed_list_flags(lines), stamped, stamped_run_flags(lines, stamped), feed_flags(lines, is_heading))

    def subset(self, indices: list[int]) -> ListShapes:
        """The shapes of the lines at ``indices`` (computed on the whole page)."""
        return ListShapes(
            [self.headed[i] for i in indices],
            [self.stamped[i] for i in indices],
            [self.stamped_runs[i] for i in indices],
            [self.feeds[i] for i in indices],
        )

    @property
    def listed(self) -> list[bool]:
        """Per line: in a headed list, a timestamped run or a feed."""
        return [a or b or c for a, b, c in zip(self.headed, self.stamped_runs, self.feeds)]
