"""The CDXJ line of each record the writer stores, built from values it has in hand.

The writer keeps one :class:`IndexEntry` per response or revisit (a few short strings,
never the payload) and turns them into lines when the file is finished, so a crawl's
index needs no second pass over its files and capture pays nothing for it per page
(building each line as the record was written cost ~0.1 ms of a crawl's CPU per page,
most of it SURT; in one batch at the end it costs a fifth of that). The fields follow
cdxj_indexer's rules for response and revisit records, with its URL key (SURT) and
warcio's timestamp; ``index_warcs`` over the finished files gives the same lines
(tests/test_archive_index.py holds this). archive/cdxj/index.py merges them.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from cdxj_indexer.main import CDXJIndexer  # type: ignore[import-untyped]
from warcio.timeutils import iso_date_to_timestamp  # type: ignore[import-untyped]


class StableIndexer(CDXJIndexer):  # type: ignore[misc]
    """cdxj_indexer's indexer with a record list of its own.

    py-wacz, when imported, appends ``warcinfo`` to ``CDXJIndexer.DEFAULT_RECORDS``, a list
    the class shares with every instance: after a WACZ was packaged in the same process,
    every index would list the files' warcinfo records too. The lines must not depend on
    what the process imported before.
    """

    DEFAULT_RECORDS = ["response", "revisit", "resource", "metadata"]  # cdxj_indexer's own


_INDEXER = StableIndexer(None, [])


class IndexEntry(NamedTuple):
    """What the CDXJ line of one stored response or revisit record needs.

    ``mime`` is the HTTP head's Content-Type as parsed (``warc/revisit`` for a revisit,
    None without one), ``status`` the status code of its status line (None without an
    HTTP head), ``digest`` the record's WARC-Payload-Digest.
    """

    uri: str
    warc_date: str
    mime: str | None
    status: str | None
    digest: str | None
    offset: int
    length: int


def index_entry(record: Any, offset: int, length: int) -> IndexEntry:
    """The entry of a parsed warcio ``response`` or ``revisit`` ``record`` stored at ``offset``."""
    rec_headers, http = record.rec_headers, record.http_headers
    if record.rec_type == "revisit":
        mime = "warc/revisit"
    else:
        mime = http.get_header("content-type") if http else None
    return IndexEntry(rec_headers.get_header("WARC-Target-URI"), rec_headers.get_header("WARC-Date"), mime,
                      http.get_statuscode() if http else None, rec_headers.get_header("WARC-Payload-Digest"),
                      offset, length)


def index_line(entry: IndexEntry, filename: str) -> str:
    """The CDXJ line of ``entry`` in the WARC file ``filename`` (no directory), as cdxj_indexer writes it."""
    fields: dict[str, str] = {"url": entry.uri}
    mime = entry.mime
    if mime:
        mime = CDXJIndexer.RE_SPACE.split(mime, 1)[0].strip()
    if mime is not None:
        fields["mime"] = mime
    if entry.status is not None:
        fields["status"] = entry.status
    if entry.digest is not None:
        fields["digest"] = entry.digest
    fields["length"] = str(entry.length)
    fields["offset"] = str(entry.offset)
    fields["filename"] = filename
    key = _INDEXER.get_url_key(entry.uri)
    return f"{key} {iso_date_to_timestamp(entry.warc_date)} {json.dumps(fields)}"
