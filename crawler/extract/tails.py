"""What closes a text: a signature under a drawn rule, the lines after an end mark, a statement under its heading
(a press release's appendix: crawler/extract/pressappendix.py).

Each is found from the end of the kept lines (crawler/extract/postclean.py drops it); a
rule, a mark or a heading with more text after it than such a tail holds is the text's own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crawler.extract.boilerplate import is_boilerplate, is_edge_boilerplate

if TYPE_CHECKING:
    from collections.abc import Callable

def closing_start(lines: list[str], most: int, is_marker: Callable[[str], object], fits: Callable[[str], bool]) -> int:
    """Where the last marker line within ``most`` lines of the end of ``lines`` stands, when every line after it ``fits``; else ``len(lines)``.

    Only the last marker in that window counts, and never the first line (a text is more than its tail).
    """
    for start in range(len(lines) - 1, max(-1, len(lines) - most - 2), -1):
        if is_marker(lines[start]):
            return start if start > 0 and all(fits(line) for line in lines[start + 1 :]) else len(lines)
    return len(lines)


#: A rule drawn with characters (``-----``, ``______``, ``======``, or one with a word in it:
#: ``----sign----``): forum software and e-mail set a signature off with one.
RULE_LINE = re.compile(r"[-_=~*─━]{6,}|[-_=~*─━]{3,}\s*[A-Za-z\u4e00-\u9fff]{1,10}\s*[-_=~*─━]{3,}")
#: A signature is at most this many short lines after the rule that ends the text.
MAX_SIGNATURE_LINES = 2
MAX_SIGNATURE_CHARS = 80


def signature_start(lines: list[str]) -> int:
    """Where the signature under a drawn rule near the end of ``lines`` starts, or ``len(lines)``.

    The rule must close the text: at most ``MAX_SIGNATURE_LINES`` short lines follow it
    (a member's motto, an e-mail sign-off); a rule between sections stays with the text.
    """
    return closing_start(lines, MAX_SIGNATURE_LINES, RULE_LINE.fullmatch, lambda line: len(line) <= MAX_SIGNATURE_CHARS)


#: A line of its own that ends an article (``— 完 —``, ``-END-``, ``（完）``, a press release's ``###`` or ``ENDS``).
END_MARK = re.compile(r"[-—–\s]*(END|End|end|ENDS|Ends|完)[-—–\s]*|[（(【\[]\s*完\s*[）)】\]]|\s*#\s*#\s*#\s*")
#: At most this many short lines after the end mark are the page's, not the text's; twice as
#: many when none is a sentence (a press release's two media contacts, four lines each: name,
#: office, telephone, e-mail).
MAX_AFTER_END_MARK = 4
MAX_AFTER_END_MARK_CHARS = 100


def end_mark_tail(lines: list[str]) -> int:
    """Where the lines after an end mark closing ``lines`` start, or ``len(lines)``.

    The mark says the article ends there: the few short lines after it (a copyright
    notice, a follow prompt) are the page's. A mark with more after it stays a mark only.
    """
    start = closing_start(lines, MAX_AFTER_END_MARK, _is_end_mark, lambda line: len(line) <= MAX_AFTER_END_MARK_CHARS)
    if start == len(lines):
        start = closing_start(lines, 2 * MAX_AFTER_END_MARK, _is_end_mark, is_contact_line)
    return start + 1 if start < len(lines) else start


#: A sentence's end: a stop, and for Latin text a word of three lower-case letters or more before
#: it (``Hampton, Va.`` is an address) and a space or the line's end after it.
_SENTENCE_END = re.compile(r"[。！？]|[a-z]{3}[.!?](\s|$)")


def is_contact_line(line: str) -> bool:
    """A short line that is no sentence: a name, an office, a telephone number, an e-mail address."""
    return len(line) <= MAX_AFTER_END_MARK_CHARS and _SENTENCE_END.search(line) is None


#: A statement's heading alone on its line (``法律声明``, ``免 责 声 明``).
_STATEMENT_HEADING = re.compile(r"[【\[]?\s*(法\s*律|免\s*责|特\s*别|重\s*要|版\s*权)\s*声\s*明\s*[】\]]?\s*[:：]?")
#: At most this many paragraphs under it close the text, each naming what a statement names.
MAX_STATEMENT_LINES = 6
_STATEMENT_WORDS = re.compile(r"本订阅号|本公众号|公众订阅号|本网站|本站|本报告|本文|本材料|不构成|版权|转载|投资|风险|法律|责任|仅供参考")


def statement_tail(lines: list[str]) -> int:
    """Where a statement that closes ``lines`` starts (its heading alone on a line), or ``len(lines)``.

    A broker's or a site's 法律声明 runs to several paragraphs under its heading, each a
    sentence the prose rules would keep; they close the text, and each names what a
    statement names (本订阅号, 不构成, 版权 …). A heading with text after it that does not
    read so is a subheading and stays.
    """
    return closing_start(lines, MAX_STATEMENT_LINES, _is_statement_heading, _reads_as_statement)


def _is_end_mark(line: str) -> bool:
    return len(line) <= 9 and END_MARK.fullmatch(line) is not None


def _is_statement_heading(line: str) -> bool:
    return len(line) <= 12 and _STATEMENT_HEADING.fullmatch(line) is not None


def _reads_as_statement(line: str) -> bool:
    return _STATEMENT_WORDS.search(line) is not None or is_edge_boilerplate(line) or is_boilerplate(line)

