"""Extraction in worker processes, so that it never runs on the reactor thread, and a worker's death costs no page."""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from twisted.internet.defer import Deferred, DeferredSemaphore

from crawler import extractworker

if TYPE_CHECKING:
    from archive.records import ArchivedResponse, Document

logger = logging.getLogger(__name__)

#: Why a page got no Document: its worker process died while extracting it alone (a page that kills its worker).
WORKER_DIED = "worker_died"

#: Stats: times the pool lost a worker process and was restarted; pages extracted again after such a loss.
WORKER_DIED_STAT = "extract/worker_died_count"
RESUBMITTED_STAT = "extract/resubmitted_count"


@dataclass
class Outcome:
    """A page's extraction: the Document or why there is none, the worker's log lines, and the stats it adds."""

    document: Document | None
    failure: str | None
    lines: list[tuple[str, int, str]]
    stats: list[str] = field(default_factory=list)


def pool_size(setting: int) -> int:
    """EXTRACT_WORKERS as a process count: 0 means one per core this process may use."""
    if setting > 0:
        return setting
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start(workers: int) -> ProcessPoolExecutor:
    # fork would copy a parent holding threads, sockets and SQLite handles: forkserver
    # (spawn where it is missing) starts workers from a clean process, which imports
    # extraction once for all of them.
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["crawler.extractwarm"])
    return ProcessPoolExecutor(workers, mp_context=context, initializer=extractworker.init_worker,
                               initargs=(os.getpid(),))


class ExtractPool:
    """Worker processes that turn archived responses into Documents.

    At most ``max_pending`` pages are in the pool at once (running or queued); further
    callers wait their turn, which holds their response in Scrapy's scraper and so
    pauses the downloader once SCRAPER_SLOT_MAX_ACTIVE_SIZE bytes of responses wait.

    When a worker process dies (killed, out of memory, a crash), the executor fails every
    page it holds. The pool is restarted, and those pages are extracted again one at a
    time in a process of their own: the pages that did nothing wrong get their Document,
    and only a page that kills its worker while alone is given up (``worker_died``).

    Args:
        workers: number of processes.
        max_pending: pages handed to the pool at once.
    """

    def __init__(self, workers: int, max_pending: int) -> None:
        self.workers = workers
        self._slots = DeferredSemaphore(max(1, max_pending))
        self._lock = threading.Lock()
        self._executor = _start(workers)
        self._alone: ProcessPoolExecutor | None = None  # one process, for pages extracted again
        self._alone_queue: deque[tuple[ArchivedResponse, Future[Outcome], list[str]]] = deque()
        self._alone_busy = False

    async def ready(self) -> None:
        """Start every worker process and wait until they all answer (they are warm by then)."""
        from scrapy.utils.defer import maybe_deferred_to_future

        with self._lock:
            executor = self._executor
        # All at once: a task submitted while no worker is idle starts a new one.
        waiting = [_in_reactor(executor.submit(extractworker.ready)) for _ in range(self.workers)]
        for done in waiting:
            await maybe_deferred_to_future(done)

    async def extract(self, archived: ArchivedResponse,
                      count: Callable[[str], None] | None = None) -> tuple[Document | None, str | None]:
        """The Document of ``archived`` (or why there is none), computed in a worker process.

        The worker's warnings are logged here, in the crawl's log; ``count`` is given the
        stats keys the page adds (a worker's death, a page extracted again).
        """
        from scrapy.utils.defer import maybe_deferred_to_future

        await maybe_deferred_to_future(self._slots.acquire())
        try:
            outcome = await maybe_deferred_to_future(_in_reactor(self.submit(archived)))
        finally:
            self._slots.release()
        for name, level, text in outcome.lines:
            logging.getLogger(name).log(level, "%s", text)
        for key in outcome.stats if count is not None else ():
            count(key)
        return outcome.document, outcome.failure

    def submit(self, archived: ArchivedResponse) -> Future[Outcome]:
        """Extract ``archived`` in a worker; the future never fails for a worker's death (any thread)."""
        outcome: Future[Outcome] = Future()
        self._into_pool(archived, outcome, [])
        return outcome

    def _into_pool(self, archived: ArchivedResponse, outcome: Future[Outcome], stats: list[str],
                   tries: int = 2) -> None:
        with self._lock:
            executor = self._executor
        try:
            future = executor.submit(extractworker.extract, archived)
        except (BrokenProcessPool, RuntimeError):  # broken (or replaced) before the page got in: it never ran
            stats = stats + self._restart(executor)
            if tries > 1:
                self._into_pool(archived, outcome, stats, tries - 1)
            else:
                self._alone_later(archived, outcome, stats)
            return
        future.add_done_callback(lambda done: self._pool_done(done, executor, archived, outcome, stats))

    def _pool_done(self, done: Future[extractworker.Result], executor: ProcessPoolExecutor,
                   archived: ArchivedResponse, outcome: Future[Outcome], stats: list[str]) -> None:
        error = done.exception()
        if isinstance(error, BrokenProcessPool):
            self._alone_later(archived, outcome, stats + self._restart(executor))
        elif error is not None:
            outcome.set_exception(error)
        else:
            outcome.set_result(Outcome(*done.result(), stats))

    def _restart(self, broken: ProcessPoolExecutor) -> list[str]:
        """Replace a broken executor, once, whichever of its pages noticed first; the stats that adds."""
        with self._lock:
            if self._executor is not broken:
                return []
            self._executor = _start(self.workers)
        broken.shutdown(wait=False, cancel_futures=True)
        logger.error("extract: an extraction worker process died (killed, out of memory or crashed); the pool was "
                     "restarted and the pages it held are extracted again, one at a time")
        return [WORKER_DIED_STAT]

    def _alone_later(self, archived: ArchivedResponse, outcome: Future[Outcome], stats: list[str]) -> None:
        """Queue a page that was in a pool that broke, to be extracted again in a process of its own."""
        with self._lock:
            self._alone_queue.append((archived, outcome, [*stats, RESUBMITTED_STAT]))
            start = not self._alone_busy
            self._alone_busy = True
        if start:
            self._alone_next()

    def _alone_next(self) -> None:
        with self._lock:
            if not self._alone_queue:
                self._alone_busy = False
                return
            archived, outcome, stats = self._alone_queue.popleft()
            if self._alone is None:
                self._alone = _start(1)
            executor = self._alone
        logger.info("extract: extracting %s again, alone, after a worker process died", archived.target_uri)
        try:
            future = executor.submit(extractworker.extract, archived)
        except (BrokenProcessPool, RuntimeError) as exc:  # the lone process died before it was handed the page
            future = Future()
            future.set_exception(BrokenProcessPool(str(exc)))
        future.add_done_callback(lambda done: self._alone_done(done, executor, archived, outcome, stats))

    def _alone_done(self, done: Future[extractworker.Result], executor: ProcessPoolExecutor,
                    archived: ArchivedResponse, outcome: Future[Outcome], stats: list[str]) -> None:
        error = done.exception()
        if isinstance(error, BrokenProcessPool):
            with self._lock:
                if self._alone is executor:
                    self._alone = None
            executor.shutdown(wait=False, cancel_futures=True)
            logger.error("extract: the worker process extracting %s died with no other page in it: the page is "
                         "given up", archived.target_uri)
            outcome.set_result(Outcome(None, WORKER_DIED, [], [*stats, WORKER_DIED_STAT]))
        elif error is not None:
            outcome.set_exception(error)
        else:
            outcome.set_result(Outcome(*done.result(), stats))
        self._alone_next()

    def close(self) -> None:
        """Stop the workers once their pages are done."""
        with self._lock:
            executors = [self._executor, *([self._alone] if self._alone is not None else [])]
        for executor in executors:
            executor.shutdown(wait=True)


def _in_reactor(future: Future[Outcome] | Future[None]) -> Deferred:
    """A Deferred fired on the reactor thread with a future's outcome (futures finish on pool threads)."""
    from twisted.internet import reactor

    done: Deferred = Deferred()

    def hand_over(finished: Future) -> None:
        error = finished.exception()
        if error is None:
            reactor.callFromThread(done.callback, finished.result())  # type: ignore[attr-defined]
        else:
            reactor.callFromThread(done.errback, error)  # type: ignore[attr-defined]

    future.add_done_callback(hand_over)
    return done
