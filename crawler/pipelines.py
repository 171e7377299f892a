"""Item pipelines: extract the cleaned Document from each archived page and store it."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy.utils.defer import deferred_from_coro

from archive.corpus.jsonl import JsonlSink
from archive.errors import SinkWriteError
from crawler import reasons
from crawler.documents import try_document, wants_document
from crawler.folder import text_jsonl_path
from crawler.items import PageItem
from crawler.recovery import recover_crashed_run
from crawler.state.documents import CrawlVersions

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class _SharedSinks:
    """One JsonlSink per path for the whole process: several spiders write one text.jsonl."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[Path, tuple[JsonlSink, int]] = {}

    def acquire(self, path: Path) -> JsonlSink:
        with self._lock:
            sink, users = self._open.get(path) or (JsonlSink(path), 0)
            self._open[path] = (sink, users + 1)
            return sink

    def release(self, path: Path) -> None:
        with self._lock:
            sink, users = self._open[path]
            if users > 1:
                self._open[path] = (sink, users - 1)
                return
            del self._open[path]
        sink.close()


SINKS = _SharedSinks()


class ExtractTextPipeline:
    """Run extraction on the archived response of each PageItem and write the Document.

    Extraction reads only the archived record (the same input replay uses), so the
    crawl's text.jsonl equals what a replay of its WARC files derives.
    """

    def __init__(self, path: Path, crawler: Crawler):
        self.path = path
        self.crawler = crawler
        self.sink: JsonlSink | None = None
        self.versions: CrawlVersions | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(text_jsonl_path(crawler.settings), crawler)

    def open_spider(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        recover_crashed_run(self.crawler.settings)  # before the sink: a dead text.jsonl.open is rebuilt
        self.versions = CrawlVersions(self.crawler.settings, self.crawler.stats)
        self.sink = SINKS.acquire(self.path)

    def close_spider(self) -> None:
        if self.versions is not None:
            self.versions.close()
        if self.sink is None:
            return
        self.sink = None
        try:
            SINKS.release(self.path)
        except SinkWriteError as exc:
            self._inc("extract/write_error_count")
            logger.error("could not finalise %s: %s", self.path, exc)

    def _inc(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem) or self.sink is None or self.versions is None:
            return item
        archived = item.archived
        if not wants_document(archived):
            self._inc("extract/skipped_reason_count/not_a_page")
            logger.warning("extract: %s (HTTP %s) is not a page replay would extract; skipped", item.url,
                           archived.status)
            return item
        decision = self.versions.decide(archived)  # one Document per distinct capture, as replay
        if decision.unchanged:
            return item
        document, failure = try_document(archived)
        if document is None:
            self._inc(f"extract/failed_reason_count/{failure}")
            return item
        document = decision.stamp(document)
        item.page_type = document.page_type
        try:
            self.sink.write(document)
        except SinkWriteError as exc:
            self._inc("extract/write_error_count")
            logger.error("could not write the document of %s: %s", item.url, exc)
            if self.crawler.engine is not None:
                deferred_from_coro(self.crawler.engine.close_spider_async(reason=reasons.CLOSE_SINK_WRITE_ERROR))
            return item
        self._inc("extract/documents_written")
        self._inc(f"extract/page_type_count/{document.page_type}")
        return item
