"""Post-clean extracted lines: drop page-tool and editor boilerplate lines, never body prose."""

from __future__ import annotations

import re

from crawler.extract.bbsposts import above_first_post, first_post, is_later_reply, post_verdicts
from crawler.extract.boilerplate import is_boilerplate, is_edge_boilerplate
from crawler.extract.residue import ListShapes, is_labelled_lead, is_lead_label, is_stamped, repeated_lead_flags
from crawler.extract.shapes import is_cross_reference, is_prose
from crawler.extract.pressappendix import appendix_tail
from crawler.extract.tails import end_mark_tail, signature_start, statement_tail
from crawler.extract.westernclosings import is_outlet_signoff
from crawler.extract.westernlines import anywhere_kind, edge_kind
from crawler.extract.westernnotices import is_western_byline
from crawler.extract.widgettables import headed_table_flags

#: Inline navigation links appended to the last body paragraph (``返回腾讯网首页>>``), and a
#: bracketed source or editor credit glued to it (``…打造完整社区。（来源：示例日报）``).
_TRAILING_NAV = re.compile(
    r"(\s*返回\S{0,10}首页\s*>+|(?<=[。！？”\"])\s*[（(【\[]\s*(来源|稿源|责任编辑|责编|编辑)\s*[:：][^（()）【】\[\]]{1,30}[）)】\]]"
    # a wiki heading's edit links (``How it works[edit]``, ``Geschichte[Bearbeiten | Quelltext bearbeiten]``)
    r"|(?<=\S)\s*\[([Ee]dit|[Bb]earbeiten|[Mm]odifier|[Mm]odifica|[Ee]ditar|編集|编辑|編輯)( \| [^\[\]]{1,30})?\])\s*$"
)
#: The last visible character of a line ``_TRAILING_NAV`` applies to.
_TRAILING_NAV_ENDS = frozenset(">）)】]")
#: Labels of the date/source/tools line above a body (``发布时间：… 来源：… 浏览次数：…``).
#: With them, the fields of the government disclosure (政府信息公开) table above a document,
#: whose labels are padded with spaces (``索 引 号：``).
_DISCLOSURE_LABELS = (
    "索引号", "发布机构", "发文机关", "生成日期", "成文日期", "发文日期", "发文字号", "文号", "主题分类", "主题词",
    "公开方式", "公开范围", "公开时限", "信息分类", "体裁分类", "组配分类", "有效性",
)
_DISCLOSURE = "|".join(r"\s*".join(label) for label in _DISCLOSURE_LABELS)
_META_LABEL = re.compile(
    r"(发布时间|发布日期|发表时间|更新时间|时间|日期|来源|信息来源|稿源|作者|分类|浏览次数|浏览量|点击数|点击量|阅读量|阅读数|访问量|字体|字号|摄影|记者|编辑"
    rf"|Source|Editor|Author|Date|Updated|Published|Posted|Font size|Font|{_DISCLOSURE})\s*[:：]"
)
#: A disclosure field or a source credit alone on its line, with a short value or none,
#: bracketed or not (``索引号：000014349/2024-00021``, ``【来源：新华社】``). A caption's
#: ``图片来源：`` is not a source credit.
_FIELD_LINE = re.compile(
    rf"[【\[（(]?\s*({_DISCLOSURE}|来源|信息来源|文章来源|本文来源|消息来源|新闻来源|稿源)\s*[:：][^。！？!?；;，,]{{0,40}}?\s*[】\]）)]?"
)
#: A row of the disclosure table (cells joined by tabs) whose first cell is one of its labels
#: (``名称：\t关于…的通知``, ``主题词：\t高新技术企业;培育资助``): whatever the values hold.
_DISCLOSURE_ROW = re.compile(rf"({_DISCLOSURE}|名\s*称|标\s*题)\s*[:：]?\s*\t")
#: A meta line holds at least two labels and no more text than this.
_MAX_META_LINE = 160
#: ... or opens with a date and time and holds one label (``2024-05-28 08:15 来源：…``).
DATED = re.compile(r"(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(,\s*(?=\d{2}:))?\d{1,2}:\d{2}")  # vBulletin: ``2012-09-14, 22:05``
_MAX_DATED_LINE = 80
#: A date and time alone, above the text: a blog's or forum's post time (``(2012-04-08 20:51:36)``).
_DATELINE = rf"[（(【\[]?\s*{DATED.pattern}(:\d{{2}})?\s*[）)】\]]?"
#: An unlabelled byline above the text: a date and time with up to three short names before
#: or after it (``陈屿 第一财经 2024-05-21 06:45:18``, ``2024-05-28 08:15 新华社``).
_NAMED_DATELINE = re.compile(
    rf"([^\s。！？!?，,；;：:]{{1,16}}\s+){{0,3}}([^\s。！？!?，,；;：:\d]{{1,16}})?{_DATELINE}(\s+[^\s。！？!?，,；;：:]{{1,16}}){{0,3}}"
)
#: A post's time stamp anywhere in a short line (``楼主 发表于：2008-01-28 20:14:36 只看该作者``).
_POSTED_AT = re.compile(rf"(发表于|发表时间|发布于|发帖时间)\s*[:：]?\s*{DATED.pattern}")
#: A source's label: with a date anywhere in a short line, a byline (``http://military.china.com 2008-07-15 09:27:18 来源：解放军报``).
_SOURCED = re.compile(r"(信息来源|来源)\s*[:：]")
#: A counter in brackets beside a post's date (``天文小组|2009-07-23 22:14阅读(1873)|评论(14)``) or another counter
#: (``查看( 1286 ) / 评论( 8 ) / 评分( 12 : 0 )``).
_COUNTED = re.compile(r"(阅读|评论|浏览|点击|回复|查看|评分)\s*[(（]\s*\d+[^)）]{0,8}[)）]")
#: An English dateline label with a month-name date (``Updated: Jun 19, 2024 17:08 Xinhua``).
_EN_DATED = re.compile(
    r"(Updated|Published|Posted|Released|Date)( on)?\s*:?\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d{2}",
    re.IGNORECASE,  # ``PUBLISHED ON: JUN 9, 2020``
)


def _under_lead_label(kept: list[tuple[int, str, bool]], i: int) -> bool:
    """True when the kept line before ``kept[i]`` is a lead box's label alone (``摘要：`` above the summary)."""
    return i > 0 and is_lead_label(kept[i - 1][1])


def is_meta_line(line: str) -> bool:
    """True for a date/source/view-count line: two or more meta labels in a short line, or one field alone."""
    if _FIELD_LINE.fullmatch(line) or "\t" in line and _DISCLOSURE_ROW.match(line):
        return True
    labels = len(_META_LABEL.findall(line))
    if len(line) <= _MAX_DATED_LINE and (labels and DATED.match(line) or _EN_DATED.match(line)):
        return True
    if len(line) <= _MAX_DATED_LINE and _SOURCED.search(line) and DATED.search(line):
        return True
    if len(line) <= _MAX_DATED_LINE and (_POSTED_AT.search(line) or _COUNTED.search(line) and (DATED.search(line) or len(_COUNTED.findall(line)) > 1)):
        return True
    return len(line) <= _MAX_META_LINE and labels >= 2


def clean_line(line: str) -> str:
    """Strip inline trailing navigation from a body line."""
    if line.rstrip()[-1:] not in _TRAILING_NAV_ENDS:
        return line  # the cheap test first: the regex tries every position of the line
    return _TRAILING_NAV.sub("", line)


def postclean(lines: list[str], title: str | None = None, listed: list[bool] | None = None) -> list[str]:
    """Return the kept ``lines`` without boilerplate, with scoped rules.

    Each line loses trailing navigation and glued credits; whole-line page-tool and
    editor boilerplate goes wherever it stands; a summary above the text that the text
    repeats goes; statements and meta lines go only around the text (before its first
    sentence or after its last), a repeated headline only above it, a headed
    recommendation list only below it; runs of three or more timestamped list items go
    anywhere.

    Args:
        lines: the kept lines, in page order.
        title: the headline.
        listed: for each line, whether it belongs to a headed or timestamped list as seen
            on the whole page (the heading itself may not have been kept); computed on
            ``lines`` alone when not given.
    """
    return [line for line, reason in postclean_verdicts(lines, title, listed) if reason is None]


def postclean_verdicts(
    lines: list[str], title: str | None = None, listed: list[bool] | None = None
) -> list[tuple[str, str | None]]:
    """For each of ``lines``: the cleaned line and None when it is kept, else the rule that drops it.

    The rules of ``postclean`` (which keeps exactly the lines whose reason is None):
    ``empty``, ``boilerplate`` (page tools, editor credits …, anywhere), ``cross_reference``
    (a label and another article's title, anywhere), ``repeated_summary``
    (above the text), ``timestamped_list`` (inside the text), and around the text only
    ``edge_boilerplate``, ``meta_line``, ``repeated_headline`` (above it) and
    ``recommendation_list`` (below it); ``signature``: a drawn rule closing the text and the
    few short lines under it; ``related_table``: a table headed as a related list, anywhere;
    in a text that opens with a BBS post header (crawler/extract/bbsposts.py) ``bbs_header``,
    ``signature`` and ``bbs_reply``; ``after_end_mark``: the few short lines after an end
    mark (``— 完 —``) that closes the text.
    """
    if listed is None:
        listed = ListShapes.of(lines).listed
    widget = headed_table_flags(lines)
    post = post_verdicts(lines) or [None] * len(lines)
    verdicts: list[tuple[str, str | None]] = []
    kept: list[tuple[int, str, bool]] = []  # (position in verdicts, line, in a list)
    starter: list[str | None] = []  # the poster of the first <pre> post, on a front end setting each post in its own
    above = above_first_post(lines)  # the page's title and bars above such a thread
    for position, (line, in_list, in_widget, in_post) in enumerate(zip(lines, listed, widget, post)):
        if position < above:
            verdicts.append((line.strip(), "bbs_header"))
            continue
        if in_widget or in_post:
            verdicts.append((line.strip(), in_post or "related_table"))
            continue
        if "\n" in line:  # preformatted text keeps its indentation and is never a rule's target
            if is_later_reply(line, starter):
                verdicts.append((line.strip(), "bbs_reply"))
                continue
            line = first_post(line) or line  # ... but a BBS front end's <pre> thread is cut to its first post
            kept.append((len(verdicts), line, False))
            verdicts.append((line, None))
            continue
        line = clean_line(line).strip()
        if not line:
            verdicts.append((line, "empty"))
        elif is_boilerplate(line):
            verdicts.append((line, "boilerplate"))
        elif western := anywhere_kind(line) or ("meta_line" if is_western_byline(line, anywhere=True) else None):
            verdicts.append((line, western))
        elif is_cross_reference(line):
            verdicts.append((line, "cross_reference"))
        else:
            kept.append((len(verdicts), line, in_list))
            verdicts.append((line, None))
    stated = min(statement_tail(closing := [line for _, line, _ in kept]), appendix_tail(closing))
    for position, line, _ in kept[stated:]:
        verdicts[position] = (line, "edge_boilerplate")
    kept = kept[:stated]
    # an end mark over what is left (a press release's ``###`` over its contacts, its profile gone)
    ended = end_mark_tail(lines[: kept[-1][0] + 1] if kept else lines)
    for position, line, _ in [entry for entry in kept if entry[0] >= ended]:
        verdicts[position] = (line, "after_end_mark")
    kept = [entry for entry in kept if entry[0] < ended]
    summary = repeated_lead_flags([line for _, line, _ in kept])
    for (position, line, _), repeated in zip(kept, summary):
        if repeated:
            verdicts[position] = (line, "repeated_summary")
    kept = [entry for entry, repeated in zip(kept, summary) if not repeated]
    signature = signature_start([line for _, line, _ in kept])
    first, last = _text_span(kept, signature)
    for position, line, _ in kept[signature:]:
        verdicts[position] = (line, "signature")
    kept = kept[:signature]
    for i, (position, line, in_list) in enumerate(kept):
        verdicts[position] = (line, _scoped_reason(line, in_list, i, first, last, title))
    return verdicts


def _is_text_line(line: str, in_list: bool) -> bool:
    """A line of the text itself: prose, in no list, and no line that the rules around the text take."""
    return is_prose(line) and not in_list and not is_edge_boilerplate(line) and edge_kind(line) is None and not is_meta_line(line)


def _text_span(kept: list[tuple[int, str, bool]], signature: int) -> tuple[int, int]:
    """The indexes in ``kept`` of the text's first and last lines (``(len(kept), -1)`` when it has none).

    The first text line, past a labelled lead box (摘要：…, 编者按：…, or its label on a line
    of its own: the text opens after it, so a reprint credit between the two is still above
    the text) unless it is the only text line; the last text line above the ``signature``.
    Only the lines from either end up to those two are read (a text's lines are most of it).
    """
    is_text: list[bool | None] = [None] * len(kept)

    def text_line(i: int) -> bool:
        if is_text[i] is None:
            is_text[i] = _is_text_line(kept[i][1], kept[i][2])
        return bool(is_text[i])

    first = next((i for i in range(len(kept)) if text_line(i)), None)
    while first is not None and (is_labelled_lead(kept[first][1]) or _under_lead_label(kept, first)):
        following = next((i for i in range(first + 1, len(kept)) if text_line(i)), None)
        if following is None:
            break  # the only text line stays the text
        first = following
    if first is None or first >= signature:
        return min(signature, len(kept)), -1
    last = next(i for i in range(signature - 1, first - 1, -1) if text_line(i))
    return first, last


#: An account's card naming its ID (tested here, on the lines around the text only: an ``ID``
#: trigger word would stop the boilerplate scan at every capital I of a European page).
_ACCOUNT_ID = re.compile(r"[^。！？\n]{0,40}ID\s*[:：]\s*[A-Za-z][\w-]{2,30}[^。！？\n]{0,30}")
#: A statement's or a notice's label set letter-spaced, alone on its line.
_MAX_SPACED_LABEL = 16
_SPACED_LABEL = re.compile(r"[【\[]?(特别提示|温馨提示|免责声明|特别声明|法律声明|版权声明|重要提示)[】\]]?[:：]?")


def _scoped_reason(line: str, in_list: bool, i: int, first: int, last: int, title: str | None) -> str | None:
    """Why a line that passed the anywhere-rules goes, given its place around the text (None: it stays)."""
    if first <= i <= last:
        return "timestamped_list" if in_list and is_stamped(line) else None
    if is_edge_boilerplate(line):
        return "edge_boilerplate"
    if " " in line and len(line) <= _MAX_SPACED_LABEL and _SPACED_LABEL.fullmatch(line.replace(" ", "")):
        return "edge_boilerplate"  # a label set letter-spaced (``特 别 提 示``), which no trigger word finds
    if "ID" in line and _ACCOUNT_ID.fullmatch(line):
        return "edge_boilerplate"  # an account's card (``知识分子 · 为更好的智趣生活 · ID：The-Intellectual``)
    western = edge_kind(line) or ("meta_line" if is_western_byline(line) else None) or ("wire_credit" if is_outlet_signoff(line) else None)
    if western:
        return western
    if is_meta_line(line):
        return "meta_line"
    if i < first and len(line) <= _MAX_DATED_LINE and _NAMED_DATELINE.fullmatch(line):
        return "meta_line"
    if i < first and line == title:
        return "repeated_headline"
    if i > last and in_list:
        return "recommendation_list"
    return None
