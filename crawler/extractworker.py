"""What runs inside an extraction worker process: extract one page, bring its log lines back."""

from __future__ import annotations

import logging
import os
import threading
import time
import traceback
from typing import TYPE_CHECKING

from crawler.documents import try_document

if TYPE_CHECKING:
    from archive.records import ArchivedResponse, Document

#: What a worker hands back: the document or the reason there is none, and the worker's log lines.
Result = tuple["Document | None", "str | None", list[tuple[str, int, str]]]


class _LogCapture(logging.Handler):
    """Keeps a worker's log records for the crawl process to log: workers have no log setup of their own."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip()
        self.lines.append((record.name, record.levelno, text))


_CAPTURE = _LogCapture()


def init_worker(crawl_pid: int) -> None:
    """Start a worker process: capture its log lines, and end it when the crawl is gone."""
    logging.getLogger().addHandler(_CAPTURE)
    threading.Thread(target=_exit_with_crawl, args=(crawl_pid,), name="crawl-watch", daemon=True).start()


#: How often a worker checks that the crawl it works for is still running, in seconds.
CRAWL_CHECK_INTERVAL = 0.5


def _running(pid: int) -> bool:
    """True while process ``pid`` runs (a zombie, killed but not yet reaped, is not running)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[0] not in (b"Z", b"X")
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel whether the pid exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def _exit_with_crawl(crawl_pid: int) -> None:
    """End this worker once the crawl is gone (killed with SIGKILL: it could not stop its pool).

    Without this a worker would wait forever on its task queue (it holds that queue's write
    end itself), and with it the forkserver (workers hold its keep-alive pipe), both keeping
    the crawl's standard output and error open for whoever reads them.
    """
    while _running(crawl_pid):
        time.sleep(CRAWL_CHECK_INTERVAL)
    os._exit(0)


#: A small article page: extracting it once loads everything extraction loads lazily.
WARM_PAGE = ("<html><head><meta charset='utf-8'><title>关于推进科技创新的通知_示例网</title></head><body>"
             "<div class='nav'><a href='/'>首页</a></div><h1>关于推进科技创新的通知</h1><div id='zoom'>"
             + "<p>为深入贯彻落实创新驱动发展战略，加快建设科技强省，推动科技成果转化和产业化。</p>" * 8
             + "</div><div class='footer'>主办单位：示例网</div></body></html>").encode("utf-8")


def warm_up() -> None:
    """Extract a small page, so that model weights, language profiles … are loaded before workers fork."""
    from archive.records import ArchivedResponse, RecordPointer

    try_document(ArchivedResponse(
        target_uri="https://www.example.gov.cn/warm/t20260101_1.html", status=200,
        headers=[("Content-Type", "text/html; charset=utf-8")], payload=WARM_PAGE,
        warc_date="2026-01-01T00:00:00.000000Z", pointer=RecordPointer("", -1, "")))


def ready() -> None:
    """The task that starts a worker process (it has nothing to do: the forkserver warmed it)."""


def extract(archived: ArchivedResponse) -> Result:
    """Run in a worker: :func:`crawler.documents.try_document` and the log lines it wrote."""
    _CAPTURE.lines = []
    document, failure = try_document(archived)
    return document, failure, _CAPTURE.lines
