"""The crawl's progress line on a terminal: pages, documents, errors and the rate, rewritten in place.

One line for the whole process, summed over every spider running in it, written to
standard error every ``PROGRESS_INTERVAL`` seconds and cleared when the last spider
closes, so the end-of-run summary follows on a clean line. ``PROGRESS_LINE``: ``auto``
(the default: only when standard error is a terminal), ``true`` or ``false``.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

_CLEAR = "\r\x1b[K"


def _enabled(value: Any, stream: Any) -> bool:
    text = str(value).strip().lower()
    if text == "auto":
        return bool(getattr(stream, "isatty", lambda: False)())
    return text in ("1", "true", "yes", "on")


def progress_text(stats: list[dict[str, Any]], elapsed: float) -> str:
    """``pages 120 · documents 98 · errors 2 · 14.3 pages/s`` from the stats of the running spiders."""
    def total(key: str) -> int:
        return sum(int(s.get(key, 0) or 0) for s in stats)

    def prefixed(prefix: str) -> int:
        return sum(int(v or 0) for s in stats for k, v in s.items() if k.startswith(prefix))

    pages = total("response_received_count")
    errors = prefixed("failure/reason_count/") + total("warc/write_error_count") + total("extract/write_error_count")
    rate = pages / elapsed if elapsed > 0 else 0.0
    return (f"pages {pages} · documents {total('extract/documents_written')} · errors {errors} · "
            f"{rate:.1f} pages/s")


class _Line:
    """The one progress line of the process and the crawlers it sums over."""

    def __init__(self, stream: Any, interval: float):
        self.stream = stream
        self.crawlers: list[Crawler] = []
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.draw)
        self.interval = interval

    def add(self, crawler: Crawler) -> None:
        self.crawlers.append(crawler)
        if not self.loop.running:
            self.loop.start(self.interval, now=False)

    def remove(self, crawler: Crawler) -> None:
        if crawler in self.crawlers:
            self.crawlers.remove(crawler)
        if not self.crawlers and self.loop.running:
            self.loop.stop()
            self.stream.write(_CLEAR)
            self.stream.flush()

    def draw(self) -> None:
        stats = [c.stats.get_stats() for c in self.crawlers if c.stats is not None]
        self.stream.write(_CLEAR + progress_text(stats, time.monotonic() - self.started))
        self.stream.flush()


_LINE: _Line | None = None


class ProgressLineExtension:
    """Registers each spider with the process's progress line."""

    def __init__(self, crawler: Crawler, line: _Line):
        self.crawler = crawler
        self.line = line

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        global _LINE
        if not _enabled(crawler.settings.get("PROGRESS_LINE", "auto"), sys.stderr):
            raise NotConfigured  # no message: Scrapy would log it as a warning
        if _LINE is None:
            _LINE = _Line(sys.stderr, crawler.settings.getfloat("PROGRESS_INTERVAL", 1.0))
        ext = cls(crawler, _LINE)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Spider) -> None:
        self.line.add(self.crawler)

    def spider_closed(self, spider: Spider) -> None:
        self.line.remove(self.crawler)
