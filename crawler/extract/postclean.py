"""Post-clean extracted lines: drop page-tool and editor boilerplate lines, never body prose."""

from __future__ import annotations

import re

from crawler.extract.residue import drop_list_residue

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
    r"(特别声明|免责声明|版权声明|本网声明|本站声明|郑重声明)\s*[:：].*",
    r"网友评论仅供.{0,60}",
    r".{0,20}报料\s*[:：].{0,60}",
    r".{0,20}(未经授权|未经许可|未经书面授权|未经允许)[，,\s]*(不得|禁止|严禁)(转载|使用|复制).{0,20}",
    r"[【\[]?\s*(举报|我要举报|举报/反馈|投诉/举报)\s*[】\]]?",
    # English-language pages (en.* / english.* gov and news sites)
    r"(Editor|Editors|Edited by|Chief Editor|Responsible editor)\s*[:：].{0,40}",
    r"All [Rr]ights [Rr]eserved.{0,200}",
    # app and channel promos
    r"[（(]?\s*本文来自.{0,30}(APP|app|App|客户端)\s*[）)]?",
    r".{0,20}下载.{0,10}(客户端|APP|app|App).{0,20}",
    r".{0,10}(点击进入|点击查看|点击阅读).{0,30}(>>|》)?",
    r".{0,10}打开.{0,8}(客户端|APP|app|App|网易新闻|新闻).{0,20}",
    # WeChat account promos around a body
    r".{0,10}点击.{0,4}(蓝字|上方|关注).{0,20}",
    r".{0,10}长按.{0,6}(识别|扫描|关注)?.{0,4}(二维码|图片).{0,20}",
    r".{0,10}(点个?|点亮|点一下)\s*[“\"「]?在看.{0,20}",
    r".{0,10}(分享|转发).{0,2}(点赞|收藏).{0,2}在看.{0,20}",
    r"[-—\s]*(END|End|end|完)[-—\s]*",
    # footers: copyright, licence and ICP lines
    r"(Copyright|COPYRIGHT|copyright|©|版权所有).{0,100}",
    r"[^。！？]{0,40}(版权所有|Copyright|©)[^。！？]{0,60}",     # 制作单位：… 版权所有：…
    r"[^。！？]{0,60}(ICP备|ICP证|公网安备|网站标识码|新闻信息服务许可证)[^。！？]{0,60}",
    r"(主办单位|主办|承办单位|承办|技术支持)\s*[:：][^。！？]{0,60}",
    # image galleries and pagers: counters and slide or page controls
    r"\d{1,3}\s*/\s*\d{1,3}",
    r"((上一张|下一张|查看原图|自动播放|全屏|上一篇|下一篇|返回列表)\s*[:：]?\s*)+",
    # multi-page pagers: 【1】【2】下一页 / 上一页 1 2 3 下一页 尾页 / 共3页
    r"(?=.*(上一页|下一页|尾页|末页|[【\[]\d{1,3}[】\]]|共\s*\d{1,3}\s*页))"
    r"((上一页|下一页|首页|尾页|末页|[【\[]\d{1,3}[】\]]|共\s*\d{1,3}\s*页|第\s*\d{1,3}\s*页|\d{1,3})\s*)+",
]
_LINE_RE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS))
#: Inline navigation links appended to the last body paragraph (``返回腾讯网首页>>``), and a
#: bracketed source or editor credit glued to it (``…打造完整社区。（来源：示例日报）``).
_TRAILING_NAV = re.compile(
    r"(\s*返回\S{0,10}首页\s*>+|(?<=[。！？”\"])\s*[（(【\[]\s*(来源|稿源|责任编辑|责编|编辑)\s*[:：][^（()）【】\[\]]{1,30}[）)】\]])\s*$"
)
#: Labels of the date/source/tools line above a body (``发布时间：… 来源：… 浏览次数：…``).
_META_LABEL = re.compile(
    r"(发布时间|发布日期|发表时间|更新时间|时间|日期|来源|信息来源|稿源|作者|浏览次数|浏览量|点击数|点击量|阅读量|阅读数|访问量|字体|字号|摄影|记者|编辑)\s*[:：]"
)
#: A meta line holds at least two labels and no more text than this.
_MAX_META_LINE = 160
#: ... or opens with a date and time and holds one label (``2024-05-28 08:15 来源：…``).
_DATED = re.compile(r"(19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}")
_MAX_DATED_LINE = 80
#: An English dateline label with a month-name date (``Updated: Jun 19, 2024 17:08 Xinhua``).
_EN_DATED = re.compile(
    r"(Updated|Published|Posted|Released|Date)\s*:?\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(19|20)\d{2}"
)
#: The headline is looked for in this many lines atop the body, above its first sentence.
_TITLE_WINDOW = 3
_PROSE = re.compile(r"^.{20,}[。！？]")
#: Bracketed page-tool buttons at the start of a line (``【纠错】 责任编辑：…``).
_LEADING_TOOLS = re.compile(r"^(\s*[【\[]\s*(纠错|我要纠错|打印|打印本页|关闭|关闭窗口|收藏|返回顶部)\s*[】\]])+\s*")


def is_boilerplate(line: str) -> bool:
    """True when the whole ``line`` is page-tool or editor boilerplate."""
    line = line.strip()
    rest = _LEADING_TOOLS.sub("", line)
    return _LINE_RE.fullmatch(line) is not None or rest != line and (not rest or _LINE_RE.fullmatch(rest) is not None)


def is_meta_line(line: str) -> bool:
    """True for a date/source/view-count line: two or more meta labels in a short line."""
    labels = len(_META_LABEL.findall(line))
    if len(line) <= _MAX_DATED_LINE and (labels and _DATED.match(line) or _EN_DATED.match(line)):
        return True
    return len(line) <= _MAX_META_LINE and labels >= 2


def clean_line(line: str) -> str:
    """Strip inline trailing navigation from a body line."""
    return _TRAILING_NAV.sub("", line)


def postclean(lines: list[str], title: str | None = None) -> list[str]:
    """Return ``lines`` without boilerplate, meta and list-residue lines.

    Each line is stripped of trailing navigation and credits; the headline, when the
    body container repeats it in its first lines, is dropped too.
    """
    kept = []
    for line in lines:
        line = clean_line(line).strip()
        if line and not is_boilerplate(line) and not is_meta_line(line):
            kept.append(line)
    for index, line in enumerate(kept[:_TITLE_WINDOW]):
        if line == title:
            del kept[index]
            break
        if _PROSE.search(line):
            break
    return drop_list_residue(kept)
