"""Publication dates: parse Chinese and ISO date strings, find them in metas, scripts and text."""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

import htmldate

from crawler.extract.shapes import CJK_SENTENCE_END, PROSE_CHARS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml.html import HtmlElement

#: Pages without a zone are in Beijing time.
BEIJING = timezone(timedelta(hours=8))
DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})(?!\d)\s*日?"
    # a clock time, maybe after the weekday (``2016年 9月 7日 星期三 14:32``) or vBulletin's comma (``2012-09-14, 22:05``)
    r"(?:(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?(?:,\s*(?=\d{2}[:：])|\s*[T|｜-]?)\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?(?:\.\d+)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?"
)
#: Meta names/properties that carry the publication time, most specific first.
META_DATE_KEYS = (
    "article:published_time",
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "og:release_date",
    "og:time",
    "publish_time",
    "publishtime",
    "apub:time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "date",
)
#: WeChat's ``var ct = "<unix seconds>"``. Without a leading ``\b``, which would stop the
#: regex engine from finding ``var`` by a fast scan (0.8 ms a page through every script):
#: the word start is checked after.
_UNIX = re.compile(r"var\s+ct\s*=\s*[\"']?(\d{10})[\"']?")
_WORD_CHAR = re.compile(r"\w")
_LABELLED = re.compile(r"(?:发布时间|發佈時間|发布日期|發布日期|发表时间|更新于|时间|時間|日期|Published|Date)\s*[:：]?\s*")
#: A bare 时间/日期 label names the page's time unless the word before it names another
#: event: a forum user panel's 注册时间 (the member's sign-up), a 最后登录时间 or 截止日期, a
#: comment's 回复日期, a blog's 建立时间.
#: (Tested after a match: lookbehinds in the pattern would cost a fast scan of every line.)
_OTHER_EVENT = frozenset({"注册", "註冊", "登录", "登陆", "加入", "上次", "最后", "截止", "到期", "报名", "出生", "回复", "评论", "留言", "解决", "结束", "数据", "行情", "报价", "净值", "建立", "创建", "开通"})
#: A byline is a short line; the body starts at the first sentence this long.
_MAX_BYLINE = 80
#: A portal header's calendar: a date and its weekday, nothing else (``2024年05月20日 星期一``).
CALENDAR = re.compile(r"(?:19|20)\d{2}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?\s*(?:星期|周|礼拜)[一二三四五六日天]")
#: A time as C's ctime writes it (``Mon Mar 16 10:12:33 2015``): a BBS post header's
#: ``发信站: 水木社区 (Mon Mar 16 10:12:33 2015), 站内`` (crawler/extract/bbsposts.py).
_CTIME = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{1,2})"
    r"\s+(\d{1,2}):(\d{2}):(\d{2})\s+((?:19|20)\d{2})"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: A date in a URL path, from 1990 on: older ``19``-years are other numbers (``/a/19071009/``
#: is 2019-07-10 09h written yymmddhh, not 1907).
_URL_DATE = re.compile(r"/(?:t)?((?:199|20\d)\d)[-/]?(\d{2})[-/]?(\d{2})[/_]")


def parse_date(text: str) -> str | None:
    """Return the first date in ``text`` as ISO 8601 (time with +08:00 unless zoned)."""
    match = DATE.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        date = datetime(int(year), int(month), int(day))
        if hour is None:
            return date.date().isoformat()
        stamp = date.replace(hour=int(hour), minute=int(minute), second=int(second or 0))
    except ValueError:
        return None
    if zone == "Z":
        tz = timezone.utc
    elif zone:
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    else:
        tz = BEIJING
    return stamp.replace(tzinfo=tz).isoformat()


def parse_zoned_date(value: str) -> str | None:
    """``value`` as ISO 8601 when it states its zone or no clock time, else its day alone (the zone is unknown)."""
    parsed = parse_date(value)
    match = DATE.search(value)
    if parsed and match and match.group(4) is not None and match.group(7) is None:
        return parsed[:10]
    return parsed


def parse_ctime(text: str) -> str | None:
    """The first ctime-style time in ``text`` (``Mon Mar 16 10:12:33 2015``), as Beijing-time ISO 8601."""
    match = _CTIME.search(text)
    if not match:
        return None
    month, day, hour, minute, second, year = match.groups()
    try:
        stamp = datetime(int(year), _MONTHS.index(month) + 1, int(day), int(hour), int(minute), int(second))
    except ValueError:
        return None
    return stamp.replace(tzinfo=BEIJING).isoformat()


def from_unix(seconds: int) -> str:
    """A unix timestamp as Beijing-time ISO 8601."""
    return datetime.fromtimestamp(seconds, BEIJING).isoformat()


def meta_date(metas: dict[str, str]) -> str | None:
    """The first parseable date among the known meta keys.

    A date-only value yields to a later key stating a time on the same day
    (``publishdate`` 2024-06-17 and ``firstpublishedtime`` 2024-06-17-10:02:31).
    """
    found = None
    for key in META_DATE_KEYS:
        parsed = parse_date(metas.get(key) or "")
        if parsed and found is None:
            found = parsed
        if parsed and parsed.startswith(found or "") and "T" in parsed:
            return parsed
    return found


def script_date(scripts: Iterable[HtmlElement]) -> str | None:
    """WeChat-style ``var ct = "<unix seconds>"`` in one of the page's ``scripts``."""
    for script in scripts:
        text = script.text or ""
        for match in _UNIX.finditer(text):
            start = match.start()
            if start == 0 or not _WORD_CHAR.match(text, start - 1):  # ``var`` starts a word
                return from_unix(int(match.group(1)))
    return None


def head_lines(lines: list[str], title: str | None = None) -> list[str]:
    """The page's lines above its first sentence of prose (headline, byline, tools).

    The headline is no sentence, even when it asks (``人才从哪里来？高校开设交叉课程``), nor is a
    breadcrumb that ends with it (``首页 » Shell » 结果怎么按次数排序？``), nor a menu of bar-separated links
    that greets (``欢迎来到IT168！登录 | 免费注册 | 论坛 | 博客``) or a greeting beside the sign-in links (``您好，欢迎来到我爱卡！ 登录 | 免费注册``),
    nor a cookie banner (``本網站使用cookies以改善閣下的瀏覽體驗。…``).
    """
    head = []
    for line in lines:
        if (
            len(line) >= PROSE_CHARS
            and CJK_SENTENCE_END.search(line)
            and not (title and line.endswith(title))
            and line.count("|") + line.count("｜") < _MENU_BARS
            and not ("欢迎" in line and _SIGN_IN.search(line) and not line.endswith("。"))
            and "ookie" not in line  # a cookie banner above the page's header
        ):
            break
        head.append(line)
    return head


#: A line with this many bars between its items is a menu, not a sentence; so is a greeting beside the sign-in links.
_MENU_BARS = 2
_SIGN_IN = re.compile(r"登录|登陆|注册")


def labelled_dates(lines: list[str]) -> tuple[str | None, str | None]:
    """The first date right after a 发布时间/日期 label in the page's visible lines, and the first after an update's label.

    An update's time (``更新时间：``, ``修改时间：``) is not the publication's: it counts only
    after every other candidate failed (a quote box's ``更新时间：11:50`` beside a byline's
    unlabelled ``11:52``). One pass over the lines gives both.
    """
    updated = None
    for line in lines:
        for label in _LABELLED.finditer(line):
            before = line[max(0, label.start() - 2) : label.start()]
            update = before in _UPDATE_EVENT or label.group(0).startswith("更新于")  # ``更新时间：``, ``更新于2019年4月18日 06:21``
            if before in _OTHER_EVENT or (updated and update):
                continue
            parsed = parse_date(line[label.end() : label.end() + 40])
            if parsed and DATE.match(line, label.end()):
                if not update:
                    return parsed, updated
                updated = parsed
    return None, updated


#: The words before a bare 时间/日期 label that make it an update's time.
_UPDATE_EVENT = frozenset({"更新", "修改", "修订"})


def byline_date(head: list[str]) -> str | None:
    """The first date with a clock time in a short line above the body (an unlabelled byline).

    ``head``: the lines above the first sentence of prose (``head_lines``); a date
    further down belongs to the text or to the lists after it. A BBS post header states
    its time as C's ctime writes it.
    """
    for line in head:
        if len(line) <= _MAX_BYLINE:
            parsed = parse_date(line) or parse_ctime(line)
            if parsed and "T" in parsed:
                return parsed
    return None


def opening_day(head: list[str]) -> str | None:
    """The first date a short line above the body opens with (``2017-07-12 | 作者：…``): a byline's day without its time.

    A header calendar (a date and its weekday: the day the page was made) is none.
    """
    for line in head:
        match = DATE.match(line.strip()) if len(line) <= _MAX_BYLINE else None
        if match and not CALENDAR.match(line.strip()):
            return parse_date(match.group(0))
    return None


#: A forum post's time (``发表于 2012-4-10 23:06``, phpwind's ``[楼 主] | Posted: 2008-07-02 10:25``), or a .Text blog post's (博客园, BlogJava, C++博客:
#: ``posted @ 2023-11-09 21:47 木石前盟 阅读(1532)``, ``posted by 半瓶墨水 @ 2007-06-23 01:14``; the CSDN blog of 2008's
#: ``发表于 @ 2008年10月15日 14:32:00``).
_POSTED = re.compile(r"(发表于|发布于|[Pp]osted (by [^@\n]{1,30} )?@|[Pp]osted(?=\s*[:：]))\s*[:：@]?\s*")


def posted_date(lines: list[str]) -> str | None:
    """The first date with a clock time after 发表于 or 发布于 (or a .Text blog's ``posted @``) in the page's lines: the
    first post's time on a forum thread; else the first such day (an answer's ``发布于 2014-03-12``). Tried after the
    labels and the byline: under an article, 发表于 stamps the comments.
    """
    day = None
    for line in lines:
        if "发表于" in line or "发布于" in line or "osted" in line:
            for label in _POSTED.finditer(line):
                parsed = parse_date(line[label.end() : label.end() + 40]) if DATE.match(line, label.end()) else None
                if parsed and "T" in parsed:
                    return parsed
                day = day or parsed
    return day


def url_date(url: str) -> str | None:
    """A date encoded in the URL path (``/t20230224_…``, ``/2019-12/10/``)."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return datetime(int(match.group(1)), int(match.group(2)), int(match.group(3))).date().isoformat()
    except ValueError:
        return None


#: htmldate drops dates after ``max_date``, by default today: a fixed bound keeps the
#: result a function of the page alone (the same WARC gives the same date in any year).
_HTMLDATE_MAX = "2099-12-31"


def htmldate_fallback(tree: HtmlElement, url: str) -> str | None:
    """htmldate's original-publication date from markup only (no guessing from free text).

    htmldate cleans the tree it is given in place: call it last, with a tree that is not
    needed afterwards. It is reached only when every zhengwen rule failed.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url, max_date=_HTMLDATE_MAX)
    return found or None
