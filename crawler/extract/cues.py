"""Text cues of one line: what its words and punctuation say, independent of where it sits.

Sentence shape (CJK and Latin punctuation, commas, Han and Latin letters), the labels
that open cross-references and credits, calls to action, and the line rules of
crawler/extract/boilerplate.py, postclean.py and residue.py. Each cue is a general pattern of page
chrome in the languages of the development sets, never one site's wording.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

import justext

from crawler.extract.boilerplate import boilerplate_kinds
from crawler.extract.hans import simplified
from crawler.extract.postclean import is_meta_line
from crawler.extract.residue import is_heading
from crawler.extract.shapes import CROSS_REFERENCE, HAN, SENTENCE_END

_LATIN_WORD = re.compile(r"[A-Za-zÀ-ɏ]{2,}")
_COMMA = re.compile(r"[,，、]")
_DIGIT = re.compile(r"\d")
_ENDS_SENTENCE = re.compile(r"([。！？!?…;；.:：]|[.!?。！？][\"'”’)）」』])$")
_LABEL = re.compile(r"^[^\s:：]{1,8}\s*[:：]")
#: Photo and source credits (``Foto: dpa``, ``Crédits photos : …``, ``© Getty Images``, 图片来源：).
#: This and the next pattern (and ``shapes.CROSS_REFERENCE``, the cross-reference labels)
#: are matched against the lower-cased line.
_CREDIT = re.compile(
    r"(^|\W)(foto|fotos|photo|photos|bild|image|picture|cr[ée]dits?( photos?)?|cr[ée]dito|credit|quelle|titelbild|"
    r"getty( images)?|istock|shutterstock|dpa|afp|reuters|picture[- ]alliance|imago)\s*[:：/|)]|©|\(c\)|"
    r"图片来源|图源|摄影[:：]|供图|视觉中国"
)
#: Calls to action around an article: subscribe, share, follow, rate, download the app.
_PROMPT = re.compile(
    r"subscrib|newsletter|abonn|sign up|jetzt anmelden|registrier|teilen|share this|partager|compartir|"
    r"follow us|folgen sie|war der artikel|was this (article|helpful)|关注我们|订阅|点赞|在看|扫码|二维码|下载.{0,6}(app|客户端)"
)
#: Stop words: prose is full of them, menus, headlines and credits are not (jusText's
#: signal). jusText's lists of the larger Western languages, lower-cased.
STOPLIST_LANGUAGES = ("English", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch", "Swedish", "Danish",
                      "Norwegian_Bokmal")
#: Chinese function characters (particles, prepositions, conjunctions, copulas): the
#: same signal for Han text, which has no spaces to count words by.
_FUNCTION_HAN = re.compile("[的了在是和与及对将为等之其而或被把从向到于以也都就这那有不个们着所但并且则]")


@cache
def stopwords() -> frozenset[str]:
    """The union of ``STOPLIST_LANGUAGES``' stop words (loaded once per process)."""
    words: set[str] = set()
    for language in STOPLIST_LANGUAGES:
        words.update(word.lower() for word in justext.get_stoplist(language))
    return frozenset(words)


#: Rule-shaped cues are only looked for in lines this short (longer ones are paragraphs).
SHORT = 200
#: Credits are shorter still.
SHORT_CREDIT = 160

CUES = (
    "len_log", "chars_lt10", "chars_ge80", "words_log", "han_share", "latin_share", "sentence_density",
    "comma_density", "ends_sentence", "digit_share", "label_prefix", "list_heading", "stopword_share",
    "function_han_share",
    "teaser_label", "credit", "prompt", "boilerplate", "edge_boilerplate", "meta_line",
)


@lru_cache(maxsize=4096)
def text_cues(text: str, link_only: bool) -> tuple[float, ...]:
    """The ``CUES`` of one line (cached: menus repeat the same lines).

    Chrome-shaped cues (teaser label … meta line) are not looked for in link-only lines,
    whose link share already says what they are.
    """
    size = len(text) or 1
    words = _LATIN_WORD.findall(text)
    han = len(HAN.findall(text))
    # an ASCII line's words are those of its lower-cased form, lowered (one call for all of them)
    lowered = _LATIN_WORD.findall(text.lower()) if text.isascii() else map(str.lower, words)
    stop = sum(map(stopwords().__contains__, lowered)) / len(words) if words else 0.0
    function = len(_FUNCTION_HAN.findall(text)) / han if han >= 5 else 0.0
    shape = (
        math.log1p(size),
        1.0 if size < 10 else 0.0,
        1.0 if size >= 80 else 0.0,
        math.log1p(len(words)),
        han / size,
        sum(map(len, words)) / size,
        min(1.0, 10 * len(SENTENCE_END.findall(text)) / size),
        min(1.0, 10 * len(_COMMA.findall(text)) / size),
        1.0 if _ENDS_SENTENCE.search(text[-3:]) else 0.0,  # it ends the line: the last 3 characters hold it
        len(_DIGIT.findall(text)) / size,
        1.0 if size <= 40 and _LABEL.match(text) else 0.0,
        1.0 if is_heading(text) else 0.0,
        stop,
        function,
    )
    if link_only or size > SHORT:
        return (*shape, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    low = simplified(text).lower()  # a traditional line read as simplified (crawler/extract/hans.py)
    strict, edge = boilerplate_kinds(text)
    return (
        *shape,
        1.0 if CROSS_REFERENCE.match(low) else 0.0,
        1.0 if size <= SHORT_CREDIT and _CREDIT.search(low) else 0.0,
        1.0 if _PROMPT.search(low) else 0.0,
        1.0 if strict else 0.0,
        1.0 if edge else 0.0,
        1.0 if is_meta_line(text) else 0.0,
    )
