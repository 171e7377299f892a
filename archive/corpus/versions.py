"""Which archived capture becomes a new Document, and its version: one rule for the crawl and replay.

The corpus holds one Document per *distinct* capture of a URL. Reading captures in replay
order (WARC file name, then offset), a capture whose payload equals the payload of the
URL's latest Document adds none (an unchanged page: a revisit record, or a full record
written with deduplication off); any other capture adds one, numbered ``version`` 1, 2, …
with ``previous_fetched_at`` naming the ``fetched_at`` (WARC-Date) of the version before.
A 304 is never a Document (it is not a 2xx response), so it needs no rule of its own.

The rule reads nothing but the records, so replay derives it from the WARC files alone;
the crawl keeps the same per-URL memory in its state store across runs
(crawler/state/), so its ``text.jsonl`` stays byte-identical to a replay after any number
of runs. A page that changes back to an earlier payload (A, B, A) is a change: its third
capture becomes version 3.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from archive.records import ArchivedResponse, Document


@dataclass(frozen=True)
class VersionState:
    """What the rule remembers of a URL: its latest Document's payload digest, version and fetch time."""

    digest: str
    version: int
    fetched_at: str


class VersionMemory(Protocol):
    """Where the rule keeps its per-URL memory: a dict in replay, the crawl's state store in a crawl."""

    def version_of(self, url: str) -> VersionState | None: ...

    def set_version(self, url: str, state: VersionState) -> None: ...


class DictMemory:
    """The in-memory VersionMemory replay uses."""

    def __init__(self) -> None:
        self.states: dict[str, VersionState] = {}

    def version_of(self, url: str) -> VersionState | None:
        return self.states.get(url)

    def set_version(self, url: str, state: VersionState) -> None:
        self.states[url] = state


@dataclass(frozen=True)
class Decision:
    """The rule's verdict on one capture: ``version`` 0 means unchanged (no Document)."""

    url: str
    version: int
    previous_fetched_at: str | None

    @property
    def unchanged(self) -> bool:
        return self.version == 0

    def stamp(self, document: Document) -> Document:
        """``document`` with this decision's ``version`` and ``previous_fetched_at``."""
        return dataclasses.replace(document, version=self.version, previous_fetched_at=self.previous_fetched_at)


def payload_digest(payload: bytes) -> str:
    """The digest the rule compares: SHA-256 of the stored payload (Content-Encoding kept)."""
    return "sha256:" + hashlib.sha256(payload).hexdigest()


class CaptureVersions:
    """Apply the rule to captures given in replay order; the memory is updated as it goes.

    Args:
        memory: where the per-URL state lives (default: a fresh dict, as for a replay
            that starts from the first WARC file).
    """

    def __init__(self, memory: VersionMemory | None = None) -> None:
        self.memory: VersionMemory = memory if memory is not None else DictMemory()

    def decide(self, resp: ArchivedResponse) -> Decision:
        """Whether ``resp`` (a response that would have a Document) adds one, and which version."""
        url = resp.target_uri
        digest = payload_digest(resp.payload)
        last = self.memory.version_of(url)
        if last is not None and last.digest == digest:
            return Decision(url, 0, last.fetched_at)
        version = 1 if last is None else last.version + 1
        self.memory.set_version(url, VersionState(digest, version, resp.warc_date))
        return Decision(url, version, None if last is None else last.fetched_at)
