"""The archived page as it looked, made safe to open: no scripts, no network, what extraction removed highlighted.

The page is parsed exactly as extraction parsed it (``repair.parse_html`` on the decoded
payload), so the reason trail's element paths (crawler/extract/trail.py) find the same
elements. Then everything that could run or fetch is taken out rather than merely
blocked (a blocked fetch would still be a console error): scripts, frames, objects,
``<link>`` and ``<base>`` elements, event-handler attributes, image and media sources,
``url(…)`` in styles, and link targets (kept as ``data-href``), so a click cannot
reach the live web either. The review page shows the result in a sandboxed frame under a
``default-src 'none'`` policy (crawler/reporting/htmlkit.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.extract.trail import Trail

#: Elements that run code, embed other documents or fetch by themselves.
_DROP_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "base", "portal",
              "audio", "video", "track")
#: Attributes that name something the browser would fetch.
_FETCHING_ATTRS = ("src", "srcset", "data", "poster", "background", "action", "formaction", "ping", "lowsrc",
                   "dynsrc", "longdesc", "manifest", "codebase", "archive", "xlink:href",
                   # and what a sandboxed frame refuses with a console error
                   "autofocus", "autoplay")
_URL_IN_CSS = re.compile(r"url\s*\([^)]*\)|@import[^;]*;?", re.I)
#: Highlight colours by reason group (solid, so a screenshot can check them).
COLOURS = {
    "rule": "#ffd8a8",  # a named post-clean rule
    "model": "#ffc9c9",  # the model, a link region, outside the container
    "profile": "#d0bfff",  # the site profile's prune XPaths
    "headline": "#c5e3ff",  # the headline: kept as the title field
}
_GROUP = {"profile_prune": "profile", "headline": "headline", "model": "model", "link_region": "model",
          "outside_container": "model", "not_article": "model"}
SNAPSHOT_STYLE = """
[data-zw-removed] { outline: 2px solid #c92a2a !important; }
[data-zw-group=rule] { background: %(rule)s !important; }
[data-zw-group=model] { background: %(model)s !important; }
[data-zw-group=profile] { background: %(profile)s !important; }
[data-zw-group=headline] { background: %(headline)s !important; }
[data-zw-kept] { box-shadow: inset 4px 0 0 #2b8a3e !important; }
[data-zw-label]::before { content: attr(data-zw-label); display: block; font: bold 12px/1.4 sans-serif;
  color: #fff; background: #c92a2a; padding: 1px 4px; margin-bottom: 2px; }
img[data-zw-src] { background: #eee; outline: 1px dashed #aaa; min-width: 24px; min-height: 16px; }
""" % COLOURS


def group_of(reason: str) -> str:
    """The highlight colour group of a trail reason."""
    return _GROUP.get(reason, "rule")


def mark_trail(tree: HtmlElement, trail: Trail) -> int:
    """Mark the elements of the trail's lines: removed ones with their reason, kept ones plainly.

    An element holding a kept line, or holding the element of one, is never marked
    removed (several lines can share one element; a removed line may sit directly in the
    article's container). The first element of each run of lines removed for the same reason carries
    a visible label. Returns how many elements were marked removed.
    """
    root = tree.getroottree()
    kept_paths = {fate.path for fate in trail.blocks if fate.kept}
    marked, previous = 0, None
    for fate in trail.blocks:
        found = root.xpath(fate.path) if fate.path else []
        if not found or not isinstance(found[0].tag, str):
            previous = None
            continue
        element = found[0]
        if fate.kept:
            element.set("data-zw-kept", "")
            previous = None
            continue
        if fate.reason == "not_article" or _holds_kept(fate.path, kept_paths):  # a list or notice: nothing to single out
            continue
        label = f"{fate.label}"
        if element.get("data-zw-removed") is None:
            marked += 1
            element.set("data-zw-line", str(fate.index))
        element.set("data-zw-removed", fate.reason or "")
        element.set("data-zw-group", group_of(fate.reason or ""))
        element.set("title", f"removed: {label}")
        if label != previous:
            element.set("data-zw-label", f"removed: {label}")
        previous = label
    return marked


def _holds_kept(path: str, kept_paths: set[str]) -> bool:
    prefix = path + "/"
    return path in kept_paths or any(kept.startswith(prefix) for kept in kept_paths)


def make_safe(tree: HtmlElement) -> None:
    """Take out everything that could run or fetch (see the module docstring), in place."""
    for element in list(tree.iter(*_DROP_TAGS)):
        _drop(element)
    for element in list(tree.iter("meta")):
        if element.get("http-equiv") or element.get("charset"):
            _drop(element)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name in list(element.attrib):
            lowered = name.lower()
            if lowered.startswith("on") or lowered in _FETCHING_ATTRS or lowered == "integrity":
                if element.tag == "img" and lowered == "src":
                    element.set("data-zw-src", element.get(name) or "")
                del element.attrib[name]
        if element.get("href") is not None:
            element.set("data-href", element.attrib.pop("href"))
        if element.get("style") and "url" in element.get("style", "").lower():
            element.set("style", _URL_IN_CSS.sub("none", element.get("style", "")))
        if element.tag == "style" and element.text:
            element.text = _URL_IN_CSS.sub("none", element.text)


def _drop(element: HtmlElement) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def snapshot_html(tree: HtmlElement) -> str:
    """The safe, marked page as a string, with the highlight styles in its head."""
    head = tree.find("head")
    if head is None:
        head = etree.Element("head")
        tree.insert(0, head)
    style = etree.SubElement(head, "style")
    style.text = SNAPSHOT_STYLE
    head.insert(0, lxml_html.fromstring('<meta charset="utf-8">'))
    return "<!DOCTYPE html>\n" + lxml_html.tostring(tree, encoding="unicode")
