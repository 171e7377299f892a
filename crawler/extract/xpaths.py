"""Profile XPaths: compiled once, and a gate that tells in one scan of the page when none of a list can match.

A profile's lists (body, date, source XPaths …) are tried in order, and on most pages none
of them matches: each one is a full scan of the tree in libxml2 (about 0.2 ms a page
before any predicate is tested). When every XPath of a list is a single step
(``//div[@id='zoom']``, ``//*[contains(@class, 'pub')][…]``), one XPath made of them all
(``//div[(p1) or (p2)] | //*[(p3) and (p4)]``) matches exactly when one of them does, so an
empty answer from it ends the search in one scan per node test. Anything else (several
steps, a positional predicate, an attribute or text result) is never gated: the list is
then tried XPath by XPath, as before.

Before either, most XPaths of a list are ruled out without a scan at all. Their tests of
``@class`` and ``@id`` (``contains(@class, 'pub')``, ``@id='zoom'``, ``starts-with(@id, …)``)
need their literal in one of the page's class or id values, and those values are read
in one scan (``page_names``, 0.4 ms a page on evaldata-dev, where the date list's gate
alone took 1.9 ms). ``possible`` keeps the XPaths whose steps' predicates may all hold:
a test of anything else (a text, another attribute, a nested path, ``not(…)``) is taken
to hold, so an XPath is only ever dropped when it cannot match.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

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


def _unquoted(text: str, opens: str, closes: str) -> tuple[list[tuple[int, str, int]], bool]:
    """Each character of ``text`` outside its string literals, with its depth in the brackets ``opens``/``closes``
    (a bracket's own: the depth outside it), and whether every bracket and quote is closed."""
    found: list[tuple[int, str, int]] = []
    depth, quote = 0, ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        else:
            depth -= char in closes
            found.append((index, char, depth))
            depth += char in opens
    return found, depth == 0 and not quote


def _predicates(text: str) -> list[str] | None:
    """The bracketed predicates ``[a][b]…`` that make up all of ``text``, or None."""
    found: list[str] = []
    start = 0
    chars, closed = _unquoted(text, "[", "]")
    for index, char, depth in chars:
        if depth < 0 or depth == 0 and char not in "[]":
            return None  # a further step or an operator between predicates
        if depth == 0:
            if char == "[":
                start = index + 1
            else:
                found.append(text[start:index])
    return found if closed and found else None


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


_CLASS_VALUES = etree.XPath("//@class", smart_strings=False)
_ID_VALUES = etree.XPath("//@id", smart_strings=False)
#: A test that holds only when its literal is in a class or id value: ``contains(@class, 'x')``,
#: ``starts-with(@id, 'x')``, ``@class='x'``.
_NAME_TEST = re.compile(
    r"""(contains|starts-with)\(\s*@(?:class|id)\s*,\s*('[^']*'|"[^"]*")\s*\)|@(?:class|id)\s*=\s*('[^']*'|"[^"]*")"""
)
_HAS_NAME = re.compile(r"@(?:class|id)\b")
_STEP_HEAD = re.compile(r"\s*(?:\*|@?[A-Za-z_][\w.-]*|text\(\)|node\(\)|\.{1,2})?")


def page_names(tree: HtmlElement) -> str:
    """The class and id values of every element of ``tree``, each on a line of its own (a line break before the first, after the last)."""
    return "\n{}\n".format("\n".join(_CLASS_VALUES(tree) + _ID_VALUES(tree)))


def possible(xpaths: Iterable[str], names: str) -> tuple[str, ...]:
    """The XPaths of ``xpaths`` that may match a page whose class and id values are ``names`` (``page_names``)."""
    return tuple(xpath for xpath in xpaths if all(test(names) for test in _name_tests(xpath)))


def _split_steps(xpath: str) -> list[str] | None:
    """The location steps of ``xpath`` (``//div[p]/a`` → ``['', '', 'div[p]', 'a']``); None for a union."""
    steps: list[str] = []
    start = 0
    for index, char, depth in _unquoted(xpath, "[(", "])")[0]:
        if depth == 0 and char == "|":
            return None
        if depth == 0 and char == "/":
            steps.append(xpath[start:index])
            start = index + 1
    steps.append(xpath[start:])
    return steps


@lru_cache(maxsize=512)
def _name_tests(xpath: str) -> tuple[Callable[[str], bool], ...]:
    """One test of the page's names for each predicate of ``xpath`` that only tests class and id values."""
    tests: list[Callable[[str], bool]] = []
    for step in _split_steps(xpath) or ():
        head = _STEP_HEAD.match(step)
        predicates = _predicates(step[head.end() :].strip()) if head else None
        for predicate in predicates or ():
            test = _name_test(predicate)
            if test is not None:
                tests.append(test)
    return tuple(tests)


def _name_test(predicate: str) -> Callable[[str], bool] | None:
    """A test of the page's names that fails only when ``predicate`` holds for no element, or None.

    The predicate's class and id tests become names ``L0``, ``L1`` …, a bare ``@class``/``@id``
    becomes true; what is left must be those joined by ``and``/``or`` (read by Python's
    parser: the same words, the same precedence), or the predicate is not understood.
    """
    literals: list[str] = []

    def named(match: re.Match[str]) -> str:
        # a value is a line of the names: it contains the literal, starts with it or is it
        function, literal = match.group(1), (match.group(2) or match.group(3))[1:-1]
        literals.append(literal if function == "contains" else f"\n{literal}" if function else f"\n{literal}\n")
        return f" L{len(literals) - 1} "

    expression = _HAS_NAME.sub(" True ", _NAME_TEST.sub(named, predicate))
    try:
        tree = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError:
        return None
    if not literals or not all(_plain(node) for node in ast.walk(tree)):
        return None
    return lambda names: _holds(tree, names, literals)


def _plain(node: ast.AST) -> bool:
    return isinstance(node, (ast.BoolOp, ast.And, ast.Or, ast.Load)) or (
        isinstance(node, ast.Name) and re.fullmatch(r"L\d+", node.id) is not None
    ) or (isinstance(node, ast.Constant) and node.value is True)


def _holds(node: ast.AST, names: str, literals: list[str]) -> bool:
    if isinstance(node, ast.BoolOp):
        join = all if isinstance(node.op, ast.And) else any
        return join(_holds(value, names, literals) for value in node.values)
    if isinstance(node, ast.Name):
        return literals[int(node.id[1:])] in names
    return True
