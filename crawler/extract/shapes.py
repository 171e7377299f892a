"""What a line of text looks like: sentence ends, Han characters, prose, comparison keys. One definition for every module."""

from __future__ import annotations

import re

from crawler.extract.hans import simplified

#: Sentence punctuation other than the Latin dot: CJK or Latin question and exclamation
#: marks, CJK full stop, semicolons.
SENTENCE_MARK = re.compile(r"[。！？!?；;]")
#: A CJK sentence end only (full stop, question, exclamation mark).
CJK_SENTENCE_END = re.compile(r"[。！？]")
#: A sentence end: a SENTENCE_MARK, or a Latin dot before a space, a quote or the end (not
#: inside ``news.163.com``).
SENTENCE_END = re.compile(SENTENCE_MARK.pattern + r"|\.(?=\s|$|[\"'”’)）])")
#: Han characters (CJK unified ideographs, extension A, compatibility ideographs).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: A cross-reference: a label that introduces a link to another article, then its title
#: (``Lea también: …``, ``Lesen Sie auch:``, ``Czytaj też:``, ``Related: …``, 延伸阅读：…, 【相关阅读】…),
#: in Chinese and the larger European languages; matched against the lower-cased line.
CROSS_REFERENCE = re.compile(
    r"^\W{0,3}("
    # English
    r"read (more|also|next)|read|see also|also read|also on|more on this( story| topic)?|explore further|don'?t miss|further reading( on [\w.-]{2,30})?|"
    r"related( articles?| stor(y|ies)| posts?| content| coverage| news)?|recommended|more from|more|you (may|might) also like|"
    # German, Dutch, Scandinavian
    r"lesen sie (auch|hier|mehr)|lies auch|lesetipps?|(auch|mehr) auf [\w.-]{2,30}|auch lesen|auch interessant|mehr (zum thema|themen|dazu)|schon gelesen|weiterlesen|passend (dazu|zum thema)|"
    r"weitere artikel|(das )?(thema )?könnte (sie|dich) auch interessieren|lees (ook|meer)|läs (också|mer)|"
    r"les (også|mer)|læs (også|mere)|lue myös|zie ook|"
    # French, Italian
    r"(à |a )?(lire|voir) (aussi|également)|notre dossier|sur le même sujet|leggi anche|per approfondire|approfondisci|potrebbe interessarti|ti potrebbe interessare|"
    # Spanish, Portuguese
    r"(lea|vea|lee|ve|ver|mira) (también|más)|lea|mire|mira|(quizás |quizá )?(también )?te (puede |podría )?interes(ar|e)|te recomendamos|"
    r"(noticias|notas) relacionadas|leia (também|mais)|veja (também|mais)|"
    # Polish, Russian
    r"(czytaj|zobacz) (też|także|również|więcej)|читайте (также|еще|ещё)|смотрите также|"
    r"相关(阅读|新闻|文章|链接|报道|推荐|解读|文件|知识|日志|博文|帖子|报告)|(报告|图书|课程)推荐|延伸阅读|推荐阅读|阅读更多|更多(阅读|精彩)|往期(回顾|推荐)|点击(阅读|查看|进入)"
    r")\s*([:：>»?？|｜]|[】\]](?=\s*\S)|$)"
)
#: A cross-reference line is a label and a headline: at most this long.
CROSS_REFERENCE_CHARS = 200
#: What a comparison key leaves out: everything but letters and digits.
_NOT_KEY = re.compile(r"[\W_]+")
#: A line of prose is at least this long and holds a sentence end; an article container
#: holds at least this much text.
PROSE_CHARS = 20


def is_prose(line: str) -> bool:
    """True for a line that reads as a sentence: long enough, with sentence punctuation."""
    return len(line) >= PROSE_CHARS and SENTENCE_END.search(line) is not None


def prose_chars(lines: list[str]) -> int:
    """Characters in lines that read as sentences."""
    return sum(len(line) for line in lines if is_prose(line))


#: Labels a title follows after a colon only (``Read: Why your city can’t fix its potholes``,
#: ``Video: …``, ``视频：走进“小小工程师”课后服务课堂``), or after a space when it is capitalised
#: (``À lire aussi Bouclier tarifaire : …``) or Chinese (``延伸阅读 生成式人工智能…``).
_COLON_LABEL = re.compile(r"\W{0,3}((read|see|video|vidéo|watch|listen|photos|gallery|podcast|视频|微视频)\s*[:：]|vidéo\s*[.–-])\s*\S")
_CJK_SPACED_LABEL = re.compile(r"\W{0,3}(延伸阅读|相关阅读|推荐阅读|相关新闻|相关文章|相关报道|相关链接)\s+(?=\S)")
#: ... a headline, not a sentence, of at most this many characters.
MAX_SPACED_TITLE = 60
_SPACED_LABEL = re.compile(r"\W{0,3}(à lire aussi|a lire aussi|lire aussi|lesen sie auch|leggi anche|lees ook|lea también|read more|read also|also read|see also)\s+")


def is_cross_reference(line: str) -> bool:
    """True for a short line that opens with a cross-reference label (``Lea también: <title>``).

    (The model's cue is ``CROSS_REFERENCE`` alone; the two title-led forms here only drop lines.)
    """
    if len(line) > CROSS_REFERENCE_CHARS:
        return False
    low = simplified(line).lower()
    if CROSS_REFERENCE.match(low) or _COLON_LABEL.match(low):
        return True
    spaced = _SPACED_LABEL.match(low)
    if spaced is not None and line[spaced.end() : spaced.end() + 1].isupper():
        return True
    # a Chinese label, a space and a headline (``延伸阅读 生成式人工智能对学术出版的影响及应对``)
    spaced = _CJK_SPACED_LABEL.match(line)
    return spaced is not None and len(line) - spaced.end() <= MAX_SPACED_TITLE and not SENTENCE_MARK.search(line, spaced.end())


def key(text: str) -> str:
    """Comparison form of a text: letters and digits only, case-folded."""
    return _NOT_KEY.sub("", text).casefold()
