"""Plain data that crosses the crawler → archive boundary: exchanges, stored responses, documents."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: HTTP header fields in wire order, repeats kept: (name, value) pairs.
HeaderList = list[tuple[str, str]]


@dataclass(frozen=True)
class HttpExchange:
    """One HTTP request and the response to it, as received, before any decoding.

    ``response_headers`` keep every value of repeated headers in received order.
    ``payload`` is the entity body exactly as it came off the wire, Content-Encoding
    included (a gzip-encoded response stays gzip-compressed).
    """

    url: str
    method: str
    request_headers: HeaderList
    request_body: bytes
    status: int
    response_headers: HeaderList
    payload: bytes
    protocol: str = "HTTP/1.1"
    ip_address: str | None = None
    truncated: str | None = None


@dataclass(frozen=True)
class RecordPointer:
    """Where a response record lives: WARC file name (no directory), byte offset, record id."""

    warc_file: str
    warc_offset: int
    warc_record_id: str


@dataclass(frozen=True)
class ArchivedResponse:
    """A response as stored in a WARC file: the only input extraction may use.

    ``payload`` is the stored HTTP payload (still Content-Encoded), ``warc_date`` the
    record's WARC-Date string, exactly as written.

    For a ``revisit`` record (identical-payload-digest profile) ``pointer``,
    ``warc_date``, ``status`` and ``headers`` come from the revisit record, ``payload``
    from the original response it refers to, and ``revisit_of`` points at that
    original. ``truncated`` is the record's WARC-Truncated value (``length``,
    ``time`` …): the payload is incomplete. ``payload_digest`` is the record's
    WARC-Payload-Digest as stored (``sha1:`` + base32 in the files zhengwen writes; a
    revisit's names its original's payload), None if the record has none.
    """

    target_uri: str
    status: int
    headers: HeaderList
    payload: bytes
    warc_date: str
    pointer: RecordPointer
    truncated: str | None = None
    revisit_of: RecordPointer | None = None
    payload_digest: str | None = None

    def header(self, name: str) -> str | None:
        """Return the first value of header ``name`` (case-insensitive), or None."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None


@dataclass(frozen=True)
class Document:
    """One cleaned document derived from one archived response.

    Field order is the JSON key order of every export; do not reorder casually.
    ``text`` is None (not "") when the page is not an article or nothing was extracted.
    ``version`` counts the distinct captures of ``url`` that became Documents (1, 2, …);
    ``previous_fetched_at`` is the ``fetched_at`` of the one before (archive/corpus/versions.py).
    """

    url: str
    canonical_url: str
    site: str
    page_type: str
    title: str | None
    published: str | None
    source: str | None
    language: str | None
    text: str | None
    fetched_at: str | None = None
    http_status: int | None = None
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_record_id: str | None = None
    extractor: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    version: int = 1
    previous_fetched_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the document as a plain dict in field order."""
        return asdict(self)
