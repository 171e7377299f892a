"""Repair HTML the way a browser would before handing it to libxml2, then parse it once."""

from __future__ import annotations

import re

from lxml import html as lxml_html
from lxml.etree import ElementDefaultClassLookup, ParserError

#: ``</html>`` / ``</body>`` end tags. libxml2 stops building the tree at a stray
#: ``</html>`` (losing everything after it, e.g. a header include that closes the
#: document) and moves content after a stray ``</body>`` out of the body; browsers
#: ignore both. Only the last occurrence of each is kept.
_END_TAG = re.compile(r"</\s*(html|body)\s*>", re.I)
#: lxml refuses str input that carries an XML encoding declaration.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)

_PARSER = lxml_html.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    default_doctype=False,
)
# Every element is a plain HtmlElement, chosen in C: lxml.html's own lookup calls Python
# for each element proxy to pick form-element classes nothing here uses (3 % of extraction).
_PARSER.set_element_class_lookup(
    ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
)


def drop_stray_end_tags(text: str) -> str:
    """Remove every ``</html>`` and ``</body>`` except the last of each kind."""
    last: dict[str, int] = {}
    found = 0
    for match in _END_TAG.finditer(text):
        last[match.group(1).lower()] = match.start()
        found += 1
    if found == len(last):
        return text  # at most one of each: nothing to drop

    def keep_last(match: re.Match[str]) -> str:
        return match.group(0) if last.get(match.group(1).lower()) == match.start() else ""

    return _END_TAG.sub(keep_last, text)


def repair_html(text: str) -> str:
    """Return ``text`` with stray document end tags and an XML declaration removed."""
    text = _XML_DECL.sub("", text, count=1)
    return drop_stray_end_tags(text.replace("\x00", ""))


def parse_html(text: str) -> lxml_html.HtmlElement | None:
    """Repair and parse decoded HTML into an lxml tree; None when there is no document."""
    repaired = repair_html(text)
    if not repaired.strip():
        return None
    try:
        return lxml_html.document_fromstring(repaired, parser=_PARSER)
    except (ParserError, ValueError):
        return None
