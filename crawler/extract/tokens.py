"""What an element's class, id, role and tag say it holds: page-chrome and content categories, as bits.

General web conventions, not any one site's: ``comment-list``, ``share_bar``, ``breadcrumb``,
``relatedNews``, ``footer`` name chrome on sites of every language, and Chinese templates
write the same in pinyin or its initials (``liuyan`` 留言, ``xiangguan`` 相关, ``banquan``
版权, ``xgxw`` 相关新闻); ``article-content``, ``post_body``, ``zhengwen`` or ``zw`` (正文)
name the text. A class is split into words (``shareBox`` → share box, ``post_body`` → post
body) and a word counts when it equals a category word, a plural of one, or one joined to
a short widget suffix (``sharebar``, ``hotnews``): so ``shareholder`` or
``ranking-table-data`` inside an article are not mistaken for chrome by a bare substring.
The bits are evidence for the block model (crawler/extract/features.py),
never a reason to delete anything by themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml.html import HtmlElement

COMMENT = 1 << 0
NAV = 1 << 1
FOOTER = 1 << 2
SHARE = 1 << 3
RELATED = 1 << 4
AD = 1 << 5
SIDE = 1 << 6
META = 1 << 7
HIDDEN = 1 << 8
FORM = 1 << 9
CONTENT = 1 << 10
HEADER = 1 << 11
MEDIA = 1 << 12
#: Every category, in bit order, with its name (feature names are built from these).
CATEGORIES = (
    ("comment", COMMENT),
    ("nav", NAV),
    ("footer", FOOTER),
    ("share", SHARE),
    ("related", RELATED),
    ("ad", AD),
    ("side", SIDE),
    ("meta", META),
    ("hidden", HIDDEN),
    ("form", FORM),
    ("content", CONTENT),
    ("header", HEADER),
    ("media", MEDIA),
)
#: Chrome: every category but content.
CHROME = COMMENT | NAV | FOOTER | SHARE | RELATED | AD | SIDE | META | HIDDEN | FORM | HEADER
#: Neither chrome nor text: captions, credits, galleries and players.

_WORDS: dict[str, int] = {}
for _bit, _words in (
    (COMMENT, "comment comments comm reply replies respond discuss discussion disqus pinglun gentie liuyan huifu"),
    (NAV, "nav navbar navigation navi menu menus menubar breadcrumb breadcrumbs crumb crumbs pagination pager "
          "paging pagenav subnav topnav mainnav dropdown skip skiplink toc channel channels daohang lanmu"),
    (FOOTER, "footer foot copyright copyrights bottom colophon disclaimer statement legal banquan yejiao dibu"),
    (SHARE, "share sharing sharer social sns bdshare qrcode qr ewm erweima print printer fontsize toolbar "
            "tools follow like likes reward zan bookmark fenxiang dayin"),
    (RELATED, "related relate relation recommend recommended recommendation recommends tuijian hot hotnews rank "
              "ranking paihang popular mostread trending readmore more also xgwz xgxw xgyd next prev previous "
              "teaser teasers morenews recirc recirculation outbrain taboola xiangguan redian remen gengduo"),
    (AD, "ad ads adv advert advertisement advertising banner banners sponsor sponsored promo promotion gg guanggao "
         "adsense dfp"),
    (SIDE, "sidebar side aside widget widgets rail"),
    (META, "meta byline dateline tags tag keywords source author authors info bio laiyuan zuozhe"),
    (HIDDEN, "hidden hide invisible sronly"),
    (FORM, "login signin signup register subscribe subscription newsletter search modal popup cookie cookies "
           "consent gdpr overlay paywall regwall premium sousuo denglu zhuce dingyue"),
    (CONTENT, "article articles content contents body text post entry main story detail details blog zoom "
              "editor con cont txt zw artibody prose zhengwen neirong wenzhang"),
    (HEADER, "header masthead topbar logo toubu"),
    (MEDIA, "caption captions credit credits photo photos figure figcaption img image images gallery slideshow "
            "slider carousel video player media tupian shipin"),
):
    for _word in _words.split():
        _WORDS[_word] = _WORDS.get(_word, 0) | _bit
#: Suffixes of widget words joined to a category word (``sharebar``, ``hotnews``, ``commentlist``).
_SUFFIXES = ("bar", "box", "btn", "button", "wrap", "list", "area", "tool", "tools", "news", "item", "items",
             "block", "panel", "layer", "con", "cont", "info", "link", "links", "col", "mod", "module")
#: Short prefixes of the same (``bdshare``, ``jshare``, ``mnav``).
_PREFIXES = ("bd", "j", "js", "m", "my", "sub", "top", "g", "site", "page", "art", "post", "news")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORD = re.compile(r"[a-z0-9]+")
_ROLES = {
    "navigation": NAV,
    "banner": HEADER,
    "contentinfo": FOOTER,
    "complementary": SIDE,
    "search": FORM,
    "dialog": FORM,
    "main": CONTENT,
    "article": CONTENT,
}
#: Structural tags that say what they hold.
TAG_BITS = {
    "nav": NAV,
    "footer": FOOTER,
    "aside": SIDE,
    "header": HEADER,
    "form": FORM,
    "menu": NAV,
    "article": CONTENT,
    "main": CONTENT,
}


@lru_cache(maxsize=16384)
def _word_bits(word: str) -> int:
    bits = _WORDS.get(word) or (_WORDS.get(word[:-1], 0) if word.endswith("s") else 0)
    if bits or len(word) < 5:
        return bits
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] in _WORDS:
            return _WORDS[word[: -len(suffix)]]
    for prefix in _PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] in _WORDS:
            return _WORDS[word[len(prefix):]]
    return 0


@lru_cache(maxsize=8192)
def name_bits(names: str) -> int:
    """Category bits of a class/id string (several names separated by spaces)."""
    low = names.lower()
    if low != names:  # camelCase is split only where there are capitals to split at
        low = _CAMEL.sub(" ", names).lower()
    bits = 0
    for word in _WORD.findall(low):
        bits |= _word_bits(word)
    return bits


def element_bits(element: HtmlElement, tag: str) -> int:
    """Category bits of one element: its tag, ARIA role, class and id."""
    return attribute_bits(element.get, tag)


def attribute_bits(get: Callable[[str], str | None], tag: str) -> int:
    """Category bits from an element's tag and its attribute getter (``element.get``)."""
    bits = TAG_BITS.get(tag, 0)
    names = get("class")
    ident = get("id")
    if ident:
        names = f"{names} {ident}" if names else ident
    if names:
        bits |= name_bits(names)
    role = get("role")
    if role:
        bits |= _ROLES.get(role.strip().lower(), 0)
    if get("itemprop") == "articleBody":
        bits |= CONTENT
    return bits
