"""Profile XPaths: compiled once, and a gate that tells in one scan of the page when none of a list can match.

A profile's lists (body, date, source XPaths …) are tried in order, and on most pages none
of them matches: each one is a full scan of the tree in libxml2 (about 0.2 ms a page
before any predicate is tested). When every XPath of a list is a single step
(``//div[@id='zoom']``, ``//*[contains(@class, 'pub')][…]``), one XPath made of them all
(``//div[(p1) or (p2)] | //*[(p3) and (p4)]``) matches exactly when one of them does, so an
empty answer from it ends the search in one scan per node test. Anything else (several
steps, a positional predicate, an attribute or text result) is never gated: the list is
then tried XPath by XPath, as before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: ``//name`` or ``//*`` followed by predicates only.
_STEP = re.compile(r"//(\*|[A-Za-z_][\w.-]*)(\[.*\])")
_LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")
#: What makes a predicate depend on position or be a number (``[1]``, ``[last()]``,
#: ``[count(p)]``): such a predicate does not mean the same inside ``or``/``and``.
_NOT_BOOLEAN = re.compile(
    r"^\s*[\d.]+\s*$|position\s*\(|last\s*\(|count\s*\(|sum\s*\(|number\s*\(|string-length\s*\(|floor\s*\(|"
    r"ceiling\s*\(|round\s*\(|[+*]|\s-\s|\bdiv\b|\bmod\b"
)


@lru_cache(maxsize=512)
def compiled(xpath: str) -> etree.XPath:
    """Compile (once per process) an XPath from a profile."""
    return etree.XPath(xpath)


def _predicates(text: str) -> list[str] | None:
    """The bracketed predicates ``[a][b]…`` that make up all of ``text``, or None."""
    found: list[str] = []
    depth, start, quote = 0, 0, ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            if depth == 0:
                start = index + 1
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                found.append(text[start:index])
            elif depth < 0:
                return None
        elif depth == 0:
            return None  # a further step or an operator between predicates
    return found if depth == 0 and not quote and found else None


def single_step(xpath: str) -> tuple[str, str] | None:
    """(node test, one boolean predicate) of a ``//name[p1][p2]…`` XPath, or None for any other shape."""
    match = _STEP.fullmatch(xpath.strip())
    if not match:
        return None
    predicates = _predicates(match.group(2))
    if not predicates or any(_NOT_BOOLEAN.search(_LITERAL.sub("''", p)) for p in predicates):
        return None
    return match.group(1), " and ".join(f"({p})" for p in predicates)


@lru_cache(maxsize=256)
def gate(xpaths: tuple[str, ...]) -> etree.XPath | None:
    """One XPath matching when any of ``xpaths`` matches, or None when they cannot be merged (or one is enough)."""
    if len(xpaths) < 2:
        return None
    groups: dict[str, list[str]] = {}
    for xpath in xpaths:
        step = single_step(xpath)
        if step is None:
            return None
        groups.setdefault(step[0], []).append(step[1])
    return etree.XPath(" | ".join(f"//{name}[{' or '.join(tests)}]" for name, tests in groups.items()))


def none_can_match(tree: HtmlElement, xpaths: tuple[str, ...]) -> bool:
    """True when no XPath of ``xpaths`` has a match in ``tree``, known from one gated scan (False: try them)."""
    merged = gate(xpaths)
    return merged is not None and not merged(tree)
