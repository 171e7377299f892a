"""Serve a crawl from an archive: a download handler answering requests from WARC files."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes

from archive.replay.lookup import ArchiveLookup
from crawler.extensions import WARC_META_KEY

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


class NotInArchive(Exception):
    """The archive holds no capture of the requested URL (reported, never turned into a 404)."""


class ArchiveDownloadHandler(BaseDownloadHandler):
    """Answer http(s) requests with the latest archived capture of their URL.

    The stored response is handed on as received (Content-Encoding included), so the
    downloader middlewares, redirects, link discovery and extraction behave as live.
    The archived record rides along in ``request.meta["warc_response"]``, so documents
    point at the records they came from. Set ``ARCHIVE_SOURCE`` (WARC files or folders)
    and map the http and https schemes to this handler; ``zhengwen crawl --from-archive``
    does both.
    """

    lazy = False

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        sources = crawler.settings.getlist("ARCHIVE_SOURCE")
        if not sources:
            raise NotConfigured("ARCHIVE_SOURCE is empty: nothing to serve requests from")
        self.lookup = ArchiveLookup.from_paths(sources)

    async def download_request(self, request: Request) -> Response:
        archived = self.lookup.get(request.url)
        if archived is None:
            raise NotInArchive(f"{request.url} is not in the archive")
        request.meta[WARC_META_KEY] = archived
        headers = Headers(archived.headers)
        response_class = responsetypes.from_args(headers=headers, url=request.url, body=archived.payload)
        return response_class(
            url=request.url, status=archived.status, headers=headers, body=archived.payload, request=request,
            protocol="HTTP/1.1",
        )
