"""Scrapy extensions: the capture size cap and raw WARC capture on ``response_downloaded``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured, StopDownload
from scrapy.utils.defer import deferred_from_coro

from archive.cdxj.index import default_index_path, merge_index_lines
from archive.errors import ArchiveError
from archive.warc.writer import WarcWriter
from crawler import reasons
from crawler.capture import exchange_from
from crawler.folder import open_digest_store, warc_dir
from crawler.recovery import recover_crashed_run
from crawler.warcinfo import warcinfo_fields

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

    from archive.warc.digests import DigestStore

logger = logging.getLogger(__name__)

#: request.meta key under which the archived form of the response is kept.
WARC_META_KEY = "warc_response"


class CaptureSizeLimitExtension:
    """Stop reading a body at ``CAPTURE_MAXSIZE`` bytes and keep what was read.

    ``StopDownload(fail=False)`` hands the partial response on as a normal one (flag
    ``download_stopped``), so it is archived, cut to the cap, with ``WARC-Truncated: length``.
    """

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.received: dict[int, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        max_bytes = crawler.settings.getint("CAPTURE_MAXSIZE")
        if max_bytes <= 0:
            raise NotConfigured("CAPTURE_MAXSIZE is 0: bodies are read whole")
        ext = cls(max_bytes)
        crawler.signals.connect(ext.bytes_received, signal=signals.bytes_received)
        crawler.signals.connect(ext.request_left, signal=signals.request_left_downloader)
        return ext

    def bytes_received(self, data: bytes, request: Request, spider: Spider) -> None:
        total = self.received.get(id(request), 0) + len(data)
        self.received[id(request)] = total
        if total > self.max_bytes:
            logger.warning("body of %s is over CAPTURE_MAXSIZE (%d bytes): archived truncated", request.url,
                           self.max_bytes)
            raise StopDownload(fail=False)

    def request_left(self, request: Request, spider: Spider) -> None:
        self.received.pop(id(request), None)


class WarcCaptureExtension:
    """Write every downloaded response, with its request, to WARC before any middleware alters it.

    ``response_downloaded`` fires for redirects, errors, robots.txt and retried attempts,
    and never for HTTP-cache hits, with the body still Content-Encoded. The archived
    form is left in ``request.meta["warc_response"]`` for the spider and the pipeline.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.settings = crawler.settings
        self.writer: WarcWriter | None = None
        self.dedup: DigestStore | None = None
        self.max_payload = crawler.settings.getint("CAPTURE_MAXSIZE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("WARC_ENABLED"):
            raise NotConfigured("WARC_ENABLED is off")
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.response_downloaded, signal=signals.response_downloaded)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        directory = warc_dir(self.settings)
        if self.settings.getbool("WARC_DEDUP_ENABLED"):
            self.dedup = open_digest_store(self.settings, directory)
        # .open files of a crashed crawl: repaired before this crawl writes (a no-op if the pipeline did it)
        recover_crashed_run(self.settings, self.dedup)
        self.writer = WarcWriter(
            directory,
            prefix=self.settings.get("CRAWL_NAME"),
            warcinfo=warcinfo_fields(self.settings, spider),
            max_bytes=self.settings.getint("WARC_MAX_BYTES"),
            dedup=self.dedup,
        )

    def response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        stats = self.crawler.stats
        if self.writer is None or stats is None:
            return
        try:
            exchange = exchange_from(request, response, self.max_payload)
            archived = self.writer.write_exchange(exchange)
        except ArchiveError as exc:
            stats.inc_value("warc/write_error_count")
            logger.error("WARC write failed for %s: %s", request.url, exc)
            if self.crawler.engine is not None:
                deferred_from_coro(self.crawler.engine.close_spider_async(reason=reasons.CLOSE_WARC_WRITE_ERROR))
            return
        request.meta[WARC_META_KEY] = archived
        stats.inc_value("warc/records_written", 2)
        if archived.revisit_of is not None:
            stats.inc_value("warc/revisits_written")
        stats.inc_value(f"warc/status_count/{response.status}")
        if exchange.truncated:
            stats.inc_value(f"warc/truncated_count/{exchange.truncated}")
            logger.warning("archived truncated (%s): %s", exchange.truncated, request.url)

    def spider_closed(self, spider: Spider) -> None:
        """Finish the WARC files, then index them, then release the dedup store (in that order)."""
        stats = self.crawler.stats
        try:
            if self.writer is not None:
                self.writer.close()
                if stats is not None:
                    stats.set_value("warc/files_written", len(self.writer.closed_files))
                lines = self.writer.take_index_lines()
                if self.settings.getbool("WARC_CDXJ_ENABLED") and lines:
                    merge_index_lines(default_index_path(warc_dir(self.settings)), lines)
        except ArchiveError as exc:
            if stats is not None:
                stats.inc_value("warc/write_error_count")
            logger.error("could not finalise or index WARC files: %s", exc)
        finally:
            if self.dedup is not None:
                self.dedup.close()
