"""`zhengwen verify --repair`: find the files to mend, mend them, say what was cut (archive/warc/repair.py mends)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from archive.cdxj.index import INDEX_NAME, discard_killed_write, index_updater
from archive.errors import ArchiveError
from archive.warc.digests import DedupIndex
from archive.warc.files import find_warcs
from archive.warc.repair import OPEN_SUFFIX, needs_repair, repair_warc

#: The revisit store of a crawl folder, beside its ``warc/`` folder (crawler/settings.py STATE_DB_PATH).
STATE_NAME = "state.sqlite"


def repair_candidates(paths: Iterable[Path]) -> list[Path]:
    """The ``.warc.gz.open`` files and WARC files among ``paths`` (directories searched recursively).

    Raises:
        WarcReadError: a path does not exist.
    """
    found: set[Path] = set()
    rest: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob(f"*.warc.gz{OPEN_SUFFIX}") if p.is_file())
            rest.append(path)
        elif path.name.endswith(OPEN_SUFFIX) and path.is_file():
            found.add(path)
        else:
            rest.append(path)
    return sorted(found) + find_warcs(rest)


def repair_paths(paths: Iterable[Path]) -> bool:
    """Repair the ``.open`` and damaged WARC files among ``paths``; print one line per file repaired.

    The CDXJ index beside a file (``index.cdxj``) is updated when it exists, and so is the
    revisit store of its crawl folder (``../state.sqlite``).

    Returns:
        False when a file could not be repaired (its line on stderr says why).
    """
    ok = True
    paths = list(paths)
    try:
        candidates = [p for p in repair_candidates(paths) if needs_repair(p)]
    except (ArchiveError, OSError) as exc:
        print(f"zhengwen verify: {exc}", file=sys.stderr)
        return False
    for directory in sorted({p if p.is_dir() else p.parent for p in paths} | {p.parent for p in candidates}):
        try:
            if discard_killed_write(directory / INDEX_NAME):
                print(f"REMOVED {directory / INDEX_NAME}{OPEN_SUFFIX}: left by an index write a crash cut short")
        except (ArchiveError, OSError) as exc:
            ok = False
            print(f"zhengwen verify: {exc}", file=sys.stderr)
    for path in candidates:
        index = path.parent / INDEX_NAME
        state = path.parent.parent / STATE_NAME
        try:
            if state.is_file():
                with DedupIndex(state) as dedup:
                    result = repair_warc(path, reindex=index_updater(index) if index.is_file() else None, dedup=dedup)
            else:
                result = repair_warc(path, reindex=index_updater(index) if index.is_file() else None)
        except (ArchiveError, OSError) as exc:
            ok = False
            print(f"zhengwen verify: cannot repair {path}: {exc}", file=sys.stderr)
            continue
        print(f"REPAIRED {result}")
    return ok
