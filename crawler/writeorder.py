"""Hand documents to the sink in WARC order, though worker processes finish them in any order."""

from __future__ import annotations

import heapq
import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archive.records import ArchivedResponse, Document

#: (WARC file, offset) first; pages without a pointer (WARC off) after, in arrival order.
Key = tuple[int, str, int, int]


def order_key(archived: ArchivedResponse, arrival: int) -> Key:
    """Where the page's document goes in text.jsonl: the sink's own order, arrival breaking ties."""
    pointer = archived.pointer
    if not pointer.warc_file:
        return (1, "", 0, arrival)
    return (0, pointer.warc_file, pointer.warc_offset, arrival)


class WriteOrder:
    """Hold finished documents until every earlier page in the pipeline has finished too.

    A document is released once no page that entered before it, in WARC order, is still
    being extracted, so the sink receives one sorted run in the common case. A page that
    reaches the pipeline late (after a later record's document was released) only
    starts a new run, which the sink merges at close: the output is the same either way.
    At most ``max_held`` finished documents wait; past that the earliest is released.
    """

    def __init__(self, max_held: int) -> None:
        self.max_held = max_held
        self._arrivals = itertools.count()
        self._running: list[Key] = []  # heap of pages being extracted (lazily pruned)
        self._finished_keys: set[Key] = set()
        self._held: list[tuple[Key, Document]] = []

    def enter(self, archived: ArchivedResponse) -> Key:
        """Register a page handed to extraction; returns its key for :meth:`finish`."""
        key = order_key(archived, next(self._arrivals))
        heapq.heappush(self._running, key)
        return key

    def finish(self, key: Key, document: Document | None) -> list[Document]:
        """Record the page's outcome; return the documents that may be written now, in order."""
        self._finished_keys.add(key)
        if document is not None:
            heapq.heappush(self._held, (key, document))
        while self._running and self._running[0] in self._finished_keys:
            self._finished_keys.discard(heapq.heappop(self._running))
        released = []
        while self._held and (len(self._held) > self.max_held or not self._running
                              or self._held[0][0] < self._running[0]):
            released.append(heapq.heappop(self._held)[1])
        return released

    def drain(self) -> list[Document]:
        """Every held document, in order (the spider is closing: nothing is running)."""
        released = [document for _, document in sorted(self._held, key=lambda pair: pair[0])]
        self._held = []
        return released

    @property
    def held(self) -> int:
        """Finished documents waiting for an earlier page."""
        return len(self._held)
