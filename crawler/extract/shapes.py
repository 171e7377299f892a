"""What a line of text looks like: sentence ends, Han characters, prose, comparison keys. One definition for every module."""

from __future__ import annotations

import re

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


def key(text: str) -> str:
    """Comparison form of a text: letters and digits only, case-folded."""
    return _NOT_KEY.sub("", text).casefold()
