"""Find the original response of a revisit record by scanning WARC files.

The warc layer's own resolver: it needs nothing but the files. The replay layer's
``RevisitResolver`` (archive/replay/resolver.py) adds the fast paths through the digest
store and a CDXJ index in front of this scan.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from archive.errors import WarcReadError
from archive.warc.files import find_warcs
from archive.warc.record import read_record_at
from archive.warc.revisit import RevisitRef, digest_matches

if TYPE_CHECKING:
    from os import PathLike

    from archive.records import ArchivedResponse

logger = logging.getLogger(__name__)

#: A place an original may be stored: a WARC file and the offset of its record.
Location = tuple[Path, int]


class OriginalsInFiles:
    """Find the original response a revisit record refers to among a set of WARC files.

    Candidates come from :meth:`quick_candidates` (none here; subclasses add indexes),
    then from scanning the files (once, on first need). A candidate is accepted when its
    URL and payload digest match; the one whose record id is the revisit's
    WARC-Refers-To wins, so replay points at exactly the record the writer named.
    """

    def __init__(self, warc_paths: Iterable[str | PathLike[str]] = ()) -> None:
        self.warc_paths = [Path(p) for p in warc_paths]
        self._by_id: dict[str, Location] | None = None
        self._by_key: dict[tuple[str, str], list[Location]] = {}

    @classmethod
    def for_directory(cls, directory: str | PathLike[str]) -> OriginalsInFiles:
        """A resolver over every WARC file in ``directory`` and below."""
        return cls(find_warcs([directory]))

    def resolve(self, ref: RevisitRef) -> ArchivedResponse:
        """Return the original response ``ref`` refers to.

        Raises:
            WarcReadError: no stored response has the URL and payload digest the
                revisit names; the message names the revisit and its target.
        """
        fallback: ArchivedResponse | None = None
        tried: set[Location] = set()
        failures: list[str] = []
        stages: tuple[Callable[[RevisitRef], Iterator[Location]], ...] = (self.quick_candidates,
                                                                          self._scanned_candidates)
        for stage in stages:
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
            f"{ref.describe()}, but no such original was found in {self.searched()}{detail}; add the earlier "
            "crawl's WARC files (or its CDXJ index) to the resolver"
        )

    def quick_candidates(self, ref: RevisitRef) -> Iterator[Location]:
        """Locations to try before scanning the files (subclasses: indexes)."""
        return iter(())

    def searched(self) -> str:
        """What was searched, for the error message."""
        return f"{len(self.warc_paths)} WARC file(s)"

    def _scanned_candidates(self, ref: RevisitRef) -> Iterator[Location]:
        by_id = self._scan()
        if ref.refers_to is not None and ref.refers_to in by_id:
            yield by_id[ref.refers_to]
        yield from self._by_key.get((ref.refers_to_uri, ref.payload_digest), [])

    def _read(self, location: Location, ref: RevisitRef, failures: list[str]) -> ArchivedResponse | None:
        path, offset = location
        try:
            original = read_record_at(path, offset, resolver=_NO_CHAINS)
        except WarcReadError as exc:
            failures.append(str(exc))
            return None
        if original.target_uri != ref.refers_to_uri:
            return None
        return original if digest_matches(ref.payload_digest, original.payload) else None

    def _scan(self) -> dict[str, Location]:
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


class _NoChains:
    """Refuse a revisit where an original is expected (a stale index), instead of following chains."""

    def resolve(self, ref: RevisitRef) -> ArchivedResponse:
        raise WarcReadError(f"{ref.describe()}: expected an original response there, found another revisit")


_NO_CHAINS = _NoChains()
