"""Posts marked up as schema.org items: a forum topic's first post is the text, the posts after it are replies.

Discourse and many forums mark each post as a microdata item
(``itemtype="http://schema.org/DiscussionForumPosting"``, ``Comment``), the
first post and its replies alike, so the block model reads a reply's prose as text as
readily as the question's. The items say which post a line belongs to: the kept lines in
any such item after the one holding the text's first kept line are replies (or, under an
article that is no such item, its readers' comments).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.extract.segment import Block

#: The schema.org types of a post in a thread or under an article.
#: (An ``Answer`` is no reply: on a Q&A page the answers are the text, the question its heading.)
_POSTING_TYPES = frozenset({"DiscussionForumPosting", "Comment", "SocialMediaPosting"})


def _posting_of(element: HtmlElement, cache: dict[HtmlElement, HtmlElement | None]) -> HtmlElement | None:
    """The nearest element around ``element`` (itself included) marked as a post, or None.

    ``cache`` remembers the answer for every element read on the way up, so the lines of one
    page walk each ancestor once.
    """
    path: list[HtmlElement] = []
    node: HtmlElement | None = element
    found = None
    while node is not None:
        if node in cache:
            found = cache[node]
            break
        path.append(node)
        kind = node.get("itemtype")
        if kind and kind.rstrip("/").rsplit("/", 1)[-1] in _POSTING_TYPES:
            found = node
            break
        node = node.getparent()
    for visited in path:
        cache[visited] = found
    return found


def without_later_postings(blocks: list[Block], keep: list[bool]) -> list[bool]:
    """Drop the kept lines inside a post item other than the one holding the text's first kept line."""
    first = next((i for i, flag in enumerate(keep) if flag), None)
    if first is None:
        return keep
    cache: dict[HtmlElement, HtmlElement | None] = {}
    own = _posting_of(blocks[first].element, cache)
    out = keep
    for i in range(first + 1, len(blocks)):
        if not keep[i]:
            continue
        posting = _posting_of(blocks[i].element, cache)
        if posting is None or own is not None and _inside(own, posting):
            continue
        if out is keep:
            out = list(keep)
        out[i] = False
    return out


def _inside(outer: HtmlElement, inner: HtmlElement) -> bool:
    """``inner`` is ``outer`` or one of its descendants (a post's quoted post is its own)."""
    return inner is outer or any(node is outer for node in inner.iterancestors())
