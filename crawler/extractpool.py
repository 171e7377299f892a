"""Extraction in worker processes, so that it never runs on the reactor thread."""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
import traceback
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from twisted.internet.defer import Deferred, DeferredSemaphore

from crawler.documents import try_document

if TYPE_CHECKING:
    from archive.records import ArchivedResponse, Document

logger = logging.getLogger(__name__)

#: Why a page got no Document because its worker process died (an out-of-memory kill, a crash).
WORKER_DIED = "worker_died"

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


def _init_worker(crawl_pid: int) -> None:
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
_WARM_PAGE = ("<html><head><meta charset='utf-8'><title>关于推进科技创新的通知_示例网</title></head><body>"
              "<div class='nav'><a href='/'>首页</a></div><h1>关于推进科技创新的通知</h1><div id='zoom'>"
              + "<p>为深入贯彻落实创新驱动发展战略，加快建设科技强省，推动科技成果转化和产业化。</p>" * 8
              + "</div><div class='footer'>主办单位：示例网</div></body></html>").encode("utf-8")


def warm_up() -> None:
    """Extract a small page, so that model weights, language profiles … are loaded before workers fork."""
    from archive.records import ArchivedResponse, RecordPointer

    try_document(ArchivedResponse(
        target_uri="https://www.example.gov.cn/warm/t20260101_1.html", status=200,
        headers=[("Content-Type", "text/html; charset=utf-8")], payload=_WARM_PAGE,
        warc_date="2026-01-01T00:00:00.000000Z", pointer=RecordPointer("", -1, "")))


def _ready() -> None:
    """The task that starts a worker process (it has nothing to do: the forkserver warmed it)."""


def _extract(archived: ArchivedResponse) -> Result:
    """Run in a worker: :func:`crawler.documents.try_document` and the log lines it wrote."""
    _CAPTURE.lines = []
    document, failure = try_document(archived)
    return document, failure, _CAPTURE.lines


def pool_size(setting: int) -> int:
    """EXTRACT_WORKERS as a process count: 0 means one per core this process may use."""
    if setting > 0:
        return setting
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class ExtractPool:
    """Worker processes that turn archived responses into Documents.

    At most ``max_pending`` pages are in the pool at once (running or queued); further
    callers wait their turn, which holds their response in Scrapy's scraper and so
    pauses the downloader once SCRAPER_SLOT_MAX_ACTIVE_SIZE bytes of responses wait.

    Args:
        workers: number of processes.
        max_pending: pages handed to the pool at once.
    """

    def __init__(self, workers: int, max_pending: int) -> None:
        self.workers = workers
        self._slots = DeferredSemaphore(max(1, max_pending))
        self._lock = threading.Lock()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # fork would copy a parent holding threads, sockets and SQLite handles: forkserver
        # (spawn where it is missing) starts workers from a clean process, which imports
        # extraction once for all of them.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(["crawler.extractwarm"])
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker,
                                   initargs=(os.getpid(),))

    async def ready(self) -> None:
        """Start every worker process and wait until they all answer (they are warm by then)."""
        from scrapy.utils.defer import maybe_deferred_to_future

        with self._lock:
            executor = self._executor
        # All at once: a task submitted while no worker is idle starts a new one.
        waiting: list[Deferred[None]] = []
        for _ in range(self.workers):
            done: Deferred[None] = Deferred()
            executor.submit(_ready).add_done_callback(lambda f, d=done: _fire_in_reactor(d, f))
            waiting.append(done)
        for done in waiting:
            await maybe_deferred_to_future(done)

    async def extract(self, archived: ArchivedResponse) -> tuple[Document | None, str | None]:
        """The Document of ``archived`` (or why there is none), computed in a worker process.

        The worker's warnings are logged here, in the crawl's log.
        """
        from scrapy.utils.defer import maybe_deferred_to_future

        await maybe_deferred_to_future(self._slots.acquire())
        try:
            with self._lock:
                executor = self._executor
            done: Deferred[Result] = Deferred()
            try:
                executor.submit(_extract, archived).add_done_callback(lambda f: _fire_in_reactor(done, f))
                document, failure, lines = await maybe_deferred_to_future(done)
            except BrokenProcessPool:
                self._restart(executor)
                logger.error("extract: the worker process extracting %s died; the pool was restarted",
                             archived.target_uri)
                return None, WORKER_DIED
        finally:
            self._slots.release()
        for name, level, text in lines:
            logging.getLogger(name).log(level, "%s", text)
        return document, failure

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        """Replace a broken executor, once, whichever of its pages noticed first."""
        with self._lock:
            if self._executor is not broken:
                return
            self._executor = self._start()
        broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers once their pages are done."""
        with self._lock:
            executor = self._executor
        executor.shutdown(wait=True)


def _fire_in_reactor(done: Deferred[Result], future: Future[Result]) -> None:
    """Hand a finished future's outcome to the reactor thread (futures finish on a pool thread)."""
    from twisted.internet import reactor

    error = future.exception()
    if error is None:
        reactor.callFromThread(done.callback, future.result())  # type: ignore[attr-defined]
    else:
        reactor.callFromThread(done.errback, error)  # type: ignore[attr-defined]
