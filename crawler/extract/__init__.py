"""Main-text extraction: a pure function from an archived response to a cleaned Document.

May import ``archive.records`` (the Document) and crawler.profiles (site hints); never
Scrapy, the spiders or the WARC layers: the same bytes give the same Document anywhere.
"""

from __future__ import annotations

from crawler.extract.core import extract_html, extract_response

__all__ = ["extract_html", "extract_response"]
