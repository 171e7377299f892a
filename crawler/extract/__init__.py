"""Main-text extraction: a pure function from an archived response to a cleaned Document."""

from __future__ import annotations

from crawler.extract.core import extract_html, extract_response

__all__ = ["extract_html", "extract_response"]
