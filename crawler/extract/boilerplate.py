"""Whole-line boilerplate of page tools and editors: the strict and edge patterns, with their names."""

from __future__ import annotations

import re
from functools import lru_cache

from crawler.extract import boilerplate_patterns
from crawler.extract.boilerplate_keyed import KEYED_PATTERNS as _KEYED
from crawler.extract.boilerplate_keyed import SCAN_LED
from crawler.extract.hans import simplified
from crawler.extract.boilerplate_patterns import EDGE_NAMES, EDGE_PATTERNS


def _split_scan_led() -> tuple[list[str], list[str], tuple[tuple[tuple[str, ...], str, str], ...]]:
    """The strict patterns and names without the scan-led ones (``SCAN_LED``), and the keyed patterns with them."""
    patterns, names = boilerplate_patterns.STRICT_PATTERNS, boilerplate_patterns.STRICT_NAMES
    moved: dict[int, tuple[str, ...]] = {}
    for name, opening, keys in SCAN_LED:
        found = [i for i, (n, p) in enumerate(zip(names, patterns)) if n == name and p.startswith(opening) and i not in moved]
        assert found, (name, opening)
        moved[found[0]] = keys
    kept = [i for i in range(len(patterns)) if i not in moved]
    keyed = tuple((keys, names[i], patterns[i]) for i, keys in sorted(moved.items()))
    return [patterns[i] for i in kept], [names[i] for i in kept], keyed + _KEYED


STRICT_PATTERNS, STRICT_NAMES, KEYED_PATTERNS = _split_scan_led()
_STRICT_RE = re.compile("|".join(f"(?:{p})" for p in STRICT_PATTERNS))
_EDGE_RE = re.compile("|".join(f"(?:{p})" for p in EDGE_PATTERNS))
_STRICT_RULES = tuple((name, re.compile(p)) for name, p in zip(STRICT_NAMES, STRICT_PATTERNS, strict=True))
_EDGE_RULES = tuple((name, re.compile(p)) for name, p in zip(EDGE_NAMES, EDGE_PATTERNS, strict=True))
_KEYED_RULES = tuple((keys, name, re.compile(p)) for keys, name, p in KEYED_PATTERNS)
#: Any key of a keyed pattern (one search before the patterns' loop).
_ANY_KEY = re.compile("|".join(re.escape(key) for keys, _, _ in KEYED_PATTERNS for key in keys))
#: Lines are only matched against the patterns when they are this short and hold one of
#: these words (a cheap test that every pattern needs to pass). A digit is no trigger word:
#: the one pattern a line of digits and no word can match is the bare counter (``306``),
#: which ``_is_counter`` tests; every other pattern needs one of the words (half the lines
#: that hold a digit hold no word, and are not read against the patterns).
_MAX_BOILERPLATE = 240
_TRIGGER_WORDS = (
    "图", "视频", "专题", "编", "編", "审", "校", "分享", "打印", "关闭", "收藏", "返回", "纠错", "字号", r"[+＋/【\[]", "扫",
    "评论", "举报", "Edit", "本文", "下载", "打开", "点", "长按", "在看", "转发", "END", "End", "end", "完",
    "Copyright", "COPYRIGHT", "copyright", "©", "版权", "ICP", "公网安备", "标识码", "许可证", "上一", "下一", "查看原图",
    "自动播放", "全屏", "返回列表", "页", "声明", "报料", "爆料", "未经", "主办", "承办", "技术支持", "联系", "Rights", "rights",
    "[｜|]", "作者", "记者", "撰文", "文字", "采写", "统筹", "出品", "策划", "排版", "设计", "整理", "翻译", "实习生", "通讯员",
    "监制", "制作", "文章", "此文", "关注", "订阅", "开通", "会员", "VIP", "vip", "侵权", "著作权", "稿酬", "稿费", "代表", "原创", "签名",
    "风险", "投资", "立场", "审校", "更多", "尽在", "滑动", "帐号", "账号", "评价", "原文", "微信号", "众号", "官方微", "订阅号", "短信", "彩信", "手机", "引用通告", "查看结果", "订购", "了解", "线索", "转载", "投稿", "合作", "@", "《",
    "加载中", "时长", "播放", "下载", "客户端", "APP", "投票", "参与", "调查", "评分记录", "提示", "提醒", "展开", "剩余", "全文", "全部", "继续", "打赏", "赞赏", "点赞", "点个赞", r"#\s*#\s*#", "次播放", "第一时间", "为准", "收听", "视频", "图集", "组图", "音频", "影音", "影片", "影／", "影/", "招聘", "诚聘", "招募", "加入我们", "隐藏", "附件", "Last edited", "供稿", "本帖", "此帖", "该帖", "没有登录", "未登录", "文中", "标清", "热线",
    r"[处科室局心办司厅委所院站供报][稿送]?\s*[）)]",
)


def _first_chars(word: str) -> str:
    """The character class of what ``word`` (a literal or one ``[...]`` class) can start with."""
    if word.startswith("["):
        return word[1 : word.index("]")]
    return re.escape(word[0])


#: The lookahead on the words' first characters lets the regex engine skip, in C, every
#: position no word can start at (three times faster on lines with no word; same matches).
_TRIGGER = re.compile(
    "(?=[" + "".join(dict.fromkeys(map(_first_chars, _TRIGGER_WORDS))) + "])(?:" + "|".join(_TRIGGER_WORDS) + ")"
)
#: A bare counter (likes, shares): the edge pattern of digits alone.
_COUNTER = re.compile(r"\d{1,4}")
#: Bracketed page-tool buttons at the start of a line (``【纠错】 责任编辑：…``).
_LEADING_TOOLS = re.compile(r"^(\s*[【\[]\s*(纠错|我要纠错|打印|打印本页|关闭|关闭窗口|收藏|返回顶部)\s*[】\]])+\s*")


def _candidate(line: str) -> tuple[str, str] | None:
    """(stripped line, line without leading tool buttons) when ``line`` may be boilerplate, else None."""
    line = line.strip()
    if len(line) > _MAX_BOILERPLATE or not _TRIGGER.search(line):
        return None
    return line, _LEADING_TOOLS.sub("", line)


def _fullmatch(pattern: re.Pattern[str], line: str, rest: str) -> bool:
    return pattern.fullmatch(line) is not None or rest != line and (not rest or pattern.fullmatch(rest) is not None)


def _is_counter(line: str) -> bool:
    return _COUNTER.fullmatch(line.strip()) is not None


def _keyed(line: str, rest: str) -> str | None:
    """The name of the first keyed strict pattern the line holds a key of and matches, or None."""
    if _ANY_KEY.search(line) is None:
        return None
    for keys, name, pattern in _KEYED_RULES:
        if any(key in line for key in keys) and _fullmatch(pattern, line, rest):
            return name
    return None


def _strict(line: str, rest: str) -> bool:
    return _fullmatch(_STRICT_RE, line, rest) or _keyed(line, rest) is not None


def _matches(pattern: re.Pattern[str], line: str) -> bool:
    found = _candidate(line)
    if found is None:  # no trigger word: only the bare counter can match
        return _is_counter(line) and pattern.fullmatch(line.strip()) is not None
    return _fullmatch(pattern, *found)


def is_boilerplate(line: str) -> bool:
    """True when the whole ``line`` is page-tool or editor boilerplate (dropped wherever it stands)."""
    return boilerplate_kinds(line)[0]


def is_edge_boilerplate(line: str) -> bool:
    """True for boilerplate dropped only around the text: statements, reprint terms, 主办单位 lines."""
    return boilerplate_kinds(line)[1]


@lru_cache(maxsize=4096)
def boilerplate_kinds(line: str) -> tuple[bool, bool]:
    """(``is_boilerplate(line)``, ``is_edge_boilerplate(line)``), the line read once for both.

    Remembered: the text cues, the post-clean and the rules around the text read the same
    lines. A line with no trigger word is edge boilerplate only as a bare counter, which is
    the one edge pattern such a line can match.
    """
    line = simplified(line)  # a traditional line is read as simplified (crawler/extract/hans.py)
    found = _candidate(line)
    if found is None:
        return False, _is_counter(line)
    return _strict(*found), _fullmatch(_EDGE_RE, *found)


def rule_name(line: str, *, edge: bool = False) -> str | None:
    """The name of the first strict (or, with ``edge``, edge) pattern the whole ``line`` matches, or None."""
    line = simplified(line)  # a traditional line is read as simplified (crawler/extract/hans.py)
    for name, pattern in _EDGE_RULES if edge else _STRICT_RULES:
        if _matches(pattern, line):
            return name
    found = None if edge else _candidate(line)
    return _keyed(*found) if found else None
