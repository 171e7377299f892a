"""The plain-text export: one UTF-8 file per document in a tree ``<site>/<yyyy-mm>/<id>.txt``.

Each file starts with a header block, one ``name: value`` line per field (empty value for
null), then a blank line, then the text::

    title: 关于印发…的通知
    url: https://www.gov.cn/…
    published: 2026-11-21T10:00:00+08:00
    source: 国务院办公厅
    fetched_at: 2026-11-22T01:02:03.456789Z
    warc_file: crawl-20261122010203000-00000-host-1.warc.gz
    warc_offset: 12345
    warc_record_id: <urn:uuid:…>
    duplicate_of:                      (only when duplicates were grouped)

    正文…

``<yyyy-mm>`` is the month of ``published``, else of ``fetched_at``, else ``unknown``.
``<id>`` is the UUID of the WARC record id, else the first 20 hex digits of the SHA-1 of
``canonical_url`` and ``fetched_at``: stable across exports of the same documents.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from archive.corpus.rows import ExportRow
from archive.errors import SinkWriteError
from archive.safefile import OPEN_SUFFIX

if TYPE_CHECKING:
    from archive.records import Document

HEADER_FIELDS = ("title", "url", "published", "source", "fetched_at", "warc_file", "warc_offset", "warc_record_id")
UNKNOWN_MONTH = "unknown"
_UUID = re.compile(r"^<?urn:uuid:([0-9a-fA-F-]{36})>?$")
_MONTH = re.compile(r"^(\d{4}-\d{2})")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def document_id(doc: Document) -> str:
    """A stable short id: the record id's UUID, else sha1(canonical_url, fetched_at)[:20]."""
    found = _UUID.match(doc.warc_record_id or "")
    if found:
        return found.group(1).lower()
    basis = f"{doc.canonical_url}\n{doc.fetched_at or ''}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:20]


def document_month(doc: Document) -> str:
    """``yyyy-mm`` of ``published``, else of ``fetched_at``, else ``unknown``."""
    for value in (doc.published, doc.fetched_at):
        found = _MONTH.match(value or "")
        if found:
            return found.group(1)
    return UNKNOWN_MONTH


def relative_path(doc: Document) -> PurePosixPath:
    """``<site>/<yyyy-mm>/<id>.txt``; the site name is reduced to ``[A-Za-z0-9._-]``."""
    site = _UNSAFE.sub("_", doc.site).strip(".") or "unknown"
    return PurePosixPath(site, document_month(doc), document_id(doc) + ".txt")


def _header_value(value: object) -> str:
    # One line per field: a title with a line break must not start a new header line.
    return "" if value is None else " ".join(str(value).split("\n"))


def render(row: ExportRow, grouped: bool) -> str:
    """The file content of ``row``: header lines, a blank line, the text, a final newline."""
    doc = row.document
    lines = [f"{name}: {_header_value(getattr(doc, name))}".rstrip(" ") for name in HEADER_FIELDS]
    if grouped:
        lines.append(f"duplicate_of: {_header_value(row.duplicate_of)}".rstrip(" "))
    text = doc.text or ""
    return "\n".join(lines) + "\n\n" + text + ("" if text.endswith("\n") else "\n")


def _open_dir(output: Path) -> Path:
    return output.with_name(output.name + OPEN_SUFFIX)


def check_tree_output(output: Path) -> None:
    """Raise SinkWriteError unless ``output`` is absent or an empty directory, and no ``OUT.open`` exists."""
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise SinkWriteError(f"{output} exists and is not an empty directory; "
                             "a txt export needs a new folder: choose another -o or remove it")
    if _open_dir(output).exists():
        raise SinkWriteError(f"{_open_dir(output)} exists: another export is writing there, or one crashed; "
                             "wait for it, or delete it if no export is running")


def write_tree(rows: Iterable[ExportRow], output: Path, *, grouped: bool) -> int:
    """Write one file per row under ``OUT.open/`` and rename it to ``output``; return the count.

    Raises:
        SinkWriteError: see ``check_tree_output``; two documents share one id (the same
            WARC record exported twice); or a file cannot be written. ``OUT.open`` is removed.
    """
    check_tree_output(output)
    staging = _open_dir(output)
    staging.mkdir(parents=True)
    count = 0
    try:
        for row in rows:
            path = staging.joinpath(*relative_path(row.document).parts)
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                with path.open("x", encoding="utf-8", newline="\n") as handle:
                    handle.write(render(row, grouped))
            except FileExistsError:
                raise SinkWriteError(f"two documents map to {relative_path(row.document)} ({row.document.url}): "
                                     "the same WARC record appears twice in the source") from None
            count += 1
        if output.exists():
            output.rmdir()  # empty, see check_tree_output
        os.replace(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count
