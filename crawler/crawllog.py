"""Crawl logging: an expected network failure is one line, never a Python traceback.

Scrapy's robots.txt middleware and its scraper log a failed download with the whole
traceback (``exc_info``). A DNS failure, a refused or timed-out connection, a TLS error or
a lost connection is an expected event of a crawl, counted in the stats and in the
end-of-run summary; its log record keeps one line that names the URL and the reason.
Unexpected exceptions keep their traceback.
"""

from __future__ import annotations

import logging

from crawler import reasons
from crawler.failures import classify


class NetworkTracebackFilter(logging.Filter):
    """Turn the record of an expected network failure into one line (the reason, no traceback)."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, BaseException):
            reason = classify(exc)
            if reason in reasons.NETWORK_FAILURES:
                message = record.getMessage()
                detail = _first_line(exc)
                record.msg = f"{message} [{reason}]" if detail in message else f"{message} [{reason}: {detail}]"
                record.args = ()
                record.exc_info = None
                record.exc_text = None
        return True


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


#: The loggers that report failed downloads with their traceback.
DOWNLOAD_FAILURE_LOGGERS = (
    "scrapy.downloadermiddlewares.robotstxt",
    "scrapy.core.scraper",
    "scrapy.core.engine",
    "scrapy.downloadermiddlewares.retry",
)


def quiet_network_tracebacks() -> None:
    """Install the filter on the loggers that log failed downloads (Scrapy replaces root handlers per crawler)."""
    for name in DOWNLOAD_FAILURE_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, NetworkTracebackFilter) for f in logger.filters):
            logger.addFilter(NetworkTracebackFilter())
