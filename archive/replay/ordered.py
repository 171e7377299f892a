"""Replay a set of WARC files in a fixed order, resolving revisit records to their originals."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from archive.cdxj.index import cdxj_location, iter_cdxj
from archive.warc.files import find_warcs
from archive.warc.originals import Location, OriginalsInFiles
from archive.warc.reader import iter_responses
from archive.warc.revisit import RevisitRef

if TYPE_CHECKING:
    from os import PathLike

    from archive.records import ArchivedResponse
    from archive.warc.damage import DamageLog
    from archive.warc.digests import DedupIndex


class RevisitResolver(OriginalsInFiles):
    """Find the original response a revisit record refers to, fast when an index knows it.

    Originals are looked for, in order, through the digest store, the CDXJ index, then
    by scanning the WARC files (archive/warc/originals.py, once, on first need).

    Args:
        warc_paths: WARC files that may hold originals; also how file names in the
            digest store are found.
        cdxj: a CDXJ index; its ``filename`` fields are relative to its directory.
        dedup: a digest store (its file names are looked up among ``warc_paths``
            and in the CDXJ index's directory).
    """

    def __init__(
        self,
        warc_paths: Iterable[str | PathLike[str]] = (),
        *,
        cdxj: str | PathLike[str] | None = None,
        dedup: DedupIndex | None = None,
    ) -> None:
        super().__init__(warc_paths)
        self.cdxj = Path(cdxj) if cdxj is not None else None
        self.dedup = dedup
        self._by_name = {p.name: p for p in self.warc_paths}
        self._cdxj_map: dict[tuple[str, str], list[Location]] | None = None

    @classmethod
    def for_directory(cls, directory: str | PathLike[str]) -> RevisitResolver:
        """A resolver over every WARC file in ``directory`` and below."""
        return cls(find_warcs([directory]))

    def quick_candidates(self, ref: RevisitRef) -> Iterator[Location]:
        key = (ref.refers_to_uri, ref.payload_digest)
        if self.dedup is not None:
            entry = self.dedup.lookup(*key)
            if entry is not None:
                path = self._path_for(entry.warc_file)
                if path is not None:
                    yield path, entry.offset
        yield from self._cdxj_entries().get(key, [])

    def searched(self) -> str:
        return super().searched() + (f" and {self.cdxj}" if self.cdxj else "")

    def _path_for(self, name: str) -> Path | None:
        if name in self._by_name:
            return self._by_name[name]
        if self.cdxj is not None and (self.cdxj.parent / name).is_file():
            return self.cdxj.parent / name
        return None

    def _cdxj_entries(self) -> dict[tuple[str, str], list[Location]]:
        if self._cdxj_map is None:
            self._cdxj_map = {}
            if self.cdxj is not None:
                self._load_cdxj(self.cdxj, self._cdxj_map)
        return self._cdxj_map

    @staticmethod
    def _load_cdxj(index: Path, into: dict[tuple[str, str], list[Location]]) -> None:
        for where, fields in iter_cdxj(index):
            if fields.get("mime") == "warc/revisit" or not fields.get("digest"):
                continue
            filename, offset = cdxj_location(fields, where)
            location = (index.parent / filename, offset)
            into.setdefault((str(fields["url"]), str(fields["digest"])), []).append(location)


def iter_archive(
    paths: Iterable[str | PathLike[str]], *, resolver: RevisitResolver | None = None, damage: DamageLog | None = None
) -> Iterator[ArchivedResponse]:
    """Yield every response (revisits resolved) of a set of WARC files, in replay order.

    Files come in :func:`find_warcs` order, records in file order. For a revisit the
    result equals what :meth:`archive.warc.writer.WarcWriter.write_exchange` returned at
    crawl time: the revisit's pointer, date and headers, the original's payload.

    Args:
        paths: WARC files and directories.
        resolver: where originals are found; default the files being read.
        damage: with a log, a damaged file yields its complete records, its damage is
            logged and the next file is read; without one, the damage is raised.

    Raises:
        WarcDamageError: a file is damaged and no ``damage`` log was given.
        WarcReadError: a path is missing, a file cannot be opened or a revisit is unresolvable.
    """
    files = find_warcs(paths)
    lookup = resolver or RevisitResolver(files)
    for path in files:
        yield from iter_responses(path, resolver=lookup, damage=damage)
