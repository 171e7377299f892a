"""Document metadata: headline (with spam-title detection), publication date, source, author."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crawler.extract import dates
from crawler.extract.jsonld import jsonld_items, structured_date, zoned_time
from crawler.extract.shapes import SENTENCE_MARK
from crawler.extract.bbsposts import thread_opening
from crawler.extract.spelleddates import byline_day, tile_day
from crawler.extract.tagindex import TagIndex
from crawler.extract.titles import find_title, texts_at
from crawler.extract.visible import normalize_space
from crawler.extract.xpathdates import xpath_dates

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from lxml.html import HtmlElement

    from crawler.profiles import ExtractHints

_SOURCE = re.compile(r"(?:来源|來源|稿源|出处|Source)\s*[:：]\s*([^\s|｜丨（）()【】\[\]，,。；;]{2,30}(?: [A-Z][\w.-]*){0,3})")
#: The characters that end a name after an 作者/记者 label (separators, commas, quotes).
_NAME_STOPS = "|｜丨，,“”\"‘’「」"
_AUTHOR = re.compile(rf"(?:作者|记者|Author|By)\s*[:：]\s*([^\s{re.escape(_NAME_STOPS)}]{{2,20}})")
#: The words before 来源 in a caption's credit (图片来源, 数据来源): where a photo or a figure
#: came from, not the publisher. Tested after a match: lookbehinds in the pattern would cost
#: its fast scan of every line.
_CAPTION_CREDIT = ("数据", "图片", "资料", "图表", "视频", "图")
#: ... and in English, the word before ``Source:`` (``Image Source: X``), lower-cased.
_EN_CAPTION_CREDIT = ("image", "photo", "picture", "data", "chart", "graphic", "video", "figure", "map")
#: The labels every match of _SOURCE / _AUTHOR starts with.
_SOURCE_LABELS = ("来源", "來源", "稿源", "出处", "Source")
_AUTHOR_LABELS = ("作者", "记者", "Author", "By")
#: A longer "source" is a sentence or a whole meta line, not a publisher name.
_MAX_SOURCE = 30
#: A bare source candidate holding a label, a clock time or a count is a meta line.
_NOT_A_NAME = re.compile(r"[:：，,。！？!?；;]|\d{1,2}[-:]\d{2}|阅读|浏览|评论")
_NAME_TRIM = " ⋅·•|｜丨-–—"
#: Where a value glued to the next field of its byline ends (``来源：中证网作者：林书远2024-05-20``:
#: the spans of a byline are rendered without a space between them).
_NEXT_FIELD = re.compile(
    r"(?:作者|记者|编辑|责编|责任编辑|撰稿|撰文|供稿|摄影|通讯员|审核|分析师|研究员|产品|品种|栏目|频道|分类|标签|关键词|发布时间|发布日期|发表时间|时间|日期|浏览|阅读|点击|来源|出处)(?:量|数|次数)?\s*[:：]"
    r"|(?:19|20)\d{2}\s*[-/年.]\s*\d{1,2}|A\s*[+＋]\s*A\s*[-－]|(?:收藏|打印|分享)$"  # a date, the font-size buttons (``A+A-``), a tool
    r"|(?:文|作者|记者|撰文|摄影)\s*[/／]"  # a writer's credit written with a slash (``来源：看天下文/ 孙晓蕾``)
)

#: A counter's label ending a value whose figure follows it after a space.
_COUNTER_LABEL = re.compile(r"(?:阅读|浏览|点击)(?:量|数|次数)?$")
_COUNT = re.compile(r"\s*\d[\d,.]*\s*(?:万|次)?(?:\s|$)")


@dataclass
class Metadata:
    """What the page says about itself; ``extra`` holds title_raw/spam_title/author."""

    title: str | None = None
    published: str | None = None
    source: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: The day a short line above the text spells (``March 4, 2015``): the last resort, after htmldate.
    spelled_day: str | None = None
    #: The clock times bare ``<time datetime>`` elements state with their zone, in page order (``with_clock_time``).
    zoned_times: tuple[str, ...] = ()


def with_clock_time(published: str | None, zoned_times: tuple[str, ...]) -> str | None:
    """A day found without its clock time, refined by the first zoned ``<time>`` of that day (a forum post's ``datetime``)."""
    if not published or "T" in published:
        return published
    return next((stamp for stamp in zoned_times if stamp.startswith(published)), published)


def collect_metas(elements: Iterable[HtmlElement]) -> dict[str, str]:
    """Of the page's ``<meta>`` ``elements``: name/property → content, lower-cased keys, first value wins."""
    metas: dict[str, str] = {}
    for meta in elements:
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if key and content and key not in metas:
            metas[key] = normalize_space(content)
    return metas


def find_published(
    tree: HtmlElement, tags: TagIndex, hints: ExtractHints, metas: dict[str, str], lines: list[str], url: str, title: str | None = None
) -> str | None:
    """Publication time from metas, JSON-LD or a marked ``<time>``, ``var ct``, profile XPaths, labelled text, a byline
    (its time, or a day it opens with), a forum post's time or the URL.

    None when none has one: the caller then asks htmldate (``dates.htmldate_fallback``),
    last, when the tree is no longer needed.

    A date found in page text must fall on the day the URL encodes (when it encodes
    one): side lists carry dates of other articles.
    """
    found = dates.meta_date(metas)
    if not found or "T" not in found:
        # a date-only meta (``<meta name="date" content="2020-08-26">``) yields to the time the page states as data for that day
        stated = structured_date(tree, tags) or dates.script_date(tags.scripts)
        if stated and (not found or stated.startswith(found) and "T" in stated):
            found = stated
    if found and "T" in found:
        return found
    # A date-only meta (publishdate) is refined by a clock time found for the same day.
    day = found or dates.url_date(url)
    # a profile XPath's date above the text first, one further down (a list item's stamp) last
    head = dates.head_lines(lines, title)
    above, anywhere = xpath_dates(tree, hints.date_xpaths, "\n".join(head))

    def candidates() -> Iterator[str | None]:
        yield above
        labelled, updated = dates.labelled_dates(lines)
        yield labelled
        yield dates.byline_date(head)
        yield dates.posted_date(lines)
        yield dates.opening_day(head)
        yield tile_day(head)
        yield anywhere
        yield updated

    for candidate in candidates():
        if not candidate or (day is not None and not candidate.startswith(day)):
            continue
        if "T" in candidate:
            return candidate
        if not found:
            # a date-only match yields to a later one stating a time on the same day
            # (a ``span.date`` of the day above a byline ``2024-05-20 08:30``)
            found = day = candidate
    return day


def _value(match: re.Match[str]) -> str:
    """A label's value (group 1 of ``match``), cut where the next field of the byline starts.

    A dot the label is written with goes (a BBS stamp's ``※ 来源:·水木社区 http://…``), and so
    does the separator before the next field (``来源：21世纪商业评论·2024-03-28 18:20``).
    """
    value = match.group(1)
    counter = _COUNTER_LABEL.search(value, 2)
    if counter and _COUNT.match(match.string, match.end()):
        value = value[: counter.start()]  # a counter's label without its colon, its figure after a space (``来源：动脉网阅读 6,247``)
    cut = _NEXT_FIELD.search(value, 2)
    return (value[: cut.start()] if cut else value).lstrip("⋅·•").rstrip("⋅·•-–—/")


def _bare_name(text: str) -> str | None:
    """``text`` as a publisher name: short, no label, time or date in it, trailing dots and enclosing brackets cut."""
    name = text.strip(_NAME_TRIM)
    if name[:1] in "(（" and name[-1:] in ")）":  # a name set in brackets under the text (``(Berner Zeitung)``)
        name = name[1:-1].strip()
    if not name or len(name) > _MAX_SOURCE or _NOT_A_NAME.search(name) or dates.parse_date(name):
        return None
    return name


def find_source(tree: HtmlElement, hints: ExtractHints, metas: dict[str, str], lines: list[str]) -> str | None:
    """The 来源 (publisher) or WeChat/网易号/头条号 account name.

    Order: source metas; the source XPaths' matches in document order (a byline sits
    next to the headline, before side and recommendation lists), first one with a 来源
    label, then the first bare name; then the first 来源 label in the page text, which
    may be a reprint credit inside the body.
    """
    for key in ("contentsource", "source", "og:article:source", "mediaid"):
        value = metas.get(key)
        if value and any(ch.isalpha() for ch in value):  # a number is an account's id (``mediaid`` 6105713761), not its name
            match = _name_after_label(_SOURCE, value)
            return _value(match) if match else value
    union = " | ".join(f"({xpath})" for xpath in hints.source_xpaths)
    texts = texts_at(tree, (union,)) if union else []
    for text in texts:
        match = _name_after_label(_SOURCE, text)
        if match:
            return _value(match)
    for text in texts:
        name = _bare_name(text)
        if name:
            return name
    return _first_in_lines(_SOURCE, _SOURCE_LABELS, lines)


def find_author(tree: HtmlElement, tags: TagIndex, hints: ExtractHints, lines: list[str]) -> str | None:
    """The author, when the page names one: the profile's XPaths, the JSON-LD's, then an 作者/记者 label."""
    for text in texts_at(tree, hints.author_xpaths):
        match = _AUTHOR.search(text)
        return _value(match) if match else text
    return jsonld_author(tags.scripts) or _first_in_lines(_AUTHOR, _AUTHOR_LABELS, lines)


def jsonld_author(scripts: Iterable[HtmlElement]) -> str | None:
    """The first author name in the JSON-LD of the page's ``scripts`` (schema.org ``author``: a name, a Person, or a list of them)."""
    for item in jsonld_items(scripts, "author"):
        author = item.get("author")
        author = author[0] if isinstance(author, list) and author else author
        name = author.get("name") if isinstance(author, dict) else author
        if isinstance(name, str) and normalize_space(name):
            return normalize_space(name)
    return None


def _first_in_lines(pattern: re.Pattern[str], labels: tuple[str, ...], lines: list[str]) -> str | None:
    """Group 1 of ``pattern``'s first match in ``lines``; none is searched when no line holds a label.

    (Looking for the labels in all the text at once is a fast scan; the pattern's
    alternatives are tried at every position of every line.)
    """
    page = "\n".join(lines)
    if not any(label in page for label in labels):
        return None
    for line in lines:
        match = _name_after_label(pattern, line)
        if match:
            return _value(match)
    return None


def _name_after_label(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` (``_SOURCE`` or ``_AUTHOR``) in ``text`` whose value names someone.

    A caption's credit names no publisher; a value that starts a sentence names no author.
    """
    for match in pattern.finditer(text):
        if pattern is _SOURCE and _after_caption_credit(text[max(0, match.start() - 8) : match.start()]):
            continue
        if pattern is _AUTHOR and _opens_sentence(text, match):
            continue
        return match
    return None


def _after_caption_credit(before: str) -> bool:
    """True when ``before`` (what stands before a source label) makes it a picture's or a figure's credit."""
    return before.endswith(_CAPTION_CREDIT) or before.rstrip().lower().endswith(_EN_CAPTION_CREDIT)


def _opens_sentence(line: str, match: re.Match[str]) -> bool:
    """True when the label's value is a sentence's start, not a name.

    It is a clause's first word (a comma, then a sentence's end: a comment's
    ``作者：哈哈，我也是。``), or it runs on past the longest name with no next field in it
    (``记者：看到一些观点认为中国财富管理行业即将进入…``).
    """
    end = match.end()
    after = line[end : end + 1]
    if after in ("，", ",") and SENTENCE_MARK.search(line, end) is not None:
        return True
    return bool(after) and not after.isspace() and after not in _NAME_STOPS and not _NEXT_FIELD.search(match.group(1), 2)


def extract_metadata(
    tree: HtmlElement, hints: ExtractHints, url: str, lines: list[str], tags: TagIndex | None = None
) -> Metadata:
    """Collect title, date, source and author; ``lines`` are the page's visible text lines, ``tags`` its index (taken when not given)."""
    tags = tags or TagIndex.of(tree)
    metas = collect_metas(tags.metas)
    meta = Metadata()
    meta.title = find_title(tree, tags, hints, metas, lines, meta.extra)
    meta.published = find_published(tree, tags, hints, metas, lines, url, meta.title)
    opening = thread_opening(lines)
    if opening is not None:  # a Firebird thread: its first post's subject and station time say it, whatever the <title>
        subject, station = opening
        meta.title = subject or meta.title
        stated = station and (dates.parse_ctime(station) or dates.parse_date(station))
        if stated and "T" in stated and (meta.published is None or "T" not in meta.published):
            meta.published = stated
    if meta.published is None:
        meta.spelled_day = byline_day(dates.head_lines(lines, meta.title))
    if meta.published is None or "T" not in meta.published:
        meta.zoned_times = tuple(stamp for node in tags.times if (stamp := zoned_time(node.get("datetime"))))
    meta.source = find_source(tree, hints, metas, lines)
    author = find_author(tree, tags, hints, lines)
    if author:
        meta.extra["author"] = author
    return meta
