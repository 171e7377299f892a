"""Which documents an export keeps: site, language, published date range, page type, length."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from archive.records import Document

#: The ``page_type`` value that selects every page type.
ANY_PAGE_TYPE = "any"


def published_date(doc: Document) -> dt.date | None:
    """The calendar date of ``doc.published`` (its ``YYYY-MM-DD`` part, in the page's own
    time zone, as extraction wrote it), or None when there is none or it does not parse."""
    if not doc.published or len(doc.published) < 10:
        return None
    try:
        return dt.date.fromisoformat(doc.published[:10])
    except ValueError:  # not a date: treated like a missing one, see Selection
        return None


def language_matches(tag: str | None, ranges: Iterable[str]) -> bool:
    """RFC 4647 basic filtering: ``zh`` matches ``zh``, ``zh-cn`` and ``zh-tw``; case-insensitive."""
    if tag is None:
        return False
    tag = tag.lower()
    return any(tag == r.lower() or tag.startswith(r.lower() + "-") for r in ranges)


@dataclass(frozen=True)
class Selection:
    """The export filters; an empty or None criterion selects everything.

    Attributes:
        sites: keep documents whose ``site`` is one of these (``gov``, ``netease`` …).
        languages: keep documents whose ``language`` matches one of these language ranges
            (``zh`` keeps ``zh-cn`` and ``zh-tw``); documents without a language are dropped.
        since: keep documents published on or after this date (inclusive).
        until: keep documents published on or before this date (inclusive). With either
            bound, documents without a (parsable) ``published`` date are dropped.
        page_type: keep this page type only (default ``article``); None or ``any`` keeps all.
        min_chars: keep documents whose ``text`` has at least this many characters
            (``len(text)``, whitespace included); a document without text has 0.
    """

    sites: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    since: dt.date | None = None
    until: dt.date | None = None
    page_type: str | None = "article"
    min_chars: int = 0

    def accepts(self, doc: Document) -> bool:
        """True when ``doc`` passes every criterion."""
        if self.page_type not in (None, ANY_PAGE_TYPE) and doc.page_type != self.page_type:
            return False
        if self.sites and doc.site not in self.sites:
            return False
        if self.languages and not language_matches(doc.language, self.languages):
            return False
        if self.min_chars and len(doc.text or "") < self.min_chars:
            return False
        if self.since is not None or self.until is not None:
            day = published_date(doc)
            if day is None:
                return False
            if self.since is not None and day < self.since:
                return False
            if self.until is not None and day > self.until:
                return False
        return True


def select(docs: Iterable[Document], selection: Selection) -> Iterator[Document]:
    """Yield the documents ``selection`` accepts, in input order."""
    return (doc for doc in docs if selection.accepts(doc))
