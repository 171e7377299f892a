"""Item pipelines: extract the cleaned Document of each archived page in worker processes and store it."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy.utils.defer import deferred_from_coro

from archive.corpus.jsonl import JsonlSink
from archive.errors import SinkWriteError
from crawler import reasons
from crawler.documents import wants_document
from crawler.extractpool import ExtractPool, pool_size
from crawler.folder import text_jsonl_path
from crawler.items import PageItem
from crawler.recovery import recover_crashed_run
from crawler.state.documents import CrawlVersions
from crawler.writeorder import WriteOrder

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

    from archive.records import Document

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


class _SharedPool:
    """One extraction pool for the whole process: spiders running together share the cores."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ExtractPool | None = None
        self._users = 0

    def acquire(self, workers: int, max_pending: int) -> ExtractPool:
        with self._lock:
            if self._pool is None:
                self._pool = ExtractPool(workers, max_pending)
            self._users += 1
            return self._pool

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            pool = self._pool if self._users == 0 else None
            if pool is not None:
                self._pool = None
        if pool is not None:
            pool.close()


POOL = _SharedPool()


class ExtractTextPipeline:
    """Extract the archived response of each PageItem in a worker process and write the Document.

    Extraction reads only the archived record (the same input replay uses), so the
    crawl's text.jsonl equals what a replay of its WARC files derives. It runs in
    EXTRACT_WORKERS processes, never on the reactor thread; documents reach the sink in
    WARC order (crawler/writeorder.py), and the sink merges any stragglers at close.
    """

    def __init__(self, path: Path, crawler: Crawler, workers: int, max_pending: int, max_held: int):
        self.path = path
        self.crawler = crawler
        self.workers = workers
        self.max_pending = max_pending
        self.sink: JsonlSink | None = None
        self.versions: CrawlVersions | None = None
        self.pool: ExtractPool | None = None
        self.order = WriteOrder(max_held)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        return cls(text_jsonl_path(settings), crawler, pool_size(settings.getint("EXTRACT_WORKERS")),
                   settings.getint("EXTRACT_MAX_PENDING"), settings.getint("EXTRACT_MAX_HELD"))

    async def open_spider(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        recover_crashed_run(self.crawler.settings)  # before the sink: a dead text.jsonl.open is rebuilt
        self.versions = CrawlVersions(self.crawler.settings, self.crawler.stats)
        self.sink = SINKS.acquire(self.path)
        self.pool = POOL.acquire(self.workers, self.max_pending)
        await self.pool.ready()

    def close_spider(self) -> None:
        # Scrapy closes pipelines once the scraper is idle: every page has finished extraction.
        if self.pool is not None:
            self.pool = None
            POOL.release()
        if self.versions is not None:
            self.versions.close()
        if self.sink is None:
            return
        self._write(self.order.drain())
        self.sink = None
        try:
            SINKS.release(self.path)
        except SinkWriteError as exc:
            self._inc("extract/write_error_count")
            logger.error("could not finalise %s: %s", self.path, exc)

    def _inc(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(key)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem) or self.sink is None or self.pool is None or self.versions is None:
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
        key = self.order.enter(archived)
        document, failure = None, None
        try:
            document, failure = await self.pool.extract(archived, self._inc)
            if document is not None:
                document = decision.stamp(document)
        finally:
            self._write(self.order.finish(key, document))
        if document is None:
            self._inc(f"extract/failed_reason_count/{failure}")
            return item
        item.page_type = document.page_type
        self._inc(f"extract/page_type_count/{document.page_type}")
        return item

    def _write(self, documents: list[Document]) -> None:
        """Append documents to the sink; a write error is counted, logged and closes the spider."""
        if self.sink is None:
            return
        for document in documents:
            try:
                self.sink.write(document)
            except SinkWriteError as exc:
                self._inc("extract/write_error_count")
                logger.error("could not write the document of %s: %s", document.url, exc)
                if self.crawler.engine is not None:
                    deferred_from_coro(self.crawler.engine.close_spider_async(reason=reasons.CLOSE_SINK_WRITE_ERROR))
                continue
            self._inc("extract/documents_written")
