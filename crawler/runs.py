"""One crawl run of a folder: its id, lock, Scrapy JOBDIRs, row in the state store, ``runs/<id>.json``.

The crawl command opens a run before the spiders start and closes it after they stop
(``zhengwen crawl``; ``scrapy crawl`` keeps none of this). A run interrupted by kill -9,
a power cut or Ctrl-C is *resumable*: ``crawl --resume`` continues it under the same id.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archive.safefile import replacing
from crawler.report import EXIT_INTERRUPTED, SpiderOutcome
from crawler.runlock import RunLock, acquire
from crawler.state import CrawlState, RunRow

if TYPE_CHECKING:
    from collections.abc import Iterable

logger = logging.getLogger(__name__)

#: A second crawl on a locked folder exits with this status (sysexits EX_TEMPFAIL: try again later).
EXIT_LOCKED = 75
RUNS_DIR = "runs"
JOBS_DIR = "jobs"
#: Scrapy writes this file when a spider with a JOBDIR closes cleanly; without it the queue is not trustworthy.
_CLEAN_QUEUE_MARK = Path("requests.queue") / "active.json"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def new_run_id(moment: datetime, taken: Iterable[str]) -> str:
    """``20240501T020000Z`` (UTC start time); ``-2``, ``-3`` … when a run started in the same second."""
    base, used = moment.strftime("%Y%m%dT%H%M%SZ"), set(taken)
    candidates = (base if n == 1 else f"{base}-{n}" for n in range(1, len(used) + 2))
    return next(c for c in candidates if c not in used)


def resumable_run(state: CrawlState) -> RunRow | None:
    """The latest run if it was interrupted: killed (no end) or shut down (exit 130)."""
    runs = state.runs()
    if runs and (runs[-1].ended_at is None or runs[-1].exit_status == EXIT_INTERRUPTED):
        return runs[-1]
    return None


@dataclass
class Run:
    """A run being made: set up by :func:`open_run`, ended by :meth:`close`."""

    folder: Path
    run_id: str
    started_at: str
    resuming: bool
    lock: RunLock
    state: CrawlState
    notes: list[str] = field(default_factory=list)

    def jobdir(self, spider: str) -> Path:
        """The spider's Scrapy JOBDIR: kept from an interrupted run only if Scrapy closed it cleanly."""
        path = self.folder / JOBS_DIR / spider
        if self.resuming and path.is_dir() and not (path / _CLEAN_QUEUE_MARK).is_file():
            shutil.rmtree(path)
            self.notes.append(f"{spider}: the interrupted run's request queue was not saved (killed); its seeds are "
                              "walked again and what it archived is read back from the WARC files")
        return path

    def close(self, outcomes: list[SpiderOutcome], status: int, stats_extra: dict[str, Any] | None = None) -> Path:
        """Write ``runs/<id>.json``, end the run's row, release the lock; return the file written."""
        ended = iso(utc_now())
        sites = {o.name: site_counts(o) for o in outcomes}
        record = {"run_id": self.run_id, "started_at": self.started_at, "ended_at": ended, "exit_status": status,
                  "resumed": self.resuming, "sites": sites,
                  "stats": {o.name: {k: _plain(v) for k, v in sorted(o.stats.items())} for o in outcomes},
                  **(stats_extra or {})}
        path = self.folder / RUNS_DIR / f"{self.run_id}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(path) as temp:
            temp.write_text(json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        try:
            self.end_row(ended, status, _totals(sites), outcomes)
        finally:
            self.abandon()
        if status != EXIT_INTERRUPTED and (self.folder / JOBS_DIR).is_dir():
            shutil.rmtree(self.folder / JOBS_DIR)  # a finished run's seen-set must not block the next run
        return path


    def end_row(self, ended: str, status: int, totals: dict[str, int], outcomes: list[SpiderOutcome]) -> None:
        """Close the run's row in the state store."""
        self.state.finish_run(self.run_id, ended, status, totals)

    def abandon(self) -> None:
        """Release the state store and the lock (also when the run ends before its spiders start)."""
        try:
            self.state.close()
        finally:
            self.lock.release()


def _plain(value: Any) -> Any:
    return value if isinstance(value, (int, float, str, bool, type(None))) else str(value)


def site_counts(outcome: SpiderOutcome) -> dict[str, int]:
    """Per site (spider): documents new and changed, pages unchanged, requests failed, pages blocked."""
    failed = sum(int(v) for k, v in outcome.stats.items() if k.startswith("failure/reason_count/"))
    return {
        "new": outcome.count("incremental/new_count"),
        "changed": outcome.count("incremental/changed_count"),
        "unchanged": outcome.count("incremental/unchanged_count"),
        "failed": failed,
        "blocked": outcome.count("extract/page_type_count/blocked") + outcome.count("skip/reason_count/host_blocked"),
        "not_due": outcome.count("skip/reason_count/recrawl_not_due"),
    }


def _totals(sites: dict[str, dict[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for counts in sites.values():
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    return totals


def summary_line(run: Run, outcomes: list[SpiderOutcome], status: int) -> str:
    """``run 20240501T020000Z: 3 new, 2 changed, 40 unchanged, 0 failed, 0 blocked, 12 not due; exit 0``."""
    t = _totals({o.name: site_counts(o) for o in outcomes})
    return (f"run {run.run_id}{' (resumed)' if run.resuming else ''}: {t.get('new', 0)} new, "
            f"{t.get('changed', 0)} changed, {t.get('unchanged', 0)} unchanged, {t.get('failed', 0)} failed, "
            f"{t.get('blocked', 0)} blocked, {t.get('not_due', 0)} not due; exit {status}")


def open_run(folder: Path, state: CrawlState, *, resume: bool) -> Run:
    """Lock ``folder`` and start (or, with ``resume``, continue) a run.

    Raises:
        crawler.runlock.FolderLocked: a live crawl holds the folder.
    """
    started = utc_now()
    lock = acquire(folder, "(starting)", iso(started))
    notes = []
    if lock.stale:
        notes.append(f"took over the lock of crawl pid {lock.stale.get('pid', '?')} (run "
                     f"{lock.stale.get('run_id', '?')}), which is no longer running")
    previous = resumable_run(state) if resume else None
    if resume and previous is None:
        notes.append("--resume: no interrupted run in this folder; starting a new run")
    if previous is not None:
        run = Run(folder, previous.run_id, previous.started_at, True, lock, state, notes)
    else:
        run = Run(folder, new_run_id(started, (r.run_id for r in state.runs())), iso(started), False, lock, state, notes)
        if (folder / JOBS_DIR).is_dir():
            shutil.rmtree(folder / JOBS_DIR)
    state.start_run(RunRow(run.run_id, run.started_at, resumed=int(run.resuming)))
    lock.name(run.run_id, run.started_at)
    return run
