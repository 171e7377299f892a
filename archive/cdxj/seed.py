"""Seed the revisit digest store from the CDXJ index of an earlier crawl.

So revisits keep working against earlier crawls whose digest store was lost: every
2xx response line of the index is remembered as an original.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from archive.cdxj.index import cdxj_location, iter_cdxj
from archive.errors import WarcReadError
from archive.warc.digests import DedupEntry
from archive.warc.revisit import sha1_digest

if TYPE_CHECKING:
    from os import PathLike

    from archive.warc.digests import DigestStore

logger = logging.getLogger(__name__)

_EMPTY_DIGEST = sha1_digest(b"")


@dataclass(frozen=True)
class ImportStats:
    """What :func:`seed_digests` did with the lines of an index."""

    added: int = 0
    already_known: int = 0
    skipped_not_original: int = 0
    skipped_missing_warc: int = 0



def seed_digests(dedup: DigestStore, path: str | PathLike[str], *, warc_dir: str | PathLike[str] | None = None) -> ImportStats:
    """Seed the digest store ``dedup`` from a CDXJ index of an earlier crawl.

    Only 2xx ``response`` lines with a digest are originals. Each one's WARC-Date
    and WARC-Record-ID are read from the WARC record itself (a CDXJ timestamp has
    no microseconds and no record id), found as ``warc_dir / filename``.

    Args:
        path: the CDXJ file (``urlkey timestamp {json}`` lines).
        warc_dir: where the WARC files named in it are; default the index's directory.

    Raises:
        WarcReadError: the index cannot be read or a line is not CDXJ.
        DedupIndexError: the database cannot be written.
    """
    index = Path(path)
    base = Path(warc_dir) if warc_dir is not None else index.parent
    stats = {"added": 0, "already_known": 0, "skipped_not_original": 0, "skipped_missing_warc": 0}
    batch: list[tuple[str, str, DedupEntry]] = []
    missing: set[str] = set()
    for where, fields in iter_cdxj(index):
        if not _is_original(fields):
            stats["skipped_not_original"] += 1
            continue
        filename, offset = cdxj_location(fields, where)
        header = _record_header(base / filename, offset)
        if header is None:
            stats["skipped_missing_warc"] += 1
            missing.add(filename)
            continue
        date, record_id, truncated = header
        if truncated:
            stats["skipped_not_original"] += 1
            continue
        batch.append((str(fields["url"]), str(fields["digest"]),
                      DedupEntry(date, record_id, Path(filename).name, offset)))
    for name in sorted(missing):
        logger.warning("dedup import from %s: WARC file %s not found in %s; its records are not deduplicated",
                       index, name, base)
    stats["added"] = dedup.add_many(batch)
    stats["already_known"] = len(batch) - stats["added"]
    return ImportStats(**stats)



def _is_original(fields: dict[str, object]) -> bool:
    """The lines the writer would have remembered: full, non-empty 2xx responses."""
    status = str(fields.get("status", ""))
    return (fields.get("mime") != "warc/revisit" and status.startswith("2") and len(status) == 3
            and fields.get("digest") != _EMPTY_DIGEST
            and all(fields.get(key) not in (None, "") for key in ("url", "digest", "filename", "offset")))


def _record_header(path: Path, offset: int) -> tuple[str, str, bool] | None:
    """Return (WARC-Date, WARC-Record-ID, truncated?) of the record at ``offset``; None if the file is missing."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WarcReadError(f"cannot open WARC file {path}: {exc.strerror}") from exc
    with fh:
        try:
            fh.seek(offset)
            record = next(ArchiveIterator(fh, no_record_parse=True))
        except Exception as exc:  # warcio raises zlib/EOF/parser errors alike
            raise WarcReadError(f"{path} at offset {offset}: no readable WARC record ({exc!r}); "
                                "the CDXJ index does not match the WARC file — rebuild the index") from exc
        date = record.rec_headers.get_header("WARC-Date")
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        truncated = bool(record.rec_headers.get_header("WARC-Truncated"))
    if not date or not record_id:
        raise WarcReadError(f"{path} at offset {offset}: record lacks WARC-Date or WARC-Record-ID")
    return str(date), str(record_id), truncated
