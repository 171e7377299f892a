"""pywb-compatible CDXJ indexes of WARC files: build, merge and rebuild them atomically.

Departure from "warcio and the standard library only" (DESIGN.md): issue #3 asks to use
the ``cdxj_indexer`` package (pywb's own indexer: SURT keys, the ``warc/revisit`` mime
for revisits, the field set pywb reads) rather than rewrite it.
"""

from __future__ import annotations

import fcntl
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from archive.errors import IndexWriteError, WarcDamageError, WarcReadError
from archive.progress import progress
from archive.safefile import open_path, replacing, resolved_target, sync
from archive.warc.cdxjline import StableIndexer
from archive.warc.damage import DamageLog, first_damage, prefix_stream

if TYPE_CHECKING:
    from os import PathLike

#: Name of a WARC directory's index, as pywb's ``indexes/`` and ``wb-manager`` expect CDXJ.
INDEX_NAME = "index.cdxj"

LOCK_SUFFIX = ".lock"


def default_index_path(warc_dir: str | PathLike[str]) -> Path:
    """Return where the index of ``warc_dir`` lives: ``<warc_dir>/index.cdxj``."""
    return Path(warc_dir) / INDEX_NAME


def parse_cdxj_line(line: str, where: str) -> dict[str, object] | None:
    """Return the JSON fields of one CDXJ line (None for blank and ``!meta`` lines).

    Raises:
        WarcReadError: the line is not ``urlkey timestamp {json}``.
    """
    if not line.strip() or line.startswith("!"):
        return None
    parts = line.split(" ", 2)
    try:
        fields = json.loads(parts[2]) if len(parts) == 3 else None
    except json.JSONDecodeError:
        fields = None
    if not isinstance(fields, dict):
        raise WarcReadError(f"{where}: not a CDXJ line ('urlkey timestamp {{json}}'): {line[:120]!r}")
    return fields


def iter_cdxj(index: str | PathLike[str]) -> Iterator[tuple[str, dict[str, object]]]:
    """Yield ``(where, fields)`` for each index line of a CDXJ file (``where`` names file and line).

    Raises:
        WarcReadError: the file cannot be read, or a line is not ``urlkey timestamp {json}``.
    """
    path = Path(index)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise WarcReadError(f"cannot read CDXJ index {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        where = f"{path} line {number}"
        fields = parse_cdxj_line(line, where)
        if fields is not None:
            yield where, fields


def cdxj_location(fields: dict[str, object], where: str) -> tuple[str, int]:
    """Return the (filename, offset) a parsed CDXJ line points at.

    Raises:
        WarcReadError: either field is missing or the offset is not a number.
    """
    try:
        return str(fields["filename"]), int(str(fields["offset"]))
    except (KeyError, ValueError):
        raise WarcReadError(f"{where}: CDXJ line lacks a filename or a numeric offset; rebuild the index") from None


def index_warcs(
    paths: Iterable[str | PathLike[str]], *, root: str | PathLike[str] | None = None, damage: DamageLog | None = None
) -> list[str]:
    """Return the sorted CDXJ lines (no newlines) of ``paths``.

    Each line is ``surt-urlkey timestamp14 {"url", "mime", "status", "digest",
    "length", "offset", "filename"}`` for every response, revisit (mime
    ``warc/revisit``), resource and metadata record.

    Args:
        paths: WARC files.
        root: ``filename`` fields are relative to this directory (where the index
            lives); default: the bare file name.
        damage: with a log, a damaged file (cut short, corrupt, empty, not a WARC) has
            its complete records before the damage indexed and its damage logged;
            without one, the damage is raised.

    Raises:
        WarcReadError: a file cannot be opened, or is damaged and no log was given;
            the message names it.
    """
    lines: set[str] = set()
    files = list(paths)
    for path in progress(files, "index", unit="file") if len(files) > 1 else files:
        lines.update(_index_file(Path(path), root, damage))
    return sorted(lines)


def _index_file(path: Path, root: str | PathLike[str] | None, damage: DamageLog | None) -> list[str]:
    """Index one file up to its first damage (cdxj_indexer alone would stop quietly at a cut member)."""
    out = io.StringIO()
    indexer = StableIndexer(out, [], dir_root=None if root is None else str(root))
    try:
        _, found = first_damage(path)
        with path.open("rb") as fh:
            end = os.fstat(fh.fileno()).st_size if found is None else found.offset
            indexer.process_one(prefix_stream(fh, end), out, str(path))
    except OSError as exc:
        raise WarcReadError(f"cannot index WARC file {path}: {exc.strerror or exc}") from exc
    except Exception as exc:  # warcio raises zlib/EOF/parser errors alike
        raise WarcReadError(f"cannot index WARC file {path}: unreadable record ({exc!r}); "
                            "run `zhengwen verify` on it") from exc
    if found is not None:
        if damage is None:
            raise WarcDamageError(f"cannot index WARC file {found}", path=path, offset=found.offset)
        damage.add(found)
    return out.getvalue().splitlines()


def merge_index_lines(index_path: str | PathLike[str], lines_by_file: dict[str, list[str]]) -> int:
    """Merge already-built lines (``filename`` → its lines) into the sorted index, as ``update_index`` does.

    Returns:
        The number of lines merged.
    """
    index = Path(index_path)
    new_lines = [line for lines in lines_by_file.values() for line in lines]
    with _locked(index):
        kept = [line for line in _existing_lines(index) if _filename(line, index) not in lines_by_file]
        _write_atomically(index, sorted(set(kept).union(new_lines)))
    return len(new_lines)


def update_index(
    index_path: str | PathLike[str], new_warc_paths: Iterable[str | PathLike[str]], *, damage: DamageLog | None = None
) -> int:
    """Merge the lines of ``new_warc_paths`` into the sorted index at ``index_path``.

    Lines the index already holds for those files are replaced, so re-indexing a
    file is harmless. The index is rewritten as ``NAME.open`` and renamed, under an
    exclusive lock on ``NAME.lock``, so concurrent updates never lose lines and
    readers never see half an index. A missing index is created.

    Returns:
        The number of lines the new files contributed.

    Raises:
        WarcReadError: a WARC file or the existing index cannot be read.
        IndexWriteError: the index cannot be written.
    """
    index = Path(index_path)
    new_paths = [Path(p) for p in new_warc_paths]
    with _locked(index):
        new_lines = index_warcs(new_paths, root=index.parent, damage=damage)
        names = {_relative_name(p, index.parent) for p in new_paths}
        kept = [line for line in _existing_lines(index) if _filename(line, index) not in names]
        _write_atomically(index, sorted(set(kept).union(new_lines)))
    return len(new_lines)


def index_updater(index_path: str | PathLike[str]) -> Callable[[Path], int]:
    """A function that merges one WARC file's lines into the index at ``index_path`` (see ``update_index``).

    Made for repairs after a crash: a leftover of an index write the crash cut short is
    removed at once (``discard_killed_write``), whether or not any WARC file needs mending.
    """
    discard_killed_write(index_path)
    return lambda path: update_index(index_path, [path])


def discard_killed_write(index_path: str | PathLike[str]) -> bool:
    """Remove ``index.cdxj.open`` left by a writer killed mid-write; True if there was one.

    Taken under the index lock, which every index writer holds while it writes, so a live
    writer's file is never touched; the index itself is the previous, whole one.
    """
    index = Path(index_path)
    leftover = open_path(resolved_target(index))
    if not leftover.exists():
        return False
    with _locked(index):
        existed = leftover.exists()
        leftover.unlink(missing_ok=True)
    return existed


def rebuild_index(
    index_path: str | PathLike[str], warc_paths: Iterable[str | PathLike[str]], *, damage: DamageLog | None = None
) -> int:
    """Replace the index at ``index_path`` with one built from ``warc_paths`` alone (``damage``: as for update).

    Returns:
        The number of lines written.

    Raises:
        WarcReadError: a WARC file cannot be read.
        IndexWriteError: the index cannot be written.
    """
    index = Path(index_path)
    with _locked(index):
        lines = index_warcs(warc_paths, root=index.parent, damage=damage)
        _write_atomically(index, lines)
    return len(lines)


def _relative_name(path: Path, root: Path) -> str:
    """The ``filename`` cdxj_indexer writes for ``path`` with ``dir_root=root``."""
    return os.path.relpath(path, root).replace(os.path.sep, "/")


def _filename(line: str, index: Path) -> str:
    fields = parse_cdxj_line(line, str(index)) or {}
    return str(fields.get("filename", ""))


def _existing_lines(index: Path) -> list[str]:
    try:
        text = index.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise WarcReadError(f"cannot read CDXJ index {index}: {exc}; delete it and run `zhengwen index`") from exc
    return [line for line in text.splitlines() if line.strip()]


@contextmanager
def _locked(index: Path) -> Iterator[None]:
    lock_path = index.with_name(index.name + LOCK_SUFFIX)
    try:
        index.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_path.open("a")
    except OSError as exc:
        raise IndexWriteError(f"cannot create index lock {lock_path}: {exc.strerror}; check the directory") from exc
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_atomically(index: Path, lines: list[str]) -> None:
    """Replace ``index`` with ``lines``; the caller holds the index lock (``_locked``).

    Every index writer takes that lock first, so an ``index.cdxj.open`` found under it was
    left by a writer killed mid-write (the index itself is the previous, whole one): it is
    removed, not mistaken for a live run.
    """
    try:
        open_path(resolved_target(index)).unlink(missing_ok=True)
        with replacing(index) as path, path.open("w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(line + "\n" for line in lines)
            fh.flush()
            sync(fh)
    except OSError as exc:
        raise IndexWriteError(f"cannot write CDXJ index {index}: {exc.strerror or exc}; check disk space and "
                              "permissions (the previous index is left as it was)") from exc
