"""Replay a set of WARC files in a fixed order, resolving revisit records to their originals."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from archive.errors import WarcReadError
from archive.index import cdxj_location, iter_cdxj
from archive.reader import iter_responses, read_response
from archive.revisit import RevisitRef, digest_matches

if TYPE_CHECKING:
    from os import PathLike

    from archive.damage import DamageLog
    from archive.dedup import DedupIndex
    from archive.records import ArchivedResponse

logger = logging.getLogger(__name__)

#: File name endings of finished WARC files (``.open`` files are never read).
WARC_SUFFIXES = (".warc.gz", ".warc")

_Location = tuple[Path, int]


def find_warcs(paths: Iterable[str | PathLike[str]]) -> list[Path]:
    """Expand files and directories (recursively) into WARC files, in replay order.

    The order is by file name, then by full path: zhengwen's file names start with
    their prefix and creation time, so this is the order they were written in.

    Raises:
        WarcReadError: a path does not exist.
    """
    found: set[Path] = set()
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.name.endswith(WARC_SUFFIXES) and p.is_file())
        elif path.is_file():
            found.add(path)
        else:
            raise WarcReadError(f"no such file or directory: {path}")
    return sorted(found, key=lambda p: (p.name, str(p)))


class RevisitResolver:
    """Find the original response a revisit record refers to.

    Originals are looked for, in order, through the dedup database, the CDXJ index,
    then by scanning the WARC files (once, on first need). A candidate is accepted
    when its URL and payload digest match; the one whose record id is the revisit's
    WARC-Refers-To wins, so replay points at exactly the record the writer named.

    Args:
        warc_paths: WARC files that may hold originals; also how file names in the
            dedup database are found.
        cdxj: a CDXJ index; its ``filename`` fields are relative to its directory.
        dedup: a dedup database (its file names are looked up among ``warc_paths``
            and in the CDXJ index's directory).
    """

    def __init__(
        self,
        warc_paths: Iterable[str | PathLike[str]] = (),
        *,
        cdxj: str | PathLike[str] | None = None,
        dedup: DedupIndex | None = None,
    ) -> None:
        self.warc_paths = [Path(p) for p in warc_paths]
        self.cdxj = Path(cdxj) if cdxj is not None else None
        self.dedup = dedup
        self._by_name = {p.name: p for p in self.warc_paths}
        self._cdxj_map: dict[tuple[str, str], list[_Location]] | None = None
        self._by_id: dict[str, _Location] | None = None
        self._by_key: dict[tuple[str, str], list[_Location]] = {}

    @classmethod
    def for_directory(cls, directory: str | PathLike[str]) -> RevisitResolver:
        """A resolver over every WARC file in ``directory`` and below."""
        return cls(find_warcs([directory]))

    def resolve(self, ref: RevisitRef) -> ArchivedResponse:
        """Return the original response ``ref`` refers to.

        Raises:
            WarcReadError: no stored response has the URL and payload digest the
                revisit names; the message names the revisit and its target.
        """
        fallback: ArchivedResponse | None = None
        tried: set[_Location] = set()
        failures: list[str] = []
        for stage in (self._quick_candidates, self._scanned_candidates):
            for location in stage(ref):
                if location in tried:
                    continue
                tried.add(location)
                original = self._read(location, ref, failures)
                if original is None:
                    continue
                if ref.refers_to is None or original.pointer.warc_record_id == ref.refers_to:
                    return original
                fallback = fallback or original
            if fallback is not None:
                return fallback
        detail = f" ({'; '.join(failures)})" if failures else ""
        raise WarcReadError(
            f"{ref.describe()}, but no such original was found in {len(self.warc_paths)} WARC file(s)"
            f"{' and ' + str(self.cdxj) if self.cdxj else ''}{detail}; add the earlier crawl's WARC files "
            "(or its CDXJ index) to the resolver"
        )

    def _quick_candidates(self, ref: RevisitRef) -> Iterator[_Location]:
        key = (ref.refers_to_uri, ref.payload_digest)
        if self.dedup is not None:
            entry = self.dedup.lookup(*key)
            if entry is not None:
                path = self._path_for(entry.warc_file)
                if path is not None:
                    yield path, entry.offset
        yield from self._cdxj_entries().get(key, [])

    def _scanned_candidates(self, ref: RevisitRef) -> Iterator[_Location]:
        by_id = self._scan()
        if ref.refers_to is not None and ref.refers_to in by_id:
            yield by_id[ref.refers_to]
        yield from self._by_key.get((ref.refers_to_uri, ref.payload_digest), [])

    def _read(self, location: _Location, ref: RevisitRef, failures: list[str]) -> ArchivedResponse | None:
        path, offset = location
        try:
            original = read_response(path, offset, resolver=_NO_CHAINS)
        except WarcReadError as exc:
            failures.append(str(exc))
            return None
        if original.target_uri != ref.refers_to_uri:
            return None
        return original if digest_matches(ref.payload_digest, original.payload) else None

    def _path_for(self, name: str) -> Path | None:
        if name in self._by_name:
            return self._by_name[name]
        if self.cdxj is not None and (self.cdxj.parent / name).is_file():
            return self.cdxj.parent / name
        return None

    def _cdxj_entries(self) -> dict[tuple[str, str], list[_Location]]:
        if self._cdxj_map is None:
            self._cdxj_map = {}
            if self.cdxj is not None:
                self._load_cdxj(self.cdxj, self._cdxj_map)
        return self._cdxj_map

    @staticmethod
    def _load_cdxj(index: Path, into: dict[tuple[str, str], list[_Location]]) -> None:
        for where, fields in iter_cdxj(index):
            if fields.get("mime") == "warc/revisit" or not fields.get("digest"):
                continue
            filename, offset = cdxj_location(fields, where)
            location = (index.parent / filename, offset)
            into.setdefault((str(fields["url"]), str(fields["digest"])), []).append(location)

    def _scan(self) -> dict[str, _Location]:
        """Map record ids and (URL, digest) of every response record in ``warc_paths``."""
        if self._by_id is not None:
            return self._by_id
        self._by_id = {}
        for path in self.warc_paths:
            try:
                with path.open("rb") as fh:
                    iterator = ArchiveIterator(fh, no_record_parse=True)
                    for record in iterator:
                        if record.rec_type != "response":
                            continue
                        headers = record.rec_headers
                        location = (path, int(iterator.get_record_offset()))
                        self._by_id[str(headers.get_header("WARC-Record-ID"))] = location
                        key = (str(headers.get_header("WARC-Target-URI")), str(headers.get_header("WARC-Payload-Digest")))
                        self._by_key.setdefault(key, []).append(location)
            except Exception as exc:  # a damaged file must not hide originals stored in the others
                logger.warning("revisit resolution: %s is unreadable after some records (%r); skipped the rest",
                               path, exc)
        return self._by_id


class _NoChains:
    """Refuse a revisit where an original is expected (a stale index), instead of following chains."""

    def resolve(self, ref: RevisitRef) -> ArchivedResponse:
        raise WarcReadError(f"{ref.describe()}: expected an original response there, found another revisit")


_NO_CHAINS = _NoChains()


def iter_archive(
    paths: Iterable[str | PathLike[str]], *, resolver: RevisitResolver | None = None, damage: DamageLog | None = None
) -> Iterator[ArchivedResponse]:
    """Yield every response (revisits resolved) of a set of WARC files, in replay order.

    Files come in :func:`find_warcs` order, records in file order. For a revisit the
    result equals what :meth:`archive.writer.WarcWriter.write_exchange` returned at
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
