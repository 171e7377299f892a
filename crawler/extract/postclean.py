"""Post-clean extracted lines: drop page-tool and editor boilerplate lines, never body prose."""

from __future__ import annotations

import re

#: Whole-line patterns of boilerplate that sits inside article containers on Chinese
#: news CMSs. Each is anchored to the full line and length-bounded, so a body sentence
#: that merely mentions these words is kept. Re-check with the ``without`` snippets of
#: ``../shared/fixtures/pages.json`` (kind ``editor_boilerplate``/``share_widget``).
_LINE_PATTERNS = [
    # 责任编辑：X / (责编：X) / 【编辑：X】 / [責任編輯:X] / 本文来源：X 责任编辑：Y
    r"[（(【\[]?\s*(本文来源[:：].{0,40})?(责任编辑|责编|編輯|编辑|責任編輯|责任校对|审核|校对)\s*[:：].{0,40}",
    r"[（(【\[]\s*(编辑|作者|记者|通讯员|供稿|摄影)\s*[:：].{0,40}[）)】\]]",
    # share / print / window tools
    r"(分享至|分享到|分享)\s*[:：]?.{0,40}",
    r"([【\[]?\s*(打印本页|打印|关闭窗口|关闭|收藏本页|收藏|返回顶部|纠错|我要纠错)\s*[】\]]?\s*)+",
    r"字号\s*[:：]?\s*[大中小\s|]{0,12}",
    r"[+＋]\d{1,4}",                                       # like/vote counters

    r".{0,20}扫一扫.{0,30}",
    r".{0,20}扫描二维码.{0,40}",
    r"(用微信|微信)扫描.{0,20}",
    # statements and disclaimers
    r"(特别声明|免责声明|版权声明)\s*[:：].*",
    r"网友评论仅供.{0,60}",
    r".{0,20}报料\s*[:：].{0,60}",
    # app and channel promos
    r"[（(]?\s*本文来自.{0,30}(APP|app|App|客户端)\s*[）)]?",
    r".{0,20}下载.{0,10}(客户端|APP|app|App).{0,20}",
    r".{0,10}(点击进入|点击查看|点击阅读).{0,30}(>>|》)?",
]
_LINE_RE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS))
#: Inline navigation links appended to the last body paragraph (``返回腾讯网首页>>``).
_TRAILING_NAV = re.compile(r"\s*返回\S{0,10}首页\s*>+\s*$")
#: Bracketed page-tool buttons at the start of a line (``【纠错】 责任编辑：…``).
_LEADING_TOOLS = re.compile(r"^(\s*[【\[]\s*(纠错|我要纠错|打印|打印本页|关闭|关闭窗口|收藏|返回顶部)\s*[】\]])+\s*")


def is_boilerplate(line: str) -> bool:
    """True when the whole ``line`` is page-tool or editor boilerplate."""
    line = line.strip()
    rest = _LEADING_TOOLS.sub("", line)
    return _LINE_RE.fullmatch(line) is not None or rest != line and (not rest or _LINE_RE.fullmatch(rest) is not None)


def clean_line(line: str) -> str:
    """Strip inline trailing navigation from a body line."""
    return _TRAILING_NAV.sub("", line)


def postclean(lines: list[str]) -> list[str]:
    """Return ``lines`` without boilerplate lines, each stripped of trailing navigation."""
    kept = []
    for line in lines:
        line = clean_line(line).strip()
        if line and not is_boilerplate(line):
            kept.append(line)
    return kept
