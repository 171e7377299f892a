"""Items the spiders yield."""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.records import ArchivedResponse


@dataclass
class PageItem:
    """A fetched page, pointing at its archived response (the only input of extraction)."""

    url: str
    archived: ArchivedResponse = field(repr=False)
    #: Set by ExtractTextPipeline once the page is extracted (host back-off reads it).
    page_type: str | None = None
