"""Versions of the libraries that shape what zhengwen stores and extracts."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version


@cache
def library_versions() -> dict[str, str]:
    """Installed versions of Scrapy, Twisted, warcio, trafilatura, lxml and langdetect."""
    found: dict[str, str] = {}
    for name in ("scrapy", "twisted", "warcio", "trafilatura", "lxml", "langdetect"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "missing"
    return found
