"""Main-text extraction: a pure function from an archived response to a cleaned Document.

May import ``archive.records`` (the Document) and crawler.profiles (site hints); never
Scrapy, the spiders or the WARC layers: the same bytes give the same Document anywhere.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_html", "extract_response"]


def __getattr__(name: str) -> Any:
    """``extract_html`` and ``extract_response``, loaded on first use: a process that only reads a
    constant of the package (the crawl's politeness reads a page type) does not compile its rules."""
    if name in __all__:
        from crawler.extract import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
