"""The warcinfo record's fields: who wrote the WARC, with what, from which seeds and settings."""

from __future__ import annotations

import platform
from typing import TYPE_CHECKING, Any

from crawler import __version__
from crawler.versions import library_versions

if TYPE_CHECKING:
    from scrapy import Spider


def warcinfo_fields(settings: Any, spider: Spider) -> dict[str, str]:
    """Software and library versions, spider, seed file and digest, capture settings, operator."""
    info = {
        "software": f"zhengwen/{__version__}",
        "python-version": platform.python_version(),
        **{f"{name}-version": version for name, version in library_versions().items()},
        "spider": spider.name,
        "seeds": getattr(spider, "seeds_label", ""),
        "seeds-sha256": getattr(spider, "seeds_digest", ""),
        "http-header-user-agent": settings.get("USER_AGENT"),
        "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        "depth-limit": str(settings.getint("DEPTH_LIMIT")),
        "capture-maxsize": str(settings.getint("CAPTURE_MAXSIZE")),
        "dedup": "identical-payload-digest revisits" if settings.getbool("WARC_DEDUP_ENABLED") else "off",
        "operator": settings.get("WARC_OPERATOR"),
        "description": settings.get("WARC_DESCRIPTION"),
        "isPartOf": settings.get("CRAWL_NAME"),
        "hostname": platform.node(),
    }
    return {k: v for k, v in info.items() if v}
