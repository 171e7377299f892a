"""zhengwen archive: WARC writing and reading, documents and their sinks."""

from __future__ import annotations

from archive.errors import ArchiveError, SinkWriteError, WarcReadError, WarcWriteError
from archive.export import JsonlSink, document_to_json, read_jsonl
from archive.reader import decoded_payload, iter_responses, read_response
from archive.records import ArchivedResponse, Document, Headers, HttpExchange, RecordPointer
from archive.httpmsg import iri_to_uri, warc_date
from archive.writer import WarcWriter

__all__ = [
    "ArchiveError",
    "ArchivedResponse",
    "Document",
    "Headers",
    "HttpExchange",
    "JsonlSink",
    "RecordPointer",
    "SinkWriteError",
    "WarcReadError",
    "WarcWriteError",
    "WarcWriter",
    "decoded_payload",
    "document_to_json",
    "iri_to_uri",
    "iter_responses",
    "read_jsonl",
    "read_response",
    "warc_date",
]
