"""The headline: profile/og/h1 candidates checked against <title>, site-suffix stripping, spam titles."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from crawler.extract.spamtitles import is_spam, overlap
from crawler.extract.titlebox import MAX_SITE_NAME, classed_prefix, is_name_tail, names_the_site, title_classed
from crawler.extract.visible import normalize_space
from crawler.extract.xpaths import compiled, none_can_match

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

    from crawler.extract.tagindex import TagIndex

    from crawler.profiles import ExtractHints

#: A site name after a separator at the end of a <title> (``_网易新闻``, ``-新华网``,
#: `` - 湖南省人民政府门户网站``). Unspaced hyphens only count before a name-like word,
#: since headlines use them too (``1-10月…``). A tail with sentence punctuation
#: (``五月书单｜这5本新书，值得…``) is the headline's second half: no site name has a comma.
_SUFFIX = re.compile(
    r"(?:\s+[-–—|｜_]\s*|\s*[_|｜–—－]\s*|-(?=[^-]{1,20}(?:网|新闻|政府|网站|频道|日报|在线|客户端|号|\.com|\.cn)$))"
    r"[^_|｜–—－，、？！。；,?!]{1,24}$"
)
#: What may separate a headline from the site or column name after it in a <title>.
_SEPARATORS = " -–—－_|｜·•:："
_MARKED = re.compile("[" + re.escape(_SEPARATORS.replace(" ", "")) + "]")  # ... a mark among them, not only a space
#: A site name's tail on a candidate headline: a separator mark (not a bare space or colon)
#: and a short name without sentence punctuation.
_SITE_TAIL = re.compile(r"\s*[-–—－_|｜·•»›]\s*[^，、？！。；,?!:：]{1,40}")
#: A site's name after a confirmed candidate that the page shows without it (og:title
#: ``标题 - 小红书`` over the line ``标题``): a spaced separator (or a CJK one) and a name of at
#: most three words, no brackets (``Durch die Gegend | Mit Musiker Voodoo Jürgens in Wien`` keeps its subtitle).
_SHOWN_SEPARATOR = re.compile(r"\s+[-–—|｜_·•»›]\s+|\s*[｜_－]\s*")
_SHOWN_SITE_TAIL = re.compile(
    rf"({_SHOWN_SEPARATOR.pattern})[^\s，、？！。；,?!:：()（）]{{1,30}}(?: [^\s，、？！。；,?!:：()（）]{{1,30}}){{0,2}}"
)


def _shown_without_site(title: str, lines: list[str]) -> str | None:
    """The longest part of ``title`` before a site tail (``_SHOWN_SITE_TAIL``) that the page shows as a line."""
    shown = None
    for mark in _SHOWN_SEPARATOR.finditer(title):
        head = title[: mark.start()]
        if len(head) >= _MIN_HEADLINE and _SHOWN_SITE_TAIL.fullmatch(title, mark.start()) and head in lines:
            shown = head
    return shown


#: The marks that cut a <title> into headline, column and site parts.
_SEGMENT_MARK = re.compile(r"\s*[_|｜–—－]\s*|\s+--?\s+")
#: The document's <title>, not an inline SVG icon's ``<title>`` (``//title[1]`` takes every
#: element's first one).
#: Page-tool buttons after a headline on its line (``标题 [打印] [推荐给朋友] [浏览: 6518]``).
_TOOL_BUTTONS = re.compile(r"(\s*[\[【][^\]】]{1,12}[\]】])+\s*")
#: A thread or column label in front of a heading: ``[讨论] 标题``, ``【视频】标题``.
_LABEL = re.compile(r"\s*[\[【(（][^\]】)）]{1,6}[\]】)）]\s*")
#: A labelled subject line (a BBS post's ``标  题: …``, a forum's ``帖子主题：…``, ``Sujet : …``, ``Betreff: …``).
_SUBJECT_LABEL = re.compile(r"(标\s*题|主\s*题|文章主题|帖子主题|Subject|Topic|Sujet|Betreff|Thema|Asunto|Oggetto|Argomento)\s*[:：]\s*")
#: A site/column tail after the headline is at most this long.
_MAX_TAIL = 40
#: Typesetting spaces between a number and its date unit (``2007　年末``).
_NUMBER_UNIT_SPACE = re.compile(r"(?<=\d)\s+(?=[年月日号])")
#: A headline candidate shorter than this is no headline.
_MIN_HEADLINE = 4
#: Metas naming the site, whose value is stripped from the end of a <title>.
SITE_NAME_KEYS = ("og:site_name", "sitename", "site_name", "application-name", "apple-mobile-web-app-title")


def texts_at(tree: HtmlElement, xpaths: tuple[str, ...]) -> list[str]:
    """Normalised non-empty texts (or attribute values) of every match of ``xpaths``."""
    found: list[str] = []
    if none_can_match(tree, xpaths):
        return found
    for xpath in xpaths:
        for node in compiled(xpath)(tree):
            text = normalize_space(node if isinstance(node, str) else " ".join(node.itertext()))
            if text:
                found.append(text)
    return found


def strip_suffixes(title: str, suffixes: tuple[str, ...] = ()) -> str:
    """Remove profile suffixes and site names, then generic ``<sep><site name>`` tails."""
    for suffix in suffixes:
        bare = suffix.strip(_SEPARATORS)
        for tail in (suffix, bare):
            if tail and title.endswith(tail) and len(title) > len(tail) + 1:
                rest = title[: -len(tail)]
                if tail is suffix or rest[-1] in _SEPARATORS:
                    title = rest.rstrip(_SEPARATORS)
                    break
    while True:
        shorter = _SUFFIX.sub("", title).strip().rstrip("_|｜-–— ")
        if shorter == title or len(shorter) < _MIN_HEADLINE:
            return title
        title = shorter


def _longest_prefix(whole: str, candidates: list[str], tail_fits: Callable[[str], object]) -> str | None:
    """The longest of ``candidates`` that ``whole`` starts with, followed by a tail that fits."""
    best = None
    for candidate in candidates:
        size = len(candidate)
        if _MIN_HEADLINE <= size < len(whole) and whole.startswith(candidate) and tail_fits(whole[size:]):
            if best is None or size > len(best):
                best = candidate
    return best


def _column_tail(tail: str) -> bool:
    """A separator and a column or site name of any wording, short (English names run longer)."""
    width = len(tail) // 2 if tail.isascii() else len(tail)
    return tail[0] in _SEPARATORS and width <= _MAX_TAIL


#: A site name in front of the headline in a <title> (``光明日报：一把剪刀剪出的传承路``): short, then a separator (or a
#: space after a name of four characters or more: ``中国保险行业协会 行业动态 标题``).
_SITE_HEAD = re.compile(r"([^，、？！。；,?!\s]{2,10}\s*[:：|｜_–—－-]{1,2}\s*|[^，、？！。；,?!\s\d]{4,10}\s+){1,2}")  # ``北大未名站 -- 同主题阅读 -- ``


def headline_suffix(raw: str, lines: list[str]) -> str | None:
    """The longest visible line that is the <title> after a short site name and a separator."""
    best = None
    for line in lines:
        size = len(line)
        if _MIN_HEADLINE <= size < len(raw) and raw.endswith(line) and _SITE_HEAD.fullmatch(raw[:-size]):
            if best is None or size > len(best):
                best = line
    return best


def headline_prefix(raw: str, lines: list[str]) -> str | None:
    """The longest visible line that is the <title> up to a separator and a short tail.

    ``中华人民共和国监察法-纪检`` with a page line ``中华人民共和国监察法``: the tail after
    the separator is the column or site name, whatever it says.
    """
    return _longest_prefix(raw, lines, _column_tail)


def labelled_subjects(lines: list[str]) -> list[str]:
    """The values of the page's labelled subject lines (``标  题: 在北京工作五年…`` → ``在北京工作五年…``), without a board's counters after them."""
    return [_COUNTER_TAIL.sub("", line[match.end() :]).strip() for line in lines if (match := _SUBJECT_LABEL.match(line))]


#: A board's counters after a subject (``[浏览：6214 回复：93]``).
_COUNTER_TAIL = re.compile(r"\s*[\[【(（][^\]】)）]{0,30}\d[^\]】)）]{0,30}[\]】)）]\s*$")


def _without_site_tail(title: str, others: list[str]) -> str:
    """``title`` without a short ``<sep><site>`` tail when another candidate is the part before it.

    og:title ``月份牌里的老上海 - 哔哩哔哩`` beside the ``<h1>`` ``月份牌里的老上海``: the
    longer one carries the site's name.
    """
    return _longest_prefix(title, others, _SITE_TAIL.fullmatch) or title


def _first_segment_shown(raw: str, candidate: str, lines: list[str], site_names: tuple[str, ...]) -> str | None:
    """The <title>'s first part when ``candidate`` is a later part and the page shows the first.

    ``重访老家的那条河_林间小径_新浪博客`` with the blog's name ``林间小径`` as its ``<h1>``:
    the name is a tail of the <title>, the line ``重访老家的那条河`` is the headline.
    """
    parts = [part.strip() for part in _SEGMENT_MARK.split(raw)]
    if len(parts) < 2 or candidate not in parts[1:] or len(parts[0]) < _MIN_HEADLINE or parts[0] in site_names:
        return None
    return parts[0] if parts[0] in lines else None


#: Between a site's name and the headline at the end of a <title>: separators and a word or two (``• View topic -``).
_MAX_SITE_GAP = 20


def _later_part_shown(raw: str, candidate: str, lines: list[str]) -> str | None:
    """The end of the <title> after ``candidate`` at its start, when the page shows that end as a line.

    A forum's ``<h1>`` is its name, which opens the <title> ``Solar Power Forum UK • View topic -
    Our 3.92kWp east/west install – questions and results``; the page shows the subject as a line.
    The end must be twice as long as the heading: ``Ein Albtraum - DER SPIEGEL 52/2018`` ends
    with the magazine's issue, which the page also shows.
    """
    if not raw.startswith(candidate):
        return None
    room = len(raw) - len(candidate)
    shortest = 2 * len(candidate)  # a headline, not a second name (``Ein Albtraum - DER SPIEGEL 52/2018``)
    shown = [line for line in lines if shortest <= len(line) < len(raw) and room - len(line) <= _MAX_SITE_GAP and raw.endswith(line)]
    return max(shown, key=len) if shown else None


def longest_segment_shown(raw: str, lines: list[str]) -> str | None:
    """The <title>'s longest part, when the page shows it as a line of its own (page-tool buttons may follow it).

    ``BMJV | Transparenz bei Preisanpassungen`` or ``标题_王教授_新浪博客`` with the headline
    on a line: the other parts are the site's, the blog's or the column's name, shorter
    than the headline and in front of it or behind it.
    """
    parts = [part.strip() for part in _SEGMENT_MARK.split(raw)]
    if len(parts) < 2:
        return None
    longest = max(parts, key=len)
    if len(longest) < _MIN_HEADLINE:
        return None
    size = len(longest)
    shown = (line for line in lines if line.startswith(longest) and (len(line) == size or _TOOL_BUTTONS.fullmatch(line, size)))
    return longest if next(shown, None) else None


def unlabelled_heading(raw: str, headings: list[str]) -> str | None:
    """The <title>'s first part, when a heading is that part behind a bracketed label.

    A forum's ``<h1>`` ``[讨论] 标题`` under the <title> ``标题 - 版块 - 论坛``: the label is the
    thread's type, not part of its subject.
    """
    first = _SEGMENT_MARK.split(raw, maxsplit=1)[0].strip()
    if len(first) < _MIN_HEADLINE:
        return None
    for heading in headings:
        if heading.endswith(first) and _LABEL.fullmatch(heading[: -len(first)]):
            return first
    return None


def tidy(title: str | None) -> str | None:
    """Drop typesetting spaces between a number and its date unit."""
    return _NUMBER_UNIT_SPACE.sub("", title) if title else title


def page_title(tags: TagIndex) -> str:
    """The text of the page's ``<title>`` (the first outside an SVG image), normalised."""
    for title in tags.titles:
        if next(title.iterancestors("svg"), None) is None:
            return normalize_space(" ".join(title.itertext()))
    return ""


def find_title(
    tree: HtmlElement, tags: TagIndex, hints: ExtractHints, metas: dict[str, str], lines: list[str], extra: dict[str, Any]
) -> str | None:
    """The headline: a profile/og/h1 candidate the <title> confirms, else the best guess.

    Profile title XPaths and og:title are trusted over an unconfirming <title>; a bare
    ``<h1>`` only when it resembles the <title> (elsewhere it is often the site logo).
    A hijacked <title> is recorded in ``extra`` as ``title_raw`` with ``spam_title`` True.
    """
    raw = page_title(tags)
    meta_titles = [metas[k] for k in ("og:title", "articletitle", "twitter:title") if metas.get(k)]
    strong = [c for c in texts_at(tree, hints.title_xpaths) + meta_titles if len(c) >= _MIN_HEADLINE]
    headings = [c for c in (normalize_space(" ".join(h1.itertext())) for h1 in tags.h1s) if len(c) >= _MIN_HEADLINE]
    confirmed = [c for c in strong + headings if raw and c in raw and not is_name_tail(raw, c, _SEPARATORS)]
    if confirmed:
        best = _without_site_tail(max(confirmed, key=len), confirmed)
        best = _shown_without_site(best, lines) or best
        if best not in lines:  # an <h1> the page shows opens it (``How to X`` under ``How to X (with Pictures) - wikiHow``)
            best = max((c for c in headings if 3 * len(c) >= len(best) and best.startswith(c) and c in lines), key=len, default=best)
        if best not in strong:  # a bare <h1> may be the site's or the blog's name
            sites = tuple(metas[k] for k in SITE_NAME_KEYS if metas.get(k))
            best = _first_segment_shown(raw, best, lines, sites) or _later_part_shown(raw, best, lines) or best
        return tidy(best)
    if not raw:
        return tidy((strong + headings or [None])[0])
    site_names = tuple(metas[k] for k in SITE_NAME_KEYS if metas.get(k))
    stripped = strip_suffixes(raw, hints.title_suffixes + site_names)
    headline = (strong + headings or [None])[0]
    # the page shows the <title>: whole (no part of it is a site name), up to a site or
    # column tail, or its longest part with the site's name in front or behind
    # (or a subject line's value up to such a tail: a BBS shows its headline only so)
    shown = (
        raw if raw in lines else headline_prefix(raw, lines) or longest_segment_shown(raw, lines)
        or headline_prefix(raw, labelled_subjects(lines)) or headline_suffix(raw, lines)
        or headline_suffix(raw, labelled_subjects(lines)) or (_MARKED.search(raw) and classed_prefix(tree, raw, _column_tail))
    )
    if is_spam(stripped, headline, shown=shown is not None):
        extra["title_raw"] = raw
        extra["spam_title"] = True
        return tidy(headline)
    if strong:
        # an og:title may carry the site's name after a separator (``X | 經濟日報`` beside og:site_name ``經濟日報``)
        return tidy(strip_suffixes(strong[0], site_names) if site_names and strong[0].endswith(site_names) else strong[0])
    parts = [part.strip() for part in _SEGMENT_MARK.split(raw)]
    named = all(len(part) <= MAX_SITE_NAME for part in parts) or len(parts) == 1 and names_the_site(raw, lines)
    if not headings and named and (len(parts) == 1 or parts[0] not in lines and parts[-1] in lines):
        # the <title> is the site's name, shown or not (a logo, a share link), maybe with a column's after it that the menu
        # shows (``招商银行 -- 招行新闻``; a short headline in front of a blog's name is shown: ``父亲的自行车_X_新浪博客``)
        boxed = title_classed(tree, lines)
        if boxed:
            return tidy(boxed)
    if shown:
        return tidy(shown)
    unlabelled = unlabelled_heading(raw, headings)
    if unlabelled:
        return tidy(unlabelled)
    similar = [c for c in headings if overlap(c, stripped) >= 0.5]
    return tidy(similar[0] if similar else stripped)
