"""Main text: trafilatura on the pre-cleaned tree, with the profile's body container as the scope."""

from __future__ import annotations

import copy
import re
import warnings
from typing import TYPE_CHECKING

import trafilatura
from lxml import html as lxml_html

from crawler.extract.blocks import block_lines, normalize_space

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_KEY_DROP = re.compile(r"[\s|]+")


def _key(text: str) -> str:
    """Comparison form of a line: no whitespace, no table bars."""
    return _KEY_DROP.sub("", text)


def run_trafilatura(tree: HtmlElement) -> list[str]:
    """trafilatura's plain-text main content of ``tree`` as normalised lines.

    Comments are excluded, tables included, and recall favoured: the profile has
    already pruned the noise trafilatura would otherwise have to guess at. trafilatura
    copies the tree it is given, so ``tree`` is left as it was.
    """
    with warnings.catch_warnings():
        # trafilatura/htmldate may warn about odd markup; extraction output is what counts.
        warnings.simplefilter("ignore")
        text = trafilatura.extract(
            tree,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            with_metadata=False,
            deduplicate=False,
        )
    lines = (normalize_space(line) for line in (text or "").splitlines())
    return [line for line in lines if line]


def _scoped(container: HtmlElement) -> HtmlElement:
    """A one-container document, so trafilatura judges only the article's own blocks."""
    doc = lxml_html.document_fromstring("<html><head></head><body><article></article></body></html>")
    doc.body[0].append(copy.deepcopy(container))
    return doc


def main_text_lines(tree: HtmlElement, container: HtmlElement | None) -> list[str]:
    """The main text lines of the pre-cleaned ``tree``.

    Without a container, trafilatura decides on the whole tree. With one, every visible
    block of the container is kept: trafilatura, run on the container alone, still drops
    real body lines there (``<div><strong>`` sub-headings, caption wrappers, bare text
    nodes), so it only arbitrates link-only lines (promo and pager links), which it keeps
    when they read as content.
    """
    if container is None:
        return run_trafilatura(tree)
    judged = _key("".join(run_trafilatura(_scoped(container))))
    return [line.text for line in block_lines(container) if not line.link_only or _key(line.text) in judged]
