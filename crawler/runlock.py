"""The run lock of a crawl folder: one crawl at a time; the lock of a dead crawl is taken over.

``OUTPUT_DIR/crawl.lock`` holds an exclusive ``flock`` for as long as a crawl runs, and
names it (pid, run id, start time). The kernel drops the lock when its process dies,
kill -9 included, so a lock file whose lock nobody holds is stale: the next crawl takes
it over and says whose it was. A clean exit empties the file.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

LOCK_NAME = "crawl.lock"


class FolderLocked(Exception):
    """Another live crawl holds the folder's lock; ``holder`` is what it wrote there."""

    def __init__(self, path: Path, holder: dict[str, Any]):
        self.path = path
        self.holder = holder
        who = f"pid {holder.get('pid', '?')}, run {holder.get('run_id', '?')}, started {holder.get('started_at', '?')}"
        super().__init__(f"{path.parent} is locked by a running crawl ({who}); this crawl does not start")


@dataclass
class RunLock:
    """A held run lock; ``stale`` is what a dead crawl had left in the lock file, if anything."""

    path: Path
    handle: IO[str]
    stale: dict[str, Any] | None

    def name(self, run_id: str, started_at: str) -> None:
        """Write who holds the lock (this process, for run ``run_id``) into the lock file."""
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(json.dumps({"pid": os.getpid(), "run_id": run_id, "started_at": started_at}) + "\n")
        self.handle.flush()

    def release(self) -> None:
        """Empty the file and drop the lock. Idempotent."""
        if self.handle.closed:
            return
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.flush()
        self.handle.close()


def _read(handle: IO[str]) -> dict[str, Any]:
    handle.seek(0)
    text = handle.read().strip()
    try:
        value = json.loads(text) if text else {}
    except json.JSONDecodeError:
        value = {"note": text[:200]}
    return value if isinstance(value, dict) else {}


def acquire(folder: Path, run_id: str, started_at: str) -> RunLock:
    """Take the run lock of ``folder`` (created if missing) for run ``run_id``.

    Raises:
        FolderLocked: a live crawl holds it.
        OSError: the lock file cannot be created.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    handle = open(path, "a+", encoding="utf-8")  # closed by RunLock.release, or below
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read(handle)
        handle.close()
        raise FolderLocked(path, holder) from None
    lock = RunLock(path, handle, _read(handle) or None)
    lock.name(run_id, started_at)
    return lock
