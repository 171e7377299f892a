"""Find the archived response for a URL in a set of WARC files (for crawls replayed from an archive)."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from archive.cdxj.index import INDEX_NAME, cdxj_location, index_warcs, parse_cdxj_line
from archive.replay.ordered import RevisitResolver
from archive.warc.files import find_warcs
from archive.warc.httpmsg import iri_to_uri
from archive.warc.reader import read_response

if TYPE_CHECKING:
    from os import PathLike

    from archive.records import ArchivedResponse

logger = logging.getLogger(__name__)

#: (14-digit timestamp, WARC file, offset) of one capture.
Capture = tuple[str, Path, int]


class ArchiveLookup:
    """URL → its latest capture (response or revisit, revisits resolved) in a set of WARC files.

    A ``304 Not Modified`` capture is passed over for the capture before it.

    The captures come from each folder's ``index.cdxj`` where it covers the files, and
    from indexing the other files in memory. URLs are compared as URIs (``iri_to_uri``).
    """

    def __init__(self, captures: dict[str, list[Capture]], warc_files: list[Path]) -> None:
        self._captures = captures
        self._resolver = RevisitResolver(warc_files)

    @classmethod
    def from_paths(cls, paths: Iterable[str | PathLike[str]]) -> ArchiveLookup:
        """Build the lookup for WARC files and folders.

        Raises:
            archive.errors.WarcReadError: a path is missing or a file cannot be indexed.
        """
        files = find_warcs(paths)
        captures: dict[str, list[Capture]] = defaultdict(list)
        by_folder: dict[Path, list[Path]] = defaultdict(list)
        for path in files:
            by_folder[path.parent].append(path)
        for folder, folder_files in by_folder.items():
            lines, missing = _indexed_lines(folder, folder_files)
            lines += index_warcs(missing, root=folder)
            for line in lines:
                _add_capture(captures, line, folder)
        for found in captures.values():
            found.sort(key=lambda capture: (capture[0], capture[1].name, capture[2]))
        logger.info("archive lookup: %d URLs in %d WARC files", len(captures), len(files))
        return cls(dict(captures), files)

    def __len__(self) -> int:
        return len(self._captures)

    def get(self, url: str) -> ArchivedResponse | None:
        """The latest capture of ``url``, or None when the archive has none."""
        found = self._captures.get(iri_to_uri(url))
        if not found:
            return None
        _, path, offset = found[-1]
        return read_response(path, offset, resolver=self._resolver)


def _indexed_lines(folder: Path, files: list[Path]) -> tuple[list[str], list[Path]]:
    """Lines of ``folder/index.cdxj`` for ``files``, and the files the index does not cover."""
    index = folder / INDEX_NAME
    if not index.is_file():
        return [], files
    names = {path.name for path in files}
    lines, covered = [], set()
    for line in index.read_text(encoding="utf-8").splitlines():
        fields = parse_cdxj_line(line, str(index))
        if fields is not None and str(fields.get("filename")) in names:
            lines.append(line)
            covered.add(str(fields["filename"]))
    return lines, [path for path in files if path.name not in covered]


def _add_capture(captures: dict[str, list[Capture]], line: str, folder: Path) -> None:
    fields = parse_cdxj_line(line, str(folder / INDEX_NAME))
    # A 304 (an incremental crawl's conditional request) says "as before": the capture before it answers.
    if fields is None or str(fields.get("status")) == "304":
        return
    filename, offset = cdxj_location(fields, str(folder / INDEX_NAME))
    timestamp = line.split(" ", 2)[1]
    captures[iri_to_uri(str(fields.get("url", "")))].append((timestamp, folder / filename, offset))
