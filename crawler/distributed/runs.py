"""A worker's part of a distributed run: the cluster's run id, its hold on the run lock, its folder.

``zhengwen crawl`` with REDIS_URL opens a :class:`ClusterRun` in place of crawler/runs.py's
local one. The worker still locks its own output folder (one crawl per folder) and writes
its own ``runs/<id>.json`` (what it did); the run id, the lock and the run row are the
cluster's (crawler/distributed/runlock.py, crawler/distributed/state.py). There is no
``--resume``: a distributed run continues as long as its frontier in Redis has work, so a
worker started after a kill simply joins (or continues) it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redis.exceptions import RedisError

from crawler.distributed.keys import connect
from crawler.distributed.runlock import RunHold, describe, take
from crawler.report import EXIT_FAILED
from crawler.runlock import acquire
from crawler.runs import Run, iso, new_run_id, utc_now
from crawler.state import CrawlState, RunRow, StateStoreError

if TYPE_CHECKING:
    from crawler.report import SpiderOutcome

logger = logging.getLogger(__name__)

#: The close reason of a spider whose shared frontier stayed empty (its idle close).
FINISHED = "finished"


@dataclass
class ClusterRun(Run):
    """A run of the cluster, as one worker takes part in it."""

    hold: RunHold | None = None

    def end_row(self, ended: str, status: int, totals: dict[str, int], outcomes: list[SpiderOutcome]) -> None:
        """Leave the run; the last worker to leave a finished run closes its row with everyone's counts."""
        if self.hold is None:
            return
        finished = bool(outcomes) and all(o.finish_reason == FINISHED for o in outcomes)
        try:
            ended_run = self.hold.leave(finished, status == EXIT_FAILED, totals)
        except RedisError as exc:
            raise StateStoreError(f"cannot leave distributed run {self.run_id} in Redis: {exc}; its lock lapses "
                                  "by itself") from exc
        self.hold = None
        if ended_run is None:
            return
        logger.info("distributed run %s ended with this worker: %s", self.run_id, ended_run["counts"])
        self.state.finish_run(self.run_id, ended, EXIT_FAILED if ended_run["failed"] else 0, ended_run["counts"])

    def abandon(self) -> None:
        """Leave the run unfinished (this worker did not crawl), then release the store and folder."""
        try:
            if self.hold is not None:
                self.hold.leave(False, False, {})
                self.hold = None
        except RedisError as exc:
            logger.warning("could not leave distributed run %s (the hold lapses by itself): %s", self.run_id, exc)
        finally:
            super().abandon()


def open_cluster_run(folder: Path, state: CrawlState, settings: Any) -> ClusterRun:
    """Lock ``folder`` and join the cluster's current run (or start one when there is none).

    Raises:
        crawler.runlock.FolderLocked: another crawl holds the folder.
        StateStoreError: Redis cannot be reached.
    """
    started = utc_now()
    lock = acquire(folder, "(joining)", iso(started))
    try:
        hold = take(connect(settings), settings, new=False,
                    run_id=new_run_id(started, (r.run_id for r in state.runs())), started_at=iso(started))
        if hold.how != "joined":
            state.start_run(RunRow(hold.run_id, hold.started_at, resumed=int(hold.how == "continued")))
    except (RedisError, StateStoreError) as exc:
        lock.release()
        raise StateStoreError(f"cannot join the distributed run in Redis at {settings.get('REDIS_URL')}: {exc}") from exc
    lock.name(hold.run_id, hold.started_at)
    notes = [describe(hold)]
    if lock.stale:
        notes.append(f"took over the lock of crawl pid {lock.stale.get('pid', '?')}, which is no longer running")
    return ClusterRun(folder, hold.run_id, hold.started_at, False, lock, state, notes, hold)
