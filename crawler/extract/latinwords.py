"""Word searches for the European line tests (crawler/extract/westernlines.py): many words in one regex, and a line's
lower-cased Latin reading."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache


#: Every word ``any_of`` was given, in order (crawler/extract/westernlines.py searches them all at once).
EVERY_WORD: list[str] = []


def any_of(*words: str) -> re.Pattern[str]:
    """One search for any of ``words``, written as a tree of their common prefixes.

    A plain alternation makes the regex engine try every word at every position of the
    line; the tree tries each first letter once (``a(?:bonn|ffiliate|mazon)|…``).
    """
    EVERY_WORD.extend(words)
    return prefix_tree(words)


def prefix_tree(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """The search for any of ``words`` as a tree of their common prefixes (``any_of`` without recording them)."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(_alternatives(tree))


def _alternatives(node: dict[str, dict]) -> str:
    """The regex of a prefix tree's branches (an ending word makes the branches optional)."""
    branches = [re.escape(char) + _alternatives(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    grouped = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{grouped})?" if "" in node else grouped


#: Every line these patterns take opens with a character below this one (Latin script and its
#: punctuation): a line opening with a Han character is passed over at once.
_LATIN_END = "\u0250"


_LEADING_MARKS = re.compile(r"^[^\w]+")


@lru_cache(maxsize=512)
def lowered(line: str) -> str | None:
    """The stripped, lower-cased ``line`` when it opens in Latin script, else None (read once for all the tests)."""
    stripped = line.strip()
    if stripped and stripped[0] >= _LATIN_END and not stripped[0].isalnum():
        stripped = _LEADING_MARKS.sub("", stripped)  # an emoji or a mark before the words (``⚡ Grid Edge is listener-supported.``)
    return stripped.lower() if stripped and stripped[0] < _LATIN_END else None


def whole_line(
    line: str, longest: int, words: re.Pattern[str], pattern: re.Pattern[str], read: Callable[[str], str | None] = lowered
) -> bool:
    """``pattern`` takes the whole lower-cased ``line`` (as ``read`` gives it), which is short and holds one of ``words``
    (the cheap tests first)."""
    if len(line) > longest:
        return False
    low = read(line)
    return low is not None and words.search(low) is not None and pattern.fullmatch(low) is not None
